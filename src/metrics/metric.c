/* The metric registry; see metric.h. */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metric.h"
#include "metrics/sink.h"
#include "metrics/threshold.h"
#include "util/buf.h"
#include "util/xmalloc.h"

struct metric_registry {
	struct metric	**metrics;
	size_t		  n;
};

/* metrics/builtin.go, in its order. */
static const struct {
	const char		*name;
	enum sink_type		 type;
	enum metric_contains	 contains;
} metric_builtins[] = {
	{ "vus", SINK_GAUGE, METRIC_DEFAULT },
	{ "vus_max", SINK_GAUGE, METRIC_DEFAULT },
	{ "iterations", SINK_COUNTER, METRIC_DEFAULT },
	{ "iteration_duration", SINK_TREND, METRIC_TIME },
	{ "dropped_iterations", SINK_COUNTER, METRIC_DEFAULT },
	{ "checks", SINK_RATE, METRIC_DEFAULT },
	{ "group_duration", SINK_TREND, METRIC_TIME },
	{ "http_reqs", SINK_COUNTER, METRIC_DEFAULT },
	{ "http_req_failed", SINK_RATE, METRIC_DEFAULT },
	{ "http_req_duration", SINK_TREND, METRIC_TIME },
	{ "http_req_blocked", SINK_TREND, METRIC_TIME },
	{ "http_req_connecting", SINK_TREND, METRIC_TIME },
	{ "http_req_tls_handshaking", SINK_TREND, METRIC_TIME },
	{ "http_req_sending", SINK_TREND, METRIC_TIME },
	{ "http_req_waiting", SINK_TREND, METRIC_TIME },
	{ "http_req_receiving", SINK_TREND, METRIC_TIME },
	{ "ws_sessions", SINK_COUNTER, METRIC_DEFAULT },
	{ "ws_msgs_sent", SINK_COUNTER, METRIC_DEFAULT },
	{ "ws_msgs_received", SINK_COUNTER, METRIC_DEFAULT },
	{ "ws_ping", SINK_TREND, METRIC_TIME },
	{ "ws_session_duration", SINK_TREND, METRIC_TIME },
	{ "ws_connecting", SINK_TREND, METRIC_TIME },
	{ "grpc_req_duration", SINK_TREND, METRIC_TIME },
	{ "data_sent", SINK_COUNTER, METRIC_DATA },
	{ "data_received", SINK_COUNTER, METRIC_DATA },
};

static struct metric *
metric_new(struct metric_registry *r, const char *name, enum sink_type type,
    enum metric_contains contains)
{
	struct metric	*m;

	m = xcalloc(1, sizeof *m);
	m->id = (uint32_t)r->n;
	m->name = xstrdup(name);
	m->type = type;
	m->contains = contains;
	m->sink = sink_new(type);
	m->tainted = -1;
	r->metrics = xreallocarray(r->metrics, r->n + 1, sizeof *r->metrics);
	r->metrics[r->n++] = m;
	return m;
}

struct metric_registry *
metric_registry_new(void)
{
	struct metric_registry	*r;
	struct metric		*m;
	size_t			 i;

	r = xcalloc(1, sizeof *r);
	for (i = 0; i < sizeof metric_builtins / sizeof metric_builtins[0];
	    i++) {
		m = metric_new(r, metric_builtins[i].name,
		    metric_builtins[i].type, metric_builtins[i].contains);
		m->builtin = true;
	}
	return r;
}

static void
metric_thresholds_free(struct threshold **t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		threshold_free(t[i]);
	free(t);
}

void
metric_registry_free(struct metric_registry *r)
{
	struct metric		*m;
	struct metric_sub	*sm;
	size_t			 i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		m = r->metrics[i];
		for (j = 0; j < m->nsubs; j++) {
			sm = m->subs[j];
			free(sm->name);
			threshold_selector_free(&sm->sel);
			sink_free(sm->sink);
			metric_thresholds_free(sm->thresholds, sm->nthresholds);
			free(sm);
		}
		free(m->subs);
		metric_thresholds_free(m->thresholds, m->nthresholds);
		sink_free(m->sink);
		free(m->name);
		free(m);
	}
	free(r->metrics);
	free(r);
}

size_t
metric_registry_count(const struct metric_registry *r)
{
	return r->n;
}

struct metric *
metric_registry_at(const struct metric_registry *r, size_t i)
{
	return i < r->n ? r->metrics[i] : NULL;
}

struct metric *
metric_registry_get(const struct metric_registry *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		if (strcmp(r->metrics[i]->name, name) == 0)
			return r->metrics[i];
	}
	return NULL;
}

const char *
metric_contains_name(enum metric_contains c)
{
	switch (c) {
	case METRIC_TIME:
		return "time";
	case METRIC_DATA:
		return "data";
	case METRIC_DEFAULT:
	default:
		return "default";
	}
}

bool
metric_name_valid(const char *name)
{
	size_t	 i;

	if (!(isalpha((unsigned char)name[0]) || name[0] == '_'))
		return false;
	for (i = 1; name[i] != '\0'; i++) {
		if (!(isalnum((unsigned char)name[i]) || name[i] == '_'))
			return false;
		if (i > 128)
			return false;
	}
	return i >= 2;
}

struct metric *
metric_registry_declare(struct metric_registry *r, const char *name,
    enum sink_type type, enum metric_contains contains, char **cause)
{
	struct metric	*m;

	if (!metric_name_valid(name)) {
		*cause = xasprintf("Invalid metric name: '%s'. Metric names "
		    "must only include up to 128 ASCII letters, numbers, or "
		    "underscores and start with a letter or an underscore.",
		    name);
		return NULL;
	}
	m = metric_registry_get(r, name);
	if (m == NULL)
		return metric_new(r, name, type, contains);
	if (m->type != type) {
		*cause = xasprintf("metric '%s' already exists but with type "
		    "%s, instead of %s", name, sink_type_name(m->type),
		    sink_type_name(type));
		return NULL;
	}
	if (m->contains != contains) {
		*cause = xasprintf("metric '%s' already exists but with a value "
		    "type %s, instead of %s", name,
		    metric_contains_name(m->contains),
		    metric_contains_name(contains));
		return NULL;
	}
	return m;
}

struct metric_sub *
metric_sub_get(struct metric *m, const struct threshold_selector *sel)
{
	struct metric_sub	*sm;
	size_t			 i;

	for (i = 0; i < m->nsubs; i++) {
		if (threshold_selector_same_tags(&m->subs[i]->sel, sel))
			return m->subs[i];
	}
	sm = xcalloc(1, sizeof *sm);
	sm->parent = m;
	sm->name = xasprintf("%s{%s}", m->name, sel->suffix);
	sm->sel.metric = xstrdup(m->name);
	sm->sel.suffix = xstrdup(sel->suffix);
	sm->sel.ntags = sel->ntags;
	sm->sel.tags = xcalloc(sel->ntags + 1, sizeof *sm->sel.tags);
	for (i = 0; i < sel->ntags; i++) {
		sm->sel.tags[i].key = xstrdup(sel->tags[i].key);
		sm->sel.tags[i].value = xstrdup(sel->tags[i].value);
	}
	sm->sink = sink_new(m->type);
	sm->tainted = -1;
	m->subs = xreallocarray(m->subs, m->nsubs + 1, sizeof *m->subs);
	m->subs[m->nsubs++] = sm;
	return sm;
}

/* Parse key and find its metric, with k6's messages. */
static struct metric *
metric_registry_lookup(struct metric_registry *r, const char *key,
    struct threshold_selector *sel, char **cause)
{
	struct metric	*m;

	if (threshold_selector_parse(key, sel, cause) != 0)
		return NULL;
	m = metric_registry_get(r, sel->metric);
	if (m == NULL) {
		*cause = xasprintf("invalid threshold defined on %s; reason: no "
		    "metric name \"%s\" found", key, key);
		threshold_selector_free(sel);
		return NULL;
	}
	return m;
}

struct metric_sub *
metric_registry_sub(struct metric_registry *r, const char *key, char **cause)
{
	struct threshold_selector	 sel;
	struct metric			*m;
	struct metric_sub		*sm;

	if ((m = metric_registry_lookup(r, key, &sel, cause)) == NULL)
		return NULL;
	if (sel.suffix == NULL) {
		*cause = xasprintf("missing ending bracket, sub-metric format "
		    "needs to be 'metric{key:value}'");
		threshold_selector_free(&sel);
		return NULL;
	}
	sm = metric_sub_get(m, &sel);
	threshold_selector_free(&sel);
	return sm;
}

int
metric_registry_add_threshold(struct metric_registry *r, const char *key,
    struct threshold *t, char **cause)
{
	struct threshold_selector	 sel;
	struct metric			*m;
	struct metric_sub		*sm;

	if ((m = metric_registry_lookup(r, key, &sel, cause)) == NULL) {
		threshold_free(t);
		return -1;
	}
	if (threshold_check_type(t, m->type, key, cause) != 0) {
		threshold_selector_free(&sel);
		threshold_free(t);
		return -1;
	}
	/* Metrics with thresholds show in the summary even when empty. */
	m->observed = true;
	if (sel.suffix == NULL) {
		m->thresholds = xreallocarray(m->thresholds,
		    m->nthresholds + 1, sizeof *m->thresholds);
		m->thresholds[m->nthresholds++] = t;
	} else {
		sm = metric_sub_get(m, &sel);
		sm->observed = true;
		sm->thresholds = xreallocarray(sm->thresholds,
		    sm->nthresholds + 1, sizeof *sm->thresholds);
		sm->thresholds[sm->nthresholds++] = t;
	}
	threshold_selector_free(&sel);
	return 0;
}

bool
metric_sub_matches(const struct metric_sub *sm, metric_tag_fn tag, void *arg)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < sm->sel.ntags; i++) {
		v = tag != NULL ? tag(arg, sm->sel.tags[i].key) : NULL;
		if (v == NULL || strcmp(v, sm->sel.tags[i].value) != 0)
			return false;
	}
	return true;
}

void
metric_add(struct metric *m, metric_tag_fn tag, void *arg, double value,
    double time)
{
	size_t	 i;

	sink_add_at(m->sink, value, time);
	m->observed = true;
	for (i = 0; i < m->nsubs; i++) {
		if (metric_sub_matches(m->subs[i], tag, arg)) {
			sink_add_at(m->subs[i]->sink, value, time);
			m->subs[i]->observed = true;
		}
	}
}

/* Run one set of thresholds; returns 1 if any failed. */
static int
metric_eval_set(struct threshold **t, size_t n, const struct sink *s,
    double duration_s, bool *abort)
{
	size_t	 i;
	int	 failed = 0;

	for (i = 0; i < n; i++) {
		if (threshold_eval(t[i], s, duration_s))
			continue;
		failed = 1;
		if (abort != NULL &&
		    threshold_should_abort(t[i], duration_s * 1000))
			*abort = true;
	}
	return failed;
}

static int
metric_cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t
metric_registry_eval(struct metric_registry *r, double duration_s, bool final,
    char **breached, bool *abort)
{
	struct metric		*m;
	struct metric_sub	*sm;
	const char		**names = NULL;
	struct buf		 b = BUF_INIT;
	size_t			 i, j, n = 0;

	if (abort != NULL)
		*abort = false;
	for (i = 0; i < r->n; i++) {
		m = r->metrics[i];
		if (m->nthresholds > 0 && (final || !sink_empty(m->sink))) {
			m->tainted = metric_eval_set(m->thresholds,
			    m->nthresholds, m->sink, duration_s, abort);
			if (m->tainted) {
				names = xreallocarray(names, n + 1,
				    sizeof *names);
				names[n++] = m->name;
			}
		}
		for (j = 0; j < m->nsubs; j++) {
			sm = m->subs[j];
			if (sm->nthresholds == 0 ||
			    (!final && sink_empty(sm->sink)))
				continue;
			sm->tainted = metric_eval_set(sm->thresholds,
			    sm->nthresholds, sm->sink, duration_s, abort);
			if (sm->tainted) {
				names = xreallocarray(names, n + 1,
				    sizeof *names);
				names[n++] = sm->name;
			}
		}
	}
	if (breached != NULL)
		*breached = NULL;
	if (n > 0 && breached != NULL) {
		qsort(names, n, sizeof *names, metric_cmp_name);
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
		*breached = buf_steal(&b);
	}
	buf_free(&b);
	free(names);
	return n;
}
