/* k6-style log lines; see log.h. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/format.h"
#include "util/log.h"
#include "util/xmalloc.h"

static struct timespec log_start;
static int log_verbose;
static int log_color;
static FILE *log_out;
static int log_none;
static enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_RAW } log_format;

static const struct {
	const char	*word;	/* logfmt */
	const char	*tag;	/* terminal */
	const char	*color;
} levels[] = {
	{ "debug", "DEBU", "\033[37m" },
	{ "info", "INFO", "\033[36m" },
	{ "warning", "WARN", "\033[33m" },
	{ "error", "ERRO", "\033[31m" },
};

void
log_init(int verbose, int color)
{
	clock_gettime(CLOCK_MONOTONIC, &log_start);
	log_verbose = verbose;
	log_color = color;
}

int
log_configure(const char *output, const char *format, char **cause)
{
	FILE *f;

	if (format != NULL) {
		if (strcmp(format, "json") == 0)
			log_format = FORMAT_JSON;
		else if (strcmp(format, "raw") == 0)
			log_format = FORMAT_RAW;
		else
			log_format = FORMAT_TEXT;
	}
	if (output == NULL || strcmp(output, "stderr") == 0)
		return 0;
	if (strcmp(output, "stdout") == 0) {
		log_out = stdout;
		return 0;
	}
	if (strcmp(output, "none") == 0) {
		log_none = 1;
		return 0;
	}
	if (strncmp(output, "file=", 5) == 0) {
		char *path = xstrdup(output + 5), *comma = strchr(path, ',');

		if (comma != NULL)
			*comma = '\0';	/* ",level=..." is not supported: ignored */
		f = fopen(path, "a");
		if (f == NULL) {
			*cause = xasprintf("--log-output: cannot open %s: %s", path,
			    strerror(errno));
			free(path);
			return -1;
		}
		free(path);
		log_out = f;
		return 0;
	}
	if (strncmp(output, "loki", 4) == 0) {
		*cause = xstrdup("not supported yet: --log-output loki");
		return -1;
	}
	*cause = xasprintf("invalid --log-output \"%s\": expected stderr, stdout, none "
	    "or file=PATH", output);
	return -1;
}

/* " key=value key2=\"quoted value\"" as JSON members. */
static void
json_fields(struct buf *b, const char *fields)
{
	const char *p = fields, *eq, *end;

	while (p != NULL && *p != '\0') {
		while (*p == ' ')
			p++;
		if ((eq = strchr(p, '=')) == NULL)
			break;
		buf_putc(b, ',');
		format_json_string(b, p, (size_t)(eq - p), FORMAT_JSON_BF);
		buf_putc(b, ':');
		p = eq + 1;
		if (*p == '"') {
			end = strchr(p + 1, '"');
			if (end == NULL)
				end = p + strlen(p);
			format_json_string(b, p + 1, (size_t)(end - p - 1), FORMAT_JSON_BF);
			p = *end ? end + 1 : end;
		} else {
			end = strchr(p, ' ');
			if (end == NULL)
				end = p + strlen(p);
			format_json_string(b, p, (size_t)(end - p), FORMAT_JSON_BF);
			p = end;
		}
	}
}

void
log_set_output(FILE *f)
{
	log_out = f;
}

int
log_enabled(enum log_level level)
{
	return level != LOG_DEBUG || log_verbose;
}

void
log_write(FILE *f, enum log_level level, const char *fields, const char *msg)
{
	struct buf b = BUF_INIT;
	struct timespec now;
	char stamp[32];
	time_t t;
	struct tm tm;

	if (!log_enabled(level))
		return;
	if (f == NULL) {
		if (log_none)
			return;
		f = log_out ? log_out : stderr;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (log_format == FORMAT_RAW) {
		buf_puts(&b, msg);
	} else if (log_format == FORMAT_JSON) {
		buf_printf(&b, "{\"level\":\"%s\",\"msg\":", levels[level].word);
		format_json_cstring(&b, msg, FORMAT_JSON_BF);
		buf_printf(&b, ",\"time\":\"%s\"", stamp);
		json_fields(&b, fields);
		buf_putc(&b, '}');
	} else if (isatty(fileno(f))) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		buf_printf(&b, "%s%s%s[%04ld] %s", log_color ? levels[level].color : "",
		    levels[level].tag, log_color ? "\033[0m" : "",
		    (long)(now.tv_sec - log_start.tv_sec), msg);
		if (fields != NULL)
			buf_printf(&b, "  %s", fields);
	} else {
		buf_printf(&b, "time=\"%s\" level=%s msg=", stamp, levels[level].word);
		format_json_cstring(&b, msg, FORMAT_JSON_BF);
		if (fields != NULL)
			buf_printf(&b, " %s", fields);
	}
	buf_putc(&b, '\n');
	/* One write per line keeps lines of several workers whole. */
	fflush(f);
	if (write(fileno(f), b.data, b.len) < 0)
		(void)0;
	buf_free(&b);
}

void
log_msg(enum log_level level, const char *fields, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (!log_enabled(level))
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	log_write(NULL, level, fields, msg);
	free(msg);
}
