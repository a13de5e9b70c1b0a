/* The order in which an object's properties are listed; see proporder.h.
 *
 * Why: mujs 1.3.2 keeps an object's properties in a tree ordered by
 * name and lists them in that order, so for-in, Object.keys, JSON and
 * check() saw {zeta, alpha} as alpha, zeta; JavaScript lists integer
 * keys ascending, then the other names in the order they were added.
 * libmujs.so makes every property through jsV_setproperty and lists them
 * through jsV_newiterator, both called through its PLT, so the
 * definitions below take their place: each new property gets a sequence
 * number, and the iterator sorts by it.
 *
 * The number lives in the high bits of the property's attributes, which
 * mujs only ever sets to 0 at creation, ORs flags into or copies along
 * with the name when it rebalances after a delete, and reads through
 * masks.  Each object counts its own numbers in a part of its union that
 * its class leaves unused; a user-data object has none, and takes one
 * more than the highest of its properties.  An object whose count
 * reaches the bits' limit is renumbered 1..n in order.
 *
 * jsV_nextiterator and jsV_getownproperty are replaced too: the first so
 * that each index an iterator hands out is a string of its own, the
 * second so that the indexes of a typed array and a SharedArray are own
 * properties. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/lazyprop.h"
#include "js/modules.h"
#include "js/env.h"
#include "js/promise.h"
#include "js/mujs-layout.h"
#include "js/proporder.h"
#include "js/proxy.h"
#include "util/xmalloc.h"

/* mujs exports these without declaring them in mujs.h */
void	*jsV_newobject(js_State *, int, void *);
void	*js_toobject(js_State *, int);
void	*js_malloc(js_State *, int);
void	 js_free(js_State *, void *);
const char *js_intern(js_State *, const char *);
int	 js_isarrayindex(js_State *, const char *, int *);
void	 js_pushobject(js_State *, void *);
void	 js_pushobject(js_State *, void *);

#define SEQ_SHIFT	4	/* above mujs's attribute bits */
#define SEQ_MAX		((1u << (32 - SEQ_SHIFT)) - 1)

static unsigned
seq_of(const struct mj_property *p)
{
	return (unsigned)p->atts >> SEQ_SHIFT;
}

static void
seq_set(struct mj_property *p, unsigned seq)
{
	unsigned a = ((unsigned)p->atts & ((1u << SEQ_SHIFT) - 1)) |
	    seq << SEQ_SHIFT;

	memcpy(&p->atts, &a, sizeof a);
}

/* Where an object keeps the last number it gave, or -1 for none: past
 * every member of the union its class uses (the union is 48 bytes; the
 * largest member but those of C functions and user data is 24), and in
 * the padding after a C function's length. */
static int
counter_offset(const struct mj_object *o)
{
	switch (o->type) {
	case MJ_CUSERDATA:
		return -1;
	case MJ_CCFUNCTION:
		return 28;
	default:
		return 44;
	}
}

/* The properties being listed, with what they are sorted by. */
struct entry {
	struct mj_property	*p;
	uint32_t		 index;	/* an array index, or UINT32_MAX */
	unsigned		 seq;
};

/* One vector for every listing: nothing in a listing runs JavaScript,
 * and a process runs one VU at a time. */
static struct entry *vec;
static size_t nvec, capvec;

static uint32_t
array_index(const char *s)
{
	uint64_t v = 0;

	if (*s == '\0' || (s[0] == '0' && s[1] != '\0'))
		return UINT32_MAX;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return UINT32_MAX;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v >= UINT32_MAX)
			return UINT32_MAX;
	}
	return (uint32_t)v;
}

static void
collect(struct mj_property *p, int dontenum_too)
{
	if (p->level == 0)
		return;
	collect(p->left, dontenum_too);
	if (dontenum_too || !(p->atts & MJ_DONTENUM)) {
		if (nvec == capvec) {
			capvec = capvec ? 2 * capvec : 64;
			vec = xreallocarray(vec, capvec, sizeof *vec);
		}
		vec[nvec].p = p;
		vec[nvec].index = UINT32_MAX;
		vec[nvec].seq = seq_of(p);
		nvec++;
	}
	collect(p->right, dontenum_too);
}

static int
by_seq(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
by_order(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return by_seq(a, b);
}

/* Sort vec[from..nvec) as JavaScript lists keys. */
static void
sort_keys(size_t from)
{
	size_t i;

	for (i = from; i < nvec; i++)
		vec[i].index = array_index(vec[i].p->name);
	if (nvec - from > 1)	/* vec may be NULL when empty */
		qsort(vec + from, nvec - from, sizeof *vec, by_order);
}

/* Number o's properties 1..n in their order; the new one, still 0, is
 * left to the caller.  It may come in the middle of a listing that uses
 * vec (js_setindex on an array), so it works on a copy. */
static unsigned
renumber(struct mj_object *o)
{
	struct entry *saved = vec, *mine;
	size_t i, n = 0, savedn = nvec, savedcap = capvec;

	vec = NULL;
	nvec = capvec = 0;
	collect(o->properties, 1);
	mine = vec;
	for (i = 0; i < nvec; i++)
		if (mine[i].seq != 0)
			mine[n++] = mine[i];
	if (n > 1)
		qsort(mine, n, sizeof *mine, by_seq);
	for (i = 0; i < n; i++)
		seq_set(mine[i].p, (unsigned)i + 1);
	free(mine);
	vec = saved;
	nvec = savedn;
	capvec = savedcap;
	return (unsigned)n;
}

static unsigned
highest(const struct mj_property *p)
{
	unsigned h = 0, s;

	if (p->level == 0)
		return 0;
	h = seq_of(p);
	if ((s = highest(p->left)) > h)
		h = s;
	if ((s = highest(p->right)) > h)
		h = s;
	return h;
}

void *
jsV_setproperty(js_State *J, void *obj, const char *name)
{
	static void *(*real)(js_State *, void *, const char *);
	struct mj_object *o = obj;
	struct mj_property *p;
	unsigned next;
	int off;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "jsV_setproperty");
	if (o->extensible & LAZYPROP_ANY)
		lazyprop_make(J, o, name);
	/* mujs's words for it are its own: k6's engine says V8's */
	if (!(o->extensible & 1) && ((struct mj_state *)J)->strict &&
	    mj_lookup(o->properties, name) == NULL)
		js_typeerror(J, "Cannot add property %s, object is not extensible", name);
	p = real(J, obj, name);
	if (p == NULL || seq_of(p) != 0)
		return p;
	if (name[0] == 't' && strcmp(name, "then") == 0)
		promise_then_made(o);
	off = counter_offset(o);
	if (off < 0)
		next = highest(o->properties) + 1;
	else {
		memcpy(&next, o->u.bytes + off, sizeof next);
		next++;
	}
	if (next > SEQ_MAX)
		next = renumber(o) + 1;
	seq_set(p, next);
	if (off >= 0)
		memcpy(o->u.bytes + off, &next, sizeof next);
	return p;
}

unsigned
proporder_peek(void *obj)
{
	struct mj_object *o = obj;
	unsigned next;
	int off = counter_offset(o);

	if (off < 0)
		return 0;
	memcpy(&next, o->u.bytes + off, sizeof next);
	return next + 1 < SEQ_MAX / 2 ? next + 1 : 0;
}

void
proporder_take(void *obj)
{
	struct mj_object *o = obj;
	unsigned next = proporder_peek(obj);

	memcpy(o->u.bytes + counter_offset(o), &next, sizeof next);
}

void
proporder_setseq(void *prop, unsigned seq)
{
	seq_set(prop, seq);
}

/*
 * Deleting a property: mujs 1.3.2's AA-tree deletion, but a node that
 * takes its successor's place takes its getter and setter too (mujs's
 * left them behind, so deleting one property could turn a neighbour
 * into an accessor or lose its getter).  jsV_delproperty is called
 * through the PLT as well.
 */
static struct mj_property *
skew(struct mj_property *node)
{
	struct mj_property *temp;

	if (node->left->level == node->level) {
		temp = node;
		node = node->left;
		temp->left = node->right;
		node->right = temp;
	}
	return node;
}

static struct mj_property *
split(struct mj_property *node)
{
	struct mj_property *temp;

	if (node->right->right->level == node->level) {
		temp = node;
		node = node->right;
		temp->right = node->left;
		node->left = temp;
		++node->level;
	}
	return node;
}

static struct mj_property *
delete(js_State *J, struct mj_object *o, struct mj_property *node,
    const char *name)
{
	struct mj_property *temp, *succ;
	int c;

	if (node->level == 0)
		return node;
	if ((c = strcmp(name, node->name)) < 0)
		node->left = delete(J, o, node->left, name);
	else if (c > 0)
		node->right = delete(J, o, node->right, name);
	else if (node->left->level == 0 || node->right->level == 0) {
		temp = node;
		node = node->left->level == 0 ? node->right : node->left;
		js_free(J, temp);
		--o->count;
	} else {
		succ = node->right;
		while (succ->left->level != 0)
			succ = succ->left;
		node->name = succ->name;
		node->atts = succ->atts;
		node->value = succ->value;
		node->getter = succ->getter;
		node->setter = succ->setter;
		node->right = delete(J, o, node->right, succ->name);
	}
	if (node->left->level < node->level - 1 ||
	    node->right->level < node->level - 1) {
		if (node->right->level > --node->level)
			node->right->level = node->level;
		node = skew(node);
		node->right = skew(node->right);
		node->right->right = skew(node->right->right);
		node = split(node);
		node->right = split(node->right);
	}
	return node;
}

void
jsV_delproperty(js_State *J, void *obj, const char *name)
{
	struct mj_object *o = obj;

	o->properties = delete(J, o, o->properties, name);
}

/* A typed array's or SharedArray's indexes are enumerable own
 * properties (js/binary.c and js/data.c answer them through their has
 * hooks): their count, else 0. */
static int
typed_length(const struct mj_object *o)
{
	long n = binary_typed_length(o->u.user.tag, o->u.user.data);

	if (n < 0)
		n = data_shared_length(o->u.user.tag, o->u.user.data);

	return n > 0 && n <= INT32_MAX ? (int)n : 0;
}

/* A typed array or DataView, whose buffer JavaScript reads through a
 * getter of the prototype, not as an own property. */
static int
is_view(const struct mj_object *o)
{
	return o->type == MJ_CUSERDATA &&
	    binary_typed_length(o->u.user.tag, o->u.user.data) >= 0;
}

/* A k6/http Response shows its fields, and __ENV its variables, as own
 * properties once anything lists or asks for its own properties
 * (js/http-response.c, js/env.c). */
static void
own_fields(js_State *J, struct mj_object *o)
{
	if (o->type != MJ_CUSERDATA)
		return;
	if (http_response_unowned(o->u.user.tag, o->u.user.data)) {
		js_pushobject(J, o);
		http_response_own(J, -1);
		js_pop(J, 1);
	} else if (env_unowned(o->u.user.tag, o->u.user.data)) {
		js_pushobject(J, o);
		env_own(J, -1);
		js_pop(J, 1);
	}
}

void
proporder_own(js_State *J, void *obj)
{
	own_fields(J, obj);
}

/* A proxy lists its own enumerable keys (js/proxy.c): the iterator
 * holds their interned names; the iterator object itself must stay on
 * no stack while the traps run, so it is filled afterwards. */
static void
proxy_iterator(js_State *J, struct mj_object *o, struct mj_object *io)
{
	struct mj_iterator *head = NULL, **tail = &head, *node;
	int i, n, atts;
	const char *name;

	proxy_keys(J, o);
	n = js_getlength(J, -1);
	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		name = js_intern(J, js_tostring(J, -1));
		js_pop(J, 1);
		if (strncmp(name, "@@", 2) == 0 || proxy_own(J, o, name, &atts) != 1)
			continue;
		js_pop(J, 1);
		if (atts & MJ_DONTENUM)
			continue;
		node = js_malloc(J, sizeof *node);
		node->name = name;
		node->next = NULL;
		*tail = node;
		tail = &node->next;
	}
	js_pop(J, 1);
	io->u.iter.head = head;
}

void *
jsV_newiterator(js_State *J, void *obj, int own)
{
	struct mj_object *o = obj, *io, *q, *r;
	struct mj_iterator *head = NULL, *node;
	size_t i, from, n;

	own_fields(J, o);
	/* a native module's functions, deferred though enumerable */
	for (q = o; q != NULL; q = own ? NULL : q->prototype)
		if (q->extensible & LAZYPROP_ENUM)
			lazyprop_make_all(J, q);
	io = jsV_newobject(J, MJ_CITERATOR, NULL);
	io->u.iter.target = o;
	io->u.iter.i = 0;
	io->u.iter.n = 0;
	io->u.iter.head = NULL;
	if (proxy_holder(J, o) != NULL) {
		proxy_iterator(J, o, io);
		return io;
	}
	nvec = 0;
	for (q = o; q != NULL; q = own ? NULL : q->prototype) {
		from = nvec;
		collect(q->properties, 0);
		/* A name an object nearer the start of the chain has is
		 * listed there, or not at all. */
		for (i = n = from; i < nvec; i++) {
			for (r = o; r != q; r = r->prototype)
				if (mj_lookup(r->properties, vec[i].p->name) ||
				    ((r->extensible & LAZYPROP_ANY) &&
				    lazyprop_deferred(J, r, vec[i].p->name)))
					break;
			if (r == q)
				vec[n++] = vec[i];
		}
		nvec = n;
		sort_keys(from);
	}
	n = nvec;
	nvec = 0;
	for (i = n; i-- > 0;) {
		node = js_malloc(J, sizeof *node);
		node->name = vec[i].p->name;
		node->next = head;
		head = node;
		io->u.iter.head = head;
	}
	if (o->type == MJ_CSTRING)
		io->u.iter.n = o->u.s.length;
	if (o->type == MJ_CARRAY && o->u.a.simple)
		io->u.iter.n = o->u.a.length;
	if (o->type == MJ_CUSERDATA)
		io->u.iter.n = typed_length(o);
	return io;
}

const char *
proporder_sole_key(js_State *J, int idx)
{
	struct mj_object *o = js_toobject(J, idx);
	struct mj_property *p = o->properties;

	if (o->type != MJ_COBJECT || (o->extensible & LAZYPROP_ANY) ||
	    p->level == 0 || p->left->level != 0 ||
	    p->right->level != 0 || (p->atts & MJ_DONTENUM))
		return NULL;
	return p->name;
}

static void
push_index(js_State *J, int *i, uint32_t k)
{
	char name[16];

	snprintf(name, sizeof name, "%u", (unsigned)k);
	js_pushstring(J, name);
	js_setindex(J, -2, (*i)++);
}

/* Object.getOwnPropertyNames(o): indexes, then length for arrays and
 * strings, then the other names as they were added. */
void
proporder_names(js_State *J)
{
	struct mj_object *o;
	int i = 0, length, stack;
	size_t k, n;
	uint32_t len = 0;

	if (!js_isobject(J, 1))
		js_typeerror(J, "not an object");
	o = js_toobject(J, 1);
	own_fields(J, o);
	/* an error's stack is listed first, not made (its text costs as
	 * much as the error): nothing else is deferred on an error */
	stack = o->extensible & LAZYPROP_STACK;
	o->extensible &= ~LAZYPROP_STACK;
	lazyprop_make_all(J, o);
	o->extensible |= stack;
	if (proxy_keys(J, o))
		return;
	js_newarray(J);
	if (o->type == MJ_CSTRING)
		len = (uint32_t)o->u.s.length;
	else if (o->type == MJ_CARRAY && o->u.a.simple)
		len = (uint32_t)o->u.a.length;
	else if (o->type == MJ_CUSERDATA)
		len = (uint32_t)typed_length(o);
	for (k = 0; k < len; k++)
		push_index(J, &i, (uint32_t)k);
	length = o->type == MJ_CSTRING || o->type == MJ_CARRAY;
	nvec = 0;
	collect(o->properties, 1);
	sort_keys(0);
	n = nvec;
	nvec = 0;
	/* js_pushstring copies, and nothing here adds or frees properties:
	 * vec stays valid while the names are pushed. */
	for (k = 0; k < n; k++) {
		if (is_view(o) && strcmp(vec[k].p->name, "buffer") == 0)
			continue;
		if (length && vec[k].index == UINT32_MAX) {
			js_pushliteral(J, "length");
			js_setindex(J, -2, i++);
			length = 0;
		}
		if (stack && vec[k].index == UINT32_MAX) {
			js_pushliteral(J, "stack");
			js_setindex(J, -2, i++);
			stack = 0;
		}
		js_pushstring(J, vec[k].p->name);
		js_setindex(J, -2, i++);
	}
	if (length) {
		js_pushliteral(J, "length");
		js_setindex(J, -2, i++);
	}
	if (stack) {
		js_pushliteral(J, "stack");
		js_setindex(J, -2, i++);
	}
}

/*
 * The names of array, string and typed array indexes that an iterator
 * hands out.  mujs 1.3.2 writes each into one buffer of the state, which
 * for-in then pushes as a literal (a pointer): every index read later saw
 * the last one, so for (k in [1, 2, 3]) gave "2", "2", "2".  Names below
 * INDEX_TABLE live in blocks made on first use and kept for the process;
 * higher ones are interned.
 */
#define INDEX_BLOCK	4096
#define INDEX_TABLE	(INDEX_BLOCK * 256)

static const char *
index_name(js_State *J, int k)
{
	static char *blocks[INDEX_TABLE / INDEX_BLOCK];
	char buf[16], *b;
	int i;

	if (k < 0 || k >= INDEX_TABLE) {
		snprintf(buf, sizeof buf, "%d", k);
		return js_intern(J, buf);
	}
	if ((b = blocks[k / INDEX_BLOCK]) == NULL) {
		b = blocks[k / INDEX_BLOCK] = xmalloc(INDEX_BLOCK * 8);
		for (i = 0; i < INDEX_BLOCK; i++)
			snprintf(b + i * 8, 8, "%d", k / INDEX_BLOCK *
			    INDEX_BLOCK + i);
	}
	return b + (k % INDEX_BLOCK) * 8;
}

const char *
jsV_nextiterator(js_State *J, void *iobj)
{
	struct mj_object *io = iobj, *t;
	struct mj_iterator *next;
	const char *name;
	int k;

	if (io->type != MJ_CITERATOR)
		js_typeerror(J, "not an iterator");
	if (io->u.iter.i < io->u.iter.n)
		return index_name(J, io->u.iter.i++);
	t = io->u.iter.target;
	while (io->u.iter.head != NULL) {
		next = io->u.iter.head->next;
		name = io->u.iter.head->name;
		js_free(J, io->u.iter.head);
		io->u.iter.head = next;
		if (t->type == MJ_CUSERDATA && proxy_holder(J, t) != NULL)
			return name;
		if (jsV_getproperty(J, t, name) != NULL)
			return name;
		if (t->type == MJ_CSTRING && js_isarrayindex(J, name, &k) &&
		    k < t->u.s.length)
			return name;
		if (t->type == MJ_CARRAY && t->u.a.simple &&
		    js_isarrayindex(J, name, &k) && k < t->u.a.length)
			return name;
	}
	return NULL;
}

/* An own property: an index of a typed array or a SharedArray answers
 * as one, its value in a property of the state's (read at once by
 * hasOwnProperty and propertyIsEnumerable). */
void *
jsV_getownproperty(js_State *J, void *obj, const char *name)
{
	static struct mj_property elem;
	struct mj_object *o = obj, *h;
	struct mj_property *p;
	int k, atts;

	if (o->type == MJ_CUSERDATA && strncmp(name, "@@ly:", 5) != 0 &&
	    (h = proxy_holder(J, o)) != NULL) {
		/* The value goes through the holder, which keeps it alive. */
		if (proxy_own(J, o, name, &atts) != 1)
			return NULL;
		js_pushobject(J, h);
		js_rot2(J);
		js_setproperty(J, -2, "@@ly:own");
		js_pop(J, 1);
		if ((p = mj_lookup(h->properties, "@@ly:own")) == NULL)
			return NULL;
		memset(&elem, 0, sizeof elem);
		elem.name = name;
		elem.value = p->value;
		elem.atts = atts;
		return &elem;
	}

	if (o->type == MJ_CUSERDATA && js_isarrayindex(J, name, &k) &&
	    k < typed_length(o) && o->u.user.has != NULL) {
		int (*has)(js_State *, void *, const char *) = o->u.user.has;
		struct mj_property *held;

		if (!has(J, o->u.user.data, name))
			return NULL;
		/* the value, of any type, as mujs holds it in a property:
		 * nothing collects it before the caller reads it (no script
		 * runs in between) */
		js_newobject(J);
		js_rot2(J);
		js_setproperty(J, -2, "v");
		held = mj_lookup(((struct mj_object *)js_toobject(J, -1))->properties, "v");
		memset(&elem, 0, sizeof elem);
		elem.name = name;
		elem.value = held->value;
		js_pop(J, 1);
		return &elem;
	}
	/* no Response field starts with "@@": an internal key or a symbol
	 * (await asks every value for "@@ly:p") leaves its fields be */
	if (name[0] != '@' || name[1] != '@')
		own_fields(J, o);
	if ((p = mj_lookup(o->properties, name)) == NULL &&
	    (o->extensible & LAZYPROP_ANY))
		p = lazyprop_make(J, o, name);
	return p;
}
