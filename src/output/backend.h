/* The outputs behind output.c's dispatcher: one table of functions per
 * --out type.  Private to src/output/.
 *
 * create returns an owned object (released by its free), or NULL with an
 * owned *cause; arg is the text after "type=" ("" when there is none) and
 * is borrowed. */
#ifndef LYOCELL_OUTPUT_BACKEND_H
#define LYOCELL_OUTPUT_BACKEND_H

#include <event2/event.h>

#include "output/output.h"
#include "util/buf.h"

struct output_backend {
	const char	*name;
	void		*(*create)(const char *arg, struct event_base *,
			    struct metric_registry *, char **cause);
	int		 (*start)(void *, char **cause);
	void		 (*add)(void *, const struct output_sample *);
	int		 (*stop)(void *, int timeout_ms, char **cause);
	void		 (*free)(void *);
	const char	*(*describe)(const void *);
};

/* A timer of base that calls cb(-1, EV_TIMEOUT, arg) every ms
 * milliseconds (1 at least), already added; the caller frees it with
 * event_free. */
struct event	*backend_every(struct event_base *, double ms,
		    event_callback_fn cb, void *arg);

extern const struct output_backend json_backend;
extern const struct output_backend csv_backend;
extern const struct output_backend influxdb_backend;
extern const struct output_backend promrw_backend;
extern const struct output_backend dashboard_backend;

/* For tests: the line protocol the influxdb output would send for n
 * samples with the settings of spec (the text after "influxdb="),
 * appended to out; 0, or -1 with an owned *cause for a bad spec.  Samples
 * that cannot be written (NaN) are left out. */
int	influxdb_format(const char *spec, const struct output_sample *,
	    size_t n, struct buf *out, char **cause);

/* For tests: close the web dashboard's open period now, as its timer
 * does every period; impl is what dashboard_backend.create returned. */
void	dashboard_tick(void *impl);

#endif
