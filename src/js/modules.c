/* The table of native modules and the VU hooks; see modules.h. */
#include "config.h"

#include <mujs.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "engine/module.h"
#include "js/binary.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "util/xmalloc.h"

/* A module is one line here: its name, the function that pushes its
 * object, and its engine hooks if it has any (engine/module.h). */
static const struct {
	const char			*name;
	void				(*open)(js_State *);
	const struct engine_module	*hooks;
} natives[] = {
	{ "k6", k6_module_open, NULL },
	{ "k6/http", http_module_open, &http_engine_module },
	{ "k6/metrics", k6_metrics_module_open, NULL },
	{ "k6/execution", k6_execution_module_open, NULL },
	{ "k6/encoding", encoding_module_open, NULL },
	{ "k6/crypto", crypto_module_open, NULL },
	{ "k6/crypto/x509", x509_module_open, NULL },
	{ "k6/data", data_module_open, NULL },
	{ "k6/timers", timers_module_open, &timers_engine_module },
	{ "k6/html", html_module_open, NULL },
	{ "k6/net/grpc", jsmod_module_open, &grpc_engine_module },
	/* Written in JavaScript (js/jsmod.c). */
	{ "k6/experimental/streams", jsmod_module_open, NULL },
	{ "k6/experimental/fs", jsmod_module_open, NULL },
	{ "k6/experimental/csv", jsmod_module_open, NULL },
	{ "k6/secrets", jsmod_module_open, NULL },
	{ "k6/ws", jsmod_module_open, &ws_engine_module },
	/* the hooks are k6/ws's, shared */
	{ "k6/websockets", jsmod_module_open, NULL },
	{ "k6/experimental/websockets", jsmod_module_open, NULL },
};
#define NNATIVES (sizeof natives / sizeof natives[0])

const char *const *
modules_names(void)
{
	static const char *names[NNATIVES + 1];
	size_t i;

	for (i = 0; i < NNATIVES; i++)
		names[i] = natives[i].name;
	return names;
}

const struct engine_script modules_script = {
	runtime_load, modules_register, runtime_symbol_text, runtime_promises_loaded,
	runtime_run_microtasks, runtime_trim,
};

void
modules_attach(struct engine *e)
{
	size_t i;

	engine_script_set(e, &modules_script);
	for (i = 0; i < NNATIVES; i++)
		if (natives[i].hooks != NULL)
			engine_module_add(e, natives[i].hooks);
}

/* Made on first use (js/lazyprop.c), as built-in methods are: a module's
 * functions were most of what importing it cost each VU. */
void
modules_setfn(js_State *J, js_CFunction f, const char *name, int nargs)
{
	runtime_setfn_enumerable(J, f, name, nargs);
}

void
modules_setgofn(js_State *J, js_CFunction f, const char *name,
    const char *goname, int nargs)
{
	runtime_setfn_named(J, f, name, goname, nargs);
}

const char *
modules_gotype(js_State *J, int idx)
{
	static const struct { const char *js, *go; } typed[] = {
		{ "Int8Array", "[]int8" }, { "Uint8Array", "[]uint8" },
		{ "Uint8ClampedArray", "[]uint8" }, { "Int16Array", "[]int16" },
		{ "Uint16Array", "[]uint16" }, { "Int32Array", "[]int32" },
		{ "Uint32Array", "[]uint32" }, { "Float32Array", "[]float32" },
		{ "Float64Array", "[]float64" },
	};
	const char *name;
	double d;
	size_t i;

	if (js_isundefined(J, idx) || js_isnull(J, idx))
		return "<nil>";
	if (js_isboolean(J, idx))
		return "bool";
	if (js_isstring(J, idx))
		return "string";
	if (js_isnumber(J, idx)) {
		d = js_tonumber(J, idx);
		return d == (double)(long long)d && d > -9.2e18 && d < 9.2e18 &&
		    !(d == 0 && 1 / d < 0) ? "int64" : "float64";
	}
	if ((name = binary_typed_name(J, idx)) != NULL)
		for (i = 0; i < sizeof typed / sizeof typed[0]; i++)
			if (strcmp(name, typed[i].js) == 0)
				return typed[i].go;
	if (js_isuserdata(J, idx, "ArrayBuffer"))
		return "sobek.ArrayBuffer";
	if (js_iscallable(J, idx))
		return "func(sobek.FunctionCall) sobek.Value";
	if (js_isarray(J, idx))
		return "[]interface {}";
	return "map[string]interface {}";
}

void
modules_goerror(js_State *J, const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	modules_newgoerror(J, message);
	free(message);
	js_throw(J);
}

static void
govalue_tostring(js_State *J)
{
	if (!js_isuserdata(J, 0, "GoValue"))
		js_typeerror(J, "not a Go value");
	js_pushstring(J, js_touserdata(J, 0, "GoValue"));
}

static void
govalue_free(js_State *J, void *p)
{
	(void)J;
	free(p);
}

void
modules_newgovalue(js_State *J, const char *message)
{
	js_getregistry(J, "ly.govalue");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_newobject(J);
		js_newcfunction(J, govalue_tostring, "toString", 0);
		js_defproperty(J, -2, "toString", JS_DONTENUM);
		js_copy(J, -1);
		js_setregistry(J, "ly.govalue");
	}
	js_newuserdata(J, "GoValue", xstrdup(message), govalue_free);
}

void
modules_newgoerror(js_State *J, const char *message)
{
	js_newerror(J, message);
	js_getglobal(J, "GoError");	/* made on first use: runtime group 13 */
	js_getproperty(J, -1, "prototype");
	if (js_isobject(J, -1))
		((struct mj_object *)js_toobject(J, -3))->prototype = js_toobject(J, -1);
	js_pop(J, 2);
}

void
modules_in_init(js_State *J)
{
	js_pushboolean(J, vu_in_init(vu_of(J)));
}

/* The native module named name, or NNATIVES. */
static size_t
native_find(const char *name)
{
	size_t i;

	for (i = 0; i < NNATIVES; i++)
		if (natives[i].name[0] == name[0] &&
		    strcmp(natives[i].name, name) == 0)
			break;
	return i;
}

/* natives' opener, called by the module loader with the module's name
 * the first time a script imports it: the module object, whose default
 * export is itself. */
static void
native_open(js_State *J)
{
	size_t i = native_find(js_tostring(J, 1));

	if (i == NNATIVES)
		js_error(J, "unknown native module %s", js_tostring(J, 1));
	natives[i].open(J);
	js_copy(J, -1);
	js_setproperty(J, -2, "default");
}

/* Whether a native module has that name: the loader asks, where each VU
 * had a property per module (1.5 KiB). */
static void
native_known(js_State *J)
{
	js_pushboolean(J, js_isstring(J, 1) &&
	    native_find(js_tostring(J, 1)) < NNATIVES);
}

/* BigInt: mujs has no such type.  A script that calls it is told so,
 * where it calls; `typeof BigInt` and `x instanceof BigInt`, which
 * libraries use to detect it, still work. */
static void
bigint_unsupported(js_State *J)
{
	js_error(J, "not supported yet: BigInt");
}

int
modules_register(js_State *J, char **cause)
{
	js_newobject(J);	/* BigInt.prototype */
	js_newcconstructor(J, bigint_unsupported, bigint_unsupported,
	    "BigInt", 1);
	js_setglobal(J, "BigInt");
	k6_console_define(J);
	k6_open_define(J);
	timers_define(J);
	webcrypto_define(J);
	/* Modules are opened on first import: most scripts use few of
	 * them, and every VU would pay for all.  One opener serves them
	 * all: it is called with the module's name. */
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "natives");
	js_rot2(J);
	js_newcfunction(J, native_open, "open", 1);
	js_newcfunction(J, native_known, "known", 1);
	if (js_pcall(J, 2)) {
		*cause = xasprintf("native modules: %s",
		    js_trystring(J, -1, "Error"));
		js_pop(J, 1);
		return -1;
	}
	js_pop(J, 1);
	return 0;
}
