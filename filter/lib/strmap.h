/* Open-addressing hash map from byte strings to small ints. */
#ifndef MTC_STRMAP_H
#define MTC_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STRMAP_INLINE 16

/* Short keys (words) live in the slot itself and the hash is kept, so a
   lookup reads one slot, not a key elsewhere on the heap. */
typedef struct strmap_entry {
    uint64_t hash;
    uint32_t len_plus1; /* 0: empty slot */
    int value;
    union {
        char bytes[STRMAP_INLINE]; /* keys up to STRMAP_INLINE bytes */
        char *heap;                /* longer keys */
    } key;
} strmap_entry;

typedef struct strmap {
    strmap_entry *slots;
    size_t cap, count;
} strmap;

void strmap_put(strmap *m, const char *key, size_t len, int value);
bool strmap_get(const strmap *m, const char *key, size_t len, int *value);
/* Room for n keys without growing: a loader that knows its count saves the
   rehashes (each moves every key to a new table) of growing one by one. */
void strmap_reserve(strmap *m, size_t n);
/* Starts loading the slot where key's lookup begins, changing nothing: a
   caller about to look up several keys in a table bigger than the CPU's
   caches asks for all of them first, so that their memory reads overlap
   instead of waiting one after the other. */
void strmap_prefetch(const strmap *m, const char *key, size_t len);
/* strmap_get and strmap_prefetch given the key's strmap_hash(): a caller
   that hashed a key to prefetch its slot does not hash it again to look it up. */
bool strmap_get_hashed(const strmap *m, const char *key, size_t len, uint64_t hash, int *value);
void strmap_prefetch_hashed(const strmap *m, uint64_t hash);
void strmap_clear(strmap *m);
void strmap_free(strmap *m);
/* The map's hash of a key (FNV-1a), for code that compares strings by hash first. */
uint64_t strmap_hash(const char *s, size_t n);
#endif
