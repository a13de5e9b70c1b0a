/* k6's REST API server: a thread, its event base, evhttp; see api.h. */
#include "config.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <fcntl.h>
#include <mujs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/api.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xmalloc.h"

#define API_BODY_CAP	(16 << 20)	/* request bodies: setup data */

struct api_call_item {
	enum api_call		 call;
	char			*body;
	struct evhttp_request	*req;
	int			 code;
	char			*out;
	struct api_call_item	*next;
};

struct api {
	int			 fd;		/* listening */
	int			 wake_main[2];	/* thread -> coordinator */
	int			 wake_api[2];	/* coordinator -> thread */
	pthread_t		 thread;
	int			 running;
	struct event_base	*base;
	struct evhttp		*http;
	struct event		*wake_ev;
	js_State		*J;		/* the thread's own, for PATCH bodies */
	char			*executor;	/* "constant-vus executor 'default'" */

	pthread_mutex_t		 lock;	/* all below */
	struct api_state	 st;
	int			 paused, stopped, quit;
	struct api_call_item	*todo, *done;
};

/* PATCH /v1/status bodies as Go decodes them into v1.StatusJSONAPI:
 * returns stopped + 2 * (paused given) + 4 * paused + 8 * (vus given). */
static const char patch_js[] =
	"function patch(s) {\n"
	"  function kind(x) { return x === null ? 'null' : Array.isArray(x) ? 'array' :\n"
	"    typeof x === 'boolean' ? 'bool' : typeof x; }\n"
	"  function want(x, t, name, into) {\n"
	"    if (x === null || x === undefined) return;\n"
	"    if (kind(x) !== t || (t === 'number' && x % 1 !== 0))\n"
	"      throw new Error('json: cannot unmarshal ' + kind(x) + ' into Go ' + into + name);\n"
	"  }\n"
	"  var v = JSON.parse(s), a, r = 0;\n"
	"  want(v, 'object', 'v1.StatusJSONAPI', 'value of type ');\n"
	"  if (v === null || v.data == null) return 0;\n"
	"  want(v.data, 'object', 'StatusJSONAPI.data', 'struct field ');\n"
	"  a = v.data.attributes;\n"
	"  if (a == null) return 0;\n"
	"  want(a, 'object', 'StatusData.data.attributes', 'struct field ');\n"
	"  ['paused', 'stopped', 'running', 'tainted'].forEach(function (k) {\n"
	"    want(a[k], 'bool', 'Status.data.attributes.' + k, 'struct field '); });\n"
	"  ['vus', 'vus-max', 'status'].forEach(function (k) {\n"
	"    want(a[k], 'number', 'Status.data.attributes.' + k, 'struct field '); });\n"
	"  if (a.stopped === true) r += 1;\n"
	"  if (a.paused != null) r += 2 + (a.paused ? 4 : 0);\n"
	"  if (a.vus != null || a['vus-max'] != null) r += 8;\n"
	"  return r;\n"
	"}\n";

static void
wake(int fd)
{
	char b = 1;

	while (write(fd, &b, 1) == -1 && errno == EINTR)
		;
}

static void
reply(struct evhttp_request *req, int code, const char *type, const char *body)
{
	struct evbuffer *b = evbuffer_new();

	if (type != NULL)
		evhttp_add_header(evhttp_request_get_output_headers(req), "Content-Type", type);
	if (evhttp_request_get_command(req) == EVHTTP_REQ_HEAD) {
		/* evhttp leaves a HEAD answer without its length, and a
		 * client that waits for the body hangs; Go's says it and
		 * sends no body. */
		char len[24];

		snprintf(len, sizeof len, "%zu", body != NULL ? strlen(body) : 0);
		evhttp_add_header(evhttp_request_get_output_headers(req), "Content-Length", len);
	} else if (body != NULL)
		evbuffer_add(b, body, strlen(body));
	evhttp_send_reply(req, code, NULL, b);
	evbuffer_free(b);
}

/* k6's apiError: one error in the JSON:API envelope. */
static void
reply_error(struct evhttp_request *req, int code, const char *type, const char *title,
    const char *detail)
{
	struct buf b = BUF_INIT;
	const char *s;
	int i;

	buf_printf(&b, "{\"errors\":[{\"status\":\"%d\"", code);
	for (i = 0; i < 2; i++) {
		s = i == 0 ? title : detail;
		if (s == NULL || *s == '\0')
			continue;
		buf_puts(&b, i == 0 ? ",\"title\":" : ",\"detail\":");
		format_json_cstring(&b, s, 0);
	}
	buf_puts(&b, "}]}");
	/* Without a type of its own, Go sniffs JSON as text. */
	reply(req, code, type != NULL ? type : "text/plain; charset=utf-8", b.data);
	buf_free(&b);
}

static char *
status_json(struct api *a)
{
	struct api_state st;
	int paused, stopped;

	pthread_mutex_lock(&a->lock);
	st = a->st;
	paused = a->paused;
	stopped = a->stopped;
	pthread_mutex_unlock(&a->lock);
	return xasprintf("{\"data\":{\"type\":\"status\",\"id\":\"default\",\"attributes\":"
	    "{\"status\":%d,\"paused\":%s,\"vus\":%lld,\"vus-max\":%lld,\"stopped\":%s,"
	    "\"running\":%s,\"tainted\":%s}}}", (int)st.status, paused ? "true" : "false",
	    (long long)st.vus, (long long)st.vus_max, stopped ? "true" : "false",
	    st.started && !st.ended ? "true" : "false", st.tainted ? "true" : "false");
}

static char *
body_of(struct evhttp_request *req)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	size_t len = evbuffer_get_length(in);
	char *s;

	if (len == 0)
		return NULL;
	s = xmalloc(len + 1);
	evbuffer_remove(in, s, len);
	s[len] = '\0';
	return s;
}

static void
patch_status(struct api *a, struct evhttp_request *req)
{
	static const char json[] = "application/json; charset=utf-8";
	char *body = body_of(req), *st;
	int r, wakeup = 0;
	const char *err = NULL;

	if (js_try(a->J)) {
		char *detail = xstrdup(js_trystring(a->J, -1, "invalid JSON"));

		js_pop(a->J, 1);
		free(body);
		/* mujs's prefix is not Go's. */
		reply_error(req, 400, json, "Invalid data", strncmp(detail, "Error: ", 7) == 0 ?
		    detail + 7 : detail);
		free(detail);
		return;
	}
	js_getglobal(a->J, "patch");
	js_pushundefined(a->J);
	js_pushstring(a->J, body != NULL ? body : "");
	js_call(a->J, 1);
	r = js_toint32(a->J, -1);
	js_pop(a->J, 1);
	js_endtry(a->J);
	free(body);

	pthread_mutex_lock(&a->lock);
	if (r & 1) {
		wakeup = !a->stopped;
		a->stopped = 1;
	} else if (r & 2) {
		/* Scheduler.SetPaused: before the start, only a resume. */
		if (!a->st.started && a->paused) {
			if (r & 4)
				err = "execution is already paused";
			else {
				a->paused = 0;
				wakeup = 1;
			}
		} else
			err = "";
	}
	pthread_mutex_unlock(&a->lock);
	if (wakeup)
		wake(a->wake_main[1]);
	if (err != NULL) {
		char *d = *err != '\0' ? xstrdup(err) : xasprintf("%s doesn't support pause "
		    "and resume operations after its start", a->executor);

		reply_error(req, 500, json, "Pause error", d);
		free(d);
		return;
	}
	if (!(r & 1) && (r & 8)) {
		reply_error(req, 500, json, "Execution config error",
		    "live VU configuration updates are not supported");
		return;
	}
	st = status_json(a);
	reply(req, 200, json, st);
	free(st);
}

/* Hand a call to the coordinator; the answer goes out in wake_api_cb. */
static void
defer(struct api *a, struct evhttp_request *req, enum api_call call, char *body)
{
	struct api_call_item *it = xcalloc(1, sizeof *it), **pp;

	it->call = call;
	it->req = req;
	it->body = body;
	pthread_mutex_lock(&a->lock);
	for (pp = &a->todo; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = it;
	pthread_mutex_unlock(&a->lock);
	wake(a->wake_main[1]);
}

static void
answer(struct api_call_item *it)
{
	const char *setup = "application/json";
	char *nl;

	if (it->code >= 400) {
		nl = it->out != NULL ? strchr(it->out, '\n') : NULL;
		if (nl != NULL)
			*nl++ = '\0';
		reply_error(it->req, it->code, NULL, it->out, nl);
	} else if (it->call == API_TEARDOWN_RUN)
		reply(it->req, it->code, NULL, NULL);
	else
		reply(it->req, it->code, it->call == API_SETUP_RUN || it->call == API_SETUP_SET ||
		    it->call == API_SETUP_GET ? setup : "text/plain; charset=utf-8", it->out);
}

static void
wake_api_cb(evutil_socket_t fd, short what, void *arg)
{
	struct api *a = arg;
	struct api_call_item *list, *it;
	char b[64];
	int quit;

	while (read(fd, b, sizeof b) > 0)
		;
	pthread_mutex_lock(&a->lock);
	list = a->done;
	a->done = NULL;
	quit = a->quit;
	pthread_mutex_unlock(&a->lock);
	while ((it = list) != NULL) {
		list = it->next;
		answer(it);
		free(it->body);
		free(it->out);
		free(it);
	}
	if (quit) {
		/* Let the last answers (a stop's) reach their clients. */
		struct timeval flush = { 0, 100000 };

		event_base_loopexit(a->base, &flush);
	}
}

static void
not_found(struct evhttp_request *req)
{
	evhttp_add_header(evhttp_request_get_output_headers(req), "X-Content-Type-Options",
	    "nosniff");
	reply(req, 404, "text/plain; charset=utf-8", "404 page not found\n");
}

/* api/v1/routes.go; everything outside /v1/ is k6's ping. */
static void
route(struct evhttp_request *req, void *arg)
{
	struct api *a = arg;
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	const char *path = uri != NULL ? evhttp_uri_get_path(uri) : NULL;
	enum evhttp_cmd_type m = evhttp_request_get_command(req);
	char *st;

	if (path == NULL || strncmp(path, "/v1/", 4) != 0) {
		reply(req, 200, "text/plain; charset=utf-8", "ok");
		return;
	}
	path += 3;
	if (strcmp(path, "/status") == 0) {
		if (m == EVHTTP_REQ_GET) {
			st = status_json(a);
			reply(req, 200, "application/json; charset=utf-8", st);
			free(st);
		} else if (m == EVHTTP_REQ_PATCH)
			patch_status(a, req);
		else
			reply(req, 405, NULL, NULL);
	} else if (strcmp(path, "/setup") == 0) {
		if (m == EVHTTP_REQ_POST)
			defer(a, req, API_SETUP_RUN, NULL);
		else if (m == EVHTTP_REQ_PUT)
			defer(a, req, API_SETUP_SET, body_of(req));
		else if (m == EVHTTP_REQ_GET)
			defer(a, req, API_SETUP_GET, NULL);
		else
			reply(req, 405, NULL, NULL);
	} else if (strcmp(path, "/teardown") == 0) {
		if (m == EVHTTP_REQ_POST)
			defer(a, req, API_TEARDOWN_RUN, NULL);
		else
			reply(req, 405, NULL, NULL);
	} else if (strcmp(path, "/metrics") == 0 || strncmp(path, "/metrics/", 9) == 0 ||
	    strcmp(path, "/groups") == 0 || strncmp(path, "/groups/", 8) == 0) {
		int metrics = path[1] == 'm';
		const char *id = strchr(path + 1, '/');

		if (m != EVHTTP_REQ_GET)
			reply(req, 405, NULL, NULL);
		else if (id == NULL)
			defer(a, req, metrics ? API_METRICS : API_GROUPS, NULL);
		else
			defer(a, req, metrics ? API_METRIC : API_GROUP,
			    evhttp_uridecode(id + 1, 0, NULL));
	} else
		not_found(req);
}

static void *
api_thread(void *arg)
{
	struct api *a = arg;

	event_base_dispatch(a->base);
	return NULL;
}

/* Go's net.Listen("tcp", addr): host:port, [host]:port, :port. */
static int
listen_on(const char *addr, char **cause)
{
	struct addrinfo hints, *res = NULL;
	const char *colon = strrchr(addr, ':');
	char host[256], port[32];
	size_t hl;
	int fd = -1, on = 1, off = 0, err, any;

	if (colon == NULL) {
		*cause = xasprintf("listen tcp: address %s: missing port in address", addr);
		return -1;
	}
	hl = (size_t)(colon - addr);
	if (hl > 0 && addr[0] == '[') {
		if (addr[hl - 1] != ']') {
			*cause = xasprintf("listen tcp: address %s: missing ']' in address", addr);
			return -1;
		}
		addr++;
		hl -= 2;
	} else if (memchr(addr, ':', hl) != NULL) {
		*cause = xasprintf("listen tcp: address %s: too many colons in address", addr);
		return -1;
	}
	if (hl >= sizeof host || strlen(colon + 1) >= sizeof port) {
		*cause = xasprintf("listen tcp: address %s: too long", addr);
		return -1;
	}
	memcpy(host, addr, hl);
	host[hl] = '\0';
	snprintf(port, sizeof port, "%s", colon + 1);
	/* Go listens dual-stack for the unspecified addresses. */
	any = hl == 0 || strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0;
	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	hints.ai_family = any ? AF_INET6 : AF_UNSPEC;
	err = getaddrinfo(any ? "::" : host, *port != '\0' ? port : "0", &hints, &res);
	if (err != 0 && any) {
		/* No IPv6 here: IPv4 alone. */
		hints.ai_family = AF_INET;
		err = getaddrinfo(NULL, *port != '\0' ? port : "0", &hints, &res);
	}
	if (err != 0) {
		*cause = xasprintf("listen tcp: lookup %s: %s", addr, gai_strerror(err));
		return -1;
	}
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd == -1)
		goto fail;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (res->ai_family == AF_INET6 && any)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
	if (bind(fd, res->ai_addr, res->ai_addrlen) == -1 || listen(fd, 128) == -1)
		goto fail;
	freeaddrinfo(res);
	return fd;
fail:
	*cause = xasprintf("listen tcp %s: bind: %s", addr, strerror(errno));
	if (fd != -1)
		close(fd);
	freeaddrinfo(res);
	return -1;
}

struct api *
api_start(const char *addr, int paused, const char *executor, char **cause)
{
	struct api *a;
	int fd, i;

	if ((fd = listen_on(addr, cause)) == -1)
		return NULL;
	a = xcalloc(1, sizeof *a);
	a->fd = fd;
	a->paused = paused;
	a->executor = xstrdup(executor);
	pthread_mutex_init(&a->lock, NULL);
	if (pipe2(a->wake_main, O_CLOEXEC | O_NONBLOCK) == -1 ||
	    pipe2(a->wake_api, O_CLOEXEC | O_NONBLOCK) == -1) {
		*cause = xasprintf("REST API: pipe: %s", strerror(errno));
		goto fail;
	}
	a->J = js_newstate(NULL, NULL, 0);
	if (a->J == NULL || js_dostring(a->J, patch_js) != 0) {
		*cause = xstrdup("REST API: cannot start its JavaScript");
		goto fail;
	}
	a->base = event_base_new();
	a->http = evhttp_new(a->base);
	evhttp_set_allowed_methods(a->http, EVHTTP_REQ_GET | EVHTTP_REQ_POST |
	    EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE | EVHTTP_REQ_OPTIONS |
	    EVHTTP_REQ_TRACE | EVHTTP_REQ_CONNECT | EVHTTP_REQ_PATCH);
	evhttp_set_max_body_size(a->http, API_BODY_CAP);
	evhttp_set_timeout(a->http, 60);
	evhttp_set_default_content_type(a->http, NULL);
	evhttp_set_gencb(a->http, route, a);
	if (evhttp_accept_socket(a->http, fd) == -1) {
		*cause = xasprintf("listen tcp %s: cannot serve", addr);
		goto fail;
	}
	a->wake_ev = event_new(a->base, a->wake_api[0], EV_READ | EV_PERSIST, wake_api_cb, a);
	event_add(a->wake_ev, NULL);
	if ((i = pthread_create(&a->thread, NULL, api_thread, a)) != 0) {
		*cause = xasprintf("REST API: cannot start its thread: %s", strerror(i));
		goto fail;
	}
	a->running = 1;
	return a;
fail:
	api_free(a);
	return NULL;
}

void
api_free(struct api *a)
{
	struct api_call_item *it;

	if (a == NULL)
		return;
	if (a->running) {
		pthread_mutex_lock(&a->lock);
		a->quit = 1;
		pthread_mutex_unlock(&a->lock);
		wake(a->wake_api[1]);
		pthread_join(a->thread, NULL);
	}
	/* Calls nobody served are dropped with their connections. */
	while ((it = a->todo) != NULL) {
		a->todo = it->next;
		free(it->body);
		free(it);
	}
	if (a->wake_ev != NULL)
		event_free(a->wake_ev);
	if (a->http != NULL)
		evhttp_free(a->http);
	else if (a->fd != -1)
		close(a->fd);
	if (a->base != NULL)
		event_base_free(a->base);
	if (a->J != NULL)
		js_freestate(a->J);
	if (a->wake_main[0] > 0) {
		close(a->wake_main[0]);
		close(a->wake_main[1]);
	}
	if (a->wake_api[0] > 0) {
		close(a->wake_api[0]);
		close(a->wake_api[1]);
	}
	pthread_mutex_destroy(&a->lock);
	free(a->executor);
	free(a);
}

int
api_listen_fd(const struct api *a)
{
	return a != NULL ? a->fd : -1;
}

int
api_fd(const struct api *a)
{
	return a->wake_main[0];
}

void
api_drain(struct api *a)
{
	char b[64];

	while (read(a->wake_main[0], b, sizeof b) > 0)
		;
}

void
api_publish(struct api *a, const struct api_state *st)
{
	if (a == NULL)
		return;
	pthread_mutex_lock(&a->lock);
	a->st = *st;
	pthread_mutex_unlock(&a->lock);
}

static int
locked_read(struct api *a, const int *flag)
{
	int v;

	if (a == NULL)
		return 0;
	pthread_mutex_lock(&a->lock);
	v = *flag;
	pthread_mutex_unlock(&a->lock);
	return v;
}

int
api_paused(struct api *a)
{
	return locked_read(a, &a->paused);
}

int
api_stopped(struct api *a)
{
	return a != NULL ? locked_read(a, &a->stopped) : 0;
}

void
api_set_stopped(struct api *a)
{
	if (a == NULL)
		return;
	pthread_mutex_lock(&a->lock);
	a->stopped = 1;
	pthread_mutex_unlock(&a->lock);
}

void
api_serve(struct api *a, api_handler fn, void *arg)
{
	struct api_call_item *list, *it, **tail;

	if (a == NULL)
		return;
	api_drain(a);
	pthread_mutex_lock(&a->lock);
	list = a->todo;
	a->todo = NULL;
	pthread_mutex_unlock(&a->lock);
	if (list == NULL)
		return;
	for (it = list; it != NULL; it = it->next)
		it->code = fn(arg, it->call, it->body, &it->out);
	pthread_mutex_lock(&a->lock);
	for (tail = &a->done; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = list;
	pthread_mutex_unlock(&a->lock);
	wake(a->wake_api[1]);
}
