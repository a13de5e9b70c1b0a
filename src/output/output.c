/* --out: pick the output named by the spec and forward to it; see
 * output.h and backend.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "output/backend.h"
#include "output/output.h"
#include "util/xmalloc.h"

static const struct output_backend *output_backends[] = {
	&csv_backend,
	&promrw_backend,
	&influxdb_backend,
	&json_backend,
	&dashboard_backend,
};

/* k6's outputs that are not here yet. */
static const char *output_missing[] = {
	"opentelemetry", "statsd", "cloud",
};

struct output {
	const struct output_backend	*be;
	void				*impl;
	int				 started;
	int				 stopped;
};

struct output *
output_new(const char *spec, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	const struct output_backend	*be = NULL;
	struct output			*o;
	const char			*eq, *arg;
	char				*type;
	size_t				 i;
	void				*impl;

	eq = strchr(spec, '=');
	type = eq != NULL ? xstrndup(spec, eq - spec) : xstrdup(spec);
	arg = eq != NULL ? eq + 1 : "";
	for (i = 0; i < sizeof output_backends / sizeof output_backends[0];
	    i++) {
		if (strcmp(type, output_backends[i]->name) == 0)
			be = output_backends[i];
	}
	for (i = 0; be == NULL && i < sizeof output_missing /
	    sizeof output_missing[0]; i++) {
		if (strcmp(type, output_missing[i]) == 0) {
			*cause = xasprintf("not supported yet: the %s output",
			    type);
			free(type);
			return NULL;
		}
	}
	if (be == NULL) {
		*cause = xasprintf("invalid output type '%s', available types "
		    "are: csv, experimental-prometheus-rw, influxdb, json, web-dashboard",
		    type);
		free(type);
		return NULL;
	}
	free(type);
	impl = be->create(arg, base, reg, cause);
	if (impl == NULL)
		return NULL;
	o = xcalloc(1, sizeof *o);
	o->be = be;
	o->impl = impl;
	return o;
}

int
output_start(struct output *o, char **cause)
{
	if (o->be->start(o->impl, cause) == -1)
		return -1;
	o->started = 1;
	return 0;
}

void
output_add(struct output *o, const struct output_sample *s)
{
	if (o->started && !o->stopped)
		o->be->add(o->impl, s);
}

int
output_stop(struct output *o, int timeout_ms, char **cause)
{
	if (!o->started || o->stopped)
		return 0;
	o->stopped = 1;
	return o->be->stop(o->impl, timeout_ms, cause);
}

void
output_free(struct output *o)
{
	if (o == NULL)
		return;
	o->be->free(o->impl);
	free(o);
}

const char *
output_describe(const struct output *o)
{
	return o->be->describe(o->impl);
}

struct event *
backend_every(struct event_base *base, double ms, event_callback_fn cb,
    void *arg)
{
	struct event *ev = event_new(base, -1, EV_PERSIST, cb, arg);
	long long us = (long long)(ms * 1000);
	struct timeval tv;

	if (ev == NULL)
		fatalx(1, "cannot create a timer: out of memory");
	if (us < 1000)
		us = 1000;
	tv.tv_sec = (time_t)(us / 1000000);
	tv.tv_usec = (suseconds_t)(us % 1000000);
	event_add(ev, &tv);
	return ev;
}

