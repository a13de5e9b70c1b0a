/* A request URL judged as k6 judges it: Go's net/url parses it, then
 * Go's HTTP transport refuses what it cannot send.
 *
 * http_url_check returns NULL for a URL k6 would send, or an owned
 * message; it borrows url. */
#ifndef LYOCELL_HTTP_URL_H
#define LYOCELL_HTTP_URL_H

/* What is wrong with a URL. */
enum http_url_fault {
	HTTP_URL_OK,
	HTTP_URL_PARSE,		/* url.Parse fails: k6's 1020, no request */
	HTTP_URL_SEND,		/* the transport refuses it: 1000, counted */
};

/* NULL when url is an http or https URL with a host; else the message
 * k6 gives ("invalid URL: parse \"...\": ..." for HTTP_URL_PARSE,
 * Go's transport error for HTTP_URL_SEND) and its kind in *fault. */
char	*http_url_check(const char *url, enum http_url_fault *fault);

#endif
