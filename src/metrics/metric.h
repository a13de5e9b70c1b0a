/* The metric registry: k6's built-in and custom metrics, their sinks,
 * sub-metrics and thresholds.
 *
 * A metric has a name, a type (enum sink_type), what its values contain
 * (default, time, data), one sink for all its samples, the sub-metrics
 * that thresholds asked for (each with its own sink and tag filters) and
 * its thresholds.  metric_registry_new declares k6's built-in metrics;
 * custom ones are declared with k6's name rules and messages.
 *
 * metric_registry_new returns an owned registry; metric_registry_free(NULL)
 * is a no-op; metrics, sub-metrics and thresholds belong to the registry
 * and live until it is freed; functions taking const char * borrow it. */
#ifndef LYOCELL_METRIC_H
#define LYOCELL_METRIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "metrics/sink.h"
#include "metrics/threshold.h"

enum metric_contains {
	METRIC_DEFAULT,
	METRIC_TIME,
	METRIC_DATA,
};

struct metric;

struct metric_sub {
	struct metric		 *parent;
	char			 *name;		/* "http_req_duration{status:200}" */
	struct threshold_selector sel;		/* sel.suffix: "status:200" */
	struct sink		 *sink;
	struct threshold	**thresholds;
	size_t			  nthresholds;
	bool			  observed;
	int			  tainted;	/* -1 not evaluated, 0 ok, 1 failed */
};

struct metric {
	uint32_t		  id;		/* dense from 0, declaration order */
	char			 *name;
	enum sink_type		  type;
	enum metric_contains	  contains;
	bool			  builtin;
	struct sink		 *sink;
	struct threshold	**thresholds;
	size_t			  nthresholds;
	struct metric_sub	**subs;
	size_t			  nsubs;
	bool			  observed;	/* has samples or thresholds */
	int			  tainted;
};

struct metric_registry;

struct metric_registry *metric_registry_new(void);
void		 metric_registry_free(struct metric_registry *);

size_t		 metric_registry_count(const struct metric_registry *);
struct metric	*metric_registry_at(const struct metric_registry *, size_t);
struct metric	*metric_registry_get(const struct metric_registry *,
		     const char *name);

/* "default", "time", "data". */
const char	*metric_contains_name(enum metric_contains);

/*
 * True if name is a valid custom metric name for k6:
 * ^[a-zA-Z_][a-zA-Z0-9_]{1,128}$.
 */
bool		 metric_name_valid(const char *);

/*
 * Declare a metric (new Counter(name) and friends): the existing one if
 * the name is taken by a metric of the same type and contents, else a new
 * one.  Returns NULL with *cause set to k6's message for an invalid name
 * or a clash.
 */
struct metric	*metric_registry_declare(struct metric_registry *,
		     const char *name, enum sink_type, enum metric_contains,
		     char **cause);

/*
 * Attach a parsed threshold to the metric or sub-metric named by key (the
 * key of options.thresholds), creating the sub-metric if needed, after
 * checking the key and the aggregation as k6 does.  Takes ownership of t
 * in every case.  Returns 0, or -1 with *cause set (exit code 104).
 */
int		 metric_registry_add_threshold(struct metric_registry *,
		     const char *key, struct threshold *t, char **cause);

/*
 * The sub-metric of m for the criteria of sel (same tag set shares one,
 * as in k6), created if needed.  k6 always tracks
 * http_req_duration{expected_response:true}; the caller adds it.
 */
struct metric_sub *metric_sub_get(struct metric *,
		     const struct threshold_selector *sel);
/* Add the sub-metric named by key ("metric{k:v}"); NULL with *cause. */
struct metric_sub *metric_registry_sub(struct metric_registry *,
		     const char *key, char **cause);

/*
 * A sample's tags, as a lookup: the value of key, or NULL if the sample
 * has no such tag (tagset_value on the sample's tag set, typically).
 */
typedef const char *(*metric_tag_fn)(void *arg, const char *key);

/* Whether a sample with these tags belongs to the sub-metric: every
 * filter tag is present with the same value.  tag may be NULL for a
 * sample without tags. */
bool		 metric_sub_matches(const struct metric_sub *, metric_tag_fn tag,
		     void *arg);

/* Feed one sample (its time in s since the epoch) to m's sink and to each
 * matching sub-metric.  A caller that caches matches per tag set can feed
 * the sinks itself. */
void		 metric_add(struct metric *, metric_tag_fn tag, void *arg,
		     double value, double time);

/*
 * Evaluate every threshold.  During the run (final false) metrics with
 * empty sinks are skipped, as k6 does every 2 s; the final evaluation runs
 * on all.  Sets tainted on metrics and sub-metrics; returns the number of
 * metrics (and sub-metrics) whose thresholds failed, with their names
 * sorted and joined by ", " in *breached (owned; NULL if none), for
 * "thresholds on metrics '...' have been crossed".  *abort (if not NULL)
 * is set when a failed threshold has abortOnFail and its delayAbortEval
 * has passed.
 */
size_t		 metric_registry_eval(struct metric_registry *,
		     double duration_s, bool final, char **breached,
		     bool *abort);

#endif
