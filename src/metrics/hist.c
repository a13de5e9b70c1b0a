/* A log-linear histogram for Trend values; see hist.h. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/hist.h"
#include "util/xmalloc.h"

/*
 * The bucket of a value is the top bits of its IEEE-754 representation:
 * sign, 11 exponent bits and the first HIST_SUB_BITS mantissa bits.  For
 * one sign, bucket order is value order (by magnitude), and a bucket spans
 * at most 2^-HIST_SUB_BITS of its lower bound.  Computing it is a shift
 * and a mask, with no log() and no branch on the value's range.
 */
#define HIST_SUB_BITS	7
#define HIST_SUB	(1u << HIST_SUB_BITS)
#define HIST_SHIFT	(52 - HIST_SUB_BITS)
#define HIST_EXP_MAX	0x7ffu

/* One sign: blk[i] holds the counters of exponent base + i, or is NULL. */
struct hist_half {
	uint64_t	**blk;
	unsigned	  base;
	unsigned	  n;
	unsigned	  nblocks;
};

struct hist {
	struct hist_half half[2];	/* [0] positive and zero, [1] negative */
	uint64_t	 count;
	double		 sum;
	double		 min;
	double		 max;
};

struct hist *
hist_new(void)
{
	struct hist	*h;

	h = xcalloc(1, sizeof *h);
	h->min = INFINITY;
	h->max = -INFINITY;
	return h;
}

static void
hist_half_free(struct hist_half *hh)
{
	unsigned	 i;

	for (i = 0; i < hh->n; i++)
		free(hh->blk[i]);
	free(hh->blk);
	memset(hh, 0, sizeof *hh);
}

void
hist_free(struct hist *h)
{
	if (h == NULL)
		return;
	hist_half_free(&h->half[0]);
	hist_half_free(&h->half[1]);
	free(h);
}

void
hist_reset(struct hist *h)
{
	hist_half_free(&h->half[0]);
	hist_half_free(&h->half[1]);
	h->count = 0;
	h->sum = 0;
	h->min = INFINITY;
	h->max = -INFINITY;
}

/* Return the counters of exponent e, growing the window and allocating. */
static uint64_t *
hist_block(struct hist_half *hh, unsigned e)
{
	unsigned	 lo, hi, n, shift;

	if (hh->n == 0) {
		hh->blk = xcalloc(1, sizeof *hh->blk);
		hh->base = e;
		hh->n = 1;
	} else if (e < hh->base || e >= hh->base + hh->n) {
		lo = e < hh->base ? e : hh->base;
		hi = e >= hh->base + hh->n ? e + 1 : hh->base + hh->n;
		n = hi - lo;
		shift = hh->base - lo;
		hh->blk = xreallocarray(hh->blk, n, sizeof *hh->blk);
		memmove(hh->blk + shift, hh->blk, hh->n * sizeof *hh->blk);
		memset(hh->blk, 0, shift * sizeof *hh->blk);
		memset(hh->blk + shift + hh->n, 0,
		    (n - shift - hh->n) * sizeof *hh->blk);
		hh->base = lo;
		hh->n = n;
	}
	if (hh->blk[e - hh->base] == NULL) {
		hh->blk[e - hh->base] = xcalloc(HIST_SUB, sizeof (uint64_t));
		hh->nblocks++;
	}
	return hh->blk[e - hh->base];
}

void
hist_add(struct hist *h, double v)
{
	struct hist_half	*hh;
	uint64_t		 bits, *b;
	unsigned		 e, i;

	if (v != v)
		return;
	v += 0.0;	/* -0 becomes +0 */
	memcpy(&bits, &v, sizeof bits);
	hh = &h->half[bits >> 63];
	e = (unsigned)(bits >> 52) & HIST_EXP_MAX;
	i = e - hh->base;
	if (i < hh->n && (b = hh->blk[i]) != NULL)
		b[(bits >> HIST_SHIFT) & (HIST_SUB - 1)]++;
	else
		hist_block(hh, e)[(bits >> HIST_SHIFT) & (HIST_SUB - 1)]++;
	h->count++;
	h->sum += v;
	h->min = v < h->min ? v : h->min;
	h->max = v > h->max ? v : h->max;
}

void
hist_merge(struct hist *dst, const struct hist *src)
{
	const struct hist_half	*sh;
	uint64_t		*d;
	unsigned		 s, i, j;

	for (s = 0; s < 2; s++) {
		sh = &src->half[s];
		for (i = 0; i < sh->n; i++) {
			if (sh->blk[i] == NULL)
				continue;
			d = hist_block(&dst->half[s], sh->base + i);
			for (j = 0; j < HIST_SUB; j++)
				d[j] += sh->blk[i][j];
		}
	}
	dst->count += src->count;
	dst->sum += src->sum;
	if (src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
}

uint64_t
hist_count(const struct hist *h)
{
	return h->count;
}

double
hist_sum(const struct hist *h)
{
	return h->sum;
}

double
hist_min(const struct hist *h)
{
	return h->count == 0 ? 0 : h->min;
}

double
hist_max(const struct hist *h)
{
	return h->count == 0 ? 0 : h->max;
}

double
hist_mean(const struct hist *h)
{
	return h->count == 0 ? 0 : h->sum / (double)h->count;
}

static double
hist_bits_double(uint64_t bits)
{
	double	 d;

	memcpy(&d, &bits, sizeof d);
	return d;
}

/*
 * Estimate the k-th smallest value (0-based): find its bucket and place it
 * evenly among the bucket's values, clamped to the exact min and max.
 */
static double
hist_at(const struct hist *h, uint64_t k)
{
	const struct hist_half	*hh;
	uint64_t		 cum = 0, c, key;
	double			 lo, hi, v;
	unsigned		 i, j, e;
	int			 s, neg;

	if (k == 0)
		return h->min;
	if (k >= h->count - 1)
		return h->max;
	/* Negative values first, largest magnitude first. */
	for (s = 1; s >= 0; s--) {
		hh = &h->half[s];
		neg = s == 1;
		for (i = 0; i < hh->n; i++) {
			e = neg ? hh->n - 1 - i : i;
			if (hh->blk[e] == NULL)
				continue;
			for (j = 0; j < HIST_SUB; j++) {
				c = hh->blk[e][neg ? HIST_SUB - 1 - j : j];
				if (cum + c <= k) {
					cum += c;
					continue;
				}
				key = ((uint64_t)(hh->base + e) << 52) |
				    ((uint64_t)(neg ? HIST_SUB - 1 - j : j) <<
				    HIST_SHIFT);
				if (hh->base + e == HIST_EXP_MAX)
					return neg ? -INFINITY : INFINITY;
				lo = hist_bits_double(key);
				hi = hist_bits_double(key + (1ull << HIST_SHIFT));
				if (neg) {
					v = -hi + (hi - lo) *
					    ((double)(k - cum) + 0.5) / (double)c;
				} else {
					v = lo + (hi - lo) *
					    ((double)(k - cum) + 0.5) / (double)c;
				}
				if (v < h->min)
					v = h->min;
				if (v > h->max)
					v = h->max;
				return v;
			}
		}
	}
	return h->max;
}

double
hist_percentile(const struct hist *h, double p)
{
	double		 idx, f, a, b;
	uint64_t	 lo;

	if (h->count == 0)
		return 0;
	if (h->count == 1 || !(p > 0))		/* NaN too */
		return h->min;
	if (p >= 100)
		return h->max;
	/* As k6's TrendSink.P: interpolate at p/100*(n-1). */
	idx = p / 100 * ((double)h->count - 1.0);
	lo = (uint64_t)floor(idx);
	f = idx - floor(idx);
	a = hist_at(h, lo);
	if (f == 0)
		return a;
	b = hist_at(h, lo + 1);
	return a + (b - a) * f;
}

void
hist_buckets(const struct hist *h, void (*fn)(void *, uint32_t, uint64_t),
    void *arg)
{
	const struct hist_half	*hh;
	unsigned		 s, i, j;

	for (s = 0; s < 2; s++) {
		hh = &h->half[s];
		for (i = 0; i < hh->n; i++) {
			if (hh->blk[i] == NULL)
				continue;
			for (j = 0; j < HIST_SUB; j++)
				if (hh->blk[i][j] != 0)
					fn(arg, (uint32_t)s << (11 + HIST_SUB_BITS) |
					    (hh->base + i) << HIST_SUB_BITS | j,
					    hh->blk[i][j]);
		}
	}
}

int
hist_load(struct hist *h, uint32_t key, uint64_t n)
{
	unsigned	 s = key >> (11 + HIST_SUB_BITS);
	unsigned	 e = (key >> HIST_SUB_BITS) & HIST_EXP_MAX;

	if (s > 1)
		return -1;
	if (n == 0)
		return 0;
	hist_block(&h->half[s], e)[key & (HIST_SUB - 1)] += n;
	h->count += n;
	return 0;
}

void
hist_set_exact(struct hist *h, double sum, double min, double max)
{
	h->sum = sum;
	h->min = h->count == 0 ? INFINITY : min;
	h->max = h->count == 0 ? -INFINITY : max;
}

size_t
hist_memory(const struct hist *h)
{
	size_t	 n = sizeof *h;
	int	 s;

	for (s = 0; s < 2; s++) {
		n += h->half[s].n * sizeof *h->half[s].blk;
		n += h->half[s].nblocks * HIST_SUB * sizeof (uint64_t);
	}
	return n;
}
