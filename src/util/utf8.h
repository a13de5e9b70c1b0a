/* UTF-8 as mujs writes it, read back as k6's Go strings would hold it.
 *
 * mujs keeps U+0000 as the two bytes C0 80 (so C strings can carry it)
 * and a surrogate as its own three bytes (ED A0 80 for \ud800), a pair
 * of them as six.  k6's strings come from UTF-16 through Go, which
 * joins a pair into one code point and makes a lone surrogate U+FFFD.
 * Header-only so programs outside liblyocell.a can use it too. */
#ifndef LYOCELL_UTF8_H
#define LYOCELL_UTF8_H

#include <stddef.h>

/* A surrogate's three bytes (ED A0..BF 80..BF): its value, or -1. */
static inline long
utf8_surrogate(const unsigned char *s)
{
	if (s[0] != 0xed || (s[1] & 0xe0) != 0xa0 || (s[2] & 0xc0) != 0x80)
		return -1;
	return 0xd000 | (long)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
}

/*
 * The code point at s (NUL-terminated, or with a NUL or the end of a
 * buffer past every sequence it reads), its byte count in *w.  C0 80 is
 * 0, a surrogate pair is its code point, a lone surrogate is U+FFFD;
 * other invalid bytes are -1 with *w 1 (overlong forms, values past
 * U+10FFFF).
 */
static inline long
utf8_decode(const unsigned char *s, size_t *w)
{
	unsigned char	 c = s[0];
	long		 r, lo;
	size_t		 n, i;

	*w = 1;
	if (c < 0x80)
		return c;
	if (c == 0xc0 && s[1] == 0x80) {
		*w = 2;
		return 0;
	}
	if ((r = utf8_surrogate(s)) != -1) {
		*w = 3;
		if (r < 0xdc00 && (lo = utf8_surrogate(s + 3)) >= 0xdc00) {
			*w = 6;
			return 0x10000 + ((r - 0xd800) << 10) + (lo - 0xdc00);
		}
		return 0xfffd;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		r = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		r = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		r = c & 0x07;
	} else
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		r = (r << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && r < 0x800) || (n == 4 && (r < 0x10000 || r > 0x10ffff)))
		return -1;
	*w = n;
	return r;
}

/* Whether the n bytes at p are UTF-8 as Go's utf8.Valid has it: no
 * overlong forms, no surrogates (so not mujs's forms), nothing past
 * U+10FFFF, no sequence cut by the end. */
static inline int
utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0, k, len;
	long r;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf) {
			len = 2;
			r = p[i] & 0x1f;
		} else if (p[i] >= 0xe0 && p[i] <= 0xef) {
			len = 3;
			r = p[i] & 0x0f;
		} else if (p[i] >= 0xf0 && p[i] <= 0xf4) {
			len = 4;
			r = p[i] & 0x07;
		} else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			r = (r << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 3 && (r < 0x800 || (r >= 0xd800 && r <= 0xdfff))) ||
		    (len == 4 && (r < 0x10000 || r > 0x10ffff)))
			return 0;
		i += len;
	}
	return 1;
}

/* Write code point r (at most U+10FFFF) as UTF-8 into out; its length. */
static inline size_t
utf8_encode(long r, char out[4])
{
	if (r < 0x80) {
		out[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		out[0] = (char)(0xc0 | r >> 6);
		out[1] = (char)(0x80 | (r & 0x3f));
		return 2;
	}
	if (r < 0x10000) {
		out[0] = (char)(0xe0 | r >> 12);
		out[1] = (char)(0x80 | (r >> 6 & 0x3f));
		out[2] = (char)(0x80 | (r & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | r >> 18);
	out[1] = (char)(0x80 | (r >> 12 & 0x3f));
	out[2] = (char)(0x80 | (r >> 6 & 0x3f));
	out[3] = (char)(0x80 | (r & 0x3f));
	return 4;
}

/* Whether the w bytes decoded as r are r's own UTF-8 (not C0 80, not
 * surrogates): then they can be copied as they are. */
static inline int
utf8_canonical(long r, size_t w)
{
	return r > 0 && !(r == 0xfffd && w == 3) && w != 6;
}

/*
 * What a JSON string literal holds for the w bytes decoded as r, as Go's
 * encoding/json writes k6's strings: "\\ufffd" for an invalid byte, an
 * escape for U+0000, U+2028 and U+2029, r's own UTF-8 (in esc) for C0 80
 * and surrogates, or NULL to copy the bytes as they are.
 */
static inline const char *
utf8_json_rep(long r, size_t w, char esc[8])
{
	if (r == -1)
		return "\\ufffd";
	if (r == 0)
		return "\\u0000";
	if (r == 0x2028)
		return "\\u2028";
	if (r == 0x2029)
		return "\\u2029";
	if (utf8_canonical(r, w))
		return NULL;
	esc[utf8_encode(r, esc)] = '\0';
	return esc;
}

#endif
