/* The article's container (extract.c, step 4): Readability's paragraph
   scores, a split article's common ancestor, the siblings that join, and
   the second opinion of the element with the most net good text. */
#include "extract_walk.h"
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static double weight(const extract_conf *c, const block *b)
{
    switch (b->cls) {
    case CLS_GOOD: return b->chars - b->link_chars;
    case CLS_SHORT: return -c->short_weight * b->chars;
    case CLS_BAD: return -c->bad_weight * b->chars;
    default: return 0;
    }
}

/* Good text minus short and bad text, over each element's subtree: a
   sibling of the article joins it only if this is positive. */
static void subtree_scores(walk *w)
{
    for (size_t i = 0; i < w->n_bl; i++)
        if (w->bl[i].owner >= 0)
            w->el[w->bl[i].owner].score += weight(w->c, &w->bl[i]);
    for (size_t i = w->n_el; i-- > 1;) /* children come after their parent */
        if (w->el[i].parent >= 0)
            w->el[w->el[i].parent].score += w->el[i].score;
}

static bool teaser_like(const walk *w, int i);

/* Per block: inside a teaser grid (candidate.skip_teasers), NULL if off. */
static bool *teaser_blocks(const walk *w)
{
    if (!w->c->candidate_skip_teasers)
        return NULL;
    bool *in = xcalloc(w->n_bl + 1, sizeof *in);
    for (size_t i = 0; i < w->n_bl; i++)
        for (int a = w->bl[i].owner; a >= 0 && !in[i]; a = w->el[a].parent)
            in[i] = teaser_like(w, a);
    return in;
}

static double good_chars(const walk *w, int lo, int hi, bool selected_only, const bool *skip)
{
    double sum = 0;
    for (size_t i = 0; i < w->n_bl; i++) {
        const block *b = &w->bl[i];
        if (b->cls == CLS_GOOD && !(skip && skip[i]) && (selected_only ? b->selected : b->owner >= lo && b->owner < hi))
            sum += b->chars;
    }
    return sum;
}

/* A second opinion (as trafilatura asks its fallbacks): the element whose
   subtree has the most good text net of short and bad text. When the
   chosen container has much less good text than that one, the choice was
   a fragment (a comment, a teaser) and the larger element is taken --
   without its teaser grids, whose summaries are no part of the article. */
static void check_container(walk *w)
{
    int best = -1;
    double top = 0;
    for (size_t i = 0; i < w->n_el; i++)
        if (w->el[i].score > top && !(w->c->candidate_skip_teasers && teaser_like(w, (int)i))) {
            top = w->el[i].score;
            best = (int)i;
        }
    if (best < 0 || w->c->fallback_share <= 0)
        return;
    bool *skip = teaser_blocks(w);
    double chosen = good_chars(w, 0, 0, true, skip), other = good_chars(w, best, w->el[best].end, false, skip);
    if (chosen < w->c->fallback_share * other)
        for (size_t i = 0; i < w->n_bl; i++)
            w->bl[i].selected = w->bl[i].owner >= best && w->bl[i].owner < w->el[best].end && !(skip && skip[i]);
    free(skip);
}

/* A headline that is a link: a bad block of sentence_min_words words or
   more, nearly all of it in links. */
static bool link_line(const walk *w, const block *b)
{
    return b->cls == CLS_BAD && b->link_chars >= 0.9 * b->chars &&
           (double)extract_words(w->text.data + b->off, b->len) >= w->c->sentence_min_words;
}

/* A prose block: good, or a whole sentence without links. */
static bool prose(const block *b)
{
    return b->cls == CLS_GOOD || (b->full_stop && b->link_chars == 0);
}

/* Teasers of other articles: sibling.max_link_headings linked headlines
   or more, and at most sibling.teaser_lines times as many prose blocks. */
static bool teaser_like(const walk *w, int i)
{
    double max = w->c->sibling_max_link_headings, ratio = w->c->sibling_teaser_lines;
    return max > 0 && ratio > 0 && w->el[i].lines >= max && w->el[i].lines * ratio >= w->el[i].prose;
}

/* Per element: text, links, linked headlines, prose blocks and blocks of
   its subtree. */
static void subtree_counts(walk *w)
{
    for (size_t i = 0; i < w->n_bl; i++) {
        const block *b = &w->bl[i];
        if (b->owner < 0)
            continue;
        w->el[b->owner].chars += b->chars;
        w->el[b->owner].links += b->link_chars;
        w->el[b->owner].lines += link_line(w, b);
        w->el[b->owner].prose += prose(b);
        w->el[b->owner].blocks++;
    }
    for (size_t i = w->n_el; i-- > 1;)
        if (w->el[i].parent >= 0) {
            elem *p = &w->el[w->el[i].parent];
            p->chars += w->el[i].chars;
            p->links += w->el[i].links;
            p->lines += w->el[i].lines;
            p->prose += w->el[i].prose;
            p->blocks += w->el[i].blocks;
        }
}

/* An image's caption without a caption tag or class: the only block of an
   element with an img child, or of that element's child. */
static bool caption(const walk *w, const block *b)
{
    if (b->chars > w->c->caption_max_chars)
        return false;
    int a = b->owner;
    for (int level = 0; a >= 0 && level < 3; level++, a = w->el[a].parent)
        if (w->el[a].blocks == 1 && w->el[a].has_img)
            return true;
    return false;
}

/* Readability's paragraph score, given to the paragraph's container in full,
   to its parent by half, and less to a few more ancestors. */
static void paragraph_scores(walk *w)
{
    subtree_counts(w);
    for (size_t i = 0; i < w->n_bl; i++) {
        block *b = &w->bl[i];
        if (b->owner < 0 || b->cls == CLS_BAD || b->cls == CLS_HEAD || b->chars < w->c->candidate_min_chars)
            continue;
        if ((b->caption = caption(w, b)))
            continue;
        double s = 1 + b->commas + (b->chars / 100 < 3 ? (double)(int)(b->chars / 100) : 3);
        int a = w->el[b->owner].parent;
        for (int level = 0; a >= 0 && level < 5; level++, a = w->el[a].parent)
            w->el[a].rscore += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
}

static double candidate_score(const walk *w, int i)
{
    const elem *e = &w->el[i];
    double ld = e->chars > 0 ? e->links / e->chars : 1;
    return e->rscore * (1 - ld) * (e->content ? 1 + w->c->content_bonus : 1);
}

/* An article cut into several containers: when enough other candidates
   score nearly as well as the top one, the nearest ancestor of the top one
   holding that many of them is the article (Readability does the same). */
static int common_ancestor(const walk *w, int top, double best)
{
    if (w->c->split_min_candidates <= 0)
        return top;
    for (int a = w->el[top].parent; a >= 0 && w->el[a].parent >= 0; a = w->el[a].parent) {
        int inside = 0;
        for (int i = a + 1; i < w->el[a].end; i++)
            if (i != top && !(top < i && i < w->el[top].end) && !(i < top && top < w->el[i].end) &&
                candidate_score(w, i) >= best * w->c->split_min_share)
                inside++;
        if (inside >= (int)w->c->split_min_candidates)
            return a;
    }
    return top;
}

/* The child of parent that holds element a (top itself for top's subtree). */
static int sibling_of(const walk *w, int a, int top, int parent)
{
    while (a >= 0 && a != top && w->el[a].parent != parent)
        a = w->el[a].parent;
    return a;
}

/* Per sibling of the top candidate: is it teasers of other articles? Much
   of its text in links, or several headings that are links, or several
   linked headlines and no more prose blocks than them (a linked title and
   a summary each): its good paragraphs do not join. An article's
   continuation with a "Lire aussi" line or two has more prose than that. */
static bool *teaser_siblings(const walk *w, int top, int parent)
{
    bool *teasers = xcalloc(w->n_el, sizeof *teasers);
    int *heads = xcalloc(w->n_el, sizeof *heads);
    for (size_t i = 0; i < w->n_bl; i++)
        if ((w->bl[i].bits & TAG_HEADING) && w->bl[i].cls == CLS_BAD) {
            int a = sibling_of(w, w->bl[i].owner, top, parent);
            heads[a >= 0 ? a : 0]++;
        }
    double max = w->c->sibling_max_link_headings;
    for (int i = parent + 1; parent >= 0 && i < w->el[parent].end; i = w->el[i].end) {
        const elem *e = &w->el[i];
        teasers[i] = (e->chars > 0 && e->links / e->chars > w->c->sibling_max_link_density) ||
                     (max > 0 && heads[i] >= max) || teaser_like(w, i);
    }
    free(heads);
    return teasers;
}

/* Whether block i of a sibling may fill a gap between selected blocks: a
   short block or a heading (a table row, a subheading, "Parmi les
   nouveautés :"), not a byline or a date, in a sibling that is no teaser. */
static bool fills(const walk *w, size_t i, int top, int parent, const bool *teasers)
{
    const block *b = &w->bl[i];
    if (b->cls != CLS_SHORT && b->cls != CLS_HEAD)
        return false;
    int a = sibling_of(w, b->owner, top, parent);
    if (a < 0 || teasers[a])
        return false;
    return !(w->c->dateline_max_chars > 0 && b->chars <= w->c->dateline_max_chars &&
             extract_dateline(w->text.data + b->off, b->len));
}

/* jusText's context across the siblings' bounds: the blocks between two
   selected ones join when all of them may (fills), tiny bad blocks
   ("|", a lone figure) aside, which stay out. */
static void fill_between(walk *w, int top, int parent, const bool *teasers)
{
    if (!w->c->sibling_fill || parent < 0)
        return;
    size_t from = SIZE_MAX; /* one past the last selected block, SIZE_MAX: a break since */
    for (size_t i = 0; i < w->n_bl; i++) {
        block *b = &w->bl[i];
        if (b->selected) {
            for (size_t j = from; from != SIZE_MAX && j < i; j++)
                w->bl[j].selected = w->bl[j].cls != CLS_BAD;
            from = i + 1;
        } else if (!fills(w, i, top, parent, teasers) && !(b->cls == CLS_BAD && b->chars < w->c->min_block_chars))
            from = SIZE_MAX;
    }
}

/* Whether two elements have the same tag and the same class attribute. */
static bool twins(xmlNodePtr a, xmlNodePtr b)
{
    if (strcmp((const char *)a->name, (const char *)b->name) != 0)
        return false;
    xmlChar *ca = xmlGetProp(a, (const xmlChar *)"class"), *cb = xmlGetProp(b, (const xmlChar *)"class");
    bool same = ca && cb && *ca && xmlStrcmp(ca, cb) == 0;
    xmlFree(ca);
    xmlFree(cb);
    return same;
}

/* An article cut by an ad or a "Lire aussi" box into wrappers of one
   kind (div.texte > div.txt, twice): climbing from the top candidate
   through wrappers that hold no other text, the siblings of the same tag
   and class as the wrapper, with net good text and a candidate score of
   sibling.min_share of the top one (sibling.min_score aside: a part may
   be short), join
   (sibling.climb_wrappers). Readability climbs out of only children to
   find such parts; a twin is a sharper sign of one article, so a "Key
   points" box or a company profile near it stays out. */
static void join_twins(walk *w, int top, double best)
{
    if (!w->c->sibling_climb)
        return;
    int *depth = xcalloc(w->n_el + 1, sizeof *depth); /* +1 at a twin, -1 past its subtree */
    for (int a = top, p = w->el[a].parent; p >= 0 && w->el[p].parent >= 0; a = p, p = w->el[p].parent) {
        for (int i = p + 1; i < w->el[p].end; i = w->el[i].end)
            if (i != a && w->el[i].score > 0 && candidate_score(w, i) >= best * w->c->sibling_min_share &&
                twins(w->el[a].node, w->el[i].node)) {
                depth[i]++;
                depth[w->el[i].end]--;
            }
        if (w->el[p].chars - w->el[a].chars >= w->c->min_block_chars)
            break; /* the parent holds more than the wrapper: stop there */
    }
    for (size_t i = 1; i <= w->n_el; i++) /* now: how many twins hold element i */
        depth[i] += depth[i - 1];
    for (size_t k = 0; k < w->n_bl; k++)
        w->bl[k].selected |= w->bl[k].owner >= 0 && depth[w->bl[k].owner] > 0;
    free(depth);
}

/* The top candidate and those of its siblings that score well enough or
   hold good text of their own. Returns false when there is no candidate. */
static bool select_container(walk *w)
{
    paragraph_scores(w);
    int top = -1;
    double best = 0;
    for (size_t i = 0; i < w->n_el; i++)
        if (candidate_score(w, (int)i) > best && !(w->c->candidate_skip_teasers && teaser_like(w, (int)i))) {
            best = candidate_score(w, (int)i);
            top = (int)i;
        }
    if (top < 0)
        return false;
    top = common_ancestor(w, top, best);
    best = candidate_score(w, top) > best ? candidate_score(w, top) : best;
    int parent = w->el[top].parent;
    double floor = best * w->c->sibling_min_share;
    if (floor < w->c->sibling_min_score)
        floor = w->c->sibling_min_score;
    bool *chosen = xcalloc(w->n_el, sizeof *chosen), *teasers = teaser_siblings(w, top, parent);
    chosen[top] = true;
    for (int i = parent + 1; parent >= 0 && i < w->el[parent].end; i = w->el[i].end)
        if (i != top && !teasers[i] && w->el[i].score > 0 && candidate_score(w, i) >= floor)
            chosen[i] = true;
    for (size_t i = 0; i < w->n_bl; i++) {
        block *b = &w->bl[i];
        int a = sibling_of(w, b->owner, top, parent);
        bool sentence = b->cls == CLS_SHORT && b->full_stop && b->link_chars == 0 && w->c->sibling_keep_sentences;
        b->selected = a >= 0 && (chosen[a] || ((b->cls == CLS_GOOD || sentence) && parent >= 0 && a != top &&
                                                w->c->sibling_keep_good && !teasers[a]));
    }
    join_twins(w, top, best);
    fill_between(w, top, parent, teasers);
    free(chosen);
    free(teasers);
    return true;
}

void extract_choose(walk *w)
{
    subtree_scores(w);
    if (!select_container(w))
        for (size_t i = 0; i < w->n_bl; i++) /* no container: every block, the filters decide */
            w->bl[i].selected = true;
    else
        check_container(w);
}
