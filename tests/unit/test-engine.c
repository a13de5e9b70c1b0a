/* Unit tests of the engine's module interface (engine/module.h): an
 * engine runs scenarios with a fake module added, and the hooks are
 * checked for when and how often they are called, in which order, and
 * with the VU's own module data, and two fake asynchronous modules share
 * the VU's event loop (engine/loop.c).  The VUs run a small script, so
 * mujs is linked; the fake modules stand where k6/http and the timers
 * do. */
#include "config.h"

#include <event2/event.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "compile/bundle.h"
#include "engine/engine-int.h"
#include "engine/module.h"
#include "engine/plan.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "metrics/metric.h"
#include "util/xmalloc.h"

struct counts {
	int	init, start, pending, end, interrupt, freed;
	int	init_loop;	/* loop hooks called in the init code's loop */
	int	wrong_data;	/* a hook saw another VU's data */
	int	lexbuf;		/* iterations begun with mujs's lexer buffer */
	char	order[64];	/* which module's iteration_start ran: a, b */
};

static struct counts ca, cb;
static size_t collections;	/* by the last run's VUs between iterations */

/* What the fake modules do on the loop: at iteration start each arms one
 * libevent timer per delay of its schedule; a timer that fires marks one
 * callback ready (vu_loop_wake), which run_ready "runs": it logs the
 * module's letter and when, since the iteration started. */
#define SCHED_MAX	4
struct schedule {
	int	ms[SCHED_MAX];	/* 0 ends it */
};
static struct schedule sched_a, sched_b;
static char	log_order[64];	/* letters of the callbacks run, E at the end */
static int64_t	log_ms[64];	/* when each ran, ms since the iteration began */
static int64_t	iter_t0;

struct fake_op {
	struct fake_vu	*f;
	struct event	*ev;
};

struct fake_vu {
	uint32_t	id;
	struct vu	*vu;
	struct fake_op	 ops[SCHED_MAX];
	int		 armed;		/* timers not fired yet */
	int		 ready;		/* fired, callback not run yet */
};

static void
log_event(char c)
{
	size_t n = strlen(log_order);

	if (n + 1 < sizeof log_order) {
		log_ms[n] = (engine_now() - iter_t0) / 1000000;
		log_order[n] = c;
		log_order[n + 1] = '\0';
	}
}

static const struct engine_module fake_a, fake_b;

static struct counts *
counts_of(const struct engine_module *m)
{
	return m == &fake_a ? &ca : &cb;
}

static void
check_data(struct vu *vu, const struct engine_module *m)
{
	struct fake_vu *f = vu_module_data(vu, m);

	if (f == NULL || f->id != vu_id(vu))
		counts_of(m)->wrong_data++;
}

static int
fake_init(struct vu *vu, const struct engine_module *m)
{
	struct fake_vu *f = xcalloc(1, sizeof *f);

	f->id = vu_id(vu);
	f->vu = vu;
	if (vu_module_data(vu, m) != NULL)
		counts_of(m)->wrong_data++;
	vu_module_set(vu, m, f);
	counts_of(m)->init++;
	return 0;
}

static void
fired(evutil_socket_t fd, short what, void *arg)
{
	struct fake_op *op = arg;

	op->f->armed--;
	op->f->ready++;
	vu_loop_wake(op->f->vu);
}

static void
fake_start(struct vu *vu, const struct engine_module *m, char c)
{
	const struct schedule *sc = m == &fake_a ? &sched_a : &sched_b;
	struct fake_vu *f = vu_module_data(vu, m);
	size_t n = strlen(ca.order);
	struct timeval tv;
	int i;

	check_data(vu, m);
	counts_of(m)->start++;
	if (((struct mj_state *)vu_js(vu))->lexbuf.text != NULL)
		counts_of(m)->lexbuf++;
	if (n + 1 < sizeof ca.order) {
		ca.order[n] = c;
		ca.order[n + 1] = '\0';
	}
	iter_t0 = engine_now();
	for (i = 0; i < SCHED_MAX && sc->ms[i] > 0; i++) {
		f->ops[i].f = f;
		f->ops[i].ev = evtimer_new(vu_event_base(vu), fired, &f->ops[i]);
		tv.tv_sec = sc->ms[i] / 1000;
		tv.tv_usec = (sc->ms[i] % 1000) * 1000;
		evtimer_add(f->ops[i].ev, &tv);
		f->armed++;
	}
}

/* The loop hooks run in the init code's loop too, before vu_init. */
static int
fake_run_ready(struct vu *vu, const struct engine_module *m, char c)
{
	struct fake_vu *f = vu_module_data(vu, m);

	if (f == NULL) {
		counts_of(m)->init_loop++;
		return 0;
	}
	check_data(vu, m);
	if (f->ready == 0)
		return 0;
	f->ready--;
	log_event(c);
	return 1;
}

static int
fake_pending(struct vu *vu, const struct engine_module *m)
{
	struct fake_vu *f = vu_module_data(vu, m);

	if (f == NULL) {
		counts_of(m)->init_loop++;
		return 0;
	}
	check_data(vu, m);
	counts_of(m)->pending++;
	return f->armed + f->ready;
}

static void
fake_cancel(struct fake_vu *f)
{
	int i;

	for (i = 0; i < SCHED_MAX; i++)
		if (f->ops[i].ev != NULL) {
			event_free(f->ops[i].ev);
			f->ops[i].ev = NULL;
		}
	f->armed = f->ready = 0;
}

static void
fake_end(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	counts_of(m)->end++;
	fake_cancel(vu_module_data(vu, m));
	if (m == &fake_a)
		log_event('E');
}

static void
fake_interrupt(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	counts_of(m)->interrupt++;
	fake_cancel(vu_module_data(vu, m));
}

static void
fake_free(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	fake_cancel(vu_module_data(vu, m));
	free(vu_module_data(vu, m));
	vu_module_set(vu, m, NULL);
	counts_of(m)->freed++;
}

static int a_init(struct vu *vu, char **cause) { return fake_init(vu, &fake_a); }
static void a_start(struct vu *vu) { fake_start(vu, &fake_a, 'a'); }
static int a_run_ready(struct vu *vu) { return fake_run_ready(vu, &fake_a, 'a'); }
static int a_pending(struct vu *vu) { return fake_pending(vu, &fake_a); }
static void a_end(struct vu *vu) { fake_end(vu, &fake_a); }
static void a_interrupt(struct vu *vu) { fake_interrupt(vu, &fake_a); }
static void a_free(struct vu *vu) { fake_free(vu, &fake_a); }
static int b_init(struct vu *vu, char **cause) { return fake_init(vu, &fake_b); }
static void b_start(struct vu *vu) { fake_start(vu, &fake_b, 'b'); }
static int b_run_ready(struct vu *vu) { return fake_run_ready(vu, &fake_b, 'b'); }
static int b_pending(struct vu *vu) { return fake_pending(vu, &fake_b); }
static void b_end(struct vu *vu) { fake_end(vu, &fake_b); }
static void b_free(struct vu *vu) { fake_free(vu, &fake_b); }

static const struct engine_module fake_a = {
	.name = "fake-a", .vu_init = a_init, .iteration_start = a_start,
	.run_ready = a_run_ready, .pending = a_pending,
	.iteration_end = a_end, .interrupt = a_interrupt, .vu_free = a_free,
};
/* Only some hooks: the others stay NULL. */
static const struct engine_module fake_b = {
	.name = "fake-b", .vu_init = b_init, .iteration_start = b_start,
	.run_ready = b_run_ready, .pending = b_pending, .iteration_end = b_end,
	.vu_free = b_free,
};

static int
discard(void *arg, const void *p, size_t len)
{
	return 0;
}

static int
all_ready(void *arg)
{
	return executor_all_ready(arg);
}

static int
all_done(void *arg)
{
	return ((struct engine *)arg)->done;
}

/* Run one scenario of the script src with fake_a and fake_b added. */
static void
run(const char *src, struct scenario *sc)
{
	char dir[] = "/tmp/lyocell-test-engine.XXXXXX", *path, *cause = NULL;
	struct metric_registry *reg = metric_registry_new();
	struct runopts opts;
	struct plan plan = { sc, 1, 0, 0 };
	struct bundle *b;
	struct engine *e;
	size_t peak;
	FILE *f;

	memset(&ca, 0, sizeof ca);
	memset(&cb, 0, sizeof cb);
	log_order[0] = '\0';
	memset(&opts, 0, sizeof opts);
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/script.js", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(src, f);
	fclose(f);
	b = bundle_build(path, modules_names(), &cause);
	if (b == NULL)
		fail_msg("%s", cause);
	e = engine_new(0, b, &plan, &opts, "{}", reg, &cause);
	assert_non_null(e);
	e->send = discard;
	engine_script_set(e, &modules_script);
	engine_module_add(e, &fake_a);
	engine_module_add(e, &fake_b);
	if (executor_setup(e, &cause) == -1)
		fail_msg("%s", cause);
	engine_run(e, all_ready, e);
	assert_null(executor_init_error(e));
	executor_start(e);
	engine_run(e, all_done, e);
	engine_js_stats(e, &collections, &peak);
	engine_free(e);
	bundle_free(b);
	metric_registry_free(reg);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* One VU, one iteration of src. */
static void
one_iteration(const char *src)
{
	char name[] = "s", exec[] = "default";
	struct scenario sc = {
		.name = name, .executor = EXEC_PER_VU_ITERATIONS,
		.executor_name = "per-vu-iterations", .exec = exec,
		.graceful_stop = 30000, .vus = 1, .iterations = 1,
		.max_duration = 10000,
	};

	run(src, &sc);
}

/* Every VU gets vu_init once, every iteration a start, a look at what is
 * pending and an end, every VU a vu_free: each with that VU's own
 * data. */
static void
test_lifecycle(void **state)
{
	char name[] = "s", exec[] = "default";
	struct scenario sc = {
		.name = name, .executor = EXEC_PER_VU_ITERATIONS,
		.executor_name = "per-vu-iterations", .exec = exec,
		.graceful_stop = 30000, .vus = 3, .iterations = 2,
		.max_duration = 10000,
	};

	memset(&sched_a, 0, sizeof sched_a);
	memset(&sched_b, 0, sizeof sched_b);
	run("export default function () {}\n", &sc);
	assert_int_equal(ca.init, 3);
	assert_int_equal(ca.start, 6);
	assert_int_equal(ca.pending, 6);
	assert_int_equal(ca.init_loop, 6);	/* run_ready, pending per VU */
	assert_int_equal(ca.end, 6);
	assert_int_equal(ca.interrupt, 0);
	assert_int_equal(ca.freed, 3);
	assert_int_equal(ca.wrong_data, 0);
	assert_int_equal(cb.init, 3);
	assert_int_equal(cb.start, 6);
	assert_int_equal(cb.freed, 3);
	assert_int_equal(cb.wrong_data, 0);
	/* the order they were added, at every iteration */
	assert_string_equal(ca.order, "abababababab");
}

/* What mujs keeps for its next parse (the lexer's 4 KiB buffer, made by
 * a JSON.parse in the init code) is not kept by an idle VU. */
static void
test_lexer_buffer(void **state)
{
	(void)state;
	one_iteration("var x = JSON.parse('{\"a\": \"b\"}');\n"
	    "export default function () {}\n");
	assert_int_equal(ca.start, 1);
	assert_int_equal(ca.lexbuf, 0);
}

/* An iteration cut short at the end of its scenario (no graceful stop)
 * interrupts the module, and still ends. */
static void
test_interrupt(void **state)
{
	char name[] = "s", exec[] = "default";
	struct scenario sc = {
		.name = name, .executor = EXEC_CONSTANT_VUS,
		.executor_name = "constant-vus", .exec = exec,
		.graceful_stop = 0, .vus = 1, .duration = 100,
	};

	memset(&sched_a, 0, sizeof sched_a);
	memset(&sched_b, 0, sizeof sched_b);
	run("import { sleep } from 'k6';\n"
	    "export default function () { sleep(10); }\n", &sc);
	assert_int_equal(ca.init, 1);
	assert_int_equal(ca.start, 1);
	assert_int_equal(ca.interrupt, 1);
	assert_int_equal(ca.pending, 0);	/* the function threw */
	assert_int_equal(ca.end, 1);
	assert_int_equal(ca.freed, 1);
	assert_int_equal(ca.wrong_data, 0);
}

/* Two modules' callbacks run in the order they become ready, the
 * iteration ends only when both are idle, and what became ready while
 * the VU was blocked in sleep() waited for the loop: vu_loop_wake does
 * not cut a synchronous call short. */
static void
test_loop_interleaves(void **state)
{
	/* b's second is 200 ms before a's: a loaded machine that holds the
	 * process up less than that between them keeps them in two turns */
	struct schedule a = { { 10, 450 } }, b = { { 20, 250 } };

	sched_a = a;
	sched_b = b;
	one_iteration("import { sleep } from 'k6';\n"
	    "export default function () { sleep(0.05); }\n");
	assert_string_equal(log_order, "abbaE");
	assert_true(log_ms[0] >= 50);	/* after the sleep, not during it */
	assert_true(log_ms[2] >= 250);
	assert_true(log_ms[3] >= 450);
	assert_true(log_ms[4] >= log_ms[3]);
	assert_int_equal(ca.end, 1);
	assert_int_equal(cb.end, 1);
	assert_int_equal(ca.wrong_data + cb.wrong_data, 0);
}

/* The loop runs the Promise jobs as part of a turn: a promise the
 * function left pending settles, and its rejection, unhandled, ends the
 * iteration after the modules' callbacks that were ready before it. */
static void
test_loop_promises(void **state)
{
	struct schedule a = { { 30 } }, none = { { 0 } };

	sched_a = a;
	sched_b = none;
	one_iteration("export default async function () {\n"
	    "  await null;\n"
	    "  throw new Error('late');\n"
	    "}\n");
	/* the rejection ended the loop before a's callback was due */
	assert_string_equal(log_order, "E");
	assert_int_equal(ca.end, 1);
}

/* VUs that make the same garbage every iteration do not all collect
 * at once: each one's first collection comes early by a part of its
 * slack (32 MiB over 16 VUs: 2 MiB), so some of them collect within
 * iterations that make less garbage than the slack, and none twice. */
static void
test_collections_staggered(void **state)
{
	char name[] = "s", exec[] = "default";
	struct scenario sc = {
		.name = name, .executor = EXEC_PER_VU_ITERATIONS,
		.executor_name = "per-vu-iterations", .exec = exec,
		.graceful_stop = 30000, .vus = 16, .iterations = 4,
		.max_duration = 60000,
	};

	(void)state;
	memset(&sched_a, 0, sizeof sched_a);
	memset(&sched_b, 0, sizeof sched_b);
	/* about 300 KiB of objects an iteration, 1.2 MiB in all */
	run("export default function () {\n"
	    "  var a = [];\n"
	    "  for (var i = 0; i < 1800; i++) a.push({ x: i });\n"
	    "}\n", &sc);
	assert_int_equal(ca.end, 64);
	assert_true(collections >= 4);
	assert_true(collections <= 12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_interrupt),
		cmocka_unit_test(test_lexer_buffer),
		cmocka_unit_test(test_loop_interleaves),
		cmocka_unit_test(test_loop_promises),
		cmocka_unit_test(test_collections_staggered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
