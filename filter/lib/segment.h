/* Sentences of one paragraph, by ICU sentence boundaries. */
#ifndef MTC_SEGMENT_H
#define MTC_SEGMENT_H
#include <stddef.h>

typedef struct span {
    size_t start, core_end, end; /* [start, core_end) is the sentence, [core_end, end) its trailing space */
} span;

typedef struct span_vec {
    span *items;
    size_t count, cap;
} span_vec;

typedef struct segmenter segmenter;

segmenter *segmenter_new(char *err, size_t errlen);
void segmenter_free(segmenter *sg);
/* Replaces out with the sentences of s[0..n); leading space belongs to no sentence. */
void segment_sentences(segmenter *sg, const char *s, size_t n, span_vec *out);
void span_vec_free(span_vec *v);
#endif
