/* Hexadecimal digits, for the lexer, URL decoding and the test target.
 * Header-only so programs outside liblyocell.a can use it too. */
#ifndef LYOCELL_HEX_H
#define LYOCELL_HEX_H

/* The value of hex digit c, or -1. */
static inline int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
