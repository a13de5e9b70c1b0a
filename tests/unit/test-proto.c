/* src/proto: the .proto parser, the FileDescriptorSet decoder and the
 * wire primitives. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "proto/proto.h"
#include "proto/wire.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static const char route[] =
    "// a comment\n"
    "syntax = \"proto3\";\n"
    "package a.b;\n"
    "import \"dep.proto\";\n"
    "import public \"google/protobuf/timestamp.proto\";\n"
    "option java_package = \"x.y\";\n"
    "/* block\n comment */\n"
    "message Outer {\n"
    "  option (my.opt) = { a: 1 b: [2, 3] };\n"
    "  enum Kind { KIND_UNSPECIFIED = 0; BIG = 1 [(x) = true]; }\n"
    "  message Inner { int32 n = 1; Kind kind = 2; }\n"
    "  reserved 9, 10 to 12;\n"
    "  reserved \"old\";\n"
    "  Inner inner = 1;\n"
    "  repeated Inner inners = 2;\n"
    "  repeated int32 packed_ints = 3;\n"
    "  repeated int32 loose = 4 [packed = false];\n"
    "  map<string, Inner> by_name = 5;\n"
    "  oneof choice { string text = 6; dep.Thing thing = 7; }\n"
    "  google.protobuf.Timestamp when = 8;\n"
    "  string renamed = 13 [json_name = \"other\", deprecated = true];\n"
    "  repeated Kind kinds = 14;\n"
    "  optional int32 maybe = 15;\n"
    "  .a.b.Outer.Inner abs = 16;\n"
    "}\n"
    "service Svc {\n"
    "  option deprecated = true;\n"
    "  rpc Unary(Outer) returns (Outer.Inner);\n"
    "  rpc Server(Outer) returns (stream Outer) { option idempotency_level = NO_SIDE_EFFECTS; }\n"
    "  rpc Client(stream .a.b.Outer) returns (dep.Thing) {}\n"
    "  rpc Bidi(stream dep.Thing) returns (stream dep.Thing);\n"
    "}\n";

static const char dep[] =
    "syntax = \"proto2\";\n"
    "package dep;\n"
    "message Thing { optional int64 id = 1; repeated int32 xs = 2;\n"
    "  repeated int32 ys = 3 [packed = true]; required string s = 4; }\n";

static char *
reader(void *arg, const char *name, size_t *len)
{
	if (strcmp(name, "route.proto") == 0) {
		*len = strlen(route);
		return xstrdup(route);
	}
	if (strcmp(name, "dep.proto") == 0) {
		*len = strlen(dep);
		return xstrdup(dep);
	}
	return NULL;
}

static void
test_parse(void **state)
{
	struct proto_pool *p = proto_pool_new();
	const struct proto_message *m, *in;
	const struct proto_method *me;
	const struct proto_field *f;
	char *cause = NULL;

	assert_int_equal(proto_pool_load(p, "route.proto", reader, NULL, &cause), 0);
	assert_null(cause);
	m = proto_pool_message(p, "a.b.Outer");
	assert_non_null(m);
	in = proto_pool_message(p, "a.b.Outer.Inner");
	assert_non_null(in);
	f = proto_message_field(m, 1);
	assert_ptr_equal(f->msg, in);
	assert_int_equal(f->type, PROTO_MESSAGE);
	f = proto_message_field(in, 2);
	assert_int_equal(f->type, PROTO_ENUM);
	assert_string_equal(f->en->name, "a.b.Outer.Kind");
	assert_string_equal(proto_enum_by_number(f->en, 1)->name, "BIG");
	assert_int_equal(proto_message_field(m, 3)->packed, 1);
	assert_int_equal(proto_message_field(m, 4)->packed, 0);
	assert_int_equal(proto_message_field(m, 14)->packed, 1);
	f = proto_message_field(m, 5);
	assert_true(f->repeated && f->msg->map_entry);
	assert_string_equal(f->msg->name, "a.b.Outer.ByNameEntry");
	assert_ptr_equal(proto_message_field(f->msg, 2)->msg, in);
	assert_string_equal(f->json_name, "byName");
	assert_ptr_equal(proto_message_field_named(m, "by_name"), f);
	assert_ptr_equal(proto_message_field_named(m, "byName"), f);
	assert_int_equal(proto_message_field(m, 6)->oneof, 1);
	assert_int_equal(proto_message_field(m, 7)->oneof, 1);
	assert_string_equal(proto_message_field(m, 7)->type_name, "dep.Thing");
	assert_string_equal(proto_message_field(m, 8)->type_name,
	    "google.protobuf.Timestamp");
	assert_string_equal(proto_message_field(m, 13)->json_name, "other");
	assert_true(proto_message_field(m, 15)->presence);
	assert_false(proto_message_field(m, 1)->presence);
	assert_ptr_equal(proto_message_field(m, 16)->msg, in);
	/* proto3's strings, map keys too, must be UTF-8; proto2's need not. */
	assert_true(proto_message_field(m, 6)->utf8);
	assert_true(proto_message_field(proto_message_field(m, 5)->msg, 1)->utf8);
	assert_false(proto_message_field(m, 1)->utf8);
	/* proto2: presence, packed only when asked. */
	m = proto_pool_message(p, "dep.Thing");
	assert_false(proto_message_field(m, 4)->utf8);
	assert_true(proto_message_field(m, 1)->presence);
	assert_int_equal(proto_message_field(m, 2)->packed, 0);
	assert_int_equal(proto_message_field(m, 3)->packed, 1);

	assert_int_equal(proto_pool_nmethods(p), 4);
	me = proto_pool_method(p, "/a.b.Svc/Unary");
	assert_non_null(me);
	assert_ptr_equal(me->out, in);
	assert_false(me->client_streaming || me->server_streaming);
	me = proto_pool_method(p, "/a.b.Svc/Server");
	assert_true(!me->client_streaming && me->server_streaming);
	me = proto_pool_method(p, "/a.b.Svc/Client");
	assert_true(me->client_streaming && !me->server_streaming);
	assert_string_equal(me->out->name, "dep.Thing");
	me = proto_pool_method(p, "/a.b.Svc/Bidi");
	assert_true(me->client_streaming && me->server_streaming);
	assert_string_equal(me->service, "a.b.Svc");
	assert_string_equal(me->package, "a.b");
	/* Loading again is a no-op. */
	assert_int_equal(proto_pool_load(p, "route.proto", reader, NULL, &cause), 0);
	assert_int_equal(proto_pool_nmethods(p), 4);
	proto_pool_free(p);
}

/* Each bad file fails with its file:line and what is wrong. */
static void
test_errors(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "syntax = \"proto4\";", "t.proto:1: unknown syntax \"proto4\"" },
		{ "message A {\n int32 a = 1;\n int32 b = 1;\n}",
		    "t.proto:3: field b: number 1 used twice in A" },
		{ "message A {\n Missing m = 1;\n}", "A: field m: unknown type Missing" },
		{ "import \"nope.proto\";", "t.proto:1: import \"nope.proto\": file not found" },
		{ "message A {\n int32 a = 1\n}", "t.proto:3: expected \";\", found \"}\"" },
		{ "message A { int32 a = 0; }", "t.proto:1: field a: number 0 out of range" },
		{ "message A {", "t.proto:1: message A: missing \"}\"" },
		{ "message A { oneof o { int32 a = 1;", "t.proto:1: oneof: missing \"}\"" },
		{ "enum E { A = 0;\n", "t.proto:2: enum E: missing \"}\"" },
		{ "service S { option x = 1;", "t.proto:1: service S: missing \"}\"" },
		{ "/* open", "t.proto:1: unterminated comment" },
		{ "message A { string s = 1 [default = \"x]; }", "t.proto:1: unterminated string" },
		{ "enum E {}", "t.proto:1: enum E has no values" },
		{ "message A { map<double, int32> m = 1; }",
		    "t.proto:1: map key type double is not allowed" },
		{ "message A { repeated group G = 1 { } }", "t.proto:1: groups are not supported" },
		{ "service S { rpc M(A) returns (A); }", "/S/M: unknown message type A" },
		{ "message A {} message A {}", "t.proto:1: A is defined twice" },
		{ "bogus", "t.proto:1: unexpected \"bogus\"" },
		{ "package /* open", "t.proto:1: unterminated comment" },
		{ "extend Foo { optional int32 x = 1;", "t.proto:1: unexpected end of file in a block" },
		{ "option (x) = { a: [1", "t.proto:1: unexpected end of file in an option" },
		{ "package ;", "t.proto:1: expected a package name, found \";\"" },
	};
	struct proto_pool *p;
	char *cause;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		p = proto_pool_new();
		cause = NULL;
		assert_int_equal(proto_pool_parse(p, "t.proto", cases[i].text,
		    strlen(cases[i].text), reader, NULL, &cause), -1);
		assert_non_null(cause);
		if (strstr(cause, cases[i].want) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, cause, cases[i].want);
		free(cause);
		proto_pool_free(p);
	}
}

/* An import cycle ends. */
static char *
cycle_reader(void *arg, const char *name, size_t *len)
{
	const char *t = strcmp(name, "x.proto") == 0 ?
	    "import \"y.proto\"; message X { Y y = 1; }" :
	    "import \"x.proto\"; message Y { X x = 1; }";

	*len = strlen(t);
	return xstrdup(t);
}

static void
test_cycle(void **state)
{
	struct proto_pool *p = proto_pool_new();
	char *cause = NULL;

	assert_int_equal(proto_pool_load(p, "x.proto", cycle_reader, NULL, &cause), 0);
	assert_ptr_equal(proto_message_field(proto_pool_message(p, "X"), 1)->msg,
	    proto_pool_message(p, "Y"));
	proto_pool_free(p);
}

static void
put_str(struct buf *b, uint32_t field, const char *s)
{
	wire_put_tag(b, field, WIRE_LEN);
	wire_put_varint(b, strlen(s));
	buf_puts(b, s);
}

static void
put_sub(struct buf *b, uint32_t field, const struct buf *sub)
{
	wire_put_tag(b, field, WIRE_LEN);
	wire_put_varint(b, sub->len);
	buf_add(b, sub->data, sub->len);
}

/* A FileDescriptorSet made by hand: one file, one message, one service. */
static void
test_fdset(void **state)
{
	struct buf set = BUF_INIT, file = BUF_INIT, msg = BUF_INIT, fld = BUF_INIT;
	struct buf svc = BUF_INIT, meth = BUF_INIT;
	struct proto_pool *p = proto_pool_new();
	const struct proto_method *m;
	char *cause = NULL;

	put_str(&fld, 1, "some_ids");
	wire_put_tag(&fld, 3, WIRE_VARINT);
	wire_put_varint(&fld, 4);
	wire_put_tag(&fld, 4, WIRE_VARINT);
	wire_put_varint(&fld, 3);	/* repeated */
	wire_put_tag(&fld, 5, WIRE_VARINT);
	wire_put_varint(&fld, PROTO_INT64);
	put_str(&msg, 1, "Req");
	put_sub(&msg, 2, &fld);
	buf_reset(&fld);
	put_str(&fld, 1, "name");
	wire_put_tag(&fld, 3, WIRE_VARINT);
	wire_put_varint(&fld, 5);
	wire_put_tag(&fld, 5, WIRE_VARINT);
	wire_put_varint(&fld, PROTO_STRING);
	put_sub(&msg, 2, &fld);
	put_str(&meth, 1, "Get");
	put_str(&meth, 2, ".pk.Req");
	put_str(&meth, 3, ".pk.Req");
	wire_put_tag(&meth, 6, WIRE_VARINT);
	wire_put_varint(&meth, 1);
	put_str(&svc, 1, "S");
	put_sub(&svc, 2, &meth);
	put_str(&file, 1, "pk.proto");
	put_str(&file, 2, "pk");
	put_sub(&file, 4, &msg);
	put_sub(&file, 6, &svc);
	put_str(&file, 12, "proto3");
	put_sub(&set, 1, &file);

	assert_int_equal(proto_pool_add_set(p, (unsigned char *)set.data, set.len, 1,
	    &cause), 0);
	m = proto_pool_method(p, "/pk.S/Get");
	assert_non_null(m);
	assert_true(m->server_streaming && !m->client_streaming);
	assert_string_equal(m->in->name, "pk.Req");
	assert_string_equal(m->in->fields[0].json_name, "someIds");
	assert_int_equal(m->in->fields[0].packed, 1);
	assert_false(m->in->fields[0].utf8);
	assert_true(m->in->fields[1].utf8);
	/* Truncated, it fails with a message. */
	assert_int_equal(proto_pool_add_set(p, (unsigned char *)set.data, set.len - 3, 1,
	    &cause), -1);
	assert_string_equal(cause, "not a valid FileDescriptorSet");
	free(cause);
	buf_free(&set);
	buf_free(&file);
	buf_free(&msg);
	buf_free(&fld);
	buf_free(&svc);
	buf_free(&meth);
	proto_pool_free(p);
}

static void
test_wire(void **state)
{
	struct buf b = BUF_INIT;
	struct wire w;
	uint64_t v;
	uint32_t f;
	int t;
	static const unsigned char groups[] = { 0x0b, 0x13, 0x08, 0x01, 0x14, 0x0c, 0x10, 0x07 };
	static const unsigned char toolong[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	    0xff, 0xff, 0xff, 0xff, 0x01 };

	wire_put_varint(&b, UINT64_MAX);
	wire_put_varint(&b, 300);
	w.p = (unsigned char *)b.data;
	w.end = w.p + b.len;
	assert_int_equal(b.len, 12);
	assert_int_equal(wire_varint(&w, &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(wire_varint(&w, &v), 0);
	assert_int_equal(v, 300);
	assert_int_equal(wire_varint(&w, &v), -1);
	/* A group holding a group, skipped; then field 2. */
	w.p = groups;
	w.end = groups + sizeof groups;
	assert_int_equal(wire_tag(&w, &f, &t), 0);
	assert_int_equal(t, WIRE_SGROUP);
	assert_int_equal(wire_skip(&w, t), 0);
	assert_int_equal(wire_tag(&w, &f, &t), 0);
	assert_int_equal(f, 2);
	w.p = toolong;
	w.end = toolong + sizeof toolong;
	assert_int_equal(wire_varint(&w, &v), -1);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_fdset),
		cmocka_unit_test(test_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
