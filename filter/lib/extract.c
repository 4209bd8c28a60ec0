/* Main-text extraction from a parsed HTML document.

   1. Chrome goes first: tags such as script, nav or footer, hidden
      elements, and elements whose class/id/role words (rules/html.conf,
      with weights) add up to a navigation, share or comment hint -- unless
      they hold most of the page's text, which a wrong hint must not lose.
   2. What is left is cut into blocks, one per run of text between block
      tags (p, div, li, h2, br...), each with its length, the part of it in
      links, its commas and whether it ends like a sentence.
   3. Each block is good (long, few links, a comma or a sentence end),
      short, or bad (mostly links, or a few characters).
   4. The container, as Readability finds it: paragraphs score for their
      container and, less, for a few ancestors; times (1 - link density),
      with a bonus for article/main and content hints. Near-equal
      candidates elsewhere promote their common ancestor (a split
      article); siblings scoring well or holding a good paragraph join.
      Second opinion: the element with the most good text net of short and
      bad text (good - penalty * rest over its subtree) replaces a choice
      with far less good text than it.
   5. Within it, good blocks are kept, bad ones dropped, short ones kept
      next to good ones (jusText's context rule) unless they are a byline
      or date at the edges, headings when text follows them, except one
      repeating the page title.
   The walks are iterative (parent pointers): depth costs no stack. */
#include "extract_walk.h"
#include "strmap.h"
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static unsigned bits_of(const extract_conf *c, xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && n->name ? extract_tag_bits(c, (const char *)n->name) : 0;
}

/* Next node in document order (children first when descend); leave()
   sees each element being left, the elements climbed out of included. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr top, bool descend, void (*leave)(void *, xmlNodePtr),
                            void *ctx)
{
    if (descend && n->children)
        return n->children;
    while (n && n != top) {
        if (leave)
            leave(ctx, n);
        if (n->next)
            return n->next;
        n = n->parent;
    }
    if (n && leave)
        leave(ctx, n);
    return NULL;
}

/* Pass 1: bytes of text under each element, kept in _private. */
static void add_to_parent(void *ctx, xmlNodePtr n)
{
    (void)ctx;
    if (n->parent && n->type == XML_ELEMENT_NODE)
        n->parent->_private = (void *)((uintptr_t)n->parent->_private + (uintptr_t)n->_private);
}

static void measure(const extract_conf *c, xmlNodePtr top)
{
    for (xmlNodePtr n = top; n;) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            n->_private = NULL;
            descend = !(bits_of(c, n) & TAG_DROP);
        } else if (n->type == XML_TEXT_NODE && n->content && n->parent) {
            n->parent->_private = (void *)((uintptr_t)n->parent->_private + strlen((const char *)n->content));
        }
        n = next_node(n, top, descend, add_to_parent, NULL);
    }
}

static bool attr_has(xmlNodePtr n, const char *name, const char *needle)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return false;
    bool hit = needle ? strcasestr((const char *)v, needle) != NULL : true;
    xmlFree(v);
    return hit;
}

static double hint_of(const extract_conf *c, xmlNodePtr n)
{
    static const char *const names[] = {"class", "id", "role", "itemprop"};
    double sum = 0;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)names[k]);
        if (v)
            sum += extract_hint_score(c, (const char *)v);
        xmlFree(v);
    }
    return sum;
}

static bool hidden(xmlNodePtr n)
{
    return attr_has(n, "hidden", NULL) || attr_has(n, "style", "display:none") ||
           attr_has(n, "style", "display: none") || attr_has(n, "style", "visibility:hidden") ||
           attr_has(n, "aria-hidden", "true");
}

static void flush(walk *w)
{
    while (w->text.len > w->cur_off && w->text.data[w->text.len - 1] == ' ')
        w->text.len--;
    if (w->text.len > w->cur_off && w->cur_chars > 0) {
        if (w->n_bl == w->cap_bl) {
            w->cap_bl = w->cap_bl ? 2 * w->cap_bl : 64;
            w->bl = xrealloc(w->bl, w->cap_bl * sizeof *w->bl);
        }
        block *b = &w->bl[w->n_bl++];
        memset(b, 0, sizeof *b);
        b->owner = w->owner;
        b->off = w->cur_off;
        b->len = w->text.len - w->cur_off;
        b->chars = w->cur_chars;
        b->link_chars = w->cur_link;
        b->bits = w->owner_bits;
        const char *s = w->text.data + b->off;
        for (size_t i = 0; i < b->len; i++)
            b->commas += s[i] == ',';
        unsigned char last = (unsigned char)s[b->len - 1];
        b->sentence = strchr(".!?:;\"')]", last) != NULL || last >= 0x80; /* … ” » and the like */
        b->full_stop = extract_full_stop(s, b->len, w->c->sentence_min_words);
    }
    w->text.len = w->cur_off = w->text.len;
    w->cur_chars = w->cur_link = 0;
    w->br_pending = false;
}

/* Appends a text node with white space runs made one space. */
static void add_text(walk *w, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
        if (space && (w->text.len == w->cur_off || w->text.data[w->text.len - 1] == ' '))
            continue;
        buf_append_char(&w->text, space ? ' ' : (char)ch);
        w->br_pending = w->br_pending && space;
        if (!space && (ch & 0xC0) != 0x80) {
            w->cur_chars++;
            if (w->link_depth)
                w->cur_link++;
        }
    }
}

static void leave(void *ctx, xmlNodePtr n)
{
    walk *w = ctx;
    if (n->type != XML_ELEMENT_NODE || n->_private != (void *)1) /* not entered */
        return;
    elem *e = &w->el[w->cur];
    unsigned bits = e->bits;
    e->end = (int)w->n_el;
    if ((bits & TAG_BLOCK) || ((bits & TAG_BREAK) && !w->c->br_joins))
        flush(w);
    if (bits & TAG_BLOCK) {
        w->owner = e->owner;
        w->owner_bits = w->owner >= 0 ? w->el[w->owner].bits : 0;
    }
    if (bits & TAG_LINK)
        w->link_depth--;
    w->cur = e->parent;
}

/* Whether to go into an element: not chrome by tag, by hiding or by hint. */
static bool wanted(walk *w, xmlNodePtr n, unsigned bits, double *hint)
{
    *hint = 0;
    if (bits & TAG_DROP)
        return false;
    /* Hidden, or a chrome hint: gone, unless it holds more than
       hint.guard_share of the page's text (an article a script reveals,
       a wrong hint). */
    double share = w->total > 0 ? (double)(uintptr_t)n->_private / w->total : 0;
    if (hidden(n))
        return share > w->c->hint_guard_share;
    if (!n->parent || n->parent->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "body") == 0)
        return true;
    *hint = hint_of(w->c, n);
    return !(*hint <= w->c->hint_drop && share <= w->c->hint_guard_share);
}

/* The link around an image being entered (img, or picture, which is
   not gone into) is a media link: a teaser card's, or a photo's. */
static void mark_media_link(walk *w)
{
    for (int a = w->cur; a >= 0; a = w->el[a].parent)
        if (w->el[a].bits & TAG_LINK) {
            w->el[a].media_link = true;
            return;
        }
}

/* block.br_joins: a lone <br> breaks a line within the block (a space
   here); a second one with no text since ends the block, as a blank line
   ends a paragraph. Text cut into lines by <br> is read whole. */
static void line_break(walk *w)
{
    if (w->br_pending)
        flush(w);
    else {
        add_text(w, " ");
        w->br_pending = true;
    }
}

static void enter(walk *w, xmlNodePtr n, bool *descend)
{
    *descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return;
    unsigned bits = bits_of(w->c, n);
    if ((bits & TAG_IMAGE) && w->link_depth)
        mark_media_link(w);
    double hint;
    if (!wanted(w, n, bits, &hint)) {
        n->_private = NULL;
        return;
    }
    n->_private = (void *)1;
    *descend = true;
    if ((bits & TAG_BLOCK) || ((bits & TAG_BREAK) && !w->c->br_joins))
        flush(w);
    else if (bits & TAG_BREAK)
        line_break(w);
    if (w->n_el == w->cap_el) {
        w->cap_el = w->cap_el ? 2 * w->cap_el : 256;
        w->el = xrealloc(w->el, w->cap_el * sizeof *w->el);
    }
    int idx = (int)w->n_el++;
    w->el[idx] = (elem){.parent = w->cur, .end = idx + 1, .owner = w->owner, .bits = bits,
                        .content = (bits & TAG_CONTENT) || hint > 0, .node = n};
    w->cur = idx;
    if (bits & TAG_BLOCK) {
        w->owner = idx;
        w->owner_bits = bits;
    }
    if (bits & TAG_LINK)
        w->link_depth++;
    if (bits & TAG_CELL)
        add_text(w, " ");
    if ((bits & TAG_IMAGE) && w->el[idx].parent >= 0)
        w->el[w->el[idx].parent].has_img = true;
}

static void classify(const extract_conf *c, const char *text, block *b)
{
    double ld = b->chars > 0 ? b->link_chars / b->chars : 1;
    if (extract_chrome_label(c, text + b->off, b->len)) {
        b->cls = CLS_BAD;
        b->chrome = true;
    }
    else if (b->bits & TAG_HEADING)
        b->cls = ld > c->max_link_density ? CLS_BAD : CLS_HEAD;
    else if (b->chars < ((b->bits & TAG_ITEM) && b->link_chars == 0 ? c->item_min_chars : c->min_block_chars) ||
             ld > (b->chars >= c->good_block_chars ? c->long_max_link_density
                   : b->full_stop && c->sentence_max_link_density > c->max_link_density
                       ? c->sentence_max_link_density
                       : c->max_link_density))
        b->cls = CLS_BAD; /* a whole sentence may carry more links than a label */
    else if (b->chars >= c->good_block_chars && ld <= c->good_max_link_density && (b->sentence || b->commas))
        b->cls = CLS_GOOD;
    else
        b->cls = CLS_SHORT;
}

/* Whether a bad block cuts the context: not a tiny one ("|", "7"), nor
   one with text of its own around a link (a list item whose end is a link)
   when output.break_link_density asks for more links than that; a chrome
   label ("Partager") always does. */
static bool hard_break(const extract_conf *c, const block *b)
{
    if (b->chars < c->min_block_chars)
        return false;
    return b->chrome || b->link_chars >= c->break_link_density * b->chars;
}

/* The class of the nearest good or bad block before (dir -1) or after
   (+1) block i, within the window of short blocks; bad at the edges. */
static bool good_near(const walk *w, size_t i, int dir)
{
    size_t shorts = 0;
    /* A sentence without links reads on past a link line (a "read also"
       between the article's last paragraphs): only distance cuts it off. */
    bool breaks = w->c->bad_breaks_context &&
                  !(w->c->sentence_keeps_context && w->bl[i].full_stop && w->bl[i].link_chars == 0);
    for (size_t j = i; dir < 0 ? j-- > 0 : ++j < w->n_bl;) {
        if (!w->bl[j].selected)
            continue;
        int cls = w->bl[j].cls;
        if (cls == CLS_GOOD)
            return true;
        /* A bad heading ("Newsletter", "Commentaires") opens a section of
           chrome: it cuts even a sentence's context. */
        bool bad_heading = cls == CLS_BAD && (w->bl[j].bits & TAG_HEADING);
        if (bad_heading || (cls == CLS_BAD && breaks && hard_break(w->c, &w->bl[j])))
            return false;
        if (cls != CLS_HEAD && ++shorts > (size_t)w->c->context_window)
            return false;
    }
    return false;
}

/* Whether a good block comes before (dir -1) or after (+1) block i at all. */
static bool good_beyond(const walk *w, size_t i, int dir)
{
    for (size_t j = i; dir < 0 ? j-- > 0 : ++j < w->n_bl;)
        if (w->bl[j].selected && w->bl[j].cls == CLS_GOOD)
            return true;
    return false;
}

static bool keep_block(const walk *w, size_t i, const char *title, bool *title_seen)
{
    const block *b = &w->bl[i];
    switch (b->cls) {
    case CLS_GOOD: return true;
    case CLS_SHORT:
        /* A credit or a pointer: "Photo : AFP", "Crédit photo : ...", "© AFP". */
        if (b->chars <= w->c->credit_max_chars && extract_credit_line(w->c, w->text.data + b->off, b->len))
            return false;
        /* Before or after the article: its byline, its date -- but not a
           whole sentence without links ("Le chantier doit s'achever en
           2027.") when output.dateline_spares_sentences is 1. */
        if (w->c->dateline_max_chars > 0 && b->chars <= w->c->dateline_max_chars &&
            !(w->c->dateline_spares_sentences && b->full_stop && b->link_chars == 0) &&
            extract_dateline(w->text.data + b->off, b->len) && !(good_beyond(w, i, -1) && good_beyond(w, i, +1)))
            return false;
        if (w->c->short_either_side)
            return good_near(w, i, -1) || good_near(w, i, +1);
        return good_near(w, i, -1) && good_near(w, i, +1);
    case CLS_HEAD:
        if (title && !*title_seen && extract_title_like(w->c, w->text.data + b->off, b->len, title)) {
            *title_seen = true;
            return false;
        }
        if (good_near(w, i, +1))
            return true;
        /* Or the rows it heads, kept for the good text before them: "Le
           match en chiffres" over a table at the article's end. */
        for (size_t j = i + 1; j < w->n_bl; j++)
            if (w->bl[j].selected)
                return w->bl[j].cls == CLS_SHORT && keep_block(w, j, NULL, title_seen);
        return false;
    default: return extract_inline_link(w, i);
    }
}

/* A page without one good block (a few short paragraphs) keeps its short
   blocks of candidate length: something rather than nothing. */
static bool any_good(const walk *w)
{
    for (size_t i = 0; i < w->n_bl; i++)
        if (w->bl[i].selected && w->bl[i].cls == CLS_GOOD)
            return true;
    return false;
}

/* The box a heading labels (output.chrome_heading_box): its nearest
   ancestor holding more text than the heading (a wrapper around the
   heading alone does not count); -1 (the whole page) when off. A "Related
   Links" box ends where its div does, not at the next heading. */
static int heading_box(const walk *w, const block *b)
{
    if (!w->c->chrome_heading_box || b->owner < 0)
        return -1;
    int a = b->owner;
    while (w->el[a].parent >= 0 && w->el[a].chars - b->chars < w->c->min_block_chars)
        a = w->el[a].parent;
    return a;
}

static bool in_box(const walk *w, const block *b, int box)
{
    return box < 0 || (b->owner >= box && b->owner < w->el[box].end);
}

/* Whether heading h opens a section of chrome, up to the next heading:
   it is a chrome label of output.chrome_heading_section words or fewer
   ("12 réactions", "Newsletter", "Commentaires") and the section is not
   plain prose -- a good block and no date, byline, link or chrome label,
   as under an article's own "Les réactions" (output.chrome_section_prose).
   The section ends with the heading's box too. */
static bool chrome_section_at(const walk *w, size_t h, int box)
{
    const block *b = &w->bl[h];
    if (!b->chrome || (double)extract_words(w->text.data + b->off, b->len) > w->c->chrome_heading_section)
        return false;
    size_t good = 0;
    for (size_t j = h + 1; j < w->n_bl && !(w->bl[j].selected && (w->bl[j].bits & TAG_HEADING)); j++) {
        const block *s = &w->bl[j];
        if (!in_box(w, s, box))
            break;
        if (!s->selected)
            continue;
        bool date = s->chars <= w->c->dateline_max_chars && extract_dateline(w->text.data + s->off, s->len);
        if ((s->cls == CLS_BAD && s->chars >= w->c->min_block_chars) || (s->cls == CLS_SHORT && date))
            return true;
        good += s->cls == CLS_GOOD;
    }
    return !(w->c->chrome_section_prose && good > 0);
}

/* Whether the text p[0, n) was emitted before; remembers it. */
static bool seen_add(strmap *seen, const char *p, size_t n)
{
    int dummy;
    if (strmap_get(seen, p, n, &dummy))
        return true;
    strmap_put(seen, p, n, 1);
    return false;
}

static void emit(const walk *w, const char *title, buf *out)
{
    strmap seen = {0}; /* the long blocks written so far */
    bool title_seen = false, none_good = !any_good(w), chrome_section = false;
    int box = -1;
    for (size_t i = 0; i < w->n_bl; i++) {
        const block *b = &w->bl[i];
        chrome_section = chrome_section && in_box(w, b, box);
        /* A heading that is a short chrome label ("12 réactions",
           "Newsletter") opens a section of chrome, up to the next heading. */
        bool prose_label = false; /* "Les réactions" over the article's prose: kept */
        if (b->selected && (b->bits & TAG_HEADING)) {
            box = heading_box(w, b);
            chrome_section = chrome_section_at(w, i, box);
            prose_label = !chrome_section && b->chrome &&
                          (double)extract_words(w->text.data + b->off, b->len) <= w->c->chrome_heading_section;
        }
        if (chrome_section)
            continue;
        bool short_kept = none_good && b->cls == CLS_SHORT && b->chars >= w->c->candidate_min_chars;
        if (!b->selected || !(short_kept || prose_label || keep_block(w, i, title, &title_seen)))
            continue;
        if (w->c->repeat_min_chars > 0 && b->chars >= w->c->repeat_min_chars && seen_add(&seen, w->text.data + b->off, b->len))
            continue; /* a slideshow's captions, a block shown twice */
        if (out->len)
            buf_append_str(out, "\n");
        buf_append(out, w->text.data + w->bl[i].off, w->bl[i].len);
        buf_append_str(out, "\n");
    }
    strmap_free(&seen);
}

static xmlNodePtr find_body(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "body") == 0)
            return n;
    return root;
}

void extract_article(const extract_conf *c, void *doc_, const char *title, buf *out)
{
    xmlNodePtr top = find_body(doc_);
    if (!top)
        return;
    measure(c, top);
    walk w = {.c = c, .owner = -1, .cur = -1, .total = (double)(uintptr_t)top->_private};
    for (xmlNodePtr n = top; n;) {
        bool descend;
        enter(&w, n, &descend);
        n = next_node(n, top, descend, leave, &w);
    }
    flush(&w);
    for (size_t i = 0; i < w.n_bl; i++)
        classify(c, w.text.data, &w.bl[i]);
    extract_choose(&w);
    extract_drop_cards(&w);
#ifdef EXTRACT_DEBUG
    if (getenv("MTC_EXTRACT_DEBUG"))
        for (size_t i = 0; i < w.n_bl; i++)
            fprintf(stderr, "%c%c own %d ch %.0f ln %.0f | %.*s\n", "BSGH"[w.bl[i].cls], w.bl[i].selected ? '*' : ' ',
                    w.bl[i].owner, w.bl[i].chars, w.bl[i].link_chars, (int)(w.bl[i].len < 80 ? w.bl[i].len : 80),
                    w.text.data + w.bl[i].off);
#endif
    emit(&w, title, out);
    free(w.el);
    free(w.bl);
    buf_free(&w.text);
}
