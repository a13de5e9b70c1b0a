/* The ES2022 parser: source text to a syntax tree (see ast.h).
 *
 * parser_parse borrows name and src; the tree lives in the caller's arena
 * and points into src.  On a syntax error it returns NULL and sets *cause
 * to an owned message with file:line:column and a code frame. */
#ifndef LYOCELL_PARSER_H
#define LYOCELL_PARSER_H

#include <stddef.h>

struct arena;
struct node;

#define PARSE_MODULE	0x01	/* module goal: import/export allowed */

struct node *parser_parse(struct arena *, const char *name, const char *src,
	    size_t len, int flags, char **cause);

#endif
