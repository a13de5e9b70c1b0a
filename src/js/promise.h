/* The core of the Promise group in C; see promise.c. */
#ifndef LYOCELL_JS_PROMISE_H
#define LYOCELL_JS_PROMISE_H

#include <mujs.h>

/* A state's: objects of the group and of the bundle's helpers, by
 * address, each kept alive by roots (registry "ly.promise").  The first five
 * and proto are the group's, set when it loads (rt.pinit); C and X are
 * set by js/asyncfn.c on the first async call. */
struct promise {
	void	*roots;		/* holds every value below */
	void	*q;		/* the job queue, an array of (f, a, b) */
	void	*un;		/* rejected promises that had no handler */
	void	*react, *adopt;	/* the group's job functions */
	void	*then;		/* the group's then, for what then_fn leaves */
	void	*resolve;	/* the group's Promise.resolve, resolve_fn's */
	void	*treact;	/* then_fn's reactions' job, in C */
	void	*ctor, *proto;	/* Promise, Promise.prototype */
	void	*C, *X;		/* __ly.$C, __ly.$X.prototype */
	void	*cx;		/* async contexts to use again (js/asyncfn.c) */
	void	*ab;		/* __ly.$X.prototype's ab, in JavaScript */
	void	*drain;		/* rt.drain */
	void	*run;		/* the async context whose body runs */
	void	*resumed;	/* the one the drain resumed (asyncfn_trace) */
	int	 stopped;	/* its body ended (js/asyncfn.c's stop) */
	int	 qh;		/* the next job's index in q */
};

/* A property named "then" was made on the object (js/proporder.c tells):
 * once one is made on anything but a state's Promise.prototype, await
 * looks then up on every object it is given; until then, an object with
 * neither Promise.prototype nor a proxy on its prototype chain is no
 * thenable. */
void	 promise_then_made(void *);

/* Install rt.mkp, rt.np, rt.settle, rt.ful, rt.rej, rt.res, rt.aw,
 * rt.pinit and rt.drain on the object at the top of the stack (rt); the
 * struct is freed with the state. */
struct promise	*promise_install(js_State *);
/* The state's, or NULL before the Promise group is loaded; the last
 * state's is kept at hand (the drain asks at every turn of every
 * event loop). */
struct promise	*promise_get(js_State *);
/* Define function f as property name of the object at -1, with P. */
void	 promise_define(js_State *, struct promise *, js_CFunction,
	    const char *, int);
/* Push a new pending promise. */
void	 promise_new(js_State *, struct promise *);
/* Settle the promise at p: s 1 fulfilled, 2 rejected, with the value at
 * v; nothing if it is settled already.  Indices are absolute. */
void	 promise_settle(js_State *, struct promise *, int, int, int);
/* Resolve the promise at p with the value at x. */
void	 promise_resolve(js_State *, struct promise *, int, int);
/* await: queue the step of the context at s once the value at v settles. */
void	 promise_await(js_State *, struct promise *, int, int);
/* The async context awaiting the pending promise o (an object) when that
 * await is its one reaction, else NULL. */
void	*promise_awaiter(struct promise *, void *o);

#endif
