/* Go's math/rand generator; see gorand.h. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "util/gorand.h"

#define TAP		273
#define STEPS		7800000000000ULL	/* from seed 1 to the table */
#define INT32MAX	2147483647

static uint64_t cooked[GORAND_LEN];
static int cooked_ready;

/* x[n+1] = 48271 * x[n] mod (2^31 - 1), as Go writes it. */
static int32_t
seedrand(int32_t x)
{
	int64_t hi = x / 44488, lo = x % 44488, y = 48271 * lo - 3399 * hi;

	if (y < 0)
		y += INT32MAX;
	return (int32_t)y;
}

/* A state from x: each word three steps of seedrand, shifted by 2 * shift,
 * shift and 0 (gen_cooked's seeding: 10; Seed's: 20), xored with mix. */
static void
fill(uint64_t *vec, int32_t x, int shift, const uint64_t *mix)
{
	int i;

	for (i = -20; i < GORAND_LEN; i++) {
		x = seedrand(x);
		if (i >= 0) {
			uint64_t u = (uint64_t)x << (2 * shift);

			x = seedrand(x);
			u ^= (uint64_t)x << shift;
			x = seedrand(x);
			u ^= (uint64_t)x;
			vec[i] = mix != NULL ? u ^ mix[i] : u;
		}
	}
}

/*
 * The sequence s[k] the generator writes satisfies s[k] = s[k-607] +
 * s[k-273], so its characteristic polynomial is x^607 - x^334 - 1: s[K]
 * is the combination of the first 607 terms whose coefficients are those
 * of x^K mod that polynomial.  Products below are of such residues.
 */
static void
mulmod(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
	static uint64_t t[2 * GORAND_LEN - 1];
	int i, j;

	memset(t, 0, sizeof t);
	for (i = 0; i < GORAND_LEN; i++)
		if (a[i] != 0)
			for (j = 0; j < GORAND_LEN; j++)
				t[i + j] += a[i] * b[j];
	for (i = 2 * GORAND_LEN - 2; i >= GORAND_LEN; i--) {
		t[i - GORAND_LEN + (GORAND_LEN - TAP)] += t[i];
		t[i - GORAND_LEN] += t[i];
	}
	memcpy(r, t, GORAND_LEN * sizeof *r);
}

/* Go's gen_cooked: seed 1 (its own shifts), then STEPS steps. */
static void
make_cooked(void)
{
	static uint64_t init[GORAND_LEN], vec[GORAND_LEN], p[GORAND_LEN], base[GORAND_LEN];
	uint64_t n = STEPS, top, s;
	int i, k;

	fill(vec, 1, 10, NULL);
	/* The first 607 terms, s[-606] to s[0], are the slots in the order
	 * the feed index (from 607 - 273, going down) writes them. */
	for (i = 0; i < GORAND_LEN; i++)
		init[i] = vec[((GORAND_LEN - TAP) - (i - (GORAND_LEN - 1)) +
		    GORAND_LEN * 2) % GORAND_LEN];
	memset(p, 0, sizeof p);
	p[0] = 1;
	memset(base, 0, sizeof base);
	base[1] = 1;
	for (; n != 0; n >>= 1) {
		if (n & 1)
			mulmod(p, p, base);
		mulmod(base, base, base);
	}
	/* p is x^STEPS: the terms s[STEPS-606] .. s[STEPS], each written to
	 * the slot the feed index had then. */
	for (k = 0; k < GORAND_LEN; k++) {
		uint64_t step = STEPS - (GORAND_LEN - 1) + (uint64_t)k;

		for (s = 0, i = 0; i < GORAND_LEN; i++)
			s += p[i] * init[i];
		cooked[(GORAND_LEN - TAP + (GORAND_LEN - step % GORAND_LEN)) %
		    GORAND_LEN] = s;
		top = p[GORAND_LEN - 1];
		memmove(p + 1, p, (GORAND_LEN - 1) * sizeof *p);
		p[0] = top;
		p[GORAND_LEN - TAP] += top;
	}
	cooked_ready = 1;
}

void
gorand_seed(struct gorand *g, int64_t seed)
{
	if (!cooked_ready)
		make_cooked();
	g->tap = 0;
	g->feed = GORAND_LEN - TAP;
	seed %= INT32MAX;
	if (seed < 0)
		seed += INT32MAX;
	if (seed == 0)
		seed = 89482311;
	fill(g->vec, (int32_t)seed, 20, cooked);
}

int64_t
gorand_int63(struct gorand *g)
{
	uint64_t x;

	if (--g->tap < 0)
		g->tap += GORAND_LEN;
	if (--g->feed < 0)
		g->feed += GORAND_LEN;
	x = g->vec[g->feed] + g->vec[g->tap];
	g->vec[g->feed] = x;
	return (int64_t)(x & ((1ULL << 63) - 1));
}

double
gorand_float64(struct gorand *g)
{
	double f;

	do
		f = (double)gorand_int63(g) / 9223372036854775808.0;
	while (f == 1);
	return f;
}
