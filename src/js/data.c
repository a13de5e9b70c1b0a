/* "k6/data": SharedArray, and the shared stores under it.
 *
 * A store is a named list of JSON texts, one per element, made once per
 * process: the coordinator's init pass makes every store the init code
 * makes, before the workers fork, so they inherit it.  Its texts live in
 * an anonymous MAP_SHARED mapping that is made read-only once filled:
 * every VU of every worker reads the same pages, and an array of 100 MB
 * costs the machine about 100 MB once.  A VU's SharedArray is a userdata
 * object over the store that parses an element each time it is read and
 * freezes it deeply, as k6's does; writing an element throws.
 *
 * The k6/data module also carries __ly_share(name, fill), which
 * k6/experimental/csv uses: fill(add) adds the elements one by one, so
 * that no array of them all need be made. */
#include "config.h"

#include <sys/mman.h>

#include <ctype.h>
#include <errno.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "exitcode.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* A VU's SharedArray is a user-data object tagged "Array": in k6 it is
 * an array (Object.prototype.toString gives [object Array]). */
#define SA_TAG	"Array"

struct store {
	char		*name;
	const size_t	*offs;	/* n + 1 offsets into text */
	const char	*text;	/* the elements' JSON, each ending in NUL */
	size_t		 n;
};
static struct store *stores;
static size_t nstores;

/* The store being filled: its texts and offsets, in this process's heap
 * until they are sealed into the mapping. */
struct builder {
	struct buf	 text;
	size_t		*offs;
	size_t		 n, cap;
};

static const struct store *
store_find(const char *name)
{
	size_t i;

	for (i = 0; i < nstores; i++)
		if (strcmp(stores[i].name, name) == 0)
			return &stores[i];
	return NULL;
}

static const struct store *
store_seal(const char *name, struct builder *b)
{
	size_t head = (b->n + 1) * sizeof(size_t), len = head + b->text.len;
	struct store *s;
	char *p;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		fatalx(EXIT_INTERNAL, "SharedArray %s: mmap: %s", name,
		    strerror(errno));
	b->offs[b->n] = b->text.len;
	memcpy(p, b->offs, head);
	if (b->text.len > 0)
		memcpy(p + head, b->text.data, b->text.len);
	mprotect(p, len, PROT_READ);
	stores = xreallocarray(stores, nstores + 1, sizeof *stores);
	s = &stores[nstores++];
	s->name = xstrdup(name);
	s->offs = (const size_t *)(void *)p;
	s->text = p + head;
	s->n = b->n;
	return s;
}

static void
builder_free(struct builder *b)
{
	buf_free(&b->text);
	free(b->offs);
}

/* add(value): the builder's next element, as JSON (undefined and
 * functions, which JSON cannot hold, become null as in an array). */
static void
builder_add(js_State *J)
{
	struct builder *b;

	js_currentfunction(J);
	js_getproperty(J, -1, "b");
	b = js_touserdata(J, -1, "ly.data.builder");
	js_pop(J, 2);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2(J);
	js_pop(J, 1);
	js_pushundefined(J);
	js_copy(J, 1);
	js_call(J, 1);
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->offs = xreallocarray(b->offs, b->cap, sizeof *b->offs);
	}
	b->offs[b->n++] = b->text.len;
	buf_puts(&b->text, js_isstring(J, -1) ? js_tostring(J, -1) : "null");
	buf_putc(&b->text, '\0');
	js_pop(J, 1);
	js_pushundefined(J);
}

/* Make the store name by calling fill (at idx) with an add function,
 * unless this process has it already. */
static const struct store *
store_make(js_State *J, const char *name, int fill)
{
	struct builder b;
	const struct store *s;

	if ((s = store_find(name)) != NULL)
		return s;
	memset(&b, 0, sizeof b);
	if (js_try(J)) {
		builder_free(&b);
		js_throw(J);
	}
	js_copy(J, fill);
	js_pushundefined(J);
	js_newcfunction(J, builder_add, "add", 1);
	js_newobject(J);
	js_newuserdata(J, "ly.data.builder", &b, NULL);
	js_setproperty(J, -2, "b");
	js_call(J, 1);
	js_pop(J, 1);
	js_endtry(J);
	s = store_seal(name, &b);
	builder_free(&b);
	return s;
}

static int
index_of(const char *name, size_t *i)
{
	char *end;
	unsigned long v;

	if (!isdigit((unsigned char)name[0]) || (name[0] == '0' && name[1] != '\0'))
		return 0;
	v = strtoul(name, &end, 10);
	if (*end != '\0')
		return 0;
	*i = v;
	return 1;
}

/* Object.freeze the value on top and everything in it. */
static void
deep_freeze(js_State *J)
{
	const char *k;
	int top = js_gettop(J);

	if (!js_isobject(J, top - 1))
		return;
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "freeze");
	js_rot2(J);
	js_pop(J, 1);
	js_pushundefined(J);
	js_copy(J, top - 1);
	js_call(J, 1);
	js_pop(J, 1);
	js_pushiterator(J, top - 1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, top - 1, k);
		deep_freeze(J);
		js_pop(J, 1);
	}
	js_pop(J, 1);
}

static int
array_has(js_State *J, void *p, const char *name)
{
	const struct store *s = p;
	size_t i;

	if (strcmp(name, "length") == 0) {
		js_pushnumber(J, (double)s->n);
		return 1;
	}
	if (!index_of(name, &i) || i >= s->n)
		return 0;
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pop(J, 1);
	js_pushundefined(J);
	js_pushstring(J, s->text + s->offs[i]);
	js_call(J, 1);
	deep_freeze(J);
	return 1;
}

static int
array_put(js_State *J, void *p, const char *name)
{
	size_t i;

	(void)p;
	if (strcmp(name, "length") == 0 || index_of(name, &i))
		js_typeerror(J, "SharedArray is immutable");
	return 0;
}

static int
array_delete(js_State *J, void *p, const char *name)
{
	return array_put(J, p, name);
}

/* toJSON: the elements as an array, for JSON.stringify. */
static void
array_tojson(js_State *J)
{
	const struct store *s;
	size_t i;

	if (!js_isuserdata(J, 0, SA_TAG))
		js_typeerror(J, "not a SharedArray");
	s = js_touserdata(J, 0, SA_TAG);
	js_newarray(J);
	for (i = 0; i < s->n; i++) {
		js_getindex(J, 0, (int)i);
		js_setindex(J, -2, (int)i);
	}
}

long
data_shared_length(const char *tag, const void *data)
{
	return tag != NULL && strcmp(tag, SA_TAG) == 0 ?
	    (long)((const struct store *)data)->n : -1;
}

/* Array.isArray: true for a SharedArray too, as in k6. */
void
data_isarray(js_State *J)
{
	js_pushboolean(J, js_isarray(J, 1) || js_isuserdata(J, 1, SA_TAG));
}

/* [Symbol.iterator]: Array.prototype's, called from a function of its
 * own so that the compiled spread and for-of (compile/helpers.js) do not
 * take a SharedArray for an array of the engine's: it is iterated. */
static void
array_values(js_State *J)
{
	js_getglobal(J, "Array");
	js_getproperty(J, -1, "prototype");
	js_getproperty(J, -1, "@@sym:Symbol.iterator");
	js_copy(J, 0);
	js_call(J, 0);
}

/* Push the VU's SharedArray over s: its prototype, made once per state,
 * inherits Array.prototype, so its methods (forEach, map, ...) and
 * iteration work. */
static void
push_array(js_State *J, const struct store *s)
{
	js_getregistry(J, "ly.data.proto");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_getglobal(J, "Array");
		js_getproperty(J, -1, "prototype");
		js_rot2(J);
		js_pop(J, 1);
		js_newobjectx(J);
		js_newcfunction(J, array_tojson, "toJSON", 0);
		js_defproperty(J, -2, "toJSON", JS_DONTENUM);
		js_newcfunction(J, array_values, "values", 0);
		js_defproperty(J, -2, "@@sym:Symbol.iterator", JS_DONTENUM);
		js_copy(J, -1);
		js_setregistry(J, "ly.data.proto");
	}
	js_newuserdatax(J, SA_TAG, (void *)(uintptr_t)s, array_has,
	    array_put, array_delete, NULL);
}

#define INIT_ONLY	"new SharedArray must be called in the init context"

/* A function that adds the elements of the array fn returns. */
static void
fill_from_callback(js_State *J)
{
	int n, i;

	js_currentfunction(J);
	js_getproperty(J, -1, "fn");
	js_pushundefined(J);
	js_call(J, 0);
	if (js_isundefined(J, -1) || js_isnull(J, -1))
		js_typeerror(J, "Cannot convert undefined or null to object");
	if (!js_isarray(J, -1))
		modules_goerror(J, "only arrays can be made into SharedArray");
	n = js_getlength(J, -1);
	for (i = 0; i < n; i++) {
		js_copy(J, 1);
		js_pushundefined(J);
		js_getindex(J, -3, i);
		js_call(J, 1);
		js_pop(J, 1);
	}
	js_pushundefined(J);
}

static void
shared_array(js_State *J)
{
	struct vu *vu = vu_of(J);
	const struct store *s;
	const char *name;

	if (!vu_in_init(vu))
		modules_goerror(J, INIT_ONLY);
	name = js_tostring(J, 1);
	if (*name == '\0')
		modules_goerror(J, "empty name provided to SharedArray's constructor");
	if (!js_iscallable(J, 2))
		modules_goerror(J, "a function is expected as the second argument of "
		    "SharedArray's constructor");
	js_newcfunction(J, fill_from_callback, "fill", 1);
	js_copy(J, 2);
	js_setproperty(J, -2, "fn");
	s = store_make(J, name, js_gettop(J) - 1);
	push_array(J, s);
}

/* __ly_share(name, fill): the SharedArray name, made by fill(add). */
static void
share(js_State *J)
{
	const char *name = js_tostring(J, 1);

	if (!vu_in_init(vu_of(J)))
		modules_goerror(J, INIT_ONLY);
	push_array(J, store_make(J, name, 2));
}

void
data_module_open(js_State *J)
{
	js_newobject(J);
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_pop(J, 1);
	/* k6's name, its Go method's, and its length */
	js_newcconstructor(J, shared_array, shared_array,
	    "go.k6.io/k6/internal/js/modules/k6/data.(*Data).sharedArray-fm", 0);
	js_setproperty(J, -2, "SharedArray");
	js_newcfunction(J, share, "__ly_share", 2);
	js_defproperty(J, -2, "__ly_share", JS_DONTENUM);
}
