/* Prints the lone-English-word model's features (filter/lib/lone.h) of every
   candidate word, for dicts/fit-lone-en.py: lone-features < lines (the
   project's rules and word lists, as mtc_engine_load finds them; --names:
   the features' names alone). Each input
   line is one segment (the caller gives sentences); output: a header, then
   "line<TAB>start<TAB>len<TAB>features..." per candidate (start and len in
   bytes of the line as given, which must be NFC). */
#include "engine.h"
#include "labeller.h"
#include "score.h"
#include "words.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The units score_segment weighed, rebuilt from its verdicts: the evidence
   again, the labels as given (quotation marks are not marked here). */
static size_t rebuild(lexicon *lx, text_ctx *tc, const char *s, const word_vec *words, const verdict_vec *vv,
                      label_unit *u)
{
    for (size_t k = 0; k < vv->count; k++) {
        const mtc_word_info *wi = &vv->items[k];
        bool initial = false;
        for (size_t i = 0; i < words->count; i++)
            if (words->items[i].start == wi->start)
                initial = words->items[i].initial;
        u[k] = (label_unit){.initial = initial, .lang = wi->lang};
        lexicon_evidence(lx, tc, s + wi->start, wi->len, initial, lexicon_prefetch(lx, s + wi->start, wi->len, initial),
                         &u[k].ev);
        if (wi->lang == MTC_LANG_CODE)
            u[k].ev.flags |= EV_TOKEN;
    }
    return vv->count;
}

static void print_line(lexicon *lx, text_ctx *tc, const mtc_config *cfg, tokenizer *tk, long no, const char *s,
                       size_t n)
{
    static word_vec words;
    static verdict_vec vv;
    seg_score sc;
    tokenize(tk, s, n, &words);
    score_segment(lx, tc, cfg, s, n, &words, &sc, &vv);
    label_unit *u = xmalloc((vv.count + 1) * sizeof *u);
    size_t m = rebuild(lx, tc, s, &words, &vv, u);
    double x[LONE_N_FEATURES], use[3];
    for (size_t i = 0; i < m; i++) {
        if (!lone_candidate(u, m, i))
            continue;
        lone_use(lx, tc, s + vv.items[i].start, vv.items[i].len, use);
        lone_features(u, m, i, use, x);
        printf("%ld\t%zu\t%zu", no, vv.items[i].start, vv.items[i].len);
        for (int k = 0; k < LONE_N_FEATURES; k++)
            printf("\t%g", x[k]);
        printf("\n");
    }
    free(u);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--names") == 0) { /* before any weights exist */
        for (int k = 0; k < LONE_N_FEATURES; k++)
            printf("%s\n", lone_feature_names[k]);
        return 0;
    }
    char err[1024];
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    tokenizer *tk = e ? tokenizer_new(err, sizeof err) : NULL;
    lexicon *lx = tk ? lexicon_new(e->dict_dir, &e->lists, 100000, NULL, err, sizeof err) : NULL;
    if (!lx) {
        fprintf(stderr, "lone-features: %s\n", err);
        return 2;
    }
    text_ctx *tc = text_ctx_new();
    printf("line\tstart\tlen");
    for (int k = 0; k < LONE_N_FEATURES; k++)
        printf("\t%s", lone_feature_names[k]);
    printf("\n");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    for (long no = 1; (got = getline(&line, &cap, stdin)) >= 0; no++) {
        size_t n = (size_t)got;
        if (n && line[n - 1] == '\n')
            n--;
        print_line(lx, tc, &e->cfg, tk, no, line, n);
    }
    free(line);
    text_ctx_free(tc);
    lexicon_free(lx);
    tokenizer_free(tk);
    mtc_engine_free(e);
    return 0;
}
