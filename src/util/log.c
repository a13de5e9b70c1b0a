/* k6-style log lines; see log.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

static struct timespec log_start;
static int log_verbose;
static int log_color;
static FILE *log_out;

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
	if (f == NULL)
		f = log_out ? log_out : stderr;
	if (isatty(fileno(f))) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		buf_printf(&b, "%s%s%s[%04ld] %s", log_color ? levels[level].color : "",
		    levels[level].tag, log_color ? "\033[0m" : "",
		    (long)(now.tv_sec - log_start.tv_sec), msg);
		if (fields != NULL)
			buf_printf(&b, "  %s", fields);
	} else {
		t = time(NULL);
		gmtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
		buf_printf(&b, "time=\"%s\" level=%s msg=", stamp, levels[level].word);
		buf_json_string(&b, msg, strlen(msg));
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
