#include "score.h"
#include <stdlib.h>
#include <string.h>

const char *label_name(seg_label l)
{
    static const char *names[] = {"clean", "mixed", "boilerplate", "english"};
    return names[l];
}

unsigned seg_scored_words(const seg_score *sc) { return sc->fr + sc->en + sc->both + sc->unknown + sc->junk; }

static void count(seg_score *sc, verdict v, int *last_lang)
{
    if (v == V_EN_FUNCTION) {
        sc->en_function++;
        v = V_EN;
    } else if (v == V_FR_CAPITALISED) {
        sc->fr_capitalised++;
        v = V_FR;
    }
    switch (v) {
    case V_SKIP: sc->skipped++; return;
    case V_BOTH: sc->both++; return;
    case V_UNKNOWN: sc->unknown++; return;
    case V_JUNK: sc->junk++; return;
    default:
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

/* Quotation spans: « », “ ” and "..." pairs; an unmatched mark opens nothing. */
static bool quote_mark(const char *s, size_t i, size_t n, bool *opening, size_t *len)
{
    unsigned char lead = (unsigned char)s[i];
    if (lead != '"' && lead != 0xC2 && lead != 0xE2) /* the only first bytes of the marks below */
        return false;
    static const struct {
        const char *bytes;
        int kind; /* 1 opens, 2 closes, 3 both */
    } marks[] = {{"\xC2\xAB", 1}, {"\xC2\xBB", 2}, {"\xE2\x80\x9C", 1}, {"\xE2\x80\x9D", 2}, {"\"", 3}};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t l = strlen(marks[m].bytes);
        if (i + l <= n && memcmp(s + i, marks[m].bytes, l) == 0) {
            *opening = marks[m].kind == 1;
            *len = l;
            return marks[m].kind != 3 || (*opening = true, true);
        }
    }
    return false;
}

/* Quoted English ("« advanced persistent threat »") is a citation, not MT
   damage: words of a quotation holding no French-only word are not scored. */
static void skip_english_quotations(const char *s, size_t n, const word_vec *words, verdict *v)
{
    bool any_english = false; /* most segments: nothing to skip, no need to find the quotes */
    for (size_t k = 0; k < words->count && !any_english; k++)
        any_english = v[k] == V_EN || v[k] == V_EN_FUNCTION;
    if (!any_english)
        return;
    size_t open_at = (size_t)-1;
    for (size_t i = 0; i < n;) {
        bool opening;
        size_t len;
        if (!quote_mark(s, i, n, &opening, &len)) {
            i++;
            continue;
        }
        bool straight = s[i] == '"';
        if (open_at == (size_t)-1 && opening) {
            open_at = i + len;
        } else if (open_at != (size_t)-1 && (!opening || straight)) {
            bool french = false, english = false;
            for (size_t k = 0; k < words->count; k++) {
                size_t a = words->items[k].start;
                if (a < open_at || a >= i)
                    continue;
                french |= v[k] == V_FR || v[k] == V_FR_CAPITALISED;
                english |= v[k] == V_EN || v[k] == V_EN_FUNCTION;
            }
            for (size_t k = 0; english && !french && k < words->count; k++)
                if (words->items[k].start >= open_at && words->items[k].start < i)
                    v[k] = V_SKIP;
            open_at = (size_t)-1;
        }
        i += len;
    }
}

void score_segment(lexicon *lx, text_ctx *tc, const char *s, size_t n, const word_vec *words, seg_score *out,
                   verdict_vec *verdicts)
{
    *out = (seg_score){0};
    if (verdicts)
        verdicts->count = 0;
    verdict stack_verdicts[256];
    verdict *v = words->count <= 256 ? stack_verdicts : xmalloc(words->count * sizeof *v);
    for (size_t i = 0; i < words->count; i++) {
        const word_tok *t = &words->items[i];
        v[i] = lexicon_verdict(lx, tc, s + t->start, t->len, t->initial);
    }
    skip_english_quotations(s, n, words, v);
    int last_lang = 0;
    for (size_t i = 0; i < words->count; i++) {
        const word_tok *t = &words->items[i];
        if (t->kind == TOK_COMPOUND) {
            /* A known compound counts once (its parts are skipped); otherwise its parts count. */
            if (v[i] != V_SKIP && v[i] != V_UNKNOWN && v[i] != V_JUNK) {
                count(out, v[i], &last_lang);
                record(verdicts, t, v[i]);
                i += t->n_parts;
            }
            continue;
        }
        count(out, v[i], &last_lang);
        record(verdicts, t, v[i]);
    }
    if (v != stack_verdicts)
        free(v);
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
    if (sc->en_function >= cfg->mixed_min_function && sc->fr >= cfg->mixed_min_fr)
        return LABEL_MIXED;
    if (sc->fr_capitalised >= cfg->mixed_min_capitalised)
        return LABEL_MIXED;
    if (sc->unknown >= cfg->mixed_min_unknown && (double)sc->unknown / scored >= cfg->mixed_min_unknown_share)
        return LABEL_MIXED;
    return LABEL_CLEAN;
}
