/* The .proto parser: proto2 and proto3 text into the pool (proto.h).
 *
 * What a gRPC client needs of a file is kept: packages, imports,
 * messages (nested, oneof, maps, groups refused), enums and services;
 * options are skipped but for packed and json_name, as are extensions
 * and reserved ranges.  Every error names the file and the line. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto/proto.h"
#include "util/xmalloc.h"

/* Imports deeper than this are a cycle or a mistake. */
#define PROTO_IMPORT_DEPTH	64

enum tok { T_EOF, T_IDENT, T_INT, T_FLOAT, T_STRING, T_SYM };

struct parser {
	struct proto_pool	*pool;
	const char		*file;
	const char		*p, *end;
	int			 line;
	enum tok		 tok;
	char			*text;		/* the token, owned */
	int			 proto3;
	char			*package;
	char			*cause;
	proto_read_fn		 rd;
	void			*arg;
	int			 depth;
};

static int	parse_file(struct proto_pool *, const char *, const char *, size_t,
		    proto_read_fn, void *, int, char **);

static int
fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (ps->cause != NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	ps->cause = xasprintf("%s:%d: %s", ps->file, ps->line,
	    msg != NULL ? msg : "out of memory");
	free(msg);
	return -1;
}

static int
next(struct parser *ps)
{
	const char *s;

	free(ps->text);
	ps->text = NULL;
	for (;;) {
		while (ps->p < ps->end && isspace((unsigned char)*ps->p)) {
			if (*ps->p == '\n')
				ps->line++;
			ps->p++;
		}
		if (ps->p + 1 < ps->end && ps->p[0] == '/' && ps->p[1] == '/') {
			while (ps->p < ps->end && *ps->p != '\n')
				ps->p++;
			continue;
		}
		if (ps->p + 1 < ps->end && ps->p[0] == '/' && ps->p[1] == '*') {
			ps->p += 2;
			while (ps->p + 1 < ps->end && !(ps->p[0] == '*' && ps->p[1] == '/')) {
				if (*ps->p == '\n')
					ps->line++;
				ps->p++;
			}
			if (ps->p + 1 >= ps->end)
				return fail(ps, "unterminated comment");
			ps->p += 2;
			continue;
		}
		break;
	}
	s = ps->p;
	if (s >= ps->end) {
		ps->tok = T_EOF;
		ps->text = xstrdup("end of file");
		return 0;
	}
	if (isalpha((unsigned char)*s) || *s == '_' || (*s == '.' && s + 1 < ps->end &&
	    (isalpha((unsigned char)s[1]) || s[1] == '_'))) {
		ps->p++;
		while (ps->p < ps->end && (isalnum((unsigned char)*ps->p) ||
		    *ps->p == '_' || *ps->p == '.'))
			ps->p++;
		ps->tok = T_IDENT;
	} else if (isdigit((unsigned char)*s) || (*s == '.' && s + 1 < ps->end &&
	    isdigit((unsigned char)s[1]))) {
		ps->tok = T_INT;
		while (ps->p < ps->end && (isalnum((unsigned char)*ps->p) ||
		    *ps->p == '.' || ((*ps->p == '-' || *ps->p == '+') &&
		    (ps->p[-1] == 'e' || ps->p[-1] == 'E') && s[1] != 'x' && s[1] != 'X'))) {
			if (*ps->p == '.' || ((*ps->p == 'e' || *ps->p == 'E') &&
			    s[1] != 'x' && s[1] != 'X'))
				ps->tok = T_FLOAT;
			ps->p++;
		}
	} else if (*s == '"' || *s == '\'') {
		char q = *s;

		ps->p++;
		while (ps->p < ps->end && *ps->p != q && *ps->p != '\n') {
			if (*ps->p == '\\' && ps->p + 1 < ps->end)
				ps->p++;
			ps->p++;
		}
		if (ps->p >= ps->end || *ps->p != q)
			return fail(ps, "unterminated string");
		ps->p++;
		ps->tok = T_STRING;
		/* Escapes matter only in import names, which have none. */
		ps->text = xstrndup(s + 1, (size_t)(ps->p - s - 2));
		return 0;
	} else {
		ps->p++;
		ps->tok = T_SYM;
	}
	ps->text = xstrndup(s, (size_t)(ps->p - s));
	return 0;
}

static int
is(struct parser *ps, const char *text)
{
	return (ps->tok == T_IDENT || ps->tok == T_SYM) && strcmp(ps->text, text) == 0;
}

static int
expect(struct parser *ps, const char *text)
{
	if (!is(ps, text))
		return fail(ps, "expected \"%s\", found \"%s\"", text, ps->text);
	return next(ps);
}

/* An identifier, owned; NULL after fail. */
static char *
ident(struct parser *ps, const char *what)
{
	char *s;

	if (ps->tok != T_IDENT) {
		fail(ps, "expected %s, found \"%s\"", what, ps->text);
		return NULL;
	}
	s = ps->text;
	ps->text = NULL;
	if (next(ps) < 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* Skip a constant, or a balanced { ... } or [ ... ]; where names what is
 * being skipped, for the error message. */
static int
skip_value(struct parser *ps, const char *where)
{
	int depth = 0;

	do {
		if (ps->tok == T_EOF)
			return fail(ps, "unexpected end of file in %s", where);
		if (is(ps, "{") || is(ps, "["))
			depth++;
		else if (is(ps, "}") || is(ps, "]"))
			depth--;
		if (next(ps) < 0)
			return -1;
	} while (depth > 0);
	return 0;
}

/* option name = value; */
static int
skip_option(struct parser *ps)
{
	while (!is(ps, "=")) {
		if (ps->tok == T_EOF || is(ps, ";"))
			return fail(ps, "expected \"=\" in an option");
		if (next(ps) < 0)
			return -1;
	}
	if (next(ps) < 0 || skip_value(ps, "an option") < 0)
		return -1;
	return expect(ps, ";");
}

/* Up to the ; that ends a statement (reserved, extensions). */
static int
skip_statement(struct parser *ps)
{
	while (!is(ps, ";")) {
		if (ps->tok == T_EOF)
			return fail(ps, "expected \";\"");
		if (next(ps) < 0)
			return -1;
	}
	return next(ps);
}

/* A { ... } block, balanced (extend, rpc options). */
static int
skip_block(struct parser *ps)
{
	while (!is(ps, "{")) {
		if (ps->tok == T_EOF || is(ps, ";"))
			return fail(ps, "expected \"{\"");
		if (next(ps) < 0)
			return -1;
	}
	return skip_value(ps, "a block");
}

static int
parse_int(struct parser *ps, int64_t *v)
{
	int neg = 0;
	char *end;

	if (is(ps, "-")) {
		neg = 1;
		if (next(ps) < 0)
			return -1;
	}
	if (ps->tok != T_INT)
		return fail(ps, "expected a number, found \"%s\"", ps->text);
	errno = 0;
	*v = (int64_t)strtoull(ps->text, &end, 0);
	if (errno != 0 || *end != '\0')
		return fail(ps, "bad number \"%s\"", ps->text);
	if (neg)
		*v = -*v;
	return next(ps);
}

static const struct {
	const char	*name;
	enum proto_type	 type;
} scalars[] = {
	{ "double", PROTO_DOUBLE }, { "float", PROTO_FLOAT },
	{ "int64", PROTO_INT64 }, { "uint64", PROTO_UINT64 },
	{ "int32", PROTO_INT32 }, { "fixed64", PROTO_FIXED64 },
	{ "fixed32", PROTO_FIXED32 }, { "bool", PROTO_BOOL },
	{ "string", PROTO_STRING }, { "bytes", PROTO_BYTES },
	{ "uint32", PROTO_UINT32 }, { "sfixed32", PROTO_SFIXED32 },
	{ "sfixed64", PROTO_SFIXED64 }, { "sint32", PROTO_SINT32 },
	{ "sint64", PROTO_SINT64 },
};

static enum proto_type
scalar(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
		if (strcmp(scalars[i].name, name) == 0)
			return scalars[i].type;
	return 0;
}

/* Fill f's type from the name written in scope; named types wait for
 * proto_pool_resolve. */
static void
set_type(struct parser *ps, struct proto_field *f, const char *type,
    const char *scope)
{
	f->type = scalar(type);
	if (f->type == 0) {
		f->type = PROTO_MESSAGE;
		f->type_name = xstrdup(type);
		f->scope = xstrdup(scope);
	}
	f->utf8 = ps->proto3 && f->type == PROTO_STRING;
}

/* [packed = true, json_name = "x", ...] after a field's number. */
static int
field_options(struct parser *ps, struct proto_field *f)
{
	char *name;
	int explicit_packed = -1;

	if (!is(ps, "["))
		goto out;
	if (next(ps) < 0)
		return -1;
	for (;;) {
		if (is(ps, "(")) {
			while (!is(ps, ")") && ps->tok != T_EOF)
				if (next(ps) < 0)
					return -1;
			if (expect(ps, ")") < 0)
				return -1;
			while (ps->tok == T_IDENT && ps->text[0] == '.')
				if (next(ps) < 0)
					return -1;
			name = xstrdup("");
		} else if ((name = ident(ps, "an option name")) == NULL)
			return -1;
		if (expect(ps, "=") < 0) {
			free(name);
			return -1;
		}
		if (strcmp(name, "packed") == 0 && ps->tok == T_IDENT)
			explicit_packed = strcmp(ps->text, "true") == 0;
		else if (strcmp(name, "json_name") == 0 && ps->tok == T_STRING) {
			free(f->json_name);
			f->json_name = xstrdup(ps->text);
		}
		free(name);
		if (skip_value(ps, "an option") < 0)
			return -1;
		if (is(ps, "]"))
			break;
		if (expect(ps, ",") < 0)
			return -1;
	}
	if (next(ps) < 0)
		return -1;
out:
	if (!f->repeated)
		f->packed = 0;
	else if (explicit_packed >= 0)
		f->packed = explicit_packed && proto_type_packable(f->type);
	else if (f->type == PROTO_MESSAGE)	/* could be an enum */
		f->packed = ps->proto3 ? -1 : 0;
	else
		f->packed = ps->proto3 && proto_type_packable(f->type);
	return expect(ps, ";");
}

static int	parse_message(struct parser *, const char *scope);
static int	parse_enum(struct parser *, const char *scope);

static char *
full_name(const char *scope, const char *name)
{
	return *scope != '\0' ? xasprintf("%s.%s", scope, name) : xstrdup(name);
}

/* map<K, V> name = N; as the nested entry message protoc makes. */
static int
parse_map(struct parser *ps, struct proto_message *m, const char *scope)
{
	char *k = NULL, *v = NULL, *name = NULL, *entry = NULL, *cam;
	struct proto_message *em;
	struct proto_field *f;
	int64_t n;
	int rc = -1;

	if (next(ps) < 0 || expect(ps, "<") < 0 ||
	    (k = ident(ps, "a key type")) == NULL || expect(ps, ",") < 0 ||
	    (v = ident(ps, "a value type")) == NULL || expect(ps, ">") < 0 ||
	    (name = ident(ps, "a field name")) == NULL || expect(ps, "=") < 0 ||
	    parse_int(ps, &n) < 0)
		goto out;
	if (scalar(k) == 0 || scalar(k) == PROTO_DOUBLE || scalar(k) == PROTO_FLOAT ||
	    scalar(k) == PROTO_BYTES) {
		fail(ps, "map key type %s is not allowed", k);
		goto out;
	}
	cam = proto_json_name(name);
	cam[0] = (char)toupper((unsigned char)cam[0]);
	entry = xasprintf("%s.%sEntry", scope, cam);
	free(cam);
	em = proto_pool_add_message(ps->pool, entry);
	em->map_entry = 1;
	f = proto_message_add_field(em);
	f->name = xstrdup("key");
	f->json_name = xstrdup("key");
	f->number = 1;
	set_type(ps, f, k, scope);
	f = proto_message_add_field(em);
	f->name = xstrdup("value");
	f->json_name = xstrdup("value");
	f->number = 2;
	set_type(ps, f, v, scope);
	f = proto_message_add_field(m);
	f->name = name;
	name = NULL;
	f->json_name = proto_json_name(f->name);
	f->number = (int32_t)n;
	f->repeated = 1;
	f->type = PROTO_MESSAGE;
	f->type_name = xstrdup(entry);
	f->scope = xstrdup("");
	f->msg = em;
	rc = field_options(ps, f);
	f->packed = 0;
out:
	free(k);
	free(v);
	free(name);
	free(entry);
	return rc;
}

/* [label] type name = N [options]; in message m (scope is its name). */
static int
parse_field(struct parser *ps, struct proto_message *m, const char *scope,
    int oneof)
{
	char *type = NULL, *name = NULL;
	struct proto_field *f;
	int repeated = 0, optional = 0;
	int64_t n;
	int rc = -1;

	if (is(ps, "repeated") || is(ps, "optional") || is(ps, "required")) {
		repeated = is(ps, "repeated");
		optional = !repeated;
		if (next(ps) < 0)
			return -1;
	}
	if (is(ps, "group"))
		return fail(ps, "groups are not supported");
	if ((type = ident(ps, "a field type")) == NULL ||
	    (name = ident(ps, "a field name")) == NULL || expect(ps, "=") < 0 ||
	    parse_int(ps, &n) < 0)
		goto out;
	if (n < 1 || n > 536870911) {
		fail(ps, "field %s: number %lld out of range", name, (long long)n);
		goto out;
	}
	if (proto_message_field(m, (int32_t)n) != NULL) {
		fail(ps, "field %s: number %lld used twice in %s", name, (long long)n,
		    m->name);
		goto out;
	}
	f = proto_message_add_field(m);
	f->name = name;
	name = NULL;
	f->json_name = proto_json_name(f->name);
	f->number = (int32_t)n;
	f->repeated = repeated;
	/* proto3's optional is a oneof of its own, as protoc makes it. */
	f->oneof = ps->proto3 && optional ? -1 : oneof;
	f->presence = !repeated && (optional || !ps->proto3 || oneof != 0);
	set_type(ps, f, type, scope);
	rc = field_options(ps, f);
out:
	free(type);
	free(name);
	return rc;
}

/* The next statement of a { } body (of what, named name): empty
 * statements and options are skipped here.  1 at the closing "}" (left
 * for the caller), 0 at a statement for the caller, -1 on error. */
static int
body_item(struct parser *ps, const char *what, const char *name)
{
	for (;;) {
		if (is(ps, "}"))
			return 1;
		if (ps->tok == T_EOF)
			return fail(ps, "%s%s%s: missing \"}\"", what, *name != '\0' ? " " : "",
			    name);
		if (is(ps, ";")) {
			if (next(ps) < 0)
				return -1;
		} else if (is(ps, "option")) {
			if (skip_option(ps) < 0)
				return -1;
		} else
			return 0;
	}
}

static int
parse_message(struct parser *ps, const char *scope)
{
	struct proto_message *m;
	char *name, *full;
	int noneof = 0, rc = -1, r;

	if (next(ps) < 0 || (name = ident(ps, "a message name")) == NULL)
		return -1;
	full = full_name(scope, name);
	free(name);
	if (proto_pool_message(ps->pool, full) != NULL) {
		fail(ps, "%s is defined twice", full);
		goto out;
	}
	m = proto_pool_add_message(ps->pool, full);
	if (expect(ps, "{") < 0)
		goto out;
	while ((r = body_item(ps, "message", full)) == 0) {
		if (is(ps, "message")) {
			if (parse_message(ps, full) < 0)
				goto out;
		} else if (is(ps, "enum")) {
			if (parse_enum(ps, full) < 0)
				goto out;
		} else if (is(ps, "reserved") || is(ps, "extensions")) {
			if (skip_statement(ps) < 0)
				goto out;
		} else if (is(ps, "extend")) {
			if (skip_block(ps) < 0)
				goto out;
		} else if (is(ps, "map")) {
			if (parse_map(ps, m, full) < 0)
				goto out;
		} else if (is(ps, "oneof")) {
			char *oname;

			noneof++;
			if (next(ps) < 0 || (oname = ident(ps, "a oneof name")) == NULL)
				goto out;
			free(oname);
			if (expect(ps, "{") < 0)
				goto out;
			while ((r = body_item(ps, "oneof", "")) == 0)
				if (parse_field(ps, m, full, noneof) < 0)
					goto out;
			if (r < 0 || next(ps) < 0)
				goto out;
		} else if (parse_field(ps, m, full, 0) < 0)
			goto out;
	}
	if (r < 0)
		goto out;
	rc = next(ps);
out:
	free(full);
	return rc;
}

static int
parse_enum(struct parser *ps, const char *scope)
{
	struct proto_enum *e;
	char *name, *full;
	int64_t n;
	int rc = -1, r;

	if (next(ps) < 0 || (name = ident(ps, "an enum name")) == NULL)
		return -1;
	full = full_name(scope, name);
	free(name);
	e = proto_pool_add_enum(ps->pool, full);
	if (expect(ps, "{") < 0)
		goto out;
	while ((r = body_item(ps, "enum", full)) == 0) {
		if (is(ps, "reserved")) {
			if (skip_statement(ps) < 0)
				goto out;
		} else {
			struct proto_field dummy;

			if ((name = ident(ps, "an enum value")) == NULL)
				goto out;
			if (expect(ps, "=") < 0 || parse_int(ps, &n) < 0) {
				free(name);
				goto out;
			}
			proto_enum_add_value(e, name, (int32_t)n);
			free(name);
			memset(&dummy, 0, sizeof dummy);
			if (field_options(ps, &dummy) < 0) {
				free(dummy.json_name);
				goto out;
			}
			free(dummy.json_name);
		}
	}
	if (r < 0)
		goto out;
	if (e->nvalues == 0) {
		fail(ps, "enum %s has no values", full);
		goto out;
	}
	rc = next(ps);
out:
	free(full);
	return rc;
}

/* (stream Type) */
static char *
rpc_type(struct parser *ps, int *streaming)
{
	char *t;

	if (expect(ps, "(") < 0)
		return NULL;
	if (is(ps, "stream") && ps->p < ps->end) {
		/* "stream" is also a valid type name: stream ( Type ) */
		const char *q = ps->p;

		while (q < ps->end && isspace((unsigned char)*q))
			q++;
		if (q < ps->end && *q != ')') {
			*streaming = 1;
			if (next(ps) < 0)
				return NULL;
		}
	}
	if ((t = ident(ps, "a message type")) == NULL)
		return NULL;
	if (expect(ps, ")") < 0) {
		free(t);
		return NULL;
	}
	return t;
}

static int
parse_service(struct parser *ps)
{
	char *svc, *name = NULL, *in = NULL, *out = NULL;
	struct proto_method *m;
	int cs, ss, rc = -1, r;

	if (next(ps) < 0 || (svc = ident(ps, "a service name")) == NULL)
		return -1;
	if (expect(ps, "{") < 0)
		goto out;
	while ((r = body_item(ps, "service", svc)) == 0) {
		if (expect(ps, "rpc") < 0 || (name = ident(ps, "a method name")) == NULL)
			goto out;
		cs = ss = 0;
		if ((in = rpc_type(ps, &cs)) == NULL || expect(ps, "returns") < 0 ||
		    (out = rpc_type(ps, &ss)) == NULL)
			goto out;
		m = proto_pool_add_method(ps->pool, ps->package, svc, name);
		m->in_name = in;
		m->out_name = out;
		in = out = NULL;
		m->client_streaming = cs;
		m->server_streaming = ss;
		free(name);
		name = NULL;
		if (is(ps, "{")) {
			if (skip_block(ps) < 0)
				goto out;
		} else if (expect(ps, ";") < 0)
			goto out;
	}
	if (r < 0)
		goto out;
	rc = next(ps);
out:
	free(svc);
	free(name);
	free(in);
	free(out);
	return rc;
}

static int
parse_import(struct parser *ps)
{
	char *name, *text, *cause = NULL;
	const char *wkt;
	size_t len = 0;
	int rc;

	if (next(ps) < 0)
		return -1;
	if ((is(ps, "public") || is(ps, "weak")) && next(ps) < 0)
		return -1;
	if (ps->tok != T_STRING)
		return fail(ps, "expected a file name after import");
	name = xstrdup(ps->text);
	if (next(ps) < 0 || expect(ps, ";") < 0) {
		free(name);
		return -1;
	}
	if (proto_pool_has_file(ps->pool, name)) {
		free(name);
		return 0;
	}
	if (ps->depth >= PROTO_IMPORT_DEPTH) {
		free(name);
		return fail(ps, "imports nested deeper than %d", PROTO_IMPORT_DEPTH);
	}
	text = ps->rd != NULL ? ps->rd(ps->arg, name, &len) : NULL;
	if (text == NULL && (wkt = proto_wkt_file(name)) != NULL) {
		text = xstrdup(wkt);
		len = strlen(text);
	}
	if (text == NULL) {
		fail(ps, "import \"%s\": file not found", name);
		free(name);
		return -1;
	}
	rc = parse_file(ps->pool, name, text, len, ps->rd, ps->arg, ps->depth + 1,
	    &cause);
	if (rc < 0) {
		fail(ps, "%s", cause);
		free(cause);
	}
	free(text);
	free(name);
	return rc;
}

static int
parse_file(struct proto_pool *pool, const char *name, const char *text, size_t len,
    proto_read_fn rd, void *arg, int depth, char **cause)
{
	struct parser ps;
	int rc = -1;

	memset(&ps, 0, sizeof ps);
	ps.pool = pool;
	ps.file = name;
	ps.p = text;
	ps.end = text + len;
	ps.line = 1;
	ps.package = xstrdup("");
	ps.rd = rd;
	ps.arg = arg;
	ps.depth = depth;
	/* Marked first, so that an import cycle ends. */
	proto_pool_add_file(pool, name);
	if (next(&ps) < 0)
		goto out;
	if (is(&ps, "syntax") || is(&ps, "edition")) {
		int edition = is(&ps, "edition");

		if (next(&ps) < 0 || expect(&ps, "=") < 0)
			goto out;
		if (ps.tok != T_STRING) {
			fail(&ps, "expected a string after syntax =");
			goto out;
		}
		if (edition || strcmp(ps.text, "proto3") == 0)
			ps.proto3 = 1;
		else if (strcmp(ps.text, "proto2") != 0) {
			fail(&ps, "unknown syntax \"%s\"", ps.text);
			goto out;
		}
		if (next(&ps) < 0 || expect(&ps, ";") < 0)
			goto out;
	}
	while (ps.tok != T_EOF) {
		if (is(&ps, ";")) {
			if (next(&ps) < 0)
				goto out;
		} else if (is(&ps, "package")) {
			free(ps.package);
			ps.package = NULL;
			if (next(&ps) < 0 || (ps.package = ident(&ps, "a package name")) == NULL ||
			    expect(&ps, ";") < 0)
				goto out;
		} else if (is(&ps, "import")) {
			if (parse_import(&ps) < 0)
				goto out;
		} else if (is(&ps, "option")) {
			if (skip_option(&ps) < 0)
				goto out;
		} else if (is(&ps, "message")) {
			if (parse_message(&ps, ps.package) < 0)
				goto out;
		} else if (is(&ps, "enum")) {
			if (parse_enum(&ps, ps.package) < 0)
				goto out;
		} else if (is(&ps, "service")) {
			if (parse_service(&ps) < 0)
				goto out;
		} else if (is(&ps, "extend")) {
			if (skip_block(&ps) < 0)
				goto out;
		} else {
			fail(&ps, "unexpected \"%s\"", ps.text);
			goto out;
		}
	}
	rc = 0;
out:
	if (rc < 0) {
		*cause = ps.cause;
		ps.cause = NULL;
	}
	free(ps.cause);
	free(ps.text);
	free(ps.package);
	return rc;
}

int
proto_pool_parse(struct proto_pool *pool, const char *name, const char *text,
    size_t len, proto_read_fn rd, void *arg, char **cause)
{
	if (proto_pool_has_file(pool, name))
		return 0;
	if (parse_file(pool, name, text, len, rd, arg, 0, cause) < 0)
		return -1;
	return proto_pool_resolve(pool, cause);
}

int
proto_pool_load(struct proto_pool *pool, const char *name, proto_read_fn rd,
    void *arg, char **cause)
{
	const char *wkt;
	char *text;
	size_t len = 0;
	int rc;

	if (proto_pool_has_file(pool, name))
		return 0;
	text = rd(arg, name, &len);
	if (text == NULL && (wkt = proto_wkt_file(name)) != NULL) {
		text = xstrdup(wkt);
		len = strlen(text);
	}
	if (text == NULL) {
		*cause = xasprintf("%s: file not found", name);
		return -1;
	}
	rc = proto_pool_parse(pool, name, text, len, rd, arg, cause);
	free(text);
	return rc;
}
