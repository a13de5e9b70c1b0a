/* A virtual user: one mujs state on one coroutine; see engine.h.
 *
 * The coroutine first runs the script's init code, then serves its
 * executor: one iteration after another while executor_next says so,
 * idling in between.  A call job (setup, teardown, handleSummary) runs an
 * exported function once instead. */
#include "config.h"

#include <event2/event.h>
#include <math.h>
#include <stdint.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "engine/coro.h"
#include "engine/engine-int.h"
#include "engine/vualloc.h"
#include "js/codelimit.h"
#include "js/env.h"
#include "js/errmsg.h"
#include "js/mujs-layout.h"
#include "js/error.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

/* mujs exports these without declaring them in mujs.h */
void	js_pushobject(js_State *, void *);
void	*js_toobject(js_State *, int);
const char *js_intern(js_State *, const char *);

#define VU_INTERRUPTED	"lyocell: iteration interrupted"

/* The call job of vu_call. */
struct vu_call {
	const char	*fn;
	const char	*arg_json;
	char		*result;
	char		*cause;
	int		 rc;
	int		 done;
	int		 timed_out;
};

struct vu_ext {
	struct vu	 vu;
	struct vu_call	*call;
	char		*init_error;
	int		 capped;	/* in capped_pcall: the cap applies */
	int		 over;		/* an allocation was refused */
	char		*home;		/* above the coroutine's stack, or NULL */
	size_t		 home_used;
	int		 home_n;	/* blocks made there */
};

/*
 * A VU's home: VU_HOME bytes right above its coroutine's stack
 * (coro_above), where js_newstate's two blocks go, mujs's state (19,872
 * bytes) and its value stack (4 KiB).  A sleeping VU touches the state's
 * head (with the first entries of its call and environment stacks), its
 * first try buffers 4.5 KiB further, and the first values of its stack;
 * from malloc, the two blocks took about four pages of it besides the
 * coroutine's top page.  Here the head shares that page with the
 * coroutine's frames (coro.h's CORO_ABOVE_AT): three pages in all.  A
 * block is its size, 16 bytes, then its bytes; home blocks are never
 * reused, only dropped with the coroutine.
 */
#define VU_HOME		((size_t)24 << 10)
#define HOME_HDR	16

static int
in_home(const struct vu_ext *x, const void *p)
{
	return (uintptr_t)p - (uintptr_t)x->home < VU_HOME;
}

static size_t
block_size(const struct vu_ext *x, const void *p)
{
	size_t n;

	if (!in_home(x, p))
		return vualloc_size(p);
	memcpy(&n, (const char *)p - HOME_HDR, sizeof n);
	return n;
}

/* A block of the home, or NULL when it has no room. */
static void *
home_alloc(struct vu_ext *x, size_t size)
{
	size_t need = HOME_HDR + ((size + 15) & ~(size_t)15);
	char *b;

	if (x->home == NULL || VU_HOME - x->home_used < need)
		return NULL;
	b = x->home + x->home_used;
	memcpy(b, &size, sizeof size);
	x->home_used += need;
	x->home_n++;
	return b + HOME_HDR;
}

/* A VU's JavaScript memory may not pass this, so that one VU running away
 * ends its own iteration, not its worker: 1 GiB, or LYOCELL_VU_MEMORY
 * MiB. */
#define VU_MEMORY_DEFAULT	1024

static size_t
memory_cap(void)
{
	static size_t cap;
	const char *v;
	char *end;
	unsigned long long mib;

	if (cap != 0)
		return cap;
	mib = VU_MEMORY_DEFAULT;
	if ((v = getenv("LYOCELL_VU_MEMORY")) != NULL && *v != '\0') {
		mib = strtoull(v, &end, 10);
		if (*end != '\0' || mib == 0)
			mib = VU_MEMORY_DEFAULT;
	}
	cap = (size_t)mib << 20;
	return cap;
}

/* What vu_alloc does with a block of the home: freed, it is only
 * uncounted; mujs resizes neither, but one would move out. */
static void *
home_realloc(struct vu *vu, void *ptr, int size)
{
	size_t old = block_size((struct vu_ext *)vu, ptr);
	void *p;

	if (size <= 0) {
		vu->js_bytes -= old;
		return NULL;
	}
	if ((p = vualloc_realloc(NULL, (size_t)size)) == NULL)
		return NULL;
	memcpy(p, ptr, old < (size_t)size ? old : (size_t)size);
	vu->js_bytes += vualloc_size(p) - old;
	return p;
}

/* mujs allocation hook: JavaScript memory comes from engine/vualloc.h,
 * js_newstate's from the VU's home; vu->js_bytes counts the bytes the
 * VU's blocks take. */
static void *
vu_alloc(void *actx, void *ptr, int size)
{
	struct vu	*vu = actx;
	struct vu_ext	*x = actx;
	size_t		 old = 0;
	void		*p;

	if (ptr != NULL) {
		if (in_home(x, ptr))
			return home_realloc(vu, ptr, size);
		old = vualloc_size(ptr);
	}
	if (size <= 0) {
		vualloc_realloc(ptr, 0);
		vu->js_bytes -= old;
		return NULL;
	}
	if (x->capped && (size_t)size > old &&
	    vu->js_bytes + ((size_t)size - old) > memory_cap()) {
		x->over = 1;
		return NULL;	/* mujs throws "out of memory" */
	}
	/* js_newstate's first two blocks: the state, the value stack */
	if (x->home_n < 2 && ptr == NULL &&
	    (p = home_alloc(x, (size_t)size)) != NULL) {
		vu->js_bytes += (size_t)size;
		return p;
	}
	if ((p = vualloc_realloc(ptr, (size_t)size)) != NULL)
		vu->js_bytes += vualloc_size(p) - old;
	return p;
}

/* js_pcall with the VU's memory capped: over the cap, the call fails, its
 * garbage is collected and the error says which VU and what cap. */
static int
capped_pcall(struct vu *vu, int n)
{
	struct vu_ext *x = (struct vu_ext *)vu;
	js_State *J = vu->J;
	char msg[128];
	int rc;

	x->capped = 1;
	x->over = 0;
	rc = js_pcall(J, n);
	x->capped = 0;
	if (rc != 0 && x->over) {
		js_pop(J, 1);
		js_gc(J, 0);
		snprintf(msg, sizeof msg, "VU %u: its JavaScript memory reached its cap "
		    "of %zu MiB (LYOCELL_VU_MEMORY)", (unsigned)vu->id, memory_cap() >> 20);
		js_pushstring(J, msg);
	}
	x->over = 0;
	return rc;
}

static void
vu_panic(js_State *J)
{
	/* Only reachable through a bug: every entry is protected. */
	fprintf(stderr, "lyocell: internal error: unprotected JavaScript error: %s\n",
	    js_trystring(J, -1, "?"));
	abort();
}

static void
vu_report(js_State *J, const char *msg)
{
	log_msg(LOG_WARN, NULL, "%s", msg);
}

struct vu *
vu_of(js_State *J)
{
	return js_getcontext(J);
}

/* Where a value that is not an Error (on top of the stack) was thrown,
 * if a throw statement kept it (__ly.th, src/compile/helpers.js): its
 * stack without the helper's own frame. */
static void
thrown_at(js_State *J, struct buf *b)
{
	const char *s, *frame;

	js_getglobal(J, "__ly_thrown");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		return;
	}
	js_getproperty(J, -1, "v");
	js_copy(J, -3);
	if (js_strictequal(J) || (js_isnumber(J, -1) && js_isnumber(J, -2) &&
	    isnan(js_tonumber(J, -1)) && isnan(js_tonumber(J, -2)))) {
		js_getproperty(J, -3, "s");
		s = js_trystring(J, -1, "");
		if ((frame = strstr(s + 1, "\n\tat ")) != NULL)
			buf_puts(b, frame);
		js_pop(J, 1);
	}
	js_pop(J, 3);
	/* Kept no longer than needed. */
	js_pushundefined(J);
	js_setglobal(J, "__ly_thrown");
}

/* The text of the error on top of the stack, with the JavaScript stack
 * when there is one, as an owned string ending in a newline, as k6's
 * engine writes an exception (app_log_script_error tells it so). */
static char *
error_text(js_State *J)
{
	const struct engine_script *script = vu_of(J)->engine->script;
	struct buf b = BUF_INIT;
	char *sym;

	/* js_trystring converts in place: work on a copy. */
	js_copy(J, -1);
	if (js_isstring(J, -1) &&
	    (sym = script->symbol_text(js_tostring(J, -1))) != NULL) {
		buf_puts(&b, sym);
		free(sym);
	} else
		buf_puts(&b, js_trystring(J, -1, "Error"));
	js_pop(J, 1);
	if (js_isobject(J, -1) && js_hasproperty(J, -1, ERROR_FRAMES)) {
		buf_puts(&b, js_trystring(J, -1, ""));
		js_pop(J, 1);
	} else
		thrown_at(J, &b);
	sym = stack_clean(vu_of(J)->engine->bundle, b.data != NULL ? b.data : "");
	buf_free(&b);
	/* k6's engine ends the text, and each frame, with a newline */
	buf_puts(&b, sym);
	buf_putc(&b, '\n');
	free(sym);
	return buf_steal(&b);
}

/*
 * __ly_tick(): the compiled script calls it at every loop back-edge,
 * function entry and catch clause (src/compile/lower.c), so JavaScript
 * that never blocks still ends when its iteration is interrupted.  Once
 * the VU is interrupted, every call throws, so a catch clause cannot
 * swallow the interruption.  Every TICK_BATCH calls it reads the clock;
 * after TICK_SLICE of CPU since the VU was last resumed it yields to the
 * event loop, which then sees gracefulStop's end, a stop from the
 * coordinator or a call's timeout as for a VU blocked in sleep().
 */
#define TICK_BATCH	128
#define TICK_SLICE	10000000	/* ns */

static void
vu_tick(js_State *J)
{
	struct vu *vu = vu_of(J);

	if (vu->interrupted)
		vu_throw_interrupted(J);
	if (--vu->ticks <= 0) {
		vu->ticks = TICK_BATCH;
		if (engine_now() - vu->resumed >= TICK_SLICE &&
		    coro_current() == vu->co) {
			engine_wake(vu->engine, vu);
			coro_yield();
			if (vu->interrupted)
				vu_throw_interrupted(J);
		}
	}
	js_pushundefined(J);
}

static void
set_number(js_State *J, const char *name, double v)
{
	js_pushnumber(J, v);
	js_setglobal(J, name);
}

/*
 * __ITER's number at each iteration, as k6 sets it.  js_setglobal looks
 * for a setter up the global's prototypes, then for the own property
 * (about 270 instructions); while __ITER is the global's own plain
 * writable property, as the VU made it, its value is written in place,
 * which is all js_setglobal does then.  A script that deleted it, made
 * it an accessor or read-only goes through js_setglobal as before.
 */
static void
set_iter(js_State *J, double v)
{
	static const char *name;	/* interned: for the process */
	struct mj_state *S = (void *)J;
	struct mj_property *p;

	if (name == NULL)
		name = js_intern(J, "__ITER");
	p = mj_lookup(((struct mj_object *)S->G)->properties, name);
	if (p != NULL && p->getter == NULL && p->setter == NULL &&
	    !(p->atts & MJ_READONLY)) {
		p->value.type = MJ_TNUMBER;
		p->value.u.number = v;
		return;
	}
	set_number(J, "__ITER", v);
}

/* __ENV: the run's variables, and those of the scenario the VU serves;
 * the init code sees only the former, as in k6.  k6 run passes the
 * system environment too, often 50 variables, so the object is made on
 * first use, and shows them without a property each (js/env.c): __ENV
 * is an accessor on the global object whose function (getter and
 * setter at once: a getter gets no argument) keeps the object in its
 * property v. */
static void
env_accessor(js_State *J)
{
	struct vu *vu = vu_of(J);
	const struct runopts *o = vu->engine->opts;
	const struct scenario *sc = vu->env_run != NULL ? vu->env_run->sc : NULL;

	/* Once read or set, a plain property of the global, as k6 sets
	 * it: no getter's call per read from then on. */
	js_currentfunction(J);
	if (js_gettop(J) > 2) {		/* this, value, the function */
		js_copy(J, 1);
		js_setproperty(J, -2, "v");
		env_global_plain(J, "__ENV", -1, 1);
		js_pushundefined(J);
		return;
	}
	if (js_hasproperty(J, -1, "v")) {
		env_global_plain(J, "__ENV", -2, -1);
		return;
	}
	env_push(J, o != NULL ? o->env : NULL, o != NULL ? o->nenv : 0,
	    sc != NULL ? sc->env : NULL, sc != NULL ? sc->nenv : 0);
	js_copy(J, -1);
	js_setproperty(J, -3, "v");
	env_global_plain(J, "__ENV", -2, -1);
}

static void
push_env(struct vu *vu)
{
	js_State *J = vu->J;

	js_pushglobal(J);
	js_newcfunction(J, env_accessor, "__ENV", 0);
	js_copy(J, -1);
	js_defaccessor(J, -3, "__ENV", 0);
	js_pop(J, 1);
}

/*
 * The exported functions as the init code left them, in a plain object:
 * k6's VU keeps a map of them when it is made and calls those, whatever
 * the exports' bindings hold later; and reading the exports costs a
 * getter's call (the compiler's live binding) every iteration.  An
 * export whose getter throws leaves the exports to be read live.
 */
static void
keep_functions(struct vu *vu)
{
	js_State *J = vu->J;
	const char *k;

	js_getregistry(J, "ly.exports");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		return;
	}
	js_newobject(J);
	if (js_try(J)) {
		js_pop(J, 3);
		return;
	}
	js_pushiterator(J, -2, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, -3, k);
		if (js_iscallable(J, -1))
			js_setproperty(J, -3, k);
		else
			js_pop(J, 1);
	}
	js_pop(J, 1);
	js_endtry(J);
	/* the registry keeps it alive; an iteration pushes it by address */
	vu->fns = js_toobject(J, -1);
	js_setregistry(J, "ly.fns");
	js_pop(J, 1);
}

/* Create the state and run the init code: the runtime library, the
 * native modules, the bundle, then the entry module's graph.  0, or -1
 * with an owned message in *cause. */
static int
vu_init_js(struct vu *vu, char **cause)
{
	const struct bundle *bundle = vu->engine->bundle;
	js_State *J;
	size_t i;

	vu->fns = NULL;
	J = vu->J = js_newstate(vu_alloc, vu, 0);
	if (J == NULL) {
		*cause = xstrdup("cannot create a JavaScript state: out of memory");
		return -1;
	}
	js_setcontext(J, vu);
	js_atpanic(J, vu_panic);
	js_setreport(J, vu_report);
	js_newcfunction(J, vu_tick, "__ly_tick", 0);
	js_defglobal(J, "__ly_tick", JS_DONTENUM);
	if (vu->engine->script->load_runtime(J, cause) == -1)
		return -1;
	set_number(J, "__VU", vu->id);
	set_number(J, "__ITER", 0);
	vu->env_run = NULL;
	push_env(vu);
	vu->in_init = 1;
	if (vu->engine->script->register_modules(J, cause) == -1)
		return -1;
	for (i = 0; i < bundle->nunits; i++) {
		const struct bundle_unit *u = &bundle->units[i];

		if (u->map != NULL)
			errmsg_posmap(u->name, u->map);
		if (codelimit_load(J, u->name, u->es5))
			goto fail;
		js_pushundefined(J);
		if (capped_pcall(vu, 0))
			goto fail;
		js_pop(J, 1);
	}
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "require");
	js_rot2(J);
	js_pushstring(J, bundle->entry_id);
	if (capped_pcall(vu, 1))
		goto fail;
	js_setregistry(J, "ly.exports");
	/* As k6, the init code's event loop runs in the init context, and
	 * a rejection left unhandled there fails init. */
	if ((*cause = loop_run(vu)) != NULL) {
		vu->in_init = 0;
		return -1;
	}
	/* The entry's evaluation, if it awaited at its top level, has
	 * completed, as in k6, or init fails with what it threw. */
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "wait");
	js_rot2(J);
	js_pushstring(J, bundle->entry_id);
	if (capped_pcall(vu, 1))
		goto fail;
	js_pop(J, 1);
	keep_functions(vu);
	for (i = 0; i < vu->engine->nmodules; i++)
		if (vu->engine->modules[i]->init_end != NULL)
			vu->engine->modules[i]->init_end(vu);
	vu->in_init = 0;
	for (i = 0; i < vu->engine->nmodules; i++)
		if (vu->engine->modules[i]->vu_init != NULL &&
		    vu->engine->modules[i]->vu_init(vu, cause) == -1)
			return -1;
	/* Compiling leaves garbage behind: collect it before the VU idles. */
	js_gc(J, 0);
	if (vu->engine->script->trim != NULL)
		vu->engine->script->trim(J);
	vu->js_kept = vu->js_bytes;
	/* mujs's state block, zeroed at js_newstate, is mostly zeros */
	vualloc_trim(J, block_size((struct vu_ext *)vu, J));
	return 0;
fail:
	vu->in_init = 0;
	*cause = error_text(J);
	js_pop(J, 1);
	return -1;
}

/* Push the exported function name, or return -1 (nothing pushed). */
static int
push_export(struct vu *vu, const char *name)
{
	js_State *J = vu->J;

	if (vu->fns != NULL)
		js_pushobject(J, vu->fns);
	else
		js_getregistry(J, "ly.exports");
	js_getproperty(J, -1, name);
	js_rot2(J);
	js_pop(J, 1);
	if (!js_iscallable(J, -1)) {
		js_pop(J, 1);
		return -1;
	}
	return 0;
}

/* Push setup()'s data: each VU decodes its own copy once. */
static void
push_setup_data(struct vu *vu)
{
	js_State *J = vu->J;

	if (vu->engine->setup_json == NULL) {
		js_pushundefined(J);
		return;
	}
	if (!vu->setup_ref) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "parse");
		js_rot2(J);
		js_pushstring(J, vu->engine->setup_json);
		if (js_pcall(J, 1)) {
			js_pop(J, 1);
			js_pushundefined(J);
		}
		js_setregistry(J, "ly.setup");
		vu->setup_ref = 1;
	}
	js_getregistry(J, "ly.setup");
}

void
vu_loop_throw(struct vu *vu)
{
	char *text = error_text(vu->J);

	js_pop(vu->J, 1);
	if (vu->loop_error == NULL)
		vu->loop_error = text;
	else
		free(text);
}

/* Log an iteration's error: an exception with its stack, or the end of
 * its event loop ("Uncaught (in promise) ..."), which k6 logs without
 * source=stacktrace. */
static void
log_exception(struct vu *vu, const char *text, int exception)
{
	char *fields = NULL;

	if (vu->run != NULL)
		fields = xasprintf("executor=%s %sscenario=%s%s",
		    vu->run->sc->executor_name,
		    exception ? "hint=\"script exception\" " : "",
		    vu->run->sc->name, exception ? " source=stacktrace" : "");
	log_msg(LOG_ERROR, fields, "%s", text);
	free(fields);
}

/* The iteration_end hooks: drop what the function left pending. */
static void
modules_end(struct vu *vu)
{
	struct engine *e = vu->engine;
	size_t i;

	for (i = 0; i < e->nmodules; i++)
		if (e->modules[i]->iteration_end != NULL)
			e->modules[i]->iteration_end(vu);
}

/*
 * Once the function on top of the stack returned: run the event loop to
 * its end (loop.c), as k6 ends an iteration, setup() or teardown() only
 * when its timers and promises have settled.  An async function's
 * promise is settled then (its rejection, unhandled, ends the loop with
 * an error), so the value on top becomes the promise's value when
 * want_value.  NULL, or an owned message.
 */
static char *
vu_settle(struct vu *vu, int want_value)
{
	struct engine *e = vu->engine;
	js_State *J = vu->J;
	char *text;

	text = loop_run(vu);
	if (text != NULL || !want_value ||
	    !js_isobject(J, -1) || !e->script->promises_loaded(J))
		return text;
	js_getglobal(J, "__ly_rt");
	js_getproperty(J, -1, "result");
	js_rot2(J);
	js_pop(J, 1);
	js_rot2(J);
	js_pushundefined(J);
	js_rot2(J);
	if (js_pcall(J, 1)) {
		js_pop(J, 1);
		js_pushundefined(J);
	}
	return NULL;
}

/*
 * mujs collects when it has made five times as many blocks as survived
 * its last collection: a VU of 120 KiB could grow by hundreds of KiB of
 * garbage before it did, 27 KiB in a 20-second test.  Between
 * iterations, once the VU holds its share of GC_BUDGET (the garbage a
 * worker may hold, split between its VUs; GC_SLACK at least, and a
 * sixteenth of what the VU keeps at least) more than it kept at its
 * last collection here, collect.  Many VUs collect often and keep near
 * their live heaps (2,000 VUs doing http.get + check + sleep(1): 27 KiB
 * less per VU with an 8 KiB slack, for about 7 µs of CPU per iteration);
 * a few VUs running flat out collect about as seldom as mujs would (a
 * collection of a 120 KiB heap every few iterations was 5% more
 * instructions per request for 1 VU).
 *
 * The VUs of a test start together and mostly make the same garbage
 * each iteration: with the same threshold they would reach it together,
 * and the process would hold every VU's whole slack at once (10,000 VUs
 * doing check() + sleep(1): 8 KiB each, every 17 seconds).  So a VU's
 * first collection comes early by a part of its slack, spread by its
 * id (gc_lead); from then on the VUs collect in turn and hold half
 * their slack on average.
 */
#define GC_SLACK	((size_t)8 << 10)
#define GC_BUDGET	((size_t)32 << 20)

static size_t
gc_lead(uint32_t id, size_t slack)
{
	/* the golden ratio's fractions of successive ids fill [0, 1)
	 * evenly whichever ids a worker hosts */
	double f = (double)id * 0.6180339887498949;

	return (size_t)((f - floor(f)) * (double)slack);
}

static void
collect(struct vu *vu)
{
	struct engine *e = vu->engine;
	size_t slack = GC_BUDGET / (e->npool > 0 ? e->npool : 1);

	if (slack < vu->js_kept / 16)
		slack = vu->js_kept / 16;
	if (slack < GC_SLACK)
		slack = GC_SLACK;
	if (vu->js_bytes > e->js_peak)
		e->js_peak = vu->js_bytes;
	if (!vu->collected)
		slack -= gc_lead(vu->id, slack);
	if (vu->js_bytes > vu->js_kept + slack) {
		js_gc(vu->J, 0);
		if (e->script->trim != NULL)
			e->script->trim(vu->J);
		vu->js_kept = vu->js_bytes;
		vu->collected = 1;
		e->js_collections++;
	}
}

/* Emit the VU's data_sent and data_received since the last flush, as k6
 * does after every iteration and every setup, teardown and handleSummary
 * call: both, even at 0, as k6's Dialer.IOSamples, so they are always in
 * the summary.  After a whole iteration, its iterations and
 * iteration_duration (ms) too, in the same record. */
static void
flush_io(struct vu *vu, int whole, double duration)
{
	struct engine *e = vu->engine;
	const uint32_t metric[] = { e->m.data_sent, e->m.data_received,
	    e->m.iterations, e->m.iteration_duration };
	const double value[] = { (double)vu->data_sent,
	    (double)vu->data_received, 1, duration };

	engine_emit_n(e, vu->tags, metric, value, whole ? 4 : 2);
	vu->data_sent = vu->data_received = 0;
}

static void
vu_iteration(struct vu *vu)
{
	struct engine *e = vu->engine;
	struct exec_run *run = vu->run;
	js_State *J = vu->J;
	int64_t t0 = engine_now();
	double dur;
	char *text;
	size_t i;

	vu->interrupted = 0;
	vu->mid_iteration = 1;
	vu->iter_start = t0;
	set_iter(J, (double)vu->iter);
	for (i = 0; i < e->nmodules; i++)
		if (e->modules[i]->iteration_start != NULL)
			e->modules[i]->iteration_start(vu);
	if (push_export(vu, run->sc->exec) == -1) {
		log_exception(vu, "the exported function is gone", 0);
		js_pushundefined(J);
	} else {
		js_pushundefined(J);
		push_setup_data(vu);
		if (capped_pcall(vu, 1)) {
			if (!vu->interrupted) {
				text = error_text(J);
				log_exception(vu, text, 1);
				free(text);
			}
		} else if ((text = vu_settle(vu, 0)) != NULL) {
			if (!vu->interrupted)
				log_exception(vu, text, vu->loop_threw);
			free(text);
		}
	}
	js_pop(J, 1);
	vu->iter++;
	vu->iter_in_scenario++;
	/* The VU ran the event loop to its end (vu_settle), or the
	 * iteration failed: what is left never runs, as in k6. */
	modules_end(vu);
	/* As k6 does at the iteration's end: data_sent, data_received,
	 * iterations and iteration_duration with one time and tag set, the
	 * last two for a whole iteration; minIterationDuration's sleep
	 * comes after, out of iteration_duration. */
	dur = ns_to_ms(engine_now() - t0);
	flush_io(vu, !vu->interrupted, dur);
	if (!vu->interrupted && e->opts != NULL && e->opts->min_iteration_duration > 0 &&
	    e->opts->min_iteration_duration > dur)
		vu_sleep(vu, e->opts->min_iteration_duration - dur);
	vu->mid_iteration = 0;
	collect(vu);
	executor_iteration_done(run, vu, vu->interrupted);
}

static void
vu_do_call(struct vu *vu, struct vu_call *c)
{
	js_State *J = vu->J;

	c->rc = -1;
	if (push_export(vu, c->fn) == -1) {
		c->rc = 0;	/* not exported: nothing to do */
		return;
	}
	js_pushundefined(J);
	if (c->arg_json != NULL) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "parse");
		js_rot2(J);
		js_pushstring(J, c->arg_json);
		if (js_pcall(J, 1)) {
			js_pop(J, 1);
			js_pushundefined(J);
		}
	} else {
		js_pushundefined(J);
	}
	if (capped_pcall(vu, 1)) {
		c->cause = error_text(J);
		js_pop(J, 1);
		return;
	}
	c->cause = vu_settle(vu, 1);
	modules_end(vu);
	if (c->cause != NULL) {
		js_pop(J, 1);
		return;
	}
	/* The result travels as JSON, as k6 copies setup data. */
	if (js_isundefined(J, -1)) {
		js_pop(J, 1);
		c->rc = 0;
		return;
	}
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot3(J);
	js_pop(J, 1);
	js_pushundefined(J);
	js_rot2(J);
	if (capped_pcall(vu, 1)) {
		c->cause = error_text(J);
		js_pop(J, 1);
		return;
	}
	if (js_isstring(J, -1))
		c->result = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);
	c->rc = 0;
}

static void
vu_main(void *arg)
{
	struct vu_ext *x = arg;
	struct vu *vu = &x->vu;
	char *cause = NULL;

	if (vu_init_js(vu, &cause) == -1) {
		x->init_error = cause;
		vu->state = VU_DEAD;
		if (vu->run != NULL)
			executor_vu_idle(vu->run, vu);
		return;
	}
	/* init's compiling reaches deeper than an iteration */
	coro_trim();
	for (;;) {
		vu->state = VU_IDLE;
		if (vu->run != NULL)
			executor_vu_idle(vu->run, vu);
		if (x->call == NULL && !vu->quit)
			coro_yield();
		if (vu->quit)
			return;
		if (x->call != NULL) {
			vu->state = VU_RUNNING;
			vu_do_call(vu, x->call);
			flush_io(vu, 0, 0);
			x->call->done = 1;
			x->call = NULL;
			continue;
		}
		vu->state = VU_RUNNING;
		if (vu->run != NULL && vu->env_run != vu->run) {
			vu->env_run = vu->run;
			push_env(vu);
		}
		while (vu->run != NULL && !vu->quit && executor_next(vu->run, vu)) {
			vu_iteration(vu);
			/* Let the event loop turn between iterations, or a VU
			 * that never blocks would starve the timers that end
			 * its scenario. */
			engine_wake(vu->engine, vu);
			coro_yield();
		}
	}
}

static void
vu_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct vu *vu = arg;

	engine_wake(vu->engine, vu);
}

/* A VU's C stack: calls nested deeper than it holds go on on a stack
 * lent for them (js/deepcall.c), so that every VU keeps a small one. */
#if defined(__SANITIZE_ADDRESS__)
/* ASan's frames are larger, and coro.c lends no stack then. */
#define VU_STACK	(8 * CORO_STACK_DEFAULT)
#else
#define VU_STACK	CORO_STACK_DEFAULT
#endif

struct vu *
vu_new(struct engine *e, uint32_t id, struct exec_run *run, char **cause)
{
	struct vu_ext *x = xcalloc(1, sizeof *x);
	struct vu *vu = &x->vu;
	char *why = NULL;

	vu->engine = e;
	vu->id = id;
	vu->run = run;
	vu->state = VU_INIT;
	vu->group = xstrdup("");
	vu->tags = run != NULL ? run->tags : e->base_tags;
	vu->timer = evtimer_new(e->base, vu_timer_cb, vu);
	vu->co = coro_new(vu_main, x, VU_STACK, VU_HOME, &why);
	if (vu->co == NULL) {
		*cause = xasprintf("VU %u: %s", id, why);
		free(why);
		event_free(vu->timer);
		free(vu->group);
		free(x);
		return NULL;
	}
	x->home = coro_above(vu->co);
	engine_wake(e, vu);
	return vu;
}

void
vu_free(struct vu *vu)
{
	struct vu_ext *x = (struct vu_ext *)vu;
	size_t i;

	if (vu == NULL)
		return;
	if (vu->queued != NULL)
		TAILQ_REMOVE(vu->queued, vu, runq);
	for (i = 0; i < vu->engine->nmodules; i++)
		if (vu->engine->modules[i]->vu_free != NULL)
			vu->engine->modules[i]->vu_free(vu);
	/* A suspended state is only ever freed, never called into again. */
	js_freestate(vu->J);
	coro_free(vu->co);
	event_free(vu->timer);
	free(vu->loop_error);
	free(vu->group);
	free(vu->meta);
	free(x->init_error);
	free(x);
}

int
vu_block(struct vu *vu)
{
	coro_yield();
	return vu->interrupted ? -1 : 0;
}

int
vu_sleep(struct vu *vu, double ms)
{
	struct timeval tv;

	if (vu->interrupted)
		return -1;
	if (ms <= 0)
		return 0;
	tv = timeval_ms(ms);
	evtimer_add(vu->timer, &tv);
	if (vu_block(vu) == -1) {
		evtimer_del(vu->timer);
		return -1;
	}
	return 0;
}

void
vu_interrupt(struct vu *vu)
{
	size_t i;

	if (vu->state != VU_RUNNING || vu->interrupted)
		return;
	vu->interrupted = 1;
	evtimer_del(vu->timer);
	for (i = 0; i < vu->engine->nmodules; i++)
		if (vu->engine->modules[i]->interrupt != NULL)
			vu->engine->modules[i]->interrupt(vu);
	engine_wake(vu->engine, vu);
}

void
vu_throw_interrupted(js_State *J)
{
	js_error(J, "%s", VU_INTERRUPTED);
}

const char *
vu_init_error(const struct vu *vu)
{
	return ((const struct vu_ext *)vu)->init_error;
}

int
vu_init_ended(const struct vu *vu)
{
	return vu->state != VU_INIT;
}

int
vu_dead(const struct vu *vu)
{
	return vu->state == VU_DEAD;
}

static int
call_done(void *arg)
{
	struct vu_call *c = arg;

	return c->done || c->timed_out;
}

static void
call_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	((struct vu_call *)arg)->timed_out = 1;
}

int
vu_call(struct vu *vu, const char *fn, const char *arg_json, double timeout_ms,
    char **result, char **cause)
{
	struct vu_ext *x = (struct vu_ext *)vu;
	struct event *timer;
	struct timeval tv;
	struct vu_call c;

	memset(&c, 0, sizeof c);
	c.fn = fn;
	c.arg_json = arg_json;
	*result = NULL;
	if (vu->state == VU_DEAD) {
		*cause = xstrdup(x->init_error ? x->init_error : "the VU failed to start");
		return -1;
	}
	x->call = &c;
	timer = evtimer_new(vu->engine->base, call_timeout_cb, &c);
	tv = timeval_ms(timeout_ms);
	evtimer_add(timer, &tv);
	engine_wake(vu->engine, vu);
	engine_run(vu->engine, call_done, &c);
	event_free(timer);
	if (!c.done) {
		/* The VU is left suspended; only freeing it is allowed now. */
		*cause = xasprintf("%s() execution timed out after %g seconds", fn,
		    timeout_ms / 1000);
		return -2;
	}
	*result = c.result;
	if (c.rc == -1)
		*cause = c.cause;
	else
		free(c.cause);
	return c.rc;
}
