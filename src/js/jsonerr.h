/* JSON.parse's syntax errors as k6's engine words them (Go's JSON
 * decoder's), and the reader of Go's grammar that finds them; see
 * jsonerr.c. */
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

/* A JSON text read token by token, as Go's Decoder reads it, at any
 * depth.  jsonerr_open borrows the text and msg; jsonerr_close frees
 * what the reader grew (its stack of open arrays and objects). */
struct jsonerr_reader {
	const unsigned char	*s;
	size_t			 i, n;		/* at, length */
	char			*msg;		/* the error's words */
	size_t			 size;
	int			 go;	/* Go's Unmarshal's words, not the Decoder's */
	size_t			 at;	/* Go's offset of the error */
	unsigned char		*stack;	/* the state outside each open level */
	size_t			 depth, cap;
	int			 state;
	int			 done;	/* the top-level value is read */
};

#define JSONERR_END	0
#define JSONERR_ERROR	(-1)
#define JSONERR_KEY	'k'

void	jsonerr_open(struct jsonerr_reader *, const char *text, size_t len,
	    int go, char *msg, size_t size);
/* The next token, from *start to the reader's i: '[', '{', ']', '}',
 * JSONERR_KEY (a key, quoted), '"' (a string), '0' (a number), 't', 'f'
 * or 'n'; JSONERR_END after the value, or JSONERR_ERROR with msg. */
int	jsonerr_next(struct jsonerr_reader *, size_t *start);
void	jsonerr_close(struct jsonerr_reader *);

#endif
