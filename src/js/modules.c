/* The table of native modules and the VU hooks; see modules.h. */
#include "config.h"

#include <event2/event.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "engine/engine.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

static const struct {
	const char	*name;
	void		(*open)(js_State *);
} natives[] = {
	{ "k6", k6_module_open },
	{ "k6/http", http_module_open },
	{ "k6/metrics", k6_metrics_module_open },
	{ "k6/execution", k6_execution_module_open },
	{ "k6/encoding", encoding_module_open },
	{ "k6/crypto", crypto_module_open },
	{ "k6/data", data_module_open },
	{ "k6/timers", timers_module_open },
	{ "k6/html", html_module_open },
	/* Written in JavaScript (js/jsmod.c). */
	{ "k6/experimental/streams", jsmod_module_open },
	{ "k6/experimental/fs", jsmod_module_open },
	{ "k6/experimental/csv", jsmod_module_open },
	{ "k6/secrets", jsmod_module_open },
};
#define NNATIVES (sizeof natives / sizeof natives[0])

const char *const *
modules_names(void)
{
	static const char *names[NNATIVES + 1];
	size_t i;

	for (i = 0; i < NNATIVES; i++)
		names[i] = natives[i].name;
	return names;
}

void
modules_setfn(js_State *J, js_CFunction f, const char *name, int nargs)
{
	js_newcfunction(J, f, name, nargs);
	js_setproperty(J, -2, name);
}

/* natives' opener, called by the module loader with the module's name
 * the first time a script imports it: the module object, whose default
 * export is itself. */
static void
native_open(js_State *J)
{
	const char *name = js_tostring(J, 1);
	size_t i;

	for (i = 0; i < NNATIVES; i++)
		if (strcmp(natives[i].name, name) == 0)
			break;
	if (i == NNATIVES)
		js_error(J, "unknown native module %s", name);
	natives[i].open(J);
	js_copy(J, -1);
	js_setproperty(J, -2, "default");
}

int
modules_register(js_State *J, char **cause)
{
	size_t i;

	k6_console_define(J);
	k6_open_define(J);
	timers_define(J);
	webcrypto_define(J);
	regexp_define(J);
	/* Modules are opened on first import: most scripts use few of
	 * them, and every VU would pay for all. */
	for (i = 0; i < NNATIVES; i++) {
		js_getglobal(J, "__lymod");
		js_getproperty(J, -1, "native");
		js_rot2(J);
		js_pushstring(J, natives[i].name);
		js_newcfunction(J, native_open, "open", 1);
		if (js_pcall(J, 2)) {
			*cause = xasprintf("module %s: %s", natives[i].name,
			    js_trystring(J, -1, "Error"));
			js_pop(J, 1);
			return -1;
		}
		js_pop(J, 1);
	}
	return 0;
}

void
modules_iteration_start(struct vu *vu)
{
	http_iteration_start(vu);
}

void
modules_iteration_end(struct vu *vu)
{
	/* The VU ran the event loop to its end (timers_drain), or the
	 * iteration failed: what is left never runs, as in k6. */
	timers_cancel(vu);

	modules_flush_io(vu);
}

void
modules_flush_io(struct vu *vu)
{
	struct engine *e = vu->engine;

	/* As k6's Dialer.IOSamples: both, even at 0, so they are always
	 * in the summary. */
	engine_emit(e, e->m.data_sent, vu->tags, (double)vu->data_sent);
	engine_emit(e, e->m.data_received, vu->tags, (double)vu->data_received);
	vu->data_sent = vu->data_received = 0;
}

int
modules_sleep(struct vu *vu, double ms)
{
	struct timeval tv;

	if (vu->interrupted)
		return -1;
	if (ms <= 0)
		return 0;
	tv = timeval_ms(ms);
	evtimer_add(vu->timer, &tv);
	if (vu_block(vu) == -1) {
		evtimer_del(vu->timer);
		return -1;
	}
	return 0;
}

void
modules_interrupt(struct vu *vu)
{
	evtimer_del(vu->timer);
	timers_cancel(vu);
	http_interrupt(vu);
}

void
modules_vu_free(struct vu *vu)
{
	timers_vu_free(vu);
	http_vu_free(vu);
}
