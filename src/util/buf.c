/* A growable byte buffer with a cap; see buf.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xmalloc.h"

#define BUF_DEFAULT_CAP ((size_t)1 << 30)

void
buf_init(struct buf *b, size_t cap)
{
	b->data = NULL;
	b->len = b->size = 0;
	b->cap = cap;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

int
buf_reserve(struct buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : BUF_DEFAULT_CAP, need, size;

	if (extra > cap || b->len > cap - extra)
		return -1;
	need = b->len + extra + 1;
	if (need <= b->size)
		return 0;
	size = b->size ? b->size : 64;
	while (size < need)
		size *= 2;
	b->data = xrealloc(b->data, size);
	b->size = size;
	return 0;
}

int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n) == -1)
		return -1;
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
buf_read(struct buf *b, FILE *f)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_add(b, chunk, n) == -1)
			return -1;
	return ferror(f) ? -1 : 0;
}

char *
buf_slurp(const char *path, size_t cap, const char *what, char **cause)
{
	struct buf b;
	FILE *f;
	int rc;

	buf_init(&b, cap);
	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	rc = buf_read(&b, f);
	if (rc == -1)
		*cause = ferror(f) ? xasprintf("cannot read %s: %s", path, strerror(errno)) :
		    xasprintf("%s: larger than %zu MiB, not %s", path, cap >> 20, what);
	fclose(f);
	if (rc == -1) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	return buf_add(b, &ch, 1);
}

int
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || buf_reserve(b, (size_t)n) == -1)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *
buf_steal(struct buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = xstrdup("");
	b->data = NULL;
	b->len = b->size = 0;
	return p;
}
