/* The engine's side of the module interface; see module.h. */
#include "config.h"

#include <stdlib.h>

#include "engine/engine-int.h"
#include "engine/module.h"
#include "metrics/tagset.h"
#include "util/log.h"

void
engine_module_add(struct engine *e, const struct engine_module *m)
{
	if (e->nmodules == ENGINE_MODULES_MAX) {
		log_msg(LOG_ERROR, NULL, "internal error: module %s: more than %d "
		    "modules with hooks (ENGINE_MODULES_MAX)", m->name,
		    ENGINE_MODULES_MAX);
		exit(1);
	}
	e->modules[e->nmodules++] = m;
}

void
engine_script_set(struct engine *e, const struct engine_script *s)
{
	e->script = s;
}

static size_t
slot(const struct vu *vu, const struct engine_module *m)
{
	const struct engine *e = vu->engine;
	size_t i;

	for (i = 0; i < e->nmodules; i++)
		if (e->modules[i] == m)
			return i;
	log_msg(LOG_ERROR, NULL, "internal error: module %s was not added to the "
	    "engine", m->name);
	abort();
}

void *
vu_module_data(struct vu *vu, const struct engine_module *m)
{
	return vu->module_data[slot(vu, m)];
}

void
vu_module_set(struct vu *vu, const struct engine_module *m, void *data)
{
	vu->module_data[slot(vu, m)] = data;
}

js_State *
vu_js(struct vu *vu)
{
	return vu->J;
}

uint32_t
vu_id(const struct vu *vu)
{
	return vu->id;
}

int
vu_in_init(const struct vu *vu)
{
	return vu->in_init;
}

int
vu_interrupted(const struct vu *vu)
{
	return vu->interrupted;
}

void
vu_wake(struct vu *vu)
{
	engine_wake(vu->engine, vu);
}

struct event_base *
vu_event_base(struct vu *vu)
{
	return vu->engine->base;
}

struct net *
vu_net(struct vu *vu)
{
	return vu->engine->net;
}

struct resolver *
vu_resolver(struct vu *vu)
{
	return vu->engine->resolver;
}

const char *
vu_options_json(const struct vu *vu)
{
	return vu->engine->options_json;
}

const struct runopts *
vu_opts(const struct vu *vu)
{
	return vu->engine->opts;
}

uint32_t
vu_tags(const struct vu *vu)
{
	return vu->tags;
}

uint32_t
vu_tags_with(struct vu *vu, uint32_t base, const char *key, const char *value)
{
	return engine_tags_with(vu->engine, base, key, value);
}

int
vu_system_tag(const struct vu *vu, const char *tag)
{
	return engine_system_tag(vu->engine, tag);
}

const struct builtin_metrics *
vu_metrics(const struct vu *vu)
{
	return &vu->engine->m;
}

void
vu_emit(struct vu *vu, uint32_t metric, uint32_t tags, double value)
{
	engine_emit(vu->engine, metric, tags, value);
}

void
vu_emit_n(struct vu *vu, uint32_t tags, const uint32_t *metric,
    const double *value, size_t n)
{
	engine_emit_n(vu->engine, tags, metric, value, n);
}

void
vu_emit_meta(struct vu *vu, uint32_t tags, const uint32_t *metric,
    const double *value, size_t n, const char *meta, size_t meta_len)
{
	engine_emit_meta(vu->engine, tags, metric, value, n, meta, meta_len);
}

void
vu_add_traffic(struct vu *vu, uint64_t sent, uint64_t received)
{
	vu->data_sent += sent;
	vu->data_received += received;
}

struct metric_registry *
vu_metric_registry(struct vu *vu)
{
	return vu->engine->metrics;
}

void
vu_set_tags(struct vu *vu, uint32_t tags)
{
	vu->tags = tags;
}

uint32_t
vu_tags_without(struct vu *vu, uint32_t base, const char *key)
{
	return engine_tags_without(vu->engine, base, key);
}

const char *
vu_tag(const struct vu *vu, const char *key)
{
	return tagset_value(vu->engine->tagsets, vu->tags, key);
}

const struct tag *
vu_tag_list(const struct vu *vu, size_t *n)
{
	return tagset_get(vu->engine->tagsets, vu->tags, n);
}

char *
vu_group(const struct vu *vu)
{
	return vu->group;
}

void
vu_set_group(struct vu *vu, char *group)
{
	vu->group = group;
}

const char *
vu_meta(const struct vu *vu, size_t *len)
{
	*len = vu->meta_len;
	return vu->meta;
}

void
vu_exec(struct vu *vu, struct vu_exec *x)
{
	struct engine *e = vu->engine;
	int64_t now = engine_now();

	x->id_in_test = vu->id == 0 ? 0 :
	    (uint32_t)segment_global(&e->machine, vu->id - 1) + 1;
	x->iter = vu->iter;
	x->iter_in_scenario = vu->iter_in_scenario;
	x->iter_in_instance = vu->iter_in_instance;
	x->iter_in_test = vu->iter_in_test;
	x->sc_name = vu->run != NULL ? vu->run->sc->name : NULL;
	x->sc_executor = vu->run != NULL ? vu->run->sc->executor_name : NULL;
	x->sc_elapsed = vu->run != NULL ? now - vu->run->t_start : 0;
	x->sc_progress = vu->run != NULL ? executor_progress(vu->run) : 0;
	x->test_elapsed = e->started ? now - e->t0 : 0;
	engine_instance(e, &x->instance);
}

void
vu_abort_test(struct vu *vu, const char *reason)
{
	engine_abort(vu->engine, reason);
	vu->interrupted = 1;
}

void
vu_fail_test(struct vu *vu, const char *reason)
{
	engine_mark_failed(vu->engine, reason);
}
