#include "lone.h"
#include "fsutil.h"
#include "lines.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const lone_feature_names[LONE_N_FEATURES] = {
    "bias",    "fr",      "en_common", "initial", "cap",       "lm",           "lm_abs",  "freq",
    "fr_use",  "en_use",  "fr_man",    "fr_freq",   "not_fr_lm", "not_fr_common", "fr_left", "fr_right", "chars", "man_seen",
};

static int feature_index(const char *name)
{
    for (int i = 0; i < LONE_N_FEATURES; i++)
        if (strcmp(name, lone_feature_names[i]) == 0)
            return i;
    return -1;
}

int lone_load(lone_model *m, const char *path, char *err, size_t errlen)
{
    bool seen[LONE_N_FEATURES] = {false};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    d.what = "model";
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char name[32], extra[2];
        double w;
        int k = -1;
        rc = 0;
        if (sscanf(d.line, "%31s %lf %1s", name, &w, extra) != 2 || !isfinite(w))
            rc = data_lines_fail(&d, "expected 'feature weight'");
        else if ((k = feature_index(name)) < 0 || seen[k])
            rc = data_lines_fail(&d, k < 0 ? "unknown feature '%s'" : "feature '%s' given twice", name);
        else {
            seen[k] = true;
            m->w[k] = w;
        }
    }
    data_lines_close(&d);
    for (int k = 0; k < LONE_N_FEATURES && rc == 0; k++)
        if (!seen[k]) {
            snprintf(err, errlen, "%s: feature '%s' missing", path, lone_feature_names[k]);
            rc = -1;
        }
    return rc;
}

double lone_prob(const lone_model *m, const double x[LONE_N_FEATURES])
{
    double z = 0;
    for (int k = 0; k < LONE_N_FEATURES; k++)
        z += m->w[k] * x[k];
    return 1 / (1 + exp(-z));
}
