/* The native side of a VU's JavaScript world: the k6 modules served by C
 * ("k6", "k6/http", "k6/metrics", "k6/execution", ...) and the globals
 * (console, open).
 *
 * modules_register runs in a fresh state after the runtime library; the
 * other hooks are called by the VU around iterations.  Strings returned
 * are static. */
#ifndef LYOCELL_MODULES_H
#define LYOCELL_MODULES_H

#include <stddef.h>

#include <mujs.h>

struct engine;
struct engine_module;
struct vu;

/* The names of the native modules, NULL-terminated, for the compiler. */
const char *const *modules_names(void);
/* Define the globals and give __lymod.natives the opener of the native
 * modules and the test of their names.  0, or -1 with an owned *cause. */
int	modules_register(js_State *, char **cause);
/* Give e the runtime (modules_script) and the engine hooks of the
 * modules that have them, before it makes VUs. */
struct engine_script;
extern const struct engine_script modules_script;
void	modules_attach(struct engine *);
/* Set the object on top's property name to a new C function. */
void	modules_setfn(js_State *, js_CFunction, const char *name, int nargs);
/* The same for a function k6 writes in Go: goname (a string constant)
 * is k6's name for it, the Go function's, which its frames and its name
 * property show ("go.k6.io/k6/internal/js/modules/k6.(*K6).Fail-fm"). */
void	modules_setgofn(js_State *, js_CFunction, const char *name,
	    const char *goname, int nargs);
/* The Go type k6's engine exports the value at idx as, which k6's
 * messages name ("invalid type int64, ..."). */
const char *modules_gotype(js_State *, int idx);
/* Throw what k6's engine throws for an error a Go function returns: an
 * Error named GoError ("GoError: message"), the message printf's. */
JS_NORETURN void modules_goerror(js_State *, const char *fmt, ...)
    JS_PRINTFLIKE(2, 3);
/* Push such an error, not thrown. */
void	modules_newgoerror(js_State *, const char *message);
/* Push what k6's engine makes of a Go error handed to the script as a
 * value (a promise's rejection): no Error, an object whose toString
 * gives the error's text. */
void	modules_newgovalue(js_State *, const char *message);
/* Read the options' blacklistIPs and blockHostnames into
 * net/netblock.h's rules, once per process (k6's dialer applies them to
 * HTTP, WebSockets and gRPC alike; defined with k6/http's options). */
void	modules_netblock(js_State *, struct vu *);
/* A module primitive: whether the VU is running its init code. */
void	modules_in_init(js_State *);
/* The path of the file arg (a path or file:// URL) names, relative to
 * the module being evaluated, as k6's open() takes it.  Owned. */
char	*modules_script_path(js_State *, const char *arg);
/* The i-th file open() read in this process (what `lyocell archive`
 * packs): 1, or 0 past the last.  The strings stay the cache's. */
int	modules_opened(size_t i, const char **path, const char **data, size_t *len);
/* Where console output goes: NULL for the log (stderr). */
void	modules_console_output(const char *path);

/* Each module pushes its object (js/k6.c, js/http.c, ...). */
void	k6_module_open(js_State *);
void	k6_metrics_module_open(js_State *);
void	k6_execution_module_open(js_State *);
void	k6_console_define(js_State *);
void	k6_open_define(js_State *);
void	http_module_open(js_State *);
void	encoding_module_open(js_State *);
void	crypto_module_open(js_State *);
void	x509_module_open(js_State *);
void	data_module_open(js_State *);
/* Is the user data a Response whose fields are not all own properties
 * yet?  Then http_response_own makes them so (the Response at idx). */
int	http_response_unowned(const char *tag, const void *data);
void	http_response_own(js_State *, int idx);
/* A SharedArray's length, -1 for any other user data. */
long	data_shared_length(const char *tag, const void *data);
void	data_isarray(js_State *);
void	timers_module_open(js_State *);
/* The global crypto (js/webcrypto.c). */
void	webcrypto_define(js_State *);
void	html_module_open(js_State *);
/* Define Response's html, submitForm and clickLink on the object on top
 * (js/html.c). */
void	html_response_methods(js_State *);
void	timers_define(js_State *);
/* setTimeout and friends: at an iteration's end, run its event loop to
 * its end (timers, Promise jobs). */
extern const struct engine_module timers_engine_module;
/* Byte strings (js/encoding.c): mujs keeps U+0000 as C0 80. */
struct buf;
void	encoding_bytes(js_State *, int idx, struct buf *);
void	encoding_push_bytes(js_State *, const unsigned char *, size_t);
void	encoding_b64(const unsigned char *, size_t, const char *alphabet, int pad,
	    struct buf *);
/* Decode base64 in alphabet (padding optional) into out: 0, or -1. */
int	encoding_unb64(const char *, const char *alphabet, struct buf *out);
/* After a VU's init code, its HTTP state if it imported k6/http; the
 * cookie jar reset at each iteration's start. */
extern const struct engine_module http_engine_module;
extern const struct engine_module ws_engine_module;
void	http_js(js_State *);

#endif
