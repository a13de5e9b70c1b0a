/* k6/net/grpc's primitives (P in src/js/jsmod/grpc.js) and its VU state.
 *
 * A VU's clients are numbered handles into its struct grpc_vu, so that
 * JavaScript holds no C pointer: each has its descriptor pool (filled by
 * load, loadProtoset or reflection) and its connection.  A call blocks
 * the VU in grpc_conn_wait until it ends, then its grpc_req_duration is
 * emitted with k6's tags.  Everything is freed with the VU. */
#include "config.h"

#include <errno.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "js/grpc.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "metrics/metric.h"
#include "proto/proto.h"
#include "proto/wire.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* grpc-go's default limits. */
#define GRPC_MAX_RECV	(4 * 1024 * 1024)
#define GRPC_MAX_SEND	(2147483647)

static const char b64std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Whether a metadata name is a binary one, whose values are base64 on
 * the wire. */
static int
binary_name(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, "-bin") == 0;
}

static void	grpc_vu_free(struct vu *);

const struct engine_module grpc_engine_module = {
	.name = "k6/net/grpc",
	.run_ready = grpc_async_run_ready,
	.pending = grpc_async_pending,
	.iteration_end = grpc_async_cancel,
	.interrupt = grpc_async_cancel,
	.vu_free = grpc_vu_free,
};

/* k6's metrics of the module, declared at its import in the init
 * context, as k6 registers them with the module. */
static uint32_t
declare(struct vu *vu, const char *name, enum sink_type type,
    enum metric_contains contains)
{
	struct metric *m;
	char *cause = NULL;

	m = metric_registry_declare(vu_metric_registry(vu), name, type, contains, &cause);
	free(cause);
	return m != NULL ? m->id : 0;
}

struct grpc_vu *
grpc_vu(struct vu *vu)
{
	struct grpc_vu *g = vu_module_data(vu, &grpc_engine_module);

	if (g == NULL) {
		g = xcalloc(1, sizeof *g);
		g->req_duration = declare(vu, "grpc_req_duration", SINK_TREND, METRIC_TIME);
		g->streams = declare(vu, "grpc_streams", SINK_COUNTER, METRIC_DEFAULT);
		g->msgs_sent = declare(vu, "grpc_streams_msgs_sent", SINK_COUNTER,
		    METRIC_DEFAULT);
		g->msgs_received = declare(vu, "grpc_streams_msgs_received",
		    SINK_COUNTER, METRIC_DEFAULT);
		vu_module_set(vu, &grpc_engine_module, g);
	}
	return g;
}

static void
grpc_vu_free(struct vu *vu)
{
	struct grpc_vu *g = vu_module_data(vu, &grpc_engine_module);
	size_t i;

	if (g == NULL)
		return;
	grpc_async_free(vu);
	for (i = 0; i < g->nclients; i++) {
		grpc_conn_free(g->clients[i].conn);
		proto_pool_free(g->clients[i].pool);
		free(g->clients[i].addr);
	}
	free(g->clients);
	free(g);
	vu_module_set(vu, &grpc_engine_module, NULL);
}

struct client *
grpc_client(js_State *J, int idx)
{
	struct grpc_vu *g = grpc_vu(vu_of(J));
	double h = js_tonumber(J, idx);

	if (!(h >= 0 && h < (double)g->nclients))
		js_error(J, "not a gRPC client");
	return &g->clients[(size_t)h];
}

static void
throw_cause(js_State *J, char *cause)
{
	js_pushstring(J, cause);
	free(cause);
	js_error(J, "%s", js_tostring(J, -1));
}

/* P.client(): a new client's handle. */
static void
p_client(js_State *J)
{
	struct grpc_vu *g = grpc_vu(vu_of(J));

	g->clients = xreallocarray(g->clients, g->nclients + 1, sizeof *g->clients);
	memset(&g->clients[g->nclients], 0, sizeof *g->clients);
	g->clients[g->nclients].pool = proto_pool_new();
	js_pushnumber(J, (double)g->nclients++);
}

/* The methods of the pool from index from on, as k6's MethodInfo. */
static void
push_methods(js_State *J, const struct proto_pool *pool, size_t from)
{
	const struct proto_method *m;
	size_t i;
	int n = 0;

	js_newarray(J);
	for (i = from; i < proto_pool_nmethods(pool); i++) {
		m = proto_pool_method_at(pool, i);
		js_newobject(J);
		js_pushstring(J, m->package);
		js_setproperty(J, -2, "package");
		js_pushstring(J, m->service + (*m->package != '\0' ?
		    strlen(m->package) + 1 : 0));
		js_setproperty(J, -2, "service");
		js_pushstring(J, m->path);
		js_setproperty(J, -2, "fullMethod");
		js_setindex(J, -2, n++);
	}
}

struct reader {
	char	**paths;
	size_t	  npaths;
};

static char *
read_path(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	buf_init(&b, 64 * 1024 * 1024);
	if (buf_read(&b, f) < 0) {
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* The parser's reader: name in each import path, in order. */
static char *
read_import(void *arg, const char *name, size_t *len)
{
	struct reader *r = arg;
	char *path, *text;
	size_t i;

	if (name[0] == '/')
		return read_path(name, len);
	for (i = 0; i < r->npaths; i++) {
		path = xasprintf("%s/%s", r->paths[i], name);
		text = read_path(path, len);
		free(path);
		if (text != NULL)
			return text;
	}
	return NULL;
}

/* P.load(client, importPaths, files) */
static void
p_load(js_State *J)
{
	struct client *c = grpc_client(J, 1);
	struct reader r = { NULL, 0 };
	size_t from = proto_pool_nmethods(c->pool), i;
	char *cause = NULL;
	int n, k, rc = 0;

	if (js_isarray(J, 2) && (n = js_getlength(J, 2)) > 0) {
		for (k = 0; k < n; k++) {
			js_getindex(J, 2, k);
			r.paths = xreallocarray(r.paths, r.npaths + 1, sizeof *r.paths);
			r.paths[r.npaths++] = modules_script_path(J, js_tostring(J, -1));
			js_pop(J, 1);
		}
	} else {
		r.paths = xmalloc(sizeof *r.paths);
		r.paths[r.npaths++] = modules_script_path(J, ".");
	}
	n = js_getlength(J, 3);
	for (k = 0; k < n && rc == 0; k++) {
		js_getindex(J, 3, k);
		rc = proto_pool_load(c->pool, js_tostring(J, -1), read_import, &r, &cause);
		js_pop(J, 1);
	}
	for (i = 0; i < r.npaths; i++)
		free(r.paths[i]);
	free(r.paths);
	if (rc < 0)
		throw_cause(J, cause);
	push_methods(J, c->pool, from);
}

/* P.loadProtoset(client, path) */
static void
p_load_protoset(js_State *J)
{
	struct client *c = grpc_client(J, 1);
	size_t from = proto_pool_nmethods(c->pool), len = 0;
	char *path, *data, *cause = NULL;

	path = modules_script_path(J, js_tostring(J, 2));
	data = read_path(path, &len);
	if (data == NULL) {
		cause = xasprintf("couldn't open protoset: open %s: %s", path,
		    strerror(errno));
		free(path);
		throw_cause(J, cause);
	}
	free(path);
	if (proto_pool_add_set(c->pool, (unsigned char *)data, len, 1, &cause) < 0) {
		free(data);
		path = xasprintf("couldn't unmarshal protoset file %s: %s",
		    js_tostring(J, 2), cause);
		free(cause);
		throw_cause(J, path);
	}
	free(data);
	push_methods(J, c->pool, from);
}

/* Wait for c to end; -1 if the VU was interrupted (c is then cancelled). */
static int
call_wait(struct grpc_conn *cn, struct grpc_call *c)
{
	while (!grpc_call_done(c))
		if (grpc_conn_wait(cn) < 0) {
			grpc_call_cancel(c, "context canceled");
			return -1;
		}
	return 0;
}

/* Server reflection (grpc.reflection.v1alpha): list the services, then
 * ask for the file of each with its dependencies, over one stream. */
static int
reflect(struct vu *vu, struct client *cl, const char *const *md, size_t nmd,
    int *interrupted, char **cause)
{
	struct grpc_call *c;
	struct buf req = BUF_INIT;
	struct wire w, sub, s2, s3;
	const unsigned char *msg;
	char **svcs = NULL;
	size_t nsvcs = 0, len, i, asked = 0;
	uint32_t f, f2, f3;
	int t, t2, t3, rc = -1;

	*interrupted = 0;
	c = grpc_call_start(cl->conn, "/grpc.reflection.v1alpha.ServerReflection/"
	    "ServerReflectionInfo", md, nmd, 0, cl->max_recv, cause);
	if (c == NULL)
		return -1;
	/* list_services = 7 */
	wire_put_tag(&req, 7, WIRE_LEN);
	wire_put_varint(&req, 0);
	grpc_call_send(c, req.data, req.len);
	for (;;) {
		while ((msg = grpc_call_message(c, &len)) == NULL && !grpc_call_done(c))
			if (grpc_conn_wait(cl->conn) < 0) {
				*interrupted = 1;
				*cause = xstrdup("interrupted");
				goto out;
			}
		if (msg == NULL) {
			const char *m;
			int st = grpc_call_status(c, &m);

			if (st != GRPC_OK || asked < nsvcs) {
				*cause = xasprintf("can't list services: rpc error: code = %s "
				    "desc = %s", grpc_code_name(st), m);
				goto out;
			}
			break;
		}
		w.p = msg;
		w.end = msg + len;
		while (w.p < w.end) {
			if (wire_tag(&w, &f, &t) < 0)
				goto malformed;
			if (t != WIRE_LEN || (f != 4 && f != 6 && f != 7)) {
				if (wire_skip(&w, t) < 0)
					goto malformed;
				continue;
			}
			if (wire_len(&w, &sub) < 0)
				goto malformed;
			if (f == 7) {	/* error_response: code 1, message 2 */
				*cause = xstrdup("server reflection error");
				goto out;
			}
			while (sub.p < sub.end) {
				if (wire_tag(&sub, &f2, &t2) < 0)
					goto malformed;
				if (t2 != WIRE_LEN || f2 != 1) {
					if (wire_skip(&sub, t2) < 0)
						goto malformed;
					continue;
				}
				if (wire_len(&sub, &s2) < 0)
					goto malformed;
				if (f == 4) {	/* file_descriptor_proto */
					if (proto_pool_add_set(cl->pool, s2.p,
					    (size_t)(s2.end - s2.p), 0, cause) < 0)
						goto out;
					continue;
				}
				/* ServiceResponse.name = 1 */
				while (s2.p < s2.end) {
					if (wire_tag(&s2, &f3, &t3) < 0)
						goto malformed;
					if (f3 == 1 && t3 == WIRE_LEN) {
						if (wire_len(&s2, &s3) < 0)
							goto malformed;
						svcs = xreallocarray(svcs, nsvcs + 1, sizeof *svcs);
						svcs[nsvcs++] = xstrndup((const char *)s3.p,
						    (size_t)(s3.end - s3.p));
					} else if (wire_skip(&s2, t3) < 0)
						goto malformed;
				}
			}
		}
		/* Ask for the next service's file, or end. */
		while (asked < nsvcs && strncmp(svcs[asked], "grpc.reflection.", 16) == 0)
			asked++;
		if (asked < nsvcs) {
			buf_reset(&req);
			wire_put_tag(&req, 4, WIRE_LEN);	/* file_containing_symbol */
			wire_put_varint(&req, strlen(svcs[asked]));
			buf_puts(&req, svcs[asked]);
			asked++;
			grpc_call_send(c, req.data, req.len);
		} else {
			grpc_call_close_send(c);
			asked = nsvcs;
		}
	}
	rc = proto_pool_resolve(cl->pool, cause);
	grpc_emit_duration(vu, vu_tags(vu), GRPC_OK, c);
	goto out;
malformed:
	*cause = xstrdup("can't list services: malformed reflection response");
out:
	grpc_call_free(c);
	buf_free(&req);
	for (i = 0; i < nsvcs; i++)
		free(svcs[i]);
	free(svcs);
	return rc;
}

/* Metadata [name, value, ...] at idx as an owned array of owned strings
 * (mujs keeps short strings in the stack slot, gone once popped). */
static char **
metadata(js_State *J, int idx, size_t *n)
{
	char **md;
	int i, len = js_isarray(J, idx) ? js_getlength(J, idx) & ~1 : 0;

	md = xreallocarray(NULL, (size_t)len + 1, sizeof *md);
	for (i = 0; i < len; i++) {
		js_getindex(J, idx, i);
		if (i % 2 == 1 && binary_name(md[i - 1])) {
			/* The bytes, base64 without padding as grpc-go sends. */
			struct buf raw = BUF_INIT, b64 = BUF_INIT;

			encoding_bytes(J, -1, &raw);
			encoding_b64((const unsigned char *)raw.data, raw.len, b64std, 0, &b64);
			md[i] = b64.data != NULL ? buf_steal(&b64) : xstrdup("");
			buf_free(&raw);
		} else
			md[i] = xstrdup(js_tostring(J, -1));
		js_pop(J, 1);
	}
	md[len] = NULL;
	*n = (size_t)len / 2;
	return md;
}

static void
strv_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* The string property name of the object at idx, owned, or NULL. */
static char *
string_prop(js_State *J, int idx, const char *name)
{
	char *s;

	js_getproperty(J, idx, name);
	s = js_isstring(J, -1) ? xstrdup(js_tostring(J, -1)) : NULL;
	js_pop(J, 1);
	return s;
}

/* P.connect(client, addr, opts) with opts checked by grpc.js. */
static void
p_connect(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct client *c = grpc_client(J, 1);
	char *addr = xstrdup(js_tostring(J, 2)), **cacerts = NULL, **md = NULL;
	char *cert = NULL, *key = NULL, *password = NULL, *authority, *cause = NULL;
	struct grpc_tls tls, *tp = NULL;
	double timeout;
	size_t nmd;
	int interrupted = 0, i, n, rc;

	memset(&tls, 0, sizeof tls);
	js_getproperty(J, 3, "timeout");
	timeout = js_tonumber(J, -1);
	js_pop(J, 1);
	js_getproperty(J, 3, "maxReceiveSize");
	c->max_recv = js_tonumber(J, -1) > 0 ? (size_t)js_tonumber(J, -1) : GRPC_MAX_RECV;
	js_pop(J, 1);
	js_getproperty(J, 3, "maxSendSize");
	c->max_send = js_tonumber(J, -1) > 0 ? (size_t)js_tonumber(J, -1) : GRPC_MAX_SEND;
	js_pop(J, 1);
	js_getproperty(J, 3, "plaintext");
	if (!js_toboolean(J, -1)) {
		tp = &tls;
		tls.insecure = vu_opts(vu) != NULL && vu_opts(vu)->insecure_skip_tls_verify;
		js_getproperty(J, 3, "tls");
		if (js_isobject(J, -1)) {
			tls.cert = cert = string_prop(J, -1, "cert");
			tls.key = key = string_prop(J, -1, "key");
			tls.password = password = string_prop(J, -1, "password");
			js_getproperty(J, -1, "cacerts");
			n = js_isarray(J, -1) ? js_getlength(J, -1) : 0;
			cacerts = xreallocarray(NULL, (size_t)n + 1, sizeof *cacerts);
			for (i = 0; i < n; i++) {
				js_getindex(J, -1, i);
				cacerts[i] = xstrdup(js_tostring(J, -1));
				js_pop(J, 1);
			}
			cacerts[n] = NULL;
			tls.cacerts = (const char **)cacerts;
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	authority = string_prop(J, 3, "authority");
	grpc_conn_free(c->conn);
	modules_netblock(J, vu);
	c->conn = grpc_conn_new(vu, addr, tp, authority, timeout, &interrupted, &cause);
	free(authority);
	free(cert);
	free(key);
	free(password);
	strv_free(cacerts);
	if (c->conn == NULL) {
		free(addr);
		if (interrupted) {
			free(cause);
			vu_throw_interrupted(J);
		}
		throw_cause(J, cause);
	}
	free(c->addr);
	c->addr = addr;
	js_getproperty(J, 3, "reflect");
	if (js_toboolean(J, -1)) {
		js_getproperty(J, 3, "reflectMetadata");
		md = metadata(J, -1, &nmd);
		rc = reflect(vu, c, (const char *const *)md, nmd, &interrupted, &cause);
		strv_free(md);
		if (rc < 0) {
			if (interrupted) {
				free(cause);
				vu_throw_interrupted(J);
			}
			throw_cause(J, cause);
		}
	}
	js_pushboolean(J, 1);
}

/* Metadata pairs as k6 shows them: { name: [values] }, binary values
 * decoded. */
static void
push_md(js_State *J, const char *p, size_t len)
{
	const char *end = p + len, *name, *value;
	struct buf b = BUF_INIT;

	js_newobject(J);
	while (p != NULL && p < end) {
		name = p;
		value = name + strlen(name) + 1;
		p = value + strlen(value) + 1;
		if (!js_hasproperty(J, -1, name)) {
			js_newarray(J);
			js_copy(J, -1);
			js_setproperty(J, -3, name);
		}
		buf_reset(&b);
		if (binary_name(name) && encoding_unb64(value, b64std, &b) == 0)
			encoding_push_bytes(J, (const unsigned char *)b.data, b.len);
		else
			js_pushstring(J, value);
		js_setindex(J, -2, js_getlength(J, -2));
		js_pop(J, 1);
	}
	buf_free(&b);
}

/* The method path names in c's pool, or a throw. */
const struct proto_method *
grpc_method(js_State *J, struct client *c, const char *path)
{
	const struct proto_method *m;

	if (c->conn == NULL)
		js_error(J, "no gRPC connection, you must call connect first");
	if ((m = proto_pool_method(c->pool, path)) == NULL)
		js_error(J, "method \"%s\" not found in file descriptors", path);
	return m;
}

/* Encode the value at idx as message in into out, or throw. */
static void
encode(js_State *J, int idx, const struct proto_message *in, struct buf *out)
{
	char *cause = NULL, *msg;

	if (grpc_codec_encode(J, idx, in, out, &cause) < 0) {
		buf_free(out);
		msg = xasprintf("unable to serialise request object to protocol buffer: %s",
		    cause);
		free(cause);
		throw_cause(J, msg);
	}
}

/* Start a call of path on c with the metadata array at md_idx: the call,
 * or NULL with an owned *cause when the connection is gone. */
struct grpc_call *
grpc_start(js_State *J, struct client *c, const char *path, int md_idx,
    double timeout_ms, char **cause)
{
	struct grpc_call *call;
	size_t nmd;
	char **md;

	md = metadata(J, md_idx, &nmd);
	call = grpc_call_start(c->conn, path, (const char *const *)md, nmd, timeout_ms,
	    c->max_recv, cause);
	strv_free(md);
	return call;
}

/* The tags of a call of path on c: the VU's, the tags object at
 * tags_idx, then k6's system tags but status. */
uint32_t
grpc_tags(js_State *J, struct client *c, const char *path, int tags_idx,
    int has_name)
{
	struct vu *vu = vu_of(J);
	uint32_t tags = vu_tags(vu);
	const char *k;
	char *s;

	if (js_isobject(J, tags_idx)) {
		js_pushiterator(J, tags_idx, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_getproperty(J, tags_idx, k);
			tags = vu_tags_with(vu, tags, k, js_tostring(J, -1));
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	if (vu_system_tag(vu, "url")) {
		s = xasprintf("%s%s", c->addr, path);
		tags = vu_tags_with(vu, tags, "url", s);
		free(s);
	}
	s = xstrdup(path + 1);
	if (strchr(s, '/') != NULL)
		*strchr(s, '/') = '\0';
	if (vu_system_tag(vu, "service"))
		tags = vu_tags_with(vu, tags, "service", s);
	free(s);
	if (vu_system_tag(vu, "method"))
		tags = vu_tags_with(vu, tags, "method", strrchr(path, '/') + 1);
	if (vu_system_tag(vu, "name") && !has_name)
		tags = vu_tags_with(vu, tags, "name", path);
	if (vu_system_tag(vu, "ip"))
		tags = vu_tags_with(vu, tags, "ip", grpc_conn_ip(c->conn));
	return tags;
}

/* grpc_req_duration of the ended call, tagged with its status. */
void
grpc_emit_duration(struct vu *vu, uint32_t tags, int status,
    const struct grpc_call *call)
{
	char num[16];

	if (vu_system_tag(vu, "status")) {
		snprintf(num, sizeof num, "%d", status);
		tags = vu_tags_with(vu, tags, "status", num);
	}
	vu_emit(vu, grpc_vu(vu)->req_duration, tags,
	    (double)(grpc_call_ended(call) - grpc_call_began(call)) / 1e6);
}

/* The error object of a status: { code, message, details }. */
void
grpc_push_error(js_State *J, int status, const char *message)
{
	js_newobject(J);
	js_pushnumber(J, status);
	js_setproperty(J, -2, "code");
	js_pushstring(J, message);
	js_setproperty(J, -2, "message");
	js_newarray(J);
	js_setproperty(J, -2, "details");
}

/* Push the response of the ended unary call as k6 gives it (message,
 * error, headers, trailers, status) and emit its grpc_req_duration: 0.
 * A message with no JSON form is k6's exception instead: -1 with an
 * Error pushed. */
int
grpc_push_response(js_State *J, struct grpc_call *call, const struct proto_method *m,
    uint32_t tags, int discard)
{
	const unsigned char *resp;
	const char *smsg, *h;
	char *cause = NULL, *dmsg = NULL;
	size_t rlen, hlen;
	int status, rc = 0;

	status = grpc_call_status(call, &smsg);
	resp = grpc_call_message(call, &rlen);
	if (resp == NULL && status == GRPC_OK) {
		status = GRPC_INTERNAL;
		smsg = "grpc: the server sent no response message";
	}
	/* The message first: one that does not decode fails the call. */
	if (discard)
		js_pushnull(J);
	else if (status != GRPC_OK || (rc = grpc_codec_decode(J, m->out, resp, rlen,
	    &cause)) < 0) {
		if (rc == GRPC_CODEC_JSON) {
			grpc_emit_duration(vu_of(J), tags, status, call);
			dmsg = xasprintf("unable to convert response object to JSON: %s",
			    cause);
			js_newerror(J, dmsg);
			free(dmsg);
			free(cause);
			return -1;
		}
		if (cause != NULL) {
			status = GRPC_INTERNAL;
			dmsg = xasprintf("grpc: failed to unmarshal the received message: %s",
			    cause);
			smsg = dmsg;
			free(cause);
			cause = NULL;
		}
		/* The empty message, as k6 gives beside an error. */
		if (grpc_codec_decode(J, m->out, (const unsigned char *)"", 0,
		    &cause) < 0) {
			free(cause);
			js_pushnull(J);
		}
	}
	grpc_emit_duration(vu_of(J), tags, status, call);
	js_newobject(J);
	js_rot2(J);
	js_setproperty(J, -2, "message");
	if (status == GRPC_OK)
		js_pushnull(J);
	else
		grpc_push_error(J, status, smsg);
	js_setproperty(J, -2, "error");
	h = grpc_call_headers(call, &hlen);
	push_md(J, h, hlen);
	js_setproperty(J, -2, "headers");
	h = grpc_call_trailers(call, &hlen);
	push_md(J, h, hlen);
	js_setproperty(J, -2, "trailers");
	js_pushnumber(J, status);
	js_setproperty(J, -2, "status");
	free(dmsg);
	return 0;
}

/* The response of a call that could not start: UNAVAILABLE as grpc-go
 * says of a dead connection, RESOURCE_EXHAUSTED of a message too large.
 * Takes cause. */
static void
push_failure(js_State *J, int status, char *cause)
{
	js_newobject(J);
	js_pushnull(J);
	js_setproperty(J, -2, "message");
	grpc_push_error(J, status, cause);
	js_setproperty(J, -2, "error");
	js_newobject(J);
	js_setproperty(J, -2, "headers");
	js_newobject(J);
	js_setproperty(J, -2, "trailers");
	js_pushnumber(J, status);
	js_setproperty(J, -2, "status");
	free(cause);
}

/* Start the unary call of P.invoke's and P.asyncInvoke's arguments
 * (client, method, request, metadata, timeoutMs, tags, discard,
 * hasName), its request sent: the call, its method and tags; or NULL
 * with the response of a call that could not start pushed. */
struct grpc_call *
grpc_unary_start(js_State *J, const struct proto_method **mp, uint32_t *tags)
{
	struct client *c = grpc_client(J, 1);
	const char *path = js_tostring(J, 2);	/* stays in its stack slot */
	const struct proto_method *m = grpc_method(J, c, path);
	struct grpc_call *call;
	struct buf req = BUF_INIT;
	char *cause = NULL;

	encode(J, 3, m->in, &req);
	*tags = grpc_tags(J, c, path, 6, js_toboolean(J, 8));
	*mp = m;
	if (req.len > c->max_send) {
		cause = xasprintf("grpc: trying to send message larger than max (%zu vs. %zu)",
		    req.len, c->max_send);
		buf_free(&req);
		push_failure(J, GRPC_RESOURCE_EXHAUSTED, cause);
		return NULL;
	}
	if ((call = grpc_start(J, c, path, 4, js_tonumber(J, 5), &cause)) == NULL) {
		buf_free(&req);
		push_failure(J, GRPC_UNAVAILABLE, cause);
		return NULL;
	}
	grpc_call_send(call, req.data, req.len);
	grpc_call_close_send(call);
	buf_free(&req);
	return call;
}

/* P.invoke(...): the response, the VU blocked until the call ends. */
static void
p_invoke(js_State *J)
{
	struct client *c = grpc_client(J, 1);
	const struct proto_method *m;
	struct grpc_call *call;
	uint32_t tags;

	if ((call = grpc_unary_start(J, &m, &tags)) == NULL)
		return;
	if (call_wait(c->conn, call) < 0) {
		grpc_call_free(call);
		vu_throw_interrupted(J);
	}
	if (grpc_push_response(J, call, m, tags, js_toboolean(J, 7)) < 0) {
		grpc_call_free(call);
		js_throw(J);
	}
	grpc_call_free(call);
}

const char *
grpc_code_name(int code)
{
	static const char *const names[] = { "OK", "Canceled", "Unknown",
	    "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
	    "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted",
	    "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss",
	    "Unauthenticated" };

	return code >= 0 && code < 17 ? names[code] : "Unknown";
}

/* P.healthCheck(client, service): { status } of grpc.health.v1's Check,
 * or a throw with grpc-go's words. */
static void
p_health_check(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct client *c = grpc_client(J, 1);
	const char *svc = js_isstring(J, 2) ? js_tostring(J, 2) : "", *smsg;
	const unsigned char *msg;
	struct grpc_call *call;
	struct buf req = BUF_INIT;
	struct wire w;
	char *cause = NULL;
	uint64_t v, status = 0;
	uint32_t f;
	size_t len;
	int t, st;

	if (c->conn == NULL)
		js_error(J, "no gRPC connection, you must call connect first");
	if (*svc != '\0') {
		wire_put_tag(&req, 1, WIRE_LEN);
		wire_put_varint(&req, strlen(svc));
		buf_puts(&req, svc);
	}
	call = grpc_call_start(c->conn, "/grpc.health.v1.Health/Check", NULL, 0, 0,
	    c->max_recv, &cause);
	if (call == NULL) {
		buf_free(&req);
		throw_cause(J, cause);
	}
	grpc_call_send(call, req.data != NULL ? req.data : "", req.len);
	grpc_call_close_send(call);
	buf_free(&req);
	if (call_wait(c->conn, call) < 0) {
		grpc_call_free(call);
		vu_throw_interrupted(J);
	}
	st = grpc_call_status(call, &smsg);
	grpc_emit_duration(vu, vu_tags(vu), st, call);
	if (st != GRPC_OK) {
		cause = xasprintf("rpc error: code = %s desc = %s", grpc_code_name(st), smsg);
		grpc_call_free(call);
		throw_cause(J, cause);
	}
	if ((msg = grpc_call_message(call, &len)) != NULL) {
		w.p = msg;
		w.end = msg + len;
		while (w.p < w.end && wire_tag(&w, &f, &t) == 0) {
			if (f == 1 && t == WIRE_VARINT && wire_varint(&w, &v) == 0)
				status = v;
			else if (wire_skip(&w, t) < 0)
				break;
		}
	}
	grpc_call_free(call);
	js_newobject(J);
	js_pushnumber(J, (double)status);
	js_setproperty(J, -2, "status");
}

/* P.close(client) */
static void
p_close(js_State *J)
{
	struct client *c = grpc_client(J, 1);

	grpc_conn_free(c->conn);
	c->conn = NULL;
	js_pushundefined(J);
}

/* P.warn(fields, message): a warning as k6's logger writes the module's,
 * with fields ("key=value") or none, not console's source=console. */
static void
p_warn(js_State *J)
{
	log_msg(LOG_WARN, js_isstring(J, 1) ? js_tostring(J, 1) : NULL, "%s",
	    js_tostring(J, 2));
	js_pushundefined(J);
}

void
grpc_prims(js_State *J)
{
	modules_setfn(J, modules_in_init, "inInit", 0);
	modules_setfn(J, p_warn, "warn", 2);
	modules_setfn(J, p_client, "client", 0);
	modules_setfn(J, p_load, "load", 3);
	modules_setfn(J, p_load_protoset, "loadProtoset", 2);
	modules_setfn(J, p_connect, "connect", 3);
	modules_setfn(J, p_invoke, "invoke", 8);
	modules_setfn(J, p_close, "close", 1);
	modules_setfn(J, p_health_check, "healthCheck", 2);
	grpc_async_prims(J);
	/* The metrics exist from the import on. */
	grpc_vu(vu_of(J));
}
