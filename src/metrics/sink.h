/* The four k6 sinks: what the coordinator keeps per (metric, tag set).
 *
 * Counter: sum (shown as count) and rate per second of test duration.
 * Gauge: last value, min, max.  Rate: non-zero samples (passes), zero
 * samples (fails), passes / total.  Trend: avg, min, med, max, p(N),
 * count.  A Trend keeps its first SINK_TREND_EXACT values, so its
 * percentiles are k6's exact ones (sorted values, interpolated); past that
 * they come from a struct hist (within 0.79%), which is fed from the first
 * value so the switch loses nothing.  Statistics are read by name with
 * sink_value, the one entry point for thresholds, the summary and the
 * summary export.
 *
 * sink_new returns an owned pointer; sink_free(NULL) is a no-op; functions
 * taking const char * borrow it. */
#ifndef LYOCELL_SINK_H
#define LYOCELL_SINK_H

#include <stddef.h>
#include <stdint.h>

struct hist;

/* Values per Trend series kept exactly: 8 bytes each, 512 KiB at most. */
#define SINK_TREND_EXACT	65536

struct sink_trend;

enum sink_type {
	SINK_COUNTER,
	SINK_GAUGE,
	SINK_RATE,
	SINK_TREND,
};

struct sink {
	enum sink_type	 type;
	union {
		struct {
			double	 sum;
			uint64_t n;
		} counter;
		struct {
			double	 value;
			double	 min;
			double	 max;
			uint64_t n;
			double	 time;	/* of the last value, s since the epoch */
		} gauge;
		struct {
			uint64_t passes;
			uint64_t total;
		} rate;
		struct sink_trend *trend;
	} u;
};

struct sink	*sink_new(enum sink_type);
void		 sink_free(struct sink *);
void		 sink_reset(struct sink *);
void		 sink_add(struct sink *, double);
/* sink_add with the sample's time (s since the epoch), which a gauge keeps
 * so that merged gauges take the latest value. */
void		 sink_add_at(struct sink *, double value, double time);
/* Fold src into dst (same type); a gauge takes the later last value. */
void		 sink_merge(struct sink *dst, const struct sink *src);
/* A Trend's values while it keeps them exactly (-1 past SINK_TREND_EXACT
 * or for other types; *v may be NULL when *n is 0), and its histogram. */
int		 sink_trend_values(const struct sink *, const double **v,
		     size_t *n);
const struct hist *sink_trend_hist(const struct sink *);
/* Fold a histogram of values into a Trend, which then answers from its
 * histogram only. */
void		 sink_trend_load(struct sink *, const struct hist *);
/* True if the sink has seen no sample. */
int		 sink_empty(const struct sink *);
uint64_t	 sink_samples(const struct sink *);

/*
 * Read the statistic named stat ("count", "rate", "value", "min", "max",
 * "passes", "fails", "avg", "med", "p(95)", "p(99.9)", ...) into *out.
 * duration_s is the test run duration, for a Counter's rate.  Returns 0,
 * or -1 if the statistic does not exist for this sink's type.  Empty sinks
 * give 0 for everything, as k6 does.
 */
int		 sink_value(const struct sink *, const char *stat,
		     double duration_s, double *out);

/*
 * A Trend's percentile p in [0, 100], as k6's TrendSink.P(p / 100): 0 if
 * empty, the one value if there is one, else linear interpolation between
 * the sorted values at p / 100 * (n - 1).  Reading may sort the values.
 */
double		 sink_percentile(const struct sink *, double p);

/* "counter", "gauge", "rate", "trend"; parse returns -1 if unknown. */
const char	*sink_type_name(enum sink_type);
int		 sink_type_parse(const char *, enum sink_type *);

/*
 * The statistics k6's summary shows for a type, in k6's order: counter
 * count, rate; gauge value, min, max; rate rate, passes, fails; trend the
 * default summaryTrendStats avg, min, med, max, p(90), p(95).  The list
 * is NULL-terminated and static; *n (if not NULL) gets its length.
 */
const char *const *sink_stats(enum sink_type, size_t *n);

/*
 * Check one --summary-trend-stats / summaryTrendStats entry as k6 does:
 * avg, min, med, max, count, or p(N) with 0 <= N <= 100.  Returns 0 or -1
 * with *cause set.
 */
int		 sink_trend_stat_check(const char *, char **cause);

/*
 * Parse "p(N)" into N (0..100, the number as Go's ParseFloat would read
 * it).  Returns 0, or -1 if stat is not a well-formed percentile.
 */
int		 sink_percentile_parse(const char *stat, double *pct);

#endif
