/* libFuzzer target for src/proto: any bytes as a .proto file (whose
 * imports are the built-in well-known types) and as a FileDescriptorSet
 * must fail cleanly or give a resolved pool.  Built by make fuzz-proto. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "proto/proto.h"
#include "util/log.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* xmalloc's fatal path, without the whole logger. */
void
log_write(FILE *f, enum log_level level, const char *fields, const char *msg)
{
	fprintf(f, "%s\n", msg);
}

static char *
no_file(void *arg, const char *name, size_t *len)
{
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proto_pool *p;
	char *cause = NULL;

	p = proto_pool_new();
	if (proto_pool_parse(p, "fuzz.proto", (const char *)data, size, no_file,
	    NULL, &cause) < 0 && cause == NULL)
		abort();
	free(cause);
	cause = NULL;
	proto_pool_free(p);
	p = proto_pool_new();
	if (proto_pool_add_set(p, data, size, 1, &cause) < 0 && cause == NULL)
		abort();
	free(cause);
	proto_pool_free(p);
	return 0;
}
