/* The core of the Promise group (groups/5-promise.js) in C: a promise's
 * making, settling and resolving, await, and the job queue's tail.
 *
 * Each is a few property reads and writes, which mujs runs several times
 * faster from C than as JavaScript (a call, its scope chain, a lookup of
 * each variable of the group in an object of forty).  The state stays
 * where the group keeps it (the hidden "@@ly:p" of a promise, the job
 * queue q and the unhandled rejections, arrays of the group's), so the
 * group's JavaScript (then, the combinators, the drain) works on it as
 * before; see the group for what each field means.
 *
 * Per state, struct promise is the data of every function here and of a
 * userdata object in the registry that holds every value it points to
 * (the group's arrays and functions) and frees it with the state.
 */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>

#include "js/asyncfn.h"
#include "js/mujs-layout.h"
#include "js/promise.h"
#include "util/xmalloc.h"

#define KEY	"@@ly:p"

/* A promise's state, the value of its hidden KEY: an array of ST_N
 * values, made with all of them (see pending) and read and written in
 * the array's one block of values, where an object's fields were nodes
 * of its property tree, each allocated and inserted by strcmp when made
 * and searched when read.  The group's JavaScript reads the same
 * elements by index (t[0] is ST_S). */
#define ST_S	0	/* 0 pending, 1 fulfilled, 2 rejected */
#define ST_V	1	/* its value or reason */
#define ST_R	2	/* while pending, its first reaction */
#define ST_RS	3	/* and an array of the others */
#define ST_H	4	/* true once it has a handler */
#define ST_N	5

void	js_pushobject(js_State *, void *);
void	*js_malloc(js_State *, int);

static const struct mj_value undef = { .type = MJ_TUNDEFINED };

/* The state promise_get last found its struct in, and the struct: a
 * lookup in the registry, among names that all begin "ly.", at every
 * turn of an event loop.  Forgotten when the struct is freed with its
 * state, so that no state made later at the same address finds it. */
static js_State *last_J;
static struct promise *last_P;
/* Structs alive in the process: none, and no state has one to look up
 * (a script without promises asks at every turn of its loop). */
static size_t nlive;

static void
promise_finalize(js_State *J, void *data)
{
	(void)J;
	nlive--;
	if (data == last_P) {
		last_J = NULL;
		last_P = NULL;
	}
	free(data);
}

/* The length of the array a of the group's (q, un), read where mujs
 * keeps it: js_getlength looks it up as a property, a call of mujs's
 * property path and a conversion of the number it pushes. */
static int
alen(void *a)
{
	return ((struct mj_object *)a)->u.a.length;
}

/* Push element i of the array at a (the object o, the job queue) and
 * clear its slot, that the job's values can be collected.  The queue is
 * a simple array (mujs keeps its values in one block: the group only
 * pushes onto it, and C sets its elements below its length and
 * shortens it), so the slot is read and written in place, where
 * js_getindex and js_setindex each cost a call through mujs's checks;
 * js_getindex and js_setindex should it be anything else. */
static void
take(js_State *J, void *o, int a, int i)
{
	struct mj_object *q = o;
	struct mj_state *S = (struct mj_state *)J;
	struct mj_value *slot;

	if (q->type != MJ_CARRAY || !q->u.a.simple || i >= q->u.a.length) {
		js_getindex(J, a, i);
		js_pushundefined(J);
		js_setindex(J, a, i);
		return;
	}
	slot = (struct mj_value *)q->u.a.array + i;
	js_pushundefined(J);
	S->stack[S->top - 1] = *slot;
	*slot = undef;
}

/* Append the three values on top of the stack to the job queue; popped. */
static void
qpush(js_State *J, struct promise *P)
{
	struct mj_object *q = P->q;
	struct mj_state *S = (struct mj_state *)J;
	int n = q->u.a.length;

	/* in place, as take reads them, while the block has room */
	if (q->type == MJ_CARRAY && q->u.a.simple &&
	    n + 3 <= q->u.a.capacity) {
		memcpy((struct mj_value *)q->u.a.array + n, S->stack + S->top - 3,
		    3 * sizeof *S->stack);
		q->u.a.length = n + 3;
		js_pop(J, 3);
		return;
	}
	js_pushobject(J, P->q);
	js_copy(J, -4);
	js_setindex(J, -2, n);
	js_copy(J, -3);
	js_setindex(J, -2, n + 1);
	js_copy(J, -2);
	js_setindex(J, -2, n + 2);
	js_pop(J, 4);
}

/* The value at idx of the stack, where mujs keeps it. */
static struct mj_value *
at(js_State *J, int idx)
{
	struct mj_state *S = (struct mj_state *)J;

	return &S->stack[idx < 0 ? S->top + idx : S->bot + idx];
}

/* Slot i of the state at t, or NULL when it is no longer the simple
 * array of ST_N values it was made (a script that reached for the hidden
 * key): then js_getindex and js_setindex do what they do on any object. */
static struct mj_value *
slot(js_State *J, int t, int i)
{
	struct mj_value *v = at(J, t);
	struct mj_object *o;

	if (v->type != MJ_TOBJECT)
		return NULL;
	o = v->u.ptr;
	if (o->type != MJ_CARRAY || !o->u.a.simple || o->u.a.length != ST_N)
		return NULL;
	return (struct mj_value *)o->u.a.array + i;
}

/* Push element i of the state at t. */
static void
st_get(js_State *J, int t, int i)
{
	struct mj_value *v = slot(J, t, i);

	if (v == NULL) {
		js_getindex(J, t, i);
		return;
	}
	js_pushundefined(J);
	*at(J, -1) = *v;
}

/* Set element i of the state at t to the value on top; popped. */
static void
st_set(js_State *J, int t, int i)
{
	struct mj_value *v = slot(J, t, i);

	if (v == NULL) {
		js_setindex(J, t, i);
		return;
	}
	*v = *at(J, -1);
	js_pop(J, 1);
}

/* The state at t's ST_S: 0 pending, 1 fulfilled, 2 rejected. */
static int
st_state(js_State *J, int t)
{
	struct mj_value *v = slot(J, t, ST_S);
	int s;

	if (v != NULL && v->type == MJ_TNUMBER)
		return (int)v->u.number;
	js_getindex(J, t, ST_S);
	s = js_tointeger(J, -1);
	js_pop(J, 1);
	return s;
}

/* Push the state of the promise at p (its hidden KEY), read from the
 * node of its tree when it holds it as made. */
static void
state(js_State *J, int p)
{
	struct mj_object *o = mj_object_at(J, p);
	struct mj_property *n = NULL;

	if (o != NULL)
		n = mj_lookup(o->properties, KEY);
	if (n == NULL || n->getter != NULL || n->setter != NULL ||
	    n->value.type != MJ_TOBJECT) {
		js_getproperty(J, p, KEY);
		return;
	}
	js_pushundefined(J);
	*at(J, -1) = n->value;
}

/* Push a new array of n values, undefined, made whole in one block;
 * its block. */
static struct mj_value *
newarr(js_State *J, int n)
{
	struct mj_object *t;
	struct mj_value *v;
	int i;

	js_newarray(J);
	t = js_toobject(J, -1);
	v = js_malloc(J, n * (int)sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = undef;
	t->u.a.array = v;
	t->u.a.capacity = n;
	t->u.a.length = n;
	return v;
}

/* Make the object on top of the stack a pending promise: its state is a
 * new array of ST_N values, ST_S 0 and the others undefined. */
static void
pending(js_State *J)
{
	struct mj_value *v = newarr(J, ST_N);

	v[ST_S].type = MJ_TNUMBER;
	v[ST_S].u.number = 0;
	js_defproperty(J, -2, KEY, JS_DONTENUM);
}

/* A new pending promise: the object is new, extensible and without a
 * property, so that its hidden KEY is made in its tree at once, where
 * js_defproperty (pending) goes through mujs's checks of attributes,
 * getters and setters and of the object's class. */
void
promise_new(js_State *J, struct promise *P)
{
	struct mj_property *k;
	struct mj_value *v;

	js_pushobject(J, P->proto);
	js_newobjectx(J);
	v = newarr(J, ST_N);
	v[ST_S].type = MJ_TNUMBER;
	v[ST_S].u.number = 0;
	k = jsV_setproperty(J, at(J, -2)->u.ptr, KEY);
	k->value = *at(J, -1);
	k->atts |= MJ_DONTENUM;
	js_pop(J, 1);
}

/* The object at idx, as js_toobject gives it, sooner when it is one. */
static struct mj_object *
obj(js_State *J, int idx)
{
	struct mj_object *o = mj_object_at(J, idx);

	return o != NULL ? o : js_toobject(J, idx);
}

/* Whether the reaction at x is an await's: the awaiting async context
 * itself (js/asyncfn.c makes them, of __ly.$X's prototype), where
 * then's are objects {f, j, c}. */
static int
awaits(js_State *J, struct promise *P, int x)
{
	return P->X != NULL &&
	    obj(J, x)->prototype == P->X;
}

/* A settled promise's reaction x, its state at t: an await's queues the
 * awaiting body's step, then_fn's (an array) then_react(x, t), another
 * (the group's then's, an object) the group's react(x, t). */
static void
reaction(js_State *J, struct promise *P, int x, int t, int s, int v)
{
	if (awaits(J, P, x)) {
		js_pushnumber(J, s == 1 ? 0 : 1);
		js_copy(J, x);
		js_copy(J, v);
	} else if (obj(J, x)->type == MJ_CARRAY) {
		js_pushobject(J, P->treact);
		js_copy(J, x);
		js_copy(J, t);
	} else {
		js_pushobject(J, P->react);
		js_copy(J, x);
		js_copy(J, t);
	}
	qpush(J, P);
}

void
promise_settle(js_State *J, struct promise *P, int p, int s, int v)
{
	int t = js_gettop(J), r = t + 1, rs = t + 2, n, j;
	struct mj_value *b;

	state(J, p);
	/* fulfilled with no reaction (an async call's promise that nothing
	 * awaits, as an iteration's): its state and value written in place */
	b = slot(J, t, 0);
	if (s == 1 && b != NULL && b[ST_S].type == MJ_TNUMBER &&
	    b[ST_S].u.number == 0 && b[ST_R].type != MJ_TOBJECT &&
	    b[ST_RS].type != MJ_TOBJECT) {
		b[ST_S].u.number = 1;
		b[ST_V] = *at(J, v);
		js_pop(J, 1);
		return;
	}
	if (st_state(J, t) != 0) {
		js_pop(J, 1);
		return;
	}
	js_pushnumber(J, s);
	st_set(J, t, ST_S);
	js_copy(J, v);
	st_set(J, t, ST_V);
	st_get(J, t, ST_R);
	st_get(J, t, ST_RS);
	if (mj_object_at(J, r) != NULL) {
		js_pushundefined(J);
		st_set(J, t, ST_R);
	}
	if (mj_object_at(J, rs) != NULL) {
		js_pushundefined(J);
		st_set(J, t, ST_RS);
	}
	if (s == 2) {
		st_get(J, t, ST_H);
		if (!js_toboolean(J, -1)) {
			js_pushobject(J, P->un);
			js_copy(J, p);
			js_setindex(J, -2, alen(P->un));
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	if (mj_object_at(J, r) != NULL)
		reaction(J, P, r, t, s, v);
	if (mj_object_at(J, rs) != NULL) {
		n = js_getlength(J, rs);
		for (j = 0; j < n; j++) {
			js_getindex(J, rs, j);
			reaction(J, P, rs + 1, t, s, v);
			js_pop(J, 1);
		}
	}
	js_pop(J, 3);
}

/* A job of the group's adopt(p, [x, then]): p follows the thenable x. */
static void
adopt(js_State *J, struct promise *P, int p, int x, int then)
{
	js_pushobject(J, P->adopt);
	js_copy(J, p);
	js_newarray(J);
	js_copy(J, x);
	js_setindex(J, -2, 0);
	js_copy(J, then);
	js_setindex(J, -2, 1);
	qpush(J, P);
}

/* x.then on top of the stack, or 0 with the exception on top when
 * reading it threw (a getter). */
static int
get_then(js_State *J, int x)
{
	if (js_try(J))
		return 0;
	js_getproperty(J, x, "then");
	js_endtry(J);
	return 1;
}

void
promise_resolve(js_State *J, struct promise *P, int p, int x)
{
	int then = js_gettop(J);

	if (js_isobject(J, x)) {
		if (js_toobject(J, x) == js_toobject(J, p)) {
			js_newtypeerror(J, "Chaining cycle detected for promise #<Promise>");
			promise_settle(J, P, p, 2, then);
			js_pop(J, 1);
			return;
		}
		if (!get_then(J, x)) {
			promise_settle(J, P, p, 2, then);
			js_pop(J, 1);
			return;
		}
		if (js_iscallable(J, then)) {
			adopt(J, P, p, x, then);
			js_pop(J, 1);
			return;
		}
		js_pop(J, 1);
	}
	promise_settle(J, P, p, 1, x);
}

/* Add the reaction on top of the stack to the pending state at t; popped. */
static void
react_add(js_State *J, int t)
{
	st_get(J, t, ST_R);
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		st_set(J, t, ST_R);
		return;
	}
	js_pop(J, 1);
	st_get(J, t, ST_RS);
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_newarray(J);
		js_rot2(J);
		js_setindex(J, -2, 0);
		st_set(J, t, ST_RS);
		return;
	}
	js_rot2(J);
	js_setindex(J, -2, js_getlength(J, -2));
	js_pop(J, 1);
}

/* Properties named then made on objects other than the Promise.prototype
 * of a state (pinit names it in proto_then, the group defines its then
 * next), in the whole process. */
static unsigned long thens;
static void *proto_then;

void
promise_then_made(void *o)
{
	if (o == proto_then)
		proto_then = NULL;
	else
		thens++;
}

/* Whether o is no thenable, known without a lookup (see promise.h). */
static int
no_then(struct promise *P, const struct mj_object *o)
{
	int n;

	if (thens != 0)
		return 0;
	for (n = 0; o != NULL && n < 64; o = o->prototype, n++)
		if (o == P->proto || o->type == MJ_CUSERDATA)
			return 0;
	return o == NULL;
}

void
promise_await(js_State *J, struct promise *P, int v, int s)
{
	struct mj_object *o;
	int t = js_gettop(J), m;

	if ((o = mj_object_at(J, v)) == NULL)
		goto value;
	if (no_then(P, o))
		goto value;
	if (mj_lookup(o->properties, KEY) != NULL) {
		js_getproperty(J, v, "constructor");
		if (js_isobject(J, -1) && js_toobject(J, -1) == P->ctor) {
			js_pop(J, 1);
			state(J, v);	/* t */
			js_pushboolean(J, 1);
			st_set(J, t, ST_H);
			m = st_state(J, t);
			if (m != 0) {
				js_pushnumber(J, m == 1 ? 0 : 1);
				js_copy(J, s);
				st_get(J, t, ST_V);
				qpush(J, P);
			} else {
				js_copy(J, s);	/* an await's reaction */
				react_add(J, t);
			}
			js_pop(J, 1);
			return;
		}
		js_pop(J, 1);
	}
	if (!get_then(J, v)) {
		js_pushnumber(J, 1);
		js_copy(J, s);
		js_copy(J, t);
		qpush(J, P);
		js_pop(J, 1);
		return;
	}
	if (js_iscallable(J, t)) {
		/* a thenable: adopted by a promise of its own first */
		promise_new(J, P);
		adopt(J, P, t + 1, v, t);
		state(J, t + 1);
		js_pushboolean(J, 1);
		st_set(J, t + 2, ST_H);
		js_copy(J, s);
		st_set(J, t + 2, ST_R);
		js_pop(J, 3);
		return;
	}
	js_pop(J, 1);
value:
	js_pushnumber(J, 0);
	js_copy(J, s);
	js_copy(J, v);
	qpush(J, P);
}

void *
promise_awaiter(struct promise *P, void *o)
{
	struct mj_property *n = mj_lookup(((struct mj_object *)o)->properties,
	    KEY);
	struct mj_object *t, *x;
	struct mj_value *v;

	if (n == NULL || n->getter != NULL || n->value.type != MJ_TOBJECT)
		return NULL;
	t = n->value.u.ptr;
	if (t->type != MJ_CARRAY || !t->u.a.simple || t->u.a.length != ST_N)
		return NULL;
	v = t->u.a.array;
	/* pending, with one reaction (ST_RS holds the others) */
	if (v[ST_S].type != MJ_TNUMBER || v[ST_S].u.number != 0 ||
	    v[ST_R].type != MJ_TOBJECT || v[ST_RS].type == MJ_TOBJECT)
		return NULL;
	x = v[ST_R].u.ptr;
	return P->X != NULL && x->prototype == P->X ? x : NULL;
}

/* then's reaction made by then_fn: an array of R_N values, its handlers
 * and the promise then returned, where the group's then makes an object
 * {f, j, c} and c an object {p, i} (two objects and five nodes). */
#define R_F	0	/* the handler if fulfilled */
#define R_J	1	/* the handler if rejected */
#define R_P	2	/* the promise then returned */
#define R_N	3

/* Push element i of the reaction at r (made whole by then_fn, never
 * seen by a script). */
static void
r_get(js_State *J, int r, int i)
{
	struct mj_object *o = js_toobject(J, r);

	js_pushundefined(J);
	*at(J, -1) = ((struct mj_value *)o->u.a.array)[i];
}

/*
 * Promise.prototype.then(a, b) of a promise whose constructor is
 * Promise (or undefined), in C: its state marked handled, a new pending
 * promise, and a reaction of three values added to the state or, once
 * it is settled, queued.  Any other this (no promise the group made, a
 * proxy, a subclass's, whose constructor makes its promise) goes to the
 * group's then (P->then), with the constructor and state read here when
 * this holds a state, so that a getter of constructor runs once.
 */
static void
then_fn(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);
	struct mj_property *n = NULL;
	struct mj_value *r;
	int t = js_gettop(J);

	if (js_isobject(J, 0))
		n = mj_lookup(((struct mj_object *)js_toobject(J, 0))->properties, KEY);
	if (n == NULL) {
		js_pushobject(J, P->then);
		js_copy(J, 0);
		js_copy(J, 1);
		js_copy(J, 2);
		js_call(J, 2);
		return;
	}
	state(J, 0);	/* t */
	js_pushboolean(J, 1);
	st_set(J, t, ST_H);
	js_getproperty(J, 0, "constructor");	/* t + 1 */
	if (!js_isundefined(J, t + 1) && (!js_isobject(J, t + 1) ||
	    js_toobject(J, t + 1) != P->ctor)) {
		js_pushobject(J, P->then);
		js_copy(J, 0);
		js_copy(J, 1);
		js_copy(J, 2);
		js_copy(J, t + 1);
		js_copy(J, t);
		js_call(J, 4);
		return;
	}
	promise_new(J, P);	/* t + 2, what then returns */
	r = newarr(J, R_N);
	r[R_F] = *at(J, 1);
	r[R_J] = *at(J, 2);
	r[R_P] = *at(J, t + 2);
	if (st_state(J, t) != 0) {
		js_pushobject(J, P->treact);
		js_rot2(J);
		js_copy(J, t);
		qpush(J, P);
	} else
		react_add(J, t);
	js_copy(J, t + 2);
}

/*
 * The job of then_fn's reaction at r once the state at t is settled, as
 * the group's react: the handler for the state, called with its value,
 * and the promise then returned resolved with what it returns or
 * rejected with what it throws; with no handler (not callable), the
 * promise takes the state's value or reason.  Leaves three values or
 * four on the stack, the drain's to pop.
 */
static void
then_run(js_State *J, struct promise *P, int r, int t)
{
	int k = js_gettop(J), s = st_state(J, t);

	r_get(J, r, s == 1 ? R_F : R_J);	/* k */
	r_get(J, r, R_P);			/* k + 1 */
	st_get(J, t, ST_V);			/* k + 2 */
	if (!js_iscallable(J, k)) {
		if (s == 1)
			promise_resolve(J, P, k + 1, k + 2);
		else
			promise_settle(J, P, k + 1, 2, k + 2);
		return;
	}
	if (js_try(J)) {
		promise_settle(J, P, k + 1, 2, k + 3);
		return;
	}
	js_copy(J, k);
	js_pushundefined(J);
	js_copy(J, k + 2);
	js_call(J, 1);
	js_endtry(J);
	promise_resolve(J, P, k + 1, k + 3);
}

/* then_react(r, t): then_run as a function, the job then_fn queues
 * (the drain runs it without the call). */
static void
then_react(js_State *J)
{
	then_run(J, js_currentfunctiondata(J), 1, 2);
	js_pushundefined(J);
}

/*
 * Promise.resolve(x) called on Promise, in C: x itself when it is a
 * Promise (instanceof) whose constructor is Promise, else a new promise
 * resolved with x.  Called on anything else (a subclass), the group's
 * resolve (P->resolve) takes it.
 */
static void
resolve_fn(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);
	int t = js_gettop(J), is;

	if (!js_isobject(J, 0) || js_toobject(J, 0) != P->ctor) {
		js_pushobject(J, P->resolve);
		js_copy(J, 0);
		js_copy(J, 1);
		js_call(J, 1);
		return;
	}
	js_copy(J, 1);
	js_copy(J, 0);
	is = js_instanceof(J);
	js_pop(J, 2);
	if (is) {
		js_getproperty(J, 1, "constructor");	/* t */
		if (js_isobject(J, t) && js_toobject(J, t) == P->ctor) {
			js_copy(J, 1);
			return;
		}
		js_pop(J, 1);
	}
	promise_new(J, P);	/* t */
	promise_resolve(J, P, t, 1);
}

/* rt.mkp(proto, o): o, or a new object of prototype proto, made a
 * pending promise: its hidden "@@ly:p" holds its state (pending). */
static void
mkp(js_State *J)
{
	if (js_isobject(J, 2))
		js_copy(J, 2);
	else {
		js_copy(J, 1);
		js_newobjectx(J);
	}
	pending(J);
}

static void
np(js_State *J)
{
	promise_new(J, js_currentfunctiondata(J));
}

static void
settle_fn(js_State *J)
{
	promise_settle(J, js_currentfunctiondata(J), 1, js_tointeger(J, 2), 3);
	js_pushundefined(J);
}

static void
ful(js_State *J)
{
	promise_settle(J, js_currentfunctiondata(J), 1, 1, 2);
	js_pushundefined(J);
}

static void
rej(js_State *J)
{
	promise_settle(J, js_currentfunctiondata(J), 1, 2, 2);
	js_pushundefined(J);
}

static void
res(js_State *J)
{
	promise_resolve(J, js_currentfunctiondata(J), 1, 2);
	js_pushundefined(J);
}

static void
aw(js_State *J)
{
	promise_await(J, js_currentfunctiondata(J), 1, 2);
	js_pushundefined(J);
}

/* Move the jobs from qh on to the front of q, whose length is n. */
static void
compact(js_State *J, struct promise *P, int q, int n)
{
	int i;

	for (i = P->qh; i < n; i++) {
		js_getindex(J, q, i);
		js_setindex(J, q, i - P->qh);
	}
	js_setlength(J, q, n - P->qh);
	P->qh = 0;
}

/*
 * The drain, rt.drain(report): run the jobs until the queue is empty (a
 * job may queue more), f(a, b) or, for an await (f a number), the step
 * of the async function's context a (js/asyncfn.c), and for then_fn's
 * reactions (f then_react) then_run, both called here without a call
 * through mujs.  An exception of a job (a callback of
 * queueMicrotask) goes to the caller, the jobs after it still queued.
 * It returns how many ran, or with report true, what rt.uncaught()
 * returns.
 */
static void
drain(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);
	struct mj_object *qo = P->q;
	int q = js_gettop(J), n = 0, len, i;

	for (;; n++) {
		js_pushobject(J, P->q);
		len = alen(P->q);
		if (P->qh >= len) {
			js_pop(J, 1);
			break;
		}
		for (i = 0; i < 3; i++)
			take(J, P->q, q, P->qh + i);
		P->qh += 3;
		if (P->qh == len) {
			/* no new array per drain; its slots are cleared */
			if (qo->type == MJ_CARRAY && qo->u.a.simple)
				qo->u.a.length = 0;
			else
				js_setlength(J, q, 0);
			P->qh = 0;
		} else if (P->qh > 3000 && P->qh * 2 > len)
			compact(J, P, q, len);
		if (js_isnumber(J, q + 1)) {
			void *resumed = P->resumed;

			P->resumed = at(J, q + 2)->u.ptr;
			asyncfn_run(J, P, q + 2, q + 1, q + 3);
			P->resumed = resumed;
		} else if (mj_object_at(J, q + 1) == P->treact) {
			then_run(J, P, q + 2, q + 3);
			js_pop(J, js_gettop(J) - (q + 4));
		} else {
			js_copy(J, q + 1);
			js_pushundefined(J);
			js_copy(J, q + 2);
			js_copy(J, q + 3);
			js_call(J, 2);
			js_pop(J, 1);
		}
		js_pop(J, 4);
	}
	if (!js_isboolean(J, 1) || !js_toboolean(J, 1)) {
		js_pushnumber(J, n);
		return;
	}
	if (alen(P->un) == 0) {
		js_pushundefined(J);
		return;
	}
	js_getregistry(J, "ly.rt");
	js_getproperty(J, -1, "uncaught");
	js_rot2(J);
	js_call(J, 0);
}

/* rt.pinit(q, unhandled, react, adopt, Promise, then, resolve): the
 * group's. */
static void
pinit(js_State *J)
{
	struct promise *P = js_currentfunctiondata(J);
	const char *name[] = { "q", "un", "react", "adopt", "ctor", "thn",
	    "pres" };
	void **slot[] = { &P->q, &P->un, &P->react, &P->adopt, &P->ctor,
	    &P->then, &P->resolve };
	int i;

	js_pushobject(J, P->roots);
	for (i = 0; i < 7; i++) {
		*slot[i] = js_toobject(J, i + 1);
		js_copy(J, i + 1);
		js_setproperty(J, -2, name[i]);
	}
	js_getproperty(J, 5, "prototype");
	P->proto = js_toobject(J, -1);
	proto_then = P->proto;	/* the group defines its then next */
	js_setproperty(J, -2, "proto");
	js_pop(J, 1);
	js_pushundefined(J);
}

void
promise_define(js_State *J, struct promise *P, js_CFunction f,
    const char *name, int n)
{
	js_newcfunctionx(J, f, name, n, P, NULL);
	js_setproperty(J, -2, name);
}

struct promise *
promise_get(js_State *J)
{
	struct promise *P = NULL;

	if (J == last_J)
		return last_P;
	if (nlive == 0)
		return NULL;
	js_getregistry(J, "ly.promise");
	if (js_isuserdata(J, -1, "promise"))
		P = js_touserdata(J, -1, "promise");
	js_pop(J, 1);
	if (P != NULL) {
		last_J = J;
		last_P = P;
	}
	return P;
}

struct promise *
promise_install(js_State *J)
{
	struct promise *P = xcalloc(1, sizeof *P);

	js_pushnull(J);
	js_newuserdata(J, "promise", P, promise_finalize);
	nlive++;
	P->roots = js_toobject(J, -1);
	js_setregistry(J, "ly.promise");
	promise_define(J, P, mkp, "mkp", 2);
	promise_define(J, P, np, "np", 0);
	promise_define(J, P, settle_fn, "settle", 3);
	promise_define(J, P, ful, "ful", 2);
	promise_define(J, P, rej, "rej", 2);
	promise_define(J, P, res, "res", 2);
	promise_define(J, P, aw, "aw", 2);
	promise_define(J, P, pinit, "pinit", 7);
	promise_define(J, P, drain, "drain", 1);
	promise_define(J, P, then_fn, "thn", 2);
	promise_define(J, P, resolve_fn, "pres", 1);
	js_pushobject(J, P->roots);
	js_getproperty(J, -2, "drain");
	P->drain = js_toobject(J, -1);
	js_setproperty(J, -2, "drain");
	js_newcfunctionx(J, then_react, "react", 2, P, NULL);
	P->treact = js_toobject(J, -1);
	js_setproperty(J, -2, "treact");
	js_pop(J, 1);
	return P;
}
