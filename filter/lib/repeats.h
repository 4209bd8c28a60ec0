/* Lines that repeat across documents (site chrome: "Tous droits réservés",
   a menu, a newsletter blurb), counted as CCNet and datatrove do: a first
   run counts in how many documents each line occurs (--learn-repeats=FILE
   writes the table), a later run reads it (--repeats=FILE) and makes a line
   found in at least boiler.repeat_min_docs documents boilerplate.
   Lines are keyed by a 64-bit hash of their words (boiler_line_key: case,
   numbers and punctuation ignored). The
   table holds at most a fixed number of entries: when it is full, the lines
   seen in the fewest documents are forgotten (lossy counting). Counting
   happens on the reading thread in input order, so the table does not
   depend on --threads. */
#ifndef MTC_REPEATS_H
#define MTC_REPEATS_H
#include "boiler.h"
#include "mtclean.h"
#include <stdint.h>

typedef struct repeat_entry {
    uint64_t key;     /* 0: empty */
    uint32_t docs;    /* documents the line was seen in */
    uint32_t last;    /* the last document that counted it (+1), so a document counts once */
} repeat_entry;

struct mtc_repeats {
    repeat_entry *slots;
    size_t cap, count, max;  /* cap: a power of two, at least 2 * max */
    size_t max_bytes;        /* longer lines are not counted */
    uint32_t doc;            /* documents seen */
    uint32_t floor;          /* counts forgotten below this (pruning) */
    const boiler_model *model; /* the words of a line make its key */
};

/* The count of a line (its boiler_line_key) in a loaded table (0: not there). */
unsigned repeats_lookup(const mtc_repeats *r, uint64_t key);
#endif
