/* A log-linear histogram for Trend values.
 *
 * Buckets follow the IEEE-754 layout of the value: one block of 128
 * counters per binary exponent and sign, so any percentile is within
 * 2^-7 (0.79%) relative error of k6's exact answer, while count, sum,
 * min and max are exact.  Blocks are allocated on first use; memory
 * depends on the range of values seen, never on how many (at most
 * about 4 MiB even for values spanning every double exponent, about
 * 30 KiB for typical latencies).  NaN is ignored; -0 counts as 0.
 *
 * hist_new returns an owned pointer; hist_free(NULL) is a no-op;
 * hist_merge reads src and leaves it unchanged. */
#ifndef LYOCELL_HIST_H
#define LYOCELL_HIST_H

#include <stddef.h>
#include <stdint.h>

struct hist;

struct hist	*hist_new(void);
void		 hist_free(struct hist *);
void		 hist_reset(struct hist *);
void		 hist_add(struct hist *, double);
void		 hist_merge(struct hist *dst, const struct hist *src);

uint64_t	 hist_count(const struct hist *);
/* Sum, min, max and mean are 0 for an empty histogram, as in k6. */
double		 hist_sum(const struct hist *);
double		 hist_min(const struct hist *);
double		 hist_max(const struct hist *);
double		 hist_mean(const struct hist *);
/* k6's percentile, p in [0, 100]: linear interpolation between the
 * sorted values at index p/100*(n-1); p(0) is min, p(100) is max. */
double		 hist_percentile(const struct hist *, double p);
/*
 * The histogram as data, for exporting and merging elsewhere: a key
 * names a bucket (sign, exponent and the first 7 mantissa bits, below
 * 2^20) and the same value always falls in the same bucket, so merging
 * loaded histograms counts exactly what one histogram of every value
 * would.  hist_buckets calls fn for every non-empty bucket in key order;
 * hist_load adds n values to bucket key (0 if the key is out of range,
 * else -1), then hist_set_exact restores the exact sum, min and max that
 * buckets cannot carry.
 */
void		 hist_buckets(const struct hist *,
		     void (*fn)(void *, uint32_t key, uint64_t n), void *arg);
int		 hist_load(struct hist *, uint32_t key, uint64_t n);
void		 hist_set_exact(struct hist *, double sum, double min, double max);
/* Bytes of memory the histogram holds, for tests and benchmarks. */
size_t		 hist_memory(const struct hist *);

#endif
