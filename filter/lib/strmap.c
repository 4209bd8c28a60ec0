#include "strmap.h"
#include "oom.h"
#include "buf.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

uint64_t strmap_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static const char *entry_key(const strmap_entry *e)
{
    return e->len_plus1 - 1 <= STRMAP_INLINE ? e->key.bytes : e->key.heap;
}

static strmap_entry *find_slot(strmap_entry *slots, size_t cap, const char *key, size_t len, uint64_t hash)
{
    size_t i = (size_t)hash & (cap - 1);
    while (slots[i].len_plus1 && !(slots[i].hash == hash && slots[i].len_plus1 == len + 1 &&
                                   memcmp(entry_key(&slots[i]), key, len) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void rehash(strmap *m, size_t cap)
{
    strmap_entry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        const strmap_entry *e = &m->slots[i];
        if (e->len_plus1)
            *find_slot(slots, cap, entry_key(e), e->len_plus1 - 1, e->hash) = *e;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

static void grow(strmap *m) { rehash(m, m->cap ? m->cap * 2 : 64); }

void strmap_reserve(strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while ((n + 1) * 4 > cap * 3) /* the load strmap_put keeps */
        cap *= 2;
    if (cap > m->cap)
        rehash(m, cap);
}

void strmap_put(strmap *m, const char *key, size_t len, int value)
{
    if (len >= UINT32_MAX)
        oom_fail(len); /* keys are words: one this long could not be stored */
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    uint64_t hash = strmap_hash(key, len);
    strmap_entry *e = find_slot(m->slots, m->cap, key, len, hash);
    if (!e->len_plus1) {
        if (len <= STRMAP_INLINE)
            memcpy(e->key.bytes, key, len);
        else
            e->key.heap = xstrndup(key, len);
        e->len_plus1 = (uint32_t)len + 1;
        e->hash = hash;
        m->count++;
    }
    e->value = value;
}

bool strmap_get_hashed(const strmap *m, const char *key, size_t len, uint64_t hash, int *value)
{
    if (!m->count)
        return false;
    const strmap_entry *e = find_slot(m->slots, m->cap, key, len, hash);
    if (!e->len_plus1)
        return false;
    if (value)
        *value = e->value;
    return true;
}

bool strmap_get(const strmap *m, const char *key, size_t len, int *value)
{
    return m->count && strmap_get_hashed(m, key, len, strmap_hash(key, len), value);
}

void strmap_prefetch_hashed(const strmap *m, uint64_t hash)
{
#if defined(__GNUC__) || defined(__clang__)
    if (m->count)
        __builtin_prefetch(&m->slots[(size_t)hash & (m->cap - 1)]);
#else
    (void)m, (void)hash;
#endif
}

void strmap_prefetch(const strmap *m, const char *key, size_t len)
{
    if (m->count)
        strmap_prefetch_hashed(m, strmap_hash(key, len));
}

void strmap_clear(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        strmap_entry *e = &m->slots[i];
        if (e->len_plus1 && e->len_plus1 - 1 > STRMAP_INLINE)
            free(e->key.heap);
        e->len_plus1 = 0;
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
