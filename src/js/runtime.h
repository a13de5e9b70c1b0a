/* JavaScript embedded at build time.
 *
 * runtime_files[] is the ES5 runtime library every VU loads
 * (src/js/runtime/NN-name.js); coordinator_files[] is the glue only the
 * coordinator runs (src/js/coordinator/: options, summary).  Each holds
 * the files' names and texts in the order they must run; the strings are
 * static and never freed. */
#ifndef LYOCELL_RUNTIME_H
#define LYOCELL_RUNTIME_H

struct runtime_file {
	const char	*name;
	const char	*src;
};

extern const struct runtime_file runtime_files[];
extern const unsigned runtime_files_n;
extern const struct runtime_file coordinator_files[];
extern const unsigned coordinator_files_n;

typedef struct js_State js_State;

/* Run files[0..n) in J, in order.  Returns 0, or -1 with *cause set to
 * an owned message naming the file and line at fault. */
int	runtime_load_files(js_State *J, const struct runtime_file *files,
	    unsigned n, char **cause);
/* runtime_load_files with the runtime library. */
int	runtime_load(js_State *J, char **cause);

#endif
