/* http.asyncRequest(method, url, body, params): a Promise of the
 * Response, the request running on the worker's libcurl multi while the
 * VU goes on, as many at once as the script starts (k6 has no other
 * async form: http.get and the others stay synchronous).
 *
 * Each request is a struct http_async that owns its struct http_req
 * (http-int.h), read as http.request reads its own, and an easy handle
 * of the VU's pool in a slot no synchronous call uses
 * (http_async_make_room moves it when a batch needs more slots).  The
 * end of a transfer only marks the request and wakes the VU's event loop
 * (vu_loop_wake, engine/module.h), never a VU blocked in http.get or
 * sleep().  On the VU, run_ready measures each finished hop as the
 * synchronous path does (req_finish_hop: metrics, cookies, redirects,
 * digest) and settles the promise of a complete request: its Response,
 * or, for a request that failed with throw set, the Go error k6 rejects
 * with: a value whose text is what http.request throws, not an Error.
 * The promises wait in an array, each at the index of its request's
 * struct, which the struct keeps for its life (a property made, found
 * and deleted per request cost more).  The array is made once a VU and
 * held by the registry ("ly.http.async") and by address (hv->apromises),
 * its slots read and written in place: a lookup of the registry's key,
 * among names that all begin "ly.", and js_getindex's index as a string
 * were three of each request's lookups, and a new array per iteration.
 * An interrupted or ended iteration drops what is left. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "js/http-int.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "js/promise.h"
#include "net/net.h"
#include "util/xmalloc.h"

#define REGKEY	"ly.http.async"

void	js_pushobject(js_State *, void *);

struct http_async {
	struct http_async	*next;
	unsigned		 ix;	/* its promise's index in the promises' array */
	struct http_req		 r;
};

static int
slot_taken(const struct http_vu *hv, size_t slot)
{
	const struct http_async *a;

	for (a = hv->async; a != NULL; a = a->next)
		if (a->r.slot == slot)
			return 1;
	return 0;
}

/* The first pool slot from base on that no async request holds.
 * Synchronous calls use slots 0 to n - 1 for their n requests. */
static size_t
free_slot(const struct http_vu *hv, size_t base)
{
	if (base < 1)
		base = 1;
	while (slot_taken(hv, base))
		base++;
	return base;
}

void
http_async_make_room(struct http_vu *hv, size_t n)
{
	struct http_async *a;
	size_t m;

	for (a = hv->async; a != NULL; a = a->next) {
		if (a->r.slot >= n)
			continue;
		/* swap the slots: the transfer keeps its handle */
		m = free_slot(hv, n > hv->creqs ? n : hv->creqs);
		hv_pool_swap(hv, m, a->r.slot);
		a->r.slot = m;
	}
}

/* The value of slot ix of the promises' array, where mujs keeps it (the
 * array is simple: its slots are only ever set below its length), or
 * NULL when it is not so. */
static struct mj_value *
slot_at(struct http_vu *hv, unsigned ix)
{
	struct mj_object *o = hv->apromises;

	if (o == NULL || o->type != MJ_CARRAY || !o->u.a.simple ||
	    ix >= (unsigned)o->u.a.length)
		return NULL;
	return (struct mj_value *)o->u.a.array + ix;
}

/* Push the value of slot ix. */
static void
slot_get(js_State *J, struct http_vu *hv, unsigned ix)
{
	struct mj_value *v = slot_at(hv, ix);

	if (v == NULL) {
		js_pushobject(J, hv->apromises);
		js_getindex(J, -1, (int)ix);
		js_rot2pop1(J);
		return;
	}
	js_pushundefined(J);
	((struct mj_state *)J)->stack[((struct mj_state *)J)->top - 1] = *v;
}

/* Set slot ix to the value on top of the stack, popped. */
static void
slot_set(js_State *J, struct http_vu *hv, unsigned ix)
{
	struct mj_value *v = slot_at(hv, ix);

	if (v == NULL) {
		js_pushobject(J, hv->apromises);
		js_rot2(J);
		js_setindex(J, -2, (int)ix);
		js_pop(J, 1);
		return;
	}
	*v = ((struct mj_state *)J)->stack[((struct mj_state *)J)->top - 1];
	js_pop(J, 1);
}

/* Unlink a, cancel its transfer, forget its promise (J may be NULL when
 * not on the VU) and keep a for a next request (hv->afree). */
static void
drop(struct http_vu *hv, struct http_async *a, js_State *J)
{
	struct http_async **pp;
	size_t slot;

	for (pp = &hv->async; *pp != NULL; pp = &(*pp)->next)
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	if (a->r.state == RQ_RUNNING) {
		req_cancel(&a->r);
		hv->arunning--;
	}
	if (J != NULL) {
		js_pushundefined(J);
		slot_set(J, hv, a->ix);
	} else
		hv->astale = 1;
	/* kept for the next request: the same struct in the same slot
	 * finds its handle set up (http-transfer.c's pool key), its
	 * buffers their storage and its strings their copies */
	slot = a->r.slot;
	req_recycle(&a->r);
	a->r.slot = slot;
	a->next = hv->afree;
	hv->afree = a;
}

/* Not necessarily on the VU (an interrupt): the promises stay in the
 * registry until the iteration's end drops them. */
void
http_async_cancel(struct http_vu *hv)
{
	while (hv->async != NULL)
		drop(hv, hv->async, NULL);
	hv->arunning = 0;
}

void
http_async_free(struct http_vu *hv)
{
	struct http_async *a;

	http_async_cancel(hv);
	while ((a = hv->afree) != NULL) {
		hv->afree = a->next;
		req_reset(&a->r);
		free(a);
	}
}

/* A request struct: a kept one, in its slot if no synchronous call has
 * taken it since, or a new one. */
static struct http_async *
async_new(struct http_vu *hv)
{
	struct http_async *a = hv->afree;
	size_t slot;

	if (a == NULL) {
		a = xcalloc(1, sizeof *a);
		a->ix = hv->aslots++;
		slot = free_slot(hv, hv->creqs);
	} else {
		hv->afree = a->next;
		slot = a->r.slot;
		if (slot < hv->creqs || slot_taken(hv, slot))
			slot = free_slot(hv, hv->creqs);
	}
	a->next = NULL;
	a->r.slot = slot;
	return a;
}

void
http_async_iteration_end(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	js_State *J = vu_js(vu);
	unsigned ix;

	if (hv == NULL)
		return;
	while (hv->async != NULL)
		drop(hv, hv->async, J);
	hv->arunning = 0;
	/* the promises of those an interrupt dropped */
	if (hv->astale) {
		for (ix = 0; ix < hv->aslots; ix++) {
			js_pushundefined(J);
			slot_set(J, hv, ix);
		}
		hv->astale = 0;
	}
}

int
http_async_pending(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	struct http_async *a;
	int n = 0;

	for (a = hv != NULL ? hv->async : NULL; a != NULL; a = a->next)
		n++;
	return n;
}

/* The Promise core of the state (js/promise.c), the Promise group
 * loaded first if it is not. */
static struct promise *
promises(js_State *J)
{
	struct promise *P = promise_get(J);

	if (P == NULL) {
		js_getglobal(J, "__ly_rt");
		js_getproperty(J, -1, "load");
		js_rot2(J);
		js_pushnumber(J, 5);	/* the Promise group */
		js_call(J, 1);
		js_pop(J, 1);
		P = promise_get(J);
	}
	return P;
}

/* Settle the promise at p with the value on top of the stack (popped),
 * s 1 fulfilled or 2 rejected: that queues jobs, it runs no script. */
static void
settle_with(js_State *J, int p, int s)
{
	int v = js_gettop(J) - 1;

	if (js_try(J)) {
		js_pop(J, 2);
		return;
	}
	promise_settle(J, promises(J), p, s, v);
	js_endtry(J);
	js_pop(J, 1);
}

/* Settle a's promise with its Response, or reject it with the request's
 * error when it failed and throw is set (http.request would throw). */
static void
settle(js_State *J, struct http_vu *hv, struct http_async *a)
{
	struct http_req *r = &a->r;
	volatile int reject = r->error != NULL && r->status == 0 &&
	    r->throw_errors;
	int p;

	slot_get(J, hv, a->ix);
	p = js_gettop(J) - 1;
	if (js_try(J)) {
		/* out of memory making the Response: the promise rejects */
		reject = 1;
	} else {
		if (reject) {	/* k6 rejects with the Go error itself */
			char *msg = http_failure(r);

			modules_newgovalue(J, msg);
			free(msg);
		} else {
			if (r->error != NULL && r->status == 0)
				log_failure(r);
			http_response_push(J, r);
		}
		js_endtry(J);
	}
	settle_with(J, p, reject ? 2 : 1);
	js_pop(J, 1);
	drop(hv, a, J);
}

int
http_async_run_ready(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	struct http_async *a, *first = NULL;

	if (hv == NULL || hv->async == NULL)
		return 0;
	for (a = hv->async; a != NULL; a = a->next) {
		/* one options.rps held, when its slot has come */
		if (a->r.state == RQ_QUEUED && a->r.easy == NULL && !rps_hold(&a->r)) {
			a->r.easy = hv_easy(hv, a->r.slot);
			req_start(&a->r);
		}
		/* a finished hop is measured; a redirect starts the next */
		while (a->r.state == RQ_HOP_DONE) {
			req_finish_hop(&a->r);
			if (a->r.state == RQ_QUEUED)
				req_start(&a->r);
		}
		if (a->r.state == RQ_COMPLETE &&
		    (first == NULL || a->r.t_done < first->r.t_done))
			first = a;
	}
	if (first == NULL)
		return 0;
	/* the one that ended first, as k6 queues its callbacks */
	settle(vu_js(vu), hv, first);
	return 1;
}

/* Push a new pending promise, kept in the array at index ix (the array
 * made first, on the VU's first request). */
static void
new_promise(js_State *J, struct http_vu *hv, unsigned ix)
{
	if (hv->apromises == NULL) {
		js_newarray(J);
		hv->apromises = js_toobject(J, -1);
		js_setregistry(J, REGKEY);
	}
	promise_new(J, promises(J));
	js_copy(J, -1);
	slot_set(J, hv, ix);
}

/* Read a's request from the arguments and start it; the promise (at 5)
 * rejects with what reading it threw. */
static void
start(js_State *J, struct http_vu *hv, struct http_async *a)
{
	if (js_try(J)) {
		/* what http.request throws, the promise rejects with */
		hv->busy = 0;
		settle_with(J, 5, 2);
		drop(hv, a, J);
		return;
	}
	hv->busy = 1;
	a->r.method = http_upper(&a->r, js_tostring(J, 1));
	read_request(J, &a->r, 2, 3, 4);
	js_endtry(J);
	hv->busy = 0;
	if (a->r.state == RQ_QUEUED && !rps_hold(&a->r)) {
		a->r.easy = hv_easy(hv, a->r.slot);
		req_start(&a->r);
	}
}

/* k6 takes a request's metadata (exec.vu.metrics.metadata) with its tags,
 * as it reads the request: an async request's samples carry what the VU
 * held when the script made it, not when it ended, when no VU runs. */
static void
meta_take(struct http_req *r, struct vu *vu)
{
	const char *m;
	size_t n;

	free(r->meta);
	r->meta = NULL;
	r->meta_len = 0;
	if ((m = vu_meta(vu, &n)) != NULL && n > 0) {
		r->meta = xmalloc(n);
		memcpy(r->meta, m, n);
		r->meta_len = n;
	}
}

void
http_async_request(js_State *J)
{
	struct http_vu *hv = hv_get(J, INIT_MSG);
	struct http_async *a, **pp;
	int top;

	if (!js_isstring(J, 1))
		js_typeerror(J, "http.asyncRequest: the method must be a string");
	if (hv->busy)
		js_error(J, "an HTTP request cannot start while another one is "
		    "being prepared");
	for (top = js_gettop(J); top < 5; top++)
		js_pushundefined(J);
	a = async_new(hv);
	new_promise(J, hv, a->ix);
	req_init(hv, &a->r);
	a->r.async = 1;
	meta_take(&a->r, hv->vu);
	/* last in the list: the order they were made */
	for (pp = &hv->async; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = a;
	start(J, hv, a);
	js_copy(J, 5);
}
