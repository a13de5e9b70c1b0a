/* Large literals of plain data, as JSON.
 *
 * mujs compiles an array or object literal into code that builds it, a
 * few instructions an element, and one function's code may not pass 64K
 * instructions: a script carrying a 10 MB array of records could not be
 * loaded at all.  Lowered as JSON.parse of one string, the same data is a
 * single constant, and mujs parses it in linear time. */
#ifndef LYOCELL_LITERAL_H
#define LYOCELL_LITERAL_H

struct buf;
struct node;

/* A string literal for s (n bytes, UTF-8) that both ES5, as mujs reads
 * it, and JSON read as s: escapes for quotes, backslashes, control
 * characters, U+2028, U+2029 (which mujs's JSON.parse refuses raw) and
 * lone surrogates. */
void	literal_quote(struct buf *b, const char *s, size_t n);

/* Literals of fewer values than this stay as they are, unless they nest
 * this deep (mujs's parser stops at 100 levels, JS_ASTLIMIT). */
#define LITERAL_JSON_MIN	1000
#define LITERAL_JSON_DEEP	32

/* If the array or object literal n is plain data (numbers, strings,
 * true, false, null, and arrays and objects of them with plain keys) of
 * LITERAL_JSON_MIN values or more, or nested LITERAL_JSON_DEEP deep,
 * append its JSON text to b and return 0; else -1, with b as it was. */
int	literal_json(const struct node *n, struct buf *b);

#endif
