/* bench/dashboard-bench: what the web dashboard costs the coordinator per
 * sample (src/output/dashboard.c's add), with an HTTP request's tags, a
 * mix of a Trend, a Counter and a Trend it does not chart, and a period
 * closed every 500000 samples.  Result in bench/soak.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <event2/event.h>

#include "metrics/metric.h"
#include "output/backend.h"

int
main(void)
{
	static const struct tag tags[] = {
		{ "expected_response", "true" }, { "group", "::front" },
		{ "method", "GET" }, { "name", "http://127.0.0.1/x" },
		{ "proto", "HTTP/1.1" }, { "scenario", "default" },
		{ "status", "200" }, { "url", "http://127.0.0.1/x" },
	};
	struct metric_registry *reg = metric_registry_new();
	struct event_base *base = event_base_new();
	const struct metric *m[3];
	struct output_sample s;
	struct timespec a, b;
	char *cause = NULL;
	void *d;
	int i, n = 5000000;

	d = dashboard_backend.create("port=-1&period=1h", base, reg, &cause);
	if (d == NULL || dashboard_backend.start(d, &cause) == -1) {
		fprintf(stderr, "dashboard-bench: %s\n", cause);
		return 1;
	}
	m[0] = metric_registry_get(reg, "http_req_duration");
	m[1] = metric_registry_get(reg, "http_reqs");
	m[2] = metric_registry_get(reg, "http_req_waiting");
	memset(&s, 0, sizeof s);
	s.tags = tags;
	s.ntags = sizeof tags / sizeof tags[0];
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++) {
		s.metric = m[i % 3];
		s.value = (i % 1000) * 0.37;
		dashboard_backend.add(d, &s);
		if (i % 500000 == 0)
			dashboard_tick(d);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.0f ns per sample\n", ((double)(b.tv_sec - a.tv_sec) * 1e9 +
	    (double)(b.tv_nsec - a.tv_nsec)) / n);
	dashboard_backend.free(d);
	metric_registry_free(reg);
	event_base_free(base);
	return 0;
}
