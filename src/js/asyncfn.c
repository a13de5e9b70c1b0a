/* The driver of the compiled async functions (src/compile/helpers.js).
 *
 * An async function's body is lowered to a state machine f(c) over a
 * context c (an array object of __ly.$X's prototype, see helpers.js and
 * asyncfn_as), the body itself being c[CX_F]: each call
 * runs it to its next await, which it returns, or to its end.  Driving it
 * is the same few steps for every await, and in JavaScript each cost
 * mujs a function with a try: its variables in an object made at every
 * call.  Here:
 *
 *   rt.as(f, t)     the call of an async function: its context, its
 *                   promise (c[CX_PR]), its first step; returns the
 *                   promise;
 *   asyncfn_run     resume a context with a value (m 0) or a reason
 *                   (m 1), as the drain (js/promise.c) does when an
 *                   await settles.
 *
 * Each step runs the body until it awaits or ends, then hands the value
 * to the Promise core (js/promise.c): promise_await queues the next step
 * once the awaited value settles, or c.pr is resolved or rejected.
 * A step never throws.  It returns to its caller between steps, so async
 * recursion nests one C frame per level, as the JavaScript step did.
 *
 * What a step needs of the bundle's helpers (__ly.$C and __ly.$X's
 * prototype) is found once per state, on the first call, and kept with
 * the Promise core's (struct promise), by address: quicker to push than
 * a property to look up.
 *
 * A context whose body has ended is used again by a later call (see
 * reuse): nothing holds it then but its caller's stack, for the body
 * and the Promise core hand it to nobody else (the jobs and reactions
 * that name it are spent once it runs), and making one cost an object,
 * its block of values and the node of its state n.
 */
#include "config.h"

#include <mujs.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "js/asyncfn.h"
#include "js/errmsg.h"
#include "js/error.h"
#include "js/mujs-layout.h"
#include "js/promise.h"

void	js_pushobject(js_State *, void *);

/* The async context's elements (asyncfn_as). */
#define CX_F	0	/* its body */
#define CX_PR	1	/* its promise */
#define CX_N	2

/* Contexts kept for use again, at most (a burst of calls that end
 * together, as Promise.all over many, keeps no more). */
#define POOL_MAX	16

/* Whether the object at idx has an own property name. */
static int
own(js_State *J, int idx, const char *name)
{
	struct mj_object *o = mj_object_at(J, idx);

	if (o == NULL)
		o = js_toobject(J, idx);
	return mj_lookup(o->properties, name) != NULL;
}

/* The value at idx of the stack, where mujs keeps it. */
static struct mj_value *
at(js_State *J, int idx)
{
	struct mj_state *S = (struct mj_state *)J;

	return &S->stack[idx < 0 ? S->top + idx : S->bot + idx];
}

/* The block of values of the array o when it is simple and has n
 * elements, else NULL. */
static struct mj_value *
block(struct mj_object *o, int n)
{
	if (o->type != MJ_CARRAY || !o->u.a.simple || o->u.a.length != n)
		return NULL;
	return o->u.a.array;
}

/* Push element i of the context at c (js_getindex, read in place). */
static void
element(js_State *J, int c, int i)
{
	struct mj_object *o = mj_object_at(J, c);
	struct mj_value *v = o != NULL ? block(o, CX_N) : NULL;

	if (v == NULL) {
		js_getindex(J, c, i);
		return;
	}
	js_pushundefined(J);
	*at(J, -1) = v[i];
}

/* Whether the object at 0, this, is the async context whose body
 * asyncfn_run runs. */
static int
running(js_State *J, struct promise *P)
{
	return mj_object_at(J, 0) == P->run && P->run != NULL;
}

/* c.stop(), where the body ends (helpers.js has the same in JavaScript,
 * for the generators made before the first async call): done, then the
 * exception a finally left pending (c.re, [e]) or the value returned.
 * The async context whose body asyncfn_run runs is told done in P, not
 * by a property made on it: nothing reads it there once it returns.
 * Its re and rv are its own when a method of the prototype set them,
 * else the prototype's null and undefined, not looked up there. */
static void
stop(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);

	if (running(J, P) && !own(J, 0, "re")) {
		P->stopped = 1;
		if (own(J, 0, "rv"))
			js_getproperty(J, 0, "rv");
		else
			js_pushundefined(J);
		return;
	}
	js_getproperty(J, 0, "re");
	if (running(J, P) && js_isnull(J, -1)) {
		P->stopped = 1;
		js_getproperty(J, 0, "rv");
		return;
	}
	js_pushboolean(J, 1);
	js_setproperty(J, 0, "done");
	if (!js_isnull(J, -1)) {
		js_getindex(J, -1, 0);
		js_throw(J);
	}
	js_getproperty(J, 0, "rv");
}

/*
 * c.ab(to, v): a return (to -1) or a jump (to a state) through the
 * finally blocks on the way.  The compiled `return v` of an async body
 * is `return _$g.ab(-1, v)`; with no try in the body (no own table t)
 * there is no finally to pass through, and the JavaScript method (kept
 * in P) would set rv, a and m on the context, three properties made,
 * to have asyncfn_run call it again and then the body's stop, which
 * gives v back.  Here that return ends the body at once, as stop does.
 * Anything else, a generator's context or a body with a try, goes to
 * the JavaScript method.
 */
static void
ab(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);

	if (running(J, P) && js_isnumber(J, 1) && js_tonumber(J, 1) == -1 &&
	    !own(J, 0, "t")) {
		P->stopped = 1;
		js_copy(J, 2);
		return;
	}
	js_pushobject(J, P->ab);
	js_copy(J, 0);
	js_copy(J, 1);
	js_copy(J, 2);
	js_call(J, 2);
}

/* Find __ly.$C and __ly.$X.prototype once per state, kept in roots; the
 * prototype's stop and ab become the C ones (ab's JavaScript kept in
 * roots for what the C one leaves to it), a call that costs mujs less.  The
 * pool of contexts to use again is made there too. */
static void
find(js_State *J, struct promise *P)
{
	js_pushobject(J, P->roots);
	js_newarray(J);
	P->cx = js_toobject(J, -1);
	js_setproperty(J, -2, "cx");
	js_getglobal(J, "__ly");
	js_getproperty(J, -1, "$C");
	P->C = js_toobject(J, -1);
	js_setproperty(J, -3, "C");
	js_getproperty(J, -1, "$X");
	js_getproperty(J, -1, "prototype");
	P->X = js_toobject(J, -1);
	js_getproperty(J, -1, "ab");
	P->ab = js_toobject(J, -1);
	js_setproperty(J, -5, "ab");
	promise_define(J, P, stop, "stop", 0);
	promise_define(J, P, ab, "ab", 2);
	js_setproperty(J, -4, "X");
	js_pop(J, 3);
}

/* c.name(a...) for a method of the context, n arguments on the stack. */
static void
method(js_State *J, int c, const char *name, int n)
{
	js_getproperty(J, c, name);
	js_copy(J, c);
	js_rot(J, n + 2);
	js_rot(J, n + 2);
	js_call(J, n);
	js_pop(J, 1);
}

/*
 * Keep the context at c, whose body has ended, for a later call: when
 * its properties are only what a body without a try makes (none, or n
 * alone), its body and promise are cleared and n set back to 0, so that
 * it is as asyncfn_as makes one.  A context that ran a try, a catch or a
 * return through a finally has more (t, r, m, re...) and is left to
 * the collector.
 */
static void
reuse(js_State *J, struct promise *P, int c)
{
	static const struct mj_value undef = { .type = MJ_TUNDEFINED };
	struct mj_object *o = js_toobject(J, c), *pool = P->cx;
	struct mj_property *n = o->properties;
	struct mj_value *v = block(o, CX_N);
	int len = pool->u.a.length;

	if (v == NULL || o->prototype != P->X || len >= POOL_MAX ||
	    !pool->u.a.simple)
		return;
	if (n->level != 0) {
		if (n->left->level != 0 || n->right->level != 0 ||
		    strcmp(n->name, "n") != 0 || n->getter != NULL ||
		    n->setter != NULL)
			return;
		n->value.type = MJ_TNUMBER;
		n->value.u.number = 0;
	}
	v[CX_F] = undef;
	v[CX_PR] = undef;
	if (len < pool->u.a.capacity) {
		((struct mj_value *)pool->u.a.array)[len] = *at(J, c);
		pool->u.a.length = len + 1;
	} else {
		js_pushobject(J, pool);
		js_copy(J, c);
		js_setindex(J, -2, len);
		js_pop(J, 1);
	}
}

/*
 * Resume the context at c with the mode and value at m and a, as
 * helpers.js's $gx resumes a generator: the body runs until it returns
 * something other than $C, then it runs again as the context's methods
 * left c.m and c.a (exc on entering a catch, cm on a return through a
 * finally).  $gx writes both before every run, two properties made on
 * every context; here the mode and value are kept on the C side, and
 * c.m is set to -1 before each run once a method made it, so that what
 * a method sets during the run shows.
 */
void
asyncfn_run(js_State *J, struct promise *P, int c, int m, int a)
{
	volatile int mode = js_tointeger(J, m);
	void *run = P->run;
	int v, top = js_gettop(J), done = 0, stopped = P->stopped;

	js_copy(J, a);		/* top: what the step resumes with */
	for (;;) {
		if (own(J, c, "m")) {
			js_pushnumber(J, -1);
			js_setproperty(J, c, "m");
		}
		if (mode != 0) {
			/* a try only here: one per level of async recursion
			 * while the body runs, of mujs's 64 */
			if (js_try(J)) {
				/* out of the body: the promise rejected */
				v = js_gettop(J) - 1;
				element(J, c, CX_PR);
				promise_settle(J, P, v + 1, 2, v);
				js_pop(J, js_gettop(J) - top);
				return;
			}
			if (mode == 1) {
				js_copy(J, -1);
				method(J, c, "exc", 1);
				/*
				 * No catch or finally left: the body would
				 * only run stop, which throws the exception
				 * (c.re) and so rejects the promise.  Done
				 * here, for a body at the end of mujs's
				 * call stack cannot call stop, and each
				 * "call stack overflow" of that call would
				 * come back here.
				 */
				js_getproperty(J, c, "n");
				if (js_tointeger(J, -1) == -1) {
					js_pushboolean(J, 1);
					js_setproperty(J, c, "done");
					js_pop(J, 1);
					js_copy(J, -1);
					js_throw(J);
				}
				js_pop(J, 1);
			} else {
				js_pushnumber(J, -1);
				js_copy(J, -2);
				method(J, c, "ab", 2);
			}
			js_endtry(J);
		}
		P->run = js_toobject(J, c);
		P->stopped = 0;
		if (js_try(J)) {
			/* the body threw: to its catch or finally, or out */
			P->run = run;
			P->stopped = stopped;
			js_replace(J, -2);
			mode = 1;
			continue;
		}
		element(J, c, CX_F);
		js_copy(J, c);
		js_copy(J, c);
		/* the value sent in, the body's _$s: what an await gave */
		if (mode == 0)
			js_copy(J, -4);
		else
			js_pushundefined(J);
		js_call(J, 2);
		js_endtry(J);
		done = P->stopped;
		P->run = run;
		P->stopped = stopped;
		if (mj_object_at(J, -1) != P->C)
			break;
		/* run again, as a method of the context left it */
		js_pop(J, 1);
		js_getproperty(J, c, "m");
		if (own(J, c, "m") && js_tointeger(J, -1) != -1) {
			mode = js_tointeger(J, -1);
			js_pop(J, 2);
			js_getproperty(J, c, "a");
		} else
			js_pop(J, 1);
	}
	v = js_gettop(J) - 1;
	/* done is the prototype's false unless a stop made it on c */
	if (!done && own(J, c, "done")) {
		js_getproperty(J, c, "done");
		done = js_toboolean(J, -1);
		js_pop(J, 1);
	}
	if (done) {
		element(J, c, CX_PR);
		/* a value that is no object is no thenable either */
		if (mj_object_at(J, v) != NULL)
			promise_resolve(J, P, v + 1, v);
		else
			promise_settle(J, P, v + 1, 1, v);
		reuse(J, P, c);
	} else
		promise_await(J, P, v, c);
	js_pop(J, js_gettop(J) - top);
}

/* rt.as(f, t): the context's prototype is __ly.$X's, f its body, t the
 * table of its try statements when it has any, with c.r for their
 * completions.  The context is an array object: its body and promise
 * are its elements CX_F and CX_PR, in the array's one block of values,
 * where two properties would be two nodes of its tree, each allocated
 * and inserted by strcmp.  Only asyncfn_run reads them; the body and the
 * prototype's methods see the context's named properties alone. */
static void
asyncfn_as(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);

	struct mj_object *pool;
	struct mj_value *v;

	if (P->C == NULL)
		find(J, P);
	pool = P->cx;
	if (!js_toboolean(J, 2) && pool->u.a.simple && pool->u.a.length > 0) {
		/* 3: a context used before (reuse) */
		v = (struct mj_value *)pool->u.a.array + --pool->u.a.length;
		js_pushundefined(J);
		*at(J, 3) = *v;
		v->type = MJ_TUNDEFINED;
		promise_new(J, P);	/* 4: the promise */
		v = block(js_toobject(J, 3), CX_N);
		v[CX_F] = *at(J, 1);
		v[CX_PR] = *at(J, 4);
	} else {
		js_newarray(J);			/* 3: the context */
		((struct mj_object *)js_toobject(J, 3))->prototype = P->X;
		js_copy(J, 1);
		js_setindex(J, 3, CX_F);
		if (js_toboolean(J, 2)) {
			js_copy(J, 2);
			js_setproperty(J, 3, "t");
			js_newarray(J);
			js_setproperty(J, 3, "r");
		}
		promise_new(J, P);		/* 4: the promise */
		js_copy(J, 4);
		js_setindex(J, 3, CX_PR);
	}
	js_pushnumber(J, 0);		/* 5 */
	js_pushundefined(J);		/* 6 */
	asyncfn_run(J, P, 3, 5, 6);
	js_pop(J, 2);
}

/*
 * An error made while the body of an async function that the drain
 * resumed runs (or what it calls) has, in k6's engine, the frames of the
 * async functions awaiting it below the running ones: the function
 * whose await is the only reaction to its promise, at that await, then
 * the one awaiting that one's promise, and so on.  Here they go at the
 * end of the error's frames (at e, js/error.h), in mujs's words.  Only
 * errors pay for it.
 */
#define TRACE_MAX	64	/* frames, as mujs's call stack */
#define DRAIN		"\n\tat drain (native)"

void
asyncfn_trace(js_State *J, int e)
{
	struct promise *P = promise_get(J);
	struct mj_object *c, *f;
	struct mj_property *n;
	const struct mj_function *F;
	struct mj_value *v;
	char buf[256];
	int i, line;

	if (P == NULL || P->resumed == NULL || !js_isobject(J, e))
		return;
	js_getproperty(J, e, ERROR_FRAMES);
	if (!js_isstring(J, -1)) {
		js_pop(J, 1);
		js_pushliteral(J, "");
	} else {
		/* the drain's own frame, at the bottom, is k6's job queue,
		 * which shows none: the awaiting frames take its place */
		const char *t = js_tostring(J, -1);
		size_t len = strlen(t), dn = sizeof DRAIN - 1;

		if (len >= dn && strcmp(t + len - dn, DRAIN) == 0) {
			js_pushlstring(J, t, len - dn);
			js_rot2pop1(J);
		}
	}
	for (c = P->resumed, i = 0; i < TRACE_MAX; i++) {
		if ((v = block(c, CX_N)) == NULL || v[CX_PR].type != MJ_TOBJECT ||
		    (c = promise_awaiter(P, v[CX_PR].u.ptr)) == NULL ||
		    (v = block(c, CX_N)) == NULL || v[CX_F].type != MJ_TOBJECT)
			break;
		f = v[CX_F].u.ptr;
		if (f->type != MJ_CFUNCTION || (F = f->u.f.function) == NULL)
			break;
		n = mj_lookup(c->properties, "n");
		line = n != NULL && n->value.type == MJ_TNUMBER ?
		    errmsg_await_line(F, (int)n->value.u.number) : 0;
		if (line == 0)
			line = F->line;
		if (F->name != NULL && F->name[0] != '\0')
			snprintf(buf, sizeof buf, "\n\tat %s (%s:%d)", F->name,
			    F->filename, line);
		else
			snprintf(buf, sizeof buf, "\n\tat %s:%d", F->filename,
			    line);
		js_pushstring(J, buf);
		js_concat(J);
	}
	if (i == 0) {
		js_pop(J, 1);
		return;
	}
	if (js_hasproperty(J, e < 0 ? e - 1 : e, ERROR_FRAMES)) {
		js_pop(J, 1);
		js_setproperty(J, e < 0 ? e - 1 : e, ERROR_FRAMES);
	} else
		js_defproperty(J, e < 0 ? e - 1 : e, ERROR_FRAMES, JS_DONTENUM);
}

void
asyncfn_install(js_State *J, struct promise *P)
{
	promise_define(J, P, asyncfn_as, "as", 2);
}
