/* The extractor's working state, shared by extract.c (the walk, the
   blocks, the output) and extract_select.c (the article's container). */
#ifndef MTC_EXTRACT_WALK_H
#define MTC_EXTRACT_WALK_H
#include "extract.h"

enum { CLS_BAD, CLS_SHORT, CLS_GOOD, CLS_HEAD };

typedef struct elem {
    int parent;    /* preorder index, -1 for the first */
    int end;       /* one past the last element of its subtree */
    int owner;     /* block element around it when it was entered */
    double score;  /* own blocks, then the whole subtree */
    double rscore; /* paragraph score, passed up to a few ancestors */
    double chars, links; /* text and link characters of the subtree */
    int lines, prose;    /* linked headlines and prose blocks in the subtree */
    int blocks;          /* blocks in the subtree */
    bool has_img;        /* an img child */
    bool media_link;     /* a link around an image: a teaser card's */
    unsigned bits; /* TAG_ bits */
    bool content;  /* article/main tag or a positive hint */
    struct _xmlNode *node; /* its element in the document */
} elem;

typedef struct block {
    int owner;
    size_t off, len;       /* in walk.text */
    double chars, link_chars;
    unsigned commas;
    bool sentence;         /* ends like a sentence */
    bool full_stop;        /* words enough, then . ! ? (a quote may follow) */
    bool chrome;           /* a chrome label: "Partager", "Commentaires" */
    unsigned bits;         /* TAG_ bits of its owner */
    int cls;
    bool selected;         /* in the article's container(s) */
    bool caption;          /* the lone block beside an img */
} block;

typedef struct walk {
    const extract_conf *c;
    elem *el;
    size_t n_el, cap_el;
    block *bl;
    size_t n_bl, cap_bl;
    buf text;                    /* every block's text, one after another */
    double cur_chars, cur_link;  /* the block being filled: text.data[cur_off..] */
    size_t cur_off;
    int owner, cur;              /* current block element, current element */
    unsigned owner_bits;
    int link_depth;
    bool br_pending;             /* a <br>, and no text since */
    double total;                /* text bytes of the whole page */
} walk;

/* extract_select.c: marks the blocks of the article's container(s)
   selected (every block when there is no candidate). */
void extract_choose(walk *w);
/* extract_links.c: whether block i, a line that is a link, is the
   article's (output.link_line_max_run). */
bool extract_inline_link(const walk *w, size_t i);
/* extract_links.c: unselects the blocks of teaser cards (output.card_max_chars). */
void extract_drop_cards(walk *w);
#endif
