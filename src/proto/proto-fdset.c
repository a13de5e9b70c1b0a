/* FileDescriptorSet and FileDescriptorProto (descriptor.proto), decoded
 * by hand into the pool: what loadProtoset reads and what server
 * reflection answers.  Only the fields a client needs are read; the
 * others are skipped. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "proto/proto.h"
#include "proto/wire.h"
#include "util/xmalloc.h"

/* Nested messages deeper than this are refused, not recursed into. */
#define FDSET_DEPTH	100

struct fdctx {
	struct proto_pool	*pool;
	const char		*package;
	int			 proto3;
};

/* The string field number of the message in w, owned ("" if absent);
 * NULL if w is malformed. */
static char *
str_field(struct wire w, uint32_t number)
{
	struct wire sub;
	char *s = NULL;
	uint32_t f;
	int t;

	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			goto bad;
		if (f == number && t == WIRE_LEN) {
			if (wire_len(&w, &sub) < 0)
				goto bad;
			free(s);
			s = xstrndup((const char *)sub.p, (size_t)(sub.end - sub.p));
		} else if (wire_skip(&w, t) < 0)
			goto bad;
	}
	return s != NULL ? s : xstrdup("");
bad:
	free(s);
	return NULL;
}

static int
varint_field(struct wire *w, int t, uint64_t *v)
{
	return t == WIRE_VARINT ? wire_varint(w, v) : -1;
}

static int
enum_decode(struct fdctx *c, struct wire w, const char *scope)
{
	struct proto_enum *e;
	struct wire sub;
	char *name, *full, *vname;
	uint32_t f, vf;
	uint64_t v;
	int t, vt;
	int32_t num;

	if ((name = str_field(w, 1)) == NULL)
		return -1;
	full = *scope != '\0' ? xasprintf("%s.%s", scope, name) : xstrdup(name);
	free(name);
	e = proto_pool_add_enum(c->pool, full);
	free(full);
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			return -1;
		if (f != 2 || t != WIRE_LEN) {
			if (wire_skip(&w, t) < 0)
				return -1;
			continue;
		}
		if (wire_len(&w, &sub) < 0 || (vname = str_field(sub, 1)) == NULL)
			return -1;
		num = 0;
		while (sub.p < sub.end) {
			if (wire_tag(&sub, &vf, &vt) < 0 ||
			    (vf == 2 ? varint_field(&sub, vt, &v) : wire_skip(&sub, vt)) < 0) {
				free(vname);
				return -1;
			}
			if (vf == 2)
				num = (int32_t)v;
		}
		proto_enum_add_value(e, vname, num);
		free(vname);
	}
	return 0;
}

static int
field_decode(struct fdctx *c, struct proto_message *m, struct wire w)
{
	struct proto_field *fd = proto_message_add_field(m);
	struct wire sub;
	uint32_t f, of;
	uint64_t v;
	int t, ot, packed = -1, label = 1, proto3_optional = 0;

	fd->oneof = 0;
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			return -1;
		switch (f) {
		case 1: case 6: case 10:
			if (t != WIRE_LEN || wire_len(&w, &sub) < 0)
				return -1;
			{
				char *s = xstrndup((const char *)sub.p,
				    (size_t)(sub.end - sub.p));
				char **dst = f == 1 ? &fd->name : f == 6 ?
				    &fd->type_name : &fd->json_name;

				free(*dst);
				*dst = s;
			}
			break;
		case 3: case 4: case 5: case 9: case 17:
			if (varint_field(&w, t, &v) < 0)
				return -1;
			if (f == 3)
				fd->number = (int32_t)v;
			else if (f == 4)
				label = (int)v;
			else if (f == 5)
				fd->type = (enum proto_type)v;
			else if (f == 9)
				fd->oneof = (int)v + 1;
			else
				proto3_optional = v != 0;
			break;
		case 8:
			if (t != WIRE_LEN || wire_len(&w, &sub) < 0)
				return -1;
			while (sub.p < sub.end) {
				if (wire_tag(&sub, &of, &ot) < 0)
					return -1;
				if (of == 2) {
					if (varint_field(&sub, ot, &v) < 0)
						return -1;
					packed = v != 0;
				} else if (wire_skip(&sub, ot) < 0)
					return -1;
			}
			break;
		default:
			if (wire_skip(&w, t) < 0)
				return -1;
		}
	}
	if (fd->name == NULL || fd->type < PROTO_DOUBLE || fd->type > PROTO_SINT64)
		return -1;
	if (fd->json_name == NULL)
		fd->json_name = proto_json_name(fd->name);
	fd->repeated = label == 3;
	fd->presence = !fd->repeated && (!c->proto3 || proto3_optional || fd->oneof != 0);
	fd->utf8 = c->proto3 && fd->type == PROTO_STRING;
	if (!fd->repeated)
		fd->packed = 0;
	else if (packed >= 0)
		fd->packed = packed && proto_type_packable(fd->type);
	else
		fd->packed = c->proto3 && proto_type_packable(fd->type);
	if (fd->type == PROTO_MESSAGE || fd->type == PROTO_ENUM || fd->type == PROTO_GROUP) {
		if (fd->type_name == NULL)
			return -1;
		fd->scope = xstrdup(m->name);
	} else {
		free(fd->type_name);
		fd->type_name = NULL;
	}
	return 0;
}

static int
message_decode(struct fdctx *c, struct wire w, const char *scope, int depth)
{
	struct proto_message *m;
	struct wire sub, opt;
	char *name, *full;
	uint32_t f, of;
	uint64_t v;
	int t, ot, rc = -1;

	if (depth > FDSET_DEPTH || (name = str_field(w, 1)) == NULL)
		return -1;
	full = *scope != '\0' ? xasprintf("%s.%s", scope, name) : xstrdup(name);
	free(name);
	m = proto_pool_add_message(c->pool, full);
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			goto out;
		if (t != WIRE_LEN || (f != 2 && f != 3 && f != 4 && f != 7)) {
			if (wire_skip(&w, t) < 0)
				goto out;
			continue;
		}
		if (wire_len(&w, &sub) < 0)
			goto out;
		if (f == 2 && field_decode(c, m, sub) < 0)
			goto out;
		if (f == 3 && message_decode(c, sub, full, depth + 1) < 0)
			goto out;
		if (f == 4 && enum_decode(c, sub, full) < 0)
			goto out;
		if (f == 7) {
			opt = sub;
			while (opt.p < opt.end) {
				if (wire_tag(&opt, &of, &ot) < 0)
					goto out;
				if (of == 7 && ot == WIRE_VARINT) {
					if (wire_varint(&opt, &v) < 0)
						goto out;
					m->map_entry = v != 0;
				} else if (wire_skip(&opt, ot) < 0)
					goto out;
			}
		}
	}
	rc = 0;
out:
	free(full);
	return rc;
}

static int
service_decode(struct fdctx *c, struct wire w)
{
	struct proto_method *pm;
	struct wire sub, ms;
	char *svc, *mname = NULL, *in = NULL, *out = NULL;
	uint32_t f, mf;
	uint64_t v;
	int t, mt, cs, ss, rc = -1;

	if ((svc = str_field(w, 1)) == NULL)
		return -1;
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			goto out;
		if (f != 2 || t != WIRE_LEN) {
			if (wire_skip(&w, t) < 0)
				goto out;
			continue;
		}
		if (wire_len(&w, &sub) < 0)
			goto out;
		cs = ss = 0;
		ms = sub;
		while (ms.p < ms.end) {
			if (wire_tag(&ms, &mf, &mt) < 0)
				goto out;
			if (mf == 5 || mf == 6) {
				if (varint_field(&ms, mt, &v) < 0)
					goto out;
				*(mf == 5 ? &cs : &ss) = v != 0;
			} else if (wire_skip(&ms, mt) < 0)
				goto out;
		}
		if ((mname = str_field(sub, 1)) == NULL || (in = str_field(sub, 2)) == NULL ||
		    (out = str_field(sub, 3)) == NULL)
			goto out;
		pm = proto_pool_add_method(c->pool, c->package, svc, mname);
		pm->in_name = in;
		pm->out_name = out;
		pm->client_streaming = cs;
		pm->server_streaming = ss;
		in = out = NULL;
		free(mname);
		mname = NULL;
	}
	rc = 0;
out:
	free(svc);
	free(mname);
	free(in);
	free(out);
	return rc;
}

static int
file_decode(struct proto_pool *pool, struct wire w)
{
	struct fdctx c;
	struct wire sub;
	char *name = NULL, *package = NULL, *syntax = NULL;
	uint32_t f;
	int t, rc = -1;

	if ((name = str_field(w, 1)) == NULL || (package = str_field(w, 2)) == NULL ||
	    (syntax = str_field(w, 12)) == NULL)
		goto out;
	if (proto_pool_has_file(pool, name)) {
		rc = 0;
		goto out;
	}
	proto_pool_add_file(pool, name);
	c.pool = pool;
	c.package = package;
	c.proto3 = strcmp(syntax, "proto3") == 0 || strcmp(syntax, "editions") == 0;
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			goto out;
		if (t != WIRE_LEN || f < 4 || f > 6) {
			if (wire_skip(&w, t) < 0)
				goto out;
			continue;
		}
		if (wire_len(&w, &sub) < 0)
			goto out;
		if ((f == 4 && message_decode(&c, sub, package, 0) < 0) ||
		    (f == 5 && enum_decode(&c, sub, package) < 0) ||
		    (f == 6 && service_decode(&c, sub) < 0))
			goto out;
	}
	rc = 0;
out:
	free(name);
	free(package);
	free(syntax);
	return rc;
}

int
proto_pool_add_set(struct proto_pool *pool, const unsigned char *data, size_t len,
    int set, char **cause)
{
	struct wire w = { data, data + len }, sub;
	uint32_t f;
	int t;

	if (!set) {
		if (file_decode(pool, w) < 0)
			goto bad;
		return 0;
	}
	while (w.p < w.end) {
		if (wire_tag(&w, &f, &t) < 0)
			goto bad;
		if (f != 1 || t != WIRE_LEN) {
			if (wire_skip(&w, t) < 0)
				goto bad;
			continue;
		}
		if (wire_len(&w, &sub) < 0 || file_decode(pool, sub) < 0)
			goto bad;
	}
	return proto_pool_resolve(pool, cause);
bad:
	*cause = xstrdup("not a valid FileDescriptorSet");
	return -1;
}
