/* lyocell compare; see compare.h. */
#include "config.h"

#include <errno.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "exitcode.h"
#include "js/runtime.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* A summary export is a few hundred kilobytes even with many tagged
 * submetrics; anything near this is not one. */
#define COMPARE_MAX_FILE ((size_t)64 << 20)

static char *
slurp(const char *path, char **cause)
{
	return buf_slurp(path, COMPARE_MAX_FILE, "a summary export", cause);
}

static const struct runtime_file *
compare_js(void)
{
	unsigned i;

	for (i = 0; i < coordinator_files_n; i++)
		if (strcmp(coordinator_files[i].name, "compare.js") == 0)
			return &coordinator_files[i];
	return NULL;
}

int
compare_run(FILE *out, const char *baseline, const char *current,
    const char *const *limits, size_t nlimits, unsigned flags, char **cause)
{
	const struct runtime_file *js = compare_js();
	char *base = NULL, *cur = NULL;
	js_State *J = NULL;
	int rc = EXIT_INVALID_CONFIG, i, n;
	size_t k;

	if ((base = slurp(baseline, cause)) == NULL || (cur = slurp(current, cause)) == NULL)
		goto out;
	rc = EXIT_INTERNAL;
	if (js == NULL) {
		*cause = xstrdup("internal error: compare.js is not built in");
		goto out;
	}
	J = js_newstate(NULL, NULL, 0);
	if (J == NULL) {
		*cause = xstrdup("internal error: cannot make a JavaScript state");
		goto out;
	}
	if (runtime_load_files(J, js, 1, cause) == -1)
		goto out;
	js_getglobal(J, "__ly_compare");
	js_pushundefined(J);
	js_pushstring(J, base);
	js_pushstring(J, baseline);
	js_pushstring(J, cur);
	js_pushstring(J, current);
	js_newarray(J);
	for (k = 0; k < nlimits; k++) {
		js_pushstring(J, limits[k]);
		js_setindex(J, -2, (int)k);
	}
	js_pushboolean(J, (flags & COMPARE_JSON) != 0);
	js_pushboolean(J, (flags & COMPARE_COLOR) != 0);
	if (js_pcall(J, 7)) {
		/* A bad --limit or a file that is not a summary export. */
		const char *msg = js_trystring(J, -1, "Error");

		if (strncmp(msg, "Error: ", 7) == 0)
			msg += 7;
		*cause = xstrdup(msg);
		rc = strncmp(msg, "--limit", 7) == 0 ? EXIT_USAGE : EXIT_INVALID_CONFIG;
		goto out;
	}
	js_getproperty(J, -1, "warnings");
	n = js_getlength(J, -1);
	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		log_msg(LOG_WARN, NULL, "%s", js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "out");
	fputs(js_tostring(J, -1), out);
	js_pop(J, 1);
	js_getproperty(J, -1, "regressions");
	rc = js_tonumber(J, -1) > 0 ? EXIT_THRESHOLDS_FAILED : EXIT_OK;
	js_pop(J, 1);
	if (fflush(out) == EOF || ferror(out)) {
		*cause = xasprintf("cannot write the comparison: %s", strerror(errno));
		rc = EXIT_INTERNAL;
	}
out:
	if (J != NULL)
		js_freestate(J);
	free(base);
	free(cur);
	return rc;
}
