/* k6 thresholds: expressions, metric selectors, evaluation.
 *
 * A threshold is one expression such as "p(95)<500" on one metric or
 * sub-metric, parsed as k6 does (metrics/thresholds_parser.go): the first
 * operator found, in the order <= < >= > === == !=, splits the text; both
 * sides are trimmed; the left is value, count, rate, avg, min, med, max,
 * p or p(N); the right is a number as Go's strconv.ParseFloat reads it.
 * Error messages are k6's.
 *
 * A selector is the key of the thresholds object: "http_req_duration" or
 * "http_req_duration{status:200,group:::a::b}".
 *
 * threshold_parse returns an owned pointer; threshold_free(NULL) is a
 * no-op; a selector is a value the caller owns and releases with
 * threshold_selector_free; functions taking const char * borrow it; every
 * char ** cause receives an owned string. */
#ifndef LYOCELL_THRESHOLD_H
#define LYOCELL_THRESHOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "metrics/sink.h"

enum threshold_agg {
	THRESHOLD_VALUE,
	THRESHOLD_COUNT,
	THRESHOLD_RATE,
	THRESHOLD_AVG,
	THRESHOLD_MIN,
	THRESHOLD_MED,
	THRESHOLD_MAX,
	THRESHOLD_P,		/* "p(N)", or a bare "p" which k6 reads as p(0) */
};

enum threshold_op {
	THRESHOLD_LE,
	THRESHOLD_LT,
	THRESHOLD_GE,
	THRESHOLD_GT,
	THRESHOLD_SEQ,		/* ===, same as == */
	THRESHOLD_EQ,
	THRESHOLD_NE,
};

struct threshold {
	char			*source;	/* the expression as written */
	enum threshold_agg	 agg;
	double			 pct;		/* N of p(N) */
	enum threshold_op	 op;
	double			 value;		/* right-hand side */

	/* The object form; parsing the JS object is the caller's job. */
	bool			 abort_on_fail;
	double			 delay_abort_eval_ms;	/* < 0: not set */

	/* Result of the last threshold_eval. */
	bool			 evaluated;
	bool			 failed;
	bool			 has_value;	/* false for an empty Rate */
	double			 observed;
};

struct threshold *threshold_parse(const char *source, char **cause);
void		 threshold_free(struct threshold *);

/* The aggregation's name as k6 writes it: "avg", "med", "p" ... */
const char	*threshold_agg_name(enum threshold_agg);
/* The operator as written: "<", "<=", "===" ... */
const char	*threshold_op_name(enum threshold_op);
/*
 * The statistic the threshold reads, as a sink_value name and as the
 * summary shows it ("avg", "p(95)", "p(99.9)"): p(N) is formatted like
 * Go's %g.  Writes at most len bytes to buf and returns buf.
 */
const char	*threshold_stat(const struct threshold *, char *buf, size_t len);

/*
 * Check that the aggregation exists for a metric of this type (counter:
 * count, rate; gauge: value; rate: rate; trend: avg, min, max, med, p).
 * selector is the thresholds key, used in the message.  Returns 0, or -1
 * with *cause set to k6's message listing the supported methods.
 */
int		 threshold_check_type(const struct threshold *,
		     enum sink_type, const char *selector, char **cause);

/*
 * Evaluate against a sink; duration_s is the test run duration so far.
 * Returns 1 if the threshold passes, 0 if it fails, and records the
 * outcome and the observed value in the struct.  An empty Rate sink has no
 * rate: k6 logs a threshold error and does not fail, so neither do we
 * (has_value is false).
 */
int		 threshold_eval(struct threshold *, const struct sink *,
		     double duration_s);

/*
 * True if the test should stop now: the last evaluation failed, abortOnFail
 * is set, and delayAbortEval (if any) is shorter than elapsed_ms.
 */
bool		 threshold_should_abort(const struct threshold *,
		     double elapsed_ms);

/*
 * Read a number as Go's strconv.ParseFloat: optional sign, decimal digits
 * with optional fraction and exponent, hexadecimal with a p exponent,
 * Inf, Infinity, NaN (any case); no surrounding space.  Returns 0, or -1
 * with *reason (if not NULL) set to Go's message.
 */
int		 threshold_parse_number(const char *, double *, char **reason);

/* One tag filter of a sub-metric. */
struct threshold_tag {
	char	*key;
	char	*value;
};

struct threshold_selector {
	char			*metric;	/* the name before '{' */
	char			*suffix;	/* criteria between the braces,
						 * trimmed; NULL for a metric */
	struct threshold_tag	*tags;		/* sorted by key, unique */
	size_t			 ntags;
};

/*
 * Parse a thresholds key the way k6 validates and creates sub-metrics:
 * the braces must match and the closing one must come last; each
 * comma-separated criterion needs a colon and a non-empty text after it;
 * keys and values are split at the FIRST colon (so {group:::a::b} is
 * group = "::a::b"), trimmed, and stripped of surrounding quotes (so
 * {tag:""} filters on the empty value).  The metric name itself is not
 * looked up here.  Returns 0, or -1 with *cause set to k6's message.
 */
int		 threshold_selector_parse(const char *,
		     struct threshold_selector *, char **cause);
void		 threshold_selector_free(struct threshold_selector *);
/* True if both select the same tag set (k6 shares such sub-metrics). */
bool		 threshold_selector_same_tags(const struct threshold_selector *,
		     const struct threshold_selector *);
/* Value of a tag filter, or NULL. */
const char	*threshold_selector_tag(const struct threshold_selector *,
		     const char *key);

#endif
