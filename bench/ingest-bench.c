/* ingest-bench: what one sample costs the coordinator.
 *
 * Encodes realistic batches as a worker would (200 samples each, over 12
 * tag sets of an HTTP test and its 14 built-in metrics), then times the
 * coordinator's path on one core: decode (wire_reader) and aggregate
 * (aggregator: sinks, the always-on sub-metric
 * http_req_duration{expected_response:true}, a threshold's sub-metric,
 * checks).  The ring adds 13 ns per sample more (bench/ring-bench).
 *
 * usage: ingest-bench [samples]
 * The result is written down in bench/engine.md. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "metrics/aggregator.h"
#include "metrics/metric.h"
#include "metrics/tagset.h"
#include "metrics/threshold.h"
#include "metrics/wire.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static const char *names[] = {
	"http_reqs", "http_req_duration", "http_req_blocked", "http_req_connecting",
	"http_req_tls_handshaking", "http_req_sending", "http_req_waiting",
	"http_req_receiving", "http_req_failed", "data_sent", "data_received",
	"iteration_duration", "iterations", "checks",
};
#define NMETRICS (sizeof names / sizeof names[0])
#define NTAGSETS 12
#define BATCH 200

static struct metric_registry *sender;

static int
describe(void *arg, uint32_t id, struct wire_metric *wm)
{
	struct metric *m = metric_registry_get(sender, names[id]);

	wm->id = id;
	wm->name = m->name;
	wm->type = m->type == SINK_COUNTER ? WIRE_COUNTER : m->type == SINK_GAUGE ?
	    WIRE_GAUGE : m->type == SINK_RATE ? WIRE_RATE : WIRE_TREND;
	wm->contains = m->contains == METRIC_TIME ? WIRE_TIME :
	    m->contains == METRIC_DATA ? WIRE_DATA : WIRE_DEFAULT;
	return 0;
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	long long total = argc > 1 ? atoll(argv[1]) : 5000000, done = 0;
	struct tagset_table *wtags = tagset_table_new(0), *ctags = tagset_table_new(0);
	struct metric_registry *reg = metric_registry_new();
	struct aggregator *agg = aggregator_new(reg, ctags);
	struct wire_handler h;
	struct wire_writer *w;
	struct wire_reader *r;
	struct buf *batches = NULL;
	size_t nbatches = 0, i;
	uint32_t ids[NTAGSETS];
	char *cause = NULL, url[64];
	double t0, t1;
	struct threshold *t;

	sender = metric_registry_new();
	for (i = 0; i < NTAGSETS; i++) {
		struct tag tags[9] = {
			{ "expected_response", i % 5 ? "true" : "false" }, { "group", "" },
			{ "method", i % 3 ? "GET" : "POST" }, { "name", url },
			{ "proto", "HTTP/1.1" }, { "scenario", "default" },
			{ "status", i % 5 ? "200" : "404" }, { "url", url },
			{ "check", "status is 200" },
		};

		snprintf(url, sizeof url, "http://127.0.0.1:8080/item/%zu", i % 4);
		tagset_intern(wtags, tags, i % 4 == 3 ? 9 : 8, &ids[i], &cause);
	}
	w = wire_writer_new(0, wtags, describe, NULL, 1 << 20);
	/* Encode a sequence of batches that the reader replays. */
	for (i = 0; i < 2000; i++) {
		struct wire_sample s;
		int k;

		for (k = 0; k < BATCH; k++) {
			memset(&s, 0, sizeof s);
			s.metric = (uint32_t)((i * BATCH + (size_t)k) % NMETRICS);
			s.tags = ids[(i + (size_t)k) % NTAGSETS];
			s.time = 1700000000000000000LL + (int64_t)(i * BATCH + (size_t)k) * 1000;
			s.value = 0.5 + (double)((i * 7 + (size_t)k * 13) % 1000) / 7;
			wire_writer_add(w, &s, &cause);
		}
		batches = xreallocarray(batches, nbatches + 1, sizeof *batches);
		buf_init(&batches[nbatches], 0);
		wire_writer_finish(w, &batches[nbatches++], &cause);
	}
	/* What a typical script adds: a threshold on a sub-metric. */
	t = threshold_parse("p(95)<500", &cause);
	metric_registry_add_threshold(reg, "http_req_duration{status:200}", t, &cause);
	metric_registry_sub(reg, "http_req_duration{expected_response:true}", &cause);

	memset(&h, 0, sizeof h);
	h.metric = aggregator_metric;
	h.batch = aggregator_batch;
	t0 = cpu_now();
	while (done < total) {
		/* A fresh stream each round: the definitions come again. */
		r = wire_reader_new(ctags, &h, agg);
		for (i = 0; i < nbatches && done < total; i++) {
			if (wire_reader_feed(r, batches[i].data, batches[i].len, &cause) == -1) {
				fprintf(stderr, "ingest-bench: %s\n", cause);
				return 1;
			}
			done += BATCH;
		}
		wire_reader_free(r);
	}
	t1 = cpu_now();
	/* Prove the samples landed. */
	if ((long long)aggregator_samples(agg) != done) {
		fprintf(stderr, "ingest-bench: %llu samples aggregated, want %lld\n",
		    (unsigned long long)aggregator_samples(agg), done);
		return 1;
	}
	printf("%lld samples decoded and aggregated in %.3f s of CPU: %.0f ns/sample, "
	    "%.2f M samples/s per core\n", done, t1 - t0, (t1 - t0) * 1e9 / (double)done,
	    (double)done / (t1 - t0) / 1e6);
	return 0;
}
