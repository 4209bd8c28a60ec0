#include "score.h"
#include <stdlib.h>

const char *label_name(seg_label l)
{
    static const char *names[] = {"clean", "mixed", "boilerplate", "english"};
    return names[l];
}

unsigned seg_scored_words(const seg_score *sc) { return sc->fr + sc->en + sc->both + sc->unknown + sc->junk; }

static void count(seg_score *sc, verdict v, int *last_lang)
{
    switch (v) {
    case V_SKIP: sc->skipped++; return;
    case V_BOTH: sc->both++; return;
    case V_UNKNOWN: sc->unknown++; return;
    case V_JUNK: sc->junk++; return;
    case V_FR:
    case V_EN:
        break;
    }
    if (v == V_FR)
        sc->fr++;
    else
        sc->en++;
    if (*last_lang && *last_lang != (int)v)
        sc->switches++;
    *last_lang = (int)v;
}

void verdict_vec_free(verdict_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

static void record(verdict_vec *v, const word_tok *t, verdict vd)
{
    if (!v)
        return;
    if (v->count == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->count++] = (mtc_word_info){t->start, t->len, (mtc_word_verdict)vd};
}

void score_segment(lexicon *lx, text_ctx *tc, const char *s, const word_vec *words, seg_score *out,
                   verdict_vec *verdicts)
{
    *out = (seg_score){0};
    if (verdicts)
        verdicts->count = 0;
    int last_lang = 0;
    for (size_t i = 0; i < words->count; i++) {
        const word_tok *t = &words->items[i];
        verdict v = lexicon_verdict(lx, tc, s + t->start, t->len, t->initial);
        if (t->kind == TOK_COMPOUND) {
            /* A known compound counts once; otherwise its parts count. */
            if (v == V_FR || v == V_EN || v == V_BOTH) {
                count(out, v, &last_lang);
                record(verdicts, t, v);
                i += t->n_parts;
            }
            continue;
        }
        count(out, v, &last_lang);
        record(verdicts, t, v);
    }
}

seg_label label_from_score(const mtc_config *cfg, const seg_score *sc)
{
    unsigned scored = seg_scored_words(sc);
    if (sc->junk >= cfg->mixed_min_junk)
        return LABEL_MIXED;
    if (scored < cfg->min_words)
        return LABEL_CLEAN;
    if (sc->fr <= cfg->english_max_fr && sc->en > sc->fr)
        return LABEL_ENGLISH;
    double en_share = sc->fr + sc->en ? (double)sc->en / (sc->fr + sc->en) : 0.0;
    if (sc->en >= cfg->mixed_min_en && sc->fr >= cfg->mixed_min_fr && en_share >= cfg->mixed_min_en_share)
        return LABEL_MIXED;
    if (sc->switches >= cfg->mixed_min_switches)
        return LABEL_MIXED;
    if (sc->unknown >= cfg->mixed_min_unknown && (double)sc->unknown / scored >= cfg->mixed_min_unknown_share)
        return LABEL_MIXED;
    return LABEL_CLEAN;
}
