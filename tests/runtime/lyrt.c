/* Run one ES5 test program in a mujs state that has the runtime library.
 *
 * Usage: lyrt FILE.js
 *
 * console.log prints its arguments separated by spaces: strings as they
 * are, numbers as JavaScript formats them (with node's "-0"), other
 * primitives by name and objects through JSON.stringify.  After the
 * program, __ly_runMicrotasks() drains the promise jobs.  Errors go to
 * stderr and the exit status is 1. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mujs.h>

#include "js/runtime.h"

static void
panic(js_State *J)
{
	fprintf(stderr, "lyrt: uncaught JavaScript error\n");
	exit(1);
}

/* Append argument i to the line, formatted roughly as node would. */
static void
print_value(js_State *J, int i)
{
	if (js_isstring(J, i)) {
		fputs(js_tostring(J, i), stdout);
	} else if (js_isnumber(J, i)) {
		double d = js_tonumber(J, i);

		fputs(d == 0 && signbit(d) ? "-0" : js_tostring(J, i), stdout);
	} else if (js_iscallable(J, i)) {
		fputs("[Function]", stdout);
	} else if (js_isobject(J, i)) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "stringify");
		js_rot2(J);
		js_copy(J, i);
		js_call(J, 1);
		fputs(js_isundefined(J, -1) ? "undefined" : js_tostring(J, -1),
		    stdout);
		js_pop(J, 1);
	} else {
		fputs(js_tostring(J, i), stdout);
	}
}

static void
console_log(js_State *J)
{
	int i, n = js_gettop(J);

	for (i = 1; i < n; i++) {
		if (i > 1)
			putchar(' ');
		print_value(J, i);
	}
	putchar('\n');
	js_pushundefined(J);
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*s = NULL;
	long	 n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) != NULL) {
		if (fread(s, 1, (size_t)n, f) != (size_t)n) {
			free(s);
			s = NULL;
		} else
			s[n] = '\0';
	}
	fclose(f);
	return s;
}

int
main(int argc, char **argv)
{
	js_State	*J;
	char		*src = NULL, *cause = NULL;
	int		 rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: lyrt FILE.js\n");
		return 2;
	}
	if ((J = js_newstate(NULL, NULL, 0)) == NULL)
		return 1;
	js_atpanic(J, panic);
	if (runtime_load(J, &cause) != 0) {
		fprintf(stderr, "lyrt: %s\n", cause);
		goto out;
	}
	js_newobject(J);
	js_newcfunction(J, console_log, "log", 0);
	js_setproperty(J, -2, "log");
	js_setglobal(J, "console");
	if ((src = slurp(argv[1])) == NULL) {
		fprintf(stderr, "lyrt: cannot read %s\n", argv[1]);
		goto out;
	}
	if (js_ploadstring(J, argv[1], src)) {
		fprintf(stderr, "lyrt: %s\n", js_trystring(J, -1, "Error"));
		goto out;
	}
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fprintf(stderr, "lyrt: %s\n", js_trystring(J, -1, "Error"));
		goto out;
	}
	js_pop(J, 1);
	js_getglobal(J, "__ly_runMicrotasks");
	if (js_iscallable(J, -1)) {
		js_pushundefined(J);
		if (js_pcall(J, 0)) {
			fprintf(stderr, "lyrt: %s\n",
			    js_trystring(J, -1, "Error"));
			goto out;
		}
	}
	js_pop(J, 1);
	rc = 0;
out:
	fflush(stdout);
	free(src);
	free(cause);
	js_freestate(J);
	return rc;
}
