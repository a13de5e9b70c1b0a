/* The protobuf wire format's primitives; see wire.h. */
#include "config.h"

#include "proto/wire.h"
#include "util/buf.h"

int
wire_varint(struct wire *w, uint64_t *v)
{
	uint64_t x = 0;
	int shift;

	for (shift = 0; shift < 64; shift += 7) {
		if (w->p >= w->end)
			return -1;
		x |= (uint64_t)(*w->p & 0x7f) << shift;
		if ((*w->p++ & 0x80) == 0) {
			*v = x;
			return 0;
		}
	}
	return -1;
}

int
wire_tag(struct wire *w, uint32_t *field, int *type)
{
	uint64_t v;

	if (wire_varint(w, &v) < 0 || (v >> 3) == 0 || (v >> 3) > 536870911)
		return -1;
	*field = (uint32_t)(v >> 3);
	*type = (int)(v & 7);
	return 0;
}

int
wire_len(struct wire *w, struct wire *sub)
{
	uint64_t n;

	if (wire_varint(w, &n) < 0 || n > (uint64_t)(w->end - w->p))
		return -1;
	sub->p = w->p;
	sub->end = w->p + n;
	w->p += n;
	return 0;
}

int
wire_fixed32(struct wire *w, uint32_t *v)
{
	if (w->end - w->p < 4)
		return -1;
	*v = (uint32_t)w->p[0] | (uint32_t)w->p[1] << 8 | (uint32_t)w->p[2] << 16 |
	    (uint32_t)w->p[3] << 24;
	w->p += 4;
	return 0;
}

int
wire_fixed64(struct wire *w, uint64_t *v)
{
	uint32_t lo, hi;

	if (wire_fixed32(w, &lo) < 0 || wire_fixed32(w, &hi) < 0)
		return -1;
	*v = (uint64_t)hi << 32 | lo;
	return 0;
}

int
wire_skip(struct wire *w, int type)
{
	struct wire sub;
	uint64_t v;
	uint32_t f;
	int t;
	long depth;

	switch (type) {
	case WIRE_VARINT:
		return wire_varint(w, &v);
	case WIRE_I64:
		return wire_fixed64(w, &v);
	case WIRE_LEN:
		return wire_len(w, &sub);
	case WIRE_I32:
		return wire_fixed32(w, &f);
	case WIRE_SGROUP:
		/* A group of unknown fields, skipped to its end tag without
		 * recursion, however deep its groups nest. */
		for (depth = 1; depth > 0;) {
			if (wire_tag(w, &f, &t) < 0)
				return -1;
			if (t == WIRE_SGROUP)
				depth++;
			else if (t == WIRE_EGROUP)
				depth--;
			else if (wire_skip(w, t) < 0)
				return -1;
		}
		return 0;
	default:
		return -1;
	}
}

size_t
wire_varint_encode(unsigned char *out, uint64_t v)
{
	size_t n = 0;

	do {
		out[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			out[n] |= 0x80;
		n++;
	} while (v != 0);
	return n;
}

int
wire_put_varint(struct buf *b, uint64_t v)
{
	unsigned char tmp[WIRE_VARINT_MAX];

	return buf_add(b, tmp, wire_varint_encode(tmp, v));
}

int
wire_put_tag(struct buf *b, uint32_t field, int type)
{
	return wire_put_varint(b, (uint64_t)field << 3 | (unsigned)type);
}

int
wire_put_fixed32(struct buf *b, uint32_t v)
{
	unsigned char tmp[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	    (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	return buf_add(b, tmp, 4);
}

int
wire_put_fixed64(struct buf *b, uint64_t v)
{
	if (wire_put_fixed32(b, (uint32_t)v) < 0)
		return -1;
	return wire_put_fixed32(b, (uint32_t)(v >> 32));
}
