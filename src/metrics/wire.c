/* The msgpack stream from a worker to the coordinator; see wire.h. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <msgpack.h>

#include "metrics/wire.h"
#include "util/xmalloc.h"

#define WIRE_DEFAULT_BYTES	((size_t)16 << 20)
#define WIRE_HEADER_BYTES	64	/* bound on a batch's fixed fields */
#define WIRE_MAX_NAME		1024	/* bytes of a metric name */
#define WIRE_UNDEF		UINT32_MAX

/* Writer ------------------------------------------------------------ */

struct wire_writer {
	uint32_t		 worker;
	uint64_t		 seq;
	struct tagset_table	*tags;
	wire_metric_fn		 metric_fn;
	void			*metric_arg;
	size_t			 max_bytes;

	/* The batch being built, in three parts joined by finish. */
	struct buf		 tdefs, mdefs, samples;
	msgpack_packer		 tpk, mpk;
	size_t			 ntdefs, nmdefs, nsamples, nrecords;
	int64_t			 base;

	/* Which ids this stream has defined (one byte each). */
	uint8_t			*tsent;
	size_t			 tsent_len;
	uint8_t			*msent;
	size_t			 msent_len;
};

static int
wire_buf_write(void *data, const char *p, size_t len)
{
	return buf_add(data, p, len);
}

/* For samples: wire_writer_add reserves the most a record can take,
 * then writes msgpack's smallest encodings (those msgpack-c's packer
 * writes) straight into the buffer: a request makes 14 samples, and the
 * packer's callback per field made them 9 % of its instructions. */
#define WIRE_SAMPLE_MAX	64	/* without the metadata's bytes */

/* Written out, so that the compiler stores each width at once (a
 * byte's loop was a fifth of the records' instructions). */
static uint8_t *
put_be(uint8_t *p, uint64_t v, int bytes)
{
	switch (bytes) {
	case 8:
		p[0] = (uint8_t)(v >> 56);
		p[1] = (uint8_t)(v >> 48);
		p[2] = (uint8_t)(v >> 40);
		p[3] = (uint8_t)(v >> 32);
		p[4] = (uint8_t)(v >> 24);
		p[5] = (uint8_t)(v >> 16);
		p[6] = (uint8_t)(v >> 8);
		p[7] = (uint8_t)v;
		break;
	case 4:
		p[0] = (uint8_t)(v >> 24);
		p[1] = (uint8_t)(v >> 16);
		p[2] = (uint8_t)(v >> 8);
		p[3] = (uint8_t)v;
		break;
	case 2:
		p[0] = (uint8_t)(v >> 8);
		p[1] = (uint8_t)v;
		break;
	default:
		p[0] = (uint8_t)v;
		break;
	}
	return p + bytes;
}

static uint8_t *
put_uint(uint8_t *p, uint64_t v)
{
	if (v < 128) {
		*p++ = (uint8_t)v;
		return p;
	}
	if (v < 256) {
		*p++ = 0xcc;
		return put_be(p, v, 1);
	}
	if (v < 65536) {
		*p++ = 0xcd;
		return put_be(p, v, 2);
	}
	if (v <= UINT32_MAX) {
		*p++ = 0xce;
		return put_be(p, v, 4);
	}
	*p++ = 0xcf;
	return put_be(p, v, 8);
}

static uint8_t *
put_int(uint8_t *p, int64_t v)
{
	if (v >= 0)
		return put_uint(p, (uint64_t)v);
	if (v >= -32) {
		*p++ = (uint8_t)v;
		return p;
	}
	if (v >= INT8_MIN) {
		*p++ = 0xd0;
		return put_be(p, (uint64_t)v, 1);
	}
	if (v >= INT16_MIN) {
		*p++ = 0xd1;
		return put_be(p, (uint64_t)v, 2);
	}
	if (v >= INT32_MIN) {
		*p++ = 0xd2;
		return put_be(p, (uint64_t)v, 4);
	}
	*p++ = 0xd3;
	return put_be(p, (uint64_t)v, 8);
}

static uint8_t *
put_double(uint8_t *p, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof bits);
	*p++ = 0xcb;
	return put_be(p, bits, 8);
}

static uint8_t *
put_array(uint8_t *p, uint32_t n)
{
	if (n < 16) {
		*p++ = (uint8_t)(0x90 | n);
		return p;
	}
	*p++ = 0xdc;
	return put_be(p, n, 2);
}

static uint8_t *
put_str(uint8_t *p, const char *s, uint32_t len)
{
	if (len < 32)
		*p++ = (uint8_t)(0xa0 | len);
	else if (len < 256) {
		*p++ = 0xd9;
		p = put_be(p, len, 1);
	} else if (len < 65536) {
		*p++ = 0xda;
		p = put_be(p, len, 2);
	} else {
		*p++ = 0xdb;
		p = put_be(p, len, 4);
	}
	memcpy(p, s, len);
	return p + len;
}

struct wire_writer *
wire_writer_new(uint32_t worker, struct tagset_table *tags,
    wire_metric_fn fn, void *arg, size_t max_bytes)
{
	struct wire_writer *w;

	w = xcalloc(1, sizeof *w);
	w->worker = worker;
	w->tags = tags;
	w->metric_fn = fn;
	w->metric_arg = arg;
	w->max_bytes = max_bytes ? max_bytes : WIRE_DEFAULT_BYTES;
	buf_init(&w->tdefs, w->max_bytes);
	buf_init(&w->mdefs, w->max_bytes);
	buf_init(&w->samples, w->max_bytes);
	msgpack_packer_init(&w->tpk, &w->tdefs, wire_buf_write);
	msgpack_packer_init(&w->mpk, &w->mdefs, wire_buf_write);
	return w;
}

void
wire_writer_free(struct wire_writer *w)
{
	if (w == NULL)
		return;
	buf_free(&w->tdefs);
	buf_free(&w->mdefs);
	buf_free(&w->samples);
	free(w->tsent);
	free(w->msent);
	free(w);
}

/* Make room for index id in a sent map. */
static void
wire_sent_grow(uint8_t **map, size_t *len, size_t id)
{
	size_t n = *len ? *len : 64;

	while (n <= id)
		n *= 2;
	*map = xrealloc(*map, n);
	memset(*map + *len, 0, n - *len);
	*len = n;
}

static int
wire_pack_tagdef(struct wire_writer *w, uint32_t id, char **cause)
{
	const struct tag *t;
	size_t n, i, len;
	int rc = 0;

	if ((t = tagset_get(w->tags, id, &n)) == NULL) {
		*cause = xasprintf("unknown tag set %u", id);
		return -1;
	}
	rc |= msgpack_pack_array(&w->tpk, 1 + 2 * n);
	rc |= msgpack_pack_uint32(&w->tpk, id);
	for (i = 0; i < n; i++) {
		len = strlen(t[i].key);
		rc |= msgpack_pack_str_with_body(&w->tpk, t[i].key, len);
		len = strlen(t[i].value);
		rc |= msgpack_pack_str_with_body(&w->tpk, t[i].value, len);
	}
	return rc ? WIRE_FULL : 0;
}

static int
wire_pack_metricdef(struct wire_writer *w, uint32_t id, char **cause)
{
	struct wire_metric m = { id, NULL, 0, 0 };
	size_t len;
	int rc = 0;

	if (w->metric_fn == NULL || w->metric_fn(w->metric_arg, id, &m) != 0 ||
	    m.name == NULL) {
		*cause = xasprintf("unknown metric %u", id);
		return -1;
	}
	len = strlen(m.name);
	if (len > WIRE_MAX_NAME) {
		*cause = xasprintf("metric name of %zu bytes", len);
		return -1;
	}
	rc |= msgpack_pack_array(&w->mpk, 4);
	rc |= msgpack_pack_uint32(&w->mpk, id);
	rc |= msgpack_pack_str_with_body(&w->mpk, m.name, len);
	rc |= msgpack_pack_int(&w->mpk, m.type);
	rc |= msgpack_pack_int(&w->mpk, m.contains);
	return rc ? WIRE_FULL : 0;
}

int
wire_writer_add(struct wire_writer *w, const struct wire_sample *s,
    char **cause)
{
	return wire_writer_add_n(w, s, &s->metric, &s->value, 1, cause);
}

int
wire_writer_add_n(struct wire_writer *w, const struct wire_sample *s,
    const uint32_t *metric, const double *value, size_t n, char **cause)
{
	size_t tlen = w->tdefs.len, mlen = w->mdefs.len, slen = w->samples.len;
	size_t i, nnewm = 0;
	uint32_t newm[WIRE_ADD_MAX];	/* metrics defined by this call */
	int newt = 0, rc = 0;
	uint8_t *p, *start;
	uint32_t meta_len;
	int64_t dt;
	double v;

	if (n > WIRE_ADD_MAX) {
		*cause = xasprintf("%zu samples at once, more than %d", n,
		    WIRE_ADD_MAX);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (metric[i] >= WIRE_MAX_METRICS) {
			*cause = xasprintf("metric id %u out of range", metric[i]);
			return -1;
		}
	if (s->tags == 0 || s->tags >= WIRE_MAX_TAGSETS) {
		*cause = xasprintf("tag set id %u out of range", s->tags);
		return -1;
	}
	if (s->tags >= w->tsent_len)
		wire_sent_grow(&w->tsent, &w->tsent_len, s->tags);
	if (!w->tsent[s->tags]) {
		if ((rc = wire_pack_tagdef(w, s->tags, cause)) != 0)
			goto fail;
		newt = 1;
	}
	for (i = 0; i < n; i++) {
		if (metric[i] >= w->msent_len)
			wire_sent_grow(&w->msent, &w->msent_len, metric[i]);
		if (w->msent[metric[i]])
			continue;
		if ((rc = wire_pack_metricdef(w, metric[i], cause)) != 0)
			goto fail;
		/* marked now, so a metric twice in the list is defined once */
		w->msent[metric[i]] = 1;
		newm[nnewm++] = metric[i];
	}

	meta_len = s->flags & WIRE_SAMPLE_UMETA ? s->meta_len : 0;
	if (buf_reserve(&w->samples, n * WIRE_SAMPLE_MAX + (size_t)meta_len) != 0) {
		rc = WIRE_FULL;
		goto fail;
	}
	if (w->nsamples == 0)
		w->base = s->time;
	/* Unsigned arithmetic: wraps instead of overflowing. */
	dt = (int64_t)((uint64_t)s->time - (uint64_t)w->base);
	p = start = (uint8_t *)w->samples.data + w->samples.len;
	*p++ = (uint8_t)(0x90 | (4 + (s->flags & WIRE_SAMPLE_META ? 2 : 0) +
	    (s->flags & WIRE_SAMPLE_UMETA ? 1 : 0)));
	/* Samples that share the rest go as one record: their metrics and
	 * their values as two arrays. */
	if (n > 1)
		p = put_array(p, (uint32_t)n);
	for (i = 0; i < n; i++)
		p = put_uint(p, metric[i]);
	p = put_uint(p, s->tags);
	p = put_int(p, dt);
	if (n > 1)
		p = put_array(p, (uint32_t)n);
	for (i = 0; i < n; i++) {
		v = value[i];
		/* Counters and rates are mostly small integers: 1 byte, not 9
		 * (tested without libm's floor, a call per value). */
		if (v >= 0 && v < 9007199254740992.0 && !signbit(v) &&
		    (double)(int64_t)v == v)
			p = put_uint(p, (uint64_t)v);
		else
			p = put_double(p, v);
	}
	if (s->flags & WIRE_SAMPLE_META) {
		p = put_uint(p, s->vu);
		p = put_uint(p, s->iter);
	}
	if (s->flags & WIRE_SAMPLE_UMETA)
		p = put_str(p, s->meta, meta_len);
	w->samples.len += (size_t)(p - start);
	if (wire_writer_bytes(w) > w->max_bytes) {
		rc = WIRE_FULL;
		goto fail;
	}
	if (newt) {
		w->tsent[s->tags] = 1;
		w->ntdefs++;
	}
	w->nmdefs += nnewm;
	w->nsamples += n;
	w->nrecords++;
	return 0;

fail:
	w->tdefs.len = tlen;
	w->mdefs.len = mlen;
	w->samples.len = slen;
	for (i = 0; i < nnewm; i++)
		w->msent[newm[i]] = 0;
	if (rc == WIRE_FULL && w->nsamples == 0) {
		*cause = xasprintf("a sample does not fit in a %zu byte batch",
		    w->max_bytes);
		return -1;
	}
	return rc;
}

size_t
wire_writer_count(const struct wire_writer *w)
{
	return w->nsamples;
}

size_t
wire_writer_bytes(const struct wire_writer *w)
{
	return WIRE_HEADER_BYTES + w->tdefs.len + w->mdefs.len +
	    w->samples.len;
}

static void
wire_pack_head(msgpack_packer *pk, size_t n, int type, uint32_t worker,
    uint64_t seq)
{
	msgpack_pack_array(pk, n);
	msgpack_pack_int(pk, type);
	msgpack_pack_uint32(pk, worker);
	msgpack_pack_uint64(pk, seq);
}

int
wire_writer_finish(struct wire_writer *w, struct buf *out, char **cause)
{
	msgpack_packer pk;
	int rc = -1;

	buf_reset(out);
	if (w->nsamples == 0)
		return 0;
	if (buf_reserve(out, wire_writer_bytes(w)) != 0) {
		*cause = xasprintf("batch of %zu bytes is too large for its "
		    "buffer", wire_writer_bytes(w));
		goto out;
	}
	msgpack_packer_init(&pk, out, wire_buf_write);
	wire_pack_head(&pk, 7, WIRE_BATCH, w->worker, w->seq);
	msgpack_pack_int64(&pk, w->base);
	msgpack_pack_array(&pk, w->ntdefs);
	buf_add(out, w->tdefs.data, w->tdefs.len);
	msgpack_pack_array(&pk, w->nmdefs);
	buf_add(out, w->mdefs.data, w->mdefs.len);
	msgpack_pack_array(&pk, w->nrecords);
	buf_add(out, w->samples.data, w->samples.len);
	w->seq++;
	rc = 0;
out:
	buf_reset(&w->tdefs);
	buf_reset(&w->mdefs);
	buf_reset(&w->samples);
	w->ntdefs = w->nmdefs = w->nsamples = w->nrecords = 0;
	return rc;
}

int
wire_writer_done(struct wire_writer *w, struct buf *out)
{
	msgpack_packer pk;

	buf_reset(out);
	msgpack_packer_init(&pk, out, wire_buf_write);
	wire_pack_head(&pk, 3, WIRE_DONE, w->worker, w->seq++);
	return 0;
}

int
wire_writer_log(struct wire_writer *w, struct buf *out, int level,
    const char *text, size_t len)
{
	msgpack_packer pk;

	if (len > WIRE_MAX_LOG)
		len = WIRE_MAX_LOG;
	buf_reset(out);
	msgpack_packer_init(&pk, out, wire_buf_write);
	wire_pack_head(&pk, 5, WIRE_LOG, w->worker, w->seq++);
	msgpack_pack_int(&pk, level);
	msgpack_pack_str_with_body(&pk, text, len);
	return 0;
}

int
wire_writer_vus(struct wire_writer *w, struct buf *out, int64_t time,
    uint32_t vus, uint32_t vus_max)
{
	msgpack_packer pk;

	buf_reset(out);
	msgpack_packer_init(&pk, out, wire_buf_write);
	wire_pack_head(&pk, 6, WIRE_VUS, w->worker, w->seq++);
	msgpack_pack_int64(&pk, time);
	msgpack_pack_uint32(&pk, vus);
	msgpack_pack_uint32(&pk, vus_max);
	return 0;
}

int
wire_writer_progress(struct wire_writer *w, struct buf *out, const uint64_t *counts,
    size_t n)
{
	msgpack_packer pk;
	size_t i;

	if (n > WIRE_MAX_PROGRESS)
		n = WIRE_MAX_PROGRESS;
	buf_reset(out);
	msgpack_packer_init(&pk, out, wire_buf_write);
	wire_pack_head(&pk, 4, WIRE_PROGRESS, w->worker, w->seq++);
	msgpack_pack_array(&pk, (uint32_t)n);
	for (i = 0; i < n; i++)
		msgpack_pack_uint64(&pk, counts[i]);
	return 0;
}

/* Reader ------------------------------------------------------------ */

struct wire_reader {
	struct tagset_table	*tags;
	struct wire_handler	 h;
	void			*arg;

	int			 started;
	int			 broken;
	uint32_t		 worker;
	uint64_t		 seq;

	/* Sender id -> our id, WIRE_UNDEF until defined. */
	uint32_t		*tmap;
	size_t			 tmap_len;
	uint32_t		*mmap;
	size_t			 mmap_len;

	struct wire_sample	*samples;
	size_t			 samples_len;
	char			*scratch;	/* tag strings, NUL-terminated */

	uint64_t		 nmessages;
	uint64_t		 nsamples;
	uint64_t		 overflow;
};

/* A cursor over the message being decoded. */
struct rd {
	const unsigned char	*p;
	const unsigned char	*start;
	const unsigned char	*end;
	const char		*err;
};

static int
rd_fail(struct rd *c, const char *err)
{
	if (c->err == NULL)
		c->err = err;
	return -1;
}

static inline uint16_t
rd_be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t
rd_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t
rd_be64(const unsigned char *p)
{
	return (uint64_t)rd_be32(p) << 32 | rd_be32(p + 4);
}

static inline size_t
rd_left(const struct rd *c)
{
	return c->end - c->p;
}

static inline int
rd_array(struct rd *c, uint32_t *n)
{
	unsigned char b;

	if (c->p >= c->end)
		return rd_fail(c, "truncated");
	b = *c->p;
	if ((b & 0xf0) == 0x90) {
		*n = b & 0x0f;
		c->p++;
		return 0;
	}
	if (b == 0xdc && rd_left(c) >= 3) {
		*n = rd_be16(c->p + 1);
		c->p += 3;
		return 0;
	}
	if (b == 0xdd && rd_left(c) >= 5) {
		*n = rd_be32(c->p + 1);
		c->p += 5;
		return 0;
	}
	return rd_fail(c, b == 0xdc || b == 0xdd ? "truncated" :
	    "expected an array");
}

/* Any integer, as a signed 64-bit value; *neg_ok 0 refuses negatives. */
static inline int
rd_int(struct rd *c, int64_t *v, int neg_ok)
{
	const unsigned char *p = c->p;
	size_t need;
	uint64_t u;

	if (p >= c->end)
		return rd_fail(c, "truncated");
	if (*p < 0x80) {
		*v = *p;
		c->p++;
		return 0;
	}
	if (*p >= 0xe0) {
		if (!neg_ok)
			return rd_fail(c, "negative number");
		*v = (int8_t)*p;
		c->p++;
		return 0;
	}
	switch (*p) {
	case 0xcc: case 0xd0: need = 2; break;
	case 0xcd: case 0xd1: need = 3; break;
	case 0xce: case 0xd2: need = 5; break;
	case 0xcf: case 0xd3: need = 9; break;
	default:
		return rd_fail(c, "expected an integer");
	}
	if (rd_left(c) < need)
		return rd_fail(c, "truncated");
	switch (*p) {
	case 0xcc: *v = p[1]; break;
	case 0xcd: *v = rd_be16(p + 1); break;
	case 0xce: *v = rd_be32(p + 1); break;
	case 0xcf:
		u = rd_be64(p + 1);
		if (u > INT64_MAX)
			return rd_fail(c, "integer out of range");
		*v = (int64_t)u;
		break;
	case 0xd0: *v = (int8_t)p[1]; break;
	case 0xd1: *v = (int16_t)rd_be16(p + 1); break;
	case 0xd2: *v = (int32_t)rd_be32(p + 1); break;
	default: *v = (int64_t)rd_be64(p + 1); break;
	}
	if (*v < 0 && !neg_ok)
		return rd_fail(c, "negative number");
	c->p += need;
	return 0;
}

/* A non-negative integer no larger than max. */
static inline int
rd_uint(struct rd *c, uint64_t max, uint64_t *u)
{
	int64_t v;

	if (c->p < c->end && *c->p < 0x80) {
		*u = *c->p++;
		return *u <= max ? 0 : rd_fail(c, "integer out of range");
	}
	if (rd_int(c, &v, 0) != 0)
		return -1;
	if ((uint64_t)v > max)
		return rd_fail(c, "integer out of range");
	*u = (uint64_t)v;
	return 0;
}

static inline int
rd_double(struct rd *c, double *d)
{
	const unsigned char *p = c->p;
	uint64_t u;
	uint32_t f;
	int64_t v;
	float fl;

	if (p < c->end && *p == 0xcb) {
		if (rd_left(c) < 9)
			return rd_fail(c, "truncated");
		u = rd_be64(p + 1);
		memcpy(d, &u, sizeof *d);
		c->p += 9;
		return 0;
	}
	if (p < c->end && *p == 0xca) {
		if (rd_left(c) < 5)
			return rd_fail(c, "truncated");
		f = rd_be32(p + 1);
		memcpy(&fl, &f, sizeof fl);
		*d = fl;
		c->p += 5;
		return 0;
	}
	if (p < c->end && *p == 0xcf) {
		/* An unsigned value above INT64_MAX is still a number. */
		if (rd_left(c) < 9)
			return rd_fail(c, "truncated");
		*d = (double)rd_be64(p + 1);
		c->p += 9;
		return 0;
	}
	if (rd_int(c, &v, 1) != 0) {
		if (c->err != NULL && strcmp(c->err, "expected an integer") == 0)
			c->err = "expected a number";
		return -1;
	}
	*d = (double)v;
	return 0;
}

static int
rd_str(struct rd *c, const char **s, size_t *len)
{
	const unsigned char *p = c->p;
	size_t hdr, n;

	if (p >= c->end)
		return rd_fail(c, "truncated");
	if ((*p & 0xe0) == 0xa0) {
		hdr = 1;
		n = *p & 0x1f;
	} else if (*p == 0xd9 && rd_left(c) >= 2) {
		hdr = 2;
		n = p[1];
	} else if (*p == 0xda && rd_left(c) >= 3) {
		hdr = 3;
		n = rd_be16(p + 1);
	} else if (*p == 0xdb && rd_left(c) >= 5) {
		hdr = 5;
		n = rd_be32(p + 1);
	} else if (*p == 0xd9 || *p == 0xda || *p == 0xdb)
		return rd_fail(c, "truncated");
	else
		return rd_fail(c, "expected a string");
	if (rd_left(c) - hdr < n)
		return rd_fail(c, "truncated");
	*s = (const char *)p + hdr;
	*len = n;
	c->p += hdr + n;
	return 0;
}

struct wire_reader *
wire_reader_new(struct tagset_table *tags, const struct wire_handler *h,
    void *arg)
{
	struct wire_reader *r;

	r = xcalloc(1, sizeof *r);
	r->tags = tags;
	if (h != NULL)
		r->h = *h;
	r->arg = arg;
	r->scratch = xmalloc(TAGSET_MAX_BYTES);
	return r;
}

void
wire_reader_free(struct wire_reader *r)
{
	if (r == NULL)
		return;
	free(r->tmap);
	free(r->mmap);
	free(r->samples);
	free(r->scratch);
	free(r);
}

static void
wire_map_grow(uint32_t **map, size_t *len, size_t id)
{
	size_t n = *len ? *len : 64;

	while (n <= id)
		n *= 2;
	*map = xreallocarray(*map, n, sizeof **map);
	memset(*map + *len, 0xff, (n - *len) * sizeof **map);
	*len = n;
}

static int
wire_read_tagdefs(struct wire_reader *r, struct rd *c)
{
	struct tag tags[TAGSET_MAX_TAGS];
	uint32_t n, i, m, j, id;
	const char *s;
	size_t len, used;
	uint64_t u;
	char *why = NULL;

	if (rd_array(c, &n) != 0)
		return -1;
	if (n > rd_left(c) / 2)
		return rd_fail(c, "tag set count larger than the message");
	for (i = 0; i < n; i++) {
		if (rd_array(c, &m) != 0)
			return -1;
		if (m % 2 != 1 || (m - 1) / 2 > TAGSET_MAX_TAGS)
			return rd_fail(c, "bad tag set definition");
		if (rd_uint(c, WIRE_MAX_TAGSETS - 1, &u) != 0)
			return -1;
		if (u == 0)
			return rd_fail(c, "tag set id 0");
		id = (uint32_t)u;
		if (id >= r->tmap_len)
			wire_map_grow(&r->tmap, &r->tmap_len, id);
		if (r->tmap[id] != WIRE_UNDEF)
			return rd_fail(c, "tag set defined twice");
		used = 0;
		for (j = 0; j < m - 1; j++) {
			if (rd_str(c, &s, &len) != 0)
				return -1;
			if (memchr(s, '\0', len) != NULL)
				return rd_fail(c, "NUL byte in a tag");
			if (len + 1 > TAGSET_MAX_BYTES - used)
				return rd_fail(c, "tag set too long");
			memcpy(r->scratch + used, s, len);
			r->scratch[used + len] = '\0';
			if (j % 2 == 0)
				tags[j / 2].key = r->scratch + used;
			else
				tags[j / 2].value = r->scratch + used;
			used += len + 1;
		}
		if (tagset_intern(r->tags, tags, (m - 1) / 2, &r->tmap[id],
		    &why) != 0) {
			/* Our table is full: keep the samples, lose the
			 * tags. */
			free(why);
			why = NULL;
			r->tmap[id] = 0;
			r->overflow++;
		}
	}
	return 0;
}

static int
wire_read_metricdefs(struct wire_reader *r, struct rd *c, char **cause)
{
	struct wire_metric m;
	uint32_t n, i, k, mine;
	const char *s;
	char name[WIRE_MAX_NAME + 1];
	size_t len;
	uint64_t u, type, contains;

	if (rd_array(c, &n) != 0)
		return -1;
	if (n > rd_left(c) / 5)
		return rd_fail(c, "metric count larger than the message");
	for (i = 0; i < n; i++) {
		if (rd_array(c, &k) != 0)
			return -1;
		if (k != 4)
			return rd_fail(c, "bad metric definition");
		if (rd_uint(c, WIRE_MAX_METRICS - 1, &u) != 0 ||
		    rd_str(c, &s, &len) != 0 ||
		    rd_uint(c, WIRE_RATE, &type) != 0 ||
		    rd_uint(c, WIRE_DATA, &contains) != 0)
			return -1;
		if (len == 0 || len > WIRE_MAX_NAME ||
		    memchr(s, '\0', len) != NULL)
			return rd_fail(c, "bad metric name");
		if (u >= r->mmap_len)
			wire_map_grow(&r->mmap, &r->mmap_len, u);
		if (r->mmap[u] != WIRE_UNDEF)
			return rd_fail(c, "metric defined twice");
		memcpy(name, s, len);
		name[len] = '\0';
		m.id = (uint32_t)u;
		m.name = name;
		m.type = (int)type;
		m.contains = (int)contains;
		mine = m.id;
		if (r->h.metric != NULL &&
		    r->h.metric(r->arg, r->worker, &m, &mine, cause) != 0)
			return -2;
		if (mine == WIRE_UNDEF)
			return rd_fail(c, "metric mapped to an invalid id");
		r->mmap[u] = mine;
	}
	return 0;
}

/* Room for n decoded samples. */
static void
wire_samples_grow(struct wire_reader *r, size_t n)
{
	size_t len = r->samples_len ? r->samples_len : 64;

	if (n <= r->samples_len)
		return;
	while (len < n)
		len *= 2;
	r->samples = xreallocarray(r->samples, len, sizeof *r->samples);
	r->samples_len = len;
}

/* A record's metric or value: one, or an array of *n; the first read
 * sets *n, the second must match it. */
static inline int
rd_count(struct rd *c, uint32_t *n, int first)
{
	uint32_t k = 1;

	if (c->p < c->end && ((*c->p & 0xf0) == 0x90 || *c->p == 0xdc ||
	    *c->p == 0xdd)) {
		if (rd_array(c, &k) != 0)
			return -1;
		/* each value takes a byte at least */
		if (k < 2 || k > rd_left(c))
			return rd_fail(c, "bad sample");
	}
	if (first)
		*n = k;
	else if (k != *n)
		return rd_fail(c, "bad sample");
	return 0;
}

static int
wire_read_samples(struct wire_reader *r, struct rd *c, int64_t base,
    size_t *np)
{
	struct wire_sample *s, *first;
	uint32_t n, i, j, k, nm;
	uint64_t m, t, vu, iter;
	size_t ns = 0;
	int64_t dt;
	double v;

	if (rd_array(c, &n) != 0)
		return -1;
	/* A record takes at least 5 bytes: check before allocating. */
	if (n > rd_left(c) / 5)
		return rd_fail(c, "sample count larger than the message");
	wire_samples_grow(r, n);
	for (i = 0; i < n; i++) {
		if (c->p < c->end && *c->p == 0x94) {
			k = 4;
			c->p++;
		} else if (rd_array(c, &k) != 0)
			return -1;
		if (k < 4 || k > 7)
			return rd_fail(c, "bad sample");
		/* a sample, or a record of nm samples sharing the rest */
		if (rd_count(c, &nm, 1) != 0)
			return -1;
		wire_samples_grow(r, ns + nm);
		first = &r->samples[ns];
		for (j = 0; j < nm; j++) {
			if (rd_uint(c, WIRE_MAX_METRICS - 1, &m) != 0)
				return -1;
			if (m >= r->mmap_len || r->mmap[m] == WIRE_UNDEF)
				return rd_fail(c, "sample of an undefined metric");
			first[j].metric = r->mmap[m];
		}
		if (rd_uint(c, WIRE_MAX_TAGSETS - 1, &t) != 0 ||
		    rd_int(c, &dt, 1) != 0 || rd_count(c, &nm, 0) != 0)
			return -1;
		if (t >= r->tmap_len || r->tmap[t] == WIRE_UNDEF)
			return rd_fail(c, "sample of an undefined tag set");
		for (j = 0; j < nm; j++)
			if (rd_double(c, &first[j].value) != 0)
				return -1;
		s = first;
		s->tags = r->tmap[t];
		s->time = (int64_t)((uint64_t)base + (uint64_t)dt);
		s->flags = 0;
		s->vu = 0;
		s->iter = 0;
		s->meta = NULL;
		s->meta_len = 0;
		if (k >= 6) {
			if (rd_uint(c, UINT32_MAX, &vu) != 0 ||
			    rd_uint(c, INT64_MAX, &iter) != 0)
				return -1;
			s->flags = WIRE_SAMPLE_META;
			s->vu = (uint32_t)vu;
			s->iter = iter;
		}
		if (k == 5 || k == 7) {
			const char *mp;
			size_t ml;

			if (rd_str(c, &mp, &ml) != 0)
				return -1;
			/* pairs of NUL-terminated strings, or nothing */
			if (ml == 0 || mp[ml - 1] != '\0' || ml > UINT32_MAX)
				return rd_fail(c, "bad sample metadata");
			s->flags |= WIRE_SAMPLE_UMETA;
			s->meta = mp;
			s->meta_len = (uint32_t)ml;
		}
		for (j = 1; j < nm; j++) {
			m = first[j].metric;
			v = first[j].value;
			first[j] = *s;
			first[j].metric = (uint32_t)m;
			first[j].value = v;
		}
		ns += nm;
	}
	*np = ns;
	return 0;
}

int
wire_reader_feed(struct wire_reader *r, const void *data, size_t len,
    char **cause)
{
	struct rd c = { data, data, (const unsigned char *)data + len, NULL };
	struct wire_batch b;
	uint32_t n;
	uint64_t type, worker, seq, u1, u2;
	int64_t base, level;
	const char *s;
	size_t slen;
	int rc = -1, hrc = 0;

	*cause = NULL;
	if (r->broken) {
		*cause = xstrdup("stream broken by an earlier error");
		return -1;
	}
	if (rd_array(&c, &n) != 0 || rd_uint(&c, UINT32_MAX, &type) != 0 ||
	    rd_uint(&c, UINT32_MAX, &worker) != 0 ||
	    rd_uint(&c, INT64_MAX, &seq) != 0)
		goto bad;
	if (!r->started) {
		r->started = 1;
		r->worker = (uint32_t)worker;
	} else if (worker != r->worker) {
		*cause = xasprintf("message from worker %llu on the stream of "
		    "worker %u", (unsigned long long)worker, r->worker);
		goto out;
	}
	if (seq != r->seq) {
		*cause = xasprintf("worker %u: message %llu where %llu was "
		    "expected", r->worker, (unsigned long long)seq,
		    (unsigned long long)r->seq);
		goto out;
	}

	switch (type) {
	case WIRE_BATCH:
		if (n != 7) {
			rd_fail(&c, "batch of the wrong length");
			goto bad;
		}
		if (rd_int(&c, &base, 1) != 0 ||
		    wire_read_tagdefs(r, &c) != 0)
			goto bad;
		if ((hrc = wire_read_metricdefs(r, &c, cause)) != 0) {
			if (hrc == -2)
				goto out;
			goto bad;
		}
		if (wire_read_samples(r, &c, base, &b.n) != 0)
			goto bad;
		if (c.p != c.end) {
			rd_fail(&c, "trailing bytes");
			goto bad;
		}
		b.worker = r->worker;
		b.seq = seq;
		b.samples = r->samples;
		if (r->h.batch != NULL && r->h.batch(r->arg, &b, cause) != 0)
			goto out;
		r->nsamples += b.n;
		break;
	case WIRE_DONE:
		if (n != 3 || c.p != c.end) {
			rd_fail(&c, "bad done message");
			goto bad;
		}
		if (r->h.done != NULL && r->h.done(r->arg, r->worker, cause) != 0)
			goto out;
		break;
	case WIRE_LOG:
		if (n != 5) {
			rd_fail(&c, "bad log message");
			goto bad;
		}
		if (rd_int(&c, &level, 1) != 0 || rd_str(&c, &s, &slen) != 0)
			goto bad;
		if (c.p != c.end) {
			rd_fail(&c, "trailing bytes");
			goto bad;
		}
		if (r->h.log != NULL && r->h.log(r->arg, r->worker, (int)level,
		    s, slen, cause) != 0)
			goto out;
		break;
	case WIRE_VUS:
		if (n != 6) {
			rd_fail(&c, "bad vus message");
			goto bad;
		}
		if (rd_int(&c, &base, 1) != 0 ||
		    rd_uint(&c, UINT32_MAX, &u1) != 0 ||
		    rd_uint(&c, UINT32_MAX, &u2) != 0)
			goto bad;
		if (c.p != c.end) {
			rd_fail(&c, "trailing bytes");
			goto bad;
		}
		if (r->h.vus != NULL && r->h.vus(r->arg, r->worker, base,
		    (uint32_t)u1, (uint32_t)u2, cause) != 0)
			goto out;
		break;
	case WIRE_PROGRESS: {
		uint64_t counts[WIRE_MAX_PROGRESS];
		uint32_t count, i;

		if (n != 4 || rd_array(&c, &count) != 0 || count > WIRE_MAX_PROGRESS) {
			rd_fail(&c, "bad progress message");
			goto bad;
		}
		for (i = 0; i < count; i++)
			if (rd_uint(&c, UINT64_MAX, &counts[i]) != 0)
				goto bad;
		if (c.p != c.end) {
			rd_fail(&c, "trailing bytes");
			goto bad;
		}
		if (r->h.progress != NULL && r->h.progress(r->arg, r->worker, counts,
		    count, cause) != 0)
			goto out;
		break;
	}
	default:
		*cause = xasprintf("worker %u: unknown message type %llu",
		    r->worker, (unsigned long long)type);
		goto out;
	}
	r->seq++;
	r->nmessages++;
	rc = 0;
	goto out;

bad:
	*cause = xasprintf("malformed message from worker %u at byte %zu of "
	    "%zu: %s", r->worker, (size_t)(c.p - c.start), len,
	    c.err != NULL ? c.err : "invalid");
out:
	if (rc != 0) {
		r->broken = 1;
		if (*cause == NULL)
			*cause = xstrdup("handler failed");
	}
	return rc;
}

uint64_t
wire_reader_messages(const struct wire_reader *r)
{
	return r->nmessages;
}

uint64_t
wire_reader_samples(const struct wire_reader *r)
{
	return r->nsamples;
}

uint64_t
wire_reader_overflow(const struct wire_reader *r)
{
	return r->overflow;
}
