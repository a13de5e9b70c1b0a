/* Numbers as JavaScript reads and prints them: libmujs.so calls js_strtod
 * (number literals, Number(), parseFloat), js_stringtofloat, js_grisu2
 * (the digits of String(x)) and jsV_stringtonumber (Number(string))
 * through its PLT, so the definitions below, in the program, take their
 * place. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>

#include "js/mujs-layout.h"
#include "util/xmalloc.h"

static const char *
digits(const char *p)
{
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

/* The end of the decimal number at p (sign, digits, fraction, an
 * exponent with digits), or p when there is none. */
static const char *
decimal(const char *p)
{
	const char *e = p, *m, *x;

	if (*e == '+' || *e == '-')
		e++;
	m = e;
	e = digits(e);
	if (*e == '.')
		e = digits(e + 1);
	if (e == m || (e == m + 1 && *m == '.'))
		return p;
	if (*e == 'e' || *e == 'E') {
		x = e + 1;
		if (*x == '+' || *x == '-')
			x++;
		if (*x >= '0' && *x <= '9')
			e = digits(x);
	}
	return e;
}

/*
 * mujs 1.3.2's own js_strtod sums powers of ten and is not correctly
 * rounded: "0.1" + "0.2" printed 0.30000000000000007, 3.8499999999999996
 * read as 3.85, 5e-324 as 0, and about a quarter of random doubles did
 * not survive Number(String(x)).  The C library's strtod is correctly
 * rounded; it is given only the decimal syntax JavaScript has (no hex,
 * inf or nan), and the program never sets a locale, so '.' is the point.
 * Leading white space is skipped, as mujs's did.
 */
double
js_strtod(const char *s, char **ep)
{
	const char *p = s, *e;
	char small[64], *buf;
	size_t len;
	double v;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if ((e = decimal(p)) == p) {
		if (ep != NULL)
			*ep = (char *)s;
		return 0;
	}
	len = (size_t)(e - p);
	buf = len < sizeof small ? small : xmalloc(len + 1);
	memcpy(buf, p, len);
	buf[len] = '\0';
	v = strtod(buf, NULL);
	if (buf != small)
		free(buf);
	if (ep != NULL)
		*ep = (char *)e;
	return v;
}

/*
 * mujs 1.3.2 turns a signed integer string into NaN: its string-to-number
 * conversion hands "-2" with the sign to an integer parser that reads
 * digits only, so Number("-2"), +"-2", "-2" * 1 and parseFloat("-2") were
 * NaN.  This one reads the same grammar (sign, digits, fraction,
 * exponent) with js_strtod.  tests/runtime/number-sign checks it.
 */
double
js_stringtofloat(const char *s, char **ep)
{
	const char *e = decimal(s);

	if (e == s) {
		*ep = (char *)s;
		return 0;
	}
	*ep = (char *)e;
	return js_strtod(s, NULL);
}

/*
 * The digits of String(x): the fewest that read back as x, and of those
 * the closest to x, as the language asks (x = digits * 10^*k).  mujs
 * 1.3.2's Grisu lacks the step that picks the closest, so 0.1 + 0.2
 * printed 0.30000000000000007 where every engine prints ...04.  The C
 * library's printf rounds correctly: a double whose shortest form has at
 * most 15 digits shows it in its 15-digit rounding, trailing zeros
 * aside; otherwise 16 digits, or 17, which always read back.  Subnormal
 * doubles have fewer bits, so for them every length is tried.
 */
int
js_grisu2(double v, char *buffer, int *k)
{
	char s[40], *p;
	int prec, n, e;

	v = fabs(v);
	for (prec = v < DBL_MIN ? 1 : 15; prec < 17; prec++) {
		snprintf(s, sizeof s, "%.*e", prec - 1, v);
		if (strtod(s, NULL) == v)
			break;
	}
	if (prec == 17)
		snprintf(s, sizeof s, "%.16e", v);
	n = 0;
	for (p = s; *p != 'e'; p++)
		if (*p != '.')
			buffer[n++] = *p;
	e = atoi(p + 1);
	while (n > 1 && buffer[n - 1] == '0')
		n--;
	*k = e - (n - 1);
	return n;
}

/* mujs exports them without declaring them in mujs.h */
int	jsY_iswhite(int);
int	jsY_isnewline(int);

static int
space(int c)
{
	return jsY_iswhite(c) || jsY_isnewline(c);
}

/*
 * Number(string), +string: mujs 1.3.2 reads the hexadecimal 0x form but
 * not ES2015's 0b and 0o, which gave NaN; this reads those and hands the
 * rest to mujs's own.
 */
double
jsV_stringtonumber(js_State *J, const char *s)
{
	static double (*real)(js_State *, const char *);
	const char *p = s, *digits;
	double n = 0;
	int base, d;

	while (space((unsigned char)*p))
		p++;
	if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B' || p[1] == 'o' ||
	    p[1] == 'O') && p[2] != '\0') {
		base = p[1] == 'b' || p[1] == 'B' ? 2 : 8;
		for (p += 2, digits = p; (d = *p - '0') >= 0 && d < base; p++)
			n = n * base + d;
		if (p == digits)
			return NAN;
		while (space((unsigned char)*p))
			p++;
		return *p == '\0' ? n : NAN;
	}
	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "jsV_stringtonumber")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	return real(J, s);
}
