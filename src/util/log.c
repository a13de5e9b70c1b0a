/* k6-style log lines; see log.h. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sched.h>
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
/* Files opened by log_open, by name, for what log_lost says. */
static struct {
	FILE	*f;
	char	*path;
} log_files[2];
#define NLOGFILES (sizeof log_files / sizeof log_files[0])
/* Lines that could not be written, counted across the forked workers. */
static struct log_loss {
	unsigned long	 lines;
	int		 err;
	int		 file;	/* an index in log_files */
} *log_loss;
static int log_warned;
/* The live display at the bottom of the terminal, shared with the forked
 * workers: a log line for the terminal clears it, and draws it again
 * below itself, in one write under the lock. */
#define SCREEN_MAX	65536	/* a line per scenario: room for 800 */
static struct log_screen {
	int	 lock;
	int	 lines;		/* on the terminal now; 0: none */
	size_t	 len;
	char	 text[SCREEN_MAX];
} *log_screen;
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
		f = log_open(path, cause);
		free(path);
		if (f == NULL)
			return -1;
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

static void
screen_lock(void)
{
	while (__atomic_exchange_n(&log_screen->lock, 1, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void
screen_unlock(void)
{
	__atomic_store_n(&log_screen->lock, 0, __ATOMIC_RELEASE);
}

static void
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0 && (n = write(fd, p, len)) > 0) {
		p += n;
		len -= (size_t)n;
	}
}

int
log_screen_init(void)
{
	if (log_screen != NULL)
		return 0;
	log_screen = mmap(NULL, sizeof *log_screen, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (log_screen == MAP_FAILED) {
		log_screen = NULL;
		return -1;
	}
	return 0;
}

void
log_screen_draw(int fd, const char *text, int lines)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(text);

	if (log_screen == NULL || len >= SCREEN_MAX)
		return;
	screen_lock();
	if (log_screen->lines > 0)
		buf_printf(&b, "\033[%dA\r", log_screen->lines);
	buf_add(&b, text, len);
	write_all(fd, b.data, b.len);
	memcpy(log_screen->text, text, len);
	log_screen->len = len;
	log_screen->lines = lines;
	screen_unlock();
	buf_free(&b);
}

void
log_screen_end(void)
{
	if (log_screen == NULL)
		return;
	screen_lock();
	log_screen->lines = 0;
	screen_unlock();
}

/* Write a log line to fd: under the live display, if it is there. */
static ssize_t
line_out(int fd, const char *p, size_t len)
{
	struct buf b = BUF_INIT;
	ssize_t n;

	if (log_screen == NULL || !isatty(fd))
		return write(fd, p, len);
	/* Written under the lock even with no display yet: a line that
	 * came out just after the first drawing would sit below it, and
	 * the next redraw would go up short and leave part of it. */
	screen_lock();
	if (log_screen->lines == 0) {
		n = write(fd, p, len);
		screen_unlock();
		return n;
	}
	buf_printf(&b, "\033[%dA\r\033[J", log_screen->lines);
	buf_add(&b, p, len);
	buf_add(&b, log_screen->text, log_screen->len);
	n = write(fd, b.data, b.len);
	screen_unlock();
	buf_free(&b);
	return n < 0 ? n : (ssize_t)len;
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

/* A line the log file did not take: counted for log_lost, and said once
 * per process on stderr (as k6's logger does). */
static void
lost(FILE *f, int err)
{
	size_t i;

	for (i = 0; i < NLOGFILES && log_files[i].f != f; i++)
		;
	if (i == NLOGFILES || f == NULL)
		return;
	if (log_loss != NULL) {
		__atomic_fetch_add(&log_loss->lines, 1, __ATOMIC_RELAXED);
		__atomic_store_n(&log_loss->err, err, __ATOMIC_RELAXED);
		__atomic_store_n(&log_loss->file, (int)i, __ATOMIC_RELAXED);
	}
	if (!log_warned) {
		log_warned = 1;
		fprintf(stderr, "lyocell: cannot write the log to %s: %s\n",
		    log_files[i].path, strerror(err));
	}
}

FILE *
log_open(const char *path, char **cause)
{
	FILE *f;
	size_t i;

	for (i = 0; i < NLOGFILES && log_files[i].f != NULL; i++)
		;
	if (i == NLOGFILES) {
		*cause = xasprintf("cannot open %s: too many log files", path);
		return NULL;
	}
	if ((f = fopen(path, "ae")) == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	if (log_loss == NULL) {
		log_loss = mmap(NULL, sizeof *log_loss, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (log_loss == MAP_FAILED)
			log_loss = NULL;
	}
	log_files[i].f = f;
	log_files[i].path = xstrdup(path);
	return f;
}

unsigned long
log_lost(const char **path, int *err)
{
	unsigned long n;

	if (log_loss == NULL)
		return 0;
	if ((n = __atomic_load_n(&log_loss->lines, __ATOMIC_RELAXED)) == 0)
		return 0;
	*path = log_files[__atomic_load_n(&log_loss->file, __ATOMIC_RELAXED)].path;
	*err = __atomic_load_n(&log_loss->err, __ATOMIC_RELAXED);
	return n;
}

static char **secrets;
static size_t nsecrets;

void
log_redact(const char *secret)
{
	size_t i;

	if (secret[strspn(secret, " \t\r\n\v\f")] == '\0')
		return;
	for (i = 0; i < nsecrets; i++)
		if (strcmp(secrets[i], secret) == 0)
			return;
	secrets = xreallocarray(secrets, nsecrets + 1, sizeof *secrets);
	secrets[nsecrets++] = xstrdup(secret);
}

/* s with the secrets redacted, as Go's strings.Replacer does it: at each
 * position the first secret (in the order they came) that matches.  An
 * owned copy, or NULL when there is nothing to redact. */
static char *
redacted(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p;
	size_t i, n;
	int hit = 0;

	if (s == NULL || nsecrets == 0)
		return NULL;
	for (p = s; *p != '\0';) {
		for (i = 0; i < nsecrets; i++) {
			n = strlen(secrets[i]);
			if (strncmp(p, secrets[i], n) == 0)
				break;
		}
		if (i < nsecrets) {
			buf_puts(&b, "***SECRET_REDACTED***");
			p += n;
			hit = 1;
		} else
			buf_putc(&b, *p++);
	}
	if (!hit) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

void
log_write(FILE *f, enum log_level level, const char *fields, const char *msg)
{
	char *rmsg, *rfields;
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
	if ((rmsg = redacted(msg)) != NULL)
		msg = rmsg;
	if ((rfields = redacted(fields)) != NULL)
		fields = rfields;
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
		/* as logrus, without the message's last newline */
		size_t n = strlen(msg);

		if (n > 0 && msg[n - 1] == '\n')
			n--;
		clock_gettime(CLOCK_MONOTONIC, &now);
		buf_printf(&b, "%s%s%s[%04ld] %.*s",
		    log_color ? levels[level].color : "", levels[level].tag,
		    log_color ? "\033[0m" : "",
		    (long)(now.tv_sec - log_start.tv_sec), (int)n, msg);
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
	if (line_out(fileno(f), b.data, b.len) != (ssize_t)b.len)
		lost(f, errno);
	buf_free(&b);
	free(rmsg);
	free(rfields);
}

int
log_script_error(const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;
	int exception = n > 0 && text[n - 1] == '\n';

	log_msg(LOG_ERROR, exception ?
	    "hint=\"script exception\" source=stacktrace" :
	    "hint=\"script exception\"", "%s", text != NULL ? text : "");
	return exception;
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
