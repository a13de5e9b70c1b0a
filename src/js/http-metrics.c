/* A finished hop's timings, tags and metrics, its cookies, its failure log. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "engine/module.h"
#include "util/format.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "js/http-int.h"

static double
us_ms(curl_off_t a, curl_off_t b)
{
	return a > b ? (double)(a - b) / 1000.0 : 0;
}

void
timings(struct http_req *r)
{
	curl_off_t dns = 0, conn = 0, app = 0, pre = 0, start = 0, total = 0;
	CURL *e = r->easy;

	curl_easy_getinfo(e, CURLINFO_NAMELOOKUP_TIME_T, &dns);
	curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &conn);
	curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &app);
	curl_easy_getinfo(e, CURLINFO_PRETRANSFER_TIME_T, &pre);
	curl_easy_getinfo(e, CURLINFO_STARTTRANSFER_TIME_T, &start);
	curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &total);
	if (start == 0)
		start = total;
	/* k6: blocked spans getting the connection (so it covers connecting
	 * and the TLS handshake of a new one); duration is sending + waiting
	 * + receiving.  Sending runs from the first byte of the request
	 * written to the last, waiting from there to the response's first
	 * byte, receiving to the end: our own clock (prereq_cb, debug_cb,
	 * header_cb, done_cb), as libcurl 7.88 has no timer for the first
	 * and reuses a stale clock reading for some of the others. */
	/* options.dns's lookup ran before libcurl's clock */
	r->t_blocked = us_ms(pre, 0) + (double)r->t_lookup / 1e6;
	r->t_connecting = conn > 0 ? us_ms(conn, dns) : 0;
	r->t_tls = app > 0 ? us_ms(app, conn) : 0;
	if (r->t_prereq != 0 && r->t_sent >= r->t_prereq &&
	    r->t_first >= r->t_sent && r->t_done >= r->t_first) {
		r->t_sending = (double)(r->t_sent - r->t_prereq) / 1e6;
		r->t_waiting = (double)(r->t_first - r->t_sent) / 1e6;
		r->t_receiving = (double)(r->t_done - r->t_first) / 1e6;
		/* the sum in whole nanoseconds, divided once, as k6's is:
		 * a sum of the three in milliseconds reads 0.27283500000000005 */
		r->t_duration = (double)(r->t_done - r->t_prereq) / 1e6;
	} else {
		/* no response: what libcurl saw */
		r->t_sending = 0;
		r->t_waiting = us_ms(start, pre);
		r->t_receiving = us_ms(total, start);
		r->t_duration = us_ms(total, pre);
	}
}

int
is_expected(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	const struct http_range *rg = r->cb == CB_RANGES ? r->ranges : hv->ranges;
	size_t i, n = r->cb == CB_RANGES ? r->nranges : hv->nranges;

	if (r->cb == CB_VU && hv->cb == CB_VU)
		return r->status >= 200 && r->status <= 399;
	for (i = 0; i < n; i++)
		if (r->status >= rg[i].min && r->status <= rg[i].max)
			return 1;
	return 0;
}

static int
cb_active(struct http_req *r)
{
	return r->cb == CB_RANGES || (r->cb == CB_VU && r->hv->cb != CB_NONE);
}

static uint32_t emit_tags(struct http_req *);

static int
streq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The tag set of a hop's samples, through a small per-VU cache: a script
 * repeats the same few requests, and deriving the set costs a hash lookup
 * per tag. */
static uint32_t
hop_tags(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	struct http_tagcache *c;
	const char *url = r->url_is_name ? r->name : r->orig_url;
	uint32_t t;
	size_t i;

	for (i = 0; i < hv->ntagcache; i++) {
		c = &hv->tagcache[i];
		if (c->id != 0 && c->base == r->tags && c->status == r->status &&
		    c->error_code == r->error_code && c->expected == r->expected &&
		    c->cb == cb_active(r) && c->has_name_tag == r->has_name_tag &&
		    streq(c->method, r->method) && streq(c->url, url) &&
		    streq(c->name, r->name) && streq(c->proto, r->proto) &&
		    streq(c->tls, r->tls_version) && streq(c->error, r->error))
			return c->id;
	}
	t = emit_tags(r);
	/* an entry per set of tags the VU uses, up to HTTP_TAGCACHE, then
	 * each in turn: most scripts use one or two */
	if (hv->ntagcache < HTTP_TAGCACHE) {
		hv->tagcache = xreallocarray(hv->tagcache, hv->ntagcache + 1,
		    sizeof *hv->tagcache);
		c = &hv->tagcache[hv->ntagcache++];
		memset(c, 0, sizeof *c);
	} else
		c = &hv->tagcache[hv->tagnext++ % HTTP_TAGCACHE];
	free(c->method);
	free(c->url);
	free(c->name);
	free(c->tls);
	free(c->error);
	c->id = t;
	c->base = r->tags;
	c->status = r->status;
	c->error_code = r->error_code;
	c->expected = r->expected;
	c->cb = cb_active(r);
	c->has_name_tag = r->has_name_tag;
	c->method = xstrdup(r->method);
	c->url = url != NULL ? xstrdup(url) : NULL;
	c->name = r->name != NULL ? xstrdup(r->name) : NULL;
	c->proto = r->proto;
	c->tls = r->tls_version != NULL ? xstrdup(r->tls_version) : NULL;
	c->error = r->error != NULL ? xstrdup(r->error) : NULL;
	return t;
}

static uint32_t
emit_tags(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	struct vu *vu = hv->vu;
	unsigned st = hv->systags;
	uint32_t t = r->tags;
	char num[16];

	if (st & ST_METHOD)
		t = vu_tags_with(vu, t, "method", r->method);
	if (st & ST_STATUS) {
		snprintf(num, sizeof num, "%ld", r->status);
		t = vu_tags_with(vu, t, "status", num);
	}
	if (st & ST_URL)
		t = vu_tags_with(vu, t, "url", r->url_is_name ? r->name : r->orig_url);
	if ((st & ST_NAME) && !r->has_name_tag)
		t = vu_tags_with(vu, t, "name", r->name != NULL ? r->name : r->orig_url);
	if ((st & ST_PROTO) && r->proto != NULL)
		t = vu_tags_with(vu, t, "proto", r->proto);
	if ((st & ST_TLS) && r->tls_version != NULL)
		t = vu_tags_with(vu, t, "tls_version", r->tls_version);
	if ((st & ST_ERROR) && r->error != NULL)
		t = vu_tags_with(vu, t, "error", r->error);
	if ((st & ST_ERROR_CODE) && r->error_code != 0) {
		snprintf(num, sizeof num, "%d", r->error_code);
		t = vu_tags_with(vu, t, "error_code", num);
	}
	if (cb_active(r) && (st & ST_EXPECTED))
		t = vu_tags_with(vu, t, "expected_response",
		    r->expected ? "true" : "false");
	return t;
}

void
emit_metrics(struct http_req *r)
{
	struct vu *vu = r->hv->vu;
	const struct builtin_metrics *m = vu_metrics(vu);
	const uint32_t metric[] = {
		m->http_reqs, m->http_req_duration, m->http_req_blocked,
		m->http_req_connecting, m->http_req_tls_handshaking,
		m->http_req_sending, m->http_req_waiting, m->http_req_receiving,
		m->http_req_failed,
	};
	const double value[] = {
		1, r->t_duration, r->t_blocked, r->t_connecting, r->t_tls,
		r->t_sending, r->t_waiting, r->t_receiving, r->expected ? 0 : 1,
	};

	/* one moment and one tag set, as k6 sends a request's samples */
	if (r->async)
		vu_emit_meta(vu, hop_tags(r), metric, value,
		    cb_active(r) ? 9 : 8, r->meta, r->meta_len);
	else
		vu_emit_n(vu, hop_tags(r), metric, value, cb_active(r) ? 9 : 8);
}

void
store_cookies(struct http_req *r)
{
	const char *p = r->rhead.data, *eol;
	struct http_cookie c;
	time_t now;

	if (p == NULL || !r->set_cookie)
		return;
	now = time(NULL);
	for (; *p != '\0'; p = *eol ? eol + 1 : eol) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if (strncasecmp(p, "Set-Cookie:", 11) != 0)
			continue;
		{
			char *v = xstrndup(p + 11, (size_t)(eol - p - 11));

			if (http_cookie_parse(v, &c) == 0)
				http_cookie_jar_store(r->jar, r->host, r->path, &c, now);
			free(v);
		}
	}
}

const char *
proto_of(struct http_req *r)
{
	long v = 0;

	curl_easy_getinfo(r->easy, CURLINFO_HTTP_VERSION, &v);
	switch (v) {
	case CURL_HTTP_VERSION_1_0: return "HTTP/1.0";
	case CURL_HTTP_VERSION_1_1: return "HTTP/1.1";
	case CURL_HTTP_VERSION_2_0: return "HTTP/2.0";
	case CURL_HTTP_VERSION_3: return "HTTP/3.0";
	}
	return NULL;
}

char *
http_failure(const struct http_req *r)
{
	const char *m = r->method;
	char *msg;
	size_t i;

	if (r->url_fault == HTTP_URL_PARSE)	/* k6 never made the request */
		return xstrdup(r->error);
	msg = xasprintf("%c%s \"%s\": %s", m[0], m + 1, r->orig_url,
	    r->log_error != NULL ? r->log_error : r->error);
	/* Go writes "Get", not "GET" */
	for (i = 2; i < strlen(m) + 1; i++)
		msg[i - 1] = (char)tolower((unsigned char)msg[i - 1]);
	return msg;
}

void
log_error_field(const char *what, const char *error)
{
	struct buf f = BUF_INIT;

	buf_puts(&f, " error=");
	format_json_cstring(&f, error, FORMAT_JSON_BF);
	log_msg(LOG_WARN, f.data, "%s", what);
	buf_free(&f);
}

void
log_failure(struct http_req *r)
{
	char *msg = http_failure(r);

	log_error_field("Request Failed", msg);
	free(msg);
}

/* Emit the hops libcurl ran inside r's transfer, before its last one:
 * the 401s it answered itself (NTLM), with their own timings; k6 counts
 * each. */
void
emit_inner(struct http_req *r)
{
	long status = r->status;
	int error_code = r->error_code, expected = r->expected, i;
	double t[7] = { r->t_blocked, r->t_connecting, r->t_tls, r->t_sending,
	    r->t_waiting, r->t_receiving, r->t_duration };

	for (i = 0; i < r->ninner; i++) {
		r->status = r->inner[i].status;
		r->error_code = r->status >= 400 ? 1000 + (int)r->status : 0;
		r->expected = is_expected(r);
		r->t_blocked = r->t_connecting = r->t_tls = 0;
		r->t_sending = r->inner[i].sending;
		r->t_waiting = r->inner[i].waiting;
		r->t_receiving = r->inner[i].receiving;
		r->t_duration = r->t_sending + r->t_waiting + r->t_receiving;
		emit_metrics(r);
	}
	r->status = status;
	r->error_code = error_code;
	r->expected = expected;
	r->t_blocked = t[0];
	r->t_connecting = t[1];
	r->t_tls = t[2];
	r->t_sending = t[3];
	r->t_waiting = t[4];
	r->t_receiving = t[5];
	r->t_duration = t[6];
}
