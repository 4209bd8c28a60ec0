/* Link lines of the article (extract.c, step 5): a line that is a link
   is dropped as chrome unless it sits, alone, between the article's
   paragraphs as an author writes one (output.link_line_max_run). */
#include "extract_walk.h"
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

enum { NO_LINK_LINE, ARTICLE_LINK, TEASER_LINK };

/* Whether the block's text is in capitals ("SEAN SPICER ELIMINATED...")
   or opened by a chrome label: a teaser's headline. */
static bool teaser_text(const extract_conf *c, const char *s, size_t len)
{
    size_t upper = 0, lower = 0;
    for (size_t k = 0; k < len; k++) {
        upper += s[k] >= 'A' && s[k] <= 'Z';
        lower += s[k] >= 'a' && s[k] <= 'z';
    }
    return upper > lower || extract_chrome_opened(c, s, len);
}

/* A line that is a link, written in a paragraph, a list item or a
   heading as an author writes one (a box of its own, a div, is a
   site's), no chrome label: the article's ("Get it on Amazon for $39", a
   source's URL, a pull quote to tweet) or a teaser (teaser_text). */
static int link_line(const walk *w, size_t i)
{
    const block *b = &w->bl[i];
    if (b->cls != CLS_BAD || b->chrome || b->chars < w->c->min_block_chars || b->owner < 0)
        return NO_LINK_LINE;
    const elem *e = &w->el[b->owner];
    if (!(e->bits & (TAG_ITEM | TAG_HEADING)) && strcmp((const char *)e->node->name, "p") != 0)
        return NO_LINK_LINE;
    return teaser_text(w->c, w->text.data + b->off, b->len) ? TEASER_LINK : ARTICLE_LINK;
}

/* Whether block j counts in a run of link lines: an article's link line
   that is no heading (a linked heading titles the good text after it). */
static bool counts(const walk *w, size_t j, int kind)
{
    return w->bl[j].selected && kind == ARTICLE_LINK && !(w->bl[j].bits & TAG_HEADING);
}

/* Whether block j beside link line i is the article's text: a good
   block, or, for a list item, an item without links of the same list
   ("Your email list will begin to grow" among plain items). */
static bool text_beside(const walk *w, size_t j, size_t i)
{
    const block *a = &w->bl[j], *b = &w->bl[i];
    if (a->cls == CLS_GOOD)
        return true;
    return a->cls == CLS_SHORT && a->link_chars == 0 && (a->bits & TAG_ITEM) && (b->bits & TAG_ITEM) &&
           a->owner >= 0 && b->owner >= 0 && w->el[a->owner].parent == w->el[b->owner].parent;
}

/* Whether block i is an article's link line in a run of at most
   output.link_line_max_run of them (teasers and headings between them
   aside) with good text right before and after the run: a deal's or a
   source's link between the article's paragraphs, which a link headline
   list at its end is not. */
bool extract_inline_link(const walk *w, size_t i)
{
    int kind = link_line(w, i);
    if (w->c->link_line_max_run <= 0 || kind != ARTICLE_LINK)
        return false;
    size_t run = counts(w, i, kind), j = i, k = i;
    while (j-- > 0 && (!w->bl[j].selected || (kind = link_line(w, j)) != NO_LINK_LINE))
        run += counts(w, j, kind);
    while (++k < w->n_bl && (!w->bl[k].selected || (kind = link_line(w, k)) != NO_LINK_LINE))
        run += counts(w, k, kind);
    while (k < w->n_bl && (!w->bl[k].selected || w->bl[k].cls == CLS_HEAD))
        k++;
    return run <= w->c->link_line_max_run && j < w->n_bl && text_beside(w, j, i) && k < w->n_bl &&
           text_beside(w, k, i);
}

/* The card of a media link: its nearest ancestor with text of its own
   (block.min_chars or more), when that holds at most
   output.card_max_chars characters and no good block -- a teaser (a
   linked picture, a kicker, a headline) in a "most read" rail, or a
   photo's credit and caption; -1 when none. The article's paragraphs
   beside a linked photo make its box longer than a card; a photo inside
   a block with text of its own (own: characters of the blocks an element
   owns itself) is in the prose, as a floated image in a <p> is. */
static int card_of(const walk *w, int link, const int *good, const double *own)
{
    int owner = w->el[link].owner;
    if (owner >= 0 && own[owner] >= w->c->min_block_chars)
        return -1;
    int a = link;
    while (a >= 0 && w->el[a].chars < w->c->min_block_chars)
        a = w->el[a].parent;
    if (a < 0 || w->el[a].chars > w->c->card_max_chars || good[a] > 0)
        return -1;
    return a;
}

static bool in_box(const walk *w, size_t j, int box)
{
    return w->bl[j].owner >= box && w->bl[j].owner < w->el[box].end;
}

/* Whether heading h heads cards only: the other blocks of its box (its
   nearest ancestor with more text than it), up to a bound, are all in
   cards, and there is one at least. */
static bool heads_cards(const walk *w, size_t h, const bool *in_card)
{
    const block *b = &w->bl[h];
    int box = b->owner;
    while (w->el[box].parent >= 0 && w->el[box].chars - b->chars < w->c->min_block_chars)
        box = w->el[box].parent;
    /* A box's blocks are contiguous: the walk writes them between entering
       and leaving it. A few are looked at, not the page. */
    size_t cards = 0, lo = h, hi = h + 1;
    for (; lo > 0 && in_box(w, lo - 1, box) && cards < 256; lo--, cards++)
        if (!in_card[w->bl[lo - 1].owner])
            return false;
    for (; hi < w->n_bl && in_box(w, hi, box) && cards < 256; hi++, cards++)
        if (!in_card[w->bl[hi].owner])
            return false;
    return cards > 0 && cards < 256;
}

/* Teaser cards are not the article, whatever their class names say
   (output.card_max_chars, 0: off). Linear in the elements and blocks. */
void extract_drop_cards(walk *w)
{
    if (w->c->card_max_chars <= 0 || w->n_el == 0)
        return;
    int *good = xcalloc(w->n_el, sizeof *good);
    bool *in_card = xcalloc(w->n_el, sizeof *in_card);
    double *own = xcalloc(w->n_el, sizeof *own);
    for (size_t i = 0; i < w->n_bl; i++)
        if (w->bl[i].owner >= 0) {
            good[w->bl[i].owner] += w->bl[i].cls == CLS_GOOD;
            own[w->bl[i].owner] += w->bl[i].chars;
        }
    for (size_t i = w->n_el; i-- > 1;) /* children come after their parent */
        if (w->el[i].parent >= 0)
            good[w->el[i].parent] += good[i];
    for (size_t i = 0; i < w->n_el; i++) {
        int card = w->el[i].media_link ? card_of(w, (int)i, good, own) : -1;
        if (card >= 0)
            in_card[card] = true;
    }
    for (size_t i = 1; i < w->n_el; i++)
        in_card[i] = in_card[i] || (w->el[i].parent >= 0 && in_card[w->el[i].parent]);
    for (size_t i = 0; i < w->n_bl; i++)
        if (w->bl[i].owner >= 0 && (in_card[w->bl[i].owner] ||
                                    ((w->bl[i].bits & TAG_HEADING) && heads_cards(w, i, in_card))))
            w->bl[i].selected = false;
    free(good);
    free(in_card);
    free(own);
}
