/* Number.prototype.toFixed, toExponential and toPrecision; see numfmt.h.
 *
 * Why: mujs 1.3.2's are printf's %f, %e and %g: printf rounds a tie to
 * even where JavaScript takes the larger ((2.5).toFixed(0) is "3"), %g
 * switches to the exponent at 10^-5 where toPrecision does at 10^-7, %e
 * writes "e+02" for "e+2", the arguments stop at 20 or 21 where they go
 * to 100, and toExponential() and toPrecision() without an argument are
 * RangeErrors.  These take the exact decimal expansion of the double
 * (glibc prints it exactly) and round it half up, as the language says.
 */
#include "config.h"

#include <math.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/mujs-layout.h"
#include "js/numfmt.h"

/* mujs exports it without declaring it in mujs.h */
void	*js_toobject(js_State *, int);

/* Enough for every digit of a double's exact expansion (at most 767
 * significant ones), and of what these methods print. */
#define EXACT	800
#define OUTMAX	(EXACT + 32)

/* this as a number, or a TypeError naming method. */
static double
this_number(js_State *J, const char *method)
{
	struct mj_object *o;

	if (js_isnumber(J, 0))
		return js_tonumber(J, 0);
	if (js_isobject(J, 0)) {
		o = js_toobject(J, 0);
		if (o->type == MJ_CNUMBER)
			return js_tonumber(J, 0);
	}
	js_typeerror(J, "Number.prototype.%s requires that 'this' be a Number",
	    method);
	return 0;
}

/* ToIntegerOrInfinity of argument idx. */
static double
int_arg(js_State *J, int idx)
{
	double d = js_tonumber(J, idx);

	return isnan(d) ? 0 : trunc(d);
}

/* Push String(x). */
static void
push_string(js_State *J, double x)
{
	js_pushnumber(J, x);
	js_pushstring(J, js_tostring(J, -1));
	js_rot2pop1(J);
}

/* The first k significant digits of ax > 0, rounded half up, into d (k
 * digits, NUL-terminated), and in *e the exponent of the first: ax is
 * about d[0].d[1..] * 10^*e.  k may be 0 or less, a place below the
 * first digit: d is then "1" with *e one up when ax rounds up to that
 * place's unit, else "" (ax rounds to 0). */
static void
round_digits(double ax, int k, char *d, int *e)
{
	char s[EXACT + 16], *p, *q;
	int n, i;

	snprintf(s, sizeof s, "%.*e", EXACT, ax);
	p = strchr(s, 'e');
	*e = atoi(p + 1);
	for (q = s, n = 0; q < p; q++)
		if (*q != '.')
			s[n++] = *q;
	if (k <= 0) {
		if (k == 0 && s[0] >= '5') {
			strcpy(d, "1");
			(*e)++;
		} else
			d[0] = '\0';
		return;
	}
	memcpy(d, s, (size_t)k);
	d[k] = '\0';
	if (k < n && s[k] >= '5') {
		for (i = k - 1; i >= 0 && d[i] == '9'; i--)
			d[i] = '0';
		if (i >= 0)
			d[i]++;
		else {
			d[0] = '1';	/* 99.9 -> 100: one place up */
			(*e)++;
		}
	}
}

/* The exponent of ax's first significant digit. */
static int
exponent_of(double ax)
{
	char s[40];

	snprintf(s, sizeof s, "%.0e", ax);
	return atoi(strchr(s, 'e') + 1);
}

/* Append to out the exponential form of digits d (d[0].d[1..]) and e. */
static void
put_exponential(char *out, const char *d, int e)
{
	size_t n = strlen(out);

	out[n++] = d[0];
	if (d[1] != '\0') {
		out[n++] = '.';
		strcpy(out + n, d + 1);
		n += strlen(d + 1);
	}
	snprintf(out + n, OUTMAX - n, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static void
to_fixed(js_State *J)
{
	double x = this_number(J, "toFixed"), f = int_arg(J, 1);
	char out[OUTMAX] = "", d[OUTMAX];
	int e, n, len, i;

	if (!(f >= 0 && f <= 100))
		js_rangeerror(J, "toFixed() digits argument must be between 0 and 100");
	if (!isfinite(x) || fabs(x) >= 1e21) {
		push_string(J, x);
		return;
	}
	if (x < 0)
		strcpy(out, "-");
	d[0] = '\0';
	if (x != 0) {
		/* round(|x| * 10^f) as an integer's digits */
		e = exponent_of(fabs(x));
		/* %.0e may round 9.5 up to 1e+01: the exact digits decide */
		if (fabs(x) < pow(10, e))
			e--;
		round_digits(fabs(x), e + 1 + (int)f, d, &e);
		if (d[0] != '\0') {
			len = e + 1 + (int)f;
			for (n = (int)strlen(d); n < len; n++)
				d[n] = '0';
			d[n] = '\0';
		}
	}
	if (d[0] == '\0')
		strcpy(d, "0");
	/* at least f + 1 digits, the last f after the point */
	n = (int)strlen(d);
	if (n < (int)f + 1) {
		memmove(d + (int)f + 1 - n, d, (size_t)n + 1);
		for (i = 0; i < (int)f + 1 - n; i++)
			d[i] = '0';
		n = (int)f + 1;
	}
	strncat(out, d, (size_t)(n - (int)f));
	if (f > 0) {
		strcat(out, ".");
		strcat(out, d + n - (int)f);
	}
	js_pushstring(J, out);
}

static void
to_exponential(js_State *J)
{
	double x = this_number(J, "toExponential"), f = int_arg(J, 1);
	char out[OUTMAX] = "", d[OUTMAX];
	int e, n;

	if (!isfinite(x)) {
		push_string(J, x);
		return;
	}
	if (!(f >= 0 && f <= 100))
		js_rangeerror(J, "toExponential() argument must be between 0 and 100");
	if (x < 0)
		strcpy(out, "-");
	if (x == 0) {
		n = js_isundefined(J, 1) ? 1 : (int)f + 1;
		memset(d, '0', (size_t)n);
		d[n] = '\0';
		e = 0;
	} else if (js_isundefined(J, 1)) {
		/* as many digits as String(x) has */
		n = js_grisu2(fabs(x), d, &e);
		d[n] = '\0';
		e += n - 1;
	} else
		round_digits(fabs(x), (int)f + 1, d, &e);
	put_exponential(out, d, e);
	js_pushstring(J, out);
}

static void
to_precision(js_State *J)
{
	double x = this_number(J, "toPrecision"), p;
	char out[OUTMAX] = "", d[OUTMAX];
	int e, n;

	if (js_isundefined(J, 1)) {
		push_string(J, x);
		return;
	}
	p = int_arg(J, 1);
	if (!isfinite(x)) {
		push_string(J, x);
		return;
	}
	if (!(p >= 1 && p <= 100))
		js_rangeerror(J, "toPrecision() argument must be between 1 and 100");
	n = (int)p;
	if (x < 0)
		strcpy(out, "-");
	if (x == 0) {
		memset(d, '0', (size_t)n);
		d[n] = '\0';
		e = 0;
	} else
		round_digits(fabs(x), n, d, &e);
	if (e < -6 || e >= n)
		put_exponential(out, d, e);
	else if (e >= 0) {
		strncat(out, d, (size_t)e + 1);
		if (n > e + 1) {
			strcat(out, ".");
			strcat(out, d + e + 1);
		}
	} else {
		strcat(out, "0.");
		n = (int)strlen(out);
		memset(out + n, '0', (size_t)(-e - 1));
		out[n + -e - 1] = '\0';
		strcat(out, d);
	}
	js_pushstring(J, out);
}

js_CFunction
numfmt_builtin(const char *name, js_CFunction fn)
{
	if (strcmp(name, "Number.prototype.toFixed") == 0)
		return to_fixed;
	if (strcmp(name, "Number.prototype.toExponential") == 0)
		return to_exponential;
	if (strcmp(name, "Number.prototype.toPrecision") == 0)
		return to_precision;
	return fn;
}
