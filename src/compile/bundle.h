/* Compiling a script and everything it imports into one ES5 bundle.
 *
 * bundle_build and bundle_compile_source borrow their arguments and
 * return owned results (free them with bundle_free / free); on failure
 * they return NULL with *cause set to an owned message for the user.
 * bundle_free(NULL) is a no-op. */
#ifndef LYOCELL_BUNDLE_H
#define LYOCELL_BUNDLE_H

#include <stddef.h>

/* The id of the unit of the compiler's helpers (src/compile/helpers.js),
 * the bundle's first. */
#define BUNDLE_HELPERS_ID	"lyocell:helpers"

struct bundle_unit {
	char	*id;	/* canonical module id: "file:///abs/path/x.js", "https://host/x.js" */
	char	*name;	/* what users see in errors and stack traces: path relative to the cwd
			   when under it ("script.js", "lib/util.js"), else absolute; URLs as is */
	char	*es5;	/* ES5 source, same line numbers as the original */
};

struct bundle {
	struct bundle_unit *units;	/* every module, dependencies first, entry last */
	size_t	 nunits;
	char	*entry_id;
};

/* Compile the script at path ("-": standard input, read to its end, its
 * imports resolved from the working directory) and everything it imports.  natives lists the
 * module names served by C ("k6", "k6/http", ...; NULL-terminated); importing
 * another "k6/..." name is an error naming it.  Returns an owned bundle, or
 * NULL with *cause set to an owned message for the user. */
struct bundle *bundle_build(const char *path, const char *const *natives, char **cause);
void	bundle_free(struct bundle *);	/* NULL is a no-op */
/* Compile one source text; for unit tests and `lyocell inspect --bundle`. */
char	*bundle_compile_source(const char *name, const char *src, size_t len, char **cause);

#endif
