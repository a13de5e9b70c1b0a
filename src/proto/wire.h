/* The protobuf wire format's primitives: varints, tags, lengths.  A
 * reader is a cursor over borrowed bytes; writers append to a struct buf
 * (util/buf.h) and return its -1 at the cap. */
#ifndef LYOCELL_PROTO_WIRE_H
#define LYOCELL_PROTO_WIRE_H

#include <stddef.h>
#include <stdint.h>

struct buf;

enum { WIRE_VARINT = 0, WIRE_I64 = 1, WIRE_LEN = 2, WIRE_SGROUP = 3,
    WIRE_EGROUP = 4, WIRE_I32 = 5 };

struct wire {
	const unsigned char	*p, *end;
};

/* Each returns 0, or -1 on truncated or malformed input. */
int	wire_varint(struct wire *, uint64_t *);
int	wire_tag(struct wire *, uint32_t *field, int *type);
/* A length-delimited value as a sub-reader. */
int	wire_len(struct wire *, struct wire *sub);
int	wire_fixed32(struct wire *, uint32_t *);
int	wire_fixed64(struct wire *, uint64_t *);
/* Skip the value of a field of wire type type. */
int	wire_skip(struct wire *, int type);

/* The varint of v into out (WIRE_VARINT_MAX bytes): its length. */
#define WIRE_VARINT_MAX	10
size_t	wire_varint_encode(unsigned char *out, uint64_t v);
int	wire_put_varint(struct buf *, uint64_t);
int	wire_put_tag(struct buf *, uint32_t field, int type);
int	wire_put_fixed32(struct buf *, uint32_t);
int	wire_put_fixed64(struct buf *, uint64_t);

#endif
