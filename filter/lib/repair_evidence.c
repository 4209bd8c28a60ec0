#include "repair_evidence.h"
#include "fsutil.h"
#include "lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* One word a line, '#' comments; stored case-folded. */
static int load_list(strmap *m, text_ctx *tc, const char *dir, const char *name, char *err, size_t errlen)
{
    buf path = {0}, folded = {0};
    buf_printf(&path, "%s/%s", dir, name);
    data_lines d;
    int rc = data_file_open(&d, path.data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char more[2];
        const char *s = d.line + strspn(d.line, " \t"), *e = s + strcspn(s, " \t");
        rc = 0;
        if (sscanf(e, "%1s", more) == 1 || utf8_count_invalid(s, (size_t)(e - s))) {
            rc = data_lines_fail(&d, "one word per line expected (UTF-8)");
        } else {
            text_fold(tc, s, (size_t)(e - s), &folded);
            strmap_put(m, folded.data, folded.len, 1);
        }
    }
    data_lines_close(&d);
    buf_free(&path);
    buf_free(&folded);
    return rc;
}

/* "english [english] => f1 f2 f3 f4 f5" lines; '_' is a space, '-' none. */
static int parse_det(repair_data *rd, char *line, const char *path, int lineno, char *err, size_t errlen)
{
    char *tok[8];
    int n = 0;
    for (char *t = strtok(line, " \t\r"); t && n < 8; t = strtok(NULL, " \t\r"))
        tok[n++] = t;
    if (n == 0)
        return 0;
    int arrow = n == 7 ? 1 : n == 8 ? 2 : -1;
    if (arrow < 0 || strcmp(tok[arrow], "=>") != 0) {
        snprintf(err, errlen, "%s:%d: expected 'english [english] => five French forms'", path, lineno);
        return -1;
    }
    rd->dets = xrealloc(rd->dets, (rd->n_dets + 1) * sizeof *rd->dets);
    det_entry *d = &rd->dets[rd->n_dets++];
    memset(d, 0, sizeof *d);
    for (int k = 0; k < arrow; k++)
        d->en[k] = xstrdup(tok[k]);
    for (int f = 0; f < DET_FORMS; f++) {
        const char *form = tok[arrow + 1 + f];
        if (strcmp(form, "-") == 0)
            continue;
        d->fr[f] = xstrdup(form);
        for (char *c = d->fr[f]; *c; c++)
            if (*c == '_')
                *c = ' ';
    }
    return 0;
}

static int load_dets(repair_data *rd, const char *dir, char *err, size_t errlen)
{
    buf path = {0};
    buf_printf(&path, "%s/repair-determiners.txt", dir);
    data_lines d;
    int rc = data_file_open(&d, path.data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0)
        rc = parse_det(rd, d.line, path.data, d.lineno, err, errlen);
    data_lines_close(&d);
    buf_free(&path);
    return rc;
}

int repair_data_load(repair_data *rd, text_ctx *tc, const char *dir, char *err, size_t errlen)
{
    memset(rd, 0, sizeof *rd);
    if (load_list(&rd->noun_markers, tc, dir, "repair-noun-markers.txt", err, errlen) < 0 ||
        load_list(&rd->name_links, tc, dir, "repair-name-links.txt", err, errlen) < 0 ||
        load_list(&rd->verb_contexts, tc, dir, "repair-verb-contexts.txt", err, errlen) < 0 ||
        load_dets(rd, dir, err, errlen) < 0) {
        repair_data_free(rd);
        return -1;
    }
    return 0;
}

void repair_data_free(repair_data *rd)
{
    strmap_free(&rd->noun_markers);
    strmap_free(&rd->name_links);
    strmap_free(&rd->verb_contexts);
    for (size_t i = 0; i < rd->n_dets; i++) {
        free(rd->dets[i].en[0]);
        free(rd->dets[i].en[1]);
        for (int f = 0; f < DET_FORMS; f++)
            free(rd->dets[i].fr[f]);
    }
    free(rd->dets);
    memset(rd, 0, sizeof *rd);
}

/* The quotation marks of French and English text; a straight quote toggles. */
static int quote_at(const char *s, size_t i, size_t n, size_t *len)
{
    static const struct {
        const char *bytes;
        int kind; /* 1 opens, -1 closes, 0 toggles */
    } marks[] = {{"\xC2\xAB", 1}, {"\xC2\xBB", -1}, {"\xE2\x80\x9C", 1}, {"\xE2\x80\x9D", -1}, {"\"", 0}};
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
        size_t l = strlen(marks[m].bytes);
        if (i + l <= n && memcmp(s + i, marks[m].bytes, l) == 0) {
            *len = l;
            return marks[m].kind;
        }
    }
    *len = 0;
    return 2;
}

/* Headings, titles and menus end without a sentence mark: their capitals
   are the author's. A mark among the last few characters counts (before a
   closing quote or bracket). */
static bool looks_like_heading(const char *s, size_t n)
{
    int seen = 0;
    for (size_t i = n; i > 0 && seen < 4; i--) {
        unsigned char c = (unsigned char)s[i - 1];
        if (c == ' ' || (c & 0xC0) == 0x80)
            continue;
        seen++;
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
            return false;
        if (c == 0xE2 && i + 1 < n && (unsigned char)s[i] == 0x80 && (unsigned char)s[i + 1] == 0xA6)
            return false; /* … */
    }
    return true;
}

void repair_scan_begin(repair_scan *sc, const repair_input *in)
{
    sc->in = in;
    sc->heading = looks_like_heading(in->s, in->n);
    size_t count = in->words->count;
    sc->quoted = count <= sizeof sc->quoted_stack ? sc->quoted_stack : xmalloc(count);
    int depth = 0;
    size_t k = 0;
    for (size_t i = 0; i < in->n && k < count;) {
        if (i == in->words->items[k].start) {
            sc->quoted[k++] = depth > 0;
            continue;
        }
        size_t len;
        int q = quote_at(in->s, i, in->n, &len);
        if (q == 1 || (q == 0 && depth == 0))
            depth++;
        else if ((q == -1 || q == 0) && depth > 0)
            depth--;
        i += len ? len : 1;
    }
    while (k < count)
        sc->quoted[k++] = depth > 0;
}

void repair_scan_end(repair_scan *sc)
{
    if (sc->quoted != sc->quoted_stack)
        free(sc->quoted);
}

const mtc_word_info *word_at(const repair_scan *sc, size_t i)
{
    return i < sc->in->words->count ? &sc->in->words->items[i] : NULL;
}

bool words_adjacent(const repair_scan *sc, const mtc_word_info *a, const mtc_word_info *b)
{
    return a && b && b->start == a->start + a->len + 1 && sc->in->s[a->start + a->len] == ' ';
}

static UChar32 first_char(const repair_scan *sc, const mtc_word_info *w)
{
    size_t i = 0;
    return utf8_next(sc->in->s + w->start, w->len, &i);
}

bool word_starts_upper(const repair_scan *sc, const mtc_word_info *w)
{
    UChar32 c = first_char(sc, w);
    return c > 0 && u_isupper(c);
}

bool word_starts_lower(const repair_scan *sc, const mtc_word_info *w)
{
    UChar32 c = first_char(sc, w);
    return c > 0 && u_islower(c);
}

bool word_is(const repair_scan *sc, const mtc_word_info *w, const char *lit)
{
    if (strlen(lit) != w->len)
        return false;
    const char *a = sc->in->s + w->start;
    for (size_t i = 0; i < w->len; i++)
        if ((a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]) != lit[i])
            return false;
    return true;
}

bool word_key(const repair_scan *sc, const mtc_word_info *w, char *key, size_t cap)
{
    const char *a = sc->in->s + w->start;
    if (w->len >= cap)
        return false;
    for (size_t i = 0; i < w->len; i++) {
        if ((unsigned char)a[i] >= 0x80)
            return false;
        key[i] = (char)(a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]);
    }
    key[w->len] = '\0';
    return true;
}

bool word_in(const repair_scan *sc, const mtc_word_info *w, const strmap *list)
{
    buf folded = {0};
    text_fold(sc->in->tc, sc->in->s + w->start, w->len, &folded);
    /* The lists hold elisions with the typographic apostrophe and the straight one. */
    bool found = strmap_get(list, folded.data, folded.len, NULL);
    buf_free(&folded);
    return found;
}

bool verdict_french(mtc_word_verdict v) { return v == MTC_WORD_FR || v == MTC_WORD_FR_CAPITALISED; }

bool verdict_english(mtc_word_verdict v) { return v == MTC_WORD_EN || v == MTC_WORD_EN_FUNCTION; }

bool followed_by_name(const repair_scan *sc, size_t i)
{
    for (size_t k = i + 1, links = 0; k < sc->in->words->count && links <= 2; k++) {
        const mtc_word_info *w = word_at(sc, k);
        if (word_starts_upper(sc, w))
            return true;
        if (!word_in(sc, w, &sc->in->rd->name_links))
            return false;
        links++;
    }
    return false;
}

bool preceded_by_capital(const repair_scan *sc, size_t i)
{
    return i > 0 && word_starts_upper(sc, word_at(sc, i - 1));
}
