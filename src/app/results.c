/* The end of the test: results JSON, handleSummary, the summary. */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <mujs.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "metrics/aggregator.h"
#include "output/outfile.h"
#include "util/format.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"
#include "app/results.h"
#include "compile/bundle.h"
#include "metrics/hist.h"

static void
md5_hex(const char *s, char out[33])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(s, strlen(s), d, &n, EVP_md5(), NULL);
	for (i = 0; i < n && i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	out[32] = '\0';
}

/* A number as JSON, in the shortest form that reads back exactly. */
static void
json_number(struct buf *b, double v)
{
	format_float_g(b, isfinite(v) ? v : 0);
}

static void
json_sink_values(struct buf *b, const struct metric *m, const struct sink *s,
    const char *trend_stats, double dur)
{
	const char *const *stats;
	const char *p, *q;
	double v;
	size_t n, i;
	int first = 1;

	buf_putc(b, '{');
	if (m->type == SINK_TREND) {
		/* One key per summaryTrendStats entry. */
		for (p = trend_stats; *p != '\0'; p = *q ? q + 1 : q) {
			char stat[64];

			q = strchr(p, ',');
			if (q == NULL)
				q = p + strlen(p);
			snprintf(stat, sizeof stat, "%.*s", (int)(q - p), p);
			if (sink_value(s, stat, dur, &v) == -1)
				continue;
			buf_printf(b, "%s\"%s\":", first ? "" : ",", stat);
			json_number(b, v);
			first = 0;
		}
	} else {
		stats = sink_stats(m->type, &n);
		for (i = 0; i < n; i++) {
			if (sink_value(s, stats[i], dur, &v) == -1)
				continue;
			buf_printf(b, "%s\"%s\":", first ? "" : ",", stats[i]);
			json_number(b, v);
			first = 0;
		}
	}
	buf_putc(b, '}');
}

/* The thresholds of a metric: their results, their order (mujs sorts
 * object keys), and the value of every statistic they read, for those
 * summaryTrendStats does not show. */
static void
json_thresholds(struct buf *b, struct threshold **t, size_t n, const struct sink *s,
    double dur)
{
	char stat[64];
	double v;
	size_t i;

	buf_puts(b, ",\"thresholds\":{");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, t[i]->source, FORMAT_JSON_BF);
		buf_printf(b, ":{\"ok\":%s}", t[i]->failed ? "false" : "true");
	}
	buf_puts(b, "},\"thresholdOrder\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, t[i]->source, FORMAT_JSON_BF);
	}
	buf_puts(b, "],\"thresholdValues\":{");
	for (i = 0; i < n; i++) {
		threshold_stat(t[i], stat, sizeof stat);
		if (sink_value(s, stat, dur, &v) == -1)
			v = 0;
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, stat, FORMAT_JSON_BF);
		buf_putc(b, ':');
		json_number(b, v);
	}
	buf_putc(b, '}');
}

/* The raw results the summary code turns into k6's data object. */
char *
results_raw(const struct results_in *in)
{
	struct buf b = BUF_INIT;
	char id[33];
	size_t i, j;
	int first = 1;

	buf_puts(&b, "{\"metrics\":{");
	for (i = 0; i < metric_registry_count(in->metrics); i++) {
		struct metric *m = metric_registry_at(in->metrics, i);

		if (!m->observed && m->nthresholds == 0)
			continue;
		buf_printf(&b, "%s", first ? "" : ",");
		first = 0;
		format_json_cstring(&b, m->name, FORMAT_JSON_BF);
		buf_printf(&b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"values\":",
		    sink_type_name(m->type), metric_contains_name(m->contains));
		json_sink_values(&b, m, m->sink, in->trend_stats, in->dur);
		if (m->nthresholds > 0)
			json_thresholds(&b, m->thresholds, m->nthresholds, m->sink, in->dur);
		buf_putc(&b, '}');
		for (j = 0; j < m->nsubs; j++) {
			struct metric_sub *sub = m->subs[j];

			/* As k6: a sub-metric without samples or thresholds
			 * (expected_response:true when none was) is left out. */
			if (!sub->observed)
				continue;
			buf_putc(&b, ',');
			format_json_cstring(&b, sub->name, FORMAT_JSON_BF);
			buf_printf(&b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"values\":",
			    sink_type_name(m->type), metric_contains_name(m->contains));
			json_sink_values(&b, m, sub->sink, in->trend_stats, in->dur);
			if (sub->nthresholds > 0)
				json_thresholds(&b, sub->thresholds, sub->nthresholds, sub->sink,
				    in->dur);
			buf_putc(&b, '}');
		}
	}
	buf_puts(&b, "},\"checks\":[");
	for (i = 0; i < in->nchecks; i++) {
		const struct aggregator_check *ck = &in->checks[i];
		char *path = xasprintf("%s::%s", ck->group, ck->name);

		md5_hex(path, id);
		buf_printf(&b, "%s{\"group\":", i ? "," : "");
		format_json_cstring(&b, ck->group, FORMAT_JSON_BF);
		buf_puts(&b, ",\"name\":");
		format_json_cstring(&b, ck->name, FORMAT_JSON_BF);
		buf_puts(&b, ",\"path\":");
		format_json_cstring(&b, path, FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\",\"passes\":%llu,\"fails\":%llu}", id,
		    (unsigned long long)ck->passes, (unsigned long long)ck->fails);
		free(path);
	}
	buf_puts(&b, "],\"groups\":[");
	for (i = 0; i < in->ngroups; i++) {
		md5_hex(in->groups[i], id);
		buf_printf(&b, "%s{\"path\":", i ? "," : "");
		format_json_cstring(&b, in->groups[i], FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\"}", id);
	}
	md5_hex("", id);
	buf_printf(&b, "],\"rootId\":\"%s\",\"testRunDurationMs\":%.6f,"
	    "\"isStdOutTTY\":%s,\"isStdErrTTY\":%s,\"setupData\":%s", id,
	    in->dur * 1000, isatty(1) ? "true" : "false", isatty(2) ? "true" : "false",
	    in->setup_json ? in->setup_json : "null");
	buf_putc(&b, '}');
	return buf_steal(&b);
}

/*
 * A Trend's merge data holds its exact values while it has at most this
 * many, else its histogram buckets.  256 values are about 5 KiB of JSON,
 * less than the buckets of a latency Trend (11 KiB for 1 to 144 ms);
 * past that the values grow with the test (1.1 MB at 65,536) while the
 * buckets stay bounded by the range of the values.
 * Parts this small merge to k6's exact percentiles; larger ones to the
 * histogram's, within its 0.79%.
 */
#define MERGE_EXACT	256

/* One sink's state, all a merge needs to rebuild it. */
static void
trend_bucket(void *arg, uint32_t key, uint64_t n)
{
	struct buf *b = arg;

	if (b->data[b->len - 1] != '[')
		buf_putc(b, ',');
	format_u64(b, key);
	buf_putc(b, ',');
	format_u64(b, n);
}

static void
json_sink_state(struct buf *b, const struct sink *s)
{
	const struct hist *h;
	const double *v;
	size_t n, i;

	switch (s->type) {
	case SINK_COUNTER:
		buf_puts(b, "{\"sum\":");
		json_number(b, s->u.counter.sum);
		buf_printf(b, ",\"n\":%llu}", (unsigned long long)s->u.counter.n);
		break;
	case SINK_GAUGE:
		buf_puts(b, "{\"value\":");
		json_number(b, s->u.gauge.value);
		buf_puts(b, ",\"min\":");
		json_number(b, s->u.gauge.min);
		buf_puts(b, ",\"max\":");
		json_number(b, s->u.gauge.max);
		buf_puts(b, ",\"time\":");
		json_number(b, s->u.gauge.time);
		buf_printf(b, ",\"n\":%llu}", (unsigned long long)s->u.gauge.n);
		break;
	case SINK_RATE:
		buf_printf(b, "{\"passes\":%llu,\"total\":%llu}",
		    (unsigned long long)s->u.rate.passes,
		    (unsigned long long)s->u.rate.total);
		break;
	case SINK_TREND:
		h = sink_trend_hist(s);
		buf_printf(b, "{\"n\":%llu,\"sum\":", (unsigned long long)hist_count(h));
		json_number(b, hist_sum(h));
		buf_puts(b, ",\"min\":");
		json_number(b, hist_min(h));
		buf_puts(b, ",\"max\":");
		json_number(b, hist_max(h));
		if (sink_trend_values(s, &v, &n) == 0 && n <= MERGE_EXACT) {
			buf_puts(b, ",\"values\":[");
			for (i = 0; i < n; i++) {
				if (i > 0)
					buf_putc(b, ',');
				json_number(b, v[i]);
			}
		} else {
			buf_puts(b, ",\"buckets\":[");
			hist_buckets(h, trend_bucket, b);
		}
		buf_puts(b, "]}");
		break;
	}
}

static void
json_metric_state(struct buf *b, const char *name, const struct metric *m,
    const struct sink *s, struct threshold **t, size_t nt, int *first)
{
	size_t i;

	buf_puts(b, *first ? "" : ",");
	*first = 0;
	format_json_cstring(b, name, FORMAT_JSON_BF);
	buf_printf(b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"thresholds\":[",
	    sink_type_name(m->type), metric_contains_name(m->contains));
	for (i = 0; i < nt; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, t[i]->source, FORMAT_JSON_BF);
	}
	buf_puts(b, "],\"sink\":");
	json_sink_state(b, s);
	buf_putc(b, '}');
}

static void
sha256_hex(const char *s, size_t len, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(s, len, d, &n, EVP_sha256(), NULL);
	for (i = 0; i < n && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	out[64] = '\0';
}

/* Append s to b without any of the bundle's module ids and names. */
static void
put_pathless(struct buf *b, const struct bundle *bd, const char *s)
{
	const char *hit, *p;
	size_t i, n, k;

	while (*s != '\0') {
		hit = NULL;
		n = 0;
		for (i = 0; i < bd->nunits; i++) {
			const char *pat[2] = { bd->units[i].id, bd->units[i].name };

			for (k = 0; k < 2; k++)
				if ((p = strstr(s, pat[k])) != NULL && *pat[k] != '\0' &&
				    (hit == NULL || p < hit || (p == hit && strlen(pat[k]) > n))) {
					hit = p;
					n = strlen(pat[k]);
				}
		}
		if (hit == NULL) {
			buf_puts(b, s);
			return;
		}
		buf_add(b, s, (size_t)(hit - s));
		s = hit + n;
	}
}

/* The script's identity: a SHA-256 of its modules' code without their
 * paths, as the machines of one test may keep the script in different
 * places. */
static void
script_hash(const struct bundle *bd, char out[65])
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < bd->nunits; i++) {
		put_pathless(&b, bd, bd->units[i].es5);
		buf_add(&b, "", 1);
	}
	sha256_hex(b.data ? b.data : "", b.len, out);
	buf_free(&b);
}

/*
 * What `lyocell merge` needs besides k6's summary: every sink's state,
 * the thresholds, the options and what identifies the script and this
 * instance.  The stack holds the consolidation result.
 */
static char *
merge_json(struct coord *c, const struct aggregator_check *checks, size_t nchecks,
    char *const *groups, size_t ngroups, double dur)
{
	struct buf b = BUF_INIT;
	const char *seq = cli_get(c->cli, "execution-segment-sequence");
	char hash[65];
	size_t i, j;
	int first = 1;

	script_hash(c->bundle, hash);
	buf_printf(&b, "{\"version\":1,\"script\":\"sha256:%s\",\"segment\":\"%lld/%lld:"
	    "%lld/%lld\",\"sequence\":", hash, (long long)c->seg.a, (long long)c->seg.d,
	    (long long)c->seg.b, (long long)c->seg.d);
	if (seq != NULL)
		format_json_cstring(&b, seq, FORMAT_JSON_BF);
	else
		buf_puts(&b, "null");
	/* The options, less what differs between the instances of one test. */
	js_getglobal(c->cj, "__ly_summary");
	js_getproperty(c->cj, -1, "mergeOptions");
	js_rot2(c->cj);
	js_pushstring(c->cj, c->options_json);
	js_call(c->cj, 1);
	buf_printf(&b, ",%s", js_tostring(c->cj, -1));
	js_pop(c->cj, 1);
	buf_printf(&b, ",\"durationMs\":%.6f,\"metrics\":{", dur * 1000);
	for (i = 0; i < metric_registry_count(c->metrics); i++) {
		struct metric *m = metric_registry_at(c->metrics, i);

		if (!m->observed && m->nthresholds == 0)
			continue;
		json_metric_state(&b, m->name, m, m->sink, m->thresholds, m->nthresholds,
		    &first);
		for (j = 0; j < m->nsubs; j++)
			if (m->subs[j]->observed || m->subs[j]->nthresholds > 0)
				json_metric_state(&b, m->subs[j]->name, m, m->subs[j]->sink,
				    m->subs[j]->thresholds, m->subs[j]->nthresholds, &first);
	}
	buf_puts(&b, "},\"checks\":[");
	for (i = 0; i < nchecks; i++) {
		buf_puts(&b, i ? ",{\"group\":" : "{\"group\":");
		format_json_cstring(&b, checks[i].group, FORMAT_JSON_BF);
		buf_puts(&b, ",\"name\":");
		format_json_cstring(&b, checks[i].name, FORMAT_JSON_BF);
		buf_printf(&b, ",\"passes\":%llu,\"fails\":%llu}",
		    (unsigned long long)checks[i].passes, (unsigned long long)checks[i].fails);
	}
	buf_puts(&b, "],\"groups\":[");
	for (i = 0; i < ngroups; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		format_json_cstring(&b, groups[i], FORMAT_JSON_BF);
	}
	buf_puts(&b, "]}");
	return buf_steal(&b);
}

/* The run's raw results. */
static char *
results_json(struct coord *c, double dur)
{
	struct results_in in = { 0 };
	char *stats, *raw;

	js_getproperty(c->cj, -1, "options");
	js_getproperty(c->cj, -1, "summaryTrendStats");
	js_getproperty(c->cj, -1, "join");
	js_rot2(c->cj);
	js_pushliteral(c->cj, ",");
	js_call(c->cj, 1);
	stats = xstrdup(js_tostring(c->cj, -1));
	js_pop(c->cj, 2);

	in.metrics = c->metrics;
	in.checks = aggregator_checks(c->agg, &in.nchecks);
	in.groups = aggregator_groups(c->agg, &in.ngroups);
	in.setup_json = c->setup_json;
	in.trend_stats = stats;
	in.dur = dur;
	raw = results_raw(&in);
	free(stats);
	return raw;
}

/* Write handleSummary's outputs: "stdout", "stderr" or a file path.
 * 0, or -1 when one could not be written (each is reported). */
static int
write_outputs(js_State *J)
{
	const char *k;
	char *cause = NULL;
	int rc = 0;

	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		const char *text;

		js_getproperty(J, -2, k);
		text = js_tostring(J, -1);
		if (strcmp(k, "stderr") == 0) {
			if (fputs(text, stderr) == EOF || fflush(stderr) != 0)
				rc = -1;	/* nowhere to say so */
		} else if (outfile_save(strcmp(k, "stdout") == 0 ? "-" : k, text,
		    strlen(text), &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "failed to handle the end-of-test summary: "
			    "%s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return rc;
}

int
results_data(js_State *J, const char *raw, int color, char **cause)
{
	/* data = __ly_summary.data(JSON.parse(raw), options, color) */
	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, "data");
	js_rot2(J);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, raw);
	js_call(J, 1);
	js_copy(J, -4);		/* the options */
	js_pushboolean(J, color);
	if (js_pcall(J, 3)) {
		*cause = xasprintf("internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		js_pop(J, 2);
		return -1;
	}
	js_rot2(J);
	js_pop(J, 1);
	return 0;
}

/*
 * text, a JSON object of k6's summary data (indented or not), with the
 * merge data when not NULL as one more member at its end, as it is:
 * unindented, as it is for `lyocell merge`, not for reading, and not
 * through JavaScript, which would parse and print it again.
 */
static void
with_merge(struct buf *b, const char *text, size_t len, const char *lyocell)
{
	int indented = len > 2 && strcmp(text + len - 2, "\n}") == 0;

	if (lyocell == NULL || len <= 2 || text[len - 1] != '}') {
		buf_add(b, text, len);
		return;
	}
	buf_add(b, text, len - (indented ? 2 : 1));
	buf_puts(b, indented ? ",\n    \"lyocell\": " : ",\"lyocell\":");
	buf_puts(b, lyocell);
	buf_puts(b, indented ? "\n}" : "}");
}

/* __ly_summary[fn](data[, mode]) of the data on top, saved to path; the
 * merge data, when not NULL, as one more key at the end of the object. */
static int
results_save(js_State *J, const char *fn, const char *mode, const char *path,
    const char *what, const char *lyocell, char **cause)
{
	struct buf b = BUF_INIT;
	const char *text;
	char *why = NULL;
	size_t len;
	int rc = 0;

	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, fn);
	js_rot2(J);
	js_copy(J, -3);
	if (mode != NULL)
		js_pushstring(J, mode);
	if (js_pcall(J, mode != NULL ? 2 : 1)) {
		*cause = xasprintf("internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		js_pop(J, 1);
		return -1;
	}
	text = js_tostring(J, -1);
	len = strlen(text);
	if (lyocell != NULL) {
		with_merge(&b, text, len, lyocell);
		text = b.data;
		len = b.len;
	}
	if (outfile_save(path, text, len, &why) == -1) {
		*cause = xasprintf("%s: %s", what, why);
		free(why);
		rc = -1;
	}
	buf_free(&b);
	js_pop(J, 1);
	return rc;
}

int
results_export(js_State *J, const char *path, const char *lyocell, char **cause)
{
	return results_save(J, "exportJSON", NULL, path, "--summary-export", lyocell,
	    cause);
}

int
results_text(js_State *J, const char *mode, char **cause)
{
	return results_save(J, "text", mode ? mode : "compact", "-",
	    "the end-of-test summary", NULL, cause);
}

/* handleSummary's argument: the data on top as JSON, with the merge data
 * when not NULL. */
static char *
handle_summary_json(js_State *J, const char *lyocell)
{
	struct buf b = BUF_INIT;
	const char *text;

	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2(J);
	js_copy(J, -3);
	js_call(J, 1);
	text = js_tostring(J, -1);
	with_merge(&b, text, strlen(text), lyocell);
	js_pop(J, 1);
	return buf_steal(&b);
}

/* Print or write the summary; 0, or -1 when a part of it was lost (each
 * loss is reported).  The merge data is built only for what carries it:
 * --summary-export and handleSummary's data. */
int
summarize(struct coord *c, double dur, int handle_summary)
{
	js_State *J = c->cj;
	const char *mode = cli_get(c->cli, "summary-mode");
	const char *export = cli_get(c->cli, "summary-export");
	char *raw, *result = NULL, *cause = NULL, *data, *merge = NULL;
	int rc = 0;

	/* No summary, no export, no handleSummary: nothing to compute. */
	if (cli_flag(c->cli, "no-summary", 0) ||
	    (mode != NULL && strcmp(mode, "disabled") == 0))
		return 0;
	raw = results_json(c, dur);
	js_getproperty(J, -1, "options");	/* the consolidation result's */
	if (results_data(J, raw, !cli_flag(c->cli, "no-color", 0), &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		free(raw);
		return -1;
	}
	free(raw);
	if (export != NULL || handle_summary) {
		const struct aggregator_check *checks;
		char *const *groups;
		size_t nchecks, ngroups;

		checks = aggregator_checks(c->agg, &nchecks);
		groups = aggregator_groups(c->agg, &ngroups);
		merge = merge_json(c, checks, nchecks, groups, ngroups, dur);
	}
	if (export != NULL && results_export(J, export, merge, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		cause = NULL;
		rc = -1;
	}
	if (handle_summary) {
		struct engine *e;
		struct vu *vu;

		data = handle_summary_json(J, merge);
		free(merge);
		merge = NULL;
		if ((e = local_engine(c, 1, &vu, &cause)) != NULL) {
			int called = vu_call(vu, "handleSummary", data, 120000, &result,
			    &cause);

			local_engine_free(c, e, vu);
			if (called == 0 && result != NULL) {
				js_getglobal(J, "JSON");
				js_getproperty(J, -1, "parse");
				js_rot2(J);
				js_pushstring(J, result);
				js_call(J, 1);
				if (js_isobject(J, -1)) {
					if (write_outputs(J) == -1)
						rc = -1;
				} else
					js_pop(J, 1);
				free(result);
				js_pop(J, 1);
				free(data);
				return rc;
			}
			free(result);
			/* A thrown exception is logged as k6 logs it, and
			 * the default summary follows. */
			if (called == -1 && cause != NULL &&
			    log_script_error(cause) == 1) {
				free(cause);
				free(data);
				goto summary;
			}
		}
		free(data);
		log_msg(LOG_ERROR, NULL, "failed to handle the end-of-test summary: %s",
		    cause ? cause : "handleSummary() returned nothing");
		free(cause);
	}
summary:
	cause = NULL;
	free(merge);
	if (results_text(J, mode, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		rc = -1;
	}
	js_pop(J, 1);
	return rc;
}
