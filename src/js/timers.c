/* setTimeout, setInterval, clearTimeout, clearInterval (globals and
 * "k6/timers") on the VU's event loop (engine/loop.c).
 *
 * Callbacks never run inside a libevent callback: a timer that fires
 * only marks itself due and wakes the loop; the loop runs the due
 * callbacks on the VU's coroutine (run_ready) and waits while a timer is
 * armed (pending), so an iteration with a setInterval never cleared runs
 * until it is interrupted, as in k6.  The callbacks and their arguments
 * live in the state's registry object "ly.timers", keyed by timer id. */
#include "config.h"

#include <event2/event.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/module.h"
#include "js/modules.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

struct timer {
	struct timer	*next;
	struct vu	*vu;
	int		 id;
	int		 interval;
	int		 due;
	double		 ms;
	int64_t		 at;	/* monotonic ns it falls due */
	struct event	*ev;
};

struct timers {
	struct timer	*head;
	int		 next_id;
};

static struct timers *
timers_of(struct vu *vu)
{
	struct timers *t = vu_module_data(vu, &timers_engine_module);

	if (t == NULL) {
		t = xcalloc(1, sizeof *t);
		t->next_id = 1;
		vu_module_set(vu, &timers_engine_module, t);
	}
	return t;
}

static void
arm(struct timer *t)
{
	struct timeval tv;
	double ms = t->ms < 0 ? 0 : t->ms;

	tv = timeval_ms(ms);
	t->at = engine_now() + (int64_t)(ms * 1e6);
	evtimer_add(t->ev, &tv);
}

static void
fired(evutil_socket_t fd, short what, void *arg)
{
	struct timer *t = arg;

	t->due = 1;
	vu_loop_wake(t->vu);
}

static void
timer_free(struct timer *t)
{
	event_free(t->ev);
	free(t);
}

/* Remove timer id (and its registry entry). */
static void
timer_remove(js_State *J, struct timers *ts, int id)
{
	struct timer **pp, *t;
	char key[16];

	for (pp = &ts->head; (t = *pp) != NULL; pp = &t->next)
		if (t->id == id) {
			*pp = t->next;
			timer_free(t);
			break;
		}
	if (J != NULL) {
		snprintf(key, sizeof key, "%d", id);
		js_getregistry(J, "ly.timers");
		if (js_isobject(J, -1))
			js_delproperty(J, -1, key);
		js_pop(J, 1);
	}
}

static void
set_timer(js_State *J, int interval)
{
	struct vu *vu = vu_of(J);
	struct timers *ts;
	struct timer *t;
	char key[16];
	int i, top = js_gettop(J);

	/* k6's words: Go's conversion of the argument to a Callable, or
	 * the timer's refusal of no callback at all */
	if (js_isundefined(J, 1) || js_isnull(J, 1))
		modules_goerror(J, "%s's callback isn't a callable function",
		    interval ? "setInterval" : "setTimeout");
	if (!js_iscallable(J, 1))
		js_typeerror(J, "could not convert function call parameter 0: "
		    "could not convert %s to sobek.Callable", js_tostring(J, 1));
	/* [fn, args...] in the registry, before anything is allocated in C */
	js_getregistry(J, "ly.timers");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_newobject(J);
		js_copy(J, -1);
		js_setregistry(J, "ly.timers");
	}
	ts = timers_of(vu);
	snprintf(key, sizeof key, "%d", ts->next_id);
	js_newarray(J);
	js_copy(J, 1);
	js_setindex(J, -2, 0);
	for (i = 3; i < top; i++) {
		js_copy(J, i);
		js_setindex(J, -2, i - 2);
	}
	js_setproperty(J, -2, key);
	js_pop(J, 1);

	t = xcalloc(1, sizeof *t);
	t->vu = vu;
	t->id = ts->next_id++;
	t->interval = interval;
	t->ms = js_isdefined(J, 2) ? js_tonumber(J, 2) : 0;
	if (t->ms != t->ms)
		t->ms = 0;
	t->ev = evtimer_new(vu_event_base(vu), fired, t);
	t->next = ts->head;
	ts->head = t;
	arm(t);
	js_pushnumber(J, t->id);
}

static void js_set_timeout(js_State *J) { set_timer(J, 0); }
static void js_set_interval(js_State *J) { set_timer(J, 1); }

static void
js_clear(js_State *J)
{
	struct vu *vu = vu_of(J);

	if (vu_module_data(vu, &timers_engine_module) != NULL && js_isnumber(J, 1))
		timer_remove(J, vu_module_data(vu, &timers_engine_module), (int)js_tonumber(J, 1));
	js_pushundefined(J);
}

/* Run one due timer's callback. */
static void
run_timer(struct vu *vu, struct timer *t)
{
	js_State *J = vu_js(vu);
	char key[16];
	int id = t->id, interval = t->interval, n, i;

	t->due = 0;
	snprintf(key, sizeof key, "%d", id);
	js_getregistry(J, "ly.timers");
	js_getproperty(J, -1, key);
	if (!js_isarray(J, -1)) {
		js_pop(J, 2);
		return;
	}
	if (interval)
		arm(t);
	else
		timer_remove(NULL, vu_module_data(vu, &timers_engine_module), id);	/* t is gone */
	n = js_getlength(J, -1);
	js_getindex(J, -1, 0);
	js_pushundefined(J);
	for (i = 1; i < n; i++)
		js_getindex(J, -2 - i, i);
	if (js_pcall(J, n - 1))
		vu_loop_throw(vu);	/* ends the iteration, as in k6 */
	else
		js_pop(J, 1);
	js_pop(J, 2);
	/* A finished setTimeout leaves the registry. */
	if (!interval) {
		js_getregistry(J, "ly.timers");
		js_delproperty(J, -1, key);
		js_pop(J, 1);
	}
}

/* The due timer that fell due first (then the first made), run; 1, or 0
 * when none is due.  One at a time: each may change the list, and the
 * loop runs the Promise jobs after each, as JavaScript does after every
 * task. */
static int
timers_run_ready(struct vu *vu)
{
	struct timers *ts = vu_module_data(vu, &timers_engine_module);
	struct timer *t, *first = NULL;

	if (ts == NULL)
		return 0;
	for (t = ts->head; t != NULL; t = t->next)
		if (t->due && (first == NULL || t->at < first->at ||
		    (t->at == first->at && t->id < first->id)))
			first = t;
	if (first == NULL)
		return 0;
	run_timer(vu, first);
	return 1;
}

static int
timers_pending(struct vu *vu)
{
	struct timers *ts = vu_module_data(vu, &timers_engine_module);
	struct timer *t;
	int n = 0;

	for (t = ts != NULL ? ts->head : NULL; t != NULL; t = t->next)
		n++;
	return n;
}

static void
timers_cancel(struct vu *vu)
{
	struct timers *ts = vu_module_data(vu, &timers_engine_module);
	struct timer *t;

	if (ts == NULL)
		return;
	while ((t = ts->head) != NULL) {
		ts->head = t->next;
		timer_free(t);
	}
}

static void
timers_vu_free(struct vu *vu)
{
	timers_cancel(vu);
	free(vu_module_data(vu, &timers_engine_module));
	vu_module_set(vu, &timers_engine_module, NULL);
}

const struct engine_module timers_engine_module = {
	.name = "k6/timers",
	.run_ready = timers_run_ready,
	.pending = timers_pending,
	.iteration_end = timers_cancel,
	.interrupt = timers_cancel,
	.vu_free = timers_vu_free,
};

/* The four functions, on the object on top of the stack. */
static void
set_timers(js_State *J)
{
	/* k6's names; the lengths are 2 where k6's are 3, as the engine
	 * would give the callback undefined for a missing third argument */
#define T	"go.k6.io/k6/internal/js/tc55/timers.(*timers)."
	modules_setgofn(J, js_set_timeout, "setTimeout", T "setTimeout-fm", 2);
	modules_setgofn(J, js_set_interval, "setInterval", T "setInterval-fm", 2);
	modules_setgofn(J, js_clear, "clearTimeout", T "clearTimeout-fm", 1);
	modules_setgofn(J, js_clear, "clearInterval", T "clearInterval-fm", 1);
#undef T
}

/* k6/timers exports the global functions themselves, as k6 does. */
void
timers_module_open(js_State *J)
{
	static const char *const names[] = {
		"setTimeout", "setInterval", "clearTimeout", "clearInterval",
	};
	size_t i;

	js_newobject(J);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		js_getglobal(J, names[i]);
		js_setproperty(J, -2, names[i]);
	}
}

void
timers_define(js_State *J)
{
	js_pushglobal(J);
	set_timers(J);
	js_pop(J, 1);
}
