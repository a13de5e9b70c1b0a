/* k6's REST API (api/v1) on --address, for the coordinator.
 *
 * A thread of the coordinator serves it with libevent's evhttp on an
 * event base of its own, so it answers while the coordinator runs
 * JavaScript (setup, the summary) or drains rings, and the workers never
 * see it.  The thread answers the status alone, from what the
 * coordinator publishes (api_publish); what needs the coordinator
 * (running setup() or teardown(), the setup data, metrics) it queues,
 * wakes api_fd, and answers once the coordinator served it in
 * api_serve.
 *
 * api_start returns an owned pointer; api_free(NULL) is a no-op.
 * Strings passed in are borrowed; api_serve's handler returns an owned
 * body. */
#ifndef LYOCELL_APP_API_H
#define LYOCELL_APP_API_H

#include <stdint.h>

/* k6's lib.ExecutionStatus, a number on the wire. */
enum api_status {
	API_CREATED, API_INIT_VUS, API_INIT_EXECUTORS, API_INIT_DONE,
	API_PAUSED_BEFORE_RUN, API_STARTED, API_SETUP, API_RUNNING,
	API_TEARDOWN, API_ENDED, API_INTERRUPTED
};

struct api_state {
	enum api_status	 status;
	int		 started, ended;
	int		 tainted;
	int64_t		 vus, vus_max;
};

/* What the coordinator is asked to do. */
enum api_call {
	API_SETUP_RUN, API_SETUP_SET, API_SETUP_GET, API_TEARDOWN_RUN,
	API_METRICS, API_METRIC, API_GROUPS, API_GROUP
};

/* Serve one call: body is the request's (or the id of a metric/group),
 * NULL when empty.  Returns the HTTP status; *out is the owned response
 * body (an error's title and detail on >= 400, as "title\ndetail"). */
typedef int (*api_handler)(void *arg, enum api_call, const char *body, char **out);

/* Bind ADDR (host:port, [v6]:port, :port; 0.0.0.0 and the empty host
 * mean every address, IPv4 and IPv6) and start the thread.  NULL with an
 * owned *cause (Go's words) when it cannot listen. */
struct api	*api_start(const char *addr, int paused, const char *executor,
		    char **cause);
void		 api_free(struct api *);
/* The listening socket, for a forked worker to close. */
int		 api_listen_fd(const struct api *);
/* Readable when calls wait or the pause or stop changed. */
int		 api_fd(const struct api *);
/* Empty api_fd. */
void		 api_drain(struct api *);
void		 api_publish(struct api *, const struct api_state *);
int		 api_paused(struct api *);
int		 api_stopped(struct api *);
/* The test was stopped otherwise (a signal, test.abort()): the status
 * says so. */
void		 api_set_stopped(struct api *);
void		 api_serve(struct api *, api_handler, void *arg);

#endif
