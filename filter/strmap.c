#include "strmap.h"
#include "buf.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static strmap_entry *find_slot(strmap_entry *slots, size_t cap, const char *key, size_t len)
{
    size_t i = (size_t)hash_bytes(key, len) & (cap - 1);
    while (slots[i].key && !(slots[i].len == len && memcmp(slots[i].key, key, len) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void grow(strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    strmap_entry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find_slot(slots, cap, m->slots[i].key, m->slots[i].len) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void strmap_put(strmap *m, const char *key, size_t len, int value)
{
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    strmap_entry *e = find_slot(m->slots, m->cap, key, len);
    if (!e->key) {
        e->key = xstrndup(key, len);
        e->len = len;
        m->count++;
    }
    e->value = value;
}

bool strmap_get(const strmap *m, const char *key, size_t len, int *value)
{
    if (!m->count)
        return false;
    const strmap_entry *e = find_slot(m->slots, m->cap, key, len);
    if (!e->key)
        return false;
    if (value)
        *value = e->value;
    return true;
}

void strmap_clear(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
        m->slots[i].key = NULL;
    }
    m->count = 0;
}

void strmap_free(strmap *m)
{
    strmap_clear(m);
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
}
