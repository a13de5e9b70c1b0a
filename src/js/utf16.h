/* Strings indexed by UTF-16 code units over mujs's UTF-8; see utf16.c.
 * Indices are doubles, as the script's numbers are. */
#ifndef LYOCELL_JS_UTF16_H
#define LYOCELL_JS_UTF16_H

#include <mujs.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Push units [a, b) of s, 0 <= a (an index past the end is the end): a
 * pair cut in half leaves its surrogate's 3-byte form. */
void	utf16_push(js_State *J, const char *s, double a, double b);

/* The UTF-16 units of s (owned), their number in *n: a lone surrogate's
 * 3-byte form is its unit, U+0000's C0 80 is 0.  At least UTF16_PAD
 * zeros follow them: PCRE2's JIT reads a vector's width ahead. */
#define UTF16_PAD	16
uint16_t	*utf16_units(const char *s, size_t *n);
/* Append units [a, b) of u to out as a string's bytes, the inverse of
 * utf16_units: a pair is its character, a surrogate without its half
 * (inside [a, b)) the 3-byte form utf16_push leaves. */
void	utf16_add_units(struct buf *out, const uint16_t *u, size_t a, size_t b);
/* The same into dst, which has room for 3 * (b - a) + 1 bytes (a NUL
 * ends them): their number. */
size_t	utf16_encode(char *dst, const uint16_t *u, size_t a, size_t b);

/* The program's own for mujs's built-in method name (made from fn), or
 * fn: String.prototype.slice, substring, indexOf, lastIndexOf, and split
 * and replace with a string, in UTF-16 units; encodeURI and
 * encodeURIComponent refuse a lone surrogate; Array.prototype.sort
 * orders strings by unit. */
js_CFunction	utf16_builtin(const char *name, js_CFunction fn);
/* Define __ly_chars(s), a string's characters as an array (a surrogate
 * pair as one), which the compiler's for...of and spread use. */
void	utf16_define(js_State *J);

#endif
