/* The driver of the compiled async functions (src/compile/helpers.js).
 *
 * An async function's body is lowered to a state machine f(c) over a
 * context c (an object of __ly.$X's prototype, see helpers.js): each call
 * runs it to its next await, which it returns, or to its end.  Driving it
 * is the same few steps for every await, and in JavaScript each cost
 * mujs a function with a try: its variables in an object made at every
 * call.  Here:
 *
 *   rt.as(f, t)     the call of an async function: its context, its
 *                   promise (c.pr), its first step; returns the promise;
 *   rt.step(c, m, a) resume c with a value (m 0) or a reason (m 1), as
 *                   the Promise group's drain does when an await settles.
 *
 * Each step runs the body until it awaits or ends, then hands the value
 * to the Promise group (groups/5-promise.js): rt.aw queues the next step
 * once the awaited value settles, rt.res, rt.ful or rt.rej settle c.pr.
 * A step never throws.  It returns to its caller between steps, so async
 * recursion nests one C frame per level, as the JavaScript step did.
 *
 * What a step needs (those four functions, __ly.$C and __ly.$X's
 * prototype) is found once per state, on the first call, and kept as
 * properties of rt.as, which keeps them alive, and by address in its
 * data, which is quicker to push than a property to look up.
 */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>

#include "js/asyncfn.h"
#include "js/mujs-layout.h"
#include "util/xmalloc.h"

void	js_pushobject(js_State *, void *);

struct asyncfn {
	void	*C;		/* __ly.$C: the body is to run again */
	void	*X;		/* __ly.$X.prototype: a context's */
	void	*np, *res, *ful, *rej, *aw;
};

static void
asyncfn_finalize(js_State *J, void *data)
{
	(void)J;
	free(data);
}

/* The object on top of the stack, kept as property name of the object
 * at h too; popped. */
static void *
keep(js_State *J, int h, const char *name)
{
	void *o = js_toobject(J, -1);

	js_setproperty(J, h, name);
	return o;
}

/* Fill d once, with rt.as at h. */
static void
find(js_State *J, struct asyncfn *d, int h)
{
	js_getglobal(J, "__ly");
	js_getproperty(J, -1, "$C");
	d->C = keep(J, h, "ly:C");
	js_getproperty(J, -1, "$X");
	js_getproperty(J, -1, "prototype");
	d->X = keep(J, h, "ly:X");
	js_pop(J, 2);
	js_getregistry(J, "ly.rt");
	js_getproperty(J, -1, "np");
	d->np = keep(J, h, "ly:np");
	js_getproperty(J, -1, "res");
	d->res = keep(J, h, "ly:res");
	js_getproperty(J, -1, "ful");
	d->ful = keep(J, h, "ly:ful");
	js_getproperty(J, -1, "rej");
	d->rej = keep(J, h, "ly:rej");
	js_getproperty(J, -1, "aw");
	d->aw = keep(J, h, "ly:aw");
	js_pop(J, 1);
}

/* fn(x, y) for one of the Promise group's functions, result dropped. */
static void
call2(js_State *J, void *fn, int x, int y)
{
	js_pushobject(J, fn);
	js_pushundefined(J);
	js_copy(J, x);
	js_copy(J, y);
	js_call(J, 2);
	js_pop(J, 1);
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
 * Resume the context at c (its promise's settling functions in d) with
 * the mode and value at m and a, as helpers.js's $gx resumes a
 * generator: the body runs until it returns something other than $C.
 * c.m and c.a are kept as there, for the context's methods (exc, ab,
 * cm) read and write them.
 */
static void
run(js_State *J, struct asyncfn *d, int c, int m, int a)
{
	volatile int mode = js_tointeger(J, m);
	int v, top = js_gettop(J);

	js_copy(J, m);
	js_setproperty(J, c, "m");
	js_copy(J, a);
	js_setproperty(J, c, "a");
	js_copy(J, a);		/* top: what the step resumes with */
	if (js_try(J)) {
		/* exc or ab threw: out of the body, the promise rejected */
		v = js_gettop(J) - 1;
		js_getproperty(J, c, "pr");
		call2(J, d->rej, v + 1, v);
		js_pop(J, js_gettop(J) - top);
		return;
	}
	for (;;) {
		if (mode == 0) {
			js_copy(J, -1);
			js_setproperty(J, c, "sent");
		} else if (mode == 1) {
			js_copy(J, -1);
			method(J, c, "exc", 1);
		} else {
			js_pushnumber(J, -1);
			js_copy(J, -2);
			method(J, c, "ab", 2);
		}
		if (js_try(J)) {
			/* the body threw: to its catch or finally, or out */
			js_replace(J, -2);
			js_pushnumber(J, 1);
			js_setproperty(J, c, "m");
			js_copy(J, -1);
			js_setproperty(J, c, "a");
			mode = 1;
			continue;
		}
		js_getproperty(J, c, "f");
		js_copy(J, c);
		js_copy(J, c);
		js_call(J, 1);
		js_endtry(J);
		if (!js_isobject(J, -1) || js_toobject(J, -1) != d->C)
			break;
		/* run again, as the context's methods left it */
		js_pop(J, 2);
		js_getproperty(J, c, "m");
		mode = js_tointeger(J, -1);
		js_pop(J, 1);
		js_getproperty(J, c, "a");
	}
	js_endtry(J);
	v = js_gettop(J) - 1;
	js_getproperty(J, c, "done");
	if (js_toboolean(J, -1)) {
		js_getproperty(J, c, "pr");
		/* a value that is no object is no thenable either */
		call2(J, js_isobject(J, v) ? d->res : d->ful, v + 2, v);
	} else
		call2(J, d->aw, v, c);
	js_pop(J, js_gettop(J) - top);
}

/* rt.step(c, m, a) */
static void
asyncfn_step(js_State *J)
{
	run(J, js_currentfunctiondata(J), 1, 2, 3);
	js_pushundefined(J);
}

/* rt.as(f, t): the context's prototype is __ly.$X's, f its body, t the
 * table of its try statements when it has any, with c.r for their
 * completions. */
static void
asyncfn_as(js_State *J)
{
	struct asyncfn *d = js_currentfunctiondata(J);

	if (d->C == NULL) {
		js_currentfunction(J);
		find(J, d, 3);
		js_pop(J, 1);
	}
	js_pushobject(J, d->X);
	js_newobjectx(J);		/* 3: the context */
	js_copy(J, 1);
	js_setproperty(J, 3, "f");
	if (js_toboolean(J, 2)) {
		js_copy(J, 2);
		js_setproperty(J, 3, "t");
		js_newarray(J);
		js_setproperty(J, 3, "r");
	}
	js_pushobject(J, d->np);
	js_pushundefined(J);
	js_call(J, 0);			/* 4: the promise */
	js_copy(J, 4);
	js_setproperty(J, 3, "pr");
	js_pushnumber(J, 0);		/* 5 */
	js_pushundefined(J);		/* 6 */
	run(J, d, 3, 5, 6);
	js_pop(J, 2);
}

void
asyncfn_install(js_State *J)
{
	struct asyncfn *d = xcalloc(1, sizeof *d);

	/* d goes with rt.as, which rt.step keeps */
	js_newcfunctionx(J, asyncfn_as, "as", 2, d, asyncfn_finalize);
	js_newcfunctionx(J, asyncfn_step, "step", 3, d, NULL);
	js_copy(J, -2);
	js_setproperty(J, -2, "ly:as");
	js_setproperty(J, -3, "step");
	js_setproperty(J, -2, "as");
}
