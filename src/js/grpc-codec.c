/* Protobuf messages to and from JavaScript values, as k6 does through
 * protojson: field names in lowerCamelCase (the original names accepted
 * too), 64-bit integers as strings, enums as names, bytes as base64,
 * NaN and the infinities as strings, the well-known types in their JSON
 * forms (Timestamp, Duration, wrappers, Struct, Value, ListValue, Empty,
 * FieldMask), and on output every field that is not in a oneof, with its
 * default when absent (EmitUnpopulated).
 *
 * Encoding reads the value on the stack and appends to a struct buf;
 * decoding pushes one value.  Both return 0, or -1 with an owned *cause
 * naming the field at fault. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <math.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "js/grpc.h"
#include "js/modules.h"
#include "proto/proto.h"
#include "proto/wire.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Messages nested deeper than this are refused both ways. */
#define CODEC_DEPTH	100

static const char b64std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int	encode_message(js_State *, int, const struct proto_message *,
		    struct buf *, int, char **);
/* Decoding's errors: the message does not decode (cause), or it has no
 * JSON form (json, see no_json). */
struct dec {
	char	*cause;
	char	*json;
};

static int	decode_message(js_State *, const struct proto_message *,
		    struct wire, int, struct dec *);

static int
wkt(const struct proto_message *m, const char *name)
{
	return strncmp(m->name, "google.protobuf.", 16) == 0 &&
	    strcmp(m->name + 16, name) == 0;
}

static int
is_wrapper(const struct proto_message *m)
{
	static const char *const w[] = { "DoubleValue", "FloatValue", "Int64Value",
	    "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue",
	    "BytesValue", NULL };
	size_t i;

	for (i = 0; w[i] != NULL; i++)
		if (wkt(m, w[i]))
			return 1;
	return 0;
}

static int
is64(enum proto_type t)
{
	return t == PROTO_INT64 || t == PROTO_UINT64 || t == PROTO_FIXED64 ||
	    t == PROTO_SFIXED64 || t == PROTO_SINT64;
}

static int
wire_type(const struct proto_field *f)
{
	switch (f->type) {
	case PROTO_DOUBLE: case PROTO_FIXED64: case PROTO_SFIXED64:
		return WIRE_I64;
	case PROTO_FLOAT: case PROTO_FIXED32: case PROTO_SFIXED32:
		return WIRE_I32;
	case PROTO_STRING: case PROTO_BYTES: case PROTO_MESSAGE:
		return WIRE_LEN;
	case PROTO_GROUP:
		return WIRE_SGROUP;
	default:
		return WIRE_VARINT;
	}
}

static int bad(char **, const struct proto_field *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(char **cause, const struct proto_field *f, const char *fmt, ...)
{
	va_list ap;
	struct buf b = BUF_INIT;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	*cause = xasprintf("field %s: %s", f->name, b.data != NULL ? b.data : "");
	buf_free(&b);
	return -1;
}

/* Insert the length of what was appended since start before it. */
static int
prefix_len(struct buf *b, size_t start)
{
	unsigned char tmp[WIRE_VARINT_MAX];
	size_t len = b->len - start, n = wire_varint_encode(tmp, len);

	if (buf_reserve(b, n) < 0)
		return -1;
	memmove(b->data + start + n, b->data + start, len);
	memcpy(b->data + start, tmp, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

/* A JavaScript number or numeric string as an integer of type t. */
static int
to_int(js_State *J, int idx, const struct proto_field *f, uint64_t *out,
    char **cause)
{
	const char *s;
	char *end;
	double d;
	int uns = f->type == PROTO_UINT64 || f->type == PROTO_FIXED64 ||
	    f->type == PROTO_UINT32 || f->type == PROTO_FIXED32;

	if (js_isnumber(J, idx)) {
		d = js_tonumber(J, idx);
		if (d != floor(d) || isinf(d) || (uns && d < 0))
			return bad(cause, f, "invalid value %s for an integer",
			    js_tostring(J, idx));
		if (uns)
			*out = (uint64_t)d;
		else
			*out = (uint64_t)(int64_t)d;
	} else if (js_isstring(J, idx)) {
		s = js_tostring(J, idx);
		errno = 0;
		if (uns && *s != '-')
			*out = strtoull(s, &end, 10);
		else
			*out = (uint64_t)strtoll(s, &end, 10);
		if (*s == '\0' || *end != '\0' || errno != 0 || (uns && *s == '-'))
			return bad(cause, f, "invalid value \"%s\" for an integer", s);
	} else
		return bad(cause, f, "invalid value %s for an integer", js_tostring(J, idx));
	if (!is64(f->type)) {
		if (uns ? *out > UINT32_MAX : ((int64_t)*out < INT32_MIN ||
		    (int64_t)*out > INT32_MAX))
			return bad(cause, f, "value %s out of range",
			    js_tostring(J, idx));
	}
	return 0;
}

static int
to_double(js_State *J, int idx, const struct proto_field *f, double *d, char **cause)
{
	const char *s;
	char *end;

	if (js_isnumber(J, idx)) {
		*d = js_tonumber(J, idx);
		return 0;
	}
	if (!js_isstring(J, idx))
		return bad(cause, f, "invalid value %s for a number", js_tostring(J, idx));
	s = js_tostring(J, idx);
	if (strcmp(s, "NaN") == 0)
		*d = NAN;
	else if (strcmp(s, "Infinity") == 0)
		*d = INFINITY;
	else if (strcmp(s, "-Infinity") == 0)
		*d = -INFINITY;
	else {
		*d = strtod(s, &end);
		if (*s == '\0' || *end != '\0')
			return bad(cause, f, "invalid value \"%s\" for a number", s);
	}
	return 0;
}

/* One value of field f (not a list) from the value at idx. */
static int
encode_value(js_State *J, int idx, const struct proto_field *f, struct buf *b,
    int depth, char **cause)
{
	struct buf tmp = BUF_INIT;
	const struct proto_enum_value *ev;
	uint64_t u;
	double d;
	size_t start;
	int rc;

	switch (f->type) {
	case PROTO_DOUBLE:
		if (to_double(J, idx, f, &d, cause) < 0)
			return -1;
		memcpy(&u, &d, 8);
		return wire_put_fixed64(b, u);
	case PROTO_FLOAT: {
		float fl;
		uint32_t u32;

		if (to_double(J, idx, f, &d, cause) < 0)
			return -1;
		fl = (float)d;
		memcpy(&u32, &fl, 4);
		return wire_put_fixed32(b, u32);
	}
	case PROTO_BOOL:
		if (!js_isboolean(J, idx))
			return bad(cause, f, "invalid value %s for a bool", js_tostring(J, idx));
		return wire_put_varint(b, js_toboolean(J, idx));
	case PROTO_STRING:
		if (!js_isstring(J, idx))
			return bad(cause, f, "invalid value %s for a string",
			    js_tostring(J, idx));
		/* UTF-16 made UTF-8 as Go does it for k6. */
		rc = format_go_string(&tmp, js_tostring(J, idx));
		rc = rc < 0 || wire_put_varint(b, tmp.len) < 0 ||
		    buf_add(b, tmp.data, tmp.len) < 0;
		buf_free(&tmp);
		return rc ? -1 : 0;
	case PROTO_BYTES:
		if (!js_isstring(J, idx))
			return bad(cause, f, "invalid value %s for bytes (base64)",
			    js_tostring(J, idx));
		if (encoding_unb64(js_tostring(J, idx), b64std, &tmp) < 0 &&
		    encoding_unb64(js_tostring(J, idx), b64url, &tmp) < 0) {
			buf_free(&tmp);
			return bad(cause, f, "invalid base64 \"%s\"", js_tostring(J, idx));
		}
		rc = wire_put_varint(b, tmp.len) < 0 || buf_add(b, tmp.data, tmp.len) < 0;
		buf_free(&tmp);
		return rc ? -1 : 0;
	case PROTO_ENUM:
		if (js_isstring(J, idx)) {
			ev = proto_enum_by_name(f->en, js_tostring(J, idx));
			if (ev == NULL)
				return bad(cause, f, "invalid value for enum: \"%s\"",
				    js_tostring(J, idx));
			return wire_put_varint(b, (uint64_t)(int64_t)ev->number);
		}
		if (!js_isnumber(J, idx) || js_tonumber(J, idx) != floor(js_tonumber(J, idx)))
			return bad(cause, f, "invalid value %s for an enum",
			    js_tostring(J, idx));
		return wire_put_varint(b, (uint64_t)(int64_t)js_tonumber(J, idx));
	case PROTO_MESSAGE:
		start = b->len;
		if (encode_message(J, idx, f->msg, b, depth + 1, cause) < 0)
			return -1;
		return prefix_len(b, start);
	case PROTO_GROUP:
		return bad(cause, f, "groups are not supported");
	case PROTO_SINT32: case PROTO_SINT64:
		if (to_int(J, idx, f, &u, cause) < 0)
			return -1;
		return wire_put_varint(b, (u << 1) ^ (uint64_t)((int64_t)u >> 63));
	case PROTO_FIXED32: case PROTO_SFIXED32:
		if (to_int(J, idx, f, &u, cause) < 0)
			return -1;
		return wire_put_fixed32(b, (uint32_t)u);
	case PROTO_FIXED64: case PROTO_SFIXED64:
		if (to_int(J, idx, f, &u, cause) < 0)
			return -1;
		return wire_put_fixed64(b, u);
	case PROTO_INT32:
		if (to_int(J, idx, f, &u, cause) < 0)
			return -1;
		return wire_put_varint(b, (uint64_t)(int64_t)(int32_t)u);
	default:
		if (to_int(J, idx, f, &u, cause) < 0)
			return -1;
		return wire_put_varint(b, u);
	}
}

/* Whether the value at idx is the default of f's type, which proto3
 * does not send for a field without presence. */
static int
is_default(js_State *J, int idx, const struct proto_field *f)
{
	const char *s;

	if (f->type == PROTO_MESSAGE || f->presence || f->oneof != 0)
		return 0;
	if (js_isboolean(J, idx))
		return !js_toboolean(J, idx);
	if (js_isnumber(J, idx))
		return js_tonumber(J, idx) == 0 && !signbit(js_tonumber(J, idx));
	if (js_isstring(J, idx)) {
		s = js_tostring(J, idx);
		if (f->type == PROTO_ENUM)
			return f->en->nvalues > 0 && strcmp(s, f->en->values[0].name) == 0 &&
			    f->en->values[0].number == 0;
		if (f->type == PROTO_STRING || f->type == PROTO_BYTES)
			return *s == '\0';
		return strcmp(s, "0") == 0;
	}
	return 0;
}

/* Field f (with the tag) from the value at idx, lists and maps too. */
static int
encode_field(js_State *J, int idx, const struct proto_field *f, struct buf *b,
    int depth, char **cause)
{
	const char *key;
	size_t start = 0;
	int i, n, rc = -1;

	if (js_isnull(J, idx) && !(f->type == PROTO_MESSAGE && wkt(f->msg, "Value")))
		return 0;
	if (f->repeated && f->msg != NULL && f->msg->map_entry) {
		if (!js_isobject(J, idx) || js_isarray(J, idx))
			return bad(cause, f, "a map must be an object, not %s",
			    js_tostring(J, idx));
		js_pushiterator(J, idx, 1);
		while ((key = js_nextiterator(J, -1)) != NULL) {
			if (wire_put_tag(b, (uint32_t)f->number, WIRE_LEN) < 0)
				goto out;
			start = b->len;
			/* The key as its type: a string goes through to_int. */
			js_pushstring(J, key);
			if (f->msg->fields[0].type == PROTO_BOOL) {
				js_pop(J, 1);
				js_pushboolean(J, strcmp(key, "true") == 0);
			}
			if (wire_put_tag(b, 1, wire_type(&f->msg->fields[0])) < 0 ||
			    encode_value(J, -1, &f->msg->fields[0], b, depth, cause) < 0) {
				js_pop(J, 1);
				goto out;
			}
			js_pop(J, 1);
			js_getproperty(J, idx < 0 ? idx - 1 : idx, key);
			if (!js_isnull(J, -1) && (wire_put_tag(b, 2,
			    wire_type(&f->msg->fields[1])) < 0 ||
			    encode_value(J, -1, &f->msg->fields[1], b, depth, cause) < 0)) {
				js_pop(J, 1);
				goto out;
			}
			js_pop(J, 1);
			if (prefix_len(b, start) < 0)
				goto out;
		}
		rc = 0;
out:
		js_pop(J, 1);
		return rc;
	}
	if (f->repeated) {
		if (!js_isarray(J, idx))
			return bad(cause, f, "a list must be an array, not %s",
			    js_tostring(J, idx));
		n = js_getlength(J, idx);
		if (n == 0)
			return 0;
		if (f->packed) {
			if (wire_put_tag(b, (uint32_t)f->number, WIRE_LEN) < 0)
				return -1;
			start = b->len;
		}
		for (i = 0; i < n; i++) {
			js_getindex(J, idx, i);
			if ((!f->packed && wire_put_tag(b, (uint32_t)f->number,
			    wire_type(f)) < 0) ||
			    encode_value(J, -1, f, b, depth, cause) < 0) {
				js_pop(J, 1);
				return -1;
			}
			js_pop(J, 1);
		}
		return f->packed ? prefix_len(b, start) : 0;
	}
	if (is_default(J, idx, f))
		return 0;
	if (wire_put_tag(b, (uint32_t)f->number, wire_type(f)) < 0)
		return -1;
	return encode_value(J, idx, f, b, depth, cause);
}

/* An optional ".999999999" at *pp, as nanoseconds (1 to 9 digits); the
 * cursor moves past it.  0, or -1. */
static int
parse_fraction(const char **pp, int32_t *nanos)
{
	const char *p = *pp;
	int digits = 0;
	int32_t n = 0;

	*nanos = 0;
	if (*p != '.')
		return 0;
	for (p++; *p >= '0' && *p <= '9'; p++, digits++)
		if (digits < 9)
			n = n * 10 + (*p - '0');
	if (digits == 0 || digits > 9)
		return -1;
	for (; digits < 9; digits++)
		n *= 10;
	*nanos = n;
	*pp = p;
	return 0;
}

/* "2006-01-02T15:04:05.999999999Z" or with an offset: seconds and nanos. */
static int
parse_timestamp(const char *s, int64_t *sec, int32_t *nanos)
{
	struct tm tm;
	const char *p;
	int sign, oh, om;

	memset(&tm, 0, sizeof tm);
	p = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (p == NULL || parse_fraction(&p, nanos) < 0)
		return -1;
	*sec = (int64_t)timegm(&tm);
	if (*p == 'Z' && p[1] == '\0')
		return 0;
	if ((*p == '+' || *p == '-') && sscanf(p + 1, "%2d:%2d", &oh, &om) == 2 &&
	    strlen(p) == 6) {
		sign = *p == '+' ? 1 : -1;
		*sec -= sign * (oh * 3600 + om * 60);
		return 0;
	}
	return -1;
}

/* "1.5s", "-0.000000001s" */
static int
parse_duration(const char *s, int64_t *sec, int32_t *nanos)
{
	const char *p = s;
	int neg = 0;
	int64_t n = 0;
	int32_t ns;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (INT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (*p - '0');
	}
	if (parse_fraction(&p, &ns) < 0 || strcmp(p, "s") != 0)
		return -1;
	*sec = neg ? -n : n;
	*nanos = neg ? -ns : ns;
	return 0;
}

static int
put_sec_nanos(struct buf *b, int64_t sec, int32_t nanos)
{
	if (sec != 0 && (wire_put_tag(b, 1, WIRE_VARINT) < 0 ||
	    wire_put_varint(b, (uint64_t)sec) < 0))
		return -1;
	if (nanos != 0 && (wire_put_tag(b, 2, WIRE_VARINT) < 0 ||
	    wire_put_varint(b, (uint64_t)(int64_t)nanos) < 0))
		return -1;
	return 0;
}

/* The well-known types given in their JSON forms; 1 if m is not one. */
static int
encode_wkt(js_State *J, int idx, const struct proto_message *m, struct buf *b,
    int depth, char **cause)
{
	int64_t sec;
	int32_t nanos;
	const char *s;
	char *paths, *p, *tok, *save, *snake, *o;
	size_t start;
	int i, n;

	if (wkt(m, "Timestamp") || wkt(m, "Duration")) {
		if (!js_isstring(J, idx) || (wkt(m, "Timestamp") ?
		    parse_timestamp(js_tostring(J, idx), &sec, &nanos) :
		    parse_duration(js_tostring(J, idx), &sec, &nanos)) < 0) {
			*cause = xasprintf("invalid %s value %s", m->name,
			    js_tostring(J, idx));
			return -1;
		}
		return put_sec_nanos(b, sec, nanos);
	}
	if (is_wrapper(m)) {
		/* Sent even when it is the default: that is the point. */
		if (wire_put_tag(b, 1, wire_type(&m->fields[0])) < 0)
			return -1;
		return encode_value(J, idx, &m->fields[0], b, depth, cause);
	}
	if (wkt(m, "Value")) {
		if (js_isnull(J, idx) || js_isundefined(J, idx))
			return wire_put_tag(b, 1, WIRE_VARINT) < 0 ||
			    wire_put_varint(b, 0) < 0 ? -1 : 0;
		if (js_isnumber(J, idx))
			return encode_field(J, idx, &m->fields[1], b, depth, cause);
		for (i = 2; i < 6; i++) {
			const struct proto_field *f = &m->fields[i];

			if ((i == 2 && js_isstring(J, idx)) ||
			    (i == 3 && js_isboolean(J, idx)) ||
			    (i == 5 && js_isarray(J, idx)) ||
			    (i == 4 && js_isobject(J, idx) && !js_isarray(J, idx))) {
				if (wire_put_tag(b, (uint32_t)f->number, wire_type(f)) < 0)
					return -1;
				return encode_value(J, idx, f, b, depth, cause);
			}
		}
		*cause = xasprintf("invalid google.protobuf.Value %s", js_tostring(J, idx));
		return -1;
	}
	if (wkt(m, "ListValue")) {
		if (!js_isarray(J, idx)) {
			*cause = xasprintf("invalid google.protobuf.ListValue %s",
			    js_tostring(J, idx));
			return -1;
		}
		n = js_getlength(J, idx);
		for (i = 0; i < n; i++) {
			js_getindex(J, idx, i);
			if (wire_put_tag(b, 1, WIRE_LEN) < 0) {
				js_pop(J, 1);
				return -1;
			}
			start = b->len;
			if (encode_message(J, -1, m->fields[0].msg, b, depth + 1, cause) < 0 ||
			    prefix_len(b, start) < 0) {
				js_pop(J, 1);
				return -1;
			}
			js_pop(J, 1);
		}
		return 0;
	}
	if (wkt(m, "Struct"))
		return encode_field(J, idx, &m->fields[0], b, depth, cause);
	if (wkt(m, "FieldMask")) {
		if (!js_isstring(J, idx)) {
			*cause = xasprintf("invalid google.protobuf.FieldMask %s",
			    js_tostring(J, idx));
			return -1;
		}
		paths = xstrdup(js_tostring(J, idx));
		for (tok = strtok_r(paths, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			snake = xmalloc(strlen(tok) * 2 + 1);
			for (p = tok, o = snake; *p != '\0'; p++) {
				if (*p >= 'A' && *p <= 'Z') {
					*o++ = '_';
					*o++ = (char)(*p - 'A' + 'a');
				} else
					*o++ = *p;
			}
			*o = '\0';
			n = wire_put_tag(b, 1, WIRE_LEN) < 0 ||
			    wire_put_varint(b, strlen(snake)) < 0 ||
			    buf_puts(b, snake) < 0;
			free(snake);
			if (n) {
				free(paths);
				return -1;
			}
		}
		free(paths);
		return 0;
	}
	if (wkt(m, "Any")) {
		s = m->name;
		*cause = xasprintf("%s is not supported", s);
		return -1;
	}
	return 1;
}

static int
encode_message(js_State *J, int idx, const struct proto_message *m, struct buf *b,
    int depth, char **cause)
{
	const struct proto_field *f;
	const char *key;
	int rc;

	if (depth > CODEC_DEPTH) {
		*cause = xasprintf("%s: nested deeper than %d", m->name, CODEC_DEPTH);
		return -1;
	}
	if ((rc = encode_wkt(J, idx, m, b, depth, cause)) <= 0)
		return rc;
	if (js_isundefined(J, idx) || js_isnull(J, idx))
		return 0;
	if (!js_isobject(J, idx) || js_isarray(J, idx)) {
		*cause = xasprintf("%s: expected an object, got %s", m->name,
		    js_tostring(J, idx));
		return -1;
	}
	js_pushiterator(J, idx, 1);
	while ((key = js_nextiterator(J, -1)) != NULL) {
		if ((f = proto_message_field_named(m, key)) == NULL) {
			*cause = xasprintf("unknown field \"%s\" in %s", key, m->name);
			goto fail;
		}
		js_getproperty(J, idx < 0 ? idx - 1 : idx, key);
		if (js_isundefined(J, -1) || js_iscallable(J, -1)) {
			js_pop(J, 1);
			continue;
		}
		if (encode_field(J, -1, f, b, depth, cause) < 0) {
			js_pop(J, 1);
			goto fail;
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return 0;
fail:
	if (*cause == NULL)
		*cause = xasprintf("%s: message larger than the limit", m->name);
	js_pop(J, 1);
	return -1;
}

int
grpc_codec_encode(js_State *J, int idx, const struct proto_message *m,
    struct buf *out, char **cause)
{
	int top = js_gettop(J);

	if (idx < 0)
		idx += top;
	if (encode_message(J, idx, m, out, 0, cause) < 0) {
		if (*cause == NULL)
			*cause = xasprintf("%s: message larger than the limit", m->name);
		return -1;
	}
	return 0;
}

/* Decoding. */

static void
push_u64(js_State *J, uint64_t v, int sign)
{
	char s[24];

	snprintf(s, sizeof s, sign ? "%" PRId64 : "%" PRIu64, sign ? (int64_t)v : v);
	js_pushstring(J, s);
}

static void
push_double(js_State *J, double d, int is_float)
{
	char s[32];
	int p;

	if (isnan(d))
		js_pushliteral(J, "NaN");
	else if (isinf(d))
		js_pushliteral(J, d > 0 ? "Infinity" : "-Infinity");
	else if (is_float) {
		/* The shortest decimal that is the same float, as protojson
		 * prints a float. */
		for (p = 1; p < 9; p++) {
			snprintf(s, sizeof s, "%.*g", p, d);
			if ((float)strtod(s, NULL) == (float)d)
				break;
		}
		snprintf(s, sizeof s, "%.*g", p, d);
		js_pushnumber(J, strtod(s, NULL));
	} else
		js_pushnumber(J, d);
}

/* The default of f's type, as EmitUnpopulated shows it. */
static void
push_default(js_State *J, const struct proto_field *f)
{
	if (f->repeated) {
		if (f->msg != NULL && f->msg->map_entry)
			js_newobject(J);
		else
			js_newarray(J);
		return;
	}
	switch (f->type) {
	case PROTO_MESSAGE: case PROTO_GROUP:
		js_pushnull(J);
		break;
	case PROTO_BOOL:
		js_pushboolean(J, 0);
		break;
	case PROTO_STRING: case PROTO_BYTES:
		js_pushliteral(J, "");
		break;
	case PROTO_ENUM: {
		const struct proto_enum_value *ev = proto_enum_by_number(f->en, 0);

		if (ev != NULL)
			js_pushstring(J, ev->name);
		else
			js_pushnumber(J, 0);
		break;
	}
	default:
		if (is64(f->type))
			js_pushliteral(J, "0");
		else
			js_pushnumber(J, 0);
	}
}

/* One scalar of f from w (wire type t), pushed. */
static int
decode_scalar(js_State *J, const struct proto_field *f, struct wire *w, int depth,
    struct dec *d)
{
	struct wire sub;
	struct buf tmp = BUF_INIT;
	uint64_t v;
	uint32_t v32;
	double dv;
	float fl;
	const struct proto_enum_value *ev;

	switch (wire_type(f)) {
	case WIRE_I64:
		if (wire_fixed64(w, &v) < 0)
			goto trunc;
		if (f->type == PROTO_DOUBLE) {
			memcpy(&dv, &v, 8);
			push_double(J, dv, 0);
		} else
			push_u64(J, v, f->type == PROTO_SFIXED64);
		return 0;
	case WIRE_I32:
		if (wire_fixed32(w, &v32) < 0)
			goto trunc;
		if (f->type == PROTO_FLOAT) {
			memcpy(&fl, &v32, 4);
			push_double(J, fl, 1);
		} else if (f->type == PROTO_SFIXED32)
			js_pushnumber(J, (int32_t)v32);
		else
			js_pushnumber(J, v32);
		return 0;
	case WIRE_LEN:
		if (wire_len(w, &sub) < 0)
			goto trunc;
		if (f->type == PROTO_STRING) {
			if (f->utf8 && !utf8_valid(sub.p, (size_t)(sub.end - sub.p))) {
				d->cause = xstrdup("string field contains invalid UTF-8");
				return -1;
			}
			encoding_push_bytes(J, sub.p, (size_t)(sub.end - sub.p));
		}
		else if (f->type == PROTO_BYTES) {
			encoding_b64(sub.p, (size_t)(sub.end - sub.p), b64std, 1, &tmp);
			js_pushstring(J, tmp.data != NULL ? tmp.data : "");
			buf_free(&tmp);
		} else
			return decode_message(J, f->msg, sub, depth + 1, d);
		return 0;
	default:
		if (wire_varint(w, &v) < 0)
			goto trunc;
		switch (f->type) {
		case PROTO_BOOL:
			js_pushboolean(J, v != 0);
			break;
		case PROTO_ENUM:
			ev = proto_enum_by_number(f->en, (int32_t)v);
			if (ev != NULL)
				js_pushstring(J, ev->name);
			else
				js_pushnumber(J, (int32_t)v);
			break;
		case PROTO_INT32:
			js_pushnumber(J, (int32_t)v);
			break;
		case PROTO_UINT32:
			js_pushnumber(J, (uint32_t)v);
			break;
		case PROTO_SINT32:
			js_pushnumber(J, (int32_t)((uint32_t)v >> 1) ^ -(int32_t)(v & 1));
			break;
		case PROTO_SINT64:
			push_u64(J, (v >> 1) ^ (uint64_t)-(int64_t)(v & 1), 1);
			break;
		default:
			push_u64(J, v, f->type == PROTO_INT64);
		}
		return 0;
	}
trunc:
	d->cause = xasprintf("field %s: truncated value", f->name);
	return -1;
}

/* Append the value on top to the array at idx. */
static void
append(js_State *J, int idx)
{
	js_setindex(J, idx, js_getlength(J, idx));
}

/* A well-known type's JSON form from its generic object on top. */
/* A well-known type that decodes but has no JSON form, as protojson
 * refuses to marshal it: the first such reason, in Go's words, in
 * d->json, and null for the value in place of the npop values on top.
 * Decoding goes on: a message that does not decode is that error, as Go
 * unmarshals it all before it marshals. */
static int
no_json(js_State *J, struct dec *d, int npop, const char *fmt, ...)
{
	va_list ap;
	struct buf b = BUF_INIT;

	if (d->json == NULL) {
		buf_puts(&b, "failed to marshal the message: proto: ");
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		d->json = b.data;
	}
	js_pop(J, npop);
	js_pushnull(J);
	return 0;
}

/* Timestamp and Duration's limits, as protojson has them. */
#define TS_MIN_SEC	(-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define TS_MAX_SEC	253402300799LL		/* 9999-12-31T23:59:59Z */
#define DUR_MAX_SEC	315576000000LL		/* 10,000 years */

static int
wkt_form(js_State *J, const struct proto_message *m, struct wire w, struct dec *d)
{
	int64_t sec = 0;
	int32_t nanos = 0;
	uint64_t v;
	uint32_t f;
	int t, i, n;
	struct buf b = BUF_INIT;
	const char *nv;

	if (wkt(m, "Timestamp") || wkt(m, "Duration")) {
		while (w.p < w.end && wire_tag(&w, &f, &t) == 0) {
			if (t != WIRE_VARINT || wire_varint(&w, &v) < 0)
				break;
			if (f == 1)
				sec = (int64_t)v;
			else if (f == 2)
				nanos = (int32_t)v;
		}
		if (wkt(m, "Timestamp") && (sec < TS_MIN_SEC || sec > TS_MAX_SEC))
			return no_json(J, d, 1, "%s: seconds out of range %" PRId64, m->name, sec);
		if (wkt(m, "Timestamp") && (nanos < 0 || nanos > 999999999))
			return no_json(J, d, 1, "%s: nanos out of range %" PRId32, m->name, nanos);
		if (wkt(m, "Duration") && (sec < -DUR_MAX_SEC || sec > DUR_MAX_SEC))
			return no_json(J, d, 1, "%s: seconds out of range %" PRId64, m->name, sec);
		if (wkt(m, "Duration") && (nanos < -999999999 || nanos > 999999999))
			return no_json(J, d, 1, "%s: nanos out of range %" PRId32, m->name, nanos);
		if (wkt(m, "Duration") && ((sec > 0 && nanos < 0) || (sec < 0 && nanos > 0)))
			return no_json(J, d, 1, "%s: signs of seconds and nanos do not match",
			    m->name);
		js_pop(J, 1);
		if (wkt(m, "Timestamp")) {
			time_t tt = (time_t)sec;
			struct tm tm;
			char s[64];

			gmtime_r(&tt, &tm);
			strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%S", &tm);
			buf_puts(&b, s);
		} else {
			buf_printf(&b, "%s%" PRId64, sec < 0 || nanos < 0 ? "-" : "",
			    sec < 0 ? -sec : sec);
			nanos = nanos < 0 ? -nanos : nanos;
		}
		/* 0, 3, 6 or 9 digits, as protojson. */
		if (nanos % 1000000 == 0 && nanos != 0)
			buf_printf(&b, ".%03d", nanos / 1000000);
		else if (nanos % 1000 == 0 && nanos != 0)
			buf_printf(&b, ".%06d", nanos / 1000);
		else if (nanos != 0)
			buf_printf(&b, ".%09d", nanos);
		buf_puts(&b, wkt(m, "Timestamp") ? "Z" : "s");
		js_pushstring(J, b.data);
		buf_free(&b);
	} else if (is_wrapper(m)) {
		js_getproperty(J, -1, "value");
		js_rot2pop1(J);
	} else if (wkt(m, "Struct")) {
		js_getproperty(J, -1, "fields");
		js_rot2pop1(J);
	} else if (wkt(m, "ListValue")) {
		js_getproperty(J, -1, "values");
		js_rot2pop1(J);
	} else if (wkt(m, "Value")) {
		/* null_value, number_value, string_value, bool_value,
		 * struct_value, list_value: the one that is set. */
		for (i = 0; i < 6 && !js_hasproperty(J, -1, m->fields[i].json_name); i++)
			;
		if (i == 6)
			return no_json(J, d, 1, "%s: none of the oneof fields is set", m->name);
		if (i == 1 && js_isstring(J, -1)) {
			nv = js_tostring(J, -1);
			return no_json(J, d, 2, "%s.%s: invalid %s value", m->name,
			    m->fields[i].name, strcmp(nv, "NaN") == 0 ? "NaN" :
			    nv[0] == '-' ? "-Inf" : "+Inf");
		}
		if (i == 0) {
			js_pop(J, 2);
			js_pushnull(J);
		} else
			js_rot2pop1(J);
	} else if (wkt(m, "FieldMask")) {
		js_getproperty(J, -1, "paths");
		n = js_getlength(J, -1);
		for (i = 0; i < n; i++) {
			char *cam;

			js_getindex(J, -1, i);
			cam = proto_json_name(js_tostring(J, -1));
			js_pop(J, 1);
			buf_printf(&b, "%s%s", i > 0 ? "," : "", cam);
			free(cam);
		}
		js_pop(J, 2);
		js_pushstring(J, b.data != NULL ? b.data : "");
		buf_free(&b);
	}
	return 0;
}

static int
decode_message(js_State *J, const struct proto_message *m, struct wire w,
    int depth, struct dec *d)
{
	const struct proto_field *f;
	struct wire all = w, sub;
	uint32_t num;
	size_t i;
	int t, obj;

	if (depth > CODEC_DEPTH) {
		d->cause = xasprintf("%s: nested deeper than %d", m->name, CODEC_DEPTH);
		return -1;
	}
	js_newobject(J);
	obj = js_gettop(J) - 1;
	for (i = 0; i < m->nfields; i++) {
		if (m->fields[i].oneof != 0)
			continue;
		push_default(J, &m->fields[i]);
		js_setproperty(J, obj, m->fields[i].json_name);
	}
	while (w.p < w.end) {
		if (wire_tag(&w, &num, &t) < 0)
			goto malformed;
		f = proto_message_field(m, (int32_t)num);
		if (f == NULL) {
			if (wire_skip(&w, t) < 0)
				goto malformed;
			continue;
		}
		if (f->repeated && f->msg != NULL && f->msg->map_entry) {
			if (t != WIRE_LEN || wire_len(&w, &sub) < 0)
				goto malformed;
			js_getproperty(J, obj, f->json_name);
			if (decode_message(J, f->msg, sub, depth + 1, d) < 0)
				return -1;
			js_getproperty(J, -1, "key");
			js_getproperty(J, -2, "value");
			js_setproperty(J, -4, js_tostring(J, -2));
			js_pop(J, 3);
			continue;
		}
		if (f->repeated && t == WIRE_LEN && wire_type(f) != WIRE_LEN) {
			/* Packed, whatever the field says, as parsers must. */
			if (wire_len(&w, &sub) < 0)
				goto malformed;
			js_getproperty(J, obj, f->json_name);
			while (sub.p < sub.end) {
				if (decode_scalar(J, f, &sub, depth, d) < 0)
					return -1;
				append(J, -2);
			}
			js_pop(J, 1);
			continue;
		}
		if (t != wire_type(f) || t == WIRE_SGROUP) {
			d->cause = xasprintf("field %s of %s: wire type %d, expected %d",
			    f->name, m->name, t, wire_type(f));
			return -1;
		}
		if (f->repeated) {
			js_getproperty(J, obj, f->json_name);
			if (decode_scalar(J, f, &w, depth, d) < 0)
				return -1;
			append(J, -2);
			js_pop(J, 1);
		} else {
			if (decode_scalar(J, f, &w, depth, d) < 0)
				return -1;
			js_setproperty(J, obj, f->json_name);
		}
	}
	if (strncmp(m->name, "google.protobuf.", 16) == 0)
		return wkt_form(J, m, all, d);
	return 0;
malformed:
	d->cause = xasprintf("%s: malformed message", m->name);
	return -1;
}

int
grpc_codec_decode(js_State *J, const struct proto_message *m,
    const unsigned char *p, size_t n, char **cause)
{
	struct dec d = { NULL, NULL };
	struct wire w;
	int top = js_gettop(J);

	if (p == NULL)		/* an empty message, as an empty buf has it */
		p = (const unsigned char *)"";
	w.p = p;
	w.end = p + n;

	if (decode_message(J, m, w, 0, &d) < 0) {
		js_pop(J, js_gettop(J) - top);
		free(d.json);
		*cause = d.cause;
		return -1;
	}
	if (d.json != NULL) {
		js_pop(J, js_gettop(J) - top);
		*cause = d.json;
		return GRPC_CODEC_JSON;
	}
	return 0;
}
