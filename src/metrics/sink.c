/* The four k6 sinks; see sink.h. */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/hist.h"
#include "metrics/sink.h"
#include "metrics/threshold.h"
#include "util/xmalloc.h"

static const char *const sink_counter_stats[] = { "count", "rate", NULL };
static const char *const sink_gauge_stats[] = { "value", "min", "max", NULL };
static const char *const sink_rate_stats[] = { "rate", "passes", "fails", NULL };
static const char *const sink_trend_stats[] = {
	"avg", "min", "med", "max", "p(90)", "p(95)", NULL
};

/*
 * The histogram sees every value; v holds them too while there are at
 * most SINK_TREND_EXACT, and is freed for good when there are more.
 * Reading a percentile sorts v in place, hence a pointer from struct
 * sink: a const sink still sorts.
 */
struct sink_trend {
	struct hist	*hist;
	double		*v;
	size_t		 n;
	size_t		 cap;
	bool		 sorted;
	bool		 overflow;
};

static void
sink_trend_drop(struct sink_trend *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
	t->overflow = true;
}

/* Make room for more values; false once past the budget. */
static bool
sink_trend_room(struct sink_trend *t, size_t more)
{
	size_t	 cap;

	if (t->overflow)
		return false;
	if (more > SINK_TREND_EXACT - t->n) {
		sink_trend_drop(t);
		return false;
	}
	if (t->n + more > t->cap) {
		for (cap = t->cap ? t->cap : 16; cap < t->n + more; cap *= 2)
			;
		if (cap > SINK_TREND_EXACT)
			cap = SINK_TREND_EXACT;
		t->v = xreallocarray(t->v, cap, sizeof *t->v);
		t->cap = cap;
	}
	return true;
}

static void
sink_trend_add(struct sink_trend *t, double v)
{
	if (v != v)		/* NaN: as the histogram, not a value */
		return;
	hist_add(t->hist, v);
	if (sink_trend_room(t, 1)) {
		t->v[t->n++] = v + 0.0;		/* -0 becomes +0 */
		t->sorted = false;
	}
}

static void
sink_trend_merge(struct sink_trend *dst, const struct sink_trend *src)
{
	hist_merge(dst->hist, src->hist);
	if (src->overflow)
		sink_trend_drop(dst);
	else if (src->n > 0 && sink_trend_room(dst, src->n)) {
		memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
		dst->n += src->n;
		dst->sorted = false;
	}
}

static int
sink_double_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
sink_percentile(const struct sink *s, double p)
{
	struct sink_trend	*t = s->u.trend;
	double			 i, j, k;

	if (s->type != SINK_TREND)
		return 0;
	if (t->overflow)
		return hist_percentile(t->hist, p);
	switch (t->n) {
	case 0:
		return 0;
	case 1:
		return t->v[0];
	}
	if (!t->sorted) {
		qsort(t->v, t->n, sizeof *t->v, sink_double_cmp);
		t->sorted = true;
	}
	/* k6's TrendSink.P(pct), with pct = p / 100 rounded as k6 does. */
	i = p / 100 * ((double)t->n - 1.0);
	if (!(i >= 0))
		i = 0;
	if (i > (double)t->n - 1.0)
		i = (double)t->n - 1.0;
	j = t->v[(size_t)floor(i)];
	k = t->v[(size_t)ceil(i)];
	return j + (k - j) * (i - floor(i));
}

struct sink *
sink_new(enum sink_type type)
{
	struct sink	*s;

	s = xcalloc(1, sizeof *s);
	s->type = type;
	if (type == SINK_TREND) {
		s->u.trend = xcalloc(1, sizeof *s->u.trend);
		s->u.trend->hist = hist_new();
	}
	return s;
}

void
sink_free(struct sink *s)
{
	if (s == NULL)
		return;
	if (s->type == SINK_TREND) {
		hist_free(s->u.trend->hist);
		free(s->u.trend->v);
		free(s->u.trend);
	}
	free(s);
}

void
sink_reset(struct sink *s)
{
	struct sink_trend	*t;
	struct hist		*h;

	if (s->type == SINK_TREND) {
		t = s->u.trend;
		h = t->hist;
		hist_reset(h);
		free(t->v);
		memset(t, 0, sizeof *t);
		t->hist = h;
	} else
		memset(&s->u, 0, sizeof s->u);
}

void
sink_add(struct sink *s, double v)
{
	switch (s->type) {
	case SINK_COUNTER:
		s->u.counter.sum += v;
		s->u.counter.n++;
		break;
	case SINK_GAUGE:
		/*
		 * As k6's GaugeSink: max starts at 0, not at the first
		 * value, so a gauge of negative values shows max=0.
		 */
		s->u.gauge.value = v;
		if (v > s->u.gauge.max)
			s->u.gauge.max = v;
		if (v < s->u.gauge.min || s->u.gauge.n == 0)
			s->u.gauge.min = v;
		s->u.gauge.n++;
		break;
	case SINK_RATE:
		s->u.rate.total++;
		if (v != 0)
			s->u.rate.passes++;
		break;
	case SINK_TREND:
		sink_trend_add(s->u.trend, v);
		break;
	}
}

void
sink_add_at(struct sink *s, double v, double t)
{
	sink_add(s, v);
	if (s->type == SINK_GAUGE)
		s->u.gauge.time = t;
}

int
sink_trend_values(const struct sink *s, const double **v, size_t *n)
{
	if (s->type != SINK_TREND || s->u.trend->overflow)
		return -1;
	*v = s->u.trend->v;
	*n = s->u.trend->n;
	return 0;
}

const struct hist *
sink_trend_hist(const struct sink *s)
{
	return s->type == SINK_TREND ? s->u.trend->hist : NULL;
}

void
sink_trend_load(struct sink *s, const struct hist *h)
{
	if (s->type != SINK_TREND)
		return;
	hist_merge(s->u.trend->hist, h);
	sink_trend_drop(s->u.trend);
}

void
sink_merge(struct sink *dst, const struct sink *src)
{
	if (dst->type != src->type)
		return;
	switch (dst->type) {
	case SINK_COUNTER:
		dst->u.counter.sum += src->u.counter.sum;
		dst->u.counter.n += src->u.counter.n;
		break;
	case SINK_GAUGE:
		if (src->u.gauge.n == 0)
			break;
		if (dst->u.gauge.n == 0 || src->u.gauge.time >= dst->u.gauge.time) {
			dst->u.gauge.value = src->u.gauge.value;
			dst->u.gauge.time = src->u.gauge.time;
		}
		if (src->u.gauge.max > dst->u.gauge.max)
			dst->u.gauge.max = src->u.gauge.max;
		if (src->u.gauge.min < dst->u.gauge.min || dst->u.gauge.n == 0)
			dst->u.gauge.min = src->u.gauge.min;
		dst->u.gauge.n += src->u.gauge.n;
		break;
	case SINK_RATE:
		dst->u.rate.passes += src->u.rate.passes;
		dst->u.rate.total += src->u.rate.total;
		break;
	case SINK_TREND:
		sink_trend_merge(dst->u.trend, src->u.trend);
		break;
	}
}

uint64_t
sink_samples(const struct sink *s)
{
	switch (s->type) {
	case SINK_COUNTER:
		return s->u.counter.n;
	case SINK_GAUGE:
		return s->u.gauge.n;
	case SINK_RATE:
		return s->u.rate.total;
	case SINK_TREND:
		return hist_count(s->u.trend->hist);
	}
	return 0;
}

int
sink_empty(const struct sink *s)
{
	return sink_samples(s) == 0;
}

int
sink_percentile_parse(const char *stat, double *pct)
{
	size_t	 len = strlen(stat);
	char	*num;
	double	 p;
	int	 rc;

	if (len < 3 || strncmp(stat, "p(", 2) != 0 || stat[len - 1] != ')')
		return -1;
	num = xstrndup(stat + 2, len - 3);
	rc = threshold_parse_number(num, &p, NULL);
	free(num);
	if (rc != 0 || !(p >= 0 && p <= 100))
		return -1;
	*pct = p;
	return 0;
}

int
sink_value(const struct sink *s, const char *stat, double duration_s,
    double *out)
{
	double	 v, p;

	switch (s->type) {
	case SINK_COUNTER:
		if (strcmp(stat, "count") == 0)
			v = s->u.counter.sum;
		else if (strcmp(stat, "rate") == 0)
			v = duration_s > 0 ? s->u.counter.sum / duration_s : 0;
		else
			return -1;
		break;
	case SINK_GAUGE:
		if (strcmp(stat, "value") == 0)
			v = s->u.gauge.value;
		else if (strcmp(stat, "min") == 0)
			v = s->u.gauge.min;
		else if (strcmp(stat, "max") == 0)
			v = s->u.gauge.max;
		else
			return -1;
		break;
	case SINK_RATE:
		/* "value" is the name --summary-export gives the rate. */
		if (strcmp(stat, "rate") == 0 || strcmp(stat, "value") == 0)
			v = s->u.rate.total == 0 ? 0 :
			    (double)s->u.rate.passes / (double)s->u.rate.total;
		else if (strcmp(stat, "passes") == 0)
			v = (double)s->u.rate.passes;
		else if (strcmp(stat, "fails") == 0)
			v = (double)(s->u.rate.total - s->u.rate.passes);
		else
			return -1;
		break;
	case SINK_TREND:
		if (strcmp(stat, "avg") == 0)
			v = hist_mean(s->u.trend->hist);
		else if (strcmp(stat, "min") == 0)
			v = hist_min(s->u.trend->hist);
		else if (strcmp(stat, "max") == 0)
			v = hist_max(s->u.trend->hist);
		else if (strcmp(stat, "med") == 0)
			v = sink_percentile(s, 50);
		else if (strcmp(stat, "count") == 0)
			v = (double)hist_count(s->u.trend->hist);
		else if (strcmp(stat, "sum") == 0)
			v = hist_sum(s->u.trend->hist);
		else if (sink_percentile_parse(stat, &p) == 0)
			v = sink_percentile(s, p);
		else
			return -1;
		break;
	default:
		return -1;
	}
	*out = v;
	return 0;
}

const char *
sink_type_name(enum sink_type type)
{
	switch (type) {
	case SINK_COUNTER:
		return "counter";
	case SINK_GAUGE:
		return "gauge";
	case SINK_RATE:
		return "rate";
	case SINK_TREND:
		return "trend";
	}
	return "[INVALID]";
}

int
sink_type_parse(const char *s, enum sink_type *type)
{
	if (strcmp(s, "counter") == 0)
		*type = SINK_COUNTER;
	else if (strcmp(s, "gauge") == 0)
		*type = SINK_GAUGE;
	else if (strcmp(s, "rate") == 0)
		*type = SINK_RATE;
	else if (strcmp(s, "trend") == 0)
		*type = SINK_TREND;
	else
		return -1;
	return 0;
}

const char *const *
sink_stats(enum sink_type type, size_t *n)
{
	const char *const	*l;
	size_t			 i;

	switch (type) {
	case SINK_COUNTER:
		l = sink_counter_stats;
		break;
	case SINK_GAUGE:
		l = sink_gauge_stats;
		break;
	case SINK_RATE:
		l = sink_rate_stats;
		break;
	default:
		l = sink_trend_stats;
		break;
	}
	if (n != NULL) {
		for (i = 0; l[i] != NULL; i++)
			;
		*n = i;
	}
	return l;
}

int
sink_trend_stat_check(const char *stat, char **cause)
{
	static const char *const named[] = {
		"avg", "min", "med", "max", "count", NULL
	};
	double	 p;
	size_t	 i;

	if (*stat == '\0') {
		*cause = xstrdup("invalid stat, empty string");
		return -1;
	}
	for (i = 0; named[i] != NULL; i++) {
		if (strcmp(stat, named[i]) == 0)
			return 0;
	}
	if (strncmp(stat, "p(", 2) != 0 || stat[strlen(stat) - 1] != ')') {
		*cause = xasprintf("invalid stat '%s', unknown format", stat);
		return -1;
	}
	if (sink_percentile_parse(stat, &p) != 0) {
		*cause = xasprintf("invalid percentile stat value '%s', "
		    "accepts a number between 0 and 100", stat);
		return -1;
	}
	return 0;
}
