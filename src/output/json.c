/* --out json=FILE: k6's newline-delimited JSON (output/json in k6).
 *
 * A "Metric" line the first time a metric is seen, with its thresholds
 * and sub-metrics, then one "Point" line per sample, keys in k6's order.
 * Lines collect in a buffer written out every 200 ms (k6's flush period)
 * and at stop; past JSON_EARLY_FLUSH bytes they are written at once so a
 * burst cannot grow the buffer without bound. */
#include "config.h"

#include <event2/event.h>
#include <stdlib.h>
#include <string.h>

#include "output/backend.h"
#include "util/format.h"
#include "output/outfile.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/pairs.h"
#include "util/xmalloc.h"

#define JSON_FLUSH_MS		200
#define JSON_EARLY_FLUSH	((size_t)4 << 20)

struct json {
	char			*path;
	char			*desc;
	struct event_base	*base;
	struct event		*timer;
	struct outfile		*f;
	struct buf		 buf;
	uint64_t		 nbuf;		/* samples in buf */
	unsigned char		*seen;		/* by metric id */
	size_t			 nseen;
	char			*error;		/* first write error */
	uint64_t		 lost;
};

static void *
json_create(const char *arg, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	struct json	*j = xcalloc(1, sizeof *j);

	j->path = xstrdup(arg);
	j->base = base;
	if (outfile_is_stdout(arg))
		j->desc = xstrdup("json(stdout)");	/* sic, as k6 */
	else
		j->desc = xasprintf("json (%s)", arg);
	buf_init(&j->buf, 0);
	return j;
}

static void
json_flush(struct json *j)
{
	char	*cause = NULL;

	if (j->buf.len == 0)
		return;
	if (j->error == NULL &&
	    (outfile_write(j->f, j->buf.data, j->buf.len, &cause) == -1 ||
	    outfile_flush(j->f, &cause) == -1))
		j->error = cause;
	if (j->error != NULL)
		j->lost += j->nbuf;
	buf_reset(&j->buf);
	j->nbuf = 0;
}

static void
json_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	json_flush(arg);
}

static int
json_start(void *arg, char **cause)
{
	struct json	*j = arg;
	char		*why = NULL;

	j->f = outfile_open(j->path, &why);
	if (j->f == NULL) {
		*cause = xasprintf("json: %s", why);
		free(why);
		return -1;
	}
	j->timer = backend_every(j->base, JSON_FLUSH_MS, json_timer_cb, j);
	return 0;
}

/* One threshold as k6's thresholdConfig marshals it: the bare source, or
 * an object when abortOnFail is set. */
static void
json_threshold(struct buf *b, const struct threshold *t)
{
	char	 d[64];

	if (!t->abort_on_fail) {
		format_json_cstring(b, t->source, 0);
		return;
	}
	buf_puts(b, "{\"threshold\":");
	format_json_cstring(b, t->source, 0);
	buf_puts(b, ",\"abortOnFail\":true,\"delayAbortEval\":");
	if (t->delay_abort_eval_ms < 0)
		buf_puts(b, "null");
	else {
		duration_format(t->delay_abort_eval_ms, d, sizeof d);
		format_json_cstring(b, d, 0);
	}
	buf_putc(b, '}');
}

static void
json_metric(struct buf *b, const struct metric *m)
{
	const struct metric_sub	*sm;
	size_t			 i, k;

	buf_puts(b, "{\"type\":\"Metric\",\"data\":{\"name\":");
	format_json_cstring(b, m->name, FORMAT_JSON_HTML);
	buf_printf(b, ",\"type\":\"%s\",\"contains\":\"%s\",\"thresholds\":[",
	    sink_type_name(m->type), metric_contains_name(m->contains));
	for (i = 0; i < m->nthresholds; i++) {
		if (i > 0)
			buf_putc(b, ',');
		json_threshold(b, m->thresholds[i]);
	}
	buf_puts(b, "],\"submetrics\":");
	if (m->nsubs == 0)
		buf_puts(b, "null");
	else {
		buf_putc(b, '[');
		for (i = 0; i < m->nsubs; i++) {
			sm = m->subs[i];
			if (i > 0)
				buf_putc(b, ',');
			buf_puts(b, "{\"name\":");
			format_json_cstring(b, sm->name, FORMAT_JSON_HTML);
			buf_puts(b, ",\"suffix\":");
			format_json_cstring(b, sm->sel.suffix != NULL ?
			    sm->sel.suffix : "", FORMAT_JSON_HTML);
			buf_puts(b, ",\"tags\":{");
			for (k = 0; k < sm->sel.ntags; k++) {
				if (k > 0)
					buf_putc(b, ',');
				format_json_cstring(b, sm->sel.tags[k].key,
				    FORMAT_JSON_HTML);
				buf_putc(b, ':');
				format_json_cstring(b, sm->sel.tags[k].value,
				    FORMAT_JSON_HTML);
			}
			buf_puts(b, "}}");
		}
		buf_putc(b, ']');
	}
	buf_puts(b, "},\"metric\":");
	format_json_cstring(b, m->name, FORMAT_JSON_HTML);
	buf_puts(b, "}\n");
}

static void
json_add(void *arg, const struct output_sample *s)
{
	struct json		*j = arg;
	const struct metric	*m = s->metric;
	struct buf		*b = &j->buf;
	size_t			 i, n;

	if (j->error != NULL) {
		j->lost++;
		return;
	}
	if (m->id >= j->nseen) {
		n = m->id + 64;
		j->seen = xrealloc(j->seen, n);
		memset(j->seen + j->nseen, 0, n - j->nseen);
		j->nseen = n;
	}
	if (!j->seen[m->id]) {
		j->seen[m->id] = 1;
		json_metric(b, m);
	}
	buf_puts(b, "{\"metric\":");
	format_json_cstring(b, m->name, FORMAT_JSON_HTML);
	buf_puts(b, ",\"type\":\"Point\",\"data\":{\"time\":\"");
	format_time_rfc3339(b, s->time, 1);
	buf_puts(b, "\",\"value\":");
	format_float_g(b, s->value);
	buf_puts(b, ",\"tags\":{");
	for (i = 0; i < s->ntags; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, s->tags[i].key, FORMAT_JSON_HTML);
		buf_putc(b, ':');
		format_json_cstring(b, s->tags[i].value, FORMAT_JSON_HTML);
	}
	buf_putc(b, '}');
	if (s->has_meta || s->meta_len > 0) {
		const char *k, *v;
		size_t at = 0;
		int first = 1;

		/* Go's map order is random; sorted keys are as good. */
		buf_puts(b, ",\"metadata\":{");
		if (s->has_meta) {
			buf_puts(b, "\"iter\":\"");
			format_u64(b, s->iter);
			buf_puts(b, "\",\"vu\":\"");
			format_u64(b, s->vu);
			buf_putc(b, '"');
			first = 0;
		}
		while (pairs_next(s->meta, s->meta_len, &at, &k, &v)) {
			if (!first)
				buf_putc(b, ',');
			first = 0;
			format_json_cstring(b, k, FORMAT_JSON_HTML);
			buf_putc(b, ':');
			format_json_cstring(b, v, FORMAT_JSON_HTML);
		}
		buf_putc(b, '}');
	}
	buf_puts(b, "}}\n");
	j->nbuf++;
	if (b->len >= JSON_EARLY_FLUSH)
		json_flush(j);
}

static int
json_stop(void *arg, int timeout_ms, char **cause)
{
	struct json	*j = arg;
	char		*why = NULL;

	if (j->timer != NULL) {
		event_free(j->timer);
		j->timer = NULL;
	}
	json_flush(j);
	if (outfile_close(j->f, &why) == -1 && j->error == NULL)
		j->error = why;
	else
		free(why);
	j->f = NULL;
	if (j->error == NULL)
		return 0;
	if (j->lost > 0)
		*cause = xasprintf("json: %s; %llu samples were not written",
		    j->error, (unsigned long long)j->lost);
	else
		*cause = xasprintf("json: %s", j->error);
	return -1;
}

static void
json_free(void *arg)
{
	struct json	*j = arg;
	char		*why = NULL;

	if (j->timer != NULL)
		event_free(j->timer);
	if (j->f != NULL) {
		/* Freed without a stop: still write what we have. */
		json_flush(j);
		outfile_close(j->f, &why);
	}
	free(why);
	buf_free(&j->buf);
	free(j->seen);
	free(j->error);
	free(j->desc);
	free(j->path);
	free(j);
}

static const char *
json_describe(const void *arg)
{
	const struct json	*j = arg;

	return j->desc;
}

const struct output_backend json_backend = {
	"json", json_create, json_start, json_add, json_stop, json_free,
	json_describe
};
