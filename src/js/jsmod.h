/* k6's modules written in JavaScript: k6/experimental/streams, fs, csv and
 * k6/secrets.  Each is src/js/jsmod/NAME.js, the body of a function of one
 * parameter P (the module's C primitives) returning the module object,
 * embedded as jsmod_files[]. */
#ifndef LYOCELL_JSMOD_H
#define LYOCELL_JSMOD_H

#include <mujs.h>

#include "js/runtime.h"

extern const struct runtime_file jsmod_files[];
extern const unsigned jsmod_files_n;

/* The opener of modules.c's natives[] for these modules: push the module
 * named at index 1, made by its file's body called with its primitives. */
void	jsmod_module_open(js_State *);
/* Whether body is one of jsmod_files[]'s texts (for the script cache). */
int	jsmod_is_file(const char *body);
/* The primitives of k6/experimental/fs and csv (js/fs.c) and k6/secrets
 * (js/secrets.c). */
void	fs_prims(js_State *);
void	secrets_prims(js_State *);
/* k6/net/grpc (js/grpc.c) and its VU state. */
void	grpc_prims(js_State *);
struct engine_module;
extern const struct engine_module grpc_engine_module;
void	ws_prims(js_State *);

#endif
