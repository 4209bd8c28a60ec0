/* Deterministic random numbers for the tests: splitmix64, small and the
   same sequence on every platform. Set rng_state to choose the sequence. */
#ifndef MTC_TEST_RNG_H
#define MTC_TEST_RNG_H
#include <stddef.h>
#include <stdint.h>

static uint64_t rng_state = 42;

static inline uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A number below n (0 when n is 0). */
static inline size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }
#endif
