/* Compiling a script and everything it imports into one ES5 bundle.
 *
 * bundle_build and bundle_compile_source borrow their arguments and
 * return owned results (free them with bundle_free / free); on failure
 * they return NULL with *cause set to an owned message for the user.
 * bundle_free(NULL) is a no-op. */
#ifndef LYOCELL_BUNDLE_H
#define LYOCELL_BUNDLE_H

#include <stddef.h>

struct posmap;

/* The id of the unit of the compiler's helpers (src/compile/helpers.js),
 * the bundle's first. */
#define BUNDLE_HELPERS_ID	"lyocell:helpers"

struct bundle_unit {
	char	*id;	/* canonical module id: "file:///abs/path/x.js", "https://host/x.js" */
	char	*name;	/* what users see in errors and stack traces: path relative to the cwd
			   when under it ("script.js", "lib/util.js"), else absolute; URLs as is */
	char	*es5;	/* ES5 source, same line numbers as the original */
	char	*remote;	/* a URL's module: its source as fetched, for archives;
				   NULL for files */
	size_t	 remote_len;
	/* the column (1-based, in characters) where each source line's
	 * text starts after its indentation, for the frames whose
	 * instruction the map does not place; NULL for the helpers */
	unsigned *cols;
	size_t	 ncols;
	/* the ES5's lines and the positions of its calls, news, members
	 * and throws (posmap.h); NULL for the helpers */
	struct posmap *map;
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
/* As bundle_build, but http:// and https:// modules are read from
 * REMOTE/SCHEME/HOST/PATH (an unpacked k6 archive's https/ tree), never
 * fetched; REMOTE NULL fetches them. */
struct bundle *bundle_build_from(const char *path, const char *const *natives,
	    const char *remote, char **cause);
/* As bundle_build, without maps (units' map NULL): each unit's es5 keeps
 * its source's lines one for one, where the bundle that runs starts new
 * lines so that frames can name columns (lyocell inspect --bundle). */
struct bundle *bundle_build_lines(const char *path, const char *const *natives,
	    char **cause);
void	bundle_free(struct bundle *);	/* NULL is a no-op */
/* The body and parameters given to the Function constructor, compiled
 * as the CommonJS module id whose module.exports is the function; with
 * *helpers the text that defines the helpers it calls which a state
 * lacks (NULL: none).  NULL with an owned *cause on a syntax error. */
char	*bundle_lower_function(const char *id, const char *params,
	    const char *body, char **helpers, char **cause);
/* Compile one source text; for unit tests and `lyocell inspect --bundle`. */
char	*bundle_compile_source(const char *name, const char *src, size_t len, char **cause);

/* Collapse "." and ".." segments, repeated and trailing slashes of an
 * absolute path, in place, as Go's filepath.Clean does. */
void	bundle_clean_path(char *path);

#endif
