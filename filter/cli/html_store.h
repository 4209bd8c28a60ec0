/* The N worst documents of an --html run, in memory bounded by N: a
   max-heap of small keys (the best document kept is on top, so a better one
   is turned away at once and a worse one takes its place in O(log N)), and
   their markup (table row, then section) in an unlinked temporary file.
   The markup of a document pushed out is garbage in the file; the file is
   compacted when the garbage outweighs the live markup, so it stays within
   about twice the page's size. */
#ifndef MTC_HTML_STORE_H
#define MTC_HTML_STORE_H
#include "buf.h"
#include "output.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct html_entry {
    uint64_t doc;     /* number in input order: ties go to the earlier one */
    double quality;
    bool has_text;    /* documents without text rank after every other */
    uint64_t offset;  /* of its markup in the file */
    size_t row_len, section_len;
} html_entry;

typedef struct html_store {
    html_entry *heap;
    size_t count, cap, alloc;
    FILE *file;
    uint64_t file_len, live;
} html_store;

/* cap: how many documents to keep (0: none). */
int html_store_open(html_store *s, size_t cap, char *err, size_t errlen);
/* < 0 when a ranks before b (worse quality, or equal and earlier). */
int html_entry_cmp(const html_entry *a, const html_entry *b);
/* Whether a document with this key would be kept now. */
bool html_store_wants(const html_store *s, const html_entry *key);
/* Keeps the document (html_store_wants must hold) with its markup. When it
   pushes another out, that one's key goes to *evicted and 1 is returned;
   otherwise 0; -1 with err on a temporary file error. */
int html_store_add(html_store *s, html_entry key, const buf *row, const buf *section, html_entry *evicted,
                   char *err, size_t errlen);
/* Orders the kept documents worst first (the heap is then gone). */
void html_store_sort(html_store *s);
/* Writes the row (or the section) of a kept document to out. */
int html_store_copy(html_store *s, const html_entry *e, bool section, writer *out, char *err, size_t errlen);
void html_store_free(html_store *s);
#endif
