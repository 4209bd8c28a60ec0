/* Rule files: PCRE2 drop / rewrite / flag rules, see README "Rule files". */
#ifndef MTC_RULES_H
#define MTC_RULES_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include "buf.h"
#include "literals.h"
#include <pcre2.h>
#include <stdbool.h>

/* dropline matches a whole line (paragraph); the others one sentence. */
/* RULE_BUILTIN names a repair done in C (filter/repair.c), for the report. */
typedef enum { RULE_DROP, RULE_DROPLINE, RULE_REWRITE, RULE_FLAG, RULE_BUILTIN } rule_kind;
/* Which segments a rule applies to, by the label the scorer gave them. */
typedef enum { WHEN_ANY, WHEN_MIXED, WHEN_CLEAN } rule_when;

typedef struct rule {
    rule_kind kind;
    rule_when when;
    char *name;     /* from "name NAME", else file-basename:line */
    char *where;    /* file:line, for error messages */
    pcre2_code *code;
    char *replacement;
    bool replacement_utf8; /* valid UTF-8: rewrites keep a valid subject valid */
    literals lits;         /* strings one of which every match contains, and its needed bytes */
    bool caseless;
} rule;

typedef struct ruleset {
    rule *rules;
    size_t count, cap;
    pcre2_match_context *match_ctx; /* match/depth limits stop runaway patterns */
    size_t jit_stack_bytes;         /* 0: PCRE2's default 32 KiB JIT stack */
} ruleset;

void ruleset_init(ruleset *rs, uint32_t match_limit, uint32_t depth_limit);
/* JIT-compiled rules then get a stack of up to bytes, one per thread (made
   at the thread's first match). */
void ruleset_set_jit_stack(ruleset *rs, size_t bytes);
void ruleset_free(ruleset *rs);
/* Parses one rule file; on error fills err with "file:line: message". */
int ruleset_load_file(ruleset *rs, const char *path, char *err, size_t errlen);
/* Registers a built-in repair under name; returns its index. */
size_t ruleset_add_builtin(ruleset *rs, const char *name);
/* Parses rule text already in memory (name is used in messages). */
int ruleset_load_text(ruleset *rs, const char *name, const char *text, size_t len, char *err, size_t errlen);

/* Bytes of a pattern that every match must contain, found from its plain
   characters outside optional parts (alternatives: those common to all).
   Caseless: ASCII letters in lower case, other non-ASCII left out. Empty
   when the pattern uses syntax this does not follow (\Q, (?i), (*VERB), x).
   The needs of literals_extract(), which rules keep in lits. */
byteset rule_needed_bytes(const char *pat, size_t len, bool caseless, bool extended);

/* One subject, to rule out at once the rules it cannot match. */
typedef struct rule_subject {
    byteset raw;    /* bytes present */
    byteset folded; /* and letters of either case, as lower case (with the
                       non-ASCII K and S that caseless matching also takes) */
    const char *s;  /* the subject itself, for the literals */
    size_t n;
    bool odd_case;  /* holds U+212A or U+017F, which caseless k and s match */
} rule_subject;
/* s must stay unchanged while subj is in use. */
void rule_subject_init(rule_subject *subj, const char *s, size_t n);
/* False if r cannot match the subject: it lacks a byte every match has, or
   all the strings one of which every match has. */
bool rule_may_match(const rule *r, const rule_subject *subj);

/* 1 if the rule matches, 0 if not, -1 on a matching error (err filled).
   s must be valid UTF-8 (the pipeline's NFC text always is): PCRE2 does not
   check it again, which would cost a scan of the subject per rule. */
int rule_matches(const ruleset *rs, const rule *r, pcre2_match_data *md,
                 const char *s, size_t n, char *err, size_t errlen);
/* Replaces out with s rewritten by r; returns the number of replacements or -1.
   With md, s must be valid UTF-8, md must hold ruleset_max_captures() + 1
   pairs, and a subject r does not match is left alone: out is then
   untouched and 0 returned. */
int rule_rewrite(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n, buf *out,
                 char *err, size_t errlen);
/* The same, failing (-1, err filled) if the result would exceed max_out bytes. */
int rule_rewrite_bounded(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n,
                         size_t max_out, buf *out, char *err, size_t errlen);
/* The most capture groups any rule has: match data for every rule needs one more pair. */
uint32_t ruleset_max_captures(const ruleset *rs);
#endif
