/* Built-in methods made on first use; see lazyprop.h.
 *
 * Why: a C function is an object (104 bytes), its length property (64)
 * and the property that holds it (64).  mujs makes about 150 built-in
 * methods in every state, the runtime library and the modules as many
 * again, and a script calls a handful: about half of a sleeping VU's
 * heap was functions it never called.
 *
 * Where the first look comes from: mujs finds properties through
 * jsV_getproperty, jsV_getpropertyx and jsV_getownproperty, makes and
 * deletes them through jsV_setproperty and jsV_delproperty, and lists
 * them through jsV_newiterator, all called through libmujs.so's PLT: the
 * first two are defined below, the others in js/proporder.c, each making
 * what is deferred before it looks.  Object.getOwnPropertyNames is
 * js/proporder.c's; the built-ins that walk an object's properties
 * themselves (freeze and its kin) are wrapped to make everything first.
 * Enumerable methods (a native module's functions, modules_setfn, and the
 * Response prototype's) are deferred too, and mark their holder
 * LAZYPROP_ENUM: jsV_newiterator, through which for-in, JSON and the
 * runtime's Object.keys list them, makes them first.  mujs's own
 * Object.defineProperties and Object.create walk their second argument
 * themselves: a module object given as a map of descriptors would look
 * as if it had no functions (no script does that; each would be an
 * error anyway).
 *
 * A deferred method keeps its place in its holder's order: the number
 * js/proporder.c would have given it is taken when it is deferred and
 * given to it when it is made.  Its attributes and the function's name,
 * length and data are those it was deferred with. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/deepcall.h"
#include "js/error.h"
#include "js/lazyprop.h"
#include "js/mujs-layout.h"
#include "js/proporder.h"
#include "util/xmalloc.h"

/* mujs exports these without declaring them in mujs.h */
void		*js_toobject(js_State *, int);
void		 js_pushobject(js_State *, void *);
const char	*js_intern(js_State *, const char *);
void		*jsV_newobject(js_State *, int, void *);
void		 js_newfunction(js_State *, void *, void *);

int lazyprop_capturing;
int lazyprop_enabled = 1;

/* Filters of names, so that a lookup that misses on a holder seldom
 * searches it: two bits a name, from its first eight characters, in one
 * filter of the names deferred anywhere in the process and in one of
 * each set's. */
#define FILTER_BITS	4096
#define SET_FILTER_BITS	512
static uint64_t filter[FILTER_BITS / 64];

/* One deferred method. */
struct entry {
	const char	*prop;		/* interned */
	const char	*name;		/* interned */
	js_CFunction	 fn;
	void		*data;
	int		 length;
	int		 atts;
	unsigned	 seq;
	/* an accessor whose getter and setter are the function (1) or
	 * whose getter it is, without a setter (2); after (when not NULL)
	 * finishes the function before it is defined */
	int		 accessor;
	void		(*after)(js_State *, void *);
};

/* What one holder defers, in order; shared by the holders of every
 * state that defer the same methods in the same places. */
struct set {
	struct entry	*e;
	int		 n, cap;
	uint64_t	 filter[SET_FILTER_BITS / 64];
};

static struct set *sets;
static int nsets, capsets;

#define MAXDEFER	128	/* per holder: the bits of pending */

/* A holder of one state with methods still deferred. */
struct holder {
	struct mj_object	*o;
	int			 set;	/* or -1 before the first */
	unsigned short		 n;	/* entries deferred so far */
	unsigned char		 closed;	/* defers no more */
	uint64_t		 pending[MAXDEFER / 64];
};

struct lstate {
	js_State	*J;
	struct holder	*h;
	int		 n, cap;
};

/* The states with holders, by address: open addressing. */
static struct lstate **tab;
static size_t tabcap, tabn;
static struct lstate *last;

/* The function js_newcfunctionx did not make, waiting for its holder. */
static struct {
	int		 on;
	js_CFunction	 fn;
	const char	*name;
	int		 length;
	void		*data;
	int		 accessor;
	void		(*after)(js_State *, void *);
} waiting;

static inline uint32_t
name_hash(const char *name)
{
	uint32_t h = 2166136261u;
	int i;

	/* names deferred and names looked for often share three letters
	 * ("prototype", "propertyIsEnumerable"), seldom eight */
	for (i = 0; i < 8 && name[i] != '\0'; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h ^ h >> 15;
}

static void
filter_add(uint64_t *f, unsigned bits, uint32_t h)
{
	unsigned a = (h >> 20) % bits, b = (h >> 4) % bits;

	f[a / 64] |= (uint64_t)1 << (a % 64);
	f[b / 64] |= (uint64_t)1 << (b % 64);
}

static inline int
filter_has(const uint64_t *f, unsigned bits, uint32_t h)
{
	unsigned a = (h >> 20) % bits, b = (h >> 4) % bits;

	return (f[a / 64] >> (a % 64) & 1) && (f[b / 64] >> (b % 64) & 1);
}

static size_t
slot_of(js_State *J)
{
	uintptr_t h = (uintptr_t)J >> 4;

	return (size_t)(h * 0x9e3779b97f4a7c15ull >> 7) & (tabcap - 1);
}

static struct lstate *
state_find(js_State *J)
{
	size_t i;

	if (last != NULL && last->J == J)
		return last;
	if (tabn == 0)
		return NULL;
	for (i = slot_of(J); tab[i] != NULL; i = (i + 1) & (tabcap - 1))
		if (tab[i]->J == J)
			return last = tab[i];
	return NULL;
}

static void
state_insert(struct lstate *s)
{
	size_t i;

	for (i = slot_of(s->J); tab[i] != NULL; i = (i + 1) & (tabcap - 1))
		;
	tab[i] = s;
	tabn++;
}

static struct lstate *
state_get(js_State *J)
{
	struct lstate *s, **old;
	size_t i, oldcap;

	if ((s = state_find(J)) != NULL)
		return s;
	if (2 * (tabn + 1) > tabcap) {
		old = tab;
		oldcap = tabcap;
		tabcap = tabcap ? 2 * tabcap : 64;
		tab = xcalloc(tabcap, sizeof *tab);
		tabn = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				state_insert(old[i]);
		free(old);
	}
	s = xcalloc(1, sizeof *s);
	s->J = J;
	state_insert(s);
	return last = s;
}

/* Forget state J (js_freestate): remove it and move back the entries
 * that probed past it. */
static void
state_drop(js_State *J)
{
	struct lstate *s;
	size_t i, j, k;

	if ((s = state_find(J)) == NULL)
		return;
	if (last == s)
		last = NULL;
	for (i = slot_of(J); tab[i] != s; i = (i + 1) & (tabcap - 1))
		;
	tab[i] = NULL;
	tabn--;
	for (j = (i + 1) & (tabcap - 1); tab[j] != NULL; j = (j + 1) & (tabcap - 1)) {
		k = slot_of(tab[j]->J);
		/* tab[j] may fill the hole at i if its home is not in (i, j] */
		if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
			tab[i] = tab[j];
			tab[j] = NULL;
			i = j;
		}
	}
	free(s->h);
	free(s);
}

static struct holder *
holder_find(struct lstate *s, const struct mj_object *o)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->h[i].o == o)
			return &s->h[i];
	return NULL;
}

static void
holder_drop(struct lstate *s, struct holder *h)
{
	*h = s->h[--s->n];
}

static int
is_pending(const struct holder *h, int i)
{
	return (h->pending[i / 64] >> (i % 64)) & 1;
}

static int
entry_eq(const struct entry *e, const char *prop, int atts, unsigned seq)
{
	return e->fn == waiting.fn && e->data == waiting.data &&
	    e->length == waiting.length && e->atts == atts && e->seq == seq &&
	    e->accessor == waiting.accessor && e->after == waiting.after &&
	    strcmp(e->prop, prop) == 0 && strcmp(e->name, waiting.name) == 0;
}

static void
set_append(js_State *J, struct set *s, const char *prop, int atts,
    unsigned seq)
{
	struct entry *e;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->e = xreallocarray(s->e, (size_t)s->cap, sizeof *s->e);
	}
	e = &s->e[s->n++];
	e->prop = js_intern(J, prop);
	e->name = js_intern(J, waiting.name);
	e->fn = waiting.fn;
	e->data = waiting.data;
	e->length = waiting.length;
	e->atts = atts;
	e->seq = seq;
	e->accessor = waiting.accessor;
	e->after = waiting.after;
	filter_add(filter, FILTER_BITS, name_hash(e->prop));
	filter_add(s->filter, SET_FILTER_BITS, name_hash(e->prop));
}

/* The set whose first entry is the waiting function as prop, made if
 * there is none. */
static int
set_for(js_State *J, const char *prop, int atts, unsigned seq)
{
	int i;

	for (i = 0; i < nsets; i++)
		if (entry_eq(&sets[i].e[0], prop, atts, seq))
			return i;
	if (nsets == capsets) {
		capsets = capsets ? 2 * capsets : 32;
		sets = xreallocarray(sets, (size_t)capsets, sizeof *sets);
	}
	memset(&sets[nsets], 0, sizeof sets[nsets]);
	set_append(J, &sets[nsets], prop, atts, seq);
	return nsets++;
}

/* Defer the waiting function as prop of o: 1 if done. */
static int
defer(js_State *J, struct mj_object *o, const char *prop, int atts)
{
	struct lstate *s;
	struct holder *h;
	struct set *set;
	unsigned seq;

	if (o->type == MJ_CUSERDATA ||
	    !(o->extensible & 1) || mj_lookup(o->properties, prop) != NULL)
		return 0;
	s = state_get(J);
	if ((h = holder_find(s, o)) != NULL && !(o->extensible & LAZYPROP_FNS))
		holder_drop(s, h);	/* an object freed since, at this address */
	if ((h = holder_find(s, o)) == NULL) {
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 8;
			s->h = xreallocarray(s->h, (size_t)s->cap, sizeof *s->h);
		}
		h = &s->h[s->n++];
		memset(h, 0, sizeof *h);
		h->o = o;
		h->set = -1;
	}
	if (h->closed || h->n == MAXDEFER || lazyprop_deferred(J, o, prop) ||
	    (seq = proporder_peek(o)) == 0)
		goto closed;
	if (h->set < 0)
		h->set = set_for(J, prop, atts, seq);
	else {
		set = &sets[h->set];
		if (h->n < set->n) {
			if (!entry_eq(&set->e[h->n], prop, atts, seq))
				goto closed;
		} else
			set_append(J, set, prop, atts, seq);
	}
	proporder_take(o);
	h->pending[h->n / 64] |= (uint64_t)1 << (h->n % 64);
	h->n++;
	o->extensible |= LAZYPROP_FNS;
	if (!(atts & JS_DONTENUM))
		o->extensible |= LAZYPROP_ENUM;
	return 1;
closed:
	h->closed = 1;
	if (!(o->extensible & LAZYPROP_FNS))
		holder_drop(s, h);
	return 0;
}

int
lazyprop_capture(js_State *J, js_CFunction fn, const char *name, int length,
    void *data, js_Finalize finalize)
{
	(void)J;
	if (!lazyprop_capturing || !lazyprop_enabled || waiting.on ||
	    finalize != NULL || name == NULL)
		return 0;
	waiting.on = 1;
	waiting.fn = fn;
	waiting.name = name;
	waiting.length = length;
	waiting.data = data;
	waiting.accessor = 0;
	waiting.after = NULL;
	return 1;
}

static int
defer_accessor(js_State *J, int idx, const char *prop, js_CFunction fn,
    const char *name, int length, void *data,
    void (*after)(js_State *, void *), int atts, int kind)
{
	int done;

	if (!lazyprop_enabled || waiting.on)
		return 0;
	waiting.fn = fn;
	waiting.name = name;
	waiting.length = length;
	waiting.data = data;
	waiting.accessor = kind;
	waiting.after = after;
	done = defer(J, js_toobject(J, idx), prop, atts);
	waiting.accessor = 0;
	waiting.after = NULL;
	return done;
}

int
lazyprop_defer_accessor(js_State *J, int idx, const char *prop,
    js_CFunction fn, const char *name, int length, void *data,
    void (*after)(js_State *, void *), int atts)
{
	return defer_accessor(J, idx, prop, fn, name, length, data, after,
	    atts, 1);
}

int
lazyprop_defer_getter(js_State *J, int idx, const char *prop,
    js_CFunction fn, const char *name, int length, void *data, int atts)
{
	return defer_accessor(J, idx, prop, fn, name, length, data, NULL,
	    atts, 2);
}

void
lazyprop_end(void)
{
	lazyprop_capturing--;
	waiting.on = 0;
}

int
lazyprop_waiting(void)
{
	return waiting.on;
}

int
lazyprop_place(js_State *J, int idx, int global, const char *prop, int atts)
{
	struct mj_object *o;
	int capturing = lazyprop_capturing;

	waiting.on = 0;
	if (global) {
		js_pushglobal(J);
		o = js_toobject(J, -1);
		js_pop(J, 1);
	} else
		o = js_toobject(J, idx);
	if (defer(J, o, prop, atts)) {
		js_pop(J, 1);
		return 1;
	}
	/* made now, as it would have been */
	js_pop(J, 1);
	lazyprop_capturing = 0;
	js_newcfunctionx(J, waiting.fn, waiting.name, waiting.length,
	    waiting.data, NULL);
	lazyprop_capturing = capturing;
	return 0;
}

int
lazyprop_defer_length(void *fn)
{
	struct mj_object *o = fn;

	/* the first property of a new function: its number is 1 */
	if (!lazyprop_enabled || proporder_peek(o) != 1)
		return 0;
	proporder_take(o);
	o->extensible |= LAZYPROP_LENGTH;
	return 1;
}

static void
make_length(js_State *J, struct mj_object *o)
{
	struct mj_property *p;

	o->extensible &= ~LAZYPROP_LENGTH;
	if (js_try(J)) {
		o->extensible |= LAZYPROP_LENGTH;
		js_throw(J);
	}
	js_pushobject(J, o);
	if (o->type == MJ_CFUNCTION)
		js_pushnumber(J, ((struct mj_function *)
		    o->u.f.function)->numparams);
	else
		js_pushnumber(J, o->u.c.length);
	js_defproperty(J, -2, "length", JS_READONLY | JS_DONTENUM | JS_DONTCONF);
	js_pop(J, 1);
	js_endtry(J);
	if ((p = mj_lookup(o->properties, "length")) != NULL)
		proporder_setseq(p, 1);
}

/* A JavaScript function's prototype object, as js_newfunction makes it:
 * a new object whose constructor is the function, the function's second
 * property. */
static void
make_proto(js_State *J, struct mj_object *o)
{
	struct mj_property *p;

	o->extensible &= ~LAZYPROP_PROTO;
	if (js_try(J)) {
		o->extensible |= LAZYPROP_PROTO;
		js_throw(J);
	}
	js_pushobject(J, o);
	js_newobject(J);
	js_copy(J, -2);
	js_defproperty(J, -2, "constructor", JS_DONTENUM);
	js_defproperty(J, -2, "prototype", JS_DONTENUM | JS_DONTCONF);
	js_pop(J, 1);
	js_endtry(J);
	if ((p = mj_lookup(o->properties, "prototype")) != NULL)
		proporder_setseq(p, 2);
}

/* Make entry i of holder h of state s. */
static void
make_entry(js_State *J, struct lstate *s, struct holder *h, int i)
{
	struct mj_object *o = h->o;
	const struct entry *e = &sets[h->set].e[i];
	struct mj_property *p;
	int capturing = lazyprop_capturing;

	/* Nothing adds holders while capture is off: h stays valid. */
	h->pending[i / 64] &= ~((uint64_t)1 << (i % 64));
	lazyprop_capturing = 0;
	if (js_try(J)) {
		/* out of memory: deferred still */
		lazyprop_capturing = capturing;
		h->pending[i / 64] |= (uint64_t)1 << (i % 64);
		js_throw(J);
	}
	js_pushobject(J, o);
	js_newcfunctionx(J, e->fn, e->name, e->length, e->data, NULL);
	if (e->after != NULL)
		e->after(J, e->data);
	if (e->accessor) {
		if (e->accessor == 1)
			js_copy(J, -1);
		else
			js_pushundefined(J);
		js_defaccessor(J, -3, e->prop, e->atts);
	} else
		js_defproperty(J, -2, e->prop, e->atts);
	js_pop(J, 1);
	js_endtry(J);
	lazyprop_capturing = capturing;
	if ((p = mj_lookup(o->properties, e->prop)) != NULL)
		proporder_setseq(p, e->seq);
	if (h->pending[0] == 0 && h->pending[1] == 0) {
		o->extensible &= ~(LAZYPROP_FNS | LAZYPROP_ENUM);
		holder_drop(s, h);
	}
}

/* The pending entry of h named name (of hash hash), or -1. */
static int
pending_entry(const struct holder *h, const char *name, uint32_t hash)
{
	const struct set *set = &sets[h->set];
	int i;

	if (!filter_has(set->filter, SET_FILTER_BITS, hash))
		return -1;
	for (i = 0; i < h->n; i++)
		if (is_pending(h, i) && set->e[i].prop[0] == name[0] &&
		    strcmp(set->e[i].prop, name) == 0)
			return i;
	return -1;
}

void *
lazyprop_make(js_State *J, void *obj, const char *name)
{
	struct mj_object *o = obj;
	struct lstate *s;
	struct holder *h;
	uint32_t hash;
	int i;

	if ((o->extensible & LAZYPROP_LENGTH) && strcmp(name, "length") == 0) {
		make_length(J, o);
		return mj_lookup(o->properties, name);
	}
	if ((o->extensible & LAZYPROP_PROTO) && strcmp(name, "prototype") == 0) {
		make_proto(J, o);
		return mj_lookup(o->properties, name);
	}
	if ((o->extensible & LAZYPROP_STACK) && strcmp(name, "stack") == 0) {
		error_make_stack(J, o);
		return mj_lookup(o->properties, name);
	}
	if (!(o->extensible & LAZYPROP_FNS) ||
	    !filter_has(filter, FILTER_BITS, hash = name_hash(name)))
		return NULL;
	if ((s = state_find(J)) == NULL || (h = holder_find(s, o)) == NULL) {
		o->extensible &= ~(LAZYPROP_FNS | LAZYPROP_ENUM);
		return NULL;
	}
	if ((i = pending_entry(h, name, hash)) < 0)
		return NULL;
	make_entry(J, s, h, i);
	return mj_lookup(o->properties, name);
}

void
lazyprop_make_all(js_State *J, void *obj)
{
	struct mj_object *o = obj;
	struct lstate *s;
	struct holder *h;
	int i;

	if (o->extensible & LAZYPROP_LENGTH)
		make_length(J, o);
	if (o->extensible & LAZYPROP_PROTO)
		make_proto(J, o);
	if (o->extensible & LAZYPROP_STACK)
		error_make_stack(J, o);
	while ((o->extensible & LAZYPROP_FNS) && (s = state_find(J)) != NULL &&
	    (h = holder_find(s, o)) != NULL) {
		for (i = 0; !is_pending(h, i); i++)
			;
		make_entry(J, s, h, i);
	}
	o->extensible &= ~(LAZYPROP_FNS | LAZYPROP_ENUM);
}

int
lazyprop_deferred(js_State *J, void *obj, const char *name)
{
	struct mj_object *o = obj;
	struct lstate *s;
	struct holder *h;
	uint32_t hash;

	if ((o->extensible & LAZYPROP_LENGTH) && strcmp(name, "length") == 0)
		return 1;
	if ((o->extensible & LAZYPROP_PROTO) && strcmp(name, "prototype") == 0)
		return 1;
	if ((o->extensible & LAZYPROP_STACK) && strcmp(name, "stack") == 0)
		return 1;
	if (!(o->extensible & LAZYPROP_FNS) ||
	    !filter_has(filter, FILTER_BITS, hash = name_hash(name)) ||
	    (s = state_find(J)) == NULL ||
	    (h = holder_find(s, o)) == NULL || h->set < 0)
		return 0;
	return pending_entry(h, name, hash) >= 0;
}

/* The sets made from one set by an override: the holders of every state
 * that override the same entry after the same deferrals share them. */
struct derived {
	int		 from, to;
	int		 i, n;	/* the entry, the entries copied */
	js_CFunction	 fn;
};
static struct derived *derived;
static int nderived, capderived;

js_CFunction
lazyprop_override(js_State *J, int idx, const char *prop, js_CFunction fn,
    const char *name, int length)
{
	struct mj_object *o = js_toobject(J, idx);
	struct lstate *s;
	struct holder *h;
	struct set *to;
	struct entry *e;
	js_CFunction orig;
	int i, k;

	if (!lazyprop_enabled || !(o->extensible & LAZYPROP_FNS) ||
	    (s = state_find(J)) == NULL || (h = holder_find(s, o)) == NULL ||
	    h->set < 0 || (i = pending_entry(h, prop, name_hash(prop))) < 0)
		return NULL;
	e = &sets[h->set].e[i];
	if (e->accessor || e->after != NULL)
		return NULL;
	orig = e->fn;
	for (k = 0; k < nderived; k++)
		if (derived[k].from == h->set && derived[k].i == i &&
		    derived[k].n == h->n && derived[k].fn == fn)
			break;
	if (k == nderived) {
		if (nsets == capsets) {
			capsets = capsets ? 2 * capsets : 32;
			sets = xreallocarray(sets, (size_t)capsets, sizeof *sets);
		}
		to = &sets[nsets];
		memcpy(to, &sets[h->set], sizeof *to);
		to->n = to->cap = h->n;
		to->e = xreallocarray(NULL, (size_t)h->n, sizeof *to->e);
		memcpy(to->e, sets[h->set].e, (size_t)h->n * sizeof *to->e);
		to->e[i].fn = fn;
		to->e[i].name = js_intern(J, name);
		to->e[i].length = length;
		to->e[i].data = NULL;
		if (nderived == capderived) {
			capderived = capderived ? 2 * capderived : 8;
			derived = xreallocarray(derived, (size_t)capderived,
			    sizeof *derived);
		}
		derived[k].from = h->set;
		derived[k].to = nsets++;
		derived[k].i = i;
		derived[k].n = h->n;
		derived[k].fn = fn;
		nderived++;
	}
	h->set = derived[k].to;
	return orig;
}

size_t
lazyprop_trim(js_State *J)
{
	struct lstate *s = state_find(J);
	size_t back;

	if (s == NULL || s->cap == s->n)
		return 0;
	back = (size_t)(s->cap - s->n) * sizeof *s->h;
	if (s->n == 0) {
		free(s->h);
		s->h = NULL;
	} else
		s->h = xreallocarray(s->h, (size_t)s->n, sizeof *s->h);
	s->cap = s->n;
	return back;
}

int
lazyprop_holders(js_State *J)
{
	struct lstate *s = state_find(J);

	return s != NULL ? s->n : 0;
}

/* Whether name may be deferred on o: most misses stop here. */
static inline int
may_defer(const struct mj_object *o, const char *name)
{
	if ((o->extensible & LAZYPROP_LENGTH) && name[0] == 'l')
		return 1;
	if ((o->extensible & LAZYPROP_PROTO) && name[0] == 'p')
		return 1;
	if ((o->extensible & LAZYPROP_STACK) && name[0] == 's')
		return 1;
	return (o->extensible & LAZYPROP_FNS) &&
	    filter_has(filter, FILTER_BITS, name_hash(name));
}

/* Property lookups, as mujs 1.3.2's, making what is deferred on the way;
 * *own tells whether the property is obj's own. */
static inline struct mj_property *
lookup_chain(js_State *J, struct mj_object *o, const char *name, int *own)
{
	struct mj_property *p;

	*own = 1;
	do {
		if ((p = mj_lookup(o->properties, name)) != NULL)
			return p;
		if ((o->extensible & LAZYPROP_ANY) && may_defer(o, name) &&
		    (p = lazyprop_make(J, o, name)) != NULL)
			return p;
		o = o->prototype;
		*own = 0;
	} while (o != NULL);
	return NULL;
}

void *
jsV_getproperty(js_State *J, void *obj, const char *name)
{
	int own;

	return lookup_chain(J, obj, name, &own);
}

void *
jsV_getpropertyx(js_State *J, void *obj, const char *name, int *own)
{
	return lookup_chain(J, obj, name, own);
}

/* Object.freeze and its kin walk the object's properties themselves. */
enum { W_PREVENT, W_SEAL, W_FREEZE, W_ISSEALED, W_ISFROZEN, W_N };
static const char *const walker_names[W_N] = {
	"Object.preventExtensions", "Object.seal", "Object.freeze",
	"Object.isSealed", "Object.isFrozen",
};
static js_CFunction walker_real[W_N];

static void
walker(js_State *J, int w)
{
	if (js_isobject(J, 1)) {
		proporder_own(J, js_toobject(J, 1));
		lazyprop_make_all(J, js_toobject(J, 1));
	}
	walker_real[w](J);
}

static void w_prevent(js_State *J) { walker(J, W_PREVENT); }
static void w_seal(js_State *J) { walker(J, W_SEAL); }
static void w_freeze(js_State *J) { walker(J, W_FREEZE); }
static void w_issealed(js_State *J) { walker(J, W_ISSEALED); }
static void w_isfrozen(js_State *J) { walker(J, W_ISFROZEN); }

static const js_CFunction walker_own[W_N] = {
	w_prevent, w_seal, w_freeze, w_issealed, w_isfrozen,
};

js_CFunction
lazyprop_builtin(const char *name, js_CFunction fn)
{
	int i;

	if (strncmp(name, "Object.", 7) != 0)
		return fn;
	for (i = 0; i < W_N; i++)
		if (strcmp(name, walker_names[i]) == 0) {
			walker_real[i] = fn;
			return walker_own[i];
		}
	return fn;
}

/* A JavaScript function, as mujs 1.3.2's js_newfunction makes it but
 * for its length and prototype properties, which are deferred: most
 * functions a script makes (closures, callbacks, a library's methods)
 * are never constructed with new and never asked for their length. */
void
js_newfunction(js_State *J, void *fun, void *scope)
{
	static void (*real)(js_State *, void *, void *);
	struct mj_object *o;

	if (!lazyprop_enabled) {
		if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
		    "js_newfunction")) == NULL)
			abort();
		real(J, fun, scope);
		return;
	}
	/* Function_prototype: the third of the state's prototypes */
	o = jsV_newobject(J, MJ_CFUNCTION,
	    ((struct mj_state *)(void *)J)->prototypes[2]);
	o->u.f.function = fun;
	o->u.f.scope = scope;
	js_pushobject(J, o);
	/* numbers 1 and 2 in its property order, as mujs would give them */
	proporder_take(o);
	proporder_take(o);
	o->extensible |= LAZYPROP_LENGTH | LAZYPROP_PROTO;
}

/* Every state's built-ins are deferred as mujs makes them. */
js_State *
js_newstate(js_Alloc alloc, void *actx, int flags)
{
	static js_State *(*real)(js_Alloc, void *, int);
	js_State *J;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_newstate")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	lazyprop_capturing++;
	J = real(alloc, actx, flags);
	lazyprop_end();
	return J;
}

void
js_freestate(js_State *J)
{
	static void (*real)(js_State *);

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_freestate")) == NULL)
		abort();
	state_drop(J);
	deepcall_free(J);
	real(J);
}
