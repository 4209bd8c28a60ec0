/* Prints the boilerplate classifier's per-line features, for rules/fit_boiler.py:
   boiler-features RULES_DIR [VOCAB [LEXICON]] < text. A line holding only "\x1e" ends a
   document (the line counters and the repetition set start again). Output: a
   header of feature names, then one tab-separated line of values per input
   line (blank lines too: the script skips them as the pipeline does). */
#include "../filter/lib/boiler.h"
#include "../filter/lib/settings.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As the pipeline's: a blank line never reaches the classifier. */
static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
            i++;
        else if (c != ' ' && c != '\t' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) { /* VOCAB, LEXICON: others (the script's cross-fitting) */
        fprintf(stderr, "usage: boiler-features RULES_DIR [VOCAB [LEXICON]] < text\n");
        return 2;
    }
    boiler_model m;
    char err[512];
    if (boiler_words_load(&m, argv[1], err, sizeof err) < 0 ||
        (argc >= 3 && boiler_vocab_load(&m, argv[2], err, sizeof err) < 0) ||
        (argc == 4 && boiler_lexicon_load(&m, argv[3], err, sizeof err) < 0)) {
        fprintf(stderr, "boiler-features: %s\n", err);
        return 2;
    }
    mtc_config cfg;
    buf conf = {0};
    buf_printf(&conf, "%s/default.conf", argv[1]);
    if (config_load_file(&cfg, conf.data, err, sizeof err) < 0) {
        fprintf(stderr, "boiler-features: %s\n", err);
        return 2;
    }
    buf_free(&conf);
    boiler_doc d; /* the pipeline's settings, so the features are the pipeline's */
    boiler_doc_init(&d, (size_t)cfg.boiler_doc_max_lines, (size_t)cfg.boiler_scan_bytes);
    for (size_t i = 0; i < BOILER_N1; i++)
        printf("%s%s", i ? "\t" : "", boiler_feature_name(i));
    printf("\n");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    double f[BOILER_N1];
    while ((got = getline(&line, &cap, stdin)) >= 0) {
        size_t n = (size_t)got;
        if (n && line[n - 1] == '\n')
            n--;
        if (n == 1 && line[0] == '\x1e') {
            boiler_doc_reset(&d);
            printf("doc\n");
            continue;
        }
        if (blank(line, n)) /* the script skips it; the counters must too */
            memset(f, 0, sizeof f);
        else
            boiler_features(&m, &d, line, n, f);
        for (size_t i = 0; i < BOILER_N1; i++)
            printf("%s%.6g", i ? "\t" : "", f[i]);
        printf("\n");
    }
    free(line);
    boiler_doc_free(&d);
    boiler_model_free(&m);
    return 0;
}
