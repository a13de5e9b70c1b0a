/* The execution plan read from the consolidated options; see plan.h. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "defaults.h"
#include "engine/plan.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/xmalloc.h"

static const struct {
	const char	*name;
	enum executor	 executor;
} executors[] = {
	{ "shared-iterations", EXEC_SHARED_ITERATIONS },
	{ "per-vu-iterations", EXEC_PER_VU_ITERATIONS },
	{ "constant-vus", EXEC_CONSTANT_VUS },
	{ "ramping-vus", EXEC_RAMPING_VUS },
	{ "constant-arrival-rate", EXEC_CONSTANT_ARRIVAL_RATE },
	{ "ramping-arrival-rate", EXEC_RAMPING_ARRIVAL_RATE },
};

static double
num(js_State *J, int idx, const char *key, double def)
{
	double v = def;

	js_getproperty(J, idx, key);
	if (js_isnumber(J, -1))
		v = js_tonumber(J, -1);
	js_pop(J, 1);
	return v;
}

static char *
str(js_State *J, int idx, const char *key)
{
	char *v;

	js_getproperty(J, idx, key);
	v = xstrdup(js_isdefined(J, -1) ? js_tostring(J, -1) : "");
	js_pop(J, 1);
	return v;
}

/* An object of strings into an array of key/value pairs. */
static struct kv *
pairs(js_State *J, int idx, const char *key, size_t *n)
{
	struct kv *kv = NULL;
	const char *k;

	*n = 0;
	js_getproperty(J, idx, key);
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			kv = xreallocarray(kv, *n + 1, sizeof *kv);
			kv[*n].key = xstrdup(k);
			js_getproperty(J, -2, k);
			kv[*n].value = xstrdup(js_tostring(J, -1));
			js_pop(J, 1);
			(*n)++;
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return kv;
}

static void
read_scenario(js_State *J, int idx, struct scenario *sc)
{
	char *ex = str(J, idx, "executor");
	size_t i;
	int len;

	memset(sc, 0, sizeof *sc);
	for (i = 0; i < sizeof executors / sizeof executors[0]; i++)
		if (strcmp(executors[i].name, ex) == 0) {
			sc->executor = executors[i].executor;
			sc->executor_name = executors[i].name;
		}
	free(ex);
	sc->name = str(J, idx, "name");
	sc->exec = str(J, idx, "exec");
	sc->start_time = num(J, idx, "startTime", 0);
	sc->graceful_stop = num(J, idx, "gracefulStop", K6_DEFAULT(gracefulStop));
	sc->env = pairs(J, idx, "env", &sc->nenv);
	sc->tags = pairs(J, idx, "tags", &sc->ntags);
	sc->vus = (int64_t)num(J, idx, "vus", 1);
	sc->iterations = (int64_t)num(J, idx, "iterations", 1);
	sc->max_duration = num(J, idx, "maxDuration", K6_DEFAULT(maxDuration));
	sc->duration = num(J, idx, "duration", 0);
	sc->start_vus = (int64_t)num(J, idx, "startVUs", 1);
	sc->graceful_ramp_down = num(J, idx, "gracefulRampDown", K6_DEFAULT(gracefulRampDown));
	sc->rate = (int64_t)num(J, idx, "rate", 0);
	sc->start_rate = (int64_t)num(J, idx, "startRate", 0);
	sc->time_unit = num(J, idx, "timeUnit", K6_DEFAULT(timeUnit));
	sc->pre_allocated_vus = (int64_t)num(J, idx, "preAllocatedVUs", 0);
	sc->max_vus = (int64_t)num(J, idx, "maxVUs", 0);
	js_getproperty(J, idx, "stages");
	if (js_isarray(J, -1)) {
		len = js_getlength(J, -1);
		sc->stages = xcalloc((size_t)len + 1, sizeof *sc->stages);
		for (i = 0; i < (size_t)len; i++) {
			js_getindex(J, -1, (int)i);
			sc->stages[i].duration = num(J, -1, "duration", 0);
			sc->stages[i].target = (int64_t)num(J, -1, "target", 0);
			js_pop(J, 1);
		}
		sc->nstages = (size_t)len;
	}
	js_pop(J, 1);
}

int
plan_from_js(js_State *J, int idx, struct plan *plan, char **cause)
{
	size_t i;
	int len;

	memset(plan, 0, sizeof *plan);
	if (!js_isarray(J, idx)) {
		*cause = xstrdup("internal error: the scenarios are not an array");
		return -1;
	}
	len = js_getlength(J, idx);
	plan->scenarios = xcalloc((size_t)len + 1, sizeof *plan->scenarios);
	for (i = 0; i < (size_t)len; i++) {
		js_getindex(J, idx, (int)i);
		read_scenario(J, js_gettop(J) - 1, &plan->scenarios[i]);
		js_pop(J, 1);
	}
	plan->n = (size_t)len;
	return 0;
}

double
scenario_end_offset(const struct scenario *sc)
{
	return scenario_length(sc) + sc->graceful_stop;
}

/* One step of one scenario, in test time. */
struct peak_step {
	double	 t;
	size_t	 scenario;	/* in start and name order */
	size_t	 seq;		/* keeps a scenario's steps in order */
	int64_t	 planned, unplanned;
};

static int
peak_step_cmp(const void *a, const void *b)
{
	const struct peak_step *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->scenario != y->scenario)
		return x->scenario < y->scenario ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
need_cmp(const void *a, const void *b)
{
	const struct plan_need *const *x = a, *const *y = b;

	if ((*x)->start != (*y)->start)
		return (*x)->start < (*y)->start ? -1 : 1;
	return strcmp((*x)->name ? (*x)->name : "", (*y)->name ? (*y)->name : "");
}

void
plan_peak(const struct plan_need *needs, size_t n, int64_t *planned, int64_t *possible)
{
	const struct plan_need **order = xcalloc(n + 1, sizeof *order);
	struct peak_step *st;
	int64_t *cur_p = xcalloc(2 * n + 1, sizeof *cur_p), *cur_u = cur_p + n;
	int64_t p = 0, u = 0;
	size_t i, j, k = 0, total = 0;

	*planned = *possible = 0;
	for (i = 0; i < n; i++) {
		order[i] = &needs[i];
		total += needs[i].nsteps;
	}
	qsort(order, n, sizeof *order, need_cmp);
	st = xcalloc(total + 1, sizeof *st);
	for (i = 0; i < n; i++)
		for (j = 0; j < order[i]->nsteps; j++) {
			st[k].t = order[i]->start + order[i]->steps[j].t;
			st[k].scenario = i;
			st[k].seq = k;
			st[k].planned = order[i]->steps[j].planned;
			st[k++].unplanned = order[i]->steps[j].unplanned;
		}
	qsort(st, k, sizeof *st, peak_step_cmp);
	for (i = 0; i < k; i++) {
		p += st[i].planned - cur_p[st[i].scenario];
		u += st[i].unplanned - cur_u[st[i].scenario];
		cur_p[st[i].scenario] = st[i].planned;
		cur_u[st[i].scenario] = st[i].unplanned;
		if (p > *planned)
			*planned = p;
		if (p + u > *possible)
			*possible = p + u;
	}
	free(st);
	free(cur_p);
	free(order);
}

double
plan_end(const struct plan_need *needs, size_t n)
{
	double end = 0, t;
	size_t i;

	for (i = 0; i < n; i++)
		if (needs[i].nsteps > 0 &&
		    (t = needs[i].start + needs[i].steps[needs[i].nsteps - 1].t) > end)
			end = t;
	return end;
}

void
plan_free(struct plan *plan)
{
	size_t i, j;

	for (i = 0; i < plan->n; i++) {
		struct scenario *sc = &plan->scenarios[i];

		free(sc->name);
		free(sc->exec);
		for (j = 0; j < sc->nenv; j++) {
			free(sc->env[j].key);
			free(sc->env[j].value);
		}
		free(sc->env);
		for (j = 0; j < sc->ntags; j++) {
			free(sc->tags[j].key);
			free(sc->tags[j].value);
		}
		free(sc->tags);
		free(sc->stages);
	}
	free(plan->scenarios);
	memset(plan, 0, sizeof *plan);
}

double
scenario_length(const struct scenario *sc)
{
	double d = 0;
	size_t i;

	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
	case EXEC_PER_VU_ITERATIONS:
		return sc->max_duration;
	case EXEC_CONSTANT_VUS:
	case EXEC_CONSTANT_ARRIVAL_RATE:
		return sc->duration;
	case EXEC_RAMPING_VUS:
	case EXEC_RAMPING_ARRIVAL_RATE:
		for (i = 0; i < sc->nstages; i++)
			d += sc->stages[i].duration;
		return d;
	}
	return 0;
}

int64_t
scenario_max_vus(const struct scenario *sc)
{
	int64_t m;
	size_t i;

	switch (sc->executor) {
	case EXEC_RAMPING_VUS:
		m = sc->start_vus;
		for (i = 0; i < sc->nstages; i++)
			if (sc->stages[i].target > m)
				m = sc->stages[i].target;
		return m;
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		return sc->max_vus;
	default:
		return sc->vus;
	}
}

static const char *
dur(double ms, char *b, size_t len)
{
	return duration_format(ms, b, len);
}

char *
scenario_describe(const struct scenario *sc)
{
	struct buf b = BUF_INIT;
	char d1[32], d2[32], d3[32];

	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		buf_printf(&b, "%lld iterations shared among %lld VUs (maxDuration: %s, "
		    "gracefulStop: %s)", (long long)sc->iterations, (long long)sc->vus,
		    dur(sc->max_duration, d1, sizeof d1), dur(sc->graceful_stop, d2, sizeof d2));
		break;
	case EXEC_PER_VU_ITERATIONS:
		buf_printf(&b, "%lld iterations for each of %lld VUs (maxDuration: %s, "
		    "gracefulStop: %s)", (long long)sc->iterations, (long long)sc->vus,
		    dur(sc->max_duration, d1, sizeof d1), dur(sc->graceful_stop, d2, sizeof d2));
		break;
	case EXEC_CONSTANT_VUS:
		buf_printf(&b, "%lld looping VUs for %s (gracefulStop: %s)", (long long)sc->vus,
		    dur(sc->duration, d1, sizeof d1), dur(sc->graceful_stop, d2, sizeof d2));
		break;
	case EXEC_RAMPING_VUS:
		buf_printf(&b, "Up to %lld looping VUs for %s over %zu stages "
		    "(gracefulRampDown: %s, gracefulStop: %s)", (long long)scenario_max_vus(sc),
		    dur(scenario_length(sc), d1, sizeof d1), sc->nstages,
		    dur(sc->graceful_ramp_down, d2, sizeof d2), dur(sc->graceful_stop, d3, sizeof d3));
		break;
	case EXEC_CONSTANT_ARRIVAL_RATE:
		buf_printf(&b, "%.2f iterations/s for %s (maxVUs: %lld, gracefulStop: %s)",
		    (double)sc->rate * 1000.0 / sc->time_unit, dur(sc->duration, d1, sizeof d1),
		    (long long)sc->max_vus, dur(sc->graceful_stop, d2, sizeof d2));
		break;
	case EXEC_RAMPING_ARRIVAL_RATE: {
		int64_t top = sc->start_rate;
		size_t i;

		for (i = 0; i < sc->nstages; i++)
			if (sc->stages[i].target > top)
				top = sc->stages[i].target;
		buf_printf(&b, "Up to %.2f iterations/s for %s over %zu stages (maxVUs: %lld, "
		    "gracefulStop: %s)", (double)top * 1000.0 / sc->time_unit,
		    dur(scenario_length(sc), d1, sizeof d1), sc->nstages,
		    (long long)sc->max_vus, dur(sc->graceful_stop, d2, sizeof d2));
		break;
	}
	}
	return buf_steal(&b);
}
