/* The end-of-test results as JSON, and the summary made from them, for
 * `lyocell run` and `lyocell merge`.
 *
 * results_raw returns an owned string; everything in struct results_in is
 * borrowed.  The js_State functions work on the state's stack top and
 * report failures through an owned *cause. */
#ifndef LYOCELL_APP_RESULTS_H
#define LYOCELL_APP_RESULTS_H

#include <mujs.h>
#include <stddef.h>

#include "metrics/aggregator.h"
#include "metrics/metric.h"

struct results_in {
	const struct metric_registry	*metrics;
	const struct aggregator_check	*checks;
	size_t				 nchecks;
	char *const			*groups;
	size_t				 ngroups;
	const char			*setup_json;	/* NULL: none */
	const char			*trend_stats;	/* "avg,min,med,..." */
	const char			*lyocell;	/* the merge data, JSON, or NULL */
	double				 dur;		/* seconds */
};

/* The raw results __ly_summary.data turns into k6's data object. */
char	*results_raw(const struct results_in *);
/*
 * With the summary options object ({summaryTrendStats, summaryTimeUnit})
 * on top of the stack, replace it by the summary data made of raw.
 */
int	 results_data(js_State *, const char *raw, int color, char **cause);
/* With the data on top of the stack: write --summary-export to path. */
int	 results_export(js_State *, const char *path, char **cause);
/* With the data on top of the stack: print the summary text to stdout. */
int	 results_text(js_State *, const char *mode, char **cause);

#endif
