/* outfeed: feed a known set of samples through one --out output, for
 * tests/output/influxdb-test.sh and prometheus-test.sh.
 *
 *   outfeed [-n samples] [-r rounds] [-w ms] [-t stop_ms] [-B] SPEC
 *   outfeed -p
 *
 * Samples cycle over http_reqs (1), http_req_duration (i % 100 + 0.5) and
 * checks (i % 2): tags scenario=default, group="", method=GET, status 200
 * or 500 (every other sample), url and name http://127.0.0.1/x?i=<i/3>;
 * metadata vu = i % 10 + 1, iter = i / 10; times 1 us apart, so no two
 * points of a series share a timestamp.  They are added in `rounds`
 * groups with the event loop run for -w ms after each.  -B listens on a
 * free port that never answers and puts it in place of PORT in SPEC (a
 * server that hangs).  -p prints a free TCP port on 127.0.0.1.
 *
 * Prints "added N" and "stop: ok" or "stop: <cause>"; exits 0 when the
 * output stopped cleanly, 1 when it reported a loss, 2 on other errors. */
#include "config.h"

#include <arpa/inet.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "metrics/metric.h"
#include "output/output.h"
#include "util/xmalloc.h"

/* A socket bound to a free port on 127.0.0.1 (listening if asked). */
static int
bind_free(int do_listen, int *port)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;
	int			 fd;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd == -1)
		return -1;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1 ||
	    (do_listen && listen(fd, 64) == -1)) {
		close(fd);
		return -1;
	}
	*port = ntohs(sin.sin_port);
	return fd;
}

static void
run_loop(struct event_base *base, int ms)
{
	struct timeval	 tv = { ms / 1000, (ms % 1000) * 1000 };

	event_base_loopexit(base, &tv);
	event_base_dispatch(base);
}

int
main(int argc, char **argv)
{
	static const char	*names[] = { "http_reqs", "http_req_duration",
				    "checks" };
	struct metric_registry	*reg;
	struct event_base	*base;
	struct output		*o;
	struct output_sample	 s;
	struct tag		 tags[6];
	struct timespec		 now;
	char			*cause = NULL, *spec, *p, url[64];
	long			 n = 300, rounds = 1, wait_ms = 0, stop_ms = 5000;
	long			 i, r;
	int			 c, port, fd = -1, rc;
	int64_t			 t0;

	while ((c = getopt(argc, argv, "n:r:w:t:Bp")) != -1) {
		switch (c) {
		case 'n': n = atol(optarg); break;
		case 'r': rounds = atol(optarg); break;
		case 'w': wait_ms = atol(optarg); break;
		case 't': stop_ms = atol(optarg); break;
		case 'B': fd = 0; break;
		case 'p':
			if ((fd = bind_free(0, &port)) == -1)
				return 2;
			printf("%d\n", port);
			close(fd);
			return 0;
		default:
			goto usage;
		}
	}
	if (optind + 1 != argc || n < 0 || rounds < 1)
		goto usage;
	spec = xstrdup(argv[optind]);
	if (fd == 0) {
		if ((fd = bind_free(1, &port)) == -1)
			return 2;
		if ((p = strstr(spec, "PORT")) != NULL) {
			*p = '\0';
			p = xasprintf("%s%d%s", spec, port, p + 4);
			free(spec);
			spec = p;
		}
	}

	base = event_base_new();
	reg = metric_registry_new();
	o = output_new(spec, base, reg, &cause);
	if (o == NULL || output_start(o, &cause) == -1) {
		fprintf(stderr, "outfeed: %s\n", cause);
		return 2;
	}
	clock_gettime(CLOCK_REALTIME, &now);
	t0 = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
	tags[0].key = "group";
	tags[0].value = "";
	tags[1].key = "method";
	tags[1].value = "GET";
	tags[2].key = "name";
	tags[3].key = "scenario";
	tags[3].value = "default";
	tags[4].key = "status";
	tags[5].key = "url";
	for (r = 0; r < rounds; r++) {
		for (i = n * r / rounds; i < n * (r + 1) / rounds; i++) {
			memset(&s, 0, sizeof s);
			s.metric = metric_registry_get(reg, names[i % 3]);
			snprintf(url, sizeof url, "http://127.0.0.1/x?i=%ld",
			    i / 3);
			tags[2].value = url;
			tags[4].value = i % 2 == 0 ? "200" : "500";
			tags[5].value = url;
			s.tags = tags;
			s.ntags = 6;
			s.time = t0 + i * 1000;
			s.value = i % 3 == 0 ? 1 : i % 3 == 1 ?
			    (double)(i % 100) + 0.5 : (double)(i % 2);
			s.has_meta = 1;
			s.vu = i % 10 + 1;
			s.iter = i / 10;
			output_add(o, &s);
		}
		if (wait_ms > 0)
			run_loop(base, wait_ms);
	}
	printf("added %ld\n", n);
	rc = output_stop(o, stop_ms, &cause);
	printf("stop: %s\n", rc == 0 ? "ok" : cause);
	output_free(o);
	metric_registry_free(reg);
	event_base_free(base);
	free(cause);
	free(spec);
	if (fd != -1)
		close(fd);
	return rc == 0 ? 0 : 1;

usage:
	fprintf(stderr, "usage: outfeed [-n samples] [-r rounds] [-w ms] "
	    "[-t stop_ms] [-B] SPEC\n       outfeed -p\n");
	return 2;
}
