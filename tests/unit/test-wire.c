/* Unit tests for src/metrics/wire.c. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <msgpack.h>

#include "metrics/wire.h"
#include "util/buf.h"

static const struct wire_metric metrics[] = {
	{ 0, "http_reqs", WIRE_COUNTER, WIRE_DEFAULT },
	{ 1, "http_req_duration", WIRE_TREND, WIRE_TIME },
	{ 2, "my_gauge", WIRE_GAUGE, WIRE_DEFAULT },
	{ 3, "checks", WIRE_RATE, WIRE_DEFAULT },
};
#define NMETRICS (sizeof metrics / sizeof metrics[0])

static int
metric_fn(void *arg, uint32_t id, struct wire_metric *m)
{
	if (id >= NMETRICS)
		return -1;
	*m = metrics[id];
	return 0;
}

/* What the reader delivered. */
struct got {
	struct wire_sample	*s;
	size_t			 n;
	size_t			 batches;
	int			 metric_defs;
	char			 names[NMETRICS][64];
	int			 types[NMETRICS];
	int			 done;
	int			 level;
	char			 log[64];
	int64_t			 vus_time;
	uint32_t		 vus, vus_max;
	int			 fail;
	char			 meta[256];	/* samples' metadata, '|' after each */
};

static int
got_metric(void *arg, uint32_t worker, const struct wire_metric *m,
    uint32_t *id, char **cause)
{
	struct got *g = arg;

	if (m->id >= NMETRICS)
		return -1;
	g->metric_defs++;
	snprintf(g->names[m->id], sizeof g->names[0], "%s", m->name);
	g->types[m->id] = m->type * 10 + m->contains;
	*id = m->id + 100;
	return 0;
}

static int
got_batch(void *arg, const struct wire_batch *b, char **cause)
{
	struct got *g = arg;

	if (g->fail) {
		*cause = strdup("aggregator says no");
		return -1;
	}
	g->s = realloc(g->s, (g->n + b->n + 1) * sizeof *g->s);
	memcpy(g->s + g->n, b->samples, b->n * sizeof *g->s);
	/* The metadata is borrowed from the message: copy it now. */
	for (size_t i = 0; i < b->n; i++) {
		const struct wire_sample *x = &b->samples[i];
		size_t at = strlen(g->meta), j;

		for (j = 0; x->flags & WIRE_SAMPLE_UMETA && j < x->meta_len &&
		    at + 2 < sizeof g->meta; j++)
			g->meta[at++] = x->meta[j] != '\0' ? x->meta[j] : '=';
		if (x->flags & WIRE_SAMPLE_UMETA && at + 1 < sizeof g->meta)
			g->meta[at++] = '|';
		g->meta[at] = '\0';
	}
	g->n += b->n;
	g->batches++;
	return 0;
}

static int
got_done(void *arg, uint32_t worker, char **cause)
{
	((struct got *)arg)->done++;
	return 0;
}

static int
got_log(void *arg, uint32_t worker, int level, const char *text, size_t len,
    char **cause)
{
	struct got *g = arg;

	g->level = level;
	snprintf(g->log, sizeof g->log, "%.*s", (int)len, text);
	return 0;
}

static int
got_vus(void *arg, uint32_t worker, int64_t time, uint32_t vus,
    uint32_t vus_max, char **cause)
{
	struct got *g = arg;

	g->vus_time = time;
	g->vus = vus;
	g->vus_max = vus_max;
	return 0;
}

static const struct wire_handler handler = {
	got_metric, got_batch, got_done, got_log, got_vus
};

/* A sender and a receiver with their own tag tables, whose ids differ. */
struct pair {
	struct tagset_table	*stags, *rtags;
	struct wire_writer	*w;
	struct wire_reader	*r;
	struct got		 g;
	struct buf		 out;
	uint32_t		 t[4];
};

static void
pair_init(struct pair *p, size_t max_bytes, uint32_t rmax)
{
	struct tag a[] = { { "method", "GET" }, { "status", "200" },
	    { "url", "http://127.0.0.1/a" } };
	struct tag b[] = { { "method", "POST" }, { "status", "500" } };
	struct tag c[] = { { "check", "is ok" }, { "group", "::g" } };
	struct tag x[] = { { "unrelated", "1" } };
	char *cause = NULL;
	uint32_t id;

	memset(p, 0, sizeof *p);
	p->stags = tagset_table_new(0);
	p->rtags = tagset_table_new(rmax);
	assert_int_equal(tagset_intern(p->stags, a, 3, &p->t[0], &cause), 0);
	assert_int_equal(tagset_intern(p->stags, b, 2, &p->t[1], &cause), 0);
	assert_int_equal(tagset_intern(p->stags, c, 2, &p->t[2], &cause), 0);
	assert_int_equal(tagset_intern(p->stags, NULL, 0, &p->t[3], &cause),
	    0);
	if (rmax == 0)
		assert_int_equal(tagset_intern(p->rtags, x, 1, &id, &cause), 0);
	p->w = wire_writer_new(7, p->stags, metric_fn, NULL, max_bytes);
	p->r = wire_reader_new(p->rtags, &handler, &p->g);
	buf_init(&p->out, 0);
}

static void
pair_free(struct pair *p)
{
	wire_writer_free(p->w);
	wire_reader_free(p->r);
	tagset_table_free(p->stags);
	tagset_table_free(p->rtags);
	buf_free(&p->out);
	free(p->g.s);
}

static void
pair_flush(struct pair *p)
{
	char *cause = NULL;

	assert_int_equal(wire_writer_finish(p->w, &p->out, &cause), 0);
	if (p->out.len == 0)
		return;
	if (wire_reader_feed(p->r, p->out.data, p->out.len, &cause) != 0)
		fail_msg("feed: %s", cause);
}

static void
add(struct pair *p, uint32_t m, uint32_t t, int64_t time, double v)
{
	struct wire_sample s = { m, t, time, v, 0, 0, 0 };
	char *cause = NULL;

	if (wire_writer_add(p->w, &s, &cause) != 0)
		fail_msg("add: %s", cause);
}

/* Same tags by content, across the two tables. */
static void
assert_same_tags(struct pair *p, uint32_t sid, uint32_t rid)
{
	const struct tag *a, *b;
	size_t na, nb, i;

	a = tagset_get(p->stags, sid, &na);
	b = tagset_get(p->rtags, rid, &nb);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(na, nb);
	for (i = 0; i < na; i++) {
		assert_string_equal(a[i].key, b[i].key);
		assert_string_equal(a[i].value, b[i].value);
	}
}

static void
test_roundtrip(void **state)
{
	const double values[] = { 1, 0, 123.456, -5, 1e300, -0.0, NAN,
	    INFINITY, 9007199254740993.0, 0.5, 4294967296.0, 42 };
	const int64_t base = 1764126000123456789LL;
	struct wire_sample s;
	struct pair p;
	char *cause = NULL;
	size_t i, n = sizeof values / sizeof values[0];

	pair_init(&p, 0, 0);
	for (i = 0; i < n; i++) {
		s.metric = i % NMETRICS;
		s.tags = p.t[i % 4];
		/* Times before the batch's base too. */
		s.time = base + ((int64_t)i - 3) * 1000003;
		s.value = values[i];
		s.flags = i % 3 == 0 ? WIRE_SAMPLE_META : 0;
		s.vu = (uint32_t)i + 1;
		s.iter = (uint64_t)i * 1000000007ULL;
		/* the script's metadata, alone and with vu and iter */
		s.meta = i % 4 == 0 ? "a\0x\0" : "k\0v\0long\0value";
		s.meta_len = i % 4 == 0 ? 4 : 15;	/* last NUL included */
		if (i % 2 == 0)
			s.flags |= WIRE_SAMPLE_UMETA;
		assert_int_equal(wire_writer_add(p.w, &s, &cause), 0);
	}
	assert_int_equal(wire_writer_count(p.w), n);
	pair_flush(&p);
	assert_int_equal(wire_writer_count(p.w), 0);
	assert_int_equal(p.g.n, n);
	assert_int_equal(p.g.batches, 1);
	assert_int_equal(p.g.metric_defs, NMETRICS);
	for (i = 0; i < NMETRICS; i++) {
		assert_string_equal(p.g.names[i], metrics[i].name);
		assert_int_equal(p.g.types[i],
		    metrics[i].type * 10 + metrics[i].contains);
	}
	for (i = 0; i < n; i++) {
		assert_int_equal(p.g.s[i].metric, i % NMETRICS + 100);
		assert_same_tags(&p, p.t[i % 4], p.g.s[i].tags);
		assert_int_equal(p.g.s[i].time,
		    base + ((int64_t)i - 3) * 1000003);
		assert_memory_equal(&p.g.s[i].value, &values[i],
		    sizeof values[i]);
		assert_int_equal(p.g.s[i].flags,
		    (i % 3 == 0 ? WIRE_SAMPLE_META : 0) |
		    (i % 2 == 0 ? WIRE_SAMPLE_UMETA : 0));
		if (i % 3 == 0) {
			assert_int_equal(p.g.s[i].vu, i + 1);
			assert_int_equal(p.g.s[i].iter,
			    (uint64_t)i * 1000000007ULL);
		}
	}
	/* i = 0, 2, 4, 6, 8, 10: "a x" when i % 4 == 0, else "k v long value" */
	assert_string_equal(p.g.meta, "a=x=|k=v=long=value=|a=x=|k=v=long=value=|"
	    "a=x=|k=v=long=value=|");
	assert_int_equal(wire_reader_messages(p.r), 1);
	assert_int_equal(wire_reader_samples(p.r), n);
	pair_free(&p);
}

/* Samples added together share their tags, time and metadata, define a
 * metric once however often it comes, and are added all or none. */
static void
test_add_n(void **state)
{
	static const char meta[200] = "key";
	const uint32_t m1[] = { 0, 1, 0, 1 }, m2[] = { 2, 3, 2, 3 };
	const double v1[] = { 1, 2.5, 0, -7 }, v2[] = { 4, 5, 6, 7 };
	const uint32_t many[WIRE_ADD_MAX + 1] = { 0 };
	const double vmany[WIRE_ADD_MAX + 1] = { 0 };
	struct wire_sample s;
	struct pair p;
	char *cause = NULL;
	size_t i;

	/* A call's samples go as one record, with the metadata once: room
	 * for two calls' 4 samples and 200 bytes of metadata, not three
	 * (as separate samples, one call's would take 900 bytes). */
	pair_init(&p, 800, 0);
	memset(&s, 0, sizeof s);
	s.tags = p.t[2];
	s.time = 1764126000123456789LL;
	s.flags = WIRE_SAMPLE_META | WIRE_SAMPLE_UMETA;
	s.vu = 3;
	s.iter = 9;
	s.meta = meta;
	s.meta_len = sizeof meta;
	assert_int_equal(wire_writer_add_n(p.w, &s, m1, v1, 4, &cause), 0);
	assert_int_equal(wire_writer_count(p.w), 4);
	s.time += 1000;
	assert_int_equal(wire_writer_add_n(p.w, &s, m2, v2, 4, &cause), 0);
	s.time += 1000;
	assert_int_equal(wire_writer_add_n(p.w, &s, m1, v1, 4, &cause),
	    WIRE_FULL);
	assert_int_equal(wire_writer_count(p.w), 8);
	pair_flush(&p);
	assert_int_equal(wire_writer_add_n(p.w, &s, m1, v1, 4, &cause), 0);
	pair_flush(&p);
	assert_int_equal(p.g.batches, 2);
	assert_int_equal(p.g.n, 12);
	assert_int_equal(p.g.metric_defs, 4);
	for (i = 0; i < 12; i++) {
		assert_int_equal(p.g.s[i].metric, (i < 4 || i >= 8 ? m1[i % 4] :
		    m2[i % 4]) + 100);
		assert_same_tags(&p, p.t[2], p.g.s[i].tags);
		assert_int_equal(p.g.s[i].time, 1764126000123456789LL +
		    1000 * (int64_t)(i / 4));
		assert_true(p.g.s[i].value == (i < 4 || i >= 8 ? v1[i % 4] :
		    v2[i % 4]));
		assert_int_equal(p.g.s[i].flags,
		    WIRE_SAMPLE_META | WIRE_SAMPLE_UMETA);
		assert_int_equal(p.g.s[i].vu, 3);
		assert_int_equal(p.g.s[i].iter, 9);
		assert_int_equal(p.g.s[i].meta_len, sizeof meta);
	}
	assert_int_equal(wire_writer_add_n(p.w, &s, many, vmany,
	    WIRE_ADD_MAX + 1, &cause), -1);
	free(cause);
	pair_free(&p);
}

/* Decode with msgpack-c: the bytes are plain msgpack, one object. */
static msgpack_object
unpack(msgpack_unpacked *u, const struct buf *b)
{
	size_t off = 0;

	assert_int_equal(msgpack_unpack_next(u, b->data, b->len, &off),
	    MSGPACK_UNPACK_SUCCESS);
	assert_int_equal(off, b->len);
	assert_int_equal(u->data.type, MSGPACK_OBJECT_ARRAY);
	return u->data;
}

static void
test_defs_once(void **state)
{
	struct pair p;
	msgpack_unpacked u;
	msgpack_object o;
	int round;

	pair_init(&p, 0, 0);
	msgpack_unpacked_init(&u);
	for (round = 0; round < 3; round++) {
		add(&p, 0, p.t[0], 1000 + round, 1);
		add(&p, 1, p.t[1], 2000 + round, 0.25);
		add(&p, 1, p.t[0], 3000 + round, 0.5);
		if (round == 2)
			add(&p, 3, p.t[2], 4000, 1);
		assert_int_equal(wire_writer_finish(p.w, &p.out, NULL), 0);
		o = unpack(&u, &p.out);
		assert_int_equal(o.via.array.size, 7);
		assert_int_equal(o.via.array.ptr[0].via.u64, WIRE_BATCH);
		assert_int_equal(o.via.array.ptr[1].via.u64, 7);
		assert_int_equal(o.via.array.ptr[2].via.u64, round);
		assert_int_equal(o.via.array.ptr[4].via.array.size,
		    round == 0 ? 2 : round == 2 ? 1 : 0);
		assert_int_equal(o.via.array.ptr[5].via.array.size,
		    round == 0 ? 2 : round == 2 ? 1 : 0);
		assert_int_equal(o.via.array.ptr[6].via.array.size,
		    round == 2 ? 4 : 3);
		{
			char *cause = NULL;

			if (wire_reader_feed(p.r, p.out.data, p.out.len,
			    &cause) != 0)
				fail_msg("%s", cause);
		}
	}
	assert_int_equal(p.g.n, 10);
	assert_int_equal(p.g.metric_defs, 3);
	assert_int_equal(p.g.s[9].metric, 103);
	assert_same_tags(&p, p.t[2], p.g.s[9].tags);
	msgpack_unpacked_destroy(&u);
	pair_free(&p);
}

static void
test_control(void **state)
{
	struct pair p;
	char *cause = NULL;
	struct buf b = BUF_INIT;

	pair_init(&p, 0, 0);
	/* An empty batch is nothing and takes no sequence number. */
	assert_int_equal(wire_writer_finish(p.w, &p.out, &cause), 0);
	assert_int_equal(p.out.len, 0);
	assert_int_equal(wire_writer_vus(p.w, &b, 5000, 10, 20), 0);
	assert_int_equal(wire_reader_feed(p.r, b.data, b.len, &cause), 0);
	assert_int_equal(p.g.vus_time, 5000);
	assert_int_equal(p.g.vus, 10);
	assert_int_equal(p.g.vus_max, 20);
	add(&p, 2, p.t[3], 1, 3.5);
	pair_flush(&p);
	assert_int_equal(wire_writer_log(p.w, &b, 2, "hello from a VU", 15),
	    0);
	assert_int_equal(wire_reader_feed(p.r, b.data, b.len, &cause), 0);
	assert_int_equal(p.g.level, 2);
	assert_string_equal(p.g.log, "hello from a VU");
	assert_int_equal(wire_writer_done(p.w, &b), 0);
	assert_int_equal(wire_reader_feed(p.r, b.data, b.len, &cause), 0);
	assert_int_equal(p.g.done, 1);
	assert_int_equal(wire_reader_messages(p.r), 4);
	/* Replaying a message is noticed. */
	assert_int_equal(wire_reader_feed(p.r, b.data, b.len, &cause), -1);
	assert_non_null(strstr(cause, "expected"));
	free(cause);
	buf_free(&b);
	pair_free(&p);
}

/* A batch with definitions, samples with and without metadata. */
static void
sample_batch(struct pair *p, struct buf *b)
{
	struct wire_sample s = { 1, 0, 1764126000000000000LL, 0.125,
	    WIRE_SAMPLE_META, 3, 4 };
	char *cause = NULL;

	s.tags = p->t[0];
	assert_int_equal(wire_writer_add(p->w, &s, &cause), 0);
	add(p, 0, p->t[1], 1764126000000000000LL + 5000, 1);
	add(p, 3, p->t[2], 1764126000000000000LL - 5000, 0);
	add(p, 2, p->t[3], 1764126000000000000LL, -1.5);
	assert_int_equal(wire_writer_finish(p->w, b, &cause), 0);
}

static void
test_truncated(void **state)
{
	struct pair p;
	struct buf b = BUF_INIT;
	struct wire_reader *r;
	struct got g;
	char *cause;
	size_t len;

	pair_init(&p, 0, 0);
	sample_batch(&p, &b);
	for (len = 0; len < b.len; len++) {
		memset(&g, 0, sizeof g);
		r = wire_reader_new(p.rtags, &handler, &g);
		cause = NULL;
		assert_int_equal(wire_reader_feed(r, b.data, len, &cause), -1);
		assert_non_null(cause);
		assert_int_equal(g.n, 0);	/* nothing half-delivered */
		free(cause);
		wire_reader_free(r);
	}
	/* Trailing garbage too. */
	memset(&g, 0, sizeof g);
	r = wire_reader_new(p.rtags, &handler, &g);
	buf_putc(&b, 0xc0);
	assert_int_equal(wire_reader_feed(r, b.data, b.len, &cause), -1);
	assert_non_null(strstr(cause, "trailing"));
	free(cause);
	/* The stream is broken now. */
	assert_int_equal(wire_reader_feed(r, b.data, b.len - 1, &cause), -1);
	assert_non_null(strstr(cause, "broken"));
	free(cause);
	wire_reader_free(r);
	buf_free(&b);
	pair_free(&p);
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
test_fuzz(void **state)
{
	struct pair p;
	struct buf b = BUF_INIT, m = BUF_INIT;
	struct wire_reader *r;
	struct got g;
	char *cause;
	int i, k, ok = 0, bad = 0;

	pair_init(&p, 0, 0);
	sample_batch(&p, &b);
	for (i = 0; i < 30000; i++) {
		buf_reset(&m);
		if (i % 10 == 9) {
			/* Pure garbage. */
			for (k = rnd() % 64; k > 0; k--)
				buf_putc(&m, (int)(rnd() & 0xff));
		} else {
			buf_add(&m, b.data, b.len);
			for (k = 1 + rnd() % 3; k > 0; k--)
				m.data[rnd() % m.len] = (char)(rnd() & 0xff);
		}
		memset(&g, 0, sizeof g);
		r = wire_reader_new(p.rtags, &handler, &g);
		cause = NULL;
		if (wire_reader_feed(r, m.data, m.len, &cause) == 0)
			ok++;
		else {
			assert_non_null(cause);
			bad++;
		}
		free(cause);
		free(g.s);
		wire_reader_free(r);
	}
	assert_true(bad > 0);
	buf_free(&m);
	buf_free(&b);
	pair_free(&p);
}

/* Hand-made messages that a correct writer never sends. */
static void
feed_packed(const char *what, void (*make)(msgpack_packer *),
    const char *expect)
{
	struct tagset_table *t = tagset_table_new(0);
	struct wire_reader *r;
	struct got g;
	msgpack_sbuffer sb;
	msgpack_packer pk;
	char *cause = NULL;

	memset(&g, 0, sizeof g);
	r = wire_reader_new(t, &handler, &g);
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	make(&pk);
	if (wire_reader_feed(r, sb.data, sb.size, &cause) != -1)
		fail_msg("%s: accepted", what);
	if (strstr(cause, expect) == NULL)
		fail_msg("%s: cause \"%s\" lacks \"%s\"", what, cause, expect);
	free(cause);
	msgpack_sbuffer_destroy(&sb);
	wire_reader_free(r);
	tagset_table_free(t);
}

static void
head(msgpack_packer *pk, int n, int type)
{
	msgpack_pack_array(pk, n);
	msgpack_pack_int(pk, type);
	msgpack_pack_int(pk, 1);
	msgpack_pack_int(pk, 0);
}

static void
mk_unknown_type(msgpack_packer *pk)
{
	head(pk, 3, 99);
}

/* The metric definitions: one, 0: m, a Counter. */
static void
metricdef_m(msgpack_packer *pk)
{
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 4);
	msgpack_pack_int(pk, 0);
	msgpack_pack_str_with_body(pk, "m", 1);
	msgpack_pack_int(pk, 0);
	msgpack_pack_int(pk, 0);
}

static void
mk_undefined_tags(msgpack_packer *pk)
{
	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 0);
	metricdef_m(pk);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 4);
	msgpack_pack_int(pk, 0);
	msgpack_pack_int(pk, 5);
	msgpack_pack_int(pk, 0);
	msgpack_pack_double(pk, 1);
}

/* A batch's head, base time and one tag set, 5: {k: v}. */
static void
batch_tagdef(msgpack_packer *pk)
{
	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 3);
	msgpack_pack_int(pk, 5);
	msgpack_pack_str_with_body(pk, "k", 1);
	msgpack_pack_str_with_body(pk, "v", 1);
}

static void
mk_undefined_metric(msgpack_packer *pk)
{
	batch_tagdef(pk);
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 4);
	msgpack_pack_int(pk, 9);
	msgpack_pack_int(pk, 5);
	msgpack_pack_int(pk, 0);
	msgpack_pack_double(pk, 1);
}

static void
mk_huge_count(msgpack_packer *pk)
{
	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 0xffffffffU);
}

static void
mk_twice(msgpack_packer *pk)
{
	int i;

	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 2);
	for (i = 0; i < 2; i++) {
		msgpack_pack_array(pk, 1);
		msgpack_pack_int(pk, 5);
	}
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 0);
}

static void
mk_nul_tag(msgpack_packer *pk)
{
	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 3);
	msgpack_pack_int(pk, 5);
	msgpack_pack_str_with_body(pk, "k\0x", 3);
	msgpack_pack_str_with_body(pk, "v", 1);
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 0);
}

static void
mk_bad_type(msgpack_packer *pk)
{
	head(pk, 7, WIRE_BATCH);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 0);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 4);
	msgpack_pack_int(pk, 0);
	msgpack_pack_str_with_body(pk, "m", 1);
	msgpack_pack_int(pk, 7);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 0);
}

/* A record of two metrics and three values. */
static void
mk_record_mismatch(msgpack_packer *pk)
{
	batch_tagdef(pk);
	metricdef_m(pk);
	msgpack_pack_array(pk, 1);
	msgpack_pack_array(pk, 4);
	msgpack_pack_array(pk, 2);
	msgpack_pack_int(pk, 0);
	msgpack_pack_int(pk, 0);
	msgpack_pack_int(pk, 5);
	msgpack_pack_int(pk, 0);
	msgpack_pack_array(pk, 3);
	msgpack_pack_double(pk, 1);
	msgpack_pack_double(pk, 2);
	msgpack_pack_double(pk, 3);
}

static void
mk_not_array(msgpack_packer *pk)
{
	msgpack_pack_map(pk, 0);
}

static void
mk_seq_gap(msgpack_packer *pk)
{
	msgpack_pack_array(pk, 3);
	msgpack_pack_int(pk, WIRE_DONE);
	msgpack_pack_int(pk, 1);
	msgpack_pack_int(pk, 1);
}

static void
test_errors(void **state)
{
	struct pair p;
	char *cause = NULL;

	feed_packed("unknown type", mk_unknown_type, "unknown message type");
	feed_packed("undefined tags", mk_undefined_tags, "undefined tag set");
	feed_packed("undefined metric", mk_undefined_metric,
	    "undefined metric");
	feed_packed("huge count", mk_huge_count, "larger than the message");
	feed_packed("defined twice", mk_twice, "defined twice");
	feed_packed("NUL in tag", mk_nul_tag, "NUL");
	feed_packed("bad metric type", mk_bad_type, "out of range");
	feed_packed("not an array", mk_not_array, "expected an array");
	feed_packed("record's counts differ", mk_record_mismatch, "bad sample");
	feed_packed("sequence gap", mk_seq_gap, "expected");

	/* A handler's refusal stops the feed with its cause. */
	pair_init(&p, 0, 0);
	p.g.fail = 1;
	add(&p, 0, p.t[0], 1, 1);
	assert_int_equal(wire_writer_finish(p.w, &p.out, &cause), 0);
	assert_int_equal(wire_reader_feed(p.r, p.out.data, p.out.len, &cause),
	    -1);
	assert_string_equal(cause, "aggregator says no");
	free(cause);
	/* Unknown ids on the writer side. */
	{
		struct wire_sample s = { 99, 1, 0, 0, 0, 0, 0 };

		assert_int_equal(wire_writer_add(p.w, &s, &cause), -1);
		free(cause);
		s.metric = 0;
		s.tags = 77;
		assert_int_equal(wire_writer_add(p.w, &s, &cause), -1);
		free(cause);
		s.tags = 0;
		assert_int_equal(wire_writer_add(p.w, &s, &cause), -1);
		free(cause);
	}
	pair_free(&p);
}

static void
test_large(void **state)
{
	struct pair p;
	size_t i, n = 200000;

	pair_init(&p, 0, 0);
	for (i = 0; i < n; i++)
		add(&p, i % NMETRICS, p.t[i % 3], (int64_t)i * 1000,
		    (double)i / 8);
	pair_flush(&p);
	assert_int_equal(p.g.n, n);
	assert_int_equal(p.g.batches, 1);
	for (i = 0; i < n; i += 1009) {
		assert_int_equal(p.g.s[i].time, (int64_t)i * 1000);
		assert_true(p.g.s[i].value == (double)i / 8);
	}
	pair_free(&p);
}

static void
test_batch_cap(void **state)
{
	struct wire_sample s = { 0, 0, 0, 0, 0, 0, 0 };
	struct pair p;
	char *cause = NULL;
	size_t i, n = 5000, flushes = 0;
	int rc;

	pair_init(&p, 2048, 0);
	for (i = 0; i < n; i++) {
		s.metric = i % NMETRICS;
		s.tags = p.t[i % 4];
		s.time = (int64_t)i;
		s.value = (double)i + 0.5;
		while ((rc = wire_writer_add(p.w, &s, &cause)) == WIRE_FULL) {
			assert_true(wire_writer_bytes(p.w) <= 2048);
			pair_flush(&p);
			flushes++;
		}
		assert_int_equal(rc, 0);
	}
	pair_flush(&p);
	assert_true(flushes > 10);
	assert_int_equal(p.g.n, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(p.g.s[i].time, (int64_t)i);
		assert_true(p.g.s[i].value == (double)i + 0.5);
	}
	pair_free(&p);
}

static void
test_receiver_full(void **state)
{
	struct pair p;

	/* The receiver's table holds one set: the others arrive as 0. */
	pair_init(&p, 0, 1);
	add(&p, 0, p.t[0], 1, 1);
	add(&p, 0, p.t[1], 2, 1);
	add(&p, 0, p.t[0], 3, 1);
	pair_flush(&p);
	assert_int_equal(p.g.n, 3);
	assert_int_equal(p.g.s[0].tags, 1);
	assert_int_equal(p.g.s[1].tags, 0);
	assert_int_equal(p.g.s[2].tags, 1);
	assert_int_equal(wire_reader_overflow(p.r), 1);
	pair_free(&p);
}

/* The script's metadata of any length fits in a sample: a long value is
 * room the writer must make, not bytes written past its buffer. */
static void
test_long_metadata(void **state)
{
	static const size_t lens[] = { 2, 32, 300, 70000, 5 };
	struct wire_sample s;
	struct pair p;
	char *cause = NULL, *meta;
	size_t i, n = sizeof lens / sizeof lens[0];

	meta = malloc(70000);
	assert_non_null(meta);
	memset(meta, 'm', 70000);
	pair_init(&p, 0, 0);
	memset(&s, 0, sizeof s);
	for (i = 0; i < n; i++) {
		s.metric = 0;
		s.tags = p.t[0];
		s.time = 1000;
		s.value = (double)i;
		s.flags = WIRE_SAMPLE_UMETA | (i % 2 ? WIRE_SAMPLE_META : 0);
		s.vu = 1;
		s.iter = 2;
		meta[lens[i] - 1] = '\0';
		s.meta = meta;
		s.meta_len = (uint32_t)lens[i];
		assert_int_equal(wire_writer_add(p.w, &s, &cause), 0);
		meta[lens[i] - 1] = 'm';
	}
	pair_flush(&p);
	assert_int_equal(p.g.n, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(p.g.s[i].meta_len, lens[i]);
		assert_int_equal(p.g.s[i].value, (double)i);
	}
	pair_free(&p);
	free(meta);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_add_n),
		cmocka_unit_test(test_long_metadata),
		cmocka_unit_test(test_defs_once),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_batch_cap),
		cmocka_unit_test(test_receiver_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
