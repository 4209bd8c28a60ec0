/* Words of one segment, by ICU word boundaries (UAX #29), with French elisions
   (l’, d’, qu’...) split off, hyphenated compounds kept together with their
   parts, and URLs / e-mail addresses skipped. */
#ifndef MTC_WORDS_H
#define MTC_WORDS_H
#include <stdbool.h>
#include <stddef.h>

typedef enum { TOK_WORD, TOK_COMPOUND, TOK_PART } tok_kind;

typedef struct word_tok {
    size_t start, len;
    tok_kind kind;     /* a TOK_COMPOUND is followed by its n_parts TOK_PART entries */
    unsigned n_parts;
    bool initial;      /* first word of the segment or of a quotation */
} word_tok;

typedef struct word_vec {
    word_tok *items;
    size_t count, cap;
} word_vec;

typedef struct tokenizer tokenizer;

tokenizer *tokenizer_new(char *err, size_t errlen);
void tokenizer_free(tokenizer *t);
/* Replaces out with the words of s[0..n). */
void tokenize(tokenizer *t, const char *s, size_t n, word_vec *out);
/* Tests: every segment through ICU's iterator, none through the fast
   scanner that stands in for it on Latin text. */
void tokenizer_set_icu_only(tokenizer *t, bool icu_only);
void word_vec_free(word_vec *v);
#endif
