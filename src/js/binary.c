/* ArrayBuffer, typed arrays and DataView; see binary.h.
 *
 * An ArrayBuffer is a userdata (tag "ArrayBuffer") owning a struct abuf.
 * A view (a typed array, tagged with its constructor's name, or a
 * DataView) is a userdata owning a struct view that points into the
 * buffer's bytes; the view's own "buffer" property holds the ArrayBuffer
 * object, which keeps it alive as long as the view.  Indexes, length,
 * byteLength and byteOffset are answered by the has/put hooks, so a view
 * carries one property; typed arrays share one prototype of methods,
 * most of them Array.prototype's own generic functions (they work on any
 * array-like).  Elements are in the machine's byte order, as in
 * JavaScript engines; DataView picks its own.
 *
 * The bytes are C memory (xmalloc), outside the VU's counted JavaScript
 * heap: one buffer is capped at BINARY_MAX bytes instead. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mujs.h>

#include "js/binary.h"
#include "util/xmalloc.h"

#define BINARY_MAX	((size_t)1 << 30)
/* mujs schedules its collections by counting its own allocations and
 * knows nothing of the bytes buffers hold outside its heap: after this
 * many bytes of new buffers, collect, so that dropped buffers (a binary
 * response body every iteration) do not pile up between collections. */
#define BINARY_GC_BYTES	((double)(8 << 20))

enum {
	T_INT8, T_UINT8, T_UINT8C, T_INT16, T_UINT16, T_INT32, T_UINT32,
	T_FLOAT32, T_FLOAT64, NTYPES
};

static const struct {
	const char	*name;
	const char	*key;	/* the prototype's registry key */
	size_t		 size;
} types[NTYPES] = {
	{ "Int8Array", "ly.bin.0", 1 },
	{ "Uint8Array", "ly.bin.1", 1 },
	{ "Uint8ClampedArray", "ly.bin.2", 1 },
	{ "Int16Array", "ly.bin.3", 2 },
	{ "Uint16Array", "ly.bin.4", 2 },
	{ "Int32Array", "ly.bin.5", 4 },
	{ "Uint32Array", "ly.bin.6", 4 },
	{ "Float32Array", "ly.bin.7", 4 },
	{ "Float64Array", "ly.bin.8", 8 },
};

#define T_DATAVIEW	(-1)

struct abuf {
	size_t		 len;
	unsigned char	 data[];
};

struct view {
	struct abuf	*ab;
	size_t		 off;	/* in bytes */
	size_t		 len;	/* in elements (bytes for a DataView) */
	int		 type;	/* T_*, or T_DATAVIEW */
};

static void
fin(js_State *J, void *p)
{
	(void)J;
	free(p);
}

/* ToIndex: a non-negative integer, or a RangeError naming what. */
static size_t
to_index(js_State *J, int idx, const char *what)
{
	double d;

	if (!js_isdefined(J, idx))
		return 0;
	d = js_tonumber(J, idx);
	if (isnan(d))
		return 0;
	d = trunc(d);
	if (d < 0 || d > (double)BINARY_MAX)
		js_rangeerror(J, "Invalid %s: %s", what, js_tostring(J, idx));
	return (size_t)d;
}

/* A relative index (negative counts from the end), clamped to [0, len]. */
static size_t
rel_index(js_State *J, int idx, size_t len, size_t dflt)
{
	double d;

	if (!js_isdefined(J, idx))
		return dflt;
	d = js_tonumber(J, idx);
	if (isnan(d))
		return 0;
	d = trunc(d);
	if (d < 0)
		return d + (double)len < 0 ? 0 : (size_t)(d + (double)len);
	return d > (double)len ? len : (size_t)d;
}

/* A property name that is an array index: its value in *i. */
static int
index_name(const char *s, size_t *i)
{
	size_t n = 0;

	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] != '\0'))
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > BINARY_MAX)
			return 0;
		n = n * 10 + (size_t)(*s - '0');
	}
	if (*s != '\0')
		return 0;
	*i = n;
	return 1;
}

/* ECMAScript's modular integer conversion (ToUint32 and its narrower
 * kin keep the low bits). */
static uint32_t
to_u32(double d)
{
	if (!isfinite(d))
		return 0;
	d = fmod(trunc(d), 4294967296.0);
	if (d < 0)
		d += 4294967296.0;
	return (uint32_t)d;
}

static double
get_elem(int type, const unsigned char *p)
{
	int8_t i8; uint8_t u8; int16_t i16; uint16_t u16;
	int32_t i32; uint32_t u32; float f; double d;

	switch (type) {
	case T_INT8: memcpy(&i8, p, 1); return i8;
	case T_UINT8: case T_UINT8C: memcpy(&u8, p, 1); return u8;
	case T_INT16: memcpy(&i16, p, 2); return i16;
	case T_UINT16: memcpy(&u16, p, 2); return u16;
	case T_INT32: memcpy(&i32, p, 4); return i32;
	case T_UINT32: memcpy(&u32, p, 4); return u32;
	case T_FLOAT32: memcpy(&f, p, 4); return f;
	default: memcpy(&d, p, 8); return d;
	}
}

static void
set_elem(int type, unsigned char *p, double d)
{
	uint32_t u = to_u32(d);
	uint16_t u16 = (uint16_t)u;
	uint8_t u8 = (uint8_t)u;
	float f;

	switch (type) {
	case T_INT8: case T_UINT8: memcpy(p, &u8, 1); break;
	case T_UINT8C:
		/* Clamped, and rounded half to even (lrint's default). */
		u8 = isnan(d) || d <= 0 ? 0 : d >= 255 ? 255 : (uint8_t)lrint(d);
		memcpy(p, &u8, 1);
		break;
	case T_INT16: case T_UINT16: memcpy(p, &u16, 2); break;
	case T_INT32: case T_UINT32: memcpy(p, &u, 4); break;
	case T_FLOAT32: f = (float)d; memcpy(p, &f, 4); break;
	default: memcpy(p, &d, 8); break;
	}
}

static int
ab_has(js_State *J, void *p, const char *name)
{
	struct abuf *ab = p;

	if (strcmp(name, "byteLength") != 0)
		return 0;
	js_pushnumber(J, (double)ab->len);
	return 1;
}

static int
ab_put(js_State *J, void *p, const char *name)
{
	(void)J;
	(void)p;
	return strcmp(name, "byteLength") == 0;
}

/* Count len more bytes of buffers in this state; collect garbage when
 * they reach BINARY_GC_BYTES since the last time. */
static void
count_bytes(js_State *J, size_t len)
{
	double n;

	js_getregistry(J, "ly.bin.new");
	n = js_isnumber(J, -1) ? js_tonumber(J, -1) : 0;
	js_pop(J, 1);
	n += (double)len;
	if (n >= BINARY_GC_BYTES) {
		js_gc(J, 0);
		n = 0;
	}
	js_pushnumber(J, n);
	js_setregistry(J, "ly.bin.new");
}

/* Push a new zero-filled ArrayBuffer of len bytes and return its data. */
static struct abuf *
push_ab(js_State *J, size_t len)
{
	struct abuf *ab;

	if (len > BINARY_MAX)
		js_rangeerror(J, "Array buffer allocation failed: %zu bytes is "
		    "over the limit of %zu", len, BINARY_MAX);
	count_bytes(J, len);
	binary_load(J);
	js_getregistry(J, "ly.bin.ab");
	/* Not xcalloc: a script asking for too much gets an exception, not
	 * the end of its process. */
	if ((ab = calloc(1, sizeof *ab + len)) == NULL)
		js_rangeerror(J, "Array buffer allocation failed: out of memory "
		    "for %zu bytes", len);
	ab->len = len;
	js_newuserdatax(J, "ArrayBuffer", ab, ab_has, ab_put, NULL, fin);
	return ab;
}

/* The view at idx (any typed array when type is NTYPES), or NULL. */
static struct view *
to_view(js_State *J, int idx, int type)
{
	int t;

	if (!js_isobject(J, idx))
		return NULL;
	if (type == T_DATAVIEW)
		return js_isuserdata(J, idx, "DataView") ?
		    js_touserdata(J, idx, "DataView") : NULL;
	for (t = 0; t < NTYPES; t++)
		if ((type == NTYPES || type == t) &&
		    js_isuserdata(J, idx, types[t].name))
			return js_touserdata(J, idx, types[t].name);
	return NULL;
}

static struct view *
this_typed(js_State *J)
{
	struct view *v = to_view(J, 0, NTYPES);

	if (v == NULL)
		js_typeerror(J, "this is not a typed array");
	return v;
}

const char *
binary_typed_name(js_State *J, int idx)
{
	struct view *v = to_view(J, idx, NTYPES);

	return v != NULL ? types[v->type].name : NULL;
}

long
binary_typed_length(const char *tag, const void *data)
{
	int i;

	/* A view's tag is its constructor's name of types[], as given. */
	for (i = 0; i < NTYPES; i++)
		if (tag == types[i].name)
			return (long)((const struct view *)data)->len;
	return tag != NULL && strcmp(tag, "DataView") == 0 ? 0 : -1;
}

static int
view_has(js_State *J, void *p, const char *name)
{
	struct view *v = p;
	size_t i, size = v->type == T_DATAVIEW ? 1 : types[v->type].size;

	if (v->type != T_DATAVIEW && index_name(name, &i)) {
		if (i >= v->len)
			return 0;
		js_pushnumber(J, get_elem(v->type, v->ab->data + v->off + i * size));
		return 1;
	}
	if (v->type != T_DATAVIEW && strcmp(name, "length") == 0)
		js_pushnumber(J, (double)v->len);
	else if (strcmp(name, "byteLength") == 0)
		js_pushnumber(J, (double)(v->len * size));
	else if (strcmp(name, "byteOffset") == 0)
		js_pushnumber(J, (double)v->off);
	else
		return 0;
	return 1;
}

static int
view_put(js_State *J, void *p, const char *name)
{
	struct view *v = p;
	size_t i;
	double d;

	if (v->type != T_DATAVIEW && index_name(name, &i)) {
		/* Out of range: ignored, as in JavaScript. */
		if (i < v->len) {
			d = js_tonumber(J, -1);
			set_elem(v->type, v->ab->data + v->off +
			    i * types[v->type].size, d);
		}
		return 1;
	}
	return strcmp(name, "length") == 0 || strcmp(name, "byteLength") == 0 ||
	    strcmp(name, "byteOffset") == 0;
}

/* Push a view of type over the ArrayBuffer at bufidx. */
static struct view *
push_view(js_State *J, int type, int bufidx, size_t off, size_t len)
{
	struct abuf *ab;
	struct view *v;

	if (bufidx < 0)
		bufidx += js_gettop(J);
	ab = js_touserdata(J, bufidx, "ArrayBuffer");
	js_getregistry(J, type == T_DATAVIEW ? "ly.bin.dv" : types[type].key);
	v = xmalloc(sizeof *v);
	v->ab = ab;
	v->off = off;
	v->len = len;
	v->type = type;
	js_newuserdatax(J, type == T_DATAVIEW ? "DataView" : types[type].name,
	    v, view_has, view_put, NULL, fin);
	js_copy(J, bufidx);
	js_defproperty(J, -2, "buffer", JS_READONLY | JS_DONTENUM | JS_DONTCONF);
	return v;
}

/* Push a new typed array of type and len elements, on a new buffer. */
static struct view *
push_typed(js_State *J, int type, size_t len)
{
	struct view *v;

	if (len > BINARY_MAX / types[type].size)
		js_rangeerror(J, "Invalid typed array length: %zu", len);
	push_ab(J, len * types[type].size);
	v = push_view(J, type, -1, 0, len);
	js_rot2pop1(J);
	return v;
}

/* Fill the typed array v, of n elements, from the array-like at idx. */
static void
fill_from(js_State *J, struct view *v, int idx, int map)
{
	struct view *src = to_view(J, idx, NTYPES);
	size_t i, size = types[v->type].size;
	double d;

	for (i = 0; i < v->len; i++) {
		if (src != NULL && !map)
			d = get_elem(src->type, src->ab->data + src->off +
			    i * types[src->type].size);
		else {
			if (map) {
				js_copy(J, map);
				js_copy(J, map + 1);
			}
			js_getindex(J, idx, (int)i);
			if (map) {
				js_pushnumber(J, (double)i);
				js_call(J, 2);
			}
			d = js_tonumber(J, -1);
			js_pop(J, 1);
		}
		set_elem(v->type, v->ab->data + v->off + i * size, d);
	}
}

/* The length of an array-like or typed array, capped. */
static size_t
length_of(js_State *J, int idx)
{
	struct view *src = to_view(J, idx, NTYPES);
	double d;

	if (src != NULL)
		return src->len;
	js_getproperty(J, idx, "length");
	d = js_tonumber(J, -1);
	js_pop(J, 1);
	if (isnan(d) || d <= 0)
		return 0;
	if (d > (double)BINARY_MAX)
		js_rangeerror(J, "Invalid typed array length: %g", d);
	return (size_t)d;
}

/* new T(), new T(length), new T(arrayLike or typedArray),
 * new T(buffer, byteOffset, length) */
static void
typed_new(js_State *J, int type)
{
	const char *name = types[type].name;
	size_t size = types[type].size, off, len;
	struct abuf *ab;
	struct view *v;

	if (js_isuserdata(J, 1, "ArrayBuffer")) {
		ab = js_touserdata(J, 1, "ArrayBuffer");
		off = to_index(J, 2, "start offset");
		if (off % size != 0)
			js_rangeerror(J, "start offset of %s should be a multiple "
			    "of %zu", name, size);
		if (off > ab->len)
			js_rangeerror(J, "Start offset %zu is outside the bounds "
			    "of the buffer", off);
		if (!js_isdefined(J, 3)) {
			if ((ab->len - off) % size != 0)
				js_rangeerror(J, "byte length of %s should be a "
				    "multiple of %zu", name, size);
			len = (ab->len - off) / size;
		} else {
			len = to_index(J, 3, "typed array length");
			if (len > (ab->len - off) / size)
				js_rangeerror(J, "Invalid typed array length: %zu",
				    len);
		}
		push_view(J, type, 1, off, len);
	} else if (js_isobject(J, 1)) {
		v = push_typed(J, type, length_of(J, 1));
		fill_from(J, v, 1, 0);
	} else
		push_typed(J, type, to_index(J, 1, "typed array length"));
}

static void
typed_call(js_State *J)
{
	js_typeerror(J, "Constructor requires 'new'");
}

#define TYPED_NEW(t) static void typed_new_##t(js_State *J) { typed_new(J, t); }
TYPED_NEW(T_INT8) TYPED_NEW(T_UINT8) TYPED_NEW(T_UINT8C) TYPED_NEW(T_INT16)
TYPED_NEW(T_UINT16) TYPED_NEW(T_INT32) TYPED_NEW(T_UINT32)
TYPED_NEW(T_FLOAT32) TYPED_NEW(T_FLOAT64)
static const js_CFunction typed_news[NTYPES] = {
	typed_new_T_INT8, typed_new_T_UINT8, typed_new_T_UINT8C,
	typed_new_T_INT16, typed_new_T_UINT16, typed_new_T_INT32,
	typed_new_T_UINT32, typed_new_T_FLOAT32, typed_new_T_FLOAT64,
};

/* The type whose constructor is `this` (for T.from and T.of). */
static int
this_ctor_type(js_State *J)
{
	int t, eq;

	if (!js_isobject(J, 0))
		js_typeerror(J, "this is not a typed array constructor");
	js_getproperty(J, 0, "prototype");
	for (t = 0; t < NTYPES; t++) {
		js_getregistry(J, types[t].key);
		eq = js_strictequal(J);
		js_pop(J, 1);
		if (eq)
			break;
	}
	js_pop(J, 1);
	if (t == NTYPES)
		js_typeerror(J, "this is not a typed array constructor");
	return t;
}

/* T.from(arrayLike[, mapFn[, thisArg]]) */
static void
typed_from(js_State *J)
{
	int t = this_ctor_type(J);
	struct view *v;

	if (js_isdefined(J, 2) && !js_iscallable(J, 2))
		js_typeerror(J, "%s.from: the map function is not callable",
		    types[t].name);
	v = push_typed(J, t, length_of(J, 1));
	fill_from(J, v, 1, js_isdefined(J, 2) ? 2 : 0);
}

/* T.of(...items) */
static void
typed_of(js_State *J)
{
	int t = this_ctor_type(J), i, n = js_gettop(J) - 1;
	struct view *v = push_typed(J, t, (size_t)n);

	for (i = 0; i < n; i++)
		set_elem(t, v->ab->data + v->off + (size_t)i * types[t].size,
		    js_tonumber(J, i + 1));
}

/* set(source[, offset]) */
static void
typed_set(js_State *J)
{
	struct view *v = this_typed(J), *src = to_view(J, 1, NTYPES);
	size_t off = to_index(J, 2, "offset"), n, i, size = types[v->type].size;
	double *tmp;

	if (!js_isobject(J, 1))
		js_typeerror(J, "set: the source is not an array or typed array");
	n = length_of(J, 1);
	if (n > v->len || off > v->len - n)
		js_rangeerror(J, "offset is out of bounds");
	if (src != NULL && src->type == v->type)
		memmove(v->ab->data + v->off + off * size, src->ab->data +
		    src->off, n * size);
	else if (src != NULL && src->ab != v->ab)
		for (i = 0; i < n; i++)
			set_elem(v->type, v->ab->data + v->off + (off + i) * size,
			    get_elem(src->type, src->ab->data + src->off +
			    i * types[src->type].size));
	else if (src != NULL) {
		/* Different types over one buffer: through a copy. */
		if ((tmp = calloc(n ? n : 1, sizeof *tmp)) == NULL)
			js_rangeerror(J, "set: out of memory");
		for (i = 0; i < n; i++)
			tmp[i] = get_elem(src->type, src->ab->data + src->off +
			    i * types[src->type].size);
		for (i = 0; i < n; i++)
			set_elem(v->type, v->ab->data + v->off +
			    (off + i) * size, tmp[i]);
		free(tmp);
	} else
		for (i = 0; i < n; i++) {
			js_getindex(J, 1, (int)i);
			set_elem(v->type, v->ab->data + v->off + (off + i) * size,
			    js_tonumber(J, -1));
			js_pop(J, 1);
		}
	js_pushundefined(J);
}

/* subarray(begin, end): a view on the same buffer. */
static void
typed_subarray(js_State *J)
{
	struct view *v = this_typed(J);
	size_t b = rel_index(J, 1, v->len, 0), e = rel_index(J, 2, v->len, v->len);

	if (e < b)
		e = b;
	js_getproperty(J, 0, "buffer");
	push_view(J, v->type, -1, v->off + b * types[v->type].size, e - b);
}

/* slice(begin, end): a copy. */
static void
typed_slice(js_State *J)
{
	struct view *v = this_typed(J), *n;
	size_t b = rel_index(J, 1, v->len, 0), e = rel_index(J, 2, v->len, v->len);
	size_t size = types[v->type].size;

	if (e < b)
		e = b;
	n = push_typed(J, v->type, e - b);
	memcpy(n->ab->data, v->ab->data + v->off + b * size, (e - b) * size);
}

/* fill(value, begin, end): returns this. */
static void
typed_fill(js_State *J)
{
	struct view *v = this_typed(J);
	double d = js_tonumber(J, 1);
	size_t b = rel_index(J, 2, v->len, 0), e = rel_index(J, 3, v->len, v->len);

	for (; b < e; b++)
		set_elem(v->type, v->ab->data + v->off + b * types[v->type].size, d);
	js_copy(J, 0);
}

/* map(fn, thisArg): a new typed array of the same type. */
static void
typed_map(js_State *J)
{
	struct view *v = this_typed(J), *n;
	size_t i, size = types[v->type].size;

	if (!js_iscallable(J, 1))
		js_typeerror(J, "map: the callback is not a function");
	n = push_typed(J, v->type, v->len);
	for (i = 0; i < v->len; i++) {
		js_copy(J, 1);
		js_copy(J, 2);
		js_pushnumber(J, get_elem(v->type, v->ab->data + v->off + i * size));
		js_pushnumber(J, (double)i);
		js_copy(J, 0);
		js_call(J, 3);
		set_elem(v->type, n->ab->data + i * size, js_tonumber(J, -1));
		js_pop(J, 1);
	}
}

/* new ArrayBuffer(length) */
static void
ab_new(js_State *J)
{
	push_ab(J, to_index(J, 1, "array buffer length"));
}

static void
ab_call(js_State *J)
{
	js_typeerror(J, "Constructor ArrayBuffer requires 'new'");
}

/* ArrayBuffer.prototype.slice(begin, end) */
static void
ab_slice(js_State *J)
{
	struct abuf *ab = js_touserdata(J, 0, "ArrayBuffer"), *n;
	size_t b = rel_index(J, 1, ab->len, 0), e = rel_index(J, 2, ab->len, ab->len);

	if (e < b)
		e = b;
	n = push_ab(J, e - b);
	memcpy(n->data, ab->data + b, e - b);
}

static void
ab_isview(js_State *J)
{
	js_pushboolean(J, to_view(J, 1, NTYPES) != NULL ||
	    to_view(J, 1, T_DATAVIEW) != NULL);
}

/* new DataView(buffer, byteOffset, byteLength) */
static void
dv_new(js_State *J)
{
	struct abuf *ab;
	size_t off, len;

	if (!js_isuserdata(J, 1, "ArrayBuffer"))
		js_typeerror(J, "First argument to DataView constructor must "
		    "be an ArrayBuffer");
	ab = js_touserdata(J, 1, "ArrayBuffer");
	off = to_index(J, 2, "DataView offset");
	if (off > ab->len)
		js_rangeerror(J, "Start offset %zu is outside the bounds of the "
		    "buffer", off);
	len = js_isdefined(J, 3) ? to_index(J, 3, "DataView length") :
	    ab->len - off;
	if (len > ab->len - off)
		js_rangeerror(J, "Invalid DataView length %zu", len);
	push_view(J, T_DATAVIEW, 1, off, len);
}

static void
dv_call(js_State *J)
{
	js_typeerror(J, "Constructor DataView requires 'new'");
}

/* getT(byteOffset, littleEndian) and setT(byteOffset, value,
 * littleEndian); the function's data is the type, plus 16 for set. */
static void
dv_access(js_State *J)
{
	int op = (int)(intptr_t)js_currentfunctiondata(J);
	int type = op & 15, set = op >= 16;
	struct view *v = to_view(J, 0, T_DATAVIEW);
	size_t size = types[type].size, off, i;
	unsigned char tmp[8], *p;
	int little;
	uint16_t one = 1;
	int host_little;
	double d = 0;

	if (v == NULL)
		js_typeerror(J, "this is not a DataView");
	off = to_index(J, 1, "offset");
	if (set)
		d = js_tonumber(J, 2);
	little = js_gettop(J) > (set ? 3 : 2) && js_toboolean(J, set ? 3 : 2);
	if (off > v->len || size > v->len - off)
		js_rangeerror(J, "Offset is outside the bounds of the DataView");
	p = v->ab->data + v->off + off;
	memcpy(tmp, &one, 1);
	host_little = tmp[0] == 1;
	if (set) {
		set_elem(type, tmp, d);
		for (i = 0; i < size; i++)
			p[i] = tmp[little == host_little ? i : size - 1 - i];
		js_pushundefined(J);
	} else {
		for (i = 0; i < size; i++)
			tmp[i] = p[little == host_little ? i : size - 1 - i];
		js_pushnumber(J, get_elem(type, tmp));
	}
}

/* Give the global name the constructor on top of the stack (popped):
 * through the runtime library's rt.def when a lazy global stands there. */
static void
publish(js_State *J, const char *name)
{
	js_getregistry(J, "ly.rt");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_defglobal(J, name, JS_DONTENUM);
		return;
	}
	js_getproperty(J, -1, "def");
	js_rot2(J);
	js_pushglobal(J);
	js_pushstring(J, name);
	js_copy(J, -5);
	js_call(J, 3);
	js_pop(J, 2);
}

static void
setfn(js_State *J, js_CFunction f, const char *name, int n)
{
	js_newcfunction(J, f, name, n);
	js_defproperty(J, -2, name, JS_DONTENUM);
}

/* Array.prototype's methods that work on any array-like, shared by the
 * typed arrays (those of the runtime library are stubs, loaded on use). */
static const char *const shared[] = {
	"join", "toString", "toLocaleString", "indexOf", "lastIndexOf",
	"forEach", "every", "some", "reduce", "reduceRight", "reverse",
	"includes", "find", "findIndex", "findLast", "findLastIndex", "at",
	"keys", "values", "entries", "@@sym:Symbol.iterator",
};

void
binary_load(js_State *J)
{
	/* Static: mujs keeps a C function's name by pointer. */
	static const char *const dv_names[2][NTYPES] = {
		{ "getInt8", "getUint8", NULL, "getInt16", "getUint16",
		    "getInt32", "getUint32", "getFloat32", "getFloat64" },
		{ "setInt8", "setUint8", NULL, "setInt16", "setUint16",
		    "setInt32", "setUint32", "setFloat32", "setFloat64" },
	};
	size_t i;
	int t, set;

	js_getregistry(J, "ly.bin.ab");
	t = js_isobject(J, -1);
	js_pop(J, 1);
	if (t)
		return;

	/* ArrayBuffer; its prototype is in the registry from here on, so a
	 * nested call returns at once. */
	js_newobject(J);
	js_copy(J, -1);
	js_setregistry(J, "ly.bin.ab");
	setfn(J, ab_slice, "slice", 2);
	js_newcconstructor(J, ab_call, ab_new, "ArrayBuffer", 1);
	setfn(J, ab_isview, "isView", 1);

	/* The typed arrays' shared prototype, then one per type. */
	js_newobject(J);
	js_getglobal(J, "Array");
	js_getproperty(J, -1, "prototype");
	for (i = 0; i < sizeof shared / sizeof shared[0]; i++) {
		js_getproperty(J, -1, shared[i]);
		if (js_isundefined(J, -1))
			js_pop(J, 1);
		else
			js_defproperty(J, -4, shared[i], JS_DONTENUM);
	}
	js_pop(J, 2);
	setfn(J, typed_set, "set", 2);
	setfn(J, typed_subarray, "subarray", 2);
	setfn(J, typed_slice, "slice", 2);
	setfn(J, typed_fill, "fill", 3);
	setfn(J, typed_map, "map", 2);
	js_newcfunction(J, typed_from, "from", 3);
	js_newcfunction(J, typed_of, "of", 0);
	/* Stack: ArrayBuffer, base prototype, from, of. */
	for (t = 0; t < NTYPES; t++) {
		js_copy(J, -3);
		js_newobjectx(J);
		js_pushnumber(J, (double)types[t].size);
		js_defproperty(J, -2, "BYTES_PER_ELEMENT",
		    JS_READONLY | JS_DONTENUM | JS_DONTCONF);
		js_copy(J, -1);
		js_setregistry(J, types[t].key);
		js_newcconstructor(J, typed_call, typed_news[t], types[t].name, 3);
		js_pushnumber(J, (double)types[t].size);
		js_defproperty(J, -2, "BYTES_PER_ELEMENT",
		    JS_READONLY | JS_DONTENUM | JS_DONTCONF);
		js_copy(J, -3);
		js_defproperty(J, -2, "from", JS_DONTENUM);
		js_copy(J, -2);
		js_defproperty(J, -2, "of", JS_DONTENUM);
		publish(J, types[t].name);
	}
	js_pop(J, 3);

	js_newobject(J);
	js_copy(J, -1);
	js_setregistry(J, "ly.bin.dv");
	for (set = 0; set < 2; set++)
		for (t = 0; t < NTYPES; t++) {
			if (dv_names[set][t] == NULL)
				continue;
			js_newcfunctionx(J, dv_access, dv_names[set][t],
			    set ? 2 : 1, (void *)(intptr_t)(t + 16 * set), NULL);
			js_defproperty(J, -2, dv_names[set][t], JS_DONTENUM);
		}
	js_newcconstructor(J, dv_call, dv_new, "DataView", 1);
	publish(J, "DataView");
	publish(J, "ArrayBuffer");
}

void
binary_push_arraybuffer(js_State *J, const void *data, size_t len)
{
	struct abuf *ab = push_ab(J, len);

	if (len > 0)
		memcpy(ab->data, data, len);
}

unsigned char *
binary_push_new(js_State *J, size_t len)
{
	return push_ab(J, len)->data;
}

int
binary_get(js_State *J, int idx, const unsigned char **data, size_t *len)
{
	struct abuf *ab;
	struct view *v;

	if (!js_isobject(J, idx))
		return -1;
	if (js_isuserdata(J, idx, "ArrayBuffer")) {
		ab = js_touserdata(J, idx, "ArrayBuffer");
		*data = ab->data;
		*len = ab->len;
		return 0;
	}
	if ((v = to_view(J, idx, NTYPES)) == NULL &&
	    (v = to_view(J, idx, T_DATAVIEW)) == NULL)
		return -1;
	*data = v->ab->data + v->off;
	*len = v->len * (v->type == T_DATAVIEW ? 1 : types[v->type].size);
	return 0;
}
