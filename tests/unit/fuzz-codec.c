/* libFuzzer target for the gRPC codec (src/js/grpc-codec.c), which reads
 * what a server sends: any bytes as a lyocell.test.AllTypes message of
 * tests/grpc/route.proto (every kind of field, the well-known types)
 * must fail cleanly, or decode to a value that encodes again into bytes
 * that decode to the same value (compared as JSON text).  Built by make
 * fuzz-codec. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mujs.h>

#include "js/binary.h"
#include "js/grpc.h"
#include "js/modules.h"
#include "proto/proto.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static js_State *J;
static struct proto_pool *pool;
static const struct proto_message *msg;

/* xmalloc's fatal path, without the whole logger. */
void
log_write(FILE *f, enum log_level level, const char *fields, const char *msg)
{
	fprintf(f, "%s\n", msg);
}

/* src/js/binary.c's, which src/js/encoding.c needs: decoded values are
 * strings, never binary. */
int
binary_get(js_State *J, int idx, const unsigned char **p, size_t *n)
{
	return -1;
}

void
binary_push_arraybuffer(js_State *J, const void *p, size_t n)
{
	abort();
}

static char *
read_proto(void *arg, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", FUZZ_PROTO_DIR, name);
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *f;

	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_putc(&b, '\0');
	*len = b.len - 1;
	return b.data;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *cause = NULL;

	pool = proto_pool_new();
	if (proto_pool_load(pool, "route.proto", read_proto, NULL, &cause) < 0 ||
	    (msg = proto_pool_message(pool, "lyocell.test.AllTypes")) == NULL) {
		fprintf(stderr, "fuzz-codec: route.proto: %s\n", cause ? cause : "no AllTypes");
		exit(1);
	}
	J = js_newstate(NULL, NULL, 0);
	return 0;
}

/* The JSON text of the value on top, popped; owned. */
static char *
json(void)
{
	char *s;

	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot3(J);
	js_rot2(J);
	if (js_pcall(J, 1) != 0)
		abort();
	s = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b = BUF_INIT;
	char *cause = NULL, *first, *again;

	if (grpc_codec_decode(J, msg, data, size, &cause) < 0) {
		if (cause == NULL)
			abort();
		free(cause);
		return 0;
	}
	js_copy(J, -1);
	first = json();
	if (grpc_codec_encode(J, js_gettop(J) - 1, msg, &b, &cause) < 0) {
		fprintf(stderr, "decoded %s but it does not encode: %s\n", first, cause);
		abort();
	}
	js_pop(J, 1);
	if (grpc_codec_decode(J, msg, (const unsigned char *)b.data, b.len, &cause) < 0) {
		fprintf(stderr, "%s encodes to bytes that do not decode: %s\n", first, cause);
		abort();
	}
	again = json();
	if (strcmp(first, again) != 0) {
		fprintf(stderr, "decoded %s\nencoded and decoded again %s\n", first, again);
		abort();
	}
	free(first);
	free(again);
	buf_free(&b);
	js_gc(J, 0);
	return 0;
}
