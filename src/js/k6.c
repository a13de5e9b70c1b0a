/* The "k6" module (check, group, sleep, fail, randomSeed), the globals
 * console and open, "k6/metrics" and "k6/execution". */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <math.h>
#include <mujs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compile/bundle.h"
#include "engine/module.h"
#include "js/binary.h"
#include "js/consolefmt.h"
#include "js/errmsg.h"
#include "js/modules.h"
#include "js/proporder.h"
#include "js/runtime.h"
#include "js/surrogate.h"
#include "metrics/metric.h"
#include "metrics/tagset.h"
#include "util/buf.h"
#include "util/gorand.h"
#include "util/log.h"
#include "util/pairs.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

/* The VU, outside the init code; in it, k6's GoError ("Using check() in
 * the init context is not supported"). */
static struct vu *
vu_checked(js_State *J, const char *what)
{
	struct vu *vu = vu_of(J);

	if (vu_in_init(vu))
		modules_goerror(J, "%s in the init context is not supported", what);
	return vu;
}

/* The VU's tags plus those of a tags object at idx (if any). */
static uint32_t
tags_plus(struct vu *vu, js_State *J, int idx, uint32_t base)
{
	const char *k;

	if (!js_isobject(J, idx))
		return base;
	js_pushiterator(J, idx, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, idx, k);
		base = vu_tags_with(vu, base, k, js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return base;
}

/* Run the checker of name in the checks object at 2 on the value at 1
 * and emit its sample; whether it passed.  A checker that throws fails,
 * and the error goes on (freeing owned, the caller's copy of name). */
static int
check_one(js_State *J, struct vu *vu, uint32_t base, const char *name,
    char *owned)
{
	const struct builtin_metrics *m = vu_metrics(vu);
	uint32_t tags;
	int ok;

	if (strstr(name, "::") != NULL) {
		free(owned);
		modules_goerror(J, "group and check names may not contain '::'");
	}
	js_getproperty(J, 2, name);
	if (errmsg_is_async(J, -1)) {
		free(owned);
		modules_goerror(J, "the built-in check() does not support async "
		    "functions as arguments. Use the JavaScript utils library as a "
		    "replacement. Refer to https://grafana.com/docs/k6/latest/"
		    "javascript-api/jslib/utils/check/ for more info");
	}
	if (js_iscallable(J, -1)) {
		js_pushundefined(J);
		js_copy(J, 1);
		if (js_pcall(J, 1)) {
			tags = vu_system_tag(vu, "check") ?
			    vu_tags_with(vu, base, "check", name) : base;
			vu_emit(vu, m->checks, tags, 0);
			free(owned);
			js_throw(J);
		}
	}
	ok = js_toboolean(J, -1);
	js_pop(J, 1);
	tags = vu_system_tag(vu, "check") ?
	    vu_tags_with(vu, base, "check", name) : base;
	vu_emit(vu, m->checks, tags, ok ? 1 : 0);
	return ok;
}

/* check(value, {name: fn or value, ...}, tags) */
static void
k6_check(js_State *J)
{
	struct vu *vu = vu_checked(J, "Using check()");
	uint32_t base = tags_plus(vu, J, 3, vu_tags(vu));
	const char *k;
	char *name;
	int all = 1;

	/* mujs gives a missing argument as undefined: k6 tells the two
	 * apart, a missing one is "no checks" and undefined a TypeError */
	if (js_isundefined(J, 2))
		modules_goerror(J, "no checks provided to `check`");
	if (js_isnull(J, 2))
		js_typeerror(J, "Cannot convert undefined or null to object");
	if (!js_isobject(J, 2)) {
		js_pushboolean(J, 1);
		return;
	}
	/* Most check sets are one plain object of one checker: no
	 * iterator, and its interned name needs no copy. */
	if ((k = proporder_sole_key(J, 2)) != NULL) {
		js_pushboolean(J, check_one(J, vu, base, k, NULL));
		return;
	}
	js_pushiterator(J, 2, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		name = xstrdup(k);
		all &= check_one(J, vu, base, name, name);
		free(name);
	}
	js_pop(J, 1);
	js_pushboolean(J, all);
}

/* group(name, fn) */
static void
k6_group(js_State *J)
{
	struct vu *vu = vu_checked(J, "Using group()");
	/* a Go string: undefined and null are empty */
	const char *name = js_isundefined(J, 1) || js_isnull(J, 1) ? "" : js_tostring(J, 1);
	char *old_group = vu_group(vu), *path;
	int64_t t0;
	int failed;

	if (!js_iscallable(J, 2))
		modules_goerror(J, "group() requires a callback as a second argument");
	if (errmsg_is_async(J, 2))
		modules_goerror(J, "group() does not support async functions as "
		    "arguments, please see https://grafana.com/docs/k6/latest/"
		    "javascript-api/k6/group/ for more info");
	if (strstr(name, "::") != NULL)
		modules_goerror(J, "group and check names may not contain '::'");
	path = xasprintf("%s::%s", old_group, name);
	vu_set_group(vu, path);
	if (vu_system_tag(vu, "group"))
		vu_set_tags(vu, vu_tags_with(vu, vu_tags(vu), "group", path));
	t0 = engine_now();
	js_copy(J, 2);
	js_pushundefined(J);
	failed = js_pcall(J, 0);
	if (!vu_interrupted(vu))
		vu_emit(vu, vu_metrics(vu)->group_duration, vu_tags(vu),
		    ns_to_ms(engine_now() - t0));
	vu_set_group(vu, old_group);
	/* Back to the outer group, keeping any exec.vu.tags set inside. */
	if (vu_system_tag(vu, "group"))
		vu_set_tags(vu, vu_tags_with(vu, vu_tags(vu), "group", old_group));
	free(path);
	if (failed)
		js_throw(J);
}

static void
k6_sleep(js_State *J)
{
	struct vu *vu = vu_of(J);
	double s = js_tonumber(J, 1);

	if (vu_sleep(vu, s * 1000) == -1)
		vu_throw_interrupted(J);
	js_pushundefined(J);
}

static void
k6_fail(js_State *J)
{
	/* a Go string: undefined and null are empty */
	modules_goerror(J, "%s", js_isundefined(J, 1) || js_isnull(J, 1) ? "" : js_tostring(J, 1));
}

/* randomSeed(n): Math.random of this VU draws from Go's math/rand seeded
 * with n, as in k6, so a seed gives k6's numbers. */
static void
k6_random(js_State *J)
{
	js_getregistry(J, "ly.rand");
	js_pushnumber(J, gorand_float64(js_touserdata(J, -1, "gorand")));
	js_rot2(J);
	js_pop(J, 1);
}

static void
free_rand(js_State *J, void *p)
{
	(void)J;
	free(p);
}

static void
k6_random_seed(js_State *J)
{
	double n = js_tonumber(J, 1);
	struct gorand *g = xmalloc(sizeof *g);
	int64_t seed;

	/* As sobek makes an int64 of a number. */
	if (isnan(n))
		seed = 0;
	else if (n >= 9223372036854775807.0)
		seed = INT64_MAX;
	else if (n <= -9223372036854775808.0)
		seed = INT64_MIN;
	else
		seed = (int64_t)n;
	gorand_seed(g, seed);
	js_getglobal(J, "Object");	/* any object: the userdata's prototype */
	js_getproperty(J, -1, "prototype");
	js_newuserdata(J, "gorand", g, free_rand);
	js_setregistry(J, "ly.rand");
	js_pop(J, 1);
	js_getglobal(J, "Math");
	js_newcfunction(J, k6_random, "random", 0);
	js_setproperty(J, -2, "random");
	js_pop(J, 1);
	js_pushundefined(J);
}

void
k6_module_open(js_State *J)
{
	js_newobject(J);
#define K6	"go.k6.io/k6/internal/js/modules/k6.(*K6)."
	modules_setgofn(J, k6_check, "check", K6 "Check-fm", 3);
	modules_setgofn(J, k6_group, "group", K6 "Group-fm", 2);
	modules_setgofn(J, k6_sleep, "sleep", K6 "Sleep-fm", 1);
	modules_setgofn(J, k6_fail, "fail", K6 "Fail-fm", 1);
	modules_setgofn(J, k6_random_seed, "randomSeed", K6 "RandomSeed-fm", 1);
#undef K6
}

/* console: values are rendered as k6 does (js/consolefmt.c). */
static FILE *console_file;

void
modules_console_output(const char *path)
{
	char *cause = NULL;

	if (console_file != NULL)
		return;
	if (path != NULL && (console_file = log_open(path, &cause)) == NULL)
		fatalx(255, "--console-output: %s", cause);
}

static void
console_print(js_State *J, enum log_level level)
{
	struct buf b = BUF_INIT;
	int i, top = js_gettop(J);

	for (i = 1; i < top; i++) {
		if (i > 1)
			buf_putc(&b, ' ');
		console_format(J, i, &b);
	}
	surrogate_fffd(b.data, b.len);
	log_write(console_file, level, "source=console", b.data ? b.data : "");
	buf_free(&b);
	js_pushundefined(J);
}

static void console_log(js_State *J) { console_print(J, LOG_INFO); }
static void console_debug(js_State *J) { console_print(J, LOG_DEBUG); }
static void console_warn(js_State *J) { console_print(J, LOG_WARN); }
static void console_error(js_State *J) { console_print(J, LOG_ERROR); }

void
k6_console_define(js_State *J)
{
	js_newobject(J);
	modules_setfn(J, console_log, "log", 0);
	modules_setfn(J, console_log, "info", 0);
	modules_setfn(J, console_debug, "debug", 0);
	modules_setfn(J, console_debug, "trace", 0);
	modules_setfn(J, console_warn, "warn", 0);
	modules_setfn(J, console_error, "error", 0);
	js_setglobal(J, "console");
}

/* open(path[, "b"]): the file's text, or its bytes as an ArrayBuffer,
 * read once per process and kept (the coordinator's init pass reads it
 * before the workers fork). */
struct open_cache {
	char	*path;
	char	*data;
	size_t	 len;
};
static struct open_cache *opened;
static size_t nopened;

/* An errno's text as Go writes it: glibc's, its first letter lower
 * case ("no such file or directory"). */
static const char *
go_strerror(int err)
{
	static char buf[128];

	snprintf(buf, sizeof buf, "%s", strerror(err));
	if (buf[0] >= 'A' && buf[0] <= 'Z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

static const char *
read_cached(const char *path, size_t *len, char **cause)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	struct stat st;
	size_t i, n;
	FILE *f;

	for (i = 0; i < nopened; i++)
		if (strcmp(opened[i].path, path) == 0) {
			*len = opened[i].len;
			return opened[i].data;
		}
	/* k6 looks at the path first (fsext.IsDir), in Go's words */
	if (stat(path, &st) == -1) {
		*cause = xasprintf("stat %s: %s", path, go_strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("open() can't be used with directories, path: \"%s\"", path);
		return NULL;
	}
	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("open %s: %s", path, go_strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		*cause = xasprintf("read %s: %s", path, go_strerror(errno));
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	opened = xreallocarray(opened, nopened + 1, sizeof *opened);
	opened[nopened].path = xstrdup(path);
	opened[nopened].len = *len = b.len;
	opened[nopened].data = buf_steal(&b);
	return opened[nopened++].data;
}

int
modules_opened(size_t i, const char **path, const char **data, size_t *len)
{
	if (i >= nopened)
		return 0;
	*path = opened[i].path;
	*data = opened[i].data;
	*len = opened[i].len;
	return 1;
}

char *
modules_script_path(js_State *J, const char *arg)
{
	const char *mod, *slash;
	char *path;

	if (strncmp(arg, "file://", 7) == 0)
		arg += 7;
	/* Relative to the module being evaluated, as k6 does. */
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "current");
	mod = js_isstring(J, -1) ? js_tostring(J, -1) : "";
	if (strncmp(mod, "file://", 7) == 0)
		mod += 7;
	slash = strrchr(mod, '/');
	if (arg[0] == '/' || slash == NULL)
		path = xstrdup(arg);
	else
		path = xasprintf("%.*s/%s", (int)(slash - mod), mod, arg);
	if (path[0] == '/')
		bundle_clean_path(path);
	js_pop(J, 2);
	return path;
}

static void
k6_open(js_State *J)
{
	struct vu *vu = vu_of(J);
	const char *arg = js_tostring(J, 1), *data;
	char *path, *cause = NULL;
	size_t len = 0;
	int binary;

	if (!vu_in_init(vu))
		modules_goerror(J, "the \"open\" function is only available in the init "
		    "stage (i.e. the global scope), see https://grafana.com/docs/k6/"
		    "latest/using-k6/test-lifecycle/ for more information");
	binary = js_isdefined(J, 2) && strcmp(js_tostring(J, 2), "b") == 0;
	path = modules_script_path(J, arg);
	data = read_cached(path, &len, &cause);
	free(path);
	if (data == NULL) {
		js_pushstring(J, cause);
		free(cause);
		modules_goerror(J, "%s", js_tostring(J, -1));
	}
	if (binary)
		binary_push_arraybuffer(J, data, len);
	else
		js_pushstring(J, data);
}

void
k6_open_define(js_State *J)
{
	/* k6's name: the third closure of its Bundle's setInitGlobals */
	js_pushglobal(J);
	runtime_setfn_named(J, k6_open, "open",
	    "go.k6.io/k6/internal/js.(*Bundle).setInitGlobals.func3", 2);
	js_pop(J, 1);
}

/* k6/metrics: new Counter(name), Gauge, Rate, Trend(name, isTime). */

/* A value add() cannot take: k6's GoError with the --throw option, its
 * warning without.  The value's text is cut as k6 cuts it: at 100
 * characters or more, the first and last 50 around what was left out. */
/* The byte offset in s after its first n characters. */
static size_t
utf8_prefix(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n-- == 0)
			break;
	return i;
}

static void
metric_bad_value(js_State *J, struct vu *vu)
{
	const char *v = js_tostring(J, 1);
	size_t n = 0, i;
	struct buf b = BUF_INIT;
	char *msg;

	for (i = 0; v[i] != '\0'; i++)
		n += ((unsigned char)v[i] & 0xc0) != 0x80;
	if (n < 100)
		buf_puts(&b, v);
	else {
		buf_add(&b, v, utf8_prefix(v, 50));
		buf_printf(&b, "... omitting %zu characters ...", n - 100);
		buf_puts(&b, v + utf8_prefix(v, n - 50));
	}
	js_getproperty(J, 0, "name");
	msg = xasprintf("'%s' is an invalid value for metric '%s', a number or a "
	    "boolean value is expected", b.data, js_tostring(J, -1));
	buf_free(&b);
	js_pop(J, 1);
	if (vu_opts(vu) != NULL && vu_opts(vu)->throw_errors) {
		js_pushstring(J, msg);
		free(msg);
		modules_goerror(J, "%s", js_tostring(J, -1));
	}
	log_msg(LOG_WARN, NULL, "%s", msg);
	free(msg);
}

static void
metric_add_fn(js_State *J)
{
	struct vu *vu = vu_checked(J, "Adding to metrics");
	double v;
	uint32_t id;
	int truthy;

	js_getproperty(J, 0, "__ly_id");
	id = (uint32_t)js_tonumber(J, -1);
	js_pop(J, 1);
	/* as k6: a number, and a truthy zero ([], "0") is 1; truth first,
	 * as js_tonumber leaves an object's primitive in its place */
	truthy = js_toboolean(J, 1);
	v = js_isnull(J, 1) ? NAN : js_tonumber(J, 1);
	if (v == 0 && truthy)
		v = 1;
	if (v != v) {
		metric_bad_value(J, vu);
		js_pushboolean(J, 0);
		return;
	}
	vu_emit(vu, id, tags_plus(vu, J, 2, vu_tags(vu)), v);
	js_pushboolean(J, 1);
}

static void
metric_new(js_State *J, enum sink_type type)
{
	struct vu *vu = vu_of(J);
	const char *name = js_tostring(J, 1);
	enum metric_contains contains = METRIC_DEFAULT;
	struct metric *m;
	char *cause = NULL;

	if (!vu_in_init(vu))
		modules_goerror(J, "metrics must be declared in the init context");
	if (type == SINK_TREND && js_toboolean(J, 2))
		contains = METRIC_TIME;
	m = metric_registry_declare(vu_metric_registry(vu), name, type, contains, &cause);
	if (m == NULL) {
		js_pushstring(J, cause);
		free(cause);
		modules_goerror(J, "%s", js_tostring(J, -1));
	}
	js_getregistry(J, "ly.metric.proto");
	js_newobjectx(J);
	js_pushnumber(J, m->id);
	js_defproperty(J, -2, "__ly_id", JS_READONLY | JS_DONTENUM | JS_DONTCONF);
	js_pushstring(J, m->name);
	js_defproperty(J, -2, "name", JS_READONLY | JS_DONTCONF);
}

static void new_counter(js_State *J) { metric_new(J, SINK_COUNTER); }
static void new_gauge(js_State *J) { metric_new(J, SINK_GAUGE); }
static void new_rate(js_State *J) { metric_new(J, SINK_RATE); }
static void new_trend(js_State *J) { metric_new(J, SINK_TREND); }

void
k6_metrics_module_open(js_State *J)
{
	static const struct {
		const char	*name, *goname;
		js_CFunction	 fn;
	} types[] = {
		/* k6's names, its Go methods' */
#define M(name)	name, "go.k6.io/k6/internal/js/modules/k6/metrics.(*ModuleInstance).X" name "-fm"
		{ M("Counter"), new_counter }, { M("Gauge"), new_gauge },
		{ M("Rate"), new_rate }, { M("Trend"), new_trend },
#undef M
	};
	size_t i;

	js_newobject(J);
	modules_setgofn(J, metric_add_fn, "add",
	    "go.k6.io/k6/internal/js/modules/k6/metrics.Metric.add-fm", 2);
	js_setregistry(J, "ly.metric.proto");
	js_newobject(J);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		/* The constructor takes its prototype from the stack. */
		js_getregistry(J, "ly.metric.proto");
		js_newcconstructor(J, types[i].fn, types[i].fn, types[i].goname, 0);
		js_setproperty(J, -2, types[i].name);
	}
}

/* k6/execution: read-only views of the VU, its scenario, the instance
 * and the test, computed on access. */
static struct vu *
exec_vu(js_State *J)
{
	struct vu *vu = vu_of(J);

	if (vu_in_init(vu))
		modules_goerror(J, "getting VU information in the init context is not supported");
	return vu;
}

#define NO_SCENARIO	"getting scenario information outside of the VU context is not supported"

static void x_vu_id(js_State *J) { js_pushnumber(J, vu_id(exec_vu(J))); }

/* k6 numbers the VUs of every machine of a test with the machine's
 * segment, as it deals iterations. */
static void
x_vu_id_test(js_State *J)
{
	struct vu_exec x;

	vu_exec(exec_vu(J), &x);
	js_pushnumber(J, x.id_in_test);
}
/* exec.vu.tags: reading, writing and deleting go to the VU's current
 * tag set, so every sample the VU emits afterwards carries them.  The
 * object's own properties mirror the set, only so that for-in,
 * Object.keys and JSON.stringify list the tags. */
static int vt_mirroring;

static int
vt_has(js_State *J, void *p, const char *name)
{
	struct vu *vu = p;
	const char *v = vu_tag(vu, name);

	if (v == NULL)
		return 0;
	js_pushstring(J, v);
	return 1;
}

static int
vt_put(js_State *J, void *p, const char *name)
{
	struct vu *vu = p;

	if (vt_mirroring)
		return 0;
	if (!js_isstring(J, -1) && !js_isnumber(J, -1) && !js_isboolean(J, -1))
		js_typeerror(J, "invalid value for metric tag '%s': only String, Boolean "
		    "and Number types are accepted as a metric tag values", name);
	/* The mirror keeps the string, as reading it back gives. */
	js_copy(J, -1);
	vu_set_tags(vu, vu_tags_with(vu, vu_tags(vu), name, js_tostring(J, -1)));
	js_replace(J, -2);
	return 0;
}

static int
vt_delete(js_State *J, void *p, const char *name)
{
	struct vu *vu = p;

	vu_set_tags(vu, vu_tags_without(vu, vu_tags(vu), name));
	return 0;
}

static void
x_vu_tags(js_State *J)
{
	struct vu *vu = exec_vu(J);
	const struct tag *t;
	size_t i, n = 0;

	js_getglobal(J, "Object");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_pop(J, 1);
	js_newuserdatax(J, "ly.vutags", vu, vt_has, vt_put, vt_delete, NULL);
	t = vu_tag_list(vu, &n);
	vt_mirroring = 1;
	for (i = 0; t != NULL && i < n; i++) {
		js_pushstring(J, t[i].value);
		js_defproperty(J, -2, t[i].key, 0);
	}
	vt_mirroring = 0;
}

/* exec.vu.metrics.metadata: like exec.vu.tags, a mirror of the VU's
 * metadata (engine_vu_meta_set), which its samples carry to the outputs
 * (json, csv, influxdb) but not into tags, thresholds or the summary. */
static int vm_mirroring;

static int
vm_put(js_State *J, void *p, const char *name)
{
	struct vu *vu = p;

	if (vm_mirroring)
		return 0;
	if (!js_isstring(J, -1) && !js_isnumber(J, -1) && !js_isboolean(J, -1))
		js_typeerror(J, "invalid value for metric metadata '%s': only String, "
		    "Boolean and Number types are accepted", name);
	js_copy(J, -1);
	engine_vu_meta_set(vu, name, js_tostring(J, -1));
	js_replace(J, -2);
	return 0;
}

static int
vm_delete(js_State *J, void *p, const char *name)
{
	engine_vu_meta_set(p, name, NULL);
	return 0;
}

static void
x_vu_metrics(js_State *J)
{
	struct vu *vu = exec_vu(J);
	const char *k, *v, *meta;
	size_t at = 0, len;

	js_newobject(J);
	x_vu_tags(J);
	js_setproperty(J, -2, "tags");
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_pop(J, 1);
	js_newuserdatax(J, "ly.vumeta", vu, NULL, vm_put, vm_delete, NULL);
	vm_mirroring = 1;
	meta = vu_meta(vu, &len);
	while (pairs_next(meta, len, &at, &k, &v)) {
		js_pushstring(J, v);
		js_defproperty(J, -2, k, 0);
	}
	vm_mirroring = 0;
	js_setproperty(J, -2, "metadata");
}
static struct vu_exec
exec_of(js_State *J)
{
	struct vu_exec x;

	vu_exec(exec_vu(J), &x);
	return x;
}

static void x_vu_iter(js_State *J) { js_pushnumber(J, (double)exec_of(J).iter); }
static void x_vu_iter_sc(js_State *J) { js_pushnumber(J, (double)exec_of(J).iter_in_scenario); }

static struct vu_exec
exec_sc(js_State *J)
{
	struct vu_exec x = exec_of(J);

	if (x.sc_name == NULL)	/* setup() and teardown() */
		modules_goerror(J, NO_SCENARIO);
	return x;
}

static void x_sc_name(js_State *J) { js_pushstring(J, exec_sc(J).sc_name); }
static void x_sc_executor(js_State *J) { js_pushstring(J, exec_sc(J).sc_executor); }
static void x_sc_iter(js_State *J) { js_pushnumber(J, (double)exec_sc(J).iter_in_instance); }
static void x_sc_iter_test(js_State *J) { js_pushnumber(J, (double)exec_sc(J).iter_in_test); }

static void
x_sc_start(js_State *J)
{
	struct vu_exec x = exec_sc(J);
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	js_pushnumber(J, (double)ts.tv_sec * MS_PER_S + ns_to_ms(ts.tv_nsec) -
	    ns_to_ms(x.sc_elapsed));
}

static void x_sc_progress(js_State *J) { js_pushnumber(J, exec_sc(J).sc_progress); }

/* exec.instance: every worker of this machine, as k6's one process. */
static struct instance_slot
exec_instance(js_State *J)
{
	return exec_of(J).instance;
}

static void x_inst_complete(js_State *J) { js_pushnumber(J, (double)exec_instance(J).complete); }
static void x_inst_interrupted(js_State *J) { js_pushnumber(J, (double)exec_instance(J).interrupted); }
static void x_inst_active(js_State *J) { js_pushnumber(J, (double)exec_instance(J).vus_active); }
static void x_inst_init(js_State *J) { js_pushnumber(J, (double)exec_instance(J).vus_max); }

static void
x_inst_duration(js_State *J)
{
	js_pushnumber(J, ns_to_ms(exec_of(J).test_elapsed));
}

static void
x_test_abort(js_State *J)
{
	struct vu *vu = vu_of(J);
	const char *reason = js_isdefined(J, 1) ? js_tostring(J, 1) : "";

	/* in the init code too, as k6 interrupts it: the coordinator's
	 * init pass then exits 108 */
	vu_abort_test(vu, reason);
	vu_throw_interrupted(J);
}

/* exec.test.fail(reason): the test goes on and exits 110. */
static void
x_test_fail(js_State *J)
{
	struct vu *vu = vu_of(J);
	const char *reason = js_isdefined(J, 1) ? js_tostring(J, 1) : "";

	if (vu_in_init(vu))
		modules_goerror(J, "execution.test.fail() called outside of VU context");
	vu_fail_test(vu, reason);
	js_pushundefined(J);
}

/* k6 hands the script its whole options struct, an option left unset
 * being null, without the shortcuts that became scenarios. */
static const char *const test_options_null[] = {
	"paused", "executionSegment", "executionSegmentSequence", "noSetup",
	"setupTimeout", "noTeardown", "teardownTimeout", "rps", "maxRedirects",
	"userAgent", "batch", "batchPerHost", "httpDebug", "insecureSkipTLSVerify",
	"tlsCipherSuites", "tlsVersion", "tlsAuth", "throw", "thresholds",
	"blacklistIPs", "blockHostnames", "hosts", "noConnectionReuse",
	"noVUConnectionReuse", "minIterationDuration", "ext", "summaryTimeUnit",
	"tags", "metricSamplesBufferSize", "noCookiesReset",
	"discardResponseBodies", "consoleOutput", "localIPs",
};
static const char *const test_options_gone[] = {
	"vus", "iterations", "duration", "stages",
};

static void
x_test_options(js_State *J)
{
	struct vu *vu = vu_of(J);
	size_t i;

	if (vu_in_init(vu))
		modules_goerror(J, "getting test options in the init context is not supported");
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, vu_options_json(vu) ? vu_options_json(vu) : "{}");
	js_call(J, 1);
	for (i = 0; i < sizeof test_options_null / sizeof *test_options_null; i++) {
		if (js_hasproperty(J, -1, test_options_null[i])) {
			js_pop(J, 1);
			continue;
		}
		js_pushnull(J);
		js_setproperty(J, -2, test_options_null[i]);
	}
	for (i = 0; i < sizeof test_options_gone / sizeof *test_options_gone; i++)
		js_delproperty(J, -1, test_options_gone[i]);
}

static void
getter(js_State *J, const char *name, js_CFunction fn)
{
	js_newcfunction(J, fn, name, 0);
	js_pushnull(J);
	js_defaccessor(J, -3, name, JS_READONLY | JS_DONTCONF);
}

/* exec.vu, exec.scenario, exec.instance: the object the getter holds, or
 * in the init code k6's GoError, which the getter's name tells. */
static void
x_part(js_State *J)
{
	static const struct {
		const char *name, *error;
	} parts[] = {
		{ "vu", "getting VU information in the init context is not supported" },
		{ "scenario", NO_SCENARIO },
		{ "instance", "getting instance information in the init context is not supported" },
	};
	const char *name;
	size_t i;

	js_currentfunction(J);
	if (vu_in_init(vu_of(J))) {
		js_getproperty(J, -1, "name");
		name = js_tostring(J, -1);
		for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (strcmp(name, parts[i].name) == 0)
				modules_goerror(J, "%s", parts[i].error);
		js_pop(J, 1);
	}
	js_getproperty(J, -1, "o");
}

/* Make the object on top the getter of the next object's name. */
static void
part(js_State *J, const char *name)
{
	js_newcfunction(J, x_part, name, 0);
	js_rot2(J);
	js_defproperty(J, -2, "o", JS_READONLY | JS_DONTENUM | JS_DONTCONF);
	js_pushnull(J);
	js_defaccessor(J, -3, name, JS_READONLY | JS_DONTCONF);
}

void
k6_execution_module_open(js_State *J)
{
	js_newobject(J);

	js_newobject(J);
	getter(J, "idInInstance", x_vu_id);
	getter(J, "idInTest", x_vu_id_test);
	getter(J, "iterationInInstance", x_vu_iter);
	getter(J, "iterationInScenario", x_vu_iter_sc);
	getter(J, "tags", x_vu_tags);
	getter(J, "metrics", x_vu_metrics);
	part(J, "vu");

	js_newobject(J);
	getter(J, "name", x_sc_name);
	getter(J, "executor", x_sc_executor);
	getter(J, "startTime", x_sc_start);
	getter(J, "progress", x_sc_progress);
	getter(J, "iterationInInstance", x_sc_iter);
	getter(J, "iterationInTest", x_sc_iter_test);
	part(J, "scenario");

	js_newobject(J);
	getter(J, "iterationsCompleted", x_inst_complete);
	getter(J, "iterationsInterrupted", x_inst_interrupted);
	getter(J, "vusActive", x_inst_active);
	getter(J, "vusInitialized", x_inst_init);
	getter(J, "currentTestRunDuration", x_inst_duration);
	part(J, "instance");

	js_newobject(J);
	modules_setfn(J, x_test_abort, "abort", 1);
	modules_setfn(J, x_test_fail, "fail", 1);
	getter(J, "options", x_test_options);
	js_setproperty(J, -2, "test");
}
