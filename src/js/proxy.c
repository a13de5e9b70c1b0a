/* Proxy, as far as mujs 1.3.2 can honour its traps; see proxy.h.
 *
 * A proxy of an object is a user-data object (tag "Proxy") whose hooks
 * mujs calls for every property it reads, writes or deletes: has (a
 * read), put and delete.  Its data is a holder object { t: target,
 * h: handler, p: the proxy } that the proxy keeps alive in a hidden
 * property of its own.  mujs reads a property and tests one (the `in`
 * operator) through the same hook, so a handler's has trap also runs
 * before each read of a property, and a read of a property the has trap
 * denies gives undefined.  Enumeration (for-in, Object.keys, JSON)
 * lists the ownKeys trap's names, or the target's (js/proporder.c asks
 * proxy_keys), and an own property's descriptor comes from the
 * getOwnPropertyDescriptor trap, or the target.  mujs would define a
 * property on a proxy through its put hook with no value to give it, so
 * Object.defineProperty (runtime group 2) defines it on the target.
 *
 * A proxy of a function is a C function that runs the apply and
 * construct traps, or calls the target; mujs gives a callable object no
 * property hooks, so its properties are its own.
 *
 * The traps mujs has no place for (getPrototypeOf, setPrototypeOf,
 * isExtensible, preventExtensions, defineProperty) are refused when the
 * proxy is made: "not supported yet: Proxy trap NAME".  A function
 * proxy's property traps (get, set, has, ...) do not run: it reads its
 * target's properties through its prototype. */
#include "config.h"

#include <mujs.h>
#include <stdint.h>
#include <string.h>

#include "js/mujs-layout.h"
#include "js/proxy.h"
#include "js/runtime.h"

/* mujs exports these without declaring them in mujs.h */
void	*js_toobject(js_State *, int);
void	 js_pushobject(js_State *, void *);
const char *js_intern(js_State *, const char *);

#define TAG	"Proxy"
#define HOLDER	"@@ly:px"

static int
internal(const char *name)
{
	return strncmp(name, "@@ly:", 5) == 0;
}

/* Push handler[trap] if it is a function (1), else nothing (0); the
 * holder is at the top of the stack. */
static int
push_trap(js_State *J, const char *trap)
{
	js_getproperty(J, -1, "h");
	js_getproperty(J, -1, trap);
	js_rot2pop1(J);
	if (js_iscallable(J, -1))
		return 1;
	if (!js_isundefined(J, -1) && !js_isnull(J, -1))
		js_typeerror(J, "proxy trap %s is not a function", trap);
	js_pop(J, 1);
	return 0;
}

/* Call the trap on top with this = handler and the target then name
 * (and n more values at the top, under the trap) as arguments; the holder
 * is under them all.  Leaves the result. */
static void
call_trap(js_State *J, const char *name, int n, int receiver)
{
	int i, holder = -(n + 2);

	/* stack: holder, v1..vn, trap */
	js_getproperty(J, holder, "h");
	js_getproperty(J, holder - 1, "t");
	js_pushstring(J, name);
	for (i = 0; i < n; i++)
		js_copy(J, -(n + 4));
	if (receiver)
		js_getproperty(J, holder - 3 - n, "p");
	js_call(J, 2 + n + receiver);
	/* stack: holder, v1..vn, result */
	for (i = 0; i < n; i++)
		js_rot2pop1(J);
}

static int
p_has(js_State *J, void *data, const char *name)
{
	int found = 1, trapped = 0;

	if (internal(name))
		return 0;
	js_pushobject(J, data);
	if (push_trap(J, "has")) {
		call_trap(J, name, 0, 0);
		found = trapped = js_toboolean(J, -1);
		js_pop(J, 1);
	}
	if (found && push_trap(J, "get")) {
		call_trap(J, name, 0, 1);
		js_rot2pop1(J);
		return 1;
	}
	if (!found) {
		js_pop(J, 1);
		return 0;
	}
	js_getproperty(J, -1, "t");
	js_rot2pop1(J);
	if (js_hasproperty(J, -1, name)) {
		js_rot2pop1(J);
		return 1;
	}
	/* the has trap said yes: `in` is true, a read gives undefined */
	if (trapped) {
		js_pop(J, 1);
		js_pushundefined(J);
		return 1;
	}
	js_pop(J, 1);
	return 0;
}

static int
p_put(js_State *J, void *data, const char *name)
{
	if (internal(name))
		return 0;
	/* value */
	js_pushobject(J, data);
	if (push_trap(J, "set")) {
		js_copy(J, -3);
		js_rot2(J);
		call_trap(J, name, 1, 1);
		js_pop(J, 2);
		return 1;
	}
	js_getproperty(J, -1, "t");
	js_copy(J, -3);
	js_setproperty(J, -2, name);
	js_pop(J, 2);
	return 1;
}

static int
p_delete(js_State *J, void *data, const char *name)
{
	if (internal(name))
		return 0;
	js_pushobject(J, data);
	if (push_trap(J, "deleteProperty")) {
		call_trap(J, name, 0, 0);
		js_pop(J, 2);
		return 1;
	}
	js_getproperty(J, -1, "t");
	js_delproperty(J, -1, name);
	js_pop(J, 2);
	return 1;
}

static void *
holder_of(js_State *J, void *proxy)
{
	struct mj_object *o = proxy;

	if (o->type != MJ_CUSERDATA || o->u.user.tag == NULL ||
	    strcmp(o->u.user.tag, TAG) != 0)
		return NULL;
	(void)J;
	return o->u.user.data;
}

int
proxy_keys(js_State *J, void *proxy)
{
	void *h = holder_of(J, proxy);

	if (h == NULL)
		return 0;
	js_pushobject(J, h);
	if (push_trap(J, "ownKeys")) {
		js_getproperty(J, -2, "h");
		js_getproperty(J, -3, "t");
		js_call(J, 1);
	} else {
		js_getglobal(J, "Object");
		js_getproperty(J, -1, "getOwnPropertyNames");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_getproperty(J, -3, "t");
		js_call(J, 1);
	}
	js_rot2pop1(J);
	return 1;
}

void *
proxy_holder(js_State *J, void *proxy)
{
	return holder_of(J, proxy);
}

int
proxy_own(js_State *J, void *proxy, const char *name, int *atts)
{
	void *h = holder_of(J, proxy);
	int found;

	if (h == NULL)
		return -1;
	js_pushobject(J, h);
	if (push_trap(J, "getOwnPropertyDescriptor"))
		call_trap(J, name, 0, 0);
	else {
		js_getglobal(J, "Object");
		js_getproperty(J, -1, "getOwnPropertyDescriptor");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_getproperty(J, -3, "t");
		js_pushstring(J, name);
		js_call(J, 2);
	}
	found = js_isobject(J, -1);
	*atts = 0;
	if (found) {
		js_getproperty(J, -1, "enumerable");
		*atts |= js_toboolean(J, -1) ? 0 : MJ_DONTENUM;
		js_pop(J, 1);
		js_getproperty(J, -1, "writable");
		*atts |= js_toboolean(J, -1) ? 0 : MJ_READONLY;
		js_pop(J, 1);
		js_getproperty(J, -1, "configurable");
		*atts |= js_toboolean(J, -1) ? 0 : MJ_DONTCONF;
		js_pop(J, 1);
		js_getproperty(J, -1, "value");
		js_rot3pop2(J);
		return 1;
	}
	js_pop(J, 2);
	return 0;
}

/* A function proxy: apply or construct, or the target. */
static void
p_call(js_State *J)
{
	int top = js_gettop(J), i;

	js_currentfunction(J);
	js_getproperty(J, -1, HOLDER);
	js_rot2pop1(J);
	if (push_trap(J, "apply")) {
		js_getproperty(J, -2, "h");
		js_getproperty(J, -3, "t");
		js_copy(J, 0);
		js_newarray(J);
		for (i = 1; i < top; i++) {
			js_copy(J, i);
			js_setindex(J, -2, i - 1);
		}
		js_call(J, 3);
		return;
	}
	js_getproperty(J, -1, "t");
	js_copy(J, 0);
	for (i = 1; i < top; i++)
		js_copy(J, i);
	js_call(J, top - 1);
}

static void
p_construct(js_State *J)
{
	int top = js_gettop(J), i;

	js_currentfunction(J);
	js_getproperty(J, -1, HOLDER);
	js_rot2pop1(J);
	if (push_trap(J, "construct")) {
		js_getproperty(J, -2, "h");
		js_getproperty(J, -3, "t");
		js_newarray(J);
		for (i = 1; i < top; i++) {
			js_copy(J, i);
			js_setindex(J, -2, i - 1);
		}
		js_getproperty(J, -5, "p");
		js_call(J, 3);
		if (!js_isobject(J, -1))
			js_typeerror(J, "proxy [[Construct]] must return an object");
		return;
	}
	js_getproperty(J, -1, "t");
	for (i = 1; i < top; i++)
		js_copy(J, i);
	js_construct(J, top - 1);
}

static void
refuse(js_State *J, const char *const *traps)
{
	for (; *traps != NULL; traps++) {
		js_getproperty(J, 2, *traps);
		if (!js_isundefined(J, -1))
			js_error(J, "not supported yet: Proxy trap %s", *traps);
		js_pop(J, 1);
	}
}

static void
proxy_new(js_State *J)
{
	static const char *const for_objects[] = { "getPrototypeOf",
	    "setPrototypeOf", "isExtensible", "preventExtensions",
	    "defineProperty", NULL };
	/* A function's property traps cannot run (mujs has no property
	 * hooks for callable objects); libraries such as chai set a get
	 * trap on functions only to report misspelt names, so such a
	 * proxy is made and reads its target's properties without them. */
	static const char *const for_functions[] = { "getPrototypeOf",
	    "setPrototypeOf", "isExtensible", "preventExtensions",
	    "defineProperty", NULL };
	int fn;

	if (!js_isobject(J, 1) || !js_isobject(J, 2))
		js_typeerror(J, "Cannot create proxy with a non-object as target "
		    "or handler");
	fn = js_iscallable(J, 1);
	refuse(J, fn ? for_functions : for_objects);
	js_newobject(J);		/* the holder */
	js_copy(J, 1);
	js_setproperty(J, -2, "t");
	js_copy(J, 2);
	js_setproperty(J, -2, "h");
	if (fn) {
		js_getproperty(J, 1, "prototype");
		js_newcconstructor(J, p_call, p_construct, "Proxy", 0);
		/* its properties are read through to the target's */
		((struct mj_object *)js_toobject(J, -1))->prototype =
		    js_toobject(J, 1);
	} else {
		/* The target's prototype, for instanceof and methods. */
		js_getglobal(J, "Object");
		js_getproperty(J, -1, "getPrototypeOf");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_copy(J, 1);
		js_call(J, 1);
		if (!js_isobject(J, -1)) {
			js_pop(J, 1);
			js_pushnull(J);
		}
		js_newuserdatax(J, TAG, js_toobject(J, -2), p_has, p_put,
		    p_delete, NULL);
	}
	js_copy(J, -2);
	js_defproperty(J, -2, HOLDER, JS_READONLY | JS_DONTENUM | JS_DONTCONF);
	js_copy(J, -1);
	js_setproperty(J, -3, "p");
}

/* Push the holder of the proxy that argument 1 is and return 1, or push
 * undefined and return 0 when it is no proxy. */
static int
push_arg_holder(js_State *J)
{
	void *h;

	if (!js_isobject(J, 1) || (h = holder_of(J, js_toobject(J, 1))) == NULL) {
		js_pushundefined(J);
		return 0;
	}
	js_pushobject(J, h);
	return 1;
}

/* rt.pt(o): a proxy's target, or undefined when o is not a proxy. */
static void
proxy_target(js_State *J)
{
	if (push_arg_holder(J))
		js_getproperty(J, -1, "t");
}

/* rt.pd(o, k): the descriptor of a proxy's own property k (from its
 * getOwnPropertyDescriptor trap, or its target), or undefined when o is
 * not a proxy; group 2's Object.getOwnPropertyDescriptor asks it. */
static void
proxy_desc(js_State *J)
{
	if (!push_arg_holder(J))
		return;
	if (push_trap(J, "getOwnPropertyDescriptor")) {
		call_trap(J, js_tostring(J, 2), 0, 0);
		return;
	}
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "getOwnPropertyDescriptor");
	js_rot2pop1(J);
	js_pushundefined(J);
	js_getproperty(J, -3, "t");
	js_copy(J, 2);
	js_call(J, 2);
}

static void
proxy_call(js_State *J)
{
	js_typeerror(J, "Constructor Proxy requires 'new'");
}

static void
revocable(js_State *J)
{
	js_error(J, "not supported yet: Proxy.revocable");
}

void
proxy_load(js_State *J)
{
	js_newobject(J);
	js_newcconstructor(J, proxy_call, proxy_new, "Proxy", 2);
	runtime_setfn(J, revocable, "revocable", 2);
	js_getregistry(J, "ly.rt");
	if (js_isobject(J, -1)) {
		js_newcfunction(J, proxy_desc, "pd", 2);
		js_setproperty(J, -2, "pd");
		js_newcfunction(J, proxy_target, "pt", 1);
		js_setproperty(J, -2, "pt");
	}
	js_pop(J, 1);
	runtime_publish(J, "Proxy");
}
