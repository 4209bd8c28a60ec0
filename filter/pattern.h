/* Reading PCRE2 pattern syntax: what the byte prefilter (rules.c) and the
   literal prefilter (literals.c) both need. */
#ifndef MTC_PATTERN_H
#define MTC_PATTERN_H
#include <stdbool.h>
#include <stddef.h>

/* A letter or digit: after '\' it names an escape (\b, \d, \x...), while
   other characters after '\' stand for themselves. */
bool pattern_is_ascii_alnum(unsigned char c);
/* Bytes of the UTF-8 character whose first byte is lead. */
size_t pattern_char_len(unsigned char lead);
/* End of the character class that starts at p ('['), or NULL. */
const char *pattern_class_end(const char *p, const char *end);
#endif
