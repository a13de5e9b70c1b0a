/* Real-time outputs (--out): every sample, in order, from the coordinator.
 *
 * The coordinator creates one output per --out flag before setup() runs,
 * hands it every sample as it aggregates it (setup's, the workers', and
 * teardown's), and stops it after teardown.  Outputs never block the
 * coordinator for long: files are buffered and flushed on a timer, network
 * outputs send batches asynchronously on the coordinator's event loop.
 *
 * output_new returns an owned output, or NULL with an owned *cause;
 * output_free(NULL) is a no-op; everything passed in is borrowed for the
 * duration of the call, except the event base and the registry, which
 * must outlive the output. */
#ifndef LYOCELL_OUTPUT_H
#define LYOCELL_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

#include "metrics/metric.h"
#include "metrics/tagset.h"

struct event_base;
struct output;

struct output_sample {
	const struct metric	*metric;	/* name, type, contains, thresholds, subs */
	const struct tag	*tags;		/* sorted by key */
	size_t			 ntags;
	int64_t			 time;		/* ns since the Unix epoch */
	double			 value;
	int			 has_meta;	/* vu and iter are set */
	uint32_t		 vu;
	uint64_t		 iter;
	/* exec.vu.metrics.metadata: "key\0value\0" pairs, sorted by key,
	 * meta_len bytes (0: none); borrowed for the call. */
	const char		*meta;
	size_t			 meta_len;
};

/* spec is the --out value: "json=FILE", "csv=FILE", "csv=fileName=F,timeFormat=unix",
 * "influxdb=http://host:port/db" ...  Settings also come from the
 * environment (K6_CSV_*, K6_INFLUXDB_*). */
struct output	*output_new(const char *spec, struct event_base *,
		    struct metric_registry *, char **cause);
/* Open files, check the server; 0, or -1 with *cause (the test then does
 * not start). */
int		 output_start(struct output *, char **cause);
void		 output_add(struct output *, const struct output_sample *);
/* Flush and close, waiting at most timeout_ms for a server; 0, or -1 with
 * *cause describing what was lost (the summary is still printed). */
int		 output_stop(struct output *, int timeout_ms, char **cause);
void		 output_free(struct output *);
/* "json", "csv", "influxdb": what the banner shows ("json (FILE)"). */
const char	*output_describe(const struct output *);

#endif
