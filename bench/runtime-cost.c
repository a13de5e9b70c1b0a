/* What the embedded ES5 runtime library costs each VU.
 *
 * Creates mujs states through a counting allocator and reports the live
 * bytes a state gains from loading every runtime file (after a full
 * js_gc), file by file and in total, plus the mean time runtime_load()
 * takes per state.  The files see what runtime_define() gives them, as
 * under runtime_load().
 *
 * Usage: bench/runtime-cost [STATES]
 *
 * Result (2026-12-07, built-in methods made on first use, js/lazyprop.c):
 * a fresh state holds 32277 bytes (52357 before); the library adds
 * 00-global.js 4792, 10-symbol.js 9232 (18768 before): 14024 bytes.
 *
 * Result (Debian 12, mujs 1.3.2, gcc -O2, 2 cores, 2026-11-26, after the
 * groups' texts moved to C and the stubs to runtime.c): a fresh state
 * holds 111941 bytes; the library adds
 *
 *   00-global.js        5309   (the lexer buffer any first script
 *                               allocates, and runtime_define's natives)
 *   10-symbol.js       17228   core, 31 stubs and 11 lazy globals
 *   total              22537 bytes (22.0 KiB) of the 49152 budget
 *
 * (before: 47.9 KiB, of which 16.7 KiB the JavaScript stubs of 59-lazy.js
 * and 26 KiB the groups' source strings in 10..50-*.js).  Other files
 * (01-modules.js 8.7 KiB, 60-http.js 75 KiB) are reported apart.  The
 * library's files took about 110 us per state (before: 700 us); all of
 * runtime_load() about 0.95 ms, 60-http.js most of it.  A group is
 * compiled the first time it is used, which costs that VU about 11 KiB
 * for the helpers plus 9.5 KiB for Array methods, 19 KiB String, 11 KiB
 * Object, 12 KiB Number and Math, 26 KiB collections, 29 KiB Promise,
 * 5.5 KiB Symbol: 122 KiB if it uses everything.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mujs.h>

#include "js/runtime.h"

struct counter {
	long	live;
};

/* Every block carries its requested size in a header so that realloc and
 * free can keep the count exact. */
union hdr {
	size_t		size;
	max_align_t	align;
};

static void *
count_alloc(void *ctx, void *ptr, int size)
{
	struct counter	*c = ctx;
	union hdr	*h = ptr ? (union hdr *)ptr - 1 : NULL;
	union hdr	*n;

	if (size == 0) {
		if (h != NULL) {
			c->live -= (long)h->size;
			free(h);
		}
		return NULL;
	}
	n = realloc(h, sizeof *n + (size_t)size);
	if (n == NULL)
		return NULL;
	if (h != NULL)
		c->live -= (long)n->size;
	n->size = (size_t)size;
	c->live += size;
	return n + 1;
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Load the files one at a time in a fresh state and print what each adds;
 * return the total, or -1 on error. */
static long
per_file(void)
{
	struct counter	 c = { 0 };
	js_State	*J;
	long		 base, prev, mine = 0;
	unsigned	 i;

	if ((J = js_newstate(count_alloc, &c, 0)) == NULL)
		return -1;
	js_gc(J, 0);
	base = prev = c.live;
	printf("fresh state: %ld bytes\n", base);
	runtime_define(J);
	for (i = 0; i < runtime_files_n; i++) {
		const char *name = runtime_files[i].name;
		int lib;

		if (js_ploadstring(J, name, runtime_files[i].src) ||
		    (js_pushundefined(J), js_pcall(J, 0))) {
			fprintf(stderr, "%s: %s\n", name,
			    js_trystring(J, -1, "Error"));
			js_freestate(J);
			return -1;
		}
		js_pop(J, 1);
		js_gc(J, 0);
		lib = strncmp(name, "00", 2) == 0 ||
		    (name[0] >= '1' && name[0] <= '5');
		if (lib)
			mine += c.live - prev;
		printf("  %-28s %7ld bytes%s\n", name, c.live - prev,
		    lib ? "" : "  (not in the library budget)");
		prev = c.live;
	}
	printf("all runtime files: %ld bytes (%.1f KiB)\n", c.live - base,
	    (c.live - base) / 1024.0);
	printf("00-global.js + 10..59 library: %ld bytes (%.1f KiB) of 49152\n",
	    mine, mine / 1024.0);
	/* What a VU that uses every part of the library ends up with. */
	prev = c.live;
	if (js_dostring(J, "for (var g = 0; g < 8; g++) __ly_rt.load(g);") == 0) {
		js_gc(J, 0);
		printf("every group loaded later: +%ld bytes\n", c.live - prev);
	}
	js_freestate(J);
	return mine;
}

/* What loading group g adds to a fresh VU that has the helpers (group 7)
 * loaded already. */
static void
per_group(void)
{
	static const char *const what[] = { "Array methods", "String methods",
	    "Object", "Number, Math", "Map, Set, WeakMap, WeakSet",
	    "Promise", "Symbol", "helpers" };
	char		 code[64];
	int		 g;

	for (g = 0; g < 8; g++) {
		struct counter	 c = { 0 };
		js_State	*J = js_newstate(count_alloc, &c, 0);
		char		*cause = NULL;
		long		 before;

		if (J == NULL)
			return;
		if (runtime_load(J, &cause) != 0) {
			free(cause);
			js_freestate(J);
			return;
		}
		if (g != 7)
			js_dostring(J, "__ly_rt.load(7);");
		js_gc(J, 0);
		before = c.live;
		snprintf(code, sizeof code, "__ly_rt.load(%d);", g);
		if (js_dostring(J, code) == 0) {
			js_gc(J, 0);
			printf("  group %d (%s) when first used: +%ld bytes\n",
			    g, what[g], c.live - before);
		}
		js_freestate(J);
	}
}

int
main(int argc, char **argv)
{
	int	 states = argc > 1 ? atoi(argv[1]) : 200;
	double	 t = 0;
	long	 mine;
	int	 i;

	if (states < 1)
		states = 1;
	if ((mine = per_file()) < 0)
		return 1;
	per_group();
	for (i = 0; i < states; i++) {
		struct counter	 c = { 0 };
		js_State	*J = js_newstate(count_alloc, &c, 0);
		char		*cause = NULL;
		double		 t0;

		if (J == NULL)
			return 1;
		t0 = now_us();
		if (runtime_load(J, &cause) != 0) {
			fprintf(stderr, "%s\n", cause);
			free(cause);
			js_freestate(J);
			return 1;
		}
		t += now_us() - t0;
		js_freestate(J);
	}
	printf("runtime_load: %.1f us per state (mean of %d)\n",
	    t / states, states);
	return mine > 49152;
}
