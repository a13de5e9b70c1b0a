/* JavaScript embedded at build time.
 *
 * runtime_files[] is the ES5 runtime library every VU loads
 * (src/js/runtime/NN-name.js); coordinator_files[] is the glue only the
 * coordinator runs (src/js/coordinator/: options, summary).  Each holds
 * the files' names and texts in the order they must run; the strings are
 * static and never freed.  runtime_groups[] holds the texts of the runtime
 * library's groups (src/js/runtime/groups/G-name.js, group G), which a VU
 * compiles the first time it needs them (__ly_rt.load(G)). */
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
extern const struct runtime_file runtime_groups[];
extern const unsigned runtime_groups_n;

typedef struct js_State js_State;

/* Run files[0..n) in J, in order.  Returns 0, or -1 with *cause set to
 * an owned message naming the file and line at fault. */
int	runtime_load_files(js_State *J, const struct runtime_file *files,
	    unsigned n, char **cause);
/* Define what the runtime library expects from C before it runs, as
 * hidden globals that 10-symbol.js takes and deletes: __ly_rtsrc(g), which
 * returns runtime_groups[g]'s text without copying it, and
 * __ly_rtinstall(rt), which installs the library's stubs and lazy
 * globals.  Also __ly_tick, unless J has one: what compiled code calls at
 * every loop back-edge, function entry and catch clause (see
 * compile/lower.h); this one does nothing, a VU's can interrupt it. */
void	runtime_define(js_State *J);
/* RegExp and the String methods that match, run by PCRE2 with
 * JavaScript's semantics (js/regexp.c); runtime_define calls it. */
void	regexp_define(js_State *);
/* While on (J) and until off (0), the length js_defproperty gives a
 * constructor js_newcconstructor makes is made on first use
 * (js/lazyprop.h); js/builtins.c turns it on around mujs's own. */
void	runtime_lengthless(js_State *J, int on);
/* runtime_define, then runtime_load_files with the runtime library. */
int	runtime_load(js_State *J, char **cause);
/* If s is a symbol's key ("@@sym:DESC:N"), "Symbol(DESC)" as k6 shows
 * it, owned; else NULL. */
char	*runtime_symbol_text(const char *s);
/* Give the global name the value on top of the stack (popped), through
 * the runtime library's rt.def when a lazy global stands there: how the
 * groups written in C (binary.c, textcodec.c, proxy.c) publish theirs. */
void	runtime_publish(js_State *J, const char *name);
/* Push b's text as a string and free b, also when that throws. */
struct buf;
void	runtime_pushbuf(js_State *J, struct buf *b);
/* Define method name (a C function of n arguments) on the object on top
 * of the stack, not enumerable. */
/* What a built-in of mujs's named name is made with: the program's own
 * C function in fn's place where it has one (which may note fn). */
void	(*runtime_builtin(const char *name, void (*fn)(js_State *)))(js_State *);
void	runtime_setfn(js_State *J, void (*f)(js_State *), const char *name,
	    int n);
/* The same, enumerable, as a native module's functions are. */
void	runtime_setfn_enumerable(js_State *J, void (*f)(js_State *),
	    const char *name, int n);
/* The same, the function named fname (k6's Go name of a native). */
void	runtime_setfn_named(js_State *J, void (*f)(js_State *),
	    const char *key, const char *fname, int n);
/* Whether J has loaded the Promise group: no group, no pending jobs. */
int	runtime_promises_loaded(js_State *J);
/* Free mujs's lexer buffer (4 KiB, made by the first JSON.parse of a
 * string or text compiled in the state, then kept for its life); mujs
 * makes it again when it next lexes.  Also fit the state's list of
 * holders of deferred methods to them (lazyprop_trim). */
void	runtime_trim(js_State *J);
/* Run the Promise jobs until none is left: NULL, or an owned
 * "Uncaught (in promise) ..." (with the reason's stack) for the first
 * promise left rejected with no handler. */
char	*runtime_run_microtasks(js_State *J);

#endif
