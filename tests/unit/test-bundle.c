/* Unit tests for src/compile/bundle.c and the lowering's line keeping. */
#include "config.h"

#include <sys/stat.h>

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
#include "compile/lower.h"
#include "compile/posmap.h"

/* The 1-based line of the first occurrence of needle in s, or 0. */
static int
line_of(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	int line = 1;

	if (p == NULL)
		return 0;
	for (; s < p; s++)
		if (*s == '\n')
			line++;
	return line;
}

/* The positions of one module, as lower_module maps them. */
static struct posmap *
map_of(const char *src, char **out)
{
	struct lower_options opt;
	struct posmap *map = NULL;
	char *cause = NULL;

	memset(&opt, 0, sizeof opt);
	opt.name = "t.js";
	opt.id = "file:///t.js";
	opt.map = &map;
	*out = lower_module(src, strlen(src), &opt, &cause);
	if (*out == NULL)
		fail_msg("%s: %s", src, cause);
	assert_non_null(map);
	return map;
}

/* The map lists positions in the order of mujs's instructions, with k6's
 * columns, and a chain's calls keyed alike (mujs gives them one line). */
static void
test_posmap(void **state)
{
	static const struct { unsigned kind, line, col; } want[] = {
		{ POS_VAR, 2, 1 }, { POS_VAR, 2, 3 }, { POS_GET, 2, 5 },
		{ POS_VAR, 2, 8 }, { POS_CALL, 2, 2 },
		{ POS_VAR, 3, 1 }, { POS_METHOD, 3, 1 }, { POS_CALL, 3, 4 },
		{ POS_METHOD, 3, 4 }, { POS_CALL, 3, 8 },
		{ POS_VAR, 4, 5 }, { POS_NEW, 4, 1 }, { POS_SET, 4, 9 },
		{ POS_THROW, 4, 23 },
	};
	struct posmap *map;
	char *out;
	size_t i;

	(void)state;
	map = map_of("export {};\nf(a.b, c);\nx.y().z();\n"
	    "new D().e = 1; if (0) throw 2;\n", &out);
	assert_int_equal(map->npos, sizeof want / sizeof want[0]);
	for (i = 0; i < map->npos; i++) {
		assert_int_equal(map->pos[i].kind, want[i].kind);
		assert_int_equal(map->pos[i].line, want[i].line);
		assert_int_equal(map->pos[i].col, want[i].col);
		assert_int_equal(map->lines[map->pos[i].key - 1], want[i].line);
	}
	assert_int_equal(map->pos[6].key, map->pos[9].key);
	/* a statement after positions starts an output line */
	assert_int_not_equal(map->pos[12].key, map->pos[13].key);
	assert_int_equal(map->lines[map->pos[13].key - 1], 4);
	posmap_free(map);
	free(out);
	/* a CommonJS module's first line: k6's wrapper's 27 columns */
	map = map_of("x.y;\nx.z;\n", &out);
	assert_int_equal(map->npos, 4);
	assert_int_equal(map->pos[0].col, 1 + 27);
	assert_int_equal(map->pos[1].col, 3 + 27);
	assert_int_equal(map->pos[3].col, 3);
	posmap_free(map);
	free(out);
}

static const char *const line_sources[] = {
	"const a = 1;\nlet {b, c: [d] = []} = o;\nmark3();\n",
	"class A extends B {\n  x = 1;\n  m() {\n    return super.m();\n  }\n}\nmark7();\n",
	"const f = (x) =>\n  x?.y ?? z;\nconst t = `a\n${b}\nc`;\nmark6();\n",
	"import http from 'k6/http';\nexport const options = {};\nexport default function () {\n  http.get(`${u}`);\n}\nmark6();\n",
	"for (const [k, v] of m) {\n  f(...k);\n}\nmark4();\n",
	"while (x)\n  y();\ntry {\n  a();\n} catch {\n  b();\n}\nmark8();\n",
	NULL
};

static void
test_lines_kept(void **state)
{
	const char *const *s;

	for (s = line_sources; *s != NULL; s++) {
		char *cause = NULL, mark[16];
		char *out = bundle_compile_source("t.js", *s, strlen(*s), &cause);
		const char *m = strstr(*s, "mark");
		int want;

		if (out == NULL)
			fail_msg("%s: %s", *s, cause);
		snprintf(mark, sizeof mark, "%.6s", m);
		want = mark[4] - '0';
		if (line_of(out, mark) != want)
			fail_msg("%s\nbecame\n%s", *s, out);
		free(out);
	}
}

/* Every loop back-edge, function entry and catch clause calls __ly_tick
 * (what makes busy JavaScript interruptible); nothing else does. */
static const struct {
	const char	*src;
	int		 ticks;
} tick_sources[] = {
	{ "for (;;) a();", 1 },
	{ "while (a) { b(); }", 1 },
	{ "do a(); while (b);", 1 },
	{ "for (var k in o) a(k);", 1 },
	{ "for (const x of a) b(x);", 1 },
	{ "L: for (;;) { for (;;) continue L; }", 2 },
	/* A body run as a function (a closure captures i): the loop ticks,
	 * the compiler's function does not, the arrow does. */
	{ "for (let i = 0; i < 3; i++) fs.push(() => i);", 2 },
	{ "function f() { return 1; }", 1 },
	{ "const f = (x) => x;", 1 },
	{ "class A { m() { return 1; } }", 1 },
	{ "try { a(); } catch (e) { b(); }", 1 },
	{ "try { a(); } catch { b(); }", 1 },
	{ "try { a(); } catch ({ message }) { b(message); }", 1 },
	{ "try { a(); } finally { b(); }", 0 },
	{ "a(); b.c = [1, 2];", 0 },
};

static void
test_ticks(void **state)
{
	size_t i;

	for (i = 0; i < sizeof tick_sources / sizeof tick_sources[0]; i++) {
		const char *src = tick_sources[i].src, *p;
		char *cause = NULL;
		char *out = bundle_compile_source("t.js", src, strlen(src), &cause);
		int n = 0;

		if (out == NULL)
			fail_msg("%s: %s", src, cause);
		for (p = out; (p = strstr(p, "__ly_tick();")) != NULL; p++)
			n++;
		if (n != tick_sources[i].ticks)
			fail_msg("%s: %d ticks, not %d, in\n%s", src, n,
			    tick_sources[i].ticks, out);
		free(out);
	}
}

static void
test_compile_errors(void **state)
{
	char *cause = NULL;
	const char *src = "let x = 1;\nconst y = x +;\n";

	assert_null(bundle_compile_source("s.js", src, strlen(src), &cause));
	assert_non_null(strstr(cause, "SyntaxError: s.js:2:14: Unexpected token ';'"));
	free(cause);
	cause = NULL;
	src = "async function f(x) {\n  for (const { a = await 1 } of x) {}\n}";
	assert_null(bundle_compile_source("s.js", src, strlen(src), &cause));
	assert_non_null(strstr(cause, "s.js:2:20: not supported yet: await in this position"));
	free(cause);
}

/* Uses of a let/const after its declaration, in its function or in one
 * made after it, cost nothing; only uses that may come too early are
 * tested or throw. */
static void
test_tdz_cost(void **state)
{
	static const struct {
		const char	*src;
		int		 checks;	/* "$tdz ||" tests */
		int		 throws;	/* unconditional throws */
	} cases[] = {
		{ "const a = 1; let b = a + 1; b++; f(() => a + b);", 0, 0 },
		{ "const fib = (n) => n < 2 ? n : fib(n - 1);", 0, 0 },
		{ "const o = { m() { return o; } };", 0, 0 },
		{ "export default function () { return B; } const B = 1;", 0, 0 },
		{ "for (const x of xs) { const y = x; g(() => y); }", 0, 0 },
		{ "const g = () => late; const late = 1;", 1, 0 },
		{ "h(); let v = 2; function h() { return v; }", 1, 0 },
		{ "use(x); let x = 1;", 0, 1 },
		{ "let y = y + 1;", 0, 1 },
		{ "switch (k) { case 0: let s = 1; break; case 1: s; }", 1, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *cause = NULL;
		const char *src = cases[i].src, *p;
		char *out = bundle_compile_source("t.js", src, strlen(src), &cause);
		int checks = 0, throws = 0;

		if (out == NULL)
			fail_msg("%s: %s", src, cause);
		for (p = out; (p = strstr(p, "$tdz || ")) != NULL; p++)
			checks++;
		for (p = out; (p = strstr(p, "__ly.tdz(")) != NULL; p++)
			throws++;
		throws -= checks;
		if (checks != cases[i].checks || throws != cases[i].throws)
			fail_msg("%s\nbecame\n%s", src, out);
		free(out);
	}
}

static char dir[64];

static void
write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static int
setup_dir(void **state)
{
	char path[128];

	snprintf(dir, sizeof dir, "/tmp/test-bundle.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/lib", dir);
	mkdir(path, 0700);
	return 0;
}

static int
teardown_dir(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *const natives[] = { "k6", "k6/http", NULL };

static void
test_build(void **state)
{
	char path[256], *cause = NULL, want[300];
	struct bundle *b;

	write_file("main.js", "import http from 'k6/http';\nimport { a } from './lib/a.js';\n"
	    "const c = require('./lib/c.js');\nexport default function () {}\n");
	write_file("lib/a.js", "import { b } from './b.js';\nexport const a = b;\n");
	write_file("lib/b.js", "import { a } from './a.js';\nexport const b = 1;\n");
	write_file("lib/c.js", "module.exports = 1;\n");
	snprintf(path, sizeof path, "%s/main.js", dir);
	b = bundle_build(path, natives, &cause);
	if (b == NULL)
		fail_msg("%s", cause);
	assert_int_equal(b->nunits, 5);
	/* First the helpers the modules call, and only those. */
	assert_string_equal(b->units[0].id, "lyocell:helpers");
	assert_non_null(strstr(b->units[0].es5, "__ly.ex = "));
	assert_null(strstr(b->units[0].es5, "__ly.inh = "));
	snprintf(want, sizeof want, "file://%s/lib/b.js", dir);
	assert_string_equal(b->units[1].id, want);
	snprintf(want, sizeof want, "file://%s/lib/a.js", dir);
	assert_string_equal(b->units[2].id, want);
	snprintf(want, sizeof want, "file://%s/lib/c.js", dir);
	assert_string_equal(b->units[3].id, want);
	snprintf(want, sizeof want, "file://%s/main.js", dir);
	assert_string_equal(b->units[4].id, want);
	assert_string_equal(b->entry_id, want);
	/* Outside the cwd, names are absolute paths. */
	snprintf(want, sizeof want, "%s/main.js", dir);
	assert_string_equal(b->units[4].name, want);
	assert_non_null(strstr(b->units[4].es5, "__ly_import(\"k6/http\")"));
	bundle_free(b);
	bundle_free(NULL);
}

static void
expect_error(const char *src, const char *needle)
{
	char path[256], *cause = NULL;
	struct bundle *b;

	write_file("bad.js", src);
	snprintf(path, sizeof path, "%s/bad.js", dir);
	b = bundle_build(path, natives, &cause);
	assert_null(b);
	if (strstr(cause, needle) == NULL)
		fail_msg("want %s, got %s", needle, cause);
	free(cause);
}

static void
test_build_errors(void **state)
{
	expect_error("\nimport x from 'k6/nope';\n", "bad.js:2:15: unknown module: k6/nope");
	expect_error("import redis from 'k6/x/redis';\n",
	    "bad.js:1:19: not supported yet: k6/x/redis (a k6 extension)");
	expect_error("import { browser } from 'k6/browser';\n",
	    "bad.js:1:25: not supported yet: k6/browser");
	expect_error("import browser from 'k6/browser';\n", "not supported yet: k6/browser");
	expect_error("import x from 'k6/experimental/webcrypto';\n",
	    "k6/experimental/webcrypto has been graduated");
	expect_error("import _ from 'lodash';\n", "cannot import \"lodash\": bare module names");
	expect_error("import _ from './nowhere.js';\n", "nowhere.js: No such file or directory");
	expect_error("const m = require('./gone.js');\n", "bad.js:1:19: cannot import \"./gone.js\"");
	expect_error("import _ from 'http://127.0.0.1:1/x.js';\n",
	    "cannot fetch http://127.0.0.1:1/x.js");
	write_file("lib/e.js", "export const x = 1;\nexport * from './f.js';\n");
	write_file("lib/f.js", "export const y = 2;\nexport * from './e.js';\n");
	expect_error("import { x, y, z } from './lib/e.js';\n",
	    "bad.js:1:16: The requested module './lib/e.js' does not provide an export named 'z'");
	write_file("lib/broken.js", "export const x = ;\n");
	expect_error("import { x } from './lib/broken.js';\n",
	    "lib/broken.js:1:18: Unexpected token ';'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_kept),
		cmocka_unit_test(test_compile_errors),
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_tdz_cost),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_build_errors),
		cmocka_unit_test(test_posmap),
	};

	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
