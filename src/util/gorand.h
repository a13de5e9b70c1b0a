/* Go's math/rand generator, as k6's randomSeed(n) seeds Math.random with
 * it: rand.New(rand.NewSource(n)).Float64.  An additive lagged Fibonacci
 * generator (lags 607 and 273) over 64-bit words, seeded from a table
 * that is the state of the same generator after 7.8e12 steps from seed 1;
 * gorand computes the table on first use (about 30 ms) by jumping ahead
 * with polynomial arithmetic, rather than carrying Go's copy of it.
 *
 * A struct gorand is plain data the caller owns. */
#ifndef LYOCELL_GORAND_H
#define LYOCELL_GORAND_H

#include <stdint.h>

#define GORAND_LEN	607

struct gorand {
	int		 tap, feed;
	uint64_t	 vec[GORAND_LEN];
};

/* rand.NewSource(seed). */
void		gorand_seed(struct gorand *, int64_t seed);
/* rand.Int63(). */
int64_t		gorand_int63(struct gorand *);
/* rand.Float64(): [0, 1). */
double		gorand_float64(struct gorand *);

#endif
