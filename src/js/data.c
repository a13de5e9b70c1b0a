/* "k6/data": SharedArray.
 *
 * The callback runs once per process (the coordinator's init pass runs it
 * before the workers fork, so they inherit its result): its array is
 * kept as JSON text and each VU decodes its own read-only copy. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "js/modules.h"
#include "util/xmalloc.h"

struct shared {
	char	*name;
	char	*json;
};
static struct shared *shared;
static size_t nshared;

static const char *
shared_find(const char *name)
{
	size_t i;

	for (i = 0; i < nshared; i++)
		if (strcmp(shared[i].name, name) == 0)
			return shared[i].json;
	return NULL;
}

static void
shared_array(js_State *J)
{
	struct vu *vu = vu_of(J);
	const char *name, *json;

	if (!vu_in_init(vu))
		js_error(J, "SharedArray can only be created in the init context");
	name = js_tostring(J, 1);
	if (*name == '\0')
		js_error(J, "SharedArray needs a name");
	if (!js_iscallable(J, 2))
		js_typeerror(J, "SharedArray needs a function as its second argument");
	if ((json = shared_find(name)) == NULL) {
		js_copy(J, 2);
		js_pushundefined(J);
		js_call(J, 0);
		if (!js_isarray(J, -1))
			js_typeerror(J, "the SharedArray callback must return an array");
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "stringify");
		js_rot3(J);
		js_pop(J, 1);
		js_pushundefined(J);
		js_rot2(J);
		js_call(J, 1);
		shared = xreallocarray(shared, nshared + 1, sizeof *shared);
		shared[nshared].name = xstrdup(name);
		shared[nshared].json = xstrdup(js_tostring(J, -1));
		json = shared[nshared++].json;
		js_pop(J, 1);
	}
	/* A frozen copy for this VU. */
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "freeze");
	js_rot2(J);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, json);
	js_call(J, 1);
	js_call(J, 1);
}

void
data_module_open(js_State *J)
{
	js_newobject(J);
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_pop(J, 1);
	js_newcconstructor(J, shared_array, shared_array, "SharedArray", 2);
	js_setproperty(J, -2, "SharedArray");
}
