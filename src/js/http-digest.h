/* HTTP Digest authentication (RFC 7616, RFC 2617), the client's side.
 *
 * http_digest_answer returns an owned string; it borrows its arguments. */
#ifndef LYOCELL_HTTP_DIGEST_H
#define LYOCELL_HTTP_DIGEST_H

#include <stddef.h>

/* The Authorization header value that answers challenge (the value of a
 * WWW-Authenticate header), for a request of method to uri (its
 * request-target: path and query) whose body is body; cnonce is the
 * client nonce to use.  NULL if challenge is not a Digest challenge this
 * code can answer (MD5, MD5-sess, SHA-256, SHA-256-sess; qop auth,
 * auth-int or none). */
char	*http_digest_answer(const char *challenge, const char *user,
	    const char *pass, const char *method, const char *uri,
	    const char *body, size_t bodylen, const char *cnonce);

/* A fresh client nonce: 32 hex digits and a NUL in out. */
void	 http_digest_cnonce(char out[33]);

#endif
