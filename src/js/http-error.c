/* A finished hop's TLS details and its error: k6's error codes and Go's
 * messages. */
#include "config.h"

#include <sys/socket.h>
#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <event2/util.h>

#include "util/xmalloc.h"
#include "js/http-int.h"
#include "net/netblock.h"

/* Finishing a hop: errors, timings, metrics, cookies, redirects. */

static const char *
tls_name(const char *v)
{
	if (v == NULL)
		return NULL;
	if (strcmp(v, "TLSv1.3") == 0) return "tls1.3";
	if (strcmp(v, "TLSv1.2") == 0) return "tls1.2";
	if (strcmp(v, "TLSv1.1") == 0) return "tls1.1";
	if (strcmp(v, "TLSv1") == 0) return "tls1.0";
	return v;
}

/* libcurl hands out OpenSSL's SSL *; libssl is already loaded by it, so
 * its accessors are found at run time instead of linking libssl. */
void
tls_info(struct http_req *r)
{
	static const char *(*get_version)(const void *);
	static const void *(*get_cipher)(const void *);
	static const char *(*cipher_name)(const void *);
	static int looked;
	struct curl_tlssessioninfo *ti = NULL;
	const void *c;

	if (!looked) {
		looked = 1;
		*(void **)&get_version = dlsym(RTLD_DEFAULT, "SSL_get_version");
		*(void **)&get_cipher = dlsym(RTLD_DEFAULT, "SSL_get_current_cipher");
		*(void **)&cipher_name = dlsym(RTLD_DEFAULT, "SSL_CIPHER_standard_name");
	}
	if (curl_easy_getinfo(r->easy, CURLINFO_TLS_SSL_PTR, &ti) != CURLE_OK ||
	    ti == NULL || ti->backend != CURLSSLBACKEND_OPENSSL || ti->internals == NULL)
		return;
	if (get_version != NULL)
		r->tls_version = xstrdup(tls_name(get_version(ti->internals)));
	if (get_cipher != NULL && cipher_name != NULL &&
	    (c = get_cipher(ti->internals)) != NULL && cipher_name(c) != NULL)
		r->tls_cipher = xstrdup(cipher_name(c));
}

/* Go's text for an errno: the C library's, in lower case. */
static const char *
go_strerror(int e)
{
	static char b[128];

	snprintf(b, sizeof b, "%s", strerror(e));
	b[0] = (char)tolower((unsigned char)b[0]);
	return b;
}

/* An owned copy of a libcurl message without its " after N ms": the
 * error tag must not take a new value per duration. */
static char *
untimed(const char *m)
{
	char *s = xstrdup(m), *p = s, *q;

	while ((p = strstr(p, " after ")) != NULL) {
		q = p + 7;
		if (!isdigit((unsigned char)*q)) {
			p++;
			continue;
		}
		q += strspn(q, "0123456789");
		if (strncmp(q, " ms", 3) != 0) {
			p++;
			continue;
		}
		memmove(p, q + 3, strlen(q + 3) + 1);
	}
	return s;
}

/* What Go's http.ReadResponse says of the first line of a reply that is
 * not HTTP (in r->rbody). */
static char *
malformed(struct http_req *r)
{
	char *line = xstrndup(r->rbody.data != NULL ? r->rbody.data : "",
	    r->rbody.len), *status, *code, *m;
	size_t n = strlen(line);
	const char *what = "malformed HTTP response", *v = line;

	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if ((status = strchr(line, ' ')) != NULL) {
		*status++ = '\0';
		status += strspn(status, " ");
		code = status;
		code[strcspn(code, " ")] = '\0';
		if (strlen(code) != 3) {
			what = "malformed HTTP status code";
			v = code;
		} else {
			/* Go checks the version next: it is not HTTP/x.y */
			what = "malformed HTTP version";
			v = line;
		}
	}
	m = xasprintf("%s \"%s\"", what, v);
	free(line);
	return m;
}

void
set_error(struct http_req *r)
{
	long oserr = 0;
	const char *eb = r->errbuf[0] ? r->errbuf : curl_easy_strerror(r->result);
	char *ip = NULL;
	long port = 0;

	curl_easy_getinfo(r->easy, CURLINFO_OS_ERRNO, &oserr);
	if (oserr == 0)
		oserr = r->sock_errno;
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_PORT, &port);
	free(r->error);
	free(r->log_error);
	r->log_error = NULL;
	/* options.dns's lookup failed (k6's dialer: "lookup NAME: ...") */
	if (r->dns_error != 0 && r->result != CURLE_OPERATION_TIMEDOUT) {
		int nohost = r->dns_error == EVUTIL_EAI_NONAME ||
		    r->dns_error == EVUTIL_EAI_NODATA;

		r->error_code = nohost ? 1101 : 1100;
		r->error = xasprintf("lookup %s: %s", r->host, nohost ?
		    "no such host" : evutil_gai_strerror(r->dns_error));
		return;
	}
	/* a name that does not resolve is still blocked first, as in k6 */
	if (r->blocked == 0 && r->result == CURLE_COULDNT_RESOLVE_HOST &&
	    (r->block_text = netblock_host_error(r->host)) != NULL)
		r->blocked = 1111;
	if (r->blocked != 0) {
		r->error_code = r->blocked;
		r->error = xstrdup(r->blocked == 1110 ? "ip is blacklisted" :
		    "hostname is blocked");
		r->log_error = xstrdup(r->block_text);
		return;
	}
	switch (r->result) {
	case CURLE_OPERATION_TIMEDOUT:
		r->error_code = 1050;
		r->error = xstrdup("request timeout");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		r->error_code = 1101;
		r->error = xasprintf("lookup %s: no such host", r->host);
		break;
	case CURLE_COULDNT_CONNECT:
		/* k6's messages name no address or time: the error tag stays
		 * one value per kind of failure */
		r->log_error = xasprintf("dial tcp %s:%ld: %s: %s",
		    ip != NULL && *ip ? ip : r->host, port > 0 ? port : r->port,
		    r->sock_errno != 0 ? "socket" : "connect",
		    oserr != 0 ? go_strerror((int)oserr) : "failed");
		if (oserr == ECONNREFUSED) {
			r->error_code = 1212;
			r->error = xstrdup("dial: connection refused");
		} else if (oserr == ETIMEDOUT) {
			r->error_code = 1211;
			r->error = xstrdup("dial: i/o timeout");
		} else if (oserr == ECONNRESET) {
			/* reset as it was accepted: Go has connected by then
			 * and reads the reset */
			r->error_code = 1220;
			r->error = xstrdup("read: connection reset by peer");
		} else if (oserr != 0) {
			/* EMFILE and the like */
			r->error_code = 1213;
			r->error = xasprintf("dial: unknown errno %ld error with msg "
			    "`%s`", oserr, go_strerror((int)oserr));
		} else {
			r->error_code = 1210;
			r->error = xstrdup("dial tcp: connect failed");
		}
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
		if (oserr == ECONNRESET) {
			r->error_code = 1220;
			r->error = xasprintf("%s: connection reset by peer",
			    r->result == CURLE_SEND_ERROR ? "write" : "read");
		} else if (oserr == EPIPE) {
			r->error_code = 1201;
			r->error = xstrdup("write: broken pipe");
		} else {
			r->error_code = 1200;
			r->error = untimed(eb);
		}
		break;
	case CURLE_GOT_NOTHING:
		r->error_code = 1000;
		r->error = xstrdup("EOF");
		break;
	case CURLE_PARTIAL_FILE:
		r->error_code = 1000;
		r->error = xstrdup("unexpected EOF");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		if (strstr(eb, "subject") != NULL || strstr(eb, "match") != NULL) {
			r->error_code = 1311;
			r->error = xasprintf("x509: certificate is not valid for %s", r->host);
		} else {
			r->error_code = 1310;
			r->error = xstrdup("x509: certificate signed by unknown authority");
		}
		break;
	case CURLE_SSL_CERTPROBLEM:
		/* the only client certificates are options.tlsAuth's */
		r->error_code = 1300;
		r->error = xasprintf("tls: tlsAuth: cannot use the client "
		    "certificate or its key (wrong password?): %s", eb);
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
		r->error_code = 1300;
		r->error = xasprintf("tls: %s", eb);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		r->error_code = 1701;
		r->error = xasprintf("error decompressing the response: %s", eb);
		break;
	case CURLE_HTTP2:
		r->error_code = 1600;
		r->error = xasprintf("http2: %s", eb);
		break;
	case CURLE_HTTP2_STREAM:
		r->error_code = 1630;
		r->error = xasprintf("http2: stream error: %s", eb);
		break;
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		r->error_code = 1020;
		r->error = xasprintf("invalid URL: %s", eb);
		break;
	case CURLE_WRITE_ERROR:
		if (r->not_http) {
			r->error_code = 1000;
			r->error = malformed(r);
			r->log_error = xasprintf("net/http: HTTP/1.x transport "
			    "connection broken: %s", r->error);
			break;
		}
		if (r->too_big) {
			r->error_code = 1000;
			r->error = xasprintf("the response body is larger than %zu MiB, "
			    "the most Lyocell keeps (use responseType: \"none\")",
			    HTTP_BODY_CAP >> 20);
			break;
		}
		/* FALLTHROUGH */
	default:
		r->error_code = 1000;
		r->error = untimed(eb);
		break;
	}
}
