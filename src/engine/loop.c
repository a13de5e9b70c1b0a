/* A VU's event loop; see module.h for what modules do on it.
 *
 * k6 ends an iteration (and init, setup(), teardown(), handleSummary())
 * only when its event loop is empty: no Promise job, no callback ready,
 * nothing outstanding.  Every asynchronous module shares this one loop,
 * so their callbacks interleave in the order they become ready. */
#include "config.h"

#include <stdlib.h>

#include "engine/engine-int.h"

/* The Promise jobs; an owned "Uncaught (in promise) ..." or NULL. */
static char *
microtasks(struct vu *vu)
{
	const struct engine_script *s = vu->engine->script;
	char *text, *clean;

	if (s == NULL || s->run_microtasks == NULL ||
	    (text = s->run_microtasks(vu->J)) == NULL)
		return NULL;
	clean = stack_clean(vu->engine->bundle, text);
	free(text);
	return clean;
}

char *
loop_run(struct vu *vu)
{
	struct engine *e = vu->engine;
	char *text;
	size_t i;
	int ran, pending;

	vu->loop_threw = 0;
	free(vu->loop_error);	/* of a loop cut short by an interrupt */
	vu->loop_error = NULL;
	/* JavaScript runs only in the Promise jobs and in run_ready, each
	 * followed by the jobs: once drained here, they need draining again
	 * only after a run_ready that ran something. */
	if ((text = microtasks(vu)) != NULL)
		return text;
	for (;;) {
		if (vu->interrupted)
			return NULL;
		ran = 0;
		for (i = 0; i < e->nmodules; i++) {
			if (e->modules[i]->run_ready == NULL ||
			    e->modules[i]->run_ready(vu) == 0)
				continue;
			ran = 1;
			if (vu->loop_error != NULL) {
				text = vu->loop_error;
				vu->loop_error = NULL;
				vu->loop_threw = 1;
				return text;
			}
			if ((text = microtasks(vu)) != NULL)
				return text;
			if (vu->interrupted)
				return NULL;
		}
		if (ran)
			continue;
		pending = 0;
		for (i = 0; i < e->nmodules && !pending; i++)
			if (e->modules[i]->pending != NULL)
				pending = e->modules[i]->pending(vu) > 0;
		if (!pending)
			return NULL;
		vu->in_loop = 1;
		vu_block(vu);
		vu->in_loop = 0;
	}
}

void
vu_loop_wake(struct vu *vu)
{
	if (vu->in_loop)
		engine_wake(vu->engine, vu);
}
