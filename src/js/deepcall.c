/* Calls nested deeper than mujs's fixed stacks, and than the C stack.
 *
 * Why: mujs 1.3.2 as Debian builds it embeds its stacks in js_State,
 * checked against the index of their top: 256 values (JS_STACKSIZE),
 * 128 environments and as many frames of the stack trace (JS_ENVLIMIT),
 * 64 tries (JS_TRYLIMIT).  JavaScript recursion stopped at about 125
 * calls ("call stack overflow"), where k6 goes thousands deep.  The
 * limits are on the indices, not on memory: js_call, which every call
 * goes through (libmujs calls it through its PLT), takes the place of
 * mujs's and, once a top passes its mark, runs the call in a window:
 * - the values: J->stack moved to where the called function's slot is,
 *   so the callee sees an almost empty stack.  The windows lie one after
 *   the other in chunks of DEEP_CHUNK values (the state's own stack
 *   never moves: mujs keeps pointers into it across calls); a window
 *   that starts a chunk starts with a copy of the function, its this and
 *   its arguments;
 * - the environments: envstack's entries moved out, envtop 0;
 * - the frames of the stack trace: those above the TRACE_KEEP outermost
 *   moved out, so an error's stack names the frames nearest the throw
 *   and the outermost ones, not those between;
 * - the tries: trybuf's entries moved out, trytop 0.
 * Returning closes the window: everything goes back where it was.
 *
 * Tries nest past JS_TRYLIMIT without a call too (65 try statements in
 * one function, which the compiler keeps as they are in a module's code
 * or the Function constructor's): js_savetry and js_savetrypc, which
 * every try goes through (mujs's OP_TRY and its js_pcall), take the
 * place of mujs's and, at TRY_SPILL_AT, move the TRY_SPILL outermost
 * entries out ("spill"), on top of the windows' tries; js_endtry and
 * js_throw bring them back once trytop is 0.  Entries moved out, by
 * windows or spills, sit below trybuf's: a try's depth is ntries +
 * trytop, which no move changes, and a window's trybase is one.
 *
 * What has to follow a window:
 * - js_throw: a try saved before a window was opened holds depths of the
 *   stacks outside it, so the windows opened since are closed (which
 *   brings the tries they moved back) before mujs's js_throw resets the
 *   depths to the try's;
 * - js_gc marks the values from J->stack to its top and envstack's
 *   entries only: it is shown the rest as objects of its own kind that
 *   hold them (an array of each outer window's values, a function of
 *   each moved environment), chained by their prototypes and reached
 *   from one more environment on envstack while it runs;
 * - js_freestate frees J->stack: deepcall_free gives it the state's own.
 *
 * The C stack: each JavaScript call level takes about 400 bytes of it.
 * A call that finds less than STACK_RESERVE left on a VU's own stack
 * (256 KiB) goes on on a stack lent for it (engine/coro.c, 8 MiB); one
 * that finds less left on the lent stack, or on a thread's own, throws
 * RangeError "Maximum call stack size exceeded", as browsers and node
 * do, well before the guard page.  What throws on the lent stack is
 * caught there and thrown again on the VU's: a longjmp never crosses
 * stacks.
 *
 * A state that never calls deeper than the marks pays four comparisons
 * per call. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/coro.h"
#include "js/deepcall.h"
#include "js/mujs-layout.h"
#include "util/xmalloc.h"

void	*js_realloc(js_State *, void *, int);

#define DEEP_FROM	128	/* a call from a value top this high moves them */
#define DEEP_CHUNK	4096	/* values in a chunk of windows */
#define TRACE_FROM	100	/* a call this many frames deep moves them */
#define TRACE_KEEP	16	/* the outermost frames, which stay */
#define TRY_FROM	48	/* a call inside this many tries moves them */
/* A try saved at this depth spills: below JS_TRYLIMIT, where mujs's
 * js_pcall refuses without a try of its own. */
#define TRY_SPILL_AT	56
#define TRY_SPILL	32	/* entries a spill moves out */
/* C stack below a call for what runs before the next one is checked:
 * mujs's own frames, a C function's (JSON of a 256-value stack deep,
 * PCRE2's JIT takes 32 KiB), the error thrown at the limit. */
#define STACK_RESERVE	(96 * 1024)

struct window {
	struct mj_value	*outer;		/* the outer window's values, NULL: not moved */
	int		 top, bot;	/* the outer window's, when this one opened */
	int		 chunk;		/* where the outer window's values are, -1: own */
	int		 envs, frames, tries;	/* entries moved out */
	int		 trybase;	/* ntries + trytop once open */
	int		 spills;	/* spills made while innermost */
};

struct deep {
	js_State		*J;
	struct mj_value		*own;		/* the state's own stack */
	struct mj_value		**chunks;
	int			 nchunks;
	int			 chunk;		/* the values' chunk now, -1: own */
	struct window		*win;
	int			 nwin, capwin;
	void			**envs;		/* moved environments */
	int			 nenvs, capenvs;
	struct mj_trace		*frames;	/* moved frames */
	int			 nframes, capframes;
	struct mj_jumpbuf	*tries;		/* moved tries */
	int			 ntries, captries;
	int			 spills;	/* spills made outside windows */
	struct mj_object	*fakes;		/* js_gc's view */
	int			 capfakes;
};

/* The states with windows' arrays, by address (open addressing). */
static struct deep **deeps;
static size_t ndeeps, capdeeps;
static int windows_open;	/* over all states: 0 skips every lookup */
static int spills_open;		/* the same, for spills */

static void (*mujs_call)(js_State *, int);
static void (*mujs_throw)(js_State *) JS_NORETURN;
static void (*mujs_gc)(js_State *, int);
static void *(*mujs_savetry)(js_State *);
static void *(*mujs_savetrypc)(js_State *, void *);
static void (*mujs_endtry)(js_State *);

/* An empty property tree: its sentinel (level 0). */
static struct mj_property no_properties;


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
	mujs_savetry = mujs_fn("js_savetry");
	mujs_savetrypc = mujs_fn("js_savetrypc");
	mujs_endtry = mujs_fn("js_endtry");
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
	struct deep *d = deep_find(J);

	if (d != NULL)
		return d;
	d = xcalloc(1, sizeof *d);
	d->J = J;
	d->own = ((struct mj_state *)J)->stack;
	d->chunk = -1;
	deep_insert(d);
	return d;
}

/* Room in *p (of *cap elements of size) for want: mujs's allocator, so
 * that the VU's memory counts it; it throws "out of memory". */
static void
grow(js_State *J, void *p, int *cap, int want, size_t size)
{
	int n = *cap;

	if (want <= n)
		return;
	while (n < want)
		n = n ? n * 2 : 64;
	*(void **)p = js_realloc(J, *(void **)p, (int)((size_t)n * size));
	*cap = n;
}

/* The chunk of values c, made if it is not yet. */
static struct mj_value *
chunk_get(js_State *J, struct deep *d, int c)
{
	if (c == d->nchunks) {
		int cap = d->nchunks;

		grow(J, &d->chunks, &cap, c + 1, sizeof *d->chunks);
		d->chunks[c] = js_malloc(J, (int)(DEEP_CHUNK * sizeof **d->chunks));
		d->nchunks++;
	}
	return d->chunks[c];
}

/* Open a window for the call of the function n arguments below the top:
 * each stack whose top passed its mark moves out of the way. */
static void
open_window(struct mj_state *s, struct deep *d, int n)
{
	js_State *J = (js_State *)s;
	struct window *w;
	int fn = s->top - n - 2, moved;

	grow(J, &d->win, &d->capwin, d->nwin + 1, sizeof *d->win);
	if (s->tracetop >= TRACE_FROM) {
		grow(J, &d->envs, &d->capenvs, d->nenvs + s->envtop, sizeof *d->envs);
		grow(J, &d->frames, &d->capframes,
		    d->nframes + s->tracetop - TRACE_KEEP, sizeof *d->frames);
	}
	if (s->trytop >= TRY_FROM)
		grow(J, &d->tries, &d->captries, d->ntries + s->trytop, sizeof *d->tries);
	w = &d->win[d->nwin];
	memset(w, 0, sizeof *w);
	w->chunk = d->chunk;
	if (s->top >= DEEP_FROM && fn >= 0) {
		struct mj_value *to;
		int c = d->chunk, at = 0;

		if (c >= 0)
			at = (int)(s->stack - d->chunks[c]) + fn;
		if (c < 0 || at + MJ_STACKSIZE > DEEP_CHUNK) {
			to = chunk_get(J, d, ++c);
			memcpy(to, s->stack + fn, (size_t)(n + 2) * sizeof *to);
		} else
			to = d->chunks[c] + at;
		w->outer = s->stack;
		/* The outer top without the call's values, which the result takes. */
		w->top = fn;
		w->bot = s->bot;
		s->stack = to;
		s->top = n + 2;
		s->bot = 0;
		d->chunk = c;
	}
	if (s->tracetop >= TRACE_FROM) {
		moved = s->envtop;
		memcpy(d->envs + d->nenvs, s->envstack, (size_t)moved * sizeof *d->envs);
		d->nenvs += moved;
		w->envs = moved;
		s->envtop = 0;
		moved = s->tracetop - TRACE_KEEP;
		memcpy(d->frames + d->nframes, &s->trace[TRACE_KEEP + 1],
		    (size_t)moved * sizeof *d->frames);
		d->nframes += moved;
		w->frames = moved;
		s->tracetop = TRACE_KEEP;
	}
	if (s->trytop >= TRY_FROM) {
		moved = s->trytop;
		memcpy(d->tries + d->ntries, s->trybuf, (size_t)moved * sizeof *d->tries);
		d->ntries += moved;
		w->tries = moved;
		s->trytop = 0;
	}
	w->trybase = d->ntries + s->trytop;
	d->nwin++;
	windows_open++;
}

/* The chunks and the arrays a deep recursion grew, back to mujs. */
static void
deep_shrink(struct mj_state *s, struct deep *d)
{
	js_State *J = (js_State *)s;
	int i;

	for (i = 0; i < d->nchunks; i++)
		js_free(J, d->chunks[i]);
	js_free(J, d->chunks);
	js_free(J, d->win);
	js_free(J, d->envs);
	js_free(J, d->frames);
	js_free(J, d->tries);
	js_free(J, d->fakes);
	d->chunks = NULL;
	d->win = NULL;
	d->envs = NULL;
	d->frames = NULL;
	d->tries = NULL;
	d->fakes = NULL;
	d->nchunks = d->capwin = d->capenvs = d->capframes = d->captries =
	    d->capfakes = 0;
}

/* Close the innermost window, leaving the value at its top (the result
 * of its call, or what is thrown) on the outer window's top. */
static void
close_window(struct mj_state *s, struct deep *d, int keep)
{
	struct window *w = &d->win[--d->nwin];

	if (w->outer != NULL) {
		struct mj_value v = s->stack[s->top - 1];

		s->stack = w->outer;
		s->top = w->top;
		s->bot = w->bot;
		d->chunk = w->chunk;
		if (keep)
			s->stack[s->top++] = v;
	}
	if (w->envs > 0 || w->frames > 0) {
		d->nenvs -= w->envs;
		memcpy(s->envstack, d->envs + d->nenvs, (size_t)w->envs * sizeof *d->envs);
		s->envtop = w->envs;
		d->nframes -= w->frames;
		memcpy(&s->trace[TRACE_KEEP + 1], d->frames + d->nframes,
		    (size_t)w->frames * sizeof *d->frames);
		s->tracetop = TRACE_KEEP + w->frames;
	}
	if (w->tries > 0) {
		d->ntries -= w->tries;
		memcpy(s->trybuf, d->tries + d->ntries, (size_t)w->tries * sizeof *d->tries);
		s->trytop = w->tries;
	}
	windows_open--;
	/* Back out of a recursion deeper than one chunk: its memory goes. */
	if (d->nwin == 0 && d->nchunks > 1 && d->ntries == 0)
		deep_shrink(s, d);
}

struct lent {
	js_State	*J;
	int		 n;
	int		 thrown;
};

/* On the lent stack: the call, and what it throws caught here. */
static void
lent_call(void *arg)
{
	struct lent *l = arg;

	if (js_try(l->J)) {
		l->thrown = 1;
		return;
	}
	mujs_call(l->J, l->n);
	js_endtry(l->J);
}

static int
stack_low(void)
{
	return coro_stack_low != 0 &&
	    (uintptr_t)__builtin_frame_address(0) < coro_stack_low + STACK_RESERVE;
}

/* Out of line, so that js_call's common path is four compares. */
static void __attribute__((noinline))
deep_call(js_State *J, int n)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;
	struct lent l = { J, n, 0 };
	int low = stack_low();

	if (n < 0 || s->top - n - 2 < 0) {
		mujs_call(J, n);	/* mujs says what is wrong */
		return;
	}
	d = deep_get(J);
	open_window(s, d, n);
	if (!low) {
		mujs_call(J, n);
		close_window(s, d, 1);
		return;
	}
	if (coro_call_stack(lent_call, &l) != 0) {
		close_window(s, d, 0);
		js_rangeerror(J, "Maximum call stack size exceeded");
	}
	if (l.thrown)
		js_throw(J);
	close_window(s, d, 1);
}

void
js_call(js_State *J, int n)
{
	const struct mj_state *s = (const struct mj_state *)J;

	if (s->top < DEEP_FROM && s->tracetop < TRACE_FROM && s->trytop < TRY_FROM &&
	    (uintptr_t)__builtin_frame_address(0) > coro_stack_low + STACK_RESERVE)
		mujs_call(J, n);
	else
		deep_call(J, n);
}

/* The spills of the innermost window, or made outside every window. */
static int *
spills_of(struct deep *d)
{
	return d->nwin > 0 ? &d->win[d->nwin - 1].spills : &d->spills;
}

static int
spilled(struct deep *d)
{
	return *spills_of(d);
}

/* The TRY_SPILL outermost entries of trybuf out, the others down. */
static void
spill(struct mj_state *s)
{
	js_State *J = (js_State *)s;
	struct deep *d = deep_get(J);

	grow(J, &d->tries, &d->captries, d->ntries + TRY_SPILL, sizeof *d->tries);
	memcpy(d->tries + d->ntries, s->trybuf, TRY_SPILL * sizeof *d->tries);
	d->ntries += TRY_SPILL;
	memmove(s->trybuf, s->trybuf + TRY_SPILL,
	    (size_t)(s->trytop - TRY_SPILL) * sizeof *s->trybuf);
	s->trytop -= TRY_SPILL;
	(*spills_of(d))++;
	spills_open++;
}

/* The last spill back into trybuf, which is empty. */
static void
unspill(struct mj_state *s, struct deep *d)
{
	d->ntries -= TRY_SPILL;
	memcpy(s->trybuf, d->tries + d->ntries, TRY_SPILL * sizeof *s->trybuf);
	s->trytop = TRY_SPILL;
	(*spills_of(d))--;
	spills_open--;
}

void *js_savetrypc(js_State *, void *);

void *
js_savetry(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;

	if (s->trytop >= TRY_SPILL_AT)
		spill(s);
	return mujs_savetry(J);
}

/* OP_TRY's; pc is mujs's js_Instruction *. */
void *
js_savetrypc(js_State *J, void *pc)
{
	struct mj_state *s = (struct mj_state *)J;

	if (s->trytop >= TRY_SPILL_AT)
		spill(s);
	return mujs_savetrypc(J, pc);
}

void
js_endtry(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;

	if (s->trytop == 0 && spills_open > 0 && (d = deep_find(J)) != NULL &&
	    spilled(d) > 0)
		unspill(s, d);
	mujs_endtry(J);
}

void
js_throw(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;

	/* The windows opened since the try it lands in was saved, and
	 * the tries spilled, back. */
	if ((windows_open > 0 || spills_open > 0) && (d = deep_find(J)) != NULL)
		for (;;) {
			if (s->trytop == 0 && spilled(d) > 0)
				unspill(s, d);
			else if (d->nwin > 0 &&
			    d->win[d->nwin - 1].trybase >= d->ntries + s->trytop)
				close_window(s, d, 1);
			else
				break;
		}
	mujs_throw(J);
	abort();	/* mujs's js_throw does not return */
}

void
js_gc(js_State *J, int report)
{
	struct mj_state *s = (struct mj_state *)J;
	struct mj_environment head = { NULL, NULL, NULL, 0 };
	struct mj_object *o;
	struct deep *d;
	int i, n;

	/* Paused (while a sort holds values), mujs's returns at once: it
	 * is called at every instruction then, and its view is not needed. */
	if (windows_open == 0 || s->gcpause || (d = deep_find(J)) == NULL ||
	    d->nwin == 0) {
		mujs_gc(J, report);
		return;
	}
	n = d->nwin + d->nenvs;
	if (n > d->capfakes) {
		/* Not js_realloc, which would throw out of the collector. */
		o = ((js_Alloc)s->alloc)(s->actx, d->fakes, (int)((size_t)n * sizeof *o));
		if (o == NULL)
			return;	/* no collection rather than a wrong one */
		d->fakes = o;
		d->capfakes = n;
	}
	n = 0;
	for (i = 0; i < d->nwin; i++) {
		if (d->win[i].outer == NULL)
			continue;
		o = &d->fakes[n++];
		memset(o, 0, sizeof *o);
		o->type = MJ_CARRAY;
		o->u.a.simple = 1;
		o->u.a.array = d->win[i].outer;
		o->u.a.length = d->win[i].top;
	}
	for (i = 0; i < d->nenvs; i++) {
		o = &d->fakes[n++];
		memset(o, 0, sizeof *o);
		o->type = MJ_CFUNCTION;
		o->u.f.scope = d->envs[i];
	}
	for (i = 0; i < n; i++) {
		d->fakes[i].properties = &no_properties;
		d->fakes[i].prototype = i + 1 < n ? &d->fakes[i + 1] : NULL;
	}
	if (n == 0) {
		mujs_gc(J, report);
		return;
	}
	/* envtop stays below MJ_ENVLIMIT - 1: a slot is free for the chain. */
	head.variables = &d->fakes[0];
	s->envstack[s->envtop++] = &head;
	mujs_gc(J, report);
	s->envtop--;
}

/* Before mujs frees a state (js/lazyprop.c's js_freestate): its own
 * stack back in J->stack, its windows' memory freed. */
void
deepcall_free(js_State *J)
{
	struct mj_state *s = (struct mj_state *)J;
	struct deep *d;
	int i;

	if (J == NULL || (d = deep_find(J)) == NULL)
		return;
	windows_open -= d->nwin;
	spills_open -= d->spills;
	for (i = 0; i < d->nwin; i++)
		spills_open -= d->win[i].spills;
	s->stack = d->own;
	deep_remove(d);
	deep_shrink(s, d);
	free(d);
}
