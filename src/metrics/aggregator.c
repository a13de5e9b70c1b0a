/* The coordinator's aggregation; see aggregator.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "metrics/aggregator.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

/* Which check a tag set's samples count for, remembered for the last
 * tag sets seen (a tag set's id never changes its tags). */
#define CHECK_CACHE	64
struct check_slot {
	uint32_t	 tags;		/* 0: empty */
	uint32_t	 check;		/* index in checks */
};

/* Which of a metric's sub-metrics a tag set's samples go to, remembered
 * for the last (metric, tag set) pairs seen: a bit per sub-metric, and
 * how many sub-metrics the metric had then (they are only added). */
#define SUB_CACHE	256
struct sub_slot {
	uint32_t	 tags;		/* 0: empty */
	uint32_t	 metric;
	size_t		 nsubs;
	uint64_t	 match;
};

struct aggregator {
	struct metric_registry	*metrics;
	struct tagset_table	*tagsets;
	uint32_t		 checks_id, group_duration_id;
	struct aggregator_check	*checks;
	size_t			 nchecks;
	char			**groups;
	size_t			 ngroups;
	uint64_t		 samples;
	aggregator_sample_fn	 listener;
	void			*listener_arg;
	struct check_slot	 check_cache[CHECK_CACHE];
	struct sub_slot		 sub_cache[SUB_CACHE];
};

struct tag_ctx {
	struct tagset_table	*t;
	uint32_t		 id;
};

static const char *
tag_lookup(void *arg, const char *key)
{
	struct tag_ctx *x = arg;

	return x->id ? tagset_value(x->t, x->id, key) : NULL;
}

struct aggregator *
aggregator_new(struct metric_registry *metrics, struct tagset_table *tagsets)
{
	struct aggregator *a = xcalloc(1, sizeof *a);

	a->metrics = metrics;
	a->tagsets = tagsets;
	a->checks_id = metric_registry_get(metrics, "checks")->id;
	a->group_duration_id = metric_registry_get(metrics, "group_duration")->id;
	return a;
}

void
aggregator_free(struct aggregator *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nchecks; i++) {
		free(a->checks[i].group);
		free(a->checks[i].name);
	}
	free(a->checks);
	for (i = 0; i < a->ngroups; i++)
		free(a->groups[i]);
	free(a->groups);
	free(a);
}

void
aggregator_set_listener(struct aggregator *a, aggregator_sample_fn fn, void *arg)
{
	a->listener = fn;
	a->listener_arg = arg;
}

static void
note_check(struct aggregator *a, uint32_t tags, double value)
{
	struct check_slot *slot = &a->check_cache[tags % CHECK_CACHE];
	const char *group, *name;
	struct aggregator_check *r;
	size_t i;

	if (tags != 0 && slot->tags == tags) {
		i = slot->check;
		r = &a->checks[i];
		goto found;
	}
	group = tagset_value(a->tagsets, tags, "group");
	name = tagset_value(a->tagsets, tags, "check");
	if (name == NULL)
		return;
	if (group == NULL)
		group = "";
	for (i = 0; i < a->nchecks; i++) {
		r = &a->checks[i];
		if (strcmp(r->name, name) == 0 && strcmp(r->group, group) == 0)
			goto found;
	}
	a->checks = xreallocarray(a->checks, a->nchecks + 1, sizeof *a->checks);
	r = &a->checks[a->nchecks++];
	r->group = xstrdup(group);
	r->name = xstrdup(name);
	r->passes = r->fails = 0;
	i = a->nchecks - 1;
found:
	slot->tags = tags;
	slot->check = (uint32_t)i;
	if (value != 0)
		r->passes++;
	else
		r->fails++;
}

static void
note_group(struct aggregator *a, uint32_t tags)
{
	const char *group = tagset_value(a->tagsets, tags, "group");
	size_t i;

	if (group == NULL || *group == '\0')
		return;
	for (i = 0; i < a->ngroups; i++)
		if (strcmp(a->groups[i], group) == 0)
			return;
	a->groups = xreallocarray(a->groups, a->ngroups + 1, sizeof *a->groups);
	a->groups[a->ngroups++] = xstrdup(group);
}

int
aggregator_metric(void *arg, uint32_t worker, const struct wire_metric *wm, uint32_t *id,
    char **cause)
{
	struct aggregator *a = arg;
	enum sink_type type = SINK_COUNTER;
	enum metric_contains contains;
	struct metric *m;

	switch (wm->type) {
	case WIRE_COUNTER: type = SINK_COUNTER; break;
	case WIRE_GAUGE: type = SINK_GAUGE; break;
	case WIRE_RATE: type = SINK_RATE; break;
	case WIRE_TREND: type = SINK_TREND; break;
	}
	contains = wm->contains == WIRE_TIME ? METRIC_TIME : wm->contains == WIRE_DATA ?
	    METRIC_DATA : METRIC_DEFAULT;
	m = metric_registry_get(a->metrics, wm->name);
	if (m == NULL && (m = metric_registry_declare(a->metrics, wm->name, type,
	    contains, cause)) == NULL)
		return -1;
	*id = m->id;
	return 0;
}

/* metric_add, with the sub-metrics a tag set matches looked up once
 * (tagset_value and strcmp for each of their filter tags) for the last
 * tag sets seen. */
static void
add_value(struct aggregator *a, struct metric *m, const struct wire_sample *s,
    double time)
{
	struct tag_ctx x = { a->tagsets, s->tags };
	struct sub_slot *slot;
	size_t i;

	if (m->nsubs == 0 || m->nsubs > 64 || s->tags == 0) {
		metric_add(m, tag_lookup, &x, s->value, time);
		return;
	}
	slot = &a->sub_cache[(s->tags * 31 + m->id) % SUB_CACHE];
	if (slot->tags != s->tags || slot->metric != m->id ||
	    slot->nsubs != m->nsubs) {
		slot->tags = s->tags;
		slot->metric = m->id;
		slot->nsubs = m->nsubs;
		slot->match = 0;
		for (i = 0; i < m->nsubs; i++)
			if (metric_sub_matches(m->subs[i], tag_lookup, &x))
				slot->match |= (uint64_t)1 << i;
	}
	sink_add_at(m->sink, s->value, time);
	m->observed = true;
	for (i = 0; i < m->nsubs; i++)
		if (slot->match & (uint64_t)1 << i) {
			sink_add_at(m->subs[i]->sink, s->value, time);
			m->subs[i]->observed = true;
		}
}

static void
add_sample(struct aggregator *a, const struct wire_sample *s)
{
	struct metric *m = metric_registry_at(a->metrics, s->metric);

	if (m == NULL)
		return;
	add_value(a, m, s, (double)s->time / 1e9);
	if (s->metric == a->checks_id)
		note_check(a, s->tags, s->value);
	else if (s->metric == a->group_duration_id)
		note_group(a, s->tags);
	if (a->listener != NULL)
		a->listener(a->listener_arg, m, s->tags, s);
	a->samples++;
}

int
aggregator_batch(void *arg, const struct wire_batch *b, char **cause)
{
	struct aggregator *a = arg;
	size_t i;

	for (i = 0; i < b->n; i++)
		add_sample(a, &b->samples[i]);
	return 0;
}

void
aggregator_add(struct aggregator *a, uint32_t metric, uint32_t tags, double value)
{
	struct wire_sample s;
	struct timespec ts;

	memset(&s, 0, sizeof s);
	clock_gettime(CLOCK_REALTIME, &ts);
	s.metric = metric;
	s.tags = tags;
	s.time = timespec_ns(&ts);
	s.value = value;
	add_sample(a, &s);
}

const struct aggregator_check *
aggregator_checks(const struct aggregator *a, size_t *n)
{
	*n = a->nchecks;
	return a->checks;
}

char *const *
aggregator_groups(const struct aggregator *a, size_t *n)
{
	*n = a->ngroups;
	return a->groups;
}

uint64_t
aggregator_samples(const struct aggregator *a)
{
	return a->samples;
}
