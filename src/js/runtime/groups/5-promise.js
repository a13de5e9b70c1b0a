/* Group 5: Promise, AggregateError and queueMicrotask, loaded when one
 * of these globals is first read, and the microtask queue.
 *
 * Promise jobs never run synchronously: they wait in a queue until the
 * engine calls __ly_runMicrotasks(), which runs jobs until the queue is
 * empty (jobs may queue more) and returns how many ran; this group
 * returns that drain function, and __ly_runMicrotasks (rt.load in
 * 10-symbol.js) calls it once the group is loaded and returns 0 before.
 * An exception thrown by a queueMicrotask callback propagates to that
 * caller; the jobs after it stay queued for the next call.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), P = "@@ly:p", q = [], Proto, i, f, names;
var mkp = rt.mkp;
/* Promises rejected while no handler was attached: rt.uncaught() reports
 * the first one still unhandled, as k6 ends an event loop with
 * "Uncaught (in promise)" (the host rejection tracker of the language). */
var unhandled = [];
/* A job: f(a, b), or when f is a number (an await), the compiled async
 * function's context a resumed with mode f and value b (js/asyncfn.c). */
function job(f, a, b) {
	q.push(f, a, b);
}
/* A promise's state t, an array of five values that rt.mkp
 * (js/promise.c) makes and C reads and writes in place: t[0] 0 pending,
 * 1 fulfilled, 2 rejected; t[1] its value; while pending, its first
 * reaction t[2] and an array of the others t[3], when it has them (most
 * promises get one, and an array made costs mujs more than a slot left
 * undefined); t[4] true once it has a handler.  settle(p, s, v) and
 * resolve(p, x) are in C (js/promise.c), as is await (rt.aw): settling
 * queues react(r, t) for each reaction r, or for an await's (r the
 * awaiting async context itself) the awaiting body's step. */
var settle = rt.settle, resolve = rt.res;
function react_add(t, x) {
	if (!t[2])
		t[2] = x;
	else if (!t[3])
		t[3] = [x];
	else
		t[3].push(x);
}
function fns(p) {
	var used = false, f = [], j;
	for (j = 0; j < 2; j++) {
		f[j] = function m(x) {
			if (used)
				return;
			used = true;
			if (m.prototype)
				settle(p, 2, x);
			else
				resolve(p, x);
		};
		f[j].prototype = j;
	}
	return f;
}
function adopt(p, xt) {
	var f = fns(p);
	try {
		xt[1].call(xt[0], f[0], f[1]);
	} catch (e) {
		f[1](e);
	}
}
function react(r, t) {
	var k = t[0] === 1 ? r.f : r.j, v;

	if (typeof k !== "function")
		return t[0] === 1 ? cres(r.c, t[1]) : crej(r.c, t[1]);
	try {
		v = k(t[1]);
	} catch (e) {
		return crej(r.c, e);
	}
	cres(r.c, v);
}
/* A capability settles its promise: an internal one (c.i, made for
 * then() and Promise.resolve/reject on Promise itself) without the two
 * resolving functions, closures that cost mujs two objects each. */
function cres(c, v) {
	if (c.i)
		resolve(c.p, v);
	else
		c.res(v);
}
function crej(c, e) {
	if (c.i)
		settle(c.p, 2, e);
	else
		c.rej(e);
}
/* A new pending promise. */
function mk() {
	return mkp(Proto);
}
function call(f) {
	f();
}
function cap(C, internal) {
	var c = {}, f;
	if (C === Promise || C === undefined || C === G) {
		c.p = mk();
		if (internal) {
			c.i = true;
			return c;
		}
		f = fns(c.p);
		c.res = f[0];
		c.rej = f[1];
		return c;
	}
	c.p = new C(function (a, b) {
		c.res = a;
		c.rej = b;
	});
	h.fn(c.res);
	h.fn(c.rej);
	return c;
}
function combine(C, it, k) {
	var c = cap(C), out = [], left = 1, n = 0;
	function one(j, ok) {
		var used = false;
		return function (v) {
			if (used)
				return;
			used = true;
			out[j] = k === 1 ? ok ? { status: "fulfilled", value: v } :
			{ status: "rejected", reason: v } : v;
			if (--left === 0)
				finish();
		};
	}
	function finish() {
		if (k === 2)
			c.rej(new AggregateError(out, "All promises were rejected"));
		else
			c.res(out);
	}
	try {
		h.each(it, function (x) {
			var j = n++;
			out.push(undefined);
			left++;
			C.resolve(x).then(k === 2 ? c.res : one(j, true), k === 0 ? c.rej : one(j, false));
		});
		if (--left === 0)
			finish();
	} catch (e) {
		c.rej(e);
	}
	return c.p;
}
function Promise(ex) {
	var f;
	if (!(this instanceof Promise) || Object.prototype.hasOwnProperty.call(this, P))
		throw new TypeError("Promise constructor cannot be invoked without \x27new\x27");
	if (typeof ex !== "function")
		throw new TypeError("Promise resolver " + String(ex) + " is not a function");
	mkp(Proto, this);
	f = fns(this);
	try {
		ex(f[0], f[1]);
	} catch (e) {
		f[1](e);
	}
}
/*
 * Promise.prototype.then is js/promise.c's then_fn, which takes a
 * promise whose constructor is Promise (or undefined) and calls pthen
 * for any other this: a subclass's promise, its constructor C and state
 * t read already, or anything else, C and t undefined.  (No name of the
 * group's is "then": a property so named, even in the group's scope,
 * tells the await path that any object may be a thenable.)
 */
function pthen(a, b, C, t) {
	var c;

	if (t === undefined) {
		if (!h.isObj(this) || !Object.prototype.hasOwnProperty.call(this, P))
			throw new TypeError("Method Promise.prototype.then called on incompatible receiver " + this);
		t = this[P];
		t[4] = true;
		C = this.constructor;
	}
	/* the species: a subclass's then makes its own kind */
	c = cap(C === undefined || C === Promise ? Promise : C, true);
	if (t[0])
		job(react, { f: a, j: b, c: c }, t);
	else
		react_add(t, { f: a, j: b, c: c });
	return c.p;
}
/* Promise.resolve is js/promise.c's resolve_fn, which calls presolve
 * for a this other than Promise. */
function presolve(a) {
	var c, C = this;

	if (a instanceof Promise && a.constructor === C)
		return a;
	c = cap(C, true);
	cres(c, a);
	return c.p;
}
Proto = Promise.prototype;
h.tag(Proto, "Promise");
rt.pinit(q, unhandled, react, adopt, Promise, pthen, presolve);
function AggregateError(errors, msg, opts) {
	var e = this instanceof AggregateError ? this : Object.create(AggregateError.prototype);
	/* stack, message, errors, cause: k6's order */
	Error["@@ly:es"](e, msg !== undefined ? new Error(String(msg)) : new Error());
	rt.def(e, "errors", Array.from(errors));
	if (h.isObj(opts) && "cause" in opts)
		rt.def(e, "cause", opts.cause);
	return e;
}
AggregateError.prototype = Object.create(Error.prototype);
rt.def(AggregateError.prototype, "constructor", AggregateError);
rt.def(AggregateError.prototype, "name", "AggregateError");
rt.def(AggregateError.prototype, "message", "");
rt.def(G, "AggregateError", AggregateError);
rt.def(G, "Promise", Promise);
names = [Proto, "then", Proto, "catch", Proto, "finally", Promise, "resolve",
Promise, "reject", Promise, "all", Promise, "allSettled", Promise, "any",
Promise, "race", G, "queueMicrotask"];
for (i = 0; i < names.length; i += 2) {
	f = function m(a, b) {
		var c, C = this;
		switch (m.prototype) {
		case 1:
			return this.then(undefined, a);
		case 2:
			if (typeof a !== "function")
				return this.then(a, a);
			return this.then(function (v) {
				return Promise.resolve(a()).then(function () { return v; });
			}, function (e) {
				return Promise.resolve(a()).then(function () { throw e; });
			});
		case 4:
			c = cap(C, true);
			crej(c, a);
			return c.p;
		case 5:
		case 6:
		case 7:
			return combine(C, a, m.prototype - 5);
		case 8:
			c = cap(C);
			try {
				h.each(a, function (x) {
					C.resolve(x).then(c.res, c.rej);
				});
			} catch (e) {
				c.rej(e);
			}
			return c.p;
		case 9:
			job(call, h.fn(a));
			return;
		}
	};
	f.prototype = i / 2;
	if (i === 0)
		f = rt.thn;
	else if (i === 6)
		f = rt.pres;
	rt.def(f, "name", names[i + 1]);
	rt.def(names[i], names[i + 1], f);
}
/* [reason] of the first promise rejected and still unhandled, or
 * undefined; the others are forgotten, as the event loop ends. */
rt.uncaught = function () {
	var j, t, u = unhandled.slice();

	if (!u.length)
		return;
	unhandled.length = 0;	/* js/promise.c holds this array */
	for (j = 0; j < u.length; j++) {
		t = u[j][P];
		if (!t[4])
			return [t[1]];
	}
};
/* For the compiled async functions (src/compile/helpers.js) and the
 * native modules, in C (js/promise.c): rt.np() a new pending promise;
 * rt.res(p, x), rt.ful(p, v) (v known not to be a thenable) and
 * rt.rej(p, e) its settling; rt.aw(v, s) await v: the drain resumes s
 * with (0, value) or (1, reason) one tick after v settles, as
 * PerformPromiseThen(PromiseResolve(v), ...) with no promise made for
 * the result. */
/* [state, value] of the promise p: 0 pending, 1 fulfilled, 2 rejected. */
rt.state = function (p) {
	var t = p[P];

	return [t[0], t[1]];
};
/* The value of v, or of the promise v when it is fulfilled, as k6 takes
 * the result of an async setup() or handleSummary(). */
rt.result = function (v) {
	var t = h.isObj(v) && Object.prototype.hasOwnProperty.call(v, P) ? v[P] : undefined;

	return t === undefined ? v : t[0] === 1 ? t[1] : undefined;
};
/* The drain (js/promise.c): it runs the jobs of q until it is empty and
 * returns how many ran, or, called with true (from C,
 * runtime_run_microtasks), rt.uncaught(). */
return rt.drain;
