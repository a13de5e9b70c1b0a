/* Opening the modules written in JavaScript; see jsmod.h. */
#include "config.h"

#include <mujs.h>
#include <string.h>

#include "js/jsmod.h"
#include "js/modules.h"

int
jsmod_is_file(const char *body)
{
	unsigned i;

	for (i = 0; i < jsmod_files_n; i++)
		if (body == jsmod_files[i].src)
			return 1;
	return 0;
}

/* The modules, their files and their primitives. */
static const struct {
	const char	*name;
	const char	*file;
	void		(*prims)(js_State *);
} jsmods[] = {
	{ "k6/experimental/streams", "streams.js", NULL },
	{ "k6/experimental/fs", "fs.js", fs_prims },
	{ "k6/experimental/csv", "csv.js", fs_prims },
	{ "k6/secrets", "secrets.js", secrets_prims },
	{ "k6/net/grpc", "grpc.js", grpc_prims },
	{ "k6/ws", "ws.js", ws_prims },
	{ "k6/websockets", "websockets.js", ws_prims },
	{ "k6/experimental/websockets", "websockets.js", ws_prims },
};

void
jsmod_module_open(js_State *J)
{
	const char *name = js_tostring(J, 1), *src = NULL;
	size_t i;
	unsigned j;

	for (i = 0; i < sizeof jsmods / sizeof jsmods[0]; i++)
		if (strcmp(jsmods[i].name, name) == 0)
			break;
	if (i == sizeof jsmods / sizeof jsmods[0])
		js_error(J, "unknown native module %s", name);
	for (j = 0; j < jsmod_files_n; j++)
		if (strcmp(jsmod_files[j].name, jsmods[i].file) == 0)
			src = jsmod_files[j].src;
	if (src == NULL)
		js_error(J, "no module file %s", jsmods[i].file);
	js_getglobal(J, "Function");
	js_pushliteral(J, "P");
	js_pushliteral(J, src);
	js_construct(J, 2);
	js_pushundefined(J);
	js_newobject(J);
	if (jsmods[i].prims != NULL)
		jsmods[i].prims(J);
	js_call(J, 1);
}
