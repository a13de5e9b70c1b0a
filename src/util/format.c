/* Go's text formats for k6's outputs; see format.h. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/format.h"
#include "util/timeunit.h"
#include "util/utf8.h"

/*
 * The shortest decimal digits that read back as v (finite, > 0): digits
 * without the point into d (NUL-terminated), their number in *nd and the
 * decimal exponent of the first one in *e10 (v = d[0].d[1..] x 10^e10).
 * Any decimal of at most 15 significant digits survives a trip through a
 * double (DBL_DIG), so if the 15-digit rounding of v reads back as v, its
 * digits without trailing zeros are the shortest; else 16 or 17 digits
 * are needed and the correctly rounded ones are what Go picks too.
 * (Subnormals hold fewer digits, so for them every length is tried.)
 */
static void
shortest(double v, char *d, int *nd, int *e10)
{
	char	 tmp[40], *p, *e;
	int	 prec, n;

	/* Subnormals have fewer digits of precision: search them all. */
	for (prec = v < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
		if (prec == 17 || strtod(tmp, NULL) == v)
			break;
	}
	e = strchr(tmp, 'e');
	*e10 = atoi(e + 1);
	n = 0;
	for (p = tmp; p < e; p++) {
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	}
	while (n > 1 && d[n - 1] == '0')
		n--;
	d[n] = '\0';
	*nd = n;
}

/*
 * The common case, quickly: a value of 1e-4 <= v < 1e9 with at most six
 * decimals (what timings in ms and counts look like).  If k x 10^-6 reads
 * back as v it is the shortest: below 1e9 a double's spacing is under
 * 1e-6 / 2, so no other multiple of 10^-6 reads back as v, and a decimal
 * with more decimals has more digits.  Returns -1 when it does not apply.
 */
static int
shortest_fast(double v, char *d, int *nd, int *e10)
{
	long long	 k;
	char		 tmp[24];
	int		 n = 0, i;

	if (!(v >= 1e-4 && v < 1e9))
		return -1;
	k = llround(v * 1e6);
	if ((double)k / 1e6 != v)
		return -1;
	while (k > 0) {
		tmp[n++] = '0' + k % 10;
		k /= 10;
	}
	*e10 = n - 1 - 6;
	for (i = 0; i < n; i++)
		d[i] = tmp[n - 1 - i];
	while (n > 1 && d[n - 1] == '0')
		n--;
	d[n] = '\0';
	*nd = n;
	return 0;
}

static int
special(struct buf *b, double v)
{
	if (isnan(v))
		return buf_puts(b, "NaN");
	return buf_puts(b, v > 0 ? "+Inf" : "-Inf");
}

/* Go's fmtF: the digits with the point at dp, frac decimals. */
static int
put_fixed(struct buf *b, const char *d, int nd, int dp, int frac)
{
	int	 i;

	if (dp > 0) {
		for (i = 0; i < dp; i++) {
			if (buf_putc(b, i < nd ? d[i] : '0') == -1)
				return -1;
		}
	} else if (buf_putc(b, '0') == -1)
		return -1;
	if (frac > 0) {
		if (buf_putc(b, '.') == -1)
			return -1;
		for (i = 0; i < frac; i++) {
			int j = dp + i;

			if (buf_putc(b, j >= 0 && j < nd ? d[j] : '0') == -1)
				return -1;
		}
	}
	return 0;
}

int
format_float_g(struct buf *b, double v)
{
	char	 d[24];
	int	 nd, e10, x;

	if (!isfinite(v))
		return special(b, v);
	if (signbit(v) && buf_putc(b, '-') == -1)
		return -1;
	v = fabs(v);
	if (v == 0)
		return buf_putc(b, '0');
	if (shortest_fast(v, d, &nd, &e10) == -1)
		shortest(v, d, &nd, &e10);
	if (e10 < -4 || e10 >= 6) {
		if (buf_putc(b, d[0]) == -1)
			return -1;
		if (nd > 1 && (buf_putc(b, '.') == -1 || buf_puts(b, d + 1) == -1))
			return -1;
		x = e10 < 0 ? -e10 : e10;
		return buf_printf(b, "e%c%02d", e10 < 0 ? '-' : '+', x);
	}
	return put_fixed(b, d, nd, e10 + 1, nd - (e10 + 1) > 0 ?
	    nd - (e10 + 1) : 0);
}

int
format_float_f(struct buf *b, double v)
{
	char	 d[24];
	int	 nd, e10;

	if (!isfinite(v))
		return special(b, v);
	if (signbit(v) && buf_putc(b, '-') == -1)
		return -1;
	v = fabs(v);
	if (v == 0)
		return buf_putc(b, '0');
	if (shortest_fast(v, d, &nd, &e10) == -1)
		shortest(v, d, &nd, &e10);
	return put_fixed(b, d, nd, e10 + 1, nd - (e10 + 1) > 0 ?
	    nd - (e10 + 1) : 0);
}

int
format_u64(struct buf *b, uint64_t v)
{
	char	 tmp[24];
	size_t	 n = sizeof tmp;

	do {
		tmp[--n] = '0' + v % 10;
		v /= 10;
	} while (v > 0);
	return buf_add(b, tmp + n, sizeof tmp - n);
}

int
format_i64(struct buf *b, int64_t v)
{
	if (v >= 0)
		return format_u64(b, (uint64_t)v);
	if (buf_putc(b, '-') == -1)
		return -1;
	return format_u64(b, -(uint64_t)v);
}

int
format_float_fixed6(struct buf *b, double v)
{
	if (!isfinite(v))
		return special(b, v);
	return buf_printf(b, "%f", v);
}

int
format_json_string(struct buf *b, const char *str, size_t len, int flags)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, p = 0, w;
	long			 r;
	int			 html = flags & FORMAT_JSON_HTML;
	char			 esc[8];
	unsigned char		 seq[7];

	if (buf_putc(b, '"') == -1)
		return -1;
	while (i < len) {
		unsigned char c = s[i];
		const char *rep = NULL;

		/* Most bytes need nothing: skip them in one go. */
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' &&
		    (!html || (c != '<' && c != '>' && c != '&'))) {
			i++;
			continue;
		}

		if (c < 0x80) {
			switch (c) {
			case '"': rep = "\\\""; break;
			case '\\': rep = "\\\\"; break;
			case '\n': rep = "\\n"; break;
			case '\r': rep = "\\r"; break;
			case '\t': rep = "\\t"; break;
			case '\b':
			case '\f':
				if (flags & FORMAT_JSON_BF) {
					rep = c == '\b' ? "\\b" : "\\f";
					break;
				}
				/* FALLTHROUGH */
			default:
				if (c < 0x20 || (html &&
				    (c == '<' || c == '>' || c == '&'))) {
					snprintf(esc, sizeof esc, "\\u00%c%c",
					    hex[c >> 4], hex[c & 15]);
					rep = esc;
				}
			}
			w = 1;
		} else {
			/* A copy ending in NULs: decoding stops at len. */
			memset(seq, 0, sizeof seq);
			memcpy(seq, s + i, len - i < 6 ? len - i : 6);
			r = utf8_decode(seq, &w);
			rep = utf8_json_rep(r, w, esc);
		}
		if (rep != NULL) {
			if (buf_add(b, s + p, i - p) == -1 ||
			    buf_puts(b, rep) == -1)
				return -1;
			p = i + w;
		}
		i += w;
	}
	if (buf_add(b, s + p, i - p) == -1)
		return -1;
	return buf_putc(b, '"');
}

int
format_json_cstring(struct buf *b, const char *s, int flags)
{
	return format_json_string(b, s, strlen(s), flags);
}

int
format_time_rfc3339(struct buf *b, int64_t t, int nano)
{
	/* Many samples share a second: keep its text (one thread only,
	 * the coordinator's). */
	static int64_t	 last_sec = INT64_MIN;
	static char	 last_date[80], last_zone[24];
	int64_t		 sec = t / NS_PER_S, ns = t % NS_PER_S;
	char		 frac[16];
	int		 n;

	if (ns < 0) {
		ns += NS_PER_S;
		sec--;
	}
	if (sec != last_sec) {
		time_t		 tt = (time_t)sec;
		struct tm	 tm;
		long		 off;

		if (localtime_r(&tt, &tm) == NULL)
			memset(&tm, 0, sizeof tm);
		snprintf(last_date, sizeof last_date,
		    "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		off = tm.tm_gmtoff;
		if (off == 0)
			strcpy(last_zone, "Z");
		else {
			snprintf(last_zone, sizeof last_zone, "%c%02ld:%02ld",
			    off < 0 ? '-' : '+', labs(off) / 3600,
			    labs(off) % 3600 / 60);
		}
		last_sec = sec;
	}
	if (buf_puts(b, last_date) == -1)
		return -1;
	if (nano && ns != 0) {
		frac[0] = '.';
		for (n = 9; n > 0; n--) {
			frac[n] = '0' + ns % 10;
			ns /= 10;
		}
		n = 10;
		while (n > 1 && frac[n - 1] == '0')
			n--;
		if (buf_add(b, frac, n) == -1)
			return -1;
	}
	return buf_puts(b, last_zone);
}

/* unicode.IsSpace for the first rune of a field. */
static int
starts_with_space(const unsigned char *s)
{
	size_t	 w;
	long	 r;

	if (s[0] < 0x80)
		return s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r');
	r = utf8_decode(s, &w);
	return r == 0x85 || r == 0xa0 || r == 0x1680 ||
	    (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 ||
	    r == 0x202f || r == 0x205f || r == 0x3000;
}

/* s as k6's Go string holds it: U+0000 and surrogates from mujs's
 * bytes made standard UTF-8 (see util/utf8.h), '"' doubled if quoting. */
static int
go_string(struct buf *b, const char *str, int quoting)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, w;
	long			 r;
	char			 enc[4];

	for (i = 0; s[i] != '\0'; i += w) {
		w = 1;
		if (s[i] == '"' && quoting && buf_putc(b, '"') == -1)
			return -1;
		if (s[i] >= 0x80) {
			r = utf8_decode(s + i, &w);
			if (r != -1 && !utf8_canonical(r, w)) {
				if (buf_add(b, enc, utf8_encode(r, enc)) == -1)
					return -1;
				continue;
			}
		}
		if (buf_add(b, s + i, w) == -1)
			return -1;
	}
	return 0;
}

int
format_csv_field(struct buf *b, const char *s)
{
	if (*s == '\0')
		return 0;
	if (strcmp(s, "\\.") != 0 && strpbrk(s, ",\"\r\n") == NULL &&
	    !starts_with_space((const unsigned char *)s))
		return go_string(b, s, 0);
	if (buf_putc(b, '"') == -1 || go_string(b, s, 1) == -1)
		return -1;
	return buf_putc(b, '"');
}

int
format_go_string(struct buf *b, const char *s)
{
	return go_string(b, s, 0);
}

int
format_parse_bool(const char *s, int *v)
{
	static const char *yes[] = { "1", "t", "T", "true", "TRUE", "True" };
	static const char *no[] = { "0", "f", "F", "false", "FALSE", "False" };
	size_t	 i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcmp(s, yes[i]) == 0) {
			*v = 1;
			return 0;
		}
		if (strcmp(s, no[i]) == 0) {
			*v = 0;
			return 0;
		}
	}
	return -1;
}
