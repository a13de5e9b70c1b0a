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
static char *
results_json(struct coord *c, double dur)
{
	const struct aggregator_check *checks;
	char *const *groups;
	size_t nchecks, ngroups;
	struct buf b = BUF_INIT;
	const char *trend;
	char *stats, id[33];
	size_t i, j;
	int first = 1;

	js_getproperty(c->cj, -1, "options");
	js_getproperty(c->cj, -1, "summaryTrendStats");
	js_getproperty(c->cj, -1, "join");
	js_rot2(c->cj);
	js_pushliteral(c->cj, ",");
	js_call(c->cj, 1);
	stats = xstrdup(js_tostring(c->cj, -1));
	js_pop(c->cj, 2);
	trend = stats;

	buf_puts(&b, "{\"metrics\":{");
	for (i = 0; i < metric_registry_count(c->metrics); i++) {
		struct metric *m = metric_registry_at(c->metrics, i);

		if (!m->observed && m->nthresholds == 0)
			continue;
		buf_printf(&b, "%s", first ? "" : ",");
		first = 0;
		format_json_cstring(&b, m->name, FORMAT_JSON_BF);
		buf_printf(&b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"values\":",
		    sink_type_name(m->type), metric_contains_name(m->contains));
		json_sink_values(&b, m, m->sink, trend, dur);
		if (m->nthresholds > 0)
			json_thresholds(&b, m->thresholds, m->nthresholds, m->sink, dur);
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
			json_sink_values(&b, m, sub->sink, trend, dur);
			if (sub->nthresholds > 0)
				json_thresholds(&b, sub->thresholds, sub->nthresholds, sub->sink,
				    dur);
			buf_putc(&b, '}');
		}
	}
	checks = aggregator_checks(c->agg, &nchecks);
	groups = aggregator_groups(c->agg, &ngroups);
	buf_puts(&b, "},\"checks\":[");
	for (i = 0; i < nchecks; i++) {
		char *path = xasprintf("%s::%s", checks[i].group, checks[i].name);

		md5_hex(path, id);
		buf_printf(&b, "%s{\"group\":", i ? "," : "");
		format_json_cstring(&b, checks[i].group, FORMAT_JSON_BF);
		buf_puts(&b, ",\"name\":");
		format_json_cstring(&b, checks[i].name, FORMAT_JSON_BF);
		buf_puts(&b, ",\"path\":");
		format_json_cstring(&b, path, FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\",\"passes\":%llu,\"fails\":%llu}", id,
		    (unsigned long long)checks[i].passes,
		    (unsigned long long)checks[i].fails);
		free(path);
	}
	buf_puts(&b, "],\"groups\":[");
	for (i = 0; i < ngroups; i++) {
		md5_hex(groups[i], id);
		buf_printf(&b, "%s{\"path\":", i ? "," : "");
		format_json_cstring(&b, groups[i], FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\"}", id);
	}
	md5_hex("", id);
	buf_printf(&b, "],\"rootId\":\"%s\",\"testRunDurationMs\":%.6f,"
	    "\"isStdOutTTY\":%s,\"isStdErrTTY\":%s,\"setupData\":%s}", id, dur * 1000,
	    isatty(1) ? "true" : "false", isatty(2) ? "true" : "false",
	    c->setup_json ? c->setup_json : "null");
	free(stats);
	return buf_steal(&b);
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

/* Print or write the summary; 0, or -1 when a part of it was lost (each
 * loss is reported). */
int
summarize(struct coord *c, double dur, int handle_summary)
{
	js_State *J = c->cj;
	const char *mode = cli_get(c->cli, "summary-mode");
	const char *export = cli_get(c->cli, "summary-export");
	char *raw = results_json(c, dur), *result = NULL, *cause = NULL, *data;
	int no_summary = cli_flag(c->cli, "no-summary", 0) ||
	    (mode != NULL && strcmp(mode, "disabled") == 0);
	int rc = 0;

	/* data = __ly_summary.data(raw, options) */
	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, "data");
	js_rot2(J);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, raw);
	js_call(J, 1);
	js_copy(J, -4);		/* the consolidation result */
	js_getproperty(J, -1, "options");
	js_rot2(J);
	js_pop(J, 1);
	js_pushboolean(J, !cli_flag(c->cli, "no-color", 0));
	if (js_pcall(J, 3)) {
		log_msg(LOG_ERROR, NULL, "internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		js_pop(J, 1);
		free(raw);
		return -1;
	}
	free(raw);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2(J);
	js_copy(J, -3);
	js_call(J, 1);
	data = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);

	if (export != NULL && !no_summary) {
		js_getglobal(J, "__ly_summary");
		js_getproperty(J, -1, "exportJSON");
		js_rot2(J);
		js_copy(J, -3);
		js_call(J, 1);
		if (outfile_save(export, js_tostring(J, -1), strlen(js_tostring(J, -1)),
		    &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "--summary-export: %s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		js_pop(J, 1);
	}
	if (no_summary) {
		js_pop(J, 1);
		free(data);
		return rc;
	}
	if (handle_summary) {
		struct engine *e;
		struct vu *vu;

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
		}
		log_msg(LOG_ERROR, NULL, "failed to handle the end-of-test summary: %s",
		    cause ? cause : "handleSummary() returned nothing");
		free(cause);
	}
	/* The text summary. */
	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, "text");
	js_rot2(J);
	js_copy(J, -3);
	js_pushstring(J, mode ? mode : "compact");
	if (js_pcall(J, 2)) {
		log_msg(LOG_ERROR, NULL, "internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		rc = -1;
	} else if (outfile_save("-", js_tostring(J, -1), strlen(js_tostring(J, -1)),
	    &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "the end-of-test summary: %s", cause);
		free(cause);
		rc = -1;
	}
	js_pop(J, 2);
	free(data);
	return rc;
}
