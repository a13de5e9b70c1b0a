/* The coordinator's aggregation: every sample into the metric registry
 * (its sink and its sub-metrics'), plus the checks and groups the summary
 * lists, in the order they were first seen.
 *
 * aggregator_new returns an owned aggregator that borrows the registry
 * and the tag-set table; aggregator_free(NULL) is a no-op.  The batch and
 * metric functions have the shape of wire_handler members, so a reader
 * can feed an aggregator directly. */
#ifndef LYOCELL_AGGREGATOR_H
#define LYOCELL_AGGREGATOR_H

#include <stddef.h>
#include <stdint.h>

#include "metrics/metric.h"
#include "metrics/tagset.h"
#include "metrics/wire.h"

struct aggregator;

struct aggregator_check {
	char		*group;		/* "" at the root, "::a::b" */
	char		*name;
	uint64_t	 passes, fails;
};

/* Called for every sample after it is aggregated (the outputs). */
typedef void (*aggregator_sample_fn)(void *arg, const struct metric *,
    uint32_t tags, const struct wire_sample *);

struct aggregator *aggregator_new(struct metric_registry *, struct tagset_table *);
void		 aggregator_free(struct aggregator *);
void		 aggregator_set_listener(struct aggregator *, aggregator_sample_fn, void *);
/* wire_handler.metric and .batch, with the aggregator as their arg. */
int		 aggregator_metric(void *agg, uint32_t worker, const struct wire_metric *,
		     uint32_t *id, char **cause);
int		 aggregator_batch(void *agg, const struct wire_batch *, char **cause);
/* One sample made by the coordinator itself (the vus gauges). */
void		 aggregator_add(struct aggregator *, uint32_t metric, uint32_t tags,
		     double value);
const struct aggregator_check *aggregator_checks(const struct aggregator *, size_t *n);
/* Group paths seen, first-seen order. */
char *const	*aggregator_groups(const struct aggregator *, size_t *n);
uint64_t	 aggregator_samples(const struct aggregator *);

#endif
