/* --out web-dashboard (and K6_WEB_DASHBOARD=true): k6's web dashboard.
 *
 * A page served on the coordinator's event loop (evhttp) that follows the
 * test through server-sent events, as k6's dashboard does (config, param,
 * start, metric, snapshot, cumulative, stop; plus "series", the whole
 * chart model), and at the end, with export=FILE, the same page as one
 * self-contained HTML report.
 *
 * Memory does not grow with the test's length: every period closes into
 * one point of a fixed number of points per series; when they are all
 * used, neighbours are merged pairwise and the rest of the test goes on
 * at twice the granularity of the oldest points.  Scopes (scenarios,
 * groups) are capped; a slow browser is skipped, never waited for. */
#include "config.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#include "metrics/hist.h"
#include "output/backend.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/format.h"
#include "util/xmalloc.h"

extern const char dashboard_html[];	/* dashboard.html, built in */
extern char **environ;

#define DASH_POINTS	240		/* per series, merged pairwise when full */
#define DASH_SCOPES	33		/* the whole test + 32 scenarios or groups */
#define DASH_CLIENT_CAP	(4u << 20)	/* bytes a browser may have unread */
#define DASH_MARKER	"/*LYOCELL-DATA*/null"

/* What each scope charts, and how two points of it merge. */
enum how { SUM, MEAN, MAX, LAST };
enum { S_VUS, S_VUS_MAX, S_REQS, S_FAILED, S_DUR_AVG, S_DUR_P90, S_DUR_P95,
	S_DUR_P99, S_DUR_MAX, S_ITERS, S_ITER_P95, S_RECV, S_SENT, S_CHECKS, S_N };
static const struct {
	const char	*name;
	enum how	 how;
} series_def[S_N] = {
	{ "vus", MAX }, { "vus_max", MAX }, { "http_reqs", SUM },
	{ "http_req_failed", MEAN }, { "http_req_duration.avg", MEAN },
	{ "http_req_duration.p90", MEAN }, { "http_req_duration.p95", MEAN },
	{ "http_req_duration.p99", MEAN }, { "http_req_duration.max", MAX },
	{ "iterations", SUM }, { "iteration_duration.p95", MEAN },
	{ "data_received", SUM }, { "data_sent", SUM }, { "checks", MEAN },
};

/* A value and its weight per point: a sum's weight is unused, a mean's
 * is how many values it stands for. */
struct series {
	double		 v[DASH_POINTS + 1];	/* + 1: the period being closed */
	double		 w[DASH_POINTS + 1];
};

struct scope {
	char		*kind;		/* "test", "scenario", "group" */
	char		*name;
	uint32_t	 hash;		/* of kind and name, to find it fast */
	/* The open period. */
	double		 reqs, failed, failed_n, iters, recv, sent, checks, checks_n;
	struct hist	*dur, *iter_dur;
	struct series	 s[S_N];
};

/* One threshold's state over time: what it observed, whether it failed. */
struct thr {
	const struct threshold *t;
	char		*metric;
	struct series	 s;
};

/* Per metric, for k6's snapshot and cumulative events. */
struct macc {
	double		 count, sum, min, max, last, nonzero;
	struct hist	*h;
};

struct client {
	struct evhttp_request	*req;
	struct dash		*d;
	struct client		*next;
};

struct dash {
	struct event_base	*base;
	struct metric_registry	*reg;
	char			*host, *exp, *desc;
	int			 port, open;
	double			 period;	/* ms */
	struct evhttp		*http;
	struct event		*timer;
	struct client		*clients;
	int64_t			 start, end;	/* ms since the epoch */
	int			 stopped;

	uint32_t		 id_vus, id_vus_max, id_reqs, id_failed, id_dur,
				 id_iters, id_iter_dur, id_recv, id_sent, id_checks;
	struct scope		 scopes[DASH_SCOPES];
	size_t			 nscopes;
	uint64_t		 scopes_dropped;
	struct scope		*last_scn, *last_grp;
	struct thr		*thrs;
	size_t			 nthrs;
	double			 vus, vus_max;

	/* The time axis, shared by every series. */
	double			 t[DASH_POINTS + 1];	/* ms since the epoch */
	double			 span[DASH_POINTS + 1];	/* ms */
	size_t			 n;
	unsigned		 stride;	/* periods a point stands for */
	unsigned		 fill;		/* periods in the last point */
	int64_t			 period_start;

	struct macc		*snap, *cum;
	size_t			 nm;
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- options ---- */

static int
dash_bool(const char *v)
{
	return v != NULL && (*v == '\0' || strcmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0);
}

static int
dash_set(struct dash *d, const char *key, const char *val, char **cause)
{
	char *end;
	long l;

	if (strcmp(key, "host") == 0) {
		free(d->host);
		d->host = xstrdup(val);
	} else if (strcmp(key, "port") == 0) {
		errno = 0;
		l = strtol(val, &end, 10);
		if (*val == '\0' || *end != '\0' || errno || l < -1 || l > 65535) {
			*cause = xasprintf("invalid port '%s': a number from -1 "
			    "(no server) to 65535 (0: any free port)", val);
			return -1;
		}
		d->port = (int)l;
	} else if (strcmp(key, "period") == 0) {
		if (duration_parse(val, &d->period) == -1 || d->period < 100) {
			*cause = xasprintf("invalid period '%s': a duration of "
			    "100ms at least", val);
			return -1;
		}
	} else if (strcmp(key, "open") == 0) {
		d->open = dash_bool(val);
	} else if (strcmp(key, "export") == 0 || strcmp(key, "report") == 0) {
		free(d->exp);
		d->exp = *val ? xstrdup(val) : NULL;
	} else {
		*cause = xasprintf("unknown option '%s' (host, port, period, "
		    "open, export)", key);
		return -1;
	}
	return 0;
}

/* K6_WEB_DASHBOARD_* first, then "key=value&key=value" after
 * web-dashboard=, as k6 reads them. */
static int
dash_options(struct dash *d, const char *arg, char **cause)
{
	static const char *env[][2] = {
		{ "K6_WEB_DASHBOARD_HOST", "host" },
		{ "K6_WEB_DASHBOARD_PORT", "port" },
		{ "K6_WEB_DASHBOARD_PERIOD", "period" },
		{ "K6_WEB_DASHBOARD_OPEN", "open" },
		{ "K6_WEB_DASHBOARD_EXPORT", "export" },
	};
	char *copy, *p, *item, *eq, *why = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof env / sizeof env[0]; i++) {
		const char *v = getenv(env[i][0]);

		if (v != NULL && dash_set(d, env[i][1], v, &why) == -1) {
			*cause = xasprintf("%s: %s", env[i][0], why);
			free(why);
			return -1;
		}
	}
	copy = p = xstrdup(arg);
	while (rc == 0 && (item = strsep(&p, "&,")) != NULL) {
		if (*item == '\0')
			continue;
		eq = strchr(item, '=');
		if (eq != NULL)
			*eq++ = '\0';
		rc = dash_set(d, item, eq != NULL ? eq : "", cause);
	}
	free(copy);
	return rc;
}

/* ---- the series ---- */

/* Points a and a + 1 of a series become point dst. */
static void
series_pair(struct series *s, enum how how, size_t a, size_t dst)
{
	double v1 = s->v[a], v2 = s->v[a + 1], w1 = s->w[a], w2 = s->w[a + 1];

	if (how == SUM)
		s->v[dst] = v1 + v2;
	else if (how == MAX)
		s->v[dst] = v1 > v2 ? v1 : v2;
	else if (how == MEAN)
		s->v[dst] = w1 + w2 > 0 ? (v1 * w1 + v2 * w2) / (w1 + w2) : 0;
	else	/* LAST: what a threshold observed last */
		s->v[dst] = isnan(v2) ? v1 : v2;
	s->w[dst] = how == MEAN || how == SUM ? w1 + w2 : (w1 > w2 ? w1 : w2);
}

/* Points a and a + 1 of every series and of the time axis become point
 * dst. */
static void
dash_pair(struct dash *d, size_t a, size_t dst)
{
	size_t i, k;

	for (i = 0; i < d->nscopes; i++)
		for (k = 0; k < S_N; k++)
			series_pair(&d->scopes[i].s[k], series_def[k].how, a, dst);
	/* A threshold failed in a point if it failed in either half. */
	for (i = 0; i < d->nthrs; i++)
		series_pair(&d->thrs[i].s, LAST, a, dst);
	d->t[dst] = d->t[a];
	d->span[dst] = d->span[a] + d->span[a + 1];
}

/* Halve the resolution when every point is used: neighbours merge, and
 * from then on each point stands for twice as many periods, so that all
 * points keep the same span. */
static void
dash_compact(struct dash *d)
{
	size_t k;

	if (d->n < DASH_POINTS || d->fill < d->stride)
		return;
	for (k = 0; k + 1 < d->n; k += 2)
		dash_pair(d, k, k / 2);
	d->n /= 2;
	d->stride *= 2;
	d->fill = d->stride;
}

static uint32_t
scope_hash(const char *kind, const char *name)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *kind; kind++)
		h = (h ^ (unsigned char)*kind) * 16777619u;
	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

static struct scope *
dash_scope(struct dash *d, const char *kind, const char *name)
{
	uint32_t h = scope_hash(kind, name);
	struct scope *sc;
	size_t i;

	for (i = 0; i < d->nscopes; i++) {
		sc = &d->scopes[i];
		if (sc->hash == h && strcmp(sc->name, name) == 0 &&
		    strcmp(sc->kind, kind) == 0)
			return sc;
	}
	if (d->nscopes == DASH_SCOPES) {
		d->scopes_dropped++;
		return NULL;
	}
	sc = &d->scopes[d->nscopes++];
	memset(sc, 0, sizeof *sc);
	sc->kind = xstrdup(kind);
	sc->name = xstrdup(name);
	sc->hash = h;
	sc->dur = hist_new();
	sc->iter_dur = hist_new();
	return sc;
}

static void
scope_add(struct dash *d, struct scope *sc, uint32_t id, double v)
{
	if (id == d->id_reqs)
		sc->reqs += v;
	else if (id == d->id_failed) {
		sc->failed += v != 0;
		sc->failed_n++;
	} else if (id == d->id_dur)
		hist_add(sc->dur, v);
	else if (id == d->id_iters)
		sc->iters += v;
	else if (id == d->id_iter_dur)
		hist_add(sc->iter_dur, v);
	else if (id == d->id_recv)
		sc->recv += v;
	else if (id == d->id_sent)
		sc->sent += v;
	else if (id == d->id_checks) {
		sc->checks += v != 0;
		sc->checks_n++;
	}
}

/* Close the open period of a scope into point n. */
static void
scope_close(struct dash *d, struct scope *sc, int whole, size_t n)
{
	double c = (double)hist_count(sc->dur);
	double vals[S_N][2] = {
		{ whole ? d->vus : 0, 1 }, { whole ? d->vus_max : 0, 1 },
		{ sc->reqs, 0 },
		{ sc->failed_n > 0 ? sc->failed / sc->failed_n : 0, sc->failed_n },
		{ hist_mean(sc->dur), c }, { hist_percentile(sc->dur, 90), c },
		{ hist_percentile(sc->dur, 95), c }, { hist_percentile(sc->dur, 99), c },
		{ hist_max(sc->dur), c },
		{ sc->iters, 0 },
		{ hist_percentile(sc->iter_dur, 95), (double)hist_count(sc->iter_dur) },
		{ sc->recv, 0 }, { sc->sent, 0 },
		{ sc->checks_n > 0 ? sc->checks / sc->checks_n : 0, sc->checks_n },
	};
	size_t k;

	for (k = 0; k < S_N; k++) {
		sc->s[k].v[n] = vals[k][0];
		sc->s[k].w[n] = vals[k][1];
	}
	sc->reqs = sc->failed = sc->failed_n = sc->iters = sc->recv = sc->sent = 0;
	sc->checks = sc->checks_n = 0;
	hist_reset(sc->dur);
	hist_reset(sc->iter_dur);
}

/* The thresholds as the coordinator last evaluated them (every 2 s). */
static void
dash_thresholds(struct dash *d, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < metric_registry_count(d->reg); i++) {
		const struct metric *m = metric_registry_at(d->reg, i);
		size_t nt = m->nthresholds, js;

		for (js = 0; js <= m->nsubs; js++) {
			const char *name = js == 0 ? m->name : m->subs[js - 1]->name;
			struct threshold **ts = js == 0 ? m->thresholds :
			    m->subs[js - 1]->thresholds;

			nt = js == 0 ? m->nthresholds : m->subs[js - 1]->nthresholds;
			for (j = 0; j < nt; j++) {
				struct thr *th = NULL;

				for (k = 0; k < d->nthrs; k++)
					if (d->thrs[k].t == ts[j])
						th = &d->thrs[k];
				if (th == NULL) {
					d->thrs = xreallocarray(d->thrs, d->nthrs + 1,
					    sizeof *d->thrs);
					th = &d->thrs[d->nthrs++];
					memset(th, 0, sizeof *th);
					th->t = ts[j];
					th->metric = xstrdup(name);
				}
				th->s.v[n] = ts[j]->evaluated && ts[j]->has_value ?
				    ts[j]->observed : NAN;
				th->s.w[n] = ts[j]->evaluated && ts[j]->failed;
			}
		}
	}
}

static struct macc *
macc_grow(struct macc *a, size_t from, size_t to)
{
	a = xreallocarray(a, to, sizeof *a);
	memset(a + from, 0, (to - from) * sizeof *a);
	return a;
}

static void
macc_add(struct macc *a, const struct metric *m, double v)
{
	if (a->count == 0 || v < a->min)
		a->min = v;
	if (a->count == 0 || v > a->max)
		a->max = v;
	a->count++;
	a->sum += v;
	a->last = v;
	a->nonzero += v != 0;
	if (m->type == SINK_TREND) {
		if (a->h == NULL)
			a->h = hist_new();
		hist_add(a->h, v);
	}
}

/* ---- JSON ---- */

static void
json_num(struct buf *b, double v)
{
	if (!isfinite(v))
		buf_puts(b, "null");
	else
		format_float_g(b, v);
}

static void
json_str(struct buf *b, const char *s)
{
	/* HTML-safe: the report carries it inside a <script>. */
	format_json_cstring(b, s, FORMAT_JSON_HTML);
}

/* {"metric":{"stat":value,...},...}: k6's REST API shape of what a
 * period (snap) or the whole test (cum) measured; dur in seconds. */
static void
json_metrics(struct dash *d, struct buf *b, struct macc *acc, double dur)
{
	size_t i;
	int first = 1;

	buf_putc(b, '{');
	for (i = 0; i < d->nm && i < metric_registry_count(d->reg); i++) {
		const struct metric *m = metric_registry_at(d->reg, i);
		struct macc *a = &acc[m->id < d->nm ? m->id : 0];

		if (m->id >= d->nm || a->count == 0)
			continue;
		if (!first)
			buf_putc(b, ',');
		first = 0;
		json_str(b, m->name);
		buf_putc(b, ':');
		switch (m->type) {
		case SINK_COUNTER:
			buf_puts(b, "{\"count\":");
			json_num(b, a->sum);
			buf_puts(b, ",\"rate\":");
			json_num(b, dur > 0 ? a->sum / dur : 0);
			break;
		case SINK_GAUGE:
			buf_puts(b, "{\"value\":");
			json_num(b, a->last);
			buf_puts(b, ",\"min\":");
			json_num(b, a->min);
			buf_puts(b, ",\"max\":");
			json_num(b, a->max);
			break;
		case SINK_RATE:
			buf_puts(b, "{\"rate\":");
			json_num(b, a->nonzero / a->count);
			buf_puts(b, ",\"passes\":");
			json_num(b, a->nonzero);
			buf_puts(b, ",\"fails\":");
			json_num(b, a->count - a->nonzero);
			break;
		default:
			buf_puts(b, "{\"avg\":");
			json_num(b, hist_mean(a->h));
			buf_puts(b, ",\"min\":");
			json_num(b, hist_min(a->h));
			buf_puts(b, ",\"med\":");
			json_num(b, hist_percentile(a->h, 50));
			buf_puts(b, ",\"max\":");
			json_num(b, hist_max(a->h));
			buf_puts(b, ",\"p(90)\":");
			json_num(b, hist_percentile(a->h, 90));
			buf_puts(b, ",\"p(95)\":");
			json_num(b, hist_percentile(a->h, 95));
			buf_puts(b, ",\"p(99)\":");
			json_num(b, hist_percentile(a->h, 99));
			break;
		}
		buf_putc(b, '}');
	}
	buf_putc(b, '}');
}

/* v as JSON; with chart set, to six significant digits, more than any
 * chart shows: a merged mean has seventeen, and the series event a
 * browser gets every period is then half as long. */
static void
json_array(struct buf *b, const double *v, size_t n, int chart, const double *per)
{
	size_t i;
	double x;

	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		/* A sum becomes a rate per second of its point's span. */
		x = per != NULL ? (per[i] > 0 ? v[i] * 1000 / per[i] : 0) : v[i];
		if (chart && isfinite(x))
			buf_printf(b, "%.6g", x);
		else
			json_num(b, x);
	}
	buf_putc(b, ']');
}

/* The chart model: the time axis, each scope's series, the thresholds. */
static void
json_model(struct dash *d, struct buf *b)
{
	size_t i, k;

	buf_printf(b, "{\"version\":\"%s\",\"period\":", PACKAGE_VERSION);
	json_num(b, d->period);
	buf_puts(b, ",\"start\":");
	json_num(b, (double)d->start);
	buf_puts(b, ",\"end\":");
	if (d->stopped)
		json_num(b, (double)d->end);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"now\":");
	json_num(b, (double)now_ms());
	buf_puts(b, ",\"t\":");
	json_array(b, d->t, d->n, 0, NULL);
	buf_puts(b, ",\"span\":");
	json_array(b, d->span, d->n, 0, NULL);
	buf_printf(b, ",\"scopesDropped\":%llu,\"scopes\":[",
	    (unsigned long long)d->scopes_dropped);
	for (i = 0; i < d->nscopes; i++) {
		struct scope *sc = &d->scopes[i];

		buf_puts(b, i ? ",{\"kind\":" : "{\"kind\":");
		json_str(b, sc->kind);
		buf_puts(b, ",\"name\":");
		json_str(b, sc->name);
		buf_puts(b, ",\"series\":{");
		for (k = 0; k < S_N; k++) {
			buf_puts(b, k ? "," : "");
			json_str(b, series_def[k].name);
			buf_putc(b, ':');
			json_array(b, sc->s[k].v, d->n, 1,
			    series_def[k].how == SUM ? d->span : NULL);
		}
		buf_puts(b, "}}");
	}
	buf_puts(b, "],\"thresholds\":[");
	for (i = 0; i < d->nthrs; i++) {
		struct thr *th = &d->thrs[i];

		buf_puts(b, i ? ",{\"metric\":" : "{\"metric\":");
		json_str(b, th->metric);
		buf_puts(b, ",\"source\":");
		json_str(b, th->t->source);
		buf_printf(b, ",\"failed\":%s,\"observed\":",
		    th->t->evaluated && th->t->failed ? "true" : "false");
		json_array(b, th->s.v, d->n, 1, NULL);
		buf_puts(b, ",\"failing\":");
		json_array(b, th->s.w, d->n, 0, NULL);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\"cumulative\":");
	json_metrics(d, b, d->cum, (double)(now_ms() - d->start) / 1000);
	buf_putc(b, '}');
}

/* The report: the page with the model in place of its marker. */
static void
dash_report(struct dash *d, struct buf *b)
{
	const char *mark = strstr(dashboard_html, DASH_MARKER);

	buf_add(b, dashboard_html, (size_t)(mark - dashboard_html));
	json_model(d, b);
	buf_puts(b, mark + strlen(DASH_MARKER));
}

/* ---- the server ---- */

static void
client_drop(struct dash *d, struct client *cl)
{
	struct client **pp;

	for (pp = &d->clients; *pp != NULL; pp = &(*pp)->next)
		if (*pp == cl) {
			*pp = cl->next;
			break;
		}
	free(cl);
}

static void
client_closed(struct evhttp_connection *conn, void *arg)
{
	struct client *cl = arg;

	client_drop(cl->d, cl);
}

static void
client_send(struct client *cl, const char *event, const struct buf *data)
{
	struct evhttp_connection *conn = evhttp_request_get_connection(cl->req);
	struct bufferevent *bev = conn ? evhttp_connection_get_bufferevent(conn) : NULL;
	struct evbuffer *out;

	/* A browser that does not read does not make us wait or grow. */
	if (bev != NULL && evbuffer_get_length(bufferevent_get_output(bev)) >
	    DASH_CLIENT_CAP)
		return;
	out = evbuffer_new();
	if (out == NULL)
		return;
	evbuffer_add_printf(out, "event: %s\ndata: ", event);
	evbuffer_add(out, data->data, data->len);
	evbuffer_add(out, "\n\n", 2);
	evhttp_send_reply_chunk(cl->req, out);
	evbuffer_free(out);
}

static void
dash_broadcast(struct dash *d, const char *event, const struct buf *data)
{
	struct client *cl;

	for (cl = d->clients; cl != NULL; cl = cl->next)
		client_send(cl, event, data);
}

static void
json_param(struct dash *d, struct buf *b)
{
	size_t i;

	buf_puts(b, "{\"period\":");
	json_num(b, d->period);
	buf_puts(b, ",\"endOffset\":");
	json_num(b, 0);
	buf_puts(b, ",\"thresholds\":[");
	for (i = 0; i < d->nthrs; i++) {
		buf_puts(b, i ? ",[" : "[");
		json_str(b, d->thrs[i].metric);
		buf_putc(b, ',');
		json_str(b, d->thrs[i].t->source);
		buf_putc(b, ']');
	}
	buf_puts(b, "]}");
}

static void
json_metric_defs(struct dash *d, struct buf *b)
{
	size_t i;

	buf_putc(b, '{');
	for (i = 0; i < metric_registry_count(d->reg); i++) {
		const struct metric *m = metric_registry_at(d->reg, i);

		buf_puts(b, i ? "," : "");
		json_str(b, m->name);
		buf_printf(b, ":{\"type\":\"%s\",\"contains\":\"%s\"}",
		    sink_type_name(m->type),
		    metric_contains_name(m->contains));
	}
	buf_putc(b, '}');
}

/* What a browser gets when it connects, so a late one sees it all. */
static void
client_hello(struct dash *d, struct client *cl)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "{\"version\":\"" PACKAGE_VERSION "\"}");
	client_send(cl, "config", &b);
	buf_reset(&b);
	json_param(d, &b);
	client_send(cl, "param", &b);
	buf_reset(&b);
	buf_puts(&b, "[[");
	json_num(&b, (double)d->start);
	buf_puts(&b, "]]");
	client_send(cl, "start", &b);
	buf_reset(&b);
	json_metric_defs(d, &b);
	client_send(cl, "metric", &b);
	buf_reset(&b);
	json_model(d, &b);
	client_send(cl, "series", &b);
	buf_free(&b);
}

static void
page_cb(struct evhttp_request *req, void *arg)
{
	struct dash *d = arg;
	const char *path = evhttp_uri_get_path(evhttp_request_get_evhttp_uri(req));
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);
	struct evbuffer *out;
	struct client *cl;
	struct buf b = BUF_INIT;

	if (path == NULL)
		path = "/";
	if (evhttp_request_get_command(req) != EVHTTP_REQ_GET &&
	    evhttp_request_get_command(req) != EVHTTP_REQ_HEAD) {
		evhttp_send_error(req, 405, "Method Not Allowed");
		return;
	}
	if (strcmp(path, "/events") == 0) {
		evhttp_add_header(h, "Content-Type", "text/event-stream");
		evhttp_add_header(h, "Cache-Control", "no-cache");
		evhttp_add_header(h, "Access-Control-Allow-Origin", "*");
		evhttp_send_reply_start(req, 200, "OK");
		cl = xcalloc(1, sizeof *cl);
		cl->req = req;
		cl->d = d;
		cl->next = d->clients;
		d->clients = cl;
		evhttp_connection_set_closecb(evhttp_request_get_connection(req),
		    client_closed, cl);
		client_hello(d, cl);
		return;
	}
	if (strcmp(path, "/") == 0 || strcmp(path, "/ui/") == 0) {
		evhttp_add_header(h, "Content-Type", "text/html; charset=utf-8");
		out = evbuffer_new();
		evbuffer_add(out, dashboard_html, strlen(dashboard_html));
		evhttp_send_reply(req, 200, "OK", out);
		evbuffer_free(out);
		return;
	}
	if (strcmp(path, "/report") == 0 || strcmp(path, "/report.html") == 0) {
		dash_report(d, &b);
		evhttp_add_header(h, "Content-Type", "text/html; charset=utf-8");
		out = evbuffer_new();
		evbuffer_add(out, b.data, b.len);
		evhttp_send_reply(req, 200, "OK", out);
		evbuffer_free(out);
		buf_free(&b);
		return;
	}
	evhttp_send_error(req, 404, "Not Found");
}

/* ---- the period ---- */

static void
dash_close_period(struct dash *d)
{
	int64_t now = now_ms();
	struct buf b = BUF_INIT;
	size_t i;

	dash_compact(d);
	d->t[d->n] = (double)d->period_start;
	d->span[d->n] = (double)(now - d->period_start);
	for (i = 0; i < d->nscopes; i++)
		scope_close(d, &d->scopes[i], i == 0, d->n);
	dash_thresholds(d, d->n);
	if (d->n > 0 && d->fill < d->stride) {
		dash_pair(d, d->n - 1, d->n - 1);
		d->fill++;
	} else {
		d->n++;
		d->fill = 1;
	}
	if (d->clients != NULL) {
		json_metrics(d, &b, d->snap, (double)(now - d->period_start) / 1000);
		dash_broadcast(d, "snapshot", &b);
		buf_reset(&b);
		json_metrics(d, &b, d->cum, (double)(now - d->start) / 1000);
		dash_broadcast(d, "cumulative", &b);
		buf_reset(&b);
		json_model(d, &b);
		dash_broadcast(d, "series", &b);
	}
	buf_free(&b);
	for (i = 0; i < d->nm; i++) {
		struct hist *h = d->snap[i].h;

		memset(&d->snap[i], 0, sizeof d->snap[i]);
		if ((d->snap[i].h = h) != NULL)
			hist_reset(h);
	}
	d->period_start = now;
}

static void
dash_tick(evutil_socket_t fd, short what, void *arg)
{
	dash_close_period(arg);
}

void
dashboard_tick(void *impl)
{
	dash_close_period(impl);
}

/* ---- the backend ---- */

static void *
dash_create(const char *arg, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	struct dash *d = xcalloc(1, sizeof *d);
	const struct metric *m;

	d->base = base;
	d->reg = reg;
	d->host = xstrdup("");
	d->port = 5665;
	d->period = 10000;
	d->stride = 1;
	if (dash_options(d, arg, cause) == -1) {
		free(d->host);
		free(d->exp);
		free(d);
		return NULL;
	}
#define ID(field, name) \
	d->field = (m = metric_registry_get(reg, name)) ? m->id : UINT32_MAX
	ID(id_vus, "vus");
	ID(id_vus_max, "vus_max");
	ID(id_reqs, "http_reqs");
	ID(id_failed, "http_req_failed");
	ID(id_dur, "http_req_duration");
	ID(id_iters, "iterations");
	ID(id_iter_dur, "iteration_duration");
	ID(id_recv, "data_received");
	ID(id_sent, "data_sent");
	ID(id_checks, "checks");
#undef ID
	dash_scope(d, "test", "");
	return d;
}

static void
dash_open_browser(const char *url)
{
	posix_spawn_file_actions_t fa;
	char *argv[] = { (char *)"xdg-open", (char *)url, NULL };
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	/* Not waited for: it outlives us or the coordinator reaps it. */
	(void)posix_spawnp(&pid, "xdg-open", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
}

static int
dash_start(void *arg, char **cause)
{
	struct dash *d = arg;
	struct evhttp_bound_socket *bs;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	const char *host = *d->host ? d->host : "0.0.0.0";
	int port = d->port;

	d->start = d->period_start = now_ms();
	memset(&ss, 0, sizeof ss);
	if (d->port >= 0) {
		d->http = evhttp_new(d->base);
		if (d->http == NULL) {
			*cause = xstrdup("cannot create the HTTP server");
			return -1;
		}
		bs = evhttp_bind_socket_with_handle(d->http, host, (ev_uint16_t)d->port);
		if (bs == NULL) {
			*cause = xasprintf("cannot listen on %s:%d: %s", host, d->port,
			    strerror(errno));
			return -1;
		}
		evutil_make_socket_closeonexec(evhttp_bound_socket_get_fd(bs));
		if (getsockname(evhttp_bound_socket_get_fd(bs), (struct sockaddr *)&ss,
		    &sl) == 0 && ss.ss_family == AF_INET)
			port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
		else if (ss.ss_family == AF_INET6)
			port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
		evhttp_set_gencb(d->http, page_cb, d);
		/* "web-dashboard URL", as k6's: the banner shows the URL. */
		d->desc = xasprintf("web-dashboard http://%s:%d",
		    *d->host ? d->host : "127.0.0.1", port);
		if (d->open) {
			char *url = xasprintf("http://%s:%d", *d->host ? d->host :
			    "127.0.0.1", port);

			dash_open_browser(url);
			free(url);
		}
	} else
		d->desc = xstrdup("web-dashboard");
	d->timer = backend_every(d->base, d->period, dash_tick, d);
	return 0;
}

static void
dash_add(void *arg, const struct output_sample *s)
{
	struct dash *d = arg;
	uint32_t id = s->metric->id;
	size_t i, n = metric_registry_count(d->reg);
	const char *scn = NULL, *grp = NULL;
	struct scope *sc;

	if (id >= d->nm) {
		size_t to = n > id ? n : id + 1;

		d->snap = macc_grow(d->snap, d->nm, to);
		d->cum = macc_grow(d->cum, d->nm, to);
		d->nm = to;
	}
	macc_add(&d->snap[id], s->metric, s->value);
	macc_add(&d->cum[id], s->metric, s->value);
	if (id == d->id_vus) {
		d->vus = s->value;
		return;
	}
	if (id == d->id_vus_max) {
		d->vus_max = s->value;
		return;
	}
	/* Only the charted metrics are looked at per scope. */
	if (id != d->id_reqs && id != d->id_failed && id != d->id_dur &&
	    id != d->id_iters && id != d->id_iter_dur && id != d->id_recv &&
	    id != d->id_sent && id != d->id_checks)
		return;
	scope_add(d, &d->scopes[0], id, s->value);
	/* Tags come sorted by key: "group" < "scenario". */
	for (i = 0; i < s->ntags; i++) {
		int cmp = strcmp(s->tags[i].key, "scenario");

		if (cmp > 0)
			break;
		if (cmp == 0)
			scn = s->tags[i].value;
		else if (s->tags[i].key[0] == 'g' && strcmp(s->tags[i].key, "group") == 0)
			grp = s->tags[i].value;
	}
	/* Most samples come from the scope of the one before. */
	if (scn != NULL && *scn) {
		if (d->last_scn == NULL || strcmp(d->last_scn->name, scn) != 0)
			d->last_scn = dash_scope(d, "scenario", scn);
		if ((sc = d->last_scn) != NULL)
			scope_add(d, sc, id, s->value);
	}
	if (grp != NULL && *grp) {
		if (d->last_grp == NULL || strcmp(d->last_grp->name, grp) != 0)
			d->last_grp = dash_scope(d, "group", grp);
		if ((sc = d->last_grp) != NULL)
			scope_add(d, sc, id, s->value);
	}
}

static int
dash_export(struct dash *d, char **cause)
{
	struct buf b = BUF_INIT;
	FILE *f;
	int rc = -1;

	dash_report(d, &b);
	if ((f = fopen(d->exp, "w")) == NULL) {
		*cause = xasprintf("cannot write the report %s: %s", d->exp,
		    strerror(errno));
		goto out;
	}
	if (fwrite(b.data, 1, b.len, f) != b.len) {
		*cause = xasprintf("cannot write the report %s: %s", d->exp,
		    strerror(errno));
		fclose(f);
		goto out;
	}
	if (fclose(f) != 0) {
		*cause = xasprintf("cannot write the report %s: %s", d->exp,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

static int
dash_stop(void *arg, int timeout_ms, char **cause)
{
	struct dash *d = arg;
	struct buf b = BUF_INIT;
	struct client *cl, *next;
	int i, flush = d->clients != NULL;

	if (d->timer != NULL) {
		event_free(d->timer);
		d->timer = NULL;
	}
	/* The report shows the thresholds as the test ends, not as the
	 * last evaluation during the run left them. */
	{
		char *breached = NULL;

		metric_registry_eval(d->reg, (double)(now_ms() - d->start) / 1000,
		    true, &breached, NULL);
		free(breached);
	}
	/* The last, partial period is a point too; a short one joins the
	 * point before it rather than make a spike of a rate. */
	dash_close_period(d);
	if (d->n >= 2 && d->span[d->n - 1] < d->period * d->stride / 2) {
		dash_pair(d, d->n - 2, d->n - 2);
		d->n--;
	}
	d->end = now_ms();
	d->stopped = 1;
	json_model(d, &b);
	dash_broadcast(d, "series", &b);
	buf_reset(&b);
	buf_puts(&b, "[[");
	json_num(&b, (double)d->end);
	buf_puts(&b, "]]");
	dash_broadcast(d, "stop", &b);
	buf_free(&b);
	for (cl = d->clients; cl != NULL; cl = next) {
		next = cl->next;
		evhttp_connection_set_closecb(evhttp_request_get_connection(cl->req),
		    NULL, NULL);
		evhttp_send_reply_end(cl->req);
		free(cl);
	}
	d->clients = NULL;
	/* Let the last events leave. */
	for (i = 0; flush && i < 20 && i * 10 < timeout_ms; i++) {
		struct timeval tv = { 0, 10000 };

		event_base_loopexit(d->base, &tv);
		event_base_loop(d->base, 0);
	}
	return d->exp != NULL ? dash_export(d, cause) : 0;
}

static void
dash_free(void *arg)
{
	struct dash *d = arg;
	struct client *cl, *next;
	size_t i;

	if (d == NULL)
		return;
	if (d->timer != NULL)
		event_free(d->timer);
	for (cl = d->clients; cl != NULL; cl = next) {
		next = cl->next;
		free(cl);
	}
	if (d->http != NULL)
		evhttp_free(d->http);
	for (i = 0; i < d->nscopes; i++) {
		free(d->scopes[i].kind);
		free(d->scopes[i].name);
		hist_free(d->scopes[i].dur);
		hist_free(d->scopes[i].iter_dur);
	}
	for (i = 0; i < d->nthrs; i++)
		free(d->thrs[i].metric);
	free(d->thrs);
	for (i = 0; i < d->nm; i++) {
		hist_free(d->snap[i].h);
		hist_free(d->cum[i].h);
	}
	free(d->snap);
	free(d->cum);
	free(d->host);
	free(d->exp);
	free(d->desc);
	free(d);
}

static const char *
dash_describe(const void *arg)
{
	const struct dash *d = arg;

	return d->desc != NULL ? d->desc : "web-dashboard";
}

const struct output_backend dashboard_backend = {
	"web-dashboard",
	dash_create,
	dash_start,
	dash_add,
	dash_stop,
	dash_free,
	dash_describe,
};
