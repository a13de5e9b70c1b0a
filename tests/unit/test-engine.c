/* Unit tests of the engine's module interface (engine/module.h): an
 * engine runs scenarios with a fake module added, and the hooks are
 * checked for when and how often they are called, in which order, and
 * with the VU's own module data.  The VUs run a small script, so mujs is
 * linked; the fake module stands where k6/http and the timers do. */
#include "config.h"

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
#include "engine/engine.h"
#include "engine/module.h"
#include "engine/plan.h"
#include "js/modules.h"
#include "metrics/metric.h"
#include "util/xmalloc.h"

struct counts {
	int	init, start, settle, end, interrupt, freed;
	int	wrong_data;	/* a hook saw another VU's data */
	char	order[64];	/* which module's iteration_start ran: a, b */
};

static struct counts ca, cb;

struct fake_vu {
	uint32_t	id;
};

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
	if (vu_module_data(vu, m) != NULL)
		counts_of(m)->wrong_data++;
	vu_module_set(vu, m, f);
	counts_of(m)->init++;
	return 0;
}

static void
fake_start(struct vu *vu, const struct engine_module *m, char c)
{
	size_t n = strlen(ca.order);

	check_data(vu, m);
	counts_of(m)->start++;
	if (n + 1 < sizeof ca.order) {
		ca.order[n] = c;
		ca.order[n + 1] = '\0';
	}
}

static char *
fake_settle(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	counts_of(m)->settle++;
	return NULL;
}

static void
fake_end(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	counts_of(m)->end++;
}

static void
fake_interrupt(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	counts_of(m)->interrupt++;
}

static void
fake_free(struct vu *vu, const struct engine_module *m)
{
	check_data(vu, m);
	free(vu_module_data(vu, m));
	vu_module_set(vu, m, NULL);
	counts_of(m)->freed++;
}

static int a_init(struct vu *vu, char **cause) { return fake_init(vu, &fake_a); }
static void a_start(struct vu *vu) { fake_start(vu, &fake_a, 'a'); }
static char *a_settle(struct vu *vu) { return fake_settle(vu, &fake_a); }
static void a_end(struct vu *vu) { fake_end(vu, &fake_a); }
static void a_interrupt(struct vu *vu) { fake_interrupt(vu, &fake_a); }
static void a_free(struct vu *vu) { fake_free(vu, &fake_a); }
static int b_init(struct vu *vu, char **cause) { return fake_init(vu, &fake_b); }
static void b_start(struct vu *vu) { fake_start(vu, &fake_b, 'b'); }
static void b_free(struct vu *vu) { fake_free(vu, &fake_b); }

static const struct engine_module fake_a = {
	.name = "fake-a", .vu_init = a_init, .iteration_start = a_start,
	.settle = a_settle, .iteration_end = a_end, .interrupt = a_interrupt,
	.vu_free = a_free,
};
/* Only some hooks: the others stay NULL. */
static const struct engine_module fake_b = {
	.name = "fake-b", .vu_init = b_init, .iteration_start = b_start,
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
	FILE *f;

	memset(&ca, 0, sizeof ca);
	memset(&cb, 0, sizeof cb);
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
	engine_free(e);
	bundle_free(b);
	metric_registry_free(reg);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* Every VU gets vu_init once, every iteration a start, a settle and an
 * end, every VU a vu_free: each with that VU's own data. */
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

	run("export default function () {}\n", &sc);
	assert_int_equal(ca.init, 3);
	assert_int_equal(ca.start, 6);
	assert_int_equal(ca.settle, 6);
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

	run("import { sleep } from 'k6';\n"
	    "export default function () { sleep(10); }\n", &sc);
	assert_int_equal(ca.init, 1);
	assert_int_equal(ca.start, 1);
	assert_int_equal(ca.interrupt, 1);
	assert_int_equal(ca.settle, 0);	/* the function threw */
	assert_int_equal(ca.end, 1);
	assert_int_equal(ca.freed, 1);
	assert_int_equal(ca.wrong_data, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_interrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
