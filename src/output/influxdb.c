/* --out influxdb=http://[user:pass@]host:port/db?params: InfluxDB v1 line
 * protocol over HTTP (output/influxdb in k6).
 *
 * Samples become lines (measurement = metric name, tags = sample tags but
 * the tagsAsFields ones, fields = value, the tagsAsFields tags and the vu
 * and iter metadata) in the current batch; every pushInterval, or when a
 * batch reaches INFLUX_BATCH_MAX bytes, the batch goes to output/push.h,
 * which keeps at most concurrentWrites POSTs to /write in flight on the
 * coordinator's event loop, caps its queue and counts what was lost. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "output/backend.h"
#include "util/format.h"
#include "output/push.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/hex.h"
#include "util/pairs.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

#define INFLUX_BATCH_MAX	((size_t)4 << 20)	/* bytes in one POST */
#define INFLUX_TIMEOUT_MS	30000L			/* one request */

enum influx_kind {
	INFLUX_STRING,
	INFLUX_INT,
	INFLUX_FLOAT,
	INFLUX_BOOL,
};

struct influx_field {
	char			*name;
	enum influx_kind	 kind;
};

struct influx {
	/* Settings. */
	char			*addr;
	char			*user;
	char			*pass;
	char			*db;
	char			*precision;
	char			*retention;
	char			*consistency;
	char			*proxy;
	int			 insecure;
	long			 payload_size;	/* UDP only in k6: unused */
	double			 push_ms;
	long			 concurrent;
	struct influx_field	*fields;
	size_t			 nfields;
	int			 fields_set;	/* tagsAsFields given */
	int64_t			 prec_ns;
	char			*write_url;
	char			*query_url;
	char			*desc;

	struct event_base	*base;
	struct push		*push;
	struct event		*push_timer;

	struct buf		 cur;		/* the batch being built */
	uint64_t		 ncur;		/* samples in it */
	struct buf		*fmt_out;	/* influxdb_format's output */
};

/* Settings. */

static int
influx_parse_long(const char *s, long *v, char **cause)
{
	char	*end;

	*v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0') {
		*cause = xasprintf("strconv.Atoi: parsing \"%s\": invalid syntax",
		    s);
		return -1;
	}
	return 0;
}

static void
influx_fields_clear(struct influx *ix)
{
	size_t	 i;

	for (i = 0; i < ix->nfields; i++)
		free(ix->fields[i].name);
	free(ix->fields);
	ix->fields = NULL;
	ix->nfields = 0;
}

/* One tagsAsFields entry, "name" or "name:type", as k6's MakeFieldKinds. */
static int
influx_field_add(struct influx *ix, const char *spec, char **cause)
{
	const char		*colon = strchr(spec, ':');
	const char		*type = colon != NULL ? colon + 1 : "string";
	char			*name;
	enum influx_kind	 kind;
	size_t			 i;

	name = colon != NULL ? xstrndup(spec, colon - spec) : xstrdup(spec);
	for (i = 0; i < ix->nfields; i++) {
		if (strcmp(ix->fields[i].name, name) == 0) {
			*cause = xasprintf("a tag name (%s) shows up more than "
			    "once in InfluxDB field type configurations", name);
			free(name);
			return -1;
		}
	}
	if (strcmp(type, "string") == 0)
		kind = INFLUX_STRING;
	else if (strcmp(type, "int") == 0)
		kind = INFLUX_INT;
	else if (strcmp(type, "float") == 0)
		kind = INFLUX_FLOAT;
	else if (strcmp(type, "bool") == 0)
		kind = INFLUX_BOOL;
	else {
		*cause = xasprintf("an invalid type (%s) is specified for an "
		    "InfluxDB field (%s)", type, name);
		free(name);
		return -1;
	}
	ix->fields = xreallocarray(ix->fields, ix->nfields + 1,
	    sizeof *ix->fields);
	ix->fields[ix->nfields].name = name;
	ix->fields[ix->nfields].kind = kind;
	ix->nfields++;
	return 0;
}

/* The first tagsAsFields setting replaces the defaults. */
static int
influx_fields_set(struct influx *ix, const char *spec, int list,
    char **cause)
{
	const char	*p, *comma;
	char		*one;
	int		 rc;

	if (!ix->fields_set) {
		influx_fields_clear(ix);
		ix->fields_set = 1;
	}
	if (!list)
		return influx_field_add(ix, spec, cause);
	for (p = spec; p != NULL; p = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		one = comma != NULL ? xstrndup(p, comma - p) : xstrdup(p);
		rc = *one != '\0' ? influx_field_add(ix, one, cause) : 0;
		free(one);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static void
influx_setstr(char **dst, const char *value)
{
	free(*dst);
	*dst = xstrdup(value);
}

/* A setting by its URL query name (the environment uses the same). */
static int
influx_set(struct influx *ix, const char *key, const char *value, int list,
    char **cause)
{
	if (strcmp(key, "insecure") == 0) {
		/* The URL takes "true" or "false"; the environment any of
		 * Go's booleans. */
		if (*value == '\0')
			return 0;
		if (strcmp(value, "true") == 0 || strcmp(value, "false") == 0) {
			ix->insecure = strcmp(value, "true") == 0;
			return 0;
		}
		if (list && format_parse_bool(value, &ix->insecure) == 0)
			return 0;
		*cause = xasprintf("insecure must be true or false, not %s",
		    value);
		return -1;
	}
	if (strcmp(key, "payload_size") == 0)
		return influx_parse_long(value, &ix->payload_size, cause);
	if (strcmp(key, "precision") == 0) {
		influx_setstr(&ix->precision, value);
		return 0;
	}
	if (strcmp(key, "retention") == 0) {
		influx_setstr(&ix->retention, value);
		return 0;
	}
	if (strcmp(key, "consistency") == 0) {
		influx_setstr(&ix->consistency, value);
		return 0;
	}
	if (strcmp(key, "pushInterval") == 0) {
		if (duration_parse(value, &ix->push_ms) == -1) {
			*cause = xasprintf("invalid pushInterval \"%s\"", value);
			return -1;
		}
		return 0;
	}
	if (strcmp(key, "concurrentWrites") == 0)
		return influx_parse_long(value, &ix->concurrent, cause);
	if (strcmp(key, "tagsAsFields") == 0)
		return influx_fields_set(ix, value, list, cause);
	*cause = xasprintf("unknown query parameter: %s", key);
	return -1;
}

/* Percent-decode n bytes of s (plus as space in a query). */
static char *
influx_unescape(const char *s, size_t n, int query, char **cause)
{
	char	*out = xmalloc(n + 1), *o = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n || hex_value(s[i + 1]) == -1 ||
			    hex_value(s[i + 2]) == -1) {
				*cause = xasprintf("invalid URL escape \"%.*s\"",
				    (int)(n - i < 3 ? n - i : 3), s + i);
				free(out);
				return NULL;
			}
			*o++ = hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]);
			i += 2;
		} else if (query && s[i] == '+')
			*o++ = ' ';
		else
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

/* Percent-encode for a query value. */
static void
influx_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = *s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~')
			buf_putc(b, c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

/* http://[user:pass@]host:port/db?k=v&...: the way k6's ParseURL reads it. */
static int
influx_parse_url(struct influx *ix, const char *url, char **cause)
{
	const char	*scheme_end, *auth, *auth_end, *at, *colon, *path, *q;
	const char	*amp, *eq, *c;
	char		*key = NULL, *value = NULL, *s;
	int		 rc = -1;

	scheme_end = strstr(url, "://");
	if (scheme_end == NULL || scheme_end == url) {
		*cause = xasprintf("invalid InfluxDB URL \"%s\" (expected "
		    "http://[user:pass@]host:port/db)", url);
		return -1;
	}
	auth = scheme_end + 3;
	auth_end = auth + strcspn(auth, "/?#");
	at = NULL;
	for (c = auth; c < auth_end; c++) {
		if (*c == '@')
			at = c;
	}
	if (at != NULL) {
		colon = memchr(auth, ':', at - auth);
		free(ix->user);
		free(ix->pass);
		ix->user = influx_unescape(auth, (colon != NULL ? colon : at) -
		    auth, 0, cause);
		ix->pass = colon != NULL ? influx_unescape(colon + 1,
		    at - colon - 1, 0, cause) : xstrdup("");
		if (ix->user == NULL || ix->pass == NULL)
			return -1;
		auth = at + 1;
	}
	if (auth_end > auth) {
		free(ix->addr);
		ix->addr = xasprintf("%.*s://%.*s", (int)(scheme_end - url), url,
		    (int)(auth_end - auth), auth);
	}
	path = auth_end;
	q = NULL;
	if (*path == '/') {
		size_t plen = strcspn(path, "?#");

		if (plen > 1) {
			s = influx_unescape(path + 1, plen - 1, 0, cause);
			if (s == NULL)
				return -1;
			free(ix->db);
			ix->db = s;
		}
		path += plen;
	}
	if (*path == '?')
		q = path + 1;
	for (; q != NULL && *q != '\0' && *q != '#'; q = amp != NULL ? amp + 1 : NULL) {
		size_t len;

		amp = strchr(q, '&');
		len = amp != NULL ? (size_t)(amp - q) : strcspn(q, "#");
		if (len == 0)
			continue;
		eq = memchr(q, '=', len);
		key = influx_unescape(q, eq != NULL ? (size_t)(eq - q) : len, 1,
		    cause);
		value = eq != NULL ? influx_unescape(eq + 1, len - (eq + 1 - q),
		    1, cause) : xstrdup("");
		if (key == NULL || value == NULL)
			goto out;
		if (influx_set(ix, key, value, 0, cause) == -1)
			goto out;
		free(key);
		free(value);
		key = value = NULL;
	}
	rc = 0;
out:
	free(key);
	free(value);
	return rc;
}

static int
influx_env(struct influx *ix, char **cause)
{
	static const struct {
		const char	*env;
		const char	*key;
	} map[] = {
		{ "K6_INFLUXDB_INSECURE", "insecure" },
		{ "K6_INFLUXDB_PAYLOAD_SIZE", "payload_size" },
		{ "K6_INFLUXDB_PUSH_INTERVAL", "pushInterval" },
		{ "K6_INFLUXDB_CONCURRENT_WRITES", "concurrentWrites" },
		{ "K6_INFLUXDB_PRECISION", "precision" },
		{ "K6_INFLUXDB_RETENTION", "retention" },
		{ "K6_INFLUXDB_CONSISTENCY", "consistency" },
		{ "K6_INFLUXDB_TAGS_AS_FIELDS", "tagsAsFields" },
	};
	const char	*v;
	char		*why = NULL;
	size_t		 i;

	if ((v = getenv("K6_INFLUXDB_ADDR")) != NULL)
		influx_setstr(&ix->addr, v);
	if ((v = getenv("K6_INFLUXDB_USERNAME")) != NULL)
		influx_setstr(&ix->user, v);
	if ((v = getenv("K6_INFLUXDB_PASSWORD")) != NULL)
		influx_setstr(&ix->pass, v);
	if ((v = getenv("K6_INFLUXDB_DB")) != NULL)
		influx_setstr(&ix->db, v);
	if ((v = getenv("K6_INFLUXDB_PROXY")) != NULL)
		influx_setstr(&ix->proxy, v);
	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		if ((v = getenv(map[i].env)) == NULL)
			continue;
		if (influx_set(ix, map[i].key, v, 1, &why) == -1) {
			*cause = xasprintf("%s: %s", map[i].env, why);
			free(why);
			return -1;
		}
	}
	return 0;
}

/* The precision as the server reads it, and its length in ns. */
static int
influx_precision(struct influx *ix, const char **param, char **cause)
{
	static const struct {
		const char	*name;
		const char	*param;
		int64_t		 ns;
	} units[] = {
		{ "", NULL, 1 },
		{ "ns", NULL, 1 },
		{ "us", "u", 1000 },
		{ "\xc2\xb5s", "u", 1000 },
		{ "\xce\xbcs", "u", 1000 },
		{ "ms", "ms", 1000000 },
		{ "s", "s", 1000000000 },
		{ "m", "m", 60LL * 1000000000 },
		{ "h", "h", 3600LL * 1000000000 },
	};
	size_t	 i;
	const char *p = ix->precision != NULL ? ix->precision : "";

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strcmp(p, units[i].name) == 0) {
			*param = units[i].param;
			ix->prec_ns = units[i].ns;
			return 0;
		}
	}
	*cause = xasprintf("time: unknown unit \"%s\" in duration \"1%s\"", p,
	    p);
	return -1;
}

static void influx_free(void *);

static void *
influx_create(const char *arg, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	struct influx	*ix = xcalloc(1, sizeof *ix);
	struct buf	 u = BUF_INIT;
	const char	*param = NULL;
	char		*why = NULL;
	size_t		 len;

	ix->base = base;
	ix->addr = xstrdup("http://localhost:8086");
	ix->db = xstrdup("k6");
	ix->push_ms = 1000;
	ix->concurrent = 4;
	/* k6's defaults are vu, iter and url; vu and iter are numbers, so
	 * they go as integers (as the xk6 InfluxDB output does). */
	influx_field_add(ix, "vu:int", &why);
	influx_field_add(ix, "iter:int", &why);
	influx_field_add(ix, "url", &why);
	if (influx_env(ix, &why) == -1)
		goto fail;
	if (*arg != '\0' && influx_parse_url(ix, arg, &why) == -1)
		goto fail;
	if (ix->concurrent <= 0) {
		why = xstrdup("influxdb's ConcurrentWrites must be a positive "
		    "number");
		goto fail;
	}
	if (ix->push_ms <= 0) {
		why = xstrdup("pushInterval must be positive");
		goto fail;
	}
	if (*ix->db == '\0')
		influx_setstr(&ix->db, "k6");
	if (influx_precision(ix, &param, &why) == -1)
		goto fail;
	len = strlen(ix->addr);
	while (len > 0 && ix->addr[len - 1] == '/')
		ix->addr[--len] = '\0';
	if (strncasecmp(ix->addr, "http://", 7) != 0 &&
	    strncasecmp(ix->addr, "https://", 8) != 0) {
		why = xasprintf("unsupported address %s (only http:// and "
		    "https://)", ix->addr);
		goto fail;
	}

	buf_printf(&u, "%s/write?db=", ix->addr);
	influx_escape(&u, ix->db);
	if (param != NULL)
		buf_printf(&u, "&precision=%s", param);
	if (ix->retention != NULL && *ix->retention != '\0') {
		buf_puts(&u, "&rp=");
		influx_escape(&u, ix->retention);
	}
	if (ix->consistency != NULL && *ix->consistency != '\0') {
		buf_puts(&u, "&consistency=");
		influx_escape(&u, ix->consistency);
	}
	ix->write_url = buf_steal(&u);
	ix->query_url = xasprintf("%s/query", ix->addr);
	ix->desc = xasprintf("InfluxDBv1 (%s)", ix->addr);
	return ix;

fail:
	*cause = xasprintf("influxdb: %s", why);
	free(why);
	influx_free(ix);
	return NULL;
}

/* Hand the current batch over (to the push, or to influxdb_format). */
static void
influx_enqueue(struct influx *ix)
{
	if (ix->ncur == 0)
		return;
	if (ix->push != NULL)
		push_send(ix->push, &ix->cur, ix->ncur);
	else {
		buf_add(ix->fmt_out, ix->cur.data, ix->cur.len);
		buf_reset(&ix->cur);
	}
	ix->ncur = 0;
}

static void
influx_push_cb(evutil_socket_t fd, short what, void *arg)
{
	influx_enqueue(arg);
}

static int
influx_start(void *arg, char **cause)
{
	struct influx		*ix = arg;
	struct push_config	 cfg;
	struct buf		 q = BUF_INIT, name = BUF_INIT;
	const char		*p;

	memset(&cfg, 0, sizeof cfg);
	cfg.name = "influxdb";
	cfg.addr = ix->addr;
	cfg.url = ix->write_url;
	cfg.user = ix->user;
	cfg.pass = ix->pass;
	cfg.proxy = ix->proxy;
	cfg.agent = "lyocell (InfluxDBv1)";
	cfg.insecure = ix->insecure;
	cfg.concurrent = ix->concurrent;
	cfg.timeout_ms = INFLUX_TIMEOUT_MS;
	cfg.headers = curl_slist_append(NULL,
	    "Content-Type: text/plain; charset=utf-8");
	/* No "Expect: 100-continue" round trip for large batches. */
	cfg.headers = curl_slist_append(cfg.headers, "Expect:");
	ix->push = push_new(ix->base, &cfg, cause);
	if (ix->push == NULL)
		return -1;

	/* CREATE DATABASE "db", the name quoted as an InfluxQL identifier. */
	buf_puts(&name, "CREATE DATABASE \"");
	for (p = ix->db; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(&name, '\\');
		buf_putc(&name, *p);
	}
	buf_putc(&name, '"');
	buf_puts(&q, "q=");
	influx_escape(&q, name.data);
	buf_free(&name);
	push_first(ix->push, ix->query_url, q.data, q.len);
	buf_free(&q);

	ix->push_timer = backend_every(ix->base, ix->push_ms, influx_push_cb, ix);
	return 0;
}

/* Line protocol. */

/* Escape for a measurement (commas, spaces) or a tag key, tag value or
 * field key (also equals signs).  A newline cannot be written: it
 * becomes the two characters \n. */
static void
influx_escape_key(struct buf *b, const char *s, int eq)
{
	const char	*p;
	size_t		 n;

	for (p = s; *p != '\0'; p++) {
		n = strcspn(p, eq ? ", =\n" : ", \n");
		buf_add(b, p, n);
		p += n;
		if (*p == '\0')
			break;
		if (*p == '\n') {
			buf_puts(b, "\\n");
			continue;
		}
		buf_putc(b, '\\');
		buf_putc(b, *p);
	}
}

static void
influx_string_value(struct buf *b, const char *s)
{
	const char	*p;

	buf_putc(b, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\n') {
			buf_puts(b, "\\n");
			continue;
		}
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* A tag turned field, typed as tagsAsFields says; a value that does not
 * parse stays a string, as in k6. */
static void
influx_field_value(struct buf *b, enum influx_kind kind, const char *v)
{
	char		*end;
	long long	 i;
	double		 d;
	int		 t;

	switch (kind) {
	case INFLUX_INT:
		i = strtoll(v, &end, 10);
		if (*v != '\0' && *end == '\0') {
			format_i64(b, i);
			buf_putc(b, 'i');
			return;
		}
		break;
	case INFLUX_FLOAT:
		d = strtod(v, &end);
		if (*v != '\0' && *end == '\0' && isfinite(d)) {
			format_float_f(b, d);
			return;
		}
		break;
	case INFLUX_BOOL:
		if (format_parse_bool(v, &t) == 0) {
			buf_puts(b, t ? "true" : "false");
			return;
		}
		break;
	case INFLUX_STRING:
		break;
	}
	influx_string_value(b, v);
}

static const struct influx_field *
influx_field_find(const struct influx *ix, const char *name)
{
	size_t	 i;

	for (i = 0; i < ix->nfields; i++) {
		if (strcmp(ix->fields[i].name, name) == 0)
			return &ix->fields[i];
	}
	return NULL;
}

static void
influx_utoa(char *out, size_t size, uint64_t v)
{
	char	 tmp[24];
	size_t	 n = sizeof tmp;

	do {
		tmp[--n] = '0' + v % 10;
		v /= 10;
	} while (v > 0);
	if (sizeof tmp - n >= size)
		n = sizeof tmp - (size - 1);
	memcpy(out, tmp + n, sizeof tmp - n);
	out[sizeof tmp - n] = '\0';
}

#define INFLUX_META_MAX	16	/* metadata fields written per sample */

struct influx_fv {
	const char		*key;
	enum influx_kind	 kind;
	const char		*value;		/* NULL: the sample value */
};

static void
influx_add(void *arg, const struct output_sample *s)
{
	struct influx			*ix = arg;
	struct buf			*b;
	const struct influx_field	*f;
	struct influx_fv		 fv[TAGSET_MAX_TAGS + 3 + INFLUX_META_MAX], tmp;
	const char			*k, *v;
	size_t				 at = 0;
	char				 vu[16], iter[24];
	size_t				 nfv = 0, i, j;
	int64_t				 ts;

	if (!isfinite(s->value)) {
		if (ix->push != NULL)
			push_lose(ix->push, 1, "InfluxDB cannot store NaN or "
			    "infinite values (metric %s)", s->metric->name);
		return;
	}
	b = &ix->cur;
	influx_escape_key(b, s->metric->name, 0);
	for (i = 0; i < s->ntags; i++) {
		f = influx_field_find(ix, s->tags[i].key);
		if (f != NULL) {
			if (nfv < TAGSET_MAX_TAGS) {
				fv[nfv].key = f->name;
				fv[nfv].kind = f->kind;
				fv[nfv++].value = s->tags[i].value;
			}
			continue;
		}
		/* The line protocol has no empty tag values (group ""). */
		if (*s->tags[i].value == '\0')
			continue;
		buf_putc(b, ',');
		influx_escape_key(b, s->tags[i].key, 1);
		buf_putc(b, '=');
		influx_escape_key(b, s->tags[i].value, 1);
	}
	if (s->has_meta) {
		influx_utoa(vu, sizeof vu, s->vu);
		influx_utoa(iter, sizeof iter, s->iter);
		f = influx_field_find(ix, "vu");
		fv[nfv].key = "vu";
		fv[nfv].kind = f != NULL ? f->kind : INFLUX_STRING;
		fv[nfv++].value = vu;
		f = influx_field_find(ix, "iter");
		fv[nfv].key = "iter";
		fv[nfv].kind = f != NULL ? f->kind : INFLUX_STRING;
		fv[nfv++].value = iter;
	}
	/* The script's metadata: string fields, as vu and iter. */
	for (i = 0; i < INFLUX_META_MAX &&
	    pairs_next(s->meta, s->meta_len, &at, &k, &v); i++) {
		f = influx_field_find(ix, k);
		fv[nfv].key = k;
		fv[nfv].kind = f != NULL ? f->kind : INFLUX_STRING;
		fv[nfv++].value = v;
	}
	fv[nfv].key = "value";
	fv[nfv].kind = INFLUX_FLOAT;
	fv[nfv++].value = NULL;
	/* Fields sorted by key, as InfluxDB's client writes them. */
	for (i = 1; i < nfv; i++) {
		tmp = fv[i];
		for (j = i; j > 0 && strcmp(fv[j - 1].key, tmp.key) > 0; j--)
			fv[j] = fv[j - 1];
		fv[j] = tmp;
	}
	for (i = 0; i < nfv; i++) {
		if (i > 0 && strcmp(fv[i].key, fv[i - 1].key) == 0)
			continue;	/* a tag and metadata of one name */
		buf_putc(b, i == 0 ? ' ' : ',');
		influx_escape_key(b, fv[i].key, 1);
		buf_putc(b, '=');
		if (fv[i].value == NULL)
			format_float_f(b, s->value);
		else
			influx_field_value(b, fv[i].kind, fv[i].value);
	}
	ts = s->time / ix->prec_ns;
	buf_putc(b, ' ');
	format_i64(b, ts);
	buf_putc(b, '\n');
	ix->ncur++;
	if (b->len >= INFLUX_BATCH_MAX)
		influx_enqueue(ix);
}

static int
influx_stop(void *arg, int timeout_ms, char **cause)
{
	struct influx	*ix = arg;

	if (ix->push_timer != NULL) {
		event_free(ix->push_timer);
		ix->push_timer = NULL;
	}
	influx_enqueue(ix);
	return push_stop(ix->push, timeout_ms, cause);
}

static void
influx_free(void *arg)
{
	struct influx	*ix = arg;

	if (ix == NULL)
		return;
	push_free(ix->push);
	if (ix->push_timer != NULL)
		event_free(ix->push_timer);
	buf_free(&ix->cur);
	influx_fields_clear(ix);
	free(ix->addr);
	free(ix->user);
	free(ix->pass);
	free(ix->db);
	free(ix->precision);
	free(ix->retention);
	free(ix->consistency);
	free(ix->proxy);
	free(ix->write_url);
	free(ix->query_url);
	free(ix->desc);
	free(ix);
}

int
influxdb_format(const char *spec, const struct output_sample *s, size_t n,
    struct buf *out, char **cause)
{
	struct influx	*ix;
	size_t		 i;

	ix = influx_create(spec, NULL, NULL, cause);
	if (ix == NULL)
		return -1;
	ix->fmt_out = out;
	for (i = 0; i < n; i++)
		influx_add(ix, &s[i]);
	influx_enqueue(ix);
	influx_free(ix);
	return 0;
}

static const char *
influx_describe(const void *arg)
{
	const struct influx	*ix = arg;

	return ix->desc;
}

const struct output_backend influxdb_backend = {
	"influxdb", influx_create, influx_start, influx_add, influx_stop,
	influx_free, influx_describe
};
