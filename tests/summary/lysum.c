/* lysum: render the end-of-test summary from a raw results file, the way
 * the coordinator does, so the layouts can be tested without running a
 * test.
 *
 *	lysum [-c] MODE RAW.json [REF.json]
 *
 * RAW.json is what results_json() produces, plus an optional "testOptions"
 * object standing for the consolidated options.  MODE is compact, full or
 * legacy (the text summary), export (--summary-export), data (the object
 * handleSummary receives), or shape-data / shape-export (compare the keys
 * and nesting of data or export with those of REF.json, a file k6 wrote).
 * -c turns colours on, as a terminal without --no-color would. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mujs.h>

#include "js/runtime.h"
#include "util/xmalloc.h"

/* The driver runs in the summary's own state; it leaves its output in
 * the global "out".  A shape is the sorted list of key paths, with the
 * names of metrics, checks and groups (which differ between runs) only
 * compared where both files have them. */
static const char driver[] =
	"var raw = JSON.parse(LYSUM_RAW), mode = LYSUM_MODE, out;\n"
	"var opts = raw.testOptions || {};\n"
	"delete raw.testOptions;\n"
	"if (!opts.summaryTrendStats)\n"
	"	opts.summaryTrendStats = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];\n"
	"if (opts.summaryTimeUnit === undefined)\n"
	"	opts.summaryTimeUnit = '';\n"
	"raw.isStdOutTTY = raw.isStdOutTTY || LYSUM_COLOR;\n"
	"var d = __ly_summary.data(raw, opts, LYSUM_COLOR);\n"
	"function paths(v, pre, acc) {\n"
	"	var k;\n"
	"	if (v === null || typeof v !== 'object')\n"
	"		return acc;\n"
	"	if (Array.isArray(v)) {\n"
	"		if (v.length > 0) {\n"
	"			acc.push(pre + '[]');\n"
	"			paths(v[0], pre + '[]', acc);\n"
	"		}\n"
	"		return acc;\n"
	"	}\n"
	"	for (k in v) {\n"
	"		acc.push(pre + '.' + k);\n"
	"		paths(v[k], pre + '.' + k, acc);\n"
	"	}\n"
	"	return acc;\n"
	"}\n"
	"function shape(ours, ref) {\n"
	"	var a = {}, b = {}, miss = [], k;\n"
	"	paths(ours, '', []).forEach(function (p) { a[p] = 1; });\n"
	"	paths(ref, '', []).forEach(function (p) { b[p] = 1; });\n"
	"	/* Compared: keys whose parent both files have, except the names of\n"
	"	 * metrics, checks, groups and thresholds and the keys that only\n"
	"	 * some data has. */\n"
	"	function known(p) {\n"
	"		var parent = p.slice(0, p.lastIndexOf('.')), key = p.slice(p.lastIndexOf('.') + 1);\n"
	"		if (parent !== '' && (a[parent] !== 1 || b[parent] !== 1))\n"
	"			return false;\n"
	"		if (/^(thresholds|setup_data)$|\\[\\]$/.test(key))\n"
	"			return false;\n"
	"		return !/^\\.(metrics|root_group(\\.groups\\.[^.]*)*\\.(groups|checks))$|\\.thresholds$/.test(parent);\n"
	"	}\n"
"	for (k in b)\n"
	"		if (!a[k] && known(k))\n"
	"			miss.push('missing ' + k);\n"
	"	for (k in a)\n"
	"		if (!b[k] && known(k))\n"
	"			miss.push('extra ' + k);\n"
	"	return miss.length ? miss.join('\\n') + '\\n' : 'same shape\\n';\n"
	"}\n"
	"if (mode === 'export')\n"
	"	out = __ly_summary.exportJSON(d);\n"
	"else if (mode === 'data')\n"
	"	out = JSON.stringify(d, null, 2) + '\\n';\n"
	"else if (mode === 'shape-data')\n"
	"	out = shape(JSON.parse(JSON.stringify(d)), JSON.parse(LYSUM_REF));\n"
	"else if (mode === 'shape-export')\n"
	"	out = shape(JSON.parse(__ly_summary.exportJSON(d)), JSON.parse(LYSUM_REF));\n"
	"else\n"
	"	out = __ly_summary.text(d, mode);\n";

static char *
slurp(const char *path)
{
	FILE *f;
	char *s = NULL;
	size_t len = 0, cap = 0, n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	do {
		if (cap - len < 4096)
			s = xrealloc(s, cap = cap * 2 + 4096);
		n = fread(s + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	s[len] = '\0';
	return s;
}

static void
usage(void)
{
	fprintf(stderr, "usage: lysum [-c] compact|full|legacy|export|data RAW.json\n"
	    "       lysum shape-data|shape-export RAW.json REF.json\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	js_State *J = NULL;
	char *raw = NULL, *ref = NULL, *cause = NULL;
	int color = 0, rc = 1;

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		color = 1;
		argv++;
		argc--;
	}
	if (argc < 3 || (strncmp(argv[1], "shape-", 6) == 0 && argc < 4))
		usage();
	if ((raw = slurp(argv[2])) == NULL) {
		fprintf(stderr, "lysum: cannot read %s\n", argv[2]);
		goto out;
	}
	if (argc > 3 && (ref = slurp(argv[3])) == NULL) {
		fprintf(stderr, "lysum: cannot read %s\n", argv[3]);
		goto out;
	}
	if ((J = js_newstate(NULL, NULL, 0)) == NULL)
		goto out;
	if (runtime_load(J, &cause) == -1 ||
	    runtime_load_files(J, coordinator_files, coordinator_files_n, &cause) == -1) {
		fprintf(stderr, "lysum: %s\n", cause);
		goto out;
	}
	js_pushstring(J, raw);
	js_setglobal(J, "LYSUM_RAW");
	js_pushstring(J, ref ? ref : "null");
	js_setglobal(J, "LYSUM_REF");
	js_pushstring(J, argv[1]);
	js_setglobal(J, "LYSUM_MODE");
	js_pushboolean(J, color);
	js_setglobal(J, "LYSUM_COLOR");
	if (js_ploadstring(J, "[lysum]", driver)) {
		fprintf(stderr, "lysum: %s\n", js_trystring(J, -1, "Error"));
		goto out;
	}
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fprintf(stderr, "lysum: %s\n", js_trystring(J, -1, "Error"));
		goto out;
	}
	js_pop(J, 1);
	js_getglobal(J, "out");
	fputs(js_tostring(J, -1), stdout);
	js_pop(J, 1);
	rc = 0;
out:
	if (J != NULL)
		js_freestate(J);
	free(cause);
	free(raw);
	free(ref);
	return rc;
}
