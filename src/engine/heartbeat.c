/* The heartbeat; see heartbeat.h. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "engine/heartbeat.h"
#include "metrics/metric.h"
#include "util/duration.h"
#include "util/log.h"

void
heartbeat_init(struct heartbeat *hb, const struct cli *cli, int display)
{
	const char *v = cli_get(cli, "heartbeat");
	double ms = 0;

	hb->every_s = hb->next_s = 0;
	/* The flag's value was checked as a duration when it was parsed. */
	if (display || v == NULL || duration_parse(v, &ms) != 0 || ms <= 0)
		return;
	hb->every_s = hb->next_s = ms / 1000;
}

static double
stat(const struct metric_registry *reg, const char *name, const char *which)
{
	const struct metric *m = metric_registry_get(reg, name);
	double v = 0;

	if (m == NULL || sink_value(m->sink, which, 0, &v) != 0)
		return 0;
	return v;
}

void
heartbeat_tick(struct heartbeat *hb, const struct metric_registry *reg, double elapsed_s)
{
	double vus, max, iters, reqs, failed;
	char fields[256], at[32];

	if (hb->every_s <= 0 || elapsed_s + 0.05 < hb->next_s)
		return;
	while (hb->next_s <= elapsed_s + 0.05)
		hb->next_s += hb->every_s;
	vus = stat(reg, "vus", "value");
	max = stat(reg, "vus_max", "value");
	iters = stat(reg, "iterations", "count");
	reqs = stat(reg, "http_reqs", "count");
	failed = stat(reg, "http_req_failed", "passes");
	/* Whole seconds: the tick comes a hair before or after the second. */
	duration_format((double)(long long)(elapsed_s + 0.5) * 1000, at, sizeof at);
	/* The fields for machines, the message for --log-format raw. */
	snprintf(fields, sizeof fields, "elapsed=%s vus=%.0f vus_max=%.0f iterations=%.0f "
	    "requests=%.0f errors=%.0f", at, vus, max, iters, reqs, failed);
	log_msg(LOG_INFO, fields, "heartbeat: %s elapsed, %.0f/%.0f VUs, %.0f iterations, "
	    "%.0f requests, %.0f failed", at, vus, max, iters, reqs, failed);
}
