/* lyocell merge; see merge.h.  The exports are checked and their checks
 * and groups put together by src/js/coordinator/merge.js; the sinks are
 * rebuilt here and judged by the same threshold code as a run. */
#include "config.h"

#include <math.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/merge.h"
#include "app/results.h"
#include "cli.h"
#include "defaults.h"
#include "exitcode.h"
#include "js/runtime.h"
#include "metrics/hist.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* A Trend keeps up to 65536 exact values per series: an export of many
 * series is tens of megabytes, never gigabytes. */
#define MERGE_MAX_FILE ((size_t)512 << 20)

/* A non-negative number property of the object at idx; -1 if missing. */
static int
prop_number(js_State *J, int idx, const char *key, double *v)
{
	int ok;

	js_getproperty(J, idx, key);
	ok = js_isnumber(J, -1);
	*v = js_tonumber(J, -1);
	js_pop(J, 1);
	return ok && isfinite(*v) ? 0 : -1;
}

static int
prop_count(js_State *J, int idx, const char *key, uint64_t *n)
{
	double v;

	if (prop_number(J, idx, key, &v) == -1 || v < 0 || v != floor(v) || v > 9e15)
		return -1;
	*n = (uint64_t)v;
	return 0;
}

/* Fold a Trend's values or buckets (the object on top) into s. */
static int
load_trend(js_State *J, struct sink *s)
{
	struct sink *t;
	struct hist *h;
	double sum, min, max, v, key;
	uint64_t n, c;
	int i, len, rc = -1;

	if (prop_count(J, -1, "n", &n) == -1 || prop_number(J, -1, "sum", &sum) == -1 ||
	    prop_number(J, -1, "min", &min) == -1 || prop_number(J, -1, "max", &max) == -1)
		return -1;
	js_getproperty(J, -1, "values");
	if (js_isarray(J, -1)) {
		t = sink_new(SINK_TREND);
		len = js_getlength(J, -1);
		for (i = 0; i < len; i++) {
			js_getindex(J, -1, i);
			v = js_tonumber(J, -1);
			js_pop(J, 1);
			sink_add(t, v);
		}
		if ((uint64_t)len == n) {
			sink_merge(s, t);
			rc = 0;
		}
		sink_free(t);
		js_pop(J, 1);
		return rc;
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "buckets");
	if (!js_isarray(J, -1) || (len = js_getlength(J, -1)) % 2 != 0) {
		js_pop(J, 1);
		return -1;
	}
	h = hist_new();
	for (i = 0; i < len; i += 2) {
		js_getindex(J, -1, i);
		key = js_tonumber(J, -1);
		js_getindex(J, -2, i + 1);
		v = js_tonumber(J, -1);
		js_pop(J, 2);
		if (!(key >= 0 && key < 1 << 20 && v >= 0 && v <= 9e15))
			goto out;
		c = (uint64_t)v;
		if (hist_load(h, (uint32_t)key, c) == -1)
			goto out;
	}
	if (hist_count(h) != n)
		goto out;
	hist_set_exact(h, sum, min, max);
	sink_trend_load(s, h);
	rc = 0;
out:
	hist_free(h);
	js_pop(J, 1);
	return rc;
}

/* Fold one exported sink (the object on top) into s.  An additive gauge
 * (vus, vus_max: VUs of the parts run at once) sums the parts' values,
 * min and max, as one machine running them all would have counted. */
static int
load_sink(js_State *J, struct sink *s, int additive)
{
	struct sink part;
	double time;

	if (!js_isobject(J, -1))
		return -1;
	memset(&part, 0, sizeof part);
	part.type = s->type;
	switch (s->type) {
	case SINK_COUNTER:
		if (prop_number(J, -1, "sum", &part.u.counter.sum) == -1 ||
		    prop_count(J, -1, "n", &part.u.counter.n) == -1)
			return -1;
		break;
	case SINK_GAUGE:
		if (prop_number(J, -1, "value", &part.u.gauge.value) == -1 ||
		    prop_number(J, -1, "min", &part.u.gauge.min) == -1 ||
		    prop_number(J, -1, "max", &part.u.gauge.max) == -1 ||
		    prop_number(J, -1, "time", &time) == -1 ||
		    prop_count(J, -1, "n", &part.u.gauge.n) == -1)
			return -1;
		part.u.gauge.time = time;
		if (additive) {
			s->u.gauge.value += part.u.gauge.value;
			s->u.gauge.min += part.u.gauge.min;
			s->u.gauge.max += part.u.gauge.max;
			s->u.gauge.n += part.u.gauge.n;
			s->u.gauge.time = fmax(s->u.gauge.time, time);
			return 0;
		}
		break;
	case SINK_RATE:
		if (prop_count(J, -1, "passes", &part.u.rate.passes) == -1 ||
		    prop_count(J, -1, "total", &part.u.rate.total) == -1 ||
		    part.u.rate.passes > part.u.rate.total)
			return -1;
		break;
	case SINK_TREND:
		return load_trend(J, s);
	}
	sink_merge(s, &part);
	return 0;
}

/* Declare the metric or sub-metric named key (the object on top of the
 * stack) with its thresholds, and fold every part's sink into it. */
static int
load_metric(js_State *J, struct metric_registry *r, const char *key, char **cause)
{
	enum sink_type type;
	enum metric_contains contains = METRIC_DEFAULT;
	struct metric *m;
	struct metric_sub *sub = NULL;
	struct threshold *t;
	struct sink *s;
	const char *brace = strchr(key, '{');
	char *name = xstrndup(key, brace ? (size_t)(brace - key) : strlen(key));
	int i, n, rc = -1;

	js_getproperty(J, -1, "type");
	if (sink_type_parse(js_tostring(J, -1), &type) == -1) {
		*cause = xasprintf("metric %s has an unknown type", key);
		js_pop(J, 1);
		goto out;
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "contains");
	if (strcmp(js_tostring(J, -1), "time") == 0)
		contains = METRIC_TIME;
	else if (strcmp(js_tostring(J, -1), "data") == 0)
		contains = METRIC_DATA;
	js_pop(J, 1);
	if ((m = metric_registry_get(r, name)) == NULL &&
	    (m = metric_registry_declare(r, name, type, contains, cause)) == NULL)
		goto out;
	if (m->type != type) {
		*cause = xasprintf("metric %s is a %s, not a %s", name,
		    sink_type_name(m->type), sink_type_name(type));
		goto out;
	}
	if (brace != NULL && (sub = metric_registry_sub(r, key, cause)) == NULL)
		goto out;
	js_getproperty(J, -1, "thresholds");
	n = js_getlength(J, -1);
	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		t = threshold_parse(js_tostring(J, -1), cause);
		js_pop(J, 1);
		if (t == NULL || metric_registry_add_threshold(r, key, t, cause) == -1) {
			js_pop(J, 1);
			goto out;
		}
	}
	js_pop(J, 1);
	s = sub != NULL ? sub->sink : m->sink;
	if (sub != NULL)
		sub->observed = true;
	else
		m->observed = true;
	js_getproperty(J, -1, "sinks");
	n = js_getlength(J, -1);
	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		if (load_sink(J, s, m->builtin && m->type == SINK_GAUGE) == -1) {
			js_pop(J, 2);
			js_getproperty(J, -1, "files");
			js_getindex(J, -1, i);
			*cause = xasprintf("%s: damaged merge data for metric %s",
			    js_tostring(J, -1), key);
			js_pop(J, 2);
			goto out;
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	rc = 0;
out:
	free(name);
	return rc;
}

/* The checks of the merge result (on top of the stack); owned array. */
static struct aggregator_check *
load_checks(js_State *J, size_t *n)
{
	struct aggregator_check *c;
	size_t i;

	js_getproperty(J, -1, "checks");
	*n = (size_t)js_getlength(J, -1);
	c = xcalloc(*n ? *n : 1, sizeof *c);
	for (i = 0; i < *n; i++) {
		js_getindex(J, -1, (int)i);
		js_getproperty(J, -1, "group");
		c[i].group = xstrdup(js_tostring(J, -1));
		js_getproperty(J, -2, "name");
		c[i].name = xstrdup(js_tostring(J, -1));
		js_pop(J, 2);
		prop_count(J, -1, "passes", &c[i].passes);
		prop_count(J, -1, "fails", &c[i].fails);
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return c;
}

static char **
load_strings(js_State *J, const char *key, size_t *n)
{
	char **l;
	size_t i;

	js_getproperty(J, -1, key);
	*n = (size_t)js_getlength(J, -1);
	l = xcalloc(*n + 1, sizeof *l);
	for (i = 0; i < *n; i++) {
		js_getindex(J, -1, (int)i);
		l[i] = xstrdup(js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return l;
}

/* JSON.stringify(the top's key), owned; NULL if undefined. */
static char *
stringify(js_State *J, const char *key)
{
	char *s = NULL;

	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2(J);
	js_getproperty(J, -3, key);
	js_call(J, 1);
	if (js_isstring(J, -1))
		s = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);
	return s;
}

/*
 * The summary's trend columns as "avg,min,...": --summary-trend-stats,
 * else the parts' option.  The flags replace the parts' options (on top
 * of the stack) as they would have on one machine.  NULL with *cause for
 * a bad statistic.
 */
static char *
summary_flags(js_State *J, const struct cli *cli, char **cause)
{
	const char *flag = cli_get(cli, "summary-trend-stats");
	const char *unit = cli_get(cli, "summary-time-unit");
	char *list, *item, *save = NULL, *why = NULL;
	int i = 0;

	if (unit != NULL) {
		js_pushstring(J, unit);
		js_setproperty(J, -2, "summaryTimeUnit");
	}
	if (flag != NULL) {
		list = xstrdup(flag);
		js_newarray(J);
		for (item = strtok_r(list, ",", &save); item != NULL;
		    item = strtok_r(NULL, ",", &save)) {
			if (sink_trend_stat_check(item, &why) == -1) {
				*cause = xasprintf("--summary-trend-stats: %s", why);
				free(why);
				free(list);
				js_pop(J, 1);
				return NULL;
			}
			js_pushstring(J, item);
			js_setindex(J, -2, i++);
		}
		free(list);
		js_setproperty(J, -2, "summaryTrendStats");
	}
	js_getproperty(J, -1, "summaryTrendStats");
	js_getproperty(J, -1, "join");
	js_rot2(J);
	js_pushliteral(J, ",");
	js_call(J, 1);
	list = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);
	return list;
}

int
merge_run(const struct cli *cli)
{
	const char *mode = cli_get(cli, "summary-mode");
	const char *export = cli_get(cli, "summary-export");
	struct metric_registry *reg = NULL;
	struct results_in in = { 0 };
	struct aggregator_check *checks = NULL;
	char **groups = NULL, *text, *cause = NULL, *setup = NULL, *stats = NULL;
	char *raw = NULL, *breached = NULL;
	const char *key;
	js_State *J = NULL;
	size_t i;
	int rc = EXIT_INVALID_CONFIG;

	log_init(cli_flag(cli, "verbose", 0), !cli_flag(cli, "no-color", 0));
	if (log_configure(cli_get(cli, "log-output"), cli_get(cli, "log-format"),
	    &cause) == -1) {
		rc = EXIT_USAGE;
		goto out;
	}
	J = js_newstate(NULL, NULL, 0);
	if (J == NULL) {
		cause = xstrdup("internal error: cannot make a JavaScript state");
		rc = EXIT_INTERNAL;
		goto out;
	}
	defaults_define(J);
	if (runtime_load(J, &cause) == -1 ||
	    runtime_load_files(J, coordinator_files, coordinator_files_n, &cause) == -1) {
		rc = EXIT_INTERNAL;
		goto out;
	}
	/* __ly_merge(texts, names) */
	js_getglobal(J, "__ly_merge");
	js_pushundefined(J);
	js_newarray(J);
	for (i = 0; i < cli->nargs; i++) {
		if ((text = buf_slurp(cli->args[i], MERGE_MAX_FILE, "a summary export",
		    &cause)) == NULL)
			goto out;
		js_pushstring(J, text);
		free(text);
		js_setindex(J, -2, (int)i);
	}
	js_newarray(J);
	for (i = 0; i < cli->nargs; i++) {
		js_pushstring(J, cli->args[i]);
		js_setindex(J, -2, (int)i);
	}
	if (js_pcall(J, 2)) {
		key = js_trystring(J, -1, "Error");
		cause = xstrdup(strncmp(key, "Error: ", 7) == 0 ? key + 7 : key);
		goto out;
	}

	reg = metric_registry_new();
	js_getproperty(J, -1, "metrics");
	js_pushiterator(J, -1, 1);
	while ((key = js_nextiterator(J, -1)) != NULL) {
		char *k = xstrdup(key), *why = NULL;

		js_getproperty(J, -2, k);
		if (load_metric(J, reg, k, &why) == -1) {
			cause = xasprintf("cannot merge %s: %s", k, why);
			free(why);
			free(k);
			goto out;
		}
		js_pop(J, 1);
		free(k);
	}
	js_pop(J, 2);

	checks = load_checks(J, &in.nchecks);
	groups = load_strings(J, "groups", &in.ngroups);
	setup = stringify(J, "setupData");
	js_getproperty(J, -1, "options");
	if ((stats = summary_flags(J, cli, &cause)) == NULL)
		goto out;
	js_getproperty(J, -2, "durationMs");
	in.dur = js_tonumber(J, -1) / 1000;
	js_pop(J, 1);

	metric_registry_eval(reg, in.dur, true, &breached, NULL);
	in.metrics = reg;
	in.checks = checks;
	in.groups = groups;
	in.setup_json = setup;
	in.trend_stats = stats;
	raw = results_raw(&in);
	rc = EXIT_INTERNAL;
	/* The stack: [result, options]. */
	if (results_data(J, raw, !cli_flag(cli, "no-color", 0), &cause) == -1)
		goto out;
	if (export != NULL && results_export(J, export, &cause) == -1)
		goto out;
	if ((mode == NULL || strcmp(mode, "disabled") != 0) &&
	    results_text(J, mode, &cause) == -1)
		goto out;
	if (breached != NULL) {
		log_msg(LOG_ERROR, NULL, "thresholds on metrics '%s' have been crossed",
		    breached);
		rc = EXIT_THRESHOLDS_FAILED;
	} else
		rc = EXIT_OK;
out:
	if (cause != NULL) {
		log_msg(LOG_ERROR, NULL, "merge: %s", cause);
		free(cause);
	}
	for (i = 0; checks != NULL && i < in.nchecks; i++) {
		free(checks[i].group);
		free(checks[i].name);
	}
	free(checks);
	for (i = 0; groups != NULL && i < in.ngroups; i++)
		free(groups[i]);
	free(groups);
	free(setup);
	free(stats);
	free(raw);
	free(breached);
	metric_registry_free(reg);
	if (J != NULL)
		js_freestate(J);
	return rc;
}
