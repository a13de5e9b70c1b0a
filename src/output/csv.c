/* --out csv=FILE or csv=fileName=F,saveInterval=1s,timeFormat=unix: k6's
 * CSV (output/csv in k6).
 *
 * One column per indexable system tag enabled by default, in k6's sorted
 * order, then extra_tags (every other tag, "k=v&k2=v2") and metadata
 * (vu and iter).  Settings: K6_CSV_FILENAME, K6_CSV_SAVE_INTERVAL and
 * K6_CSV_TIME_FORMAT, overridden by the argument.  Rows are written every
 * saveInterval and at stop. */
#include "config.h"

#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "output/backend.h"
#include "util/format.h"
#include "output/outfile.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/pairs.h"
#include "util/xmalloc.h"

#define CSV_EARLY_FLUSH	((size_t)4 << 20)

/* k6's default system tags that get a column, sorted (vu and iter are
 * metadata; ip and ocsp_status are off by default). */
static const char *csv_columns[] = {
	"check", "error", "error_code", "expected_response", "group",
	"method", "name", "proto", "scenario", "service", "status",
	"subproto", "tls_version", "url",
};
#define CSV_NCOLUMNS	(sizeof csv_columns / sizeof csv_columns[0])

/* System tags that are off: never in extra_tags either. */
static const char *csv_ignored[] = { "ip", "ocsp_status" };

enum csv_time {
	CSV_UNIX,
	CSV_UNIX_MILLI,
	CSV_UNIX_MICRO,
	CSV_UNIX_NANO,
	CSV_RFC3339,
	CSV_RFC3339_NANO,
};

static const char *csv_time_names[] = {
	"unix", "unix_milli", "unix_micro", "unix_nano", "rfc3339",
	"rfc3339_nano",
};

struct csv {
	char			*path;
	char			*desc;
	double			 save_ms;
	enum csv_time		 tf;
	struct event_base	*base;
	struct event		*timer;
	struct outfile		*f;
	struct buf		 buf;
	uint64_t		 nbuf;
	char			*error;
	uint64_t		 lost;
};

static int
csv_set(struct csv *c, const char *key, const char *value, char **cause)
{
	size_t	 i;

	if (strcmp(key, "fileName") == 0 || strcmp(key, "file_name") == 0) {
		free(c->path);
		c->path = xstrdup(value);
		return 0;
	}
	if (strcmp(key, "saveInterval") == 0 ||
	    strcmp(key, "save_interval") == 0) {
		if (duration_parse(value, &c->save_ms) == -1) {
			*cause = xasprintf("csv: invalid saveInterval \"%s\"",
			    value);
			return -1;
		}
		if (c->save_ms <= 0) {
			*cause = xstrdup("csv: saveInterval must be positive");
			return -1;
		}
		return 0;
	}
	if (strcmp(key, "timeFormat") == 0) {
		for (i = 0; i < sizeof csv_time_names / sizeof csv_time_names[0];
		    i++) {
			if (strcasecmp(value, csv_time_names[i]) == 0) {
				c->tf = i;
				return 0;
			}
		}
		*cause = xasprintf("csv: %s does not belong to TimeFormat "
		    "values (unix, unix_milli, unix_micro, unix_nano, rfc3339, "
		    "rfc3339_nano)", value);
		return -1;
	}
	*cause = xasprintf("unknown key \"%s\" as argument for csv output", key);
	return -1;
}

static void *
csv_create(const char *arg, struct event_base *base,
    struct metric_registry *reg, char **cause)
{
	struct csv	*c = xcalloc(1, sizeof *c);
	const char	*env, *p, *comma, *eq;
	char		*key = NULL, *value = NULL;

	c->path = xstrdup("file.csv");
	c->save_ms = 1000;
	c->tf = CSV_UNIX;
	c->base = base;
	buf_init(&c->buf, 0);
	if ((env = getenv("K6_CSV_FILENAME")) != NULL &&
	    csv_set(c, "fileName", env, cause) == -1)
		goto fail;
	if ((env = getenv("K6_CSV_SAVE_INTERVAL")) != NULL &&
	    csv_set(c, "saveInterval", env, cause) == -1)
		goto fail;
	if ((env = getenv("K6_CSV_TIME_FORMAT")) != NULL &&
	    csv_set(c, "timeFormat", env, cause) == -1)
		goto fail;
	if (*arg != '\0' && strchr(arg, '=') == NULL) {
		free(c->path);
		c->path = xstrdup(arg);
	} else if (*arg != '\0') {
		for (p = arg; p != NULL; p = comma != NULL ? comma + 1 : NULL) {
			comma = strchr(p, ',');
			eq = strchr(p, '=');
			if (eq == NULL || (comma != NULL && eq > comma)) {
				*cause = xasprintf("couldn't parse \"%s\" as "
				    "argument for csv output", arg);
				goto fail;
			}
			key = xstrndup(p, eq - p);
			value = comma != NULL ? xstrndup(eq + 1, comma - eq - 1) :
			    xstrdup(eq + 1);
			if (csv_set(c, key, value, cause) == -1)
				goto fail;
			free(key);
			free(value);
			key = value = NULL;
		}
	}
	if (outfile_is_stdout(c->path))
		c->desc = xstrdup("csv (stdout)");
	else
		c->desc = xasprintf("csv (%s)", c->path);
	return c;

fail:
	free(key);
	free(value);
	free(c->path);
	free(c);
	return NULL;
}

static void
csv_flush(struct csv *c)
{
	char	*cause = NULL;

	if (c->buf.len == 0)
		return;
	if (c->error == NULL &&
	    (outfile_write(c->f, c->buf.data, c->buf.len, &cause) == -1 ||
	    outfile_flush(c->f, &cause) == -1))
		c->error = cause;
	if (c->error != NULL)
		c->lost += c->nbuf;
	buf_reset(&c->buf);
	c->nbuf = 0;
}

static void
csv_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	csv_flush(arg);
}

static int
csv_start(void *arg, char **cause)
{
	struct csv	*c = arg;
	char		*why = NULL;
	size_t		 i;

	c->f = outfile_open(c->path, &why);
	if (c->f == NULL) {
		*cause = xasprintf("csv: %s", why);
		free(why);
		return -1;
	}
	buf_puts(&c->buf, "metric_name,timestamp,metric_value");
	for (i = 0; i < CSV_NCOLUMNS; i++)
		buf_printf(&c->buf, ",%s", csv_columns[i]);
	buf_puts(&c->buf, ",extra_tags,metadata\n");
	csv_flush(c);
	c->timer = backend_every(c->base, c->save_ms, csv_timer_cb, c);
	return 0;
}

static int
csv_ignored_tag(const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof csv_ignored / sizeof csv_ignored[0]; i++) {
		if (strcmp(key, csv_ignored[i]) == 0)
			return 1;
	}
	return 0;
}

static void
csv_time(struct buf *b, enum csv_time tf, int64_t t)
{
	int64_t	 sec = t / 1000000000;

	if (t < 0 && t % 1000000000 != 0)
		sec--;
	switch (tf) {
	case CSV_UNIX:
		format_i64(b, sec);
		break;
	case CSV_UNIX_MILLI:
		format_i64(b, t / 1000000);
		break;
	case CSV_UNIX_MICRO:
		format_i64(b, t / 1000);
		break;
	case CSV_UNIX_NANO:
		format_i64(b, t);
		break;
	case CSV_RFC3339:
		format_time_rfc3339(b, t, 0);
		break;
	case CSV_RFC3339_NANO:
		format_time_rfc3339(b, t, 1);
		break;
	}
}

static void
csv_add(void *arg, const struct output_sample *s)
{
	struct csv	*c = arg;
	struct buf	*b = &c->buf;
	struct buf	 extra = BUF_INIT;
	size_t		 col, t = 0;
	int		 cmp = 1;

	if (c->error != NULL) {
		c->lost++;
		return;
	}
	format_csv_field(b, s->metric->name);
	buf_putc(b, ',');
	csv_time(b, c->tf, s->time);
	buf_putc(b, ',');
	format_float_fixed6(b, s->value);
	/* Both the tags and the columns are sorted: walk them together. */
	for (col = 0; col < CSV_NCOLUMNS; col++) {
		buf_putc(b, ',');
		while (t < s->ntags &&
		    (cmp = strcmp(s->tags[t].key, csv_columns[col])) < 0) {
			if (!csv_ignored_tag(s->tags[t].key))
				buf_printf(&extra, "%s%s=%s", extra.len ? "&" : "",
				    s->tags[t].key, s->tags[t].value);
			t++;
		}
		if (t < s->ntags && cmp == 0) {
			format_csv_field(b, s->tags[t].value);
			t++;
		}
	}
	for (; t < s->ntags; t++) {
		if (!csv_ignored_tag(s->tags[t].key))
			buf_printf(&extra, "%s%s=%s", extra.len ? "&" : "",
			    s->tags[t].key, s->tags[t].value);
	}
	buf_putc(b, ',');
	if (extra.len > 0)
		format_csv_field(b, extra.data);
	buf_putc(b, ',');
	if (s->has_meta || s->meta_len > 0) {
		const char *k, *v;
		size_t at = 0;
		struct buf m = BUF_INIT;

		if (s->has_meta)
			buf_printf(&m, "iter=%llu&vu=%lu", (unsigned long long)s->iter,
			    (unsigned long)s->vu);
		while (pairs_next(s->meta, s->meta_len, &at, &k, &v))
			buf_printf(&m, "%s%s=%s", m.len ? "&" : "", k, v);
		format_csv_field(b, m.data);
		buf_free(&m);
	}
	buf_putc(b, '\n');
	buf_free(&extra);
	c->nbuf++;
	if (b->len >= CSV_EARLY_FLUSH)
		csv_flush(c);
}

static int
csv_stop(void *arg, int timeout_ms, char **cause)
{
	struct csv	*c = arg;
	char		*why = NULL;

	if (c->timer != NULL) {
		event_free(c->timer);
		c->timer = NULL;
	}
	csv_flush(c);
	if (outfile_close(c->f, &why) == -1 && c->error == NULL)
		c->error = why;
	else
		free(why);
	c->f = NULL;
	if (c->error == NULL)
		return 0;
	if (c->lost > 0)
		*cause = xasprintf("csv: %s; %llu samples were not written",
		    c->error, (unsigned long long)c->lost);
	else
		*cause = xasprintf("csv: %s", c->error);
	return -1;
}

static void
csv_free(void *arg)
{
	struct csv	*c = arg;
	char		*why = NULL;

	if (c->timer != NULL)
		event_free(c->timer);
	if (c->f != NULL) {
		/* Freed without a stop: still write what we have. */
		csv_flush(c);
		outfile_close(c->f, &why);
	}
	free(why);
	buf_free(&c->buf);
	free(c->error);
	free(c->desc);
	free(c->path);
	free(c);
}

static const char *
csv_describe(const void *arg)
{
	const struct csv	*c = arg;

	return c->desc;
}

const struct output_backend csv_backend = {
	"csv", csv_create, csv_start, csv_add, csv_stop, csv_free,
	csv_describe
};
