/* Open-addressing hash map from byte strings to small ints. */
#ifndef MTC_STRMAP_H
#define MTC_STRMAP_H
#include <stdbool.h>
#include <stddef.h>

typedef struct strmap_entry {
    char *key;
    size_t len;
    int value;
} strmap_entry;

typedef struct strmap {
    strmap_entry *slots;
    size_t cap, count;
} strmap;

void strmap_put(strmap *m, const char *key, size_t len, int value);
bool strmap_get(const strmap *m, const char *key, size_t len, int *value);
void strmap_clear(strmap *m);
void strmap_free(strmap *m);
#endif
