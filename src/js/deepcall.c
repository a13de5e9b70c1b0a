/* Calls nested deeper than mujs's value stack.
 *
 * Why: mujs 1.3.2 as Debian builds it has a value stack of 256 slots
 * (JS_STACKSIZE), checked against the index of its top, so JavaScript
 * recursion stopped at about 50 calls ("stack overflow") where k6 goes
 * thousands deep.  The limit is on the index, not on memory: js_call,
 * which every call goes through (libmujs calls it through its PLT),
 * takes the place of mujs's and, once the stack's top passes
 * DEEP_FROM, runs the call in a window: J->stack moved to where the
 * called function's slot is, so the callee sees an almost empty stack.
 * The windows lie one after the other in one array per state, made on
 * the first deep call (the state's own stack never moves: mujs keeps
 * pointers into it across calls); the first window starts with a copy
 * of the function, its this and its arguments.  Calls then nest until
 * mujs's other limit, 128 environments, about 2.5 times deeper.
 *
 * What has to follow a window:
 * - returning: the result goes back where the function was;
 * - js_throw: a try saved before a window was opened is outside it, so
 *   the windows opened since are closed before mujs's js_throw resets
 *   the top to the try's, which is an index into the try's window;
 * - js_gc marks the values from J->stack to its top only: it is shown
 *   the whole array (a copy of the state's own stack, then the windows);
 * - js_freestate frees J->stack: deepcall_free gives it the state's own.
 * A state that never calls deeper than DEEP_FROM pays one comparison
 * per call. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/deepcall.h"
#include "js/mujs-layout.h"
#include "util/xmalloc.h"

#define DEEP_FROM	128	/* a call from a top this high opens a window */
#define DEEP_SLOTS	4096	/* values in all of a state's windows */
#define DEEP_WINDOWS	MJ_ENVLIMIT

struct window {
	int	 from;		/* the outer window's offset in vals, -1: own stack */
	int	 top, bot;	/* the outer window's, when this one opened */
	int	 trytop;	/* tries saved before this window */
};

struct deep {
	js_State	*J;
	struct mj_value	*own;		/* the state's own stack */
	struct mj_value	*vals;		/* MJ_STACKSIZE for a copy of own, then windows */
	int		 nwin;
	struct window	 win[DEEP_WINDOWS];
};

/* The states with windows' arrays, by address (open addressing). */
static struct deep **deeps;
static size_t ndeeps, capdeeps;
static int windows_open;	/* over all states: 0 skips every lookup */

static void (*mujs_call)(js_State *, int);
static void (*mujs_throw)(js_State *) JS_NORETURN;
static void (*mujs_gc)(js_State *, int);


static void *
mujs_fn(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();	/* libmujs.so is linked: cannot happen */
	return f;
}

/* mujs's own functions, which those below call. */
static void __attribute__((constructor))
deepcall_init(void)
{
	mujs_call = mujs_fn("js_call");
	mujs_throw = mujs_fn("js_throw");
	mujs_gc = mujs_fn("js_gc");
}

static size_t
slot_of(const js_State *J, size_t cap)
{
	return ((uintptr_t)J >> 4) * 2654435761u & (cap - 1);
}

static struct deep *
deep_find(const js_State *J)
{
	size_t i;

	if (capdeeps == 0)
		return NULL;
	for (i = slot_of(J, capdeeps); deeps[i] != NULL; i = (i + 1) & (capdeeps - 1))
		if (deeps[i]->J == J)
			return deeps[i];
	return NULL;
}

static void
deep_insert(struct deep *d)
{
	size_t i;

	if ((ndeeps + 1) * 2 > capdeeps) {
		struct deep **old = deeps;
		size_t oldcap = capdeeps, j;

		capdeeps = capdeeps ? capdeeps * 2 : 16;
		deeps = xcalloc(capdeeps, sizeof *deeps);
		for (j = 0; j < oldcap; j++)
			if (old[j] != NULL) {
				for (i = slot_of(old[j]->J, capdeeps); deeps[i] != NULL;
				    i = (i + 1) & (capdeeps - 1))
					;
				deeps[i] = old[j];
			}
		free(old);
	}
	for (i = slot_of(d->J, capdeeps); deeps[i] != NULL; i = (i + 1) & (capdeeps - 1))
		;
	deeps[i] = d;
	ndeeps++;
}

/* Take d out, moving the entries after it that its slot displaced. */
static void
deep_remove(const struct deep *d)
{
	size_t i, j, k;

	for (i = slot_of(d->J, capdeeps); deeps[i] != d; i = (i + 1) & (capdeeps - 1))
		;
	deeps[i] = NULL;
	for (j = (i + 1) & (capdeeps - 1); deeps[j] != NULL; j = (j + 1) & (capdeeps - 1)) {
		k = slot_of(deeps[j]->J, capdeeps);
		if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
			deeps[i] = deeps[j];
			deeps[j] = NULL;
			i = j;
		}
	}
	ndeeps--;
}

static struct deep *
deep_get(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	js_Alloc alloc = (js_Alloc)s->alloc;
	struct deep *d = deep_find(J);

	if (d != NULL)
		return d;
	d = xcalloc(1, sizeof *d);
	d->vals = alloc(s->actx, NULL, (int)(DEEP_SLOTS * sizeof *d->vals));
	if (d->vals == NULL) {
		free(d);
		return NULL;
	}
	d->J = J;
	d->own = s->stack;
	deep_insert(d);
	return d;
}

/* Close the innermost window, leaving the value at its top (the result
 * of its call, or what is thrown) on the outer window's top. */
static void
close_window(struct mj_state *s, struct deep *d, int keep)
{
	struct window *w = &d->win[--d->nwin];
	struct mj_value v = s->stack[s->top - 1];

	s->stack = w->from < 0 ? d->own : d->vals + w->from;
	s->top = w->top;
	s->bot = w->bot;
	if (keep)
		s->stack[s->top++] = v;
	windows_open--;
}

/* Out of line, so that js_call's common path is a compare and a jump. */
static void __attribute__((noinline))
deep_call(js_State *J, int n)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d = n < 0 ? NULL : deep_get(J);
	struct window *w;
	int from, at, fn = s->top - n - 2;

	if (n < 0 || fn < 0 || d == NULL || d->nwin == DEEP_WINDOWS) {
		mujs_call(J, n);
		return;
	}
	from = s->stack == d->own ? -1 : (int)(s->stack - d->vals);
	at = from < 0 ? MJ_STACKSIZE : from + fn;
	if (at + MJ_STACKSIZE > DEEP_SLOTS) {
		mujs_call(J, n);	/* mujs says "stack overflow" */
		return;
	}
	w = &d->win[d->nwin++];
	windows_open++;
	w->from = from;
	w->bot = s->bot;
	w->trytop = s->trytop;
	/* The outer top without the call's values, which the result takes. */
	w->top = fn;
	if (from < 0)
		memcpy(d->vals + at, s->stack + fn, (size_t)(n + 2) * sizeof *s->stack);
	s->stack = d->vals + at;
	s->top = n + 2;
	s->bot = 0;
	mujs_call(J, n);
	close_window(s, d, 1);
}

void
js_call(js_State *J, int n)
{
	if (((struct mj_state *)J)->top < DEEP_FROM)
		mujs_call(J, n);
	else
		deep_call(J, n);
}

void
js_throw(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;

	if (windows_open > 0 && s->trytop > 0 && (d = deep_find(J)) != NULL)
		while (d->nwin > 0 && d->win[d->nwin - 1].trytop > s->trytop - 1)
			close_window(s, d, 1);
	mujs_throw(J);
	abort();	/* mujs's js_throw does not return */
}

void
js_gc(js_State *J, int report)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;
	struct mj_value *stack;
	int top, i;

	if (windows_open == 0 || (d = deep_find(J)) == NULL || d->nwin == 0) {
		mujs_gc(J, report);
		return;
	}
	/* The collector marks J->stack up to its top: show it the state's
	 * own stack (copied in front of the windows) and every window. */
	stack = s->stack;
	top = s->top;
	i = d->win[0].top;
	memcpy(d->vals, d->own, (size_t)i * sizeof *d->vals);
	/* Zeros are empty short strings, which hold nothing to mark. */
	memset(d->vals + i, 0, (size_t)(MJ_STACKSIZE - i) * sizeof *d->vals);
	s->stack = d->vals;
	s->top = (int)(stack - d->vals) + top;
	mujs_gc(J, report);
	s->stack = stack;
	s->top = top;
}

/* Before mujs frees a state (js/lazyprop.c's js_freestate): its own
 * stack back in J->stack, its windows' array freed. */
void
deepcall_free(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;

	if (J == NULL || (d = deep_find(J)) == NULL)
		return;
	windows_open -= d->nwin;
	s->stack = d->own;
	deep_remove(d);
	((js_Alloc)s->alloc)(s->actx, d->vals, 0);
	free(d);
}
