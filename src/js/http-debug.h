/* --http-debug (options.httpDebug): each request and response logged at
 * level info as k6 logs them, "Request:\n..." and "Response:\n..." with a
 * request_id field; "full" adds the bodies.  The text is what libcurl
 * sent and received, from its debug callback, so a request shows the
 * headers that really went out.
 *
 * http_debug_start returns, through *d, an owned state for one transfer
 * (NULL when the option is off); http_debug_end logs what is left and
 * frees it; both take NULL. */
#ifndef LYOCELL_HTTP_DEBUG_H
#define LYOCELL_HTTP_DEBUG_H

#include <curl/curl.h>
#include <stddef.h>

struct http_debug;
struct runopts;

void	http_debug_start(struct http_debug **d, CURL *easy, const struct runopts *o);
/* Every call of the transfer's CURLOPT_DEBUGFUNCTION. */
void	http_debug_feed(struct http_debug *d, curl_infotype type, const char *p, size_t n);
void	http_debug_end(struct http_debug **d);

#endif
