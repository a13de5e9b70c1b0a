/* --out experimental-prometheus-rw: Prometheus remote write 1.0 (k6's
 * output/prometheusrw, the former xk6-output-prometheus-remote).
 *
 * Samples are aggregated per time series (metric and tag set) for the
 * whole test, as k6 does: a Counter is its running total
 * (k6_NAME_total), a Gauge its last value (k6_NAME), a Rate its running
 * ratio (k6_NAME_rate), a Trend either one gauge per trend stat
 * (k6_NAME_p99, k6_NAME_avg ..., time in seconds) or a native histogram
 * (k6_NAME_seconds).  Every push interval, each series that received
 * samples since the last push is written once, at the time of its newest
 * sample in milliseconds, strictly after the previous one (Prometheus
 * refuses a second sample at the same millisecond).  The WriteRequest is
 * protobuf (remote.proto, compiled by protoc-c), compressed with Snappy's
 * block format and POSTed through output/push.h, one request in flight so
 * that samples reach the server in order.  The number of series is
 * capped: samples of series past the cap are counted as lost, with a
 * reason pointing at the tags that explode.  Trend stats come from a
 * struct hist: percentiles within 0.79% of k6's, in constant memory. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <math.h>
#include <snappy-c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "metrics/hist.h"
#include "metrics/sink.h"
#include "metrics/tagset.h"
#include "output/backend.h"
#include "util/format.h"
#include "util/timeunit.h"
#include "output/push.h"
#include "output/remote.pb-c.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/xmalloc.h"

#define PRW_TIMEOUT_MS		5000L		/* k6's defaultTimeout */
#define PRW_SERIES_MAX		100000		/* distinct time series */
#define PRW_BATCH_SERIES	5000		/* time series per request */
#define PRW_SCHEMA		3		/* bucket factor 2^(1/8) < 1.1 */
#define PRW_ZERO_THRESHOLD	2.938735877055719e-39	/* 2^-128 */
/* Prometheus's stale marker: a NaN with this bit pattern. */
#define PRW_STALE_BITS		0x7ff0000000000002ULL

/* One side (positive or negative) of a native histogram: counts of
 * consecutive bucket indexes from `first`. */
struct prw_buckets {
	int32_t		 first;
	uint32_t	 n;
	uint64_t	*count;
};

struct prw_hist {
	uint64_t		 count;
	uint64_t		 zero;
	double			 sum;
	struct prw_buckets	 pos;
	struct prw_buckets	 neg;
};

struct prw_series {
	const struct metric	*metric;
	uint32_t		 tagid;
	struct sink		*sink;		/* counter, gauge, rate */
	struct hist		*trend;		/* trend stats */
	struct prw_hist		*nhist;		/* trend as native histogram */
	int64_t			 latest_ms;	/* newest sample */
	int64_t			 sent_ms;	/* last written; -1: never */
	int			 dirty;		/* samples since the last push */
};

struct prw_stat {
	char	*stat;		/* "p(99)" */
	char	*suffix;	/* "p99" */
};

struct prw {
	/* Settings. */
	char			*url;
	char			*user;
	char			*pass;
	int			 user_set;
	char			*bearer;
	char			*cert;
	char			*key;
	int			 insecure;
	double			 push_ms;
	int			 native;
	int			 stale;
	struct prw_stat		*stats;
	size_t			 nstats;
	struct curl_slist	*headers;	/* the user's */
	struct tag		*labels;	/* K6_PROMETHEUS_RW_LABELS */
	size_t			 nlabels;
	char			*desc;

	struct event_base	*base;
	struct push		*push;
	struct event		*push_timer;

	struct tagset_table	*tags;
	struct prw_series	**slot;		/* open addressing */
	size_t			 nslot;
	struct prw_series	**series;	/* in order of creation */
	size_t			 nseries;
	size_t			 aseries;
	uint64_t		 refused;	/* samples past the cap */
};

static void	prw_free(void *);

/* Settings. */

static void
prw_setstr(char **dst, const char *v)
{
	free(*dst);
	*dst = xstrdup(v);
}

/* "Name: value" for libcurl; a later value of a name replaces it. */
static void
prw_header(struct prw *p, const char *name, size_t nlen, const char *value)
{
	struct curl_slist	*l, *keep = NULL;
	char			*h;

	for (l = p->headers; l != NULL; l = l->next) {
		if (strncasecmp(l->data, name, nlen) == 0 &&
		    l->data[nlen] == ':')
			continue;
		keep = curl_slist_append(keep, l->data);
	}
	curl_slist_free_all(p->headers);
	/* "Name;" is how libcurl sends an empty header. */
	h = *value == '\0' ? xasprintf("%.*s;", (int)nlen, name) :
	    xasprintf("%.*s: %s", (int)nlen, name, value);
	p->headers = curl_slist_append(keep, h);
	free(h);
}

static void
prw_stats_clear(struct prw *p)
{
	size_t	 i;

	for (i = 0; i < p->nstats; i++) {
		free(p->stats[i].stat);
		free(p->stats[i].suffix);
	}
	free(p->stats);
	p->stats = NULL;
	p->nstats = 0;
}

/* K6_PROMETHEUS_RW_TREND_STATS: count, sum, min, max, avg, med, p(x);
 * p(x) becomes the suffix "px" without dots (p(99.9): p999), as k6. */
static int
prw_stats_set(struct prw *p, const char *list, char **cause)
{
	const char	*s, *comma;
	char		*one, *suffix, *d;
	size_t		 len;

	prw_stats_clear(p);
	for (s = list; s != NULL; s = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		one = xstrndup(s, len);
		if (strcmp(one, "sum") != 0 &&
		    sink_trend_stat_check(one, cause) == -1) {
			free(one);
			return -1;
		}
		if (strncmp(one, "p(", 2) == 0) {
			suffix = xasprintf("p%.*s", (int)(strlen(one) - 3),
			    one + 2);
			for (d = suffix; (d = strchr(d, '.')) != NULL; )
				memmove(d, d + 1, strlen(d));
		} else
			suffix = xstrdup(one);
		p->stats = xreallocarray(p->stats, p->nstats + 1,
		    sizeof *p->stats);
		p->stats[p->nstats].stat = one;
		p->stats[p->nstats++].suffix = suffix;
	}
	if (p->nstats == 0) {
		*cause = xstrdup("no trend stats");
		return -1;
	}
	return 0;
}

/* K6_PROMETHEUS_RW_LABELS: "k=v,k=v". */
static int
prw_labels_set(struct prw *p, const char *list, char **cause)
{
	const char	*s, *comma, *eq;
	size_t		 len, i;

	for (s = list; s != NULL && *s != '\0';
	    s = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		eq = memchr(s, '=', len);
		if (eq == NULL || eq == s) {
			*cause = xasprintf("the label (%.*s) does not respect "
			    "the expected format <key>=<value>", (int)len, s);
			return -1;
		}
		for (i = 0; i < p->nlabels; i++) {
			if (strlen(p->labels[i].key) == (size_t)(eq - s) &&
			    strncmp(p->labels[i].key, s, eq - s) == 0)
				break;
		}
		if (i == p->nlabels) {
			p->labels = xreallocarray(p->labels, p->nlabels + 1,
			    sizeof *p->labels);
			p->labels[p->nlabels].key = xstrndup(s, eq - s);
			p->nlabels++;
		} else
			free((char *)p->labels[i].value);
		p->labels[i].value = xstrndup(eq + 1, len - (eq + 1 - s));
	}
	return 0;
}

static int
prw_bool(const char *name, const char *v, int *out, char **cause)
{
	if (format_parse_bool(v, out) == 0)
		return 0;
	*cause = xasprintf("%s: strconv.ParseBool: parsing \"%s\": invalid "
	    "syntax", name, v);
	return -1;
}

extern char	**environ;

static int
prw_env(struct prw *p, char **cause)
{
	const char	*v, *s, *comma, *colon;
	char		**e, *why = NULL;
	size_t		 len;

	if ((v = getenv("K6_PROMETHEUS_RW_SERVER_URL")) != NULL)
		prw_setstr(&p->url, v);
	if ((v = getenv("K6_PROMETHEUS_RW_USERNAME")) != NULL) {
		prw_setstr(&p->user, v);
		p->user_set = 1;
	}
	if ((v = getenv("K6_PROMETHEUS_RW_PASSWORD")) != NULL)
		prw_setstr(&p->pass, v);
	if ((v = getenv("K6_PROMETHEUS_RW_BEARER_TOKEN")) != NULL)
		prw_setstr(&p->bearer, v);
	if ((v = getenv("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE")) != NULL)
		prw_setstr(&p->cert, v);
	if ((v = getenv("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY")) != NULL)
		prw_setstr(&p->key, v);
	if ((v = getenv("K6_PROMETHEUS_RW_PUSH_INTERVAL")) != NULL &&
	    duration_parse(v, &p->push_ms) == -1) {
		*cause = xasprintf("K6_PROMETHEUS_RW_PUSH_INTERVAL: invalid "
		    "duration \"%s\"", v);
		return -1;
	}
	if ((v = getenv("K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY")) != NULL &&
	    prw_bool("K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", v,
	    &p->insecure, cause) == -1)
		return -1;
	if ((v = getenv("K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM")) != NULL &&
	    prw_bool("K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM", v,
	    &p->native, cause) == -1)
		return -1;
	if ((v = getenv("K6_PROMETHEUS_RW_STALE_MARKERS")) != NULL &&
	    prw_bool("K6_PROMETHEUS_RW_STALE_MARKERS", v, &p->stale,
	    cause) == -1)
		return -1;
	if ((v = getenv("K6_PROMETHEUS_RW_TREND_STATS")) != NULL &&
	    prw_stats_set(p, v, &why) == -1)
		goto bad;
	if ((v = getenv("K6_PROMETHEUS_RW_LABELS")) != NULL &&
	    prw_labels_set(p, v, &why) == -1) {
		*cause = xasprintf("K6_PROMETHEUS_RW_LABELS: %s", why);
		free(why);
		return -1;
	}
	if (getenv("K6_PROMETHEUS_RW_SIGV4_REGION") != NULL ||
	    getenv("K6_PROMETHEUS_RW_SIGV4_ACCESS_KEY") != NULL ||
	    getenv("K6_PROMETHEUS_RW_SIGV4_SECRET_KEY") != NULL) {
		*cause = xstrdup("K6_PROMETHEUS_RW_SIGV4_*: not supported yet: "
		    "AWS SigV4 request signing");
		return -1;
	}
	/* K6_PROMETHEUS_RW_HEADERS_<name>, then K6_PROMETHEUS_RW_HTTP_HEADERS,
	 * which wins. */
	for (e = environ; *e != NULL; e++) {
		static const char pre[] = "K6_PROMETHEUS_RW_HEADERS_";
		const char *eq;

		if (strncmp(*e, pre, sizeof pre - 1) != 0)
			continue;
		s = *e + sizeof pre - 1;
		eq = strchr(s, '=');
		if (eq == NULL || eq == s)
			continue;
		prw_header(p, s, eq - s, eq + 1);
	}
	if ((v = getenv("K6_PROMETHEUS_RW_HTTP_HEADERS")) != NULL) {
		for (s = v; s != NULL; s = comma != NULL ? comma + 1 : NULL) {
			comma = strchr(s, ',');
			len = comma != NULL ? (size_t)(comma - s) : strlen(s);
			colon = memchr(s, ':', len);
			if (colon == NULL || colon == s ||
			    memchr(colon + 1, ':', len - (colon + 1 - s)) != NULL) {
				*cause = xasprintf("K6_PROMETHEUS_RW_HTTP_HEADERS: "
				    "the provided header (%.*s) does not respect "
				    "the expected format <header key>:<value>",
				    (int)len, s);
				return -1;
			}
			{
				char *val = xstrndup(colon + 1,
				    len - (colon + 1 - s));

				prw_header(p, s, colon - s, val);
				free(val);
			}
		}
	}
	return 0;

bad:
	*cause = xasprintf("K6_PROMETHEUS_RW_TREND_STATS: %s", why);
	free(why);
	return -1;
}

/* The --out argument, as k6's parseArg reads it: "url=U,pushInterval=D,
 * insecureSkipTLSVerify=B,username=U,password=P,trendAsNativeHistogram=B,
 * headers.NAME=V"; it overrides the environment. */
static int
prw_arg(struct prw *p, const char *arg, char **cause)
{
	const char	*s, *comma, *eq;
	char		*key, *v;
	size_t		 len;
	int		 rc = 0;

	for (s = arg; s != NULL && *s != '\0' && rc == 0;
	    s = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		eq = memchr(s, '=', len);
		if (eq == NULL) {
			*cause = xasprintf("couldn't parse argument \"%.*s\" as "
			    "option", (int)len, s);
			return -1;
		}
		key = xstrndup(s, eq - s);
		v = xstrndup(eq + 1, len - (eq + 1 - s));
		if (strcmp(key, "url") == 0)
			prw_setstr(&p->url, v);
		else if (strcmp(key, "username") == 0) {
			prw_setstr(&p->user, v);
			p->user_set = 1;
		} else if (strcmp(key, "password") == 0)
			prw_setstr(&p->pass, v);
		else if (strcmp(key, "pushInterval") == 0) {
			if (duration_parse(v, &p->push_ms) == -1) {
				*cause = xasprintf("invalid pushInterval \"%s\"",
				    v);
				rc = -1;
			}
		} else if (strcmp(key, "insecureSkipTLSVerify") == 0)
			rc = prw_bool(key, v, &p->insecure, cause);
		else if (strcmp(key, "trendAsNativeHistogram") == 0)
			rc = prw_bool(key, v, &p->native, cause);
		else if (strcmp(key, "staleMarkers") == 0)
			rc = prw_bool(key, v, &p->stale, cause);
		else if (strncmp(key, "headers.", 8) == 0 && key[8] != '\0')
			prw_header(p, key + 8, strlen(key + 8), v);
		else {
			*cause = xasprintf("\"%s\" is an unknown option's key",
			    key);
			rc = -1;
		}
		free(key);
		free(v);
	}
	return rc;
}

static void *
prw_create(const char *arg, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	struct prw	*p = xcalloc(1, sizeof *p);
	char		*why = NULL;

	p->base = base;
	p->url = xstrdup("http://localhost:9090/api/v1/write");
	p->push_ms = 5000;
	prw_stats_set(p, "p(99)", &why);
	if (prw_env(p, &why) == -1 || prw_arg(p, arg, &why) == -1)
		goto fail;
	if (p->push_ms <= 0) {
		why = xstrdup("the push interval must be positive");
		goto fail;
	}
	if (strncasecmp(p->url, "http://", 7) != 0 &&
	    strncasecmp(p->url, "https://", 8) != 0) {
		why = xasprintf("unsupported server URL %s (only http:// and "
		    "https://)", p->url);
		goto fail;
	}
	if ((p->cert == NULL) != (p->key == NULL)) {
		why = xstrdup("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE and "
		    "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY go together");
		goto fail;
	}
	p->desc = xasprintf("Prometheus remote write (%s)", p->url);
	p->tags = tagset_table_new(PRW_SERIES_MAX);
	p->nslot = 1024;
	p->slot = xcalloc(p->nslot, sizeof *p->slot);
	return p;

fail:
	*cause = xasprintf("experimental-prometheus-rw: %s", why);
	free(why);
	prw_free(p);
	return NULL;
}

/* Native histograms. */

/* The bucket of v > 0 at PRW_SCHEMA: bucket i holds (2^((i-1)/8),
 * 2^(i/8)]; frexp keeps powers of two exact. */
static int32_t
prw_bucket(double v)
{
	static double	 bounds[1 << PRW_SCHEMA];
	int		 e, i;
	double		 frac;

	if (bounds[0] == 0) {
		for (i = 0; i < (1 << PRW_SCHEMA); i++)
			bounds[i] = exp2((double)i / (1 << PRW_SCHEMA)) / 2;
	}
	frac = frexp(v, &e);
	for (i = 0; i < (1 << PRW_SCHEMA) - 1 && bounds[i] < frac; i++)
		;
	if (bounds[i] < frac) {		/* past the last bound */
		i = 0;
		e++;
	}
	return (int32_t)i + (int32_t)(e - 1) * (1 << PRW_SCHEMA);
}

static void
prw_buckets_add(struct prw_buckets *b, int32_t idx)
{
	uint32_t	 grow, n;

	if (b->n == 0) {
		b->first = idx;
		b->n = 1;
		b->count = xcalloc(1, sizeof *b->count);
	} else if (idx < b->first) {
		grow = (uint32_t)(b->first - idx);
		n = b->n + grow;
		b->count = xreallocarray(b->count, n, sizeof *b->count);
		memmove(b->count + grow, b->count, b->n * sizeof *b->count);
		memset(b->count, 0, grow * sizeof *b->count);
		b->first = idx;
		b->n = n;
	} else if ((uint32_t)(idx - b->first) >= b->n) {
		n = (uint32_t)(idx - b->first) + 1;
		b->count = xreallocarray(b->count, n, sizeof *b->count);
		memset(b->count + b->n, 0, (n - b->n) * sizeof *b->count);
		b->n = n;
	}
	b->count[idx - b->first]++;
}

static void
prw_hist_add(struct prw_hist *h, double v)
{
	if (isnan(v))
		return;
	h->count++;
	h->sum += v;
	if (fabs(v) <= PRW_ZERO_THRESHOLD)
		h->zero++;
	else if (v > 0)
		prw_buckets_add(&h->pos, prw_bucket(v));
	else
		prw_buckets_add(&h->neg, prw_bucket(-v));
}

static void
prw_hist_free(struct prw_hist *h)
{
	if (h == NULL)
		return;
	free(h->pos.count);
	free(h->neg.count);
	free(h);
}

/* Spans of non-empty buckets and the deltas between their counts. */
static void
prw_spans(const struct prw_buckets *b, size_t *nspans,
    Prometheus__BucketSpan ***spans, size_t *ndeltas, int64_t **deltas)
{
	Prometheus__BucketSpan	*sp = NULL;
	uint32_t		 i;
	int32_t			 next = 0;	/* index after the last span */
	int64_t			 prev = 0;

	*nspans = *ndeltas = 0;
	*spans = NULL;
	*deltas = NULL;
	if (b->n == 0)
		return;
	*spans = xcalloc(b->n, sizeof **spans);
	*deltas = xcalloc(b->n, sizeof **deltas);
	for (i = 0; i < b->n; i++) {
		if (b->count[i] == 0) {
			sp = NULL;
			continue;
		}
		if (sp == NULL) {
			sp = xmalloc(sizeof *sp);
			prometheus__bucket_span__init(sp);
			sp->offset = *nspans == 0 ? b->first + (int32_t)i :
			    b->first + (int32_t)i - next;
			(*spans)[(*nspans)++] = sp;
		}
		sp->length++;
		next = b->first + (int32_t)i + 1;
		(*deltas)[(*ndeltas)++] = (int64_t)b->count[i] - prev;
		prev = (int64_t)b->count[i];
	}
}

/* Series. */

static void
prw_series_free(struct prw_series *s)
{
	sink_free(s->sink);
	hist_free(s->trend);
	prw_hist_free(s->nhist);
	free(s);
}

static size_t
prw_hash(uint32_t metric, uint32_t tagid)
{
	uint64_t h = ((uint64_t)metric << 32 | tagid) * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 17);
}

static void
prw_grow(struct prw *p)
{
	struct prw_series	**old = p->slot;
	size_t			 n = p->nslot, i, j;

	p->nslot *= 2;
	p->slot = xcalloc(p->nslot, sizeof *p->slot);
	for (i = 0; i < n; i++) {
		if (old[i] == NULL)
			continue;
		j = prw_hash(old[i]->metric->id, old[i]->tagid) & (p->nslot - 1);
		while (p->slot[j] != NULL)
			j = (j + 1) & (p->nslot - 1);
		p->slot[j] = old[i];
	}
	free(old);
}

static struct prw_series *
prw_series_get(struct prw *p, const struct output_sample *smp)
{
	struct prw_series	*s;
	uint32_t		 tagid;
	size_t			 j;
	char			*why = NULL;

	if (tagset_intern(p->tags, smp->tags, smp->ntags, &tagid, &why) == -1) {
		free(why);
		return NULL;
	}
	j = prw_hash(smp->metric->id, tagid) & (p->nslot - 1);
	for (; (s = p->slot[j]) != NULL; j = (j + 1) & (p->nslot - 1)) {
		if (s->metric == smp->metric && s->tagid == tagid)
			return s;
	}
	if (p->nseries >= PRW_SERIES_MAX)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->metric = smp->metric;
	s->tagid = tagid;
	s->sent_ms = -1;
	if (smp->metric->type != SINK_TREND)
		s->sink = sink_new(smp->metric->type);
	else if (p->native)
		s->nhist = xcalloc(1, sizeof *s->nhist);
	else
		s->trend = hist_new();
	p->slot[j] = s;
	if (p->nseries == p->aseries) {
		p->aseries = p->aseries == 0 ? 64 : p->aseries * 2;
		p->series = xreallocarray(p->series, p->aseries,
		    sizeof *p->series);
	}
	p->series[p->nseries++] = s;
	if (p->nseries * 2 > p->nslot)
		prw_grow(p);
	return s;
}

static double
prw_unit(const struct metric *m, double v)
{
	return m->contains == METRIC_TIME ? v / 1000 : v;
}

static void
prw_add(void *arg, const struct output_sample *smp)
{
	struct prw		*p = arg;
	struct prw_series	*s;
	int64_t			 ms;

	s = prw_series_get(p, smp);
	if (s == NULL) {
		push_lose(p->push, 1, "more than %d time series: leave "
		    "unbounded values out of tags (--system-tags, a name tag "
		    "for URLs with ids, K6_PROMETHEUS_RW_LABELS for what is "
		    "fixed)", PRW_SERIES_MAX);
		return;
	}
	if (s->sink != NULL)
		sink_add(s->sink, smp->value);
	else if (s->trend != NULL) {
		if (!isnan(smp->value))
			hist_add(s->trend, prw_unit(s->metric, smp->value));
	} else
		prw_hist_add(s->nhist, prw_unit(s->metric, smp->value));
	ms = smp->time / NS_PER_MS;
	if (ms > s->latest_ms)
		s->latest_ms = ms;
	s->dirty = 1;
}

/* Writing. */

/* The labels and samples of one request, freed after packing. */
struct prw_req {
	Prometheus__WriteRequest	  wr;
	Prometheus__TimeSeries		**ts;
	size_t				  nts;
	size_t				  ats;
	uint64_t			  nsamples;
};

static void
prw_label_add(Prometheus__TimeSeries *ts, const char *name,
    const char *value)
{
	Prometheus__Label	*l = xmalloc(sizeof *l);

	prometheus__label__init(l);
	l->name = (char *)name;
	l->value = (char *)value;
	ts->labels[ts->n_labels++] = l;
}

static int
prw_label_cmp(const void *a, const void *b)
{
	const Prometheus__Label *const *la = a, *const *lb = b;

	return strcmp((*la)->name, (*lb)->name);
}

/* A time series of s named k6_NAME[_suffix], its labels sorted; the name
 * is owned by the series' __name__ label. */
static Prometheus__TimeSeries *
prw_ts_new(struct prw *p, struct prw_req *r, const struct prw_series *s,
    const char *suffix)
{
	Prometheus__TimeSeries	*ts = xmalloc(sizeof *ts);
	const struct tag	*tags;
	size_t			 ntags = 0, i, j;

	prometheus__time_series__init(ts);
	tags = tagset_get(p->tags, s->tagid, &ntags);
	ts->labels = xcalloc(ntags + p->nlabels + 1, sizeof *ts->labels);
	prw_label_add(ts, "__name__", *suffix != '\0' ?
	    xasprintf("k6_%s_%s", s->metric->name, suffix) :
	    xasprintf("k6_%s", s->metric->name));
	/* Static labels give way to the sample's tags of the same name. */
	for (i = 0; i < p->nlabels; i++) {
		for (j = 0; j < ntags; j++) {
			if (strcmp(tags[j].key, p->labels[i].key) == 0 &&
			    *tags[j].value != '\0')
				break;
		}
		if (j == ntags)
			prw_label_add(ts, p->labels[i].key, p->labels[i].value);
	}
	/* Empty values are no labels in Prometheus (group ""). */
	for (j = 0; j < ntags; j++) {
		if (*tags[j].key != '\0' && *tags[j].value != '\0' &&
		    strcmp(tags[j].key, "__name__") != 0)
			prw_label_add(ts, tags[j].key, tags[j].value);
	}
	qsort(ts->labels, ts->n_labels, sizeof *ts->labels, prw_label_cmp);
	if (r->nts == r->ats) {
		r->ats = r->ats == 0 ? 64 : r->ats * 2;
		r->ts = xreallocarray(r->ts, r->ats, sizeof *r->ts);
	}
	r->ts[r->nts++] = ts;
	return ts;
}

static void
prw_sample_add(struct prw_req *r, Prometheus__TimeSeries *ts, double v,
    int64_t ms)
{
	Prometheus__Sample	*smp = xmalloc(sizeof *smp);

	prometheus__sample__init(smp);
	smp->value = v;
	smp->timestamp = ms;
	ts->samples = xcalloc(1, sizeof *ts->samples);
	ts->samples[0] = smp;
	ts->n_samples = 1;
	r->nsamples++;
}

static void
prw_histogram_add(struct prw_req *r, Prometheus__TimeSeries *ts,
    const struct prw_hist *h, int64_t ms)
{
	Prometheus__Histogram	*ph = xmalloc(sizeof *ph);

	prometheus__histogram__init(ph);
	ph->count_case = PROMETHEUS__HISTOGRAM__COUNT_COUNT_INT;
	ph->count_int = h->count;
	ph->sum = h->sum;
	ph->schema = PRW_SCHEMA;
	ph->zero_threshold = PRW_ZERO_THRESHOLD;
	ph->zero_count_case = PROMETHEUS__HISTOGRAM__ZERO_COUNT_ZERO_COUNT_INT;
	ph->zero_count_int = h->zero;
	prw_spans(&h->pos, &ph->n_positive_spans, &ph->positive_spans,
	    &ph->n_positive_deltas, &ph->positive_deltas);
	prw_spans(&h->neg, &ph->n_negative_spans, &ph->negative_spans,
	    &ph->n_negative_deltas, &ph->negative_deltas);
	ph->timestamp = ms;
	ts->histograms = xcalloc(1, sizeof *ts->histograms);
	ts->histograms[0] = ph;
	ts->n_histograms = 1;
	r->nsamples++;
}

static void
prw_ts_free(Prometheus__TimeSeries *ts)
{
	Prometheus__Histogram	*h;
	size_t			 i;

	free(ts->labels[0]->value);	/* __name__ sorts first */
	for (i = 0; i < ts->n_labels; i++)
		free(ts->labels[i]);
	free(ts->labels);
	for (i = 0; i < ts->n_samples; i++)
		free(ts->samples[i]);
	free(ts->samples);
	for (i = 0; i < ts->n_histograms; i++) {
		h = ts->histograms[i];
		while (h->n_positive_spans > 0)
			free(h->positive_spans[--h->n_positive_spans]);
		while (h->n_negative_spans > 0)
			free(h->negative_spans[--h->n_negative_spans]);
		free(h->positive_spans);
		free(h->negative_spans);
		free(h->positive_deltas);
		free(h->negative_deltas);
		free(h);
	}
	free(ts->histograms);
	free(ts);
}

/* Pack, compress and send what r holds; r is emptied. */
static void
prw_req_send(struct prw *p, struct prw_req *r)
{
	struct buf	 body = BUF_INIT;
	uint8_t		*pb;
	size_t		 len, zlen, i;

	if (r->nts == 0)
		return;
	prometheus__write_request__init(&r->wr);
	r->wr.n_timeseries = r->nts;
	r->wr.timeseries = r->ts;
	len = prometheus__write_request__get_packed_size(&r->wr);
	pb = xmalloc(len + 1);
	prometheus__write_request__pack(&r->wr, pb);
	zlen = snappy_max_compressed_length(len);
	if (buf_reserve(&body, zlen + 1) == -1 ||
	    snappy_compress((const char *)pb, len, body.data, &zlen) !=
	    SNAPPY_OK) {
		push_lose(p->push, r->nsamples, "cannot compress a request of "
		    "%zu bytes", len);
		buf_free(&body);
	} else {
		body.len = zlen;
		push_send(p->push, &body, r->nsamples);
	}
	free(pb);
	for (i = 0; i < r->nts; i++)
		prw_ts_free(r->ts[i]);
	r->nts = 0;
	r->nsamples = 0;
}

/* The series of s at time ms: its value, or its stale marker. */
static void
prw_series_write(struct prw *p, struct prw_req *r, struct prw_series *s,
    int64_t ms, int stale)
{
	static const char	*suffix[] = { "total", "", "rate", "" };
	Prometheus__TimeSeries	*ts;
	const struct hist	*h = s->trend;
	union { uint64_t u; double d; } nan_stale = { PRW_STALE_BITS };
	double			 v = 0, pct;
	size_t			 i;

	if (s->sink != NULL) {
		ts = prw_ts_new(p, r, s, suffix[s->metric->type]);
		sink_value(s->sink, s->metric->type == SINK_COUNTER ? "count" :
		    s->metric->type == SINK_RATE ? "rate" : "value", 0, &v);
		prw_sample_add(r, ts, stale ? nan_stale.d : v, ms);
	} else if (s->nhist != NULL) {
		ts = prw_ts_new(p, r, s, s->metric->contains == METRIC_TIME ?
		    "seconds" : s->metric->contains == METRIC_DATA ? "bytes" :
		    "");
		if (stale)
			prw_sample_add(r, ts, nan_stale.d, ms);
		else
			prw_histogram_add(r, ts, s->nhist, ms);
	} else {
		for (i = 0; i < p->nstats; i++) {
			const char *st = p->stats[i].stat;

			ts = prw_ts_new(p, r, s, p->stats[i].suffix);
			if (strcmp(st, "avg") == 0)
				v = hist_mean(h);
			else if (strcmp(st, "min") == 0)
				v = hist_min(h);
			else if (strcmp(st, "max") == 0)
				v = hist_max(h);
			else if (strcmp(st, "med") == 0)
				v = hist_percentile(h, 50);
			else if (strcmp(st, "count") == 0)
				v = (double)hist_count(h);
			else if (strcmp(st, "sum") == 0)
				v = hist_sum(h);
			else if (sink_percentile_parse(st, &pct) == 0)
				v = hist_percentile(h, pct);
			prw_sample_add(r, ts, stale ? nan_stale.d : v, ms);
		}
	}
	if (r->nts >= PRW_BATCH_SERIES)
		prw_req_send(p, r);
}

static int64_t
prw_now_ms(void)
{
	struct timespec	 now;

	clock_gettime(CLOCK_REALTIME, &now);
	return timespec_ns(&now) / NS_PER_MS;
}

/* Write every series that has new samples, strictly after what it last
 * sent; with stale, every series ever written gets its stale marker. */
static void
prw_flush(struct prw *p, int stale)
{
	struct prw_req		 r;
	struct prw_series	*s;
	int64_t			 ms, now = stale ? prw_now_ms() + 1 : 0;
	size_t			 i;

	memset(&r, 0, sizeof r);
	for (i = 0; i < p->nseries; i++) {
		s = p->series[i];
		if (stale) {
			if (s->sent_ms < 0)
				continue;
			ms = now > s->sent_ms ? now : s->sent_ms + 1;
		} else {
			if (!s->dirty)
				continue;
			ms = s->latest_ms > s->sent_ms ? s->latest_ms :
			    s->sent_ms + 1;
		}
		prw_series_write(p, &r, s, ms, stale);
		s->sent_ms = ms;
		s->dirty = 0;
	}
	prw_req_send(p, &r);
	free(r.ts);
}

static void
prw_push_cb(evutil_socket_t fd, short what, void *arg)
{
	prw_flush(arg, 0);
}

static int
prw_start(void *arg, char **cause)
{
	struct prw		*p = arg;
	struct push_config	 cfg;
	struct curl_slist	*h, *l;
	char			*bearer;

	memset(&cfg, 0, sizeof cfg);
	cfg.name = "experimental-prometheus-rw";
	cfg.addr = p->url;
	cfg.url = p->url;
	if (p->user_set) {
		cfg.user = p->user;
		cfg.pass = p->pass != NULL ? p->pass : "";
	}
	cfg.agent = "k6-prometheus-rw-output";
	cfg.insecure = p->insecure;
	cfg.cert = p->cert;
	cfg.key = p->key;
	/* One request at a time: a series' samples must arrive in order. */
	cfg.concurrent = 1;
	cfg.timeout_ms = PRW_TIMEOUT_MS;
	h = NULL;
	for (l = p->headers; l != NULL; l = l->next)
		h = curl_slist_append(h, l->data);
	if (p->bearer != NULL) {
		bearer = xasprintf("Authorization: Bearer %s", p->bearer);
		h = curl_slist_append(h, bearer);
		free(bearer);
	}
	h = curl_slist_append(h, "Content-Encoding: snappy");
	h = curl_slist_append(h, "Content-Type: application/x-protobuf");
	h = curl_slist_append(h, "X-Prometheus-Remote-Write-Version: 0.1.0");
	h = curl_slist_append(h, "Expect:");
	cfg.headers = h;
	p->push = push_new(p->base, &cfg, cause);
	if (p->push == NULL)
		return -1;
	p->push_timer = backend_every(p->base, p->push_ms, prw_push_cb, p);
	return 0;
}

static int
prw_stop(void *arg, int timeout_ms, char **cause)
{
	struct prw	*p = arg;

	if (p->push_timer != NULL) {
		event_free(p->push_timer);
		p->push_timer = NULL;
	}
	prw_flush(p, 0);
	if (p->stale)
		prw_flush(p, 1);
	return push_stop(p->push, timeout_ms, cause);
}

static void
prw_free(void *arg)
{
	struct prw	*p = arg;
	size_t		 i;

	if (p == NULL)
		return;
	push_free(p->push);
	if (p->push_timer != NULL)
		event_free(p->push_timer);
	for (i = 0; i < p->nseries; i++)
		prw_series_free(p->series[i]);
	free(p->series);
	free(p->slot);
	tagset_table_free(p->tags);
	prw_stats_clear(p);
	for (i = 0; i < p->nlabels; i++) {
		free((char *)p->labels[i].key);
		free((char *)p->labels[i].value);
	}
	free(p->labels);
	curl_slist_free_all(p->headers);
	free(p->url);
	free(p->user);
	free(p->pass);
	free(p->bearer);
	free(p->cert);
	free(p->key);
	free(p->desc);
	free(p);
}

static const char *
prw_describe(const void *arg)
{
	const struct prw	*p = arg;

	return p->desc;
}

const struct output_backend promrw_backend = {
	"experimental-prometheus-rw", prw_create, prw_start, prw_add,
	prw_stop, prw_free, prw_describe
};
