/* jcheck FILE EXPR...: evaluate JavaScript expressions against a JSON file.
 *
 * The parsed document is the global `data` (and `m` is data.metrics when
 * present).  Each expression must be truthy; the failing ones are printed
 * with the values they saw.  keys(o) lists o's own names in JavaScript's
 * order, as the program's states have it (js/proporder.h), which is the
 * order the file lists them in.  Exit 0 when all hold, 1 otherwise, 2 on a bad
 * file.  The functional tests use it to check --summary-export files. */
#include "config.h"

#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>

#include "js/proporder.h"
#include "util/buf.h"

int
main(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	js_State *J;
	FILE *f;
	size_t n;
	int i, failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: jcheck FILE EXPR...\n");
		return 2;
	}
	if ((f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "jcheck: cannot open %s\n", argv[1]);
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);

	J = js_newstate(NULL, NULL, 0);
	js_newcfunction(J, proporder_names, "keys", 1);
	js_setglobal(J, "keys");
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, b.data ? b.data : "");
	if (js_pcall(J, 1)) {
		fprintf(stderr, "jcheck: %s: %s\n", argv[1], js_trystring(J, -1, "?"));
		return 2;
	}
	js_setglobal(J, "data");
	js_dostring(J, "var m = data && data.metrics;");
	for (i = 2; i < argc; i++) {
		const char *src;

		/* A script's completion value is the expression's value. */
		if (js_ploadstring(J, "[check]", argv[i]) == 0) {
			js_pushundefined(J);
			if (js_pcall(J, 0) == 0) {
				if (!js_toboolean(J, -1)) {
					fprintf(stderr, "check failed: %s\n", argv[i]);
					failed = 1;
				}
				js_pop(J, 1);
				continue;
			}
		}
		src = js_trystring(J, -1, "?");
		fprintf(stderr, "check error: %s: %s\n", argv[i], src);
		js_pop(J, 1);
		failed = 1;
	}
	js_freestate(J);
	buf_free(&b);
	return failed;
}
