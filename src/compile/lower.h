/* Lowering of one ES2022 module or script to ES5 that mujs runs, keeping
 * every construct on the line it had in the source.
 *
 * The output is a module unit: a call __lymod("id", function (exports,
 * module, require, __ly_import) { ... }, esm) whose first and last lines
 * are shared with the user's first and last lines.  Import specifiers and
 * literal require() arguments go through the resolve callback, which
 * returns an owned canonical id or NULL with an owned *cause.
 * lower_module borrows its arguments and returns an owned string, or NULL
 * with *cause set to an owned message (syntax errors carry a code frame). */
#ifndef LYOCELL_LOWER_H
#define LYOCELL_LOWER_H

#include <stddef.h>

typedef char *(*lower_resolve_fn)(void *arg, const char *spec, char **cause);

struct lower_options {
	const char		*name;		/* for messages */
	const char		*id;		/* canonical module id */
	lower_resolve_fn	 resolve;	/* NULL: specifiers are ids */
	void			*arg;
};

char	*lower_module(const char *src, size_t len, const struct lower_options *,
	    char **cause);

#endif
