/* JSON.parse's syntax errors as k6's engine words them (Go's JSON
 * decoder's); see jsonerr.c. */
#ifndef LYOCELL_JS_JSONERR_H
#define LYOCELL_JS_JSONERR_H

#include <stddef.h>

/* 1 with k6's message for the first error of the JSON text in msg, or 0
 * when k6's engine reads the text without one. */
int	jsonerr_message(const char *text, size_t len, char *msg, size_t size);

/* The same in the words of Go's json.Unmarshal (which k6's Response.json()
 * uses): "unexpected end of JSON input", "invalid character 'x' after
 * top-level value"; *offset is its SyntaxError's Offset (bytes read). */
int	jsonerr_go(const char *text, size_t len, char *msg, size_t size,
	    size_t *offset);

#endif
