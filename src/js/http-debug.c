/* --http-debug; see http-debug.h.
 *
 * k6 dumps with Go's httputil.DumpRequestOut and DumpResponse around
 * each round trip and logs "Request:\n%s\n" and "Response:\n%s\n" with
 * CRLF turned into LF.  Here a transfer's pieces arrive through libcurl's
 * debug callback: the request's header block and body, then the response
 * header lines and body.  A request that libcurl sends again in the same
 * transfer (an authentication challenge) starts a new pair. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>

#include "engine/module.h"
#include "js/http-debug.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* What one dump keeps of a body; the rest is counted. */
#define HTTP_DEBUG_BODY_CAP	((size_t)1 << 20)

struct http_debug {
	int		 full;
	char		 id[37];	/* request_id, a UUID as k6's */
	struct buf	 req, req_body, resp, resp_body;
	size_t		 req_cut, resp_cut;	/* body bytes not kept */
};

static void
new_id(char out[37])
{
	unsigned char u[16];
	size_t i;
	char *p = out;

	if (getrandom(u, sizeof u, 0) != (ssize_t)sizeof u)
		memset(u, 0, sizeof u);
	u[6] = (u[6] & 0x0f) | 0x40;
	u[8] = (u[8] & 0x3f) | 0x80;
	for (i = 0; i < 16; i++) {
		p += sprintf(p, "%02x", u[i]);
		if (i == 3 || i == 5 || i == 7 || i == 9)
			*p++ = '-';
	}
	*p = '\0';
}

/* Append without the CRs of CRLF, as k6 prints its dumps. */
static void
add_lf(struct buf *b, const char *p, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') {
			buf_add(b, p + start, i - start);
			start = i + 1;
		}
	}
	buf_add(b, p + start, n - start);
}

static void
add_body(struct buf *b, size_t *cut, const char *p, size_t n)
{
	size_t room = b->len < HTTP_DEBUG_BODY_CAP ? HTTP_DEBUG_BODY_CAP - b->len : 0;

	if (n > room) {
		*cut += n - room;
		n = room;
	}
	buf_add(b, p, n);
}

static void
log_dump(const char *what, const char *id, struct buf *head, struct buf *body, size_t cut)
{
	char fields[64];

	snprintf(fields, sizeof fields, "request_id=%s", id);
	if (cut > 0)
		buf_printf(body, "\n[%zu more bytes not shown]", cut);
	log_msg(LOG_INFO, fields, "%s:\n%s%s\n", what, head->data ? head->data : "",
	    body->data ? body->data : "");
}

/* Log the pair gathered so far, and start afresh. */
static void
flush(struct http_debug *d)
{
	if (d->req.len > 0)
		log_dump("Request", d->id, &d->req, &d->req_body, d->req_cut);
	if (d->resp.len > 0)
		log_dump("Response", d->id, &d->resp, &d->resp_body, d->resp_cut);
	buf_reset(&d->req);
	buf_reset(&d->req_body);
	buf_reset(&d->resp);
	buf_reset(&d->resp_body);
	d->req_cut = d->resp_cut = 0;
	new_id(d->id);
}

void
http_debug_start(struct http_debug **d, CURL *easy, const struct runopts *o)
{
	http_debug_end(d);
	if (o == NULL || o->http_debug == NULL || *o->http_debug == '\0')
		return;
	*d = xcalloc(1, sizeof **d);
	(*d)->full = strcmp(o->http_debug, "full") == 0;
	new_id((*d)->id);
	/* The debug callback hears nothing without it. */
	curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
}

void
http_debug_feed(struct http_debug *d, curl_infotype type, const char *p, size_t n)
{
	if (d == NULL)
		return;
	switch (type) {
	case CURLINFO_HEADER_OUT:
		if (d->resp.len > 0)
			flush(d);
		add_lf(&d->req, p, n);
		break;
	case CURLINFO_DATA_OUT:
		if (d->full)
			add_body(&d->req_body, &d->req_cut, p, n);
		break;
	case CURLINFO_HEADER_IN:
		/* The request is logged once its answer begins, as k6 logs
		 * it before its round trip. */
		if (d->req.len > 0 && d->resp.len == 0) {
			log_dump("Request", d->id, &d->req, &d->req_body, d->req_cut);
			buf_reset(&d->req);
		}
		add_lf(&d->resp, p, n);
		break;
	case CURLINFO_DATA_IN:
		if (d->full)
			add_body(&d->resp_body, &d->resp_cut, p, n);
		break;
	default:
		break;
	}
}

void
http_debug_end(struct http_debug **d)
{
	if (*d == NULL)
		return;
	flush(*d);
	buf_free(&(*d)->req);
	buf_free(&(*d)->req_body);
	buf_free(&(*d)->resp);
	buf_free(&(*d)->resp_body);
	free(*d);
	*d = NULL;
}
