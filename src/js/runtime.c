/* Loading the embedded ES5 runtime library into a mujs state. */
#include "config.h"

#include <mujs.h>

#include "js/runtime.h"
#include "util/xmalloc.h"

int
runtime_load(js_State *J, char **cause)
{
	return runtime_load_files(J, runtime_files, runtime_files_n, cause);
}

int
runtime_load_files(js_State *J, const struct runtime_file *files, unsigned n,
    char **cause)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		const struct runtime_file *f = &files[i];

		if (js_ploadstring(J, f->name, f->src))
			goto fail;
		js_pushundefined(J);
		if (js_pcall(J, 0))
			goto fail;
		js_pop(J, 1);
	}
	return 0;
fail:
	/* Exactly one error object is left on the stack by a failed p-call. */
	*cause = xasprintf("runtime %s: %s", files[i].name,
	    js_trystring(J, -1, "Error"));
	js_pop(J, 1);
	return -1;
}
