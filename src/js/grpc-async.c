/* asyncInvoke and grpc.Stream on the VU's event loop (engine/module.h).
 *
 * Each is a struct grpc_op in the VU's list, named to JavaScript by its
 * id.  The connection's callbacks only mark an op ready and wake the
 * loop (vu_loop_wake); run_ready, on the VU, then hands one event at a
 * time to the dispatcher grpc.js registered (registry "ly.grpc.dispatch"):
 * (id, "result", response) for an asyncInvoke, (id, "data", message),
 * (id, "error", { code, message, details }) and (id, "end") for a
 * stream, (id, "drop") for what the iteration's end cancelled.  An op is
 * pending until its end is handed over, so the iteration waits for its
 * streams as k6's does. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "js/grpc.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "proto/proto.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define DISPATCH	"ly.grpc.dispatch"

struct grpc_op {
	struct grpc_op			*next;
	unsigned			 id;
	struct vu			*vu;
	size_t				 client;	/* index: the array moves */
	struct grpc_call		*call;
	const struct proto_method	*m;
	uint32_t			 tags;
	int				 stream;
	int				 discard;
};

static void
op_ready(void *arg)
{
	struct grpc_op *op = arg;

	vu_loop_wake(op->vu);
}

static struct grpc_op *
op_new(js_State *J, size_t client, struct grpc_call *call,
    const struct proto_method *m, uint32_t tags, int stream, int discard)
{
	struct grpc_vu *g = grpc_vu(vu_of(J));
	struct grpc_op *op = xcalloc(1, sizeof *op);

	op->id = ++g->next_op;
	op->vu = vu_of(J);
	op->client = client;
	op->call = call;
	op->m = m;
	op->tags = tags;
	op->stream = stream;
	op->discard = discard;
	op->next = g->ops;
	g->ops = op;
	grpc_call_notify(call, op_ready, op);
	return op;
}

static struct grpc_op *
op_find(struct vu *vu, unsigned id)
{
	struct grpc_op *op;

	for (op = grpc_vu(vu)->ops; op != NULL; op = op->next)
		if (op->id == id)
			return op;
	return NULL;
}

static void
op_free(struct vu *vu, struct grpc_op *op)
{
	struct grpc_op **pp;

	for (pp = &grpc_vu(vu)->ops; *pp != NULL; pp = &(*pp)->next)
		if (*pp == op) {
			*pp = op->next;
			break;
		}
	grpc_call_free(op->call);
	free(op);
}

/* dispatch(id, kind, value on top): the value is popped. */
static void
dispatch(js_State *J, unsigned id, const char *kind)
{
	js_getregistry(J, DISPATCH);
	js_pushundefined(J);
	js_pushnumber(J, id);
	js_pushstring(J, kind);
	js_copy(J, -5);
	if (js_pcall(J, 3))
		vu_loop_throw(vu_of(J));	/* ends the iteration, as in k6 */
	else
		js_pop(J, 1);
	js_pop(J, 1);
}

/* One event of op; 1 if one was handed over. */
static int
op_run(js_State *J, struct grpc_op *op)
{
	struct vu *vu = op->vu;
	struct grpc_vu *g = grpc_vu(vu);
	const unsigned char *msg;
	const char *smsg;
	char *cause = NULL, *why;
	unsigned id = op->id;
	size_t len;
	int status, rc;

	if (op->stream && (msg = grpc_call_message(op->call, &len)) != NULL) {
		if (op->discard)
			js_pushnull(J);
		else if ((rc = grpc_codec_decode(J, op->m->out, msg, len, &cause)) < 0) {
			/* The stream ends with the failure, now (below):
			 * k6's error for one with no JSON form is not a
			 * status but Unknown with its words. */
			why = rc == GRPC_CODEC_JSON ? xstrdup(cause) :
			    xasprintf("grpc: failed to unmarshal the received message: %s",
			    cause);
			free(cause);
			grpc_call_fail(op->call, rc == GRPC_CODEC_JSON ? GRPC_UNKNOWN :
			    GRPC_INTERNAL, why);
			free(why);
		} else {
			vu_emit(vu, g->msgs_received, op->tags, 1);
			dispatch(J, id, "data");
			return 1;
		}
	}
	if (!grpc_call_done(op->call))
		return 0;
	if (!op->stream) {
		rc = grpc_push_response(J, op->call, op->m, op->tags, op->discard);
		op_free(vu, op);
		dispatch(J, id, rc < 0 ? "reject" : "result");
		return 1;
	}
	status = grpc_call_status(op->call, &smsg);
	grpc_emit_duration(vu, op->tags, status, op->call);
	if (status != GRPC_OK) {
		grpc_push_error(J, status, smsg);
		dispatch(J, id, "error");
	}
	op_free(vu, op);
	js_pushundefined(J);
	dispatch(J, id, "end");
	return 1;
}

int
grpc_async_run_ready(struct vu *vu)
{
	struct grpc_op *op, *next;

	if (vu_module_data(vu, &grpc_engine_module) == NULL)
		return 0;
	for (op = grpc_vu(vu)->ops; op != NULL; op = next) {
		next = op->next;
		if (op_run(vu_js(vu), op))
			return 1;
	}
	return 0;
}

int
grpc_async_pending(struct vu *vu)
{
	struct grpc_vu *g = vu_module_data(vu, &grpc_engine_module);
	struct grpc_op *op;
	int n = 0;

	for (op = g != NULL ? g->ops : NULL; op != NULL; op = op->next)
		n++;
	return n;
}

/* Not on the VU for an interrupt: the calls go, JavaScript is left
 * alone (its dispatcher forgets the ids at the next drop or never). */
void
grpc_async_cancel(struct vu *vu)
{
	grpc_async_free(vu);
}

void
grpc_async_free(struct vu *vu)
{
	struct grpc_vu *g = vu_module_data(vu, &grpc_engine_module);

	while (g != NULL && g->ops != NULL)
		op_free(vu, g->ops);
}

/* P.dispatch(fn): the function events go to. */
static void
p_dispatch(js_State *J)
{
	js_copy(J, 1);
	js_setregistry(J, DISPATCH);
	js_pushundefined(J);
}

/* P.asyncInvoke(client, method, request, metadata, timeoutMs, tags,
 * discard, hasName): the op's id, or the response of a call that could
 * not start. */
static void
p_async_invoke(js_State *J)
{
	const struct proto_method *m;
	struct grpc_call *call;
	uint32_t tags;

	if ((call = grpc_unary_start(J, &m, &tags)) == NULL)
		return;
	js_pushnumber(J, op_new(J, (size_t)js_tonumber(J, 1), call, m, tags, 0,
	    js_toboolean(J, 7))->id);
}

/* P.streamOpen(client, method, metadata, timeoutMs, tags, discard,
 * hasName): the stream's id. */
static void
p_stream_open(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct client *c = grpc_client(J, 1);
	const char *path = js_tostring(J, 2);
	const struct proto_method *m = grpc_method(J, c, path);
	struct grpc_call *call;
	char *cause = NULL, *why;
	uint32_t tags;

	tags = grpc_tags(J, c, path, 5, js_toboolean(J, 7));
	if ((call = grpc_start(J, c, path, 3, js_tonumber(J, 4), &cause)) == NULL) {
		why = xasprintf("failed to create a new stream: %s", cause);
		free(cause);
		js_pushstring(J, why);
		free(why);
		js_error(J, "%s", js_tostring(J, -1));
	}
	vu_emit(vu, grpc_vu(vu)->streams, tags, 1);
	js_pushnumber(J, op_new(J, (size_t)js_tonumber(J, 1), call, m, tags, 1,
	    js_toboolean(J, 6))->id);
}

/* P.streamWrite(id, message): a message that does not encode fails the
 * stream, as in k6. */
static void
p_stream_write(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct grpc_op *op = op_find(vu, (unsigned)js_tonumber(J, 1));
	struct grpc_vu *g = grpc_vu(vu);
	struct buf b = BUF_INIT;
	char *cause = NULL, *why;

	js_pushundefined(J);
	if (op == NULL || grpc_call_done(op->call))
		return;
	if (grpc_codec_encode(J, 2, op->m->in, &b, &cause) < 0) {
		why = xasprintf("unable to serialise request object to protocol buffer: %s",
		    cause);
		free(cause);
		grpc_call_fail(op->call, GRPC_UNKNOWN, why);
		free(why);
	} else if (b.len > g->clients[op->client].max_send) {
		why = xasprintf("grpc: trying to send message larger than max (%zu vs. %zu)",
		    b.len, g->clients[op->client].max_send);
		grpc_call_fail(op->call, GRPC_RESOURCE_EXHAUSTED, why);
		free(why);
	} else {
		grpc_call_send(op->call, b.data, b.len);
		vu_emit(vu, g->msgs_sent, op->tags, 1);
	}
	buf_free(&b);
}

/* P.streamEnd(id): no more messages from the client. */
static void
p_stream_end(js_State *J)
{
	struct grpc_op *op = op_find(vu_of(J), (unsigned)js_tonumber(J, 1));

	if (op != NULL)
		grpc_call_close_send(op->call);
	js_pushundefined(J);
}

void
grpc_async_prims(js_State *J)
{
	modules_setfn(J, p_dispatch, "dispatch", 1);
	modules_setfn(J, p_async_invoke, "asyncInvoke", 8);
	modules_setfn(J, p_stream_open, "streamOpen", 7);
	modules_setfn(J, p_stream_write, "streamWrite", 2);
	modules_setfn(J, p_stream_end, "streamEnd", 1);
}
