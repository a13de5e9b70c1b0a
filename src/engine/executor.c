/* k6's executors, over the share of each scenario this process runs.
 *
 * The VUs are the process's pool, sized as k6 sizes it: a scenario takes
 * its VUs when it starts and gives them back when it is done, so
 * scenarios that do not overlap in time share VUs and each VU runs its
 * init code once.  Timers drive a scenario from pending to running (at
 * startTime) to stopping (at its nominal end, when no new iteration
 * starts and running ones get gracefulStop to finish) to done; VUs ask
 * executor_next between iterations whether to go on. */
#include "config.h"

#include <event2/event.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/coro.h"
#include "engine/engine-int.h"
#include "metrics/tagset.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

enum {
	RUN_PENDING,
	RUN_RUNNING,
	RUN_STOPPING,
	RUN_DONE,
};

#define TICK_MS	20	/* ramping-vus re-reads its target this often */

static void run_timer_cb(evutil_socket_t, short, void *);

static void
arm(struct event *ev, double ms)
{
	struct timeval tv;

	if (ms < 0)
		ms = 0;
	tv = timeval_ms(ms);
	evtimer_add(ev, &tv);
}

static double
since_start(const struct exec_run *run)
{
	return ns_to_ms(engine_now() - run->t_start);
}

/* Our slot of the machine's exec.instance counts, kept current. */
static void
publish(struct engine *e)
{
	struct instance_slot *s;
	uint64_t complete = 0, interrupted = 0;
	size_t i;

	if (e->instance == NULL || e->worker < 0 || e->worker >= e->ninstance)
		return;
	s = &e->instance[e->worker];
	for (i = 0; i < e->nruns; i++) {
		complete += e->runs[i].complete;
		interrupted += e->runs[i].interrupted;
	}
	__atomic_store_n(&s->vus_active, e->vus_active, __ATOMIC_RELAXED);
	__atomic_store_n(&s->vus_max, e->vus_max, __ATOMIC_RELAXED);
	__atomic_store_n(&s->complete, complete, __ATOMIC_RELAXED);
	__atomic_store_n(&s->interrupted, interrupted, __ATOMIC_RELAXED);
}

/* A segment over only the first n workers, for things that need a VU: a
 * worker without VUs must not be handed iterations. */
static struct segment
vu_segment(const struct segment *seg, int64_t vus)
{
	struct segment s = *seg, machine = *seg;

	machine.k = 0;
	machine.n = 1;
	vus = segment_share(&machine, vus);
	if (vus < s.n)
		s.n = vus > 0 ? vus : 1;
	if (s.k >= s.n)
		s.k = -1;	/* owns nothing */
	return s;
}

static int64_t
share(const struct segment *seg, int64_t count)
{
	return seg->k < 0 ? 0 : segment_share(seg, count);
}

static int
owns(const struct segment *seg, int64_t i)
{
	return seg->k >= 0 && segment_owns(seg, i);
}

/* ramping-vus: the VUs k6 runs at t ms (up: floor, down: ceil). */
static int64_t
ramp_target(const struct scenario *sc, double t)
{
	double from = (double)sc->start_vus, acc = 0, x;
	size_t i;

	for (i = 0; i < sc->nstages; i++) {
		double d = sc->stages[i].duration, to = (double)sc->stages[i].target;

		if (t < acc + d) {
			x = from + (to - from) * (t - acc) / d;
			return (int64_t)(to >= from ? floor(x + 1e-9) : ceil(x - 1e-9));
		}
		acc += d;
		from = to;
	}
	return (int64_t)from;
}

/* Arrival-rate: when arrival i (from 0) starts, in ms from the scenario
 * start, or -1 when the scenario ends before it. */
static double
arrival_time(const struct scenario *sc, int64_t i)
{
	double need = (double)i, t0 = 0, r0, tu = sc->time_unit;
	size_t s;

	if (sc->executor == EXEC_CONSTANT_ARRIVAL_RATE) {
		double t = need * tu / (double)sc->rate;

		return t < sc->duration ? t : -1;
	}
	r0 = (double)sc->start_rate;
	for (s = 0; s < sc->nstages; s++) {
		double d = sc->stages[s].duration, r1 = (double)sc->stages[s].target;
		double count = (r0 + r1) / 2 * d / tu;

		if (need < count - 1e-9) {
			/* need = (r0 x + (r1 - r0) x^2 / 2d) / tu, for x in [0, d) */
			double a = (r1 - r0) / (2 * d * tu), b = r0 / tu, x;

			if (fabs(a) < 1e-18)
				x = need / b;
			else
				x = (-b + sqrt(b * b + 4 * a * need)) / (2 * a);
			return t0 + x;
		}
		need -= count;
		t0 += d;
		r0 = r1;
	}
	return -1;
}

static int
is_arrival(const struct exec_run *run)
{
	return run->sc->executor == EXEC_CONSTANT_ARRIVAL_RATE ||
	    run->sc->executor == EXEC_RAMPING_ARRIVAL_RATE;
}

/* In an iteration, or granted an arrival it has not started yet: an
 * arrival-rate iteration starts when it is granted, as in k6, and the
 * scenario is not done before it ends. */
static int
busy(const struct vu *vu)
{
	return vu->state == VU_RUNNING || vu->granted > 0;
}

static size_t
running_vus(const struct exec_run *run)
{
	size_t i, n = 0;

	for (i = 0; i < run->nvus; i++)
		if (busy(run->vus[i]))
			n++;
	return n;
}

/* This process's share of a scenario: the segment it deals with, the
 * VUs it takes at the start, the most it may use and, for
 * shared-iterations, its iterations. */
static void
local_share(const struct scenario *sc, const struct segment *seg, struct segment *rseg,
    int64_t *vus, int64_t *max, int64_t *iterations)
{
	*rseg = *seg;
	*iterations = 0;
	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		*rseg = vu_segment(seg, sc->vus);
		*vus = share(rseg, sc->vus);
		*iterations = share(rseg, sc->iterations);
		break;
	case EXEC_PER_VU_ITERATIONS:
	case EXEC_CONSTANT_VUS:
		*vus = share(seg, sc->vus);
		break;
	case EXEC_RAMPING_VUS:
		*vus = share(seg, scenario_max_vus(sc));
		break;
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		/* Only workers with a preallocated VU take arrivals, or the
		 * first arrivals of the others would be dropped. */
		*rseg = vu_segment(seg, sc->pre_allocated_vus > 0 ?
		    sc->pre_allocated_vus : sc->max_vus);
		*vus = share(rseg, sc->pre_allocated_vus);
		*max = share(rseg, sc->max_vus);
		return;
	}
	*max = *vus;
}

/* Add a step unless it changes nothing. */
static void
step_add(struct plan_step **v, size_t *n, double t, int64_t planned, int64_t unplanned)
{
	if (*n > 0 && (*v)[*n - 1].planned == planned && (*v)[*n - 1].unplanned == unplanned)
		return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].t = t;
	(*v)[*n].planned = planned;
	(*v)[(*n)++].unplanned = unplanned;
}

/* ramping-vus: the VUs this process runs over time, stepping when its
 * share of the target changes (up: when the target reaches the next
 * count, down: when it leaves one, as ramp_target rounds). */
static void
ramp_raw_steps(const struct scenario *sc, const struct segment *seg,
    struct plan_step **v, size_t *n)
{
	int64_t from = sc->start_vus, to, k;
	double acc = 0, d;
	size_t i;

	step_add(v, n, 0, share(seg, from), 0);
	for (i = 0; i < sc->nstages; i++) {
		d = sc->stages[i].duration;
		to = sc->stages[i].target;
		acc += d;
		if (to == from)
			continue;
		if (d <= 0)
			step_add(v, n, acc, share(seg, to), 0);
		else if (to > from)
			for (k = from + 1; k <= to; k++)
				step_add(v, n, acc - d * (double)(to - k) / (double)(to - from),
				    share(seg, k), 0);
		else
			for (k = from; k > to; k--)
				step_add(v, n, acc - d * (double)(k - 1 - to) / (double)(from - to),
				    share(seg, k - 1), 0);
		from = to;
	}
}

/* k6 keeps the VUs of a ramp-down for gracefulRampDown, so that their
 * last iterations can finish, unless the target comes back up to them
 * within that time; it never plans more than the most the stages ask,
 * and nothing at or past end. */
static void
ramp_graceful_steps(const struct plan_step *raw, size_t nraw, double ramp_down, double end,
    struct plan_step **v, size_t *n)
{
	int64_t last = 0;
	size_t i, j, slope = 0;
	double until;
	int skipped, falling;

	for (i = 0; i < nraw; i++) {
		if (i == 0 || raw[i].planned > last) {
			step_add(v, n, raw[i].t, raw[i].planned, 0);
			last = raw[i].planned;
			continue;
		}
		if (raw[i].planned == last)
			continue;
		/* Going down: look ahead gracefulRampDown for a step back up
		 * to last; skip to it when there is one. */
		until = raw[i].t + ramp_down;
		skipped = 0;
		falling = 1;
		for (j = slope > i + 1 ? slope : i + 1; j < nraw; j++) {
			if (raw[j].t > until)
				break;
			if (raw[j].planned >= last) {
				i = j - 1;
				skipped = 1;
				break;
			}
			if (falling) {
				if (raw[j - 1].planned > raw[j].planned)
					slope = j;
				else
					falling = 0;
			}
		}
		if (skipped)
			continue;
		if (until >= end)
			break;
		step_add(v, n, until, raw[i].planned, 0);
		last = raw[i].planned;
	}
}

void
executor_steps(const struct scenario *sc, const struct segment *seg,
    struct plan_step **v, size_t *n)
{
	struct plan_step *raw = NULL;
	struct segment rseg;
	int64_t vus, max, iterations;
	double end = scenario_end_offset(sc);
	size_t nraw = 0;

	*v = NULL;
	*n = 0;
	if (sc->executor == EXEC_RAMPING_VUS) {
		ramp_raw_steps(sc, seg, &raw, &nraw);
		if (sc->graceful_ramp_down > 0) {
			ramp_graceful_steps(raw, nraw, sc->graceful_ramp_down, end, v, n);
			free(raw);
		} else {
			*v = raw;
			*n = nraw;
		}
		if ((*v)[*n - 1].planned != 0)
			step_add(v, n, end, 0, 0);
		return;
	}
	local_share(sc, seg, &rseg, &vus, &max, &iterations);
	step_add(v, n, 0, vus, max - vus);
	step_add(v, n, end, 0, 0);
}

void
executor_pool_size(const struct plan *p, const struct segment *seg, int64_t *planned,
    int64_t *possible, double *end)
{
	struct plan_need *needs = xcalloc(p->n + 1, sizeof *needs);
	struct plan_step *steps;
	size_t i, n;

	for (i = 0; i < p->n; i++) {
		const struct scenario *sc = &p->scenarios[i];

		executor_steps(sc, seg, &steps, &n);
		needs[i].start = sc->start_time;
		needs[i].name = sc->name;
		needs[i].steps = steps;
		needs[i].nsteps = n;
	}
	plan_peak(needs, p->n, planned, possible);
	if (end != NULL)
		*end = plan_end(needs, p->n);
	for (i = 0; i < p->n; i++)
		free((void *)needs[i].steps);
	free(needs);
}

/* A new VU in the pool; its init code runs as soon as the loop turns.
 * NULL with *cause, or with no cause when the pool is at its cap. */
static struct vu *
pool_add(struct engine *e, char **cause)
{
	struct vu *vu;

	if (e->vus_max >= e->pool_cap)
		return NULL;
	if ((vu = vu_new(e, e->next_vu_id, NULL, cause)) == NULL)
		return NULL;
	e->next_vu_id++;
	e->vus_max++;
	e->pool = xreallocarray(e->pool, e->npool + 1, sizeof *e->pool);
	e->pool[e->npool++] = vu;
	publish(e);
	return vu;
}

/* A VU of the pool no scenario holds and that can run, or NULL.  VUs
 * only become free when a scenario gives them back (release_vus), so
 * the search goes on from where the last one stopped: a scenario taking
 * 10,000 VUs must not cost 50 million comparisons. */
static struct vu *
pool_free_vu(struct engine *e)
{
	size_t i, init = e->npool;

	for (i = e->pool_scan; i < e->npool; i++) {
		struct vu *vu = e->pool[i];

		if (vu->run == NULL && vu->state == VU_IDLE && !vu->quit)
			break;
		/* Given back while its init code ran: free once it is done. */
		if (vu->run == NULL && vu->state == VU_INIT && init == e->npool)
			init = i;
	}
	e->pool_scan = i < init ? i : init;
	return i < e->npool ? e->pool[i] : NULL;
}

static int would_run(const struct exec_run *, const struct vu *);

/* The VU serves run from now on, afresh: k6 activates a VU for a
 * scenario with the scenario's tags and __ENV. */
static void
attach(struct exec_run *run, struct vu *vu)
{
	vu->run = run;
	vu->index = run->nvus;
	vu->tags = run->tags;
	vu->iter_in_scenario = 0;
	vu->granted = 0;
	vu->arrival = 0;
	vu->deactivated = 0;
	run->vus = xreallocarray(run->vus, run->nvus + 1, sizeof *run->vus);
	run->vus[run->nvus++] = vu;
	if (vu->state == VU_IDLE && would_run(run, vu))
		engine_wake(run->engine, vu);
}

/* Take a VU for run: a free one of the pool, else a new one while the
 * pool may grow.  NULL when there is none now (see pool_add). */
static struct vu *
take_vu(struct exec_run *run, char **cause)
{
	struct vu *vu = pool_free_vu(run->engine);

	if (vu == NULL && (vu = pool_add(run->engine, cause)) == NULL)
		return NULL;
	attach(run, vu);
	return vu;
}

/* Scenarios still waiting for VUs get the free ones, in plan order. */
static void
feed_waiting(struct engine *e)
{
	struct vu *vu;
	size_t i;

	for (i = 0; i < e->nruns; i++) {
		struct exec_run *run = &e->runs[i];

		while (run->state == RUN_RUNNING && run->missing > 0 &&
		    (vu = pool_free_vu(e)) != NULL) {
			attach(run, vu);
			run->missing--;
		}
	}
}

/* ramping-vus: the VUs to hold at t, k6's requirements then.  Time only
 * goes forward: the search starts at the last step found. */
static int64_t
ramp_held(struct exec_run *run, double t)
{
	size_t i = run->step_at;

	if (run->nsteps == 0)
		return 0;
	if (run->steps[i].t > t)
		i = 0;
	while (i + 1 < run->nsteps && run->steps[i + 1].t <= t)
		i++;
	run->step_at = i;
	return run->steps[i].t <= t ? run->steps[i].planned : 0;
}

/* ramping-vus: hold as many VUs as k6 plans for now, taking more from
 * the pool or giving back the last ones once they are idle. */
static void
ramp_hold(struct exec_run *run, int64_t held)
{
	struct engine *e = run->engine;
	char *cause = NULL;
	int gave = 0;

	while ((int64_t)(run->nvus + run->missing) < held) {
		if (take_vu(run, &cause) == NULL) {
			free(cause);
			cause = NULL;
			run->missing++;
		}
	}
	while (run->missing > 0 && (int64_t)(run->nvus + run->missing) > held)
		run->missing--;
	while ((int64_t)run->nvus > held && run->vus[run->nvus - 1]->state != VU_RUNNING) {
		struct vu *vu = run->vus[--run->nvus];

		vu->run = NULL;
		vu->index = 0;
		gave = 1;
	}
	if (gave) {
		e->pool_scan = 0;
		feed_waiting(e);
	}
}

/* A scenario is done: its VUs go back to the pool. */
static void
release_vus(struct exec_run *run)
{
	size_t i;

	for (i = 0; i < run->nvus; i++) {
		run->vus[i]->run = NULL;
		run->vus[i]->index = 0;
	}
	run->nvus = 0;
	run->missing = 0;
	run->engine->pool_scan = 0;
	feed_waiting(run->engine);
}

int
executor_setup(struct engine *e, char **cause)
{
	const struct plan *p = e->plan;
	int64_t j, vus, max, planned, possible;
	size_t i;

	e->runs = xcalloc(p->n + 1, sizeof *e->runs);
	e->nruns = p->n;
	for (i = 0; i < p->n; i++) {
		struct exec_run *run = &e->runs[i];
		const struct scenario *sc = &p->scenarios[i];
		uint32_t tags = e->base_tags;
		size_t t;

		run->engine = e;
		run->sc = sc;
		run->index = i;
		run->timer = evtimer_new(e->base, run_timer_cb, run);
		for (t = 0; t < sc->ntags; t++)
			tags = engine_tags_with(e, tags, sc->tags[t].key, sc->tags[t].value);
		if (engine_system_tag(e, "scenario"))
			tags = engine_tags_with(e, tags, "scenario", sc->name);
		if (engine_system_tag(e, "group"))
			tags = engine_tags_with(e, tags, "group", "");
		run->tags = tags;
		local_share(sc, &e->seg, &run->seg, &vus, &max, &run->local_iterations);
		run->want = (size_t)vus;
		run->max_vus = (size_t)max;
		if (sc->executor == EXEC_RAMPING_VUS) {
			executor_steps(sc, &e->seg, &run->steps, &run->nsteps);
			run->want = (size_t)ramp_held(run, 0);
		}
	}
	executor_pool_size(p, &e->seg, &planned, &possible, NULL);
	e->pool_cap = (uint32_t)possible;
	for (j = 0; j < planned; j++)
		if (pool_add(e, cause) == NULL)
			return -1;
	return 0;
}

/* Every VU has finished its init code (or failed it). */
int
executor_all_ready(struct engine *e)
{
	size_t i;

	for (i = 0; i < e->npool; i++)
		if (e->pool[i]->state == VU_INIT)
			return 0;
	return 1;
}

/* The first VU whose init code failed, or NULL. */
const char *
executor_init_error(struct engine *e)
{
	size_t i;

	for (i = 0; i < e->npool; i++)
		if (e->pool[i]->state == VU_DEAD)
			return vu_init_error(e->pool[i]);
	return NULL;
}

int
executor_all_done(struct engine *e)
{
	size_t i;

	for (i = 0; i < e->nruns; i++)
		if (e->runs[i].state != RUN_DONE)
			return 0;
	return 1;
}

static void
finish(struct exec_run *run)
{
	if (run->state == RUN_DONE)
		return;
	run->state = RUN_DONE;
	evtimer_del(run->timer);
	release_vus(run);
	if (executor_all_done(run->engine))
		run->engine->done = 1;
}

/* Iterations that will never run: k6 counts them as dropped. */
static void
count_dropped(struct exec_run *run)
{
	struct engine *e = run->engine;
	const struct scenario *sc = run->sc;
	int64_t left = 0;
	size_t i;

	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		left = run->local_iterations - run->started;
		break;
	case EXEC_PER_VU_ITERATIONS:
		for (i = 0; i < run->nvus; i++)
			if ((int64_t)run->vus[i]->iter_in_scenario < sc->iterations)
				left += sc->iterations - (int64_t)run->vus[i]->iter_in_scenario -
				    (run->vus[i]->state == VU_RUNNING);
		break;
	default:
		break;
	}
	if (left > 0) {
		run->dropped += (uint64_t)left;
		engine_emit(e, e->m.dropped_iterations, run->tags, (double)left);
	}
}

/* The nominal end: no new iterations; running ones get gracefulStop. */
static void
stop(struct exec_run *run)
{
	if (run->state != RUN_RUNNING && run->state != RUN_PENDING)
		return;
	if (run->state == RUN_RUNNING)
		count_dropped(run);
	run->state = RUN_STOPPING;
	if (running_vus(run) == 0) {
		finish(run);
		return;
	}
	arm(run->timer, run->sc->graceful_stop);
}

static void
interrupt_all(struct exec_run *run)
{
	size_t i;

	for (i = 0; i < run->nvus; i++) {
		struct vu *vu = run->vus[i];

		/* Granted arrivals that never got to run are cut short too. */
		if (vu->granted > 0 && vu->state != VU_RUNNING) {
			run->interrupted += (uint64_t)vu->granted;
			vu->granted = 0;
		}
		vu_interrupt(vu);
	}
	publish(run->engine);
}

static void
wake_idle(struct exec_run *run, size_t upto)
{
	size_t i;

	for (i = 0; i < run->nvus && i < upto; i++)
		if (run->vus[i]->state == VU_IDLE)
			engine_wake(run->engine, run->vus[i]);
}

static void
ramp(struct exec_run *run)
{
	const struct scenario *sc = run->sc;
	double t = since_start(run);
	int64_t target = share(&run->seg, ramp_target(sc, t)), held = ramp_held(run, t);
	size_t i;

	if (held < target)
		held = target;
	ramp_hold(run, held);
	if (target > run->target)
		wake_idle(run, (size_t)target);
	for (i = (size_t)(target > 0 ? target : 0); i < run->nvus; i++) {
		struct vu *vu = run->vus[i];

		if (i < (size_t)run->target)
			vu->deactivated = engine_now();
		/* Past gracefulRampDown, a removed VU is cut short. */
		if (vu->state == VU_RUNNING && vu->deactivated != 0 &&
		    ns_to_ms(engine_now() - vu->deactivated) > sc->graceful_ramp_down)
			vu_interrupt(vu);
	}
	run->target = target;
}

/* A VU that will be free in a turn of the loop: granted an arrival it
 * has not started (in k6 its goroutine would have, and a short iteration
 * would be over by now), or through with an iteration and queued to
 * see if there is another. */
static int
vu_coming(const struct vu *vu)
{
	if (vu->state == VU_RUNNING)
		return !vu->mid_iteration && vu->queued != NULL;
	return vu->granted > 0;
}

static int
vus_coming(const struct exec_run *run)
{
	size_t i;

	for (i = 0; i < run->nvus; i++)
		if (vu_coming(run->vus[i]))
			return 1;
	return 0;
}

/*
 * Start the arrivals that are due; returns when the next one is due, in
 * ms from the scenario start, or -1 when there are no more.  When the
 * worker was held up, several are due at once: one no VU is free for
 * waits for the VUs granted the earlier ones to run and come back (a
 * turn of the loop) rather than being dropped, as in k6 those VUs would
 * have started at their times and, their iterations short, be free:
 * run->waiting, and the next VU to go idle arms the timer (a timer armed
 * for now from its own callback would spin in libevent's non-blocking
 * loop).  A VU in a real iteration is busy; drops count as in k6.
 */
static double
arrivals(struct exec_run *run)
{
	struct engine *e = run->engine;
	double now = since_start(run), t;
	char *cause = NULL;
	size_t i;

	run->waiting = 0;
	while ((t = arrival_time(run->sc, run->next_arrival)) >= 0 && t <= now) {
		int64_t k = run->next_arrival++;
		struct vu *vu = NULL;

		if (!owns(&run->seg, k))
			continue;
		for (i = 0; i < run->nvus; i++)
			if (run->vus[i]->state == VU_IDLE && run->vus[i]->granted == 0) {
				vu = run->vus[i];
				break;
			}
		if (vu != NULL) {
			vu->granted = 1;
			vu->arrival = k;
			engine_wake(e, vu);
			continue;
		}
		if (vus_coming(run)) {
			run->next_arrival--;
			run->waiting = 1;
			return t;
		}
		run->dropped++;
		engine_emit(e, e->m.dropped_iterations, run->tags, 1);
		/* Like k6, bring up one more VU at a time, up to maxVUs: a
		 * free one of the pool, else a new one. */
		if (run->initializing)
			continue;
		if (run->nvus < run->max_vus && (vu = take_vu(run, &cause)) != NULL) {
			if (vu->state == VU_INIT)
				run->initializing = 1;
		} else if (cause != NULL) {
			log_msg(LOG_ERROR, NULL, "%s", cause);
			free(cause);
			cause = NULL;
		} else if (!run->warned) {
			run->warned = 1;
			log_msg(LOG_WARN, NULL, "Insufficient VUs, reached %zu active VUs and "
			    "cannot initialize more  executor=%s scenario=%s", run->nvus,
			    run->sc->executor_name, run->sc->name);
		}
	}
	return t;
}

static void
tick(struct exec_run *run)
{
	double next;

	if (run->sc->executor == EXEC_RAMPING_VUS) {
		ramp(run);
		arm(run->timer, TICK_MS);
	} else if (is_arrival(run)) {
		next = arrivals(run);
		if (next >= 0 && !run->waiting)
			arm(run->timer, next - since_start(run));
	}
}

static void
begin(struct exec_run *run)
{
	const struct scenario *sc = run->sc;
	char *cause = NULL;

	run->state = RUN_RUNNING;
	run->t_start = engine_now();
	/* VUs still finishing another scenario's iterations come when it
	 * is done. */
	while (run->nvus < run->want && take_vu(run, &cause) != NULL)
		continue;
	free(cause);
	run->missing = run->want - run->nvus;
	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
	case EXEC_PER_VU_ITERATIONS:
	case EXEC_CONSTANT_VUS:
		wake_idle(run, run->nvus);
		if (run->want == 0 || (sc->executor == EXEC_SHARED_ITERATIONS &&
		    run->local_iterations == 0)) {
			finish(run);
			return;
		}
		break;
	case EXEC_RAMPING_VUS:
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		if (is_arrival(run) && run->seg.k < 0) {
			finish(run);
			return;
		}
		break;
	}
	/* One timer serves the scenario: ticks until its end. */
	tick(run);
	if (!evtimer_pending(run->timer, NULL))
		arm(run->timer, scenario_length(sc));
}

static void
run_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct exec_run *run = arg;
	double left;

	switch (run->state) {
	case RUN_PENDING:
		begin(run);
		break;
	case RUN_RUNNING:
		left = scenario_length(run->sc) - since_start(run);
		if (left <= 0.5 || run->engine->stopping) {
			/* Arrivals due before the end start (or drop) even when
			 * the loop got to them late, as they would have in k6. */
			if (is_arrival(run) && !run->engine->stopping) {
				arrivals(run);
				if (run->waiting)
					break;
			}
			stop(run);
			break;
		}
		/* A tick arms the timer for its next one (never past the
		 * end); when there is none, wake at the end. */
		tick(run);
		if (!evtimer_pending(run->timer, NULL))
			arm(run->timer, left);
		break;
	case RUN_STOPPING:
		/* gracefulStop is over. */
		interrupt_all(run);
		break;
	default:
		break;
	}
}

void
executor_start(struct engine *e)
{
	size_t i;

	e->t0 = engine_now();
	e->started = 1;
	for (i = 0; i < e->nruns; i++)
		arm(e->runs[i].timer, e->runs[i].sc->start_time);
}

/* What executor_next would answer, without taking the iteration. */
static int
would_run(const struct exec_run *run, const struct vu *vu)
{
	const struct scenario *sc = run->sc;

	if (vu->quit || run->engine->stopping)
		return 0;
	if (run->state != RUN_RUNNING)
		return run->state == RUN_STOPPING && is_arrival(run) && vu->granted > 0;
	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		return run->started < run->local_iterations;
	case EXEC_PER_VU_ITERATIONS:
		return (int64_t)vu->iter_in_scenario < sc->iterations;
	case EXEC_CONSTANT_VUS:
		return 1;
	case EXEC_RAMPING_VUS:
		return (int64_t)vu->index < run->target;
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		return vu->granted > 0;
	}
	return 0;
}

int
executor_next(struct exec_run *run, struct vu *vu)
{
	const struct scenario *sc = run->sc;

	if (vu->quit || run->engine->stopping)
		return 0;
	/* An arrival granted before the scenario's end still runs. */
	if (run->state != RUN_RUNNING &&
	    !(run->state == RUN_STOPPING && is_arrival(run) && vu->granted > 0))
		return 0;
	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		if (run->started >= run->local_iterations)
			return 0;
		break;
	case EXEC_PER_VU_ITERATIONS:
		if ((int64_t)vu->iter_in_scenario >= sc->iterations)
			return 0;
		break;
	case EXEC_CONSTANT_VUS:
		break;
	case EXEC_RAMPING_VUS:
		if ((int64_t)vu->index >= run->target)
			return 0;
		vu->deactivated = 0;
		break;
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		if (vu->granted == 0)
			return 0;
		vu->granted--;
		break;
	}
	vu->iter_in_test = is_arrival(run) ? (uint64_t)vu->arrival :
	    run->seg.k >= 0 ? (uint64_t)segment_global(&run->seg, run->started) : 0;
	/* k6 numbers a scenario's iterations on one machine from 0 over all
	 * of its workers: the place of the test-wide number among the
	 * machine's. */
	vu->iter_in_instance = (uint64_t)segment_share(&run->engine->machine,
	    (int64_t)vu->iter_in_test);
	run->started++;
	if (!vu->active) {
		vu->active = 1;
		run->engine->vus_active++;
		publish(run->engine);
	}
	return 1;
}

void
executor_iteration_done(struct exec_run *run, struct vu *vu, int interrupted)
{
	if (interrupted)
		run->interrupted++;
	else
		run->complete++;
	publish(run->engine);
}

double
executor_progress(const struct exec_run *run)
{
	const struct scenario *sc = run->sc;
	double total = 0, p;

	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
		total = (double)run->local_iterations;
		break;
	case EXEC_PER_VU_ITERATIONS:
		total = (double)(run->want * (size_t)sc->iterations);
		break;
	default:
		if (run->state == RUN_PENDING)
			return 0;
		p = scenario_length(sc) > 0 ? since_start(run) / scenario_length(sc) : 1;
		return p > 1 ? 1 : p;
	}
	if (total <= 0)
		return 1;
	p = (double)(run->complete + run->interrupted) / total;
	return p > 1 ? 1 : p;
}

void
executor_vu_idle(struct exec_run *run, struct vu *vu)
{
	if (vu->active) {
		vu->active = 0;
		run->engine->vus_active--;
		publish(run->engine);
	}
	if (run->initializing && vu->index == run->nvus - 1 && run->state != RUN_PENDING)
		run->initializing = 0;
	switch (run->state) {
	case RUN_RUNNING:
		/* An arrival waits for a VU to come back: deal it now. */
		if (run->waiting) {
			run->waiting = 0;
			arm(run->timer, 0);
		}
		/* A VU that joined after the start (its init code ran late,
		 * or it came from another scenario) starts its iterations. */
		if (would_run(run, vu)) {
			engine_wake(run->engine, vu);
			break;
		}
		/* Iteration-based scenarios end when their work is done. */
		if (run->sc->executor == EXEC_PER_VU_ITERATIONS && run->missing > 0)
			break;
		if ((run->sc->executor == EXEC_SHARED_ITERATIONS &&
		    run->started >= run->local_iterations && running_vus(run) <= 1) ||
		    (run->sc->executor == EXEC_PER_VU_ITERATIONS && running_vus(run) <= 1)) {
			size_t i;

			for (i = 0; i < run->nvus; i++)
				if (run->vus[i] != vu && run->vus[i]->state == VU_RUNNING)
					return;
			if (run->sc->executor == EXEC_PER_VU_ITERATIONS)
				for (i = 0; i < run->nvus; i++)
					if (run->vus[i] != vu && run->vus[i]->state != VU_DEAD &&
					    (int64_t)run->vus[i]->iter_in_scenario < run->sc->iterations)
						return;
			finish(run);
		}
		break;
	case RUN_STOPPING: {
		size_t i;

		if (would_run(run, vu)) {
			engine_wake(run->engine, vu);
			break;
		}
		for (i = 0; i < run->nvus; i++)
			if (run->vus[i] != vu && busy(run->vus[i]))
				return;
		finish(run);
		break;
	}
	default:
		break;
	}
}

void
executor_stop_all(struct engine *e)
{
	size_t i;

	e->stopping = 1;
	for (i = 0; i < e->nruns; i++) {
		struct exec_run *run = &e->runs[i];

		if (run->state == RUN_PENDING) {
			finish(run);
			continue;
		}
		if (run->state == RUN_DONE)
			continue;
		run->state = RUN_STOPPING;
		evtimer_del(run->timer);
		interrupt_all(run);
		if (running_vus(run) == 0)
			finish(run);
	}
}

void
executor_free(struct engine *e)
{
	size_t i, j;

	for (i = 0; i < e->nruns; i++) {
		struct exec_run *run = &e->runs[i];

		free(run->vus);
		free(run->steps);
		if (run->timer != NULL)
			event_free(run->timer);
	}
	free(e->runs);
	e->runs = NULL;
	e->nruns = 0;
	for (j = 0; j < e->npool; j++)
		vu_free(e->pool[j]);
	free(e->pool);
	e->pool = NULL;
	e->npool = 0;
}
