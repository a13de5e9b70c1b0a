/* Lowering of one ES2022 module or script to ES5 that mujs runs, keeping
 * every construct on the line it had in the source; asked for a map
 * (posmap.h), on an output line the map gives that source line, new
 * output lines telling apart the positions of one source line.
 *
 * The output is a module unit: a call __lymod("id", function (exports,
 * module, require, __ly_import, __ly_tick) { ... }, esm) whose first and
 * last lines are shared with the user's first and last lines; __ly_tick
 * is called at every loop back-edge, function entry and catch clause.  Import specifiers and
 * literal require() arguments go through the resolve callback, which
 * returns an owned canonical id or NULL with an owned *cause.
 * lower_module borrows its arguments and returns an owned string, or NULL
 * with *cause set to an owned message (syntax errors carry a code frame). */
#ifndef LYOCELL_LOWER_H
#define LYOCELL_LOWER_H

#include <stddef.h>

typedef char *(*lower_resolve_fn)(void *arg, const char *spec, char **cause);

/* What a module imports and exports, for checking names across modules.
 * Filled by lower_module when asked; lower_info_free releases it. */
struct lower_import {
	char		*id;		/* canonical id imported from */
	char		*spec;		/* ... as the source wrote it */
	char		*name;		/* name imported ("default" too) */
	int		 line;
	unsigned	 pos;
};

struct lower_info {
	int		 esm;
	char		**exports;	/* names it exports */
	size_t		 nexports;
	char		**stars;	/* ids of its export * sources */
	size_t		 nstars;
	struct lower_import *imports;
	size_t		 nimports;
};

struct lower_options {
	const char		*name;		/* for messages */
	const char		*id;		/* canonical module id */
	lower_resolve_fn	 resolve;	/* NULL: specifiers are ids */
	void			*arg;
	struct lower_info	*info;		/* filled if not NULL */
	struct posmap		**map;		/* if not NULL, set to an owned
						   map of the output (posmap.h) */
};

void	lower_info_free(struct lower_info *);

char	*lower_module(const char *src, size_t len, const struct lower_options *,
	    char **cause);

#endif
