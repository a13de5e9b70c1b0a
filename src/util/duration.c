/* Parsing and printing durations the way k6 (and Go) do; see duration.h. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/duration.h"

static const struct {
	const char	*unit;
	double		 ms;
} units[] = {	/* longest first so "ms" is not read as "m" */
	{ "ns", 1e-6 }, { "us", 1e-3 }, { "\xc2\xb5s", 1e-3 }, { "\xce\xbcs", 1e-3 },
	{ "ms", 1 }, { "s", 1e3 }, { "m", 60e3 }, { "h", 3600e3 }, { "d", 86400e3 },
};

int
duration_parse(const char *s, double *ms)
{
	double total = 0, sign = 1;
	char *end;
	size_t i, n;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return -1;
	/* A bare number is milliseconds. */
	total = strtod(s, &end);
	if (end != s && *end == '\0' && isfinite(total)) {
		*ms = total;
		return 0;
	}
	total = 0;
	if (*s == '-' || *s == '+')
		sign = *s++ == '-' ? -1 : 1;
	if (strcmp(s, "0") == 0) {
		*ms = 0;
		return 0;
	}
	while (*s != '\0') {
		double v;

		if (!isdigit((unsigned char)*s) && *s != '.')
			return -1;
		v = strtod(s, &end);
		if (end == s || !isfinite(v))
			return -1;
		s = end;
		for (i = 0; i < sizeof units / sizeof units[0]; i++) {
			n = strlen(units[i].unit);
			/* "m" must not swallow the "m" of "ms". */
			if (strncmp(s, units[i].unit, n) == 0 &&
			    !(n == 1 && s[0] == 'm' && s[1] == 's'))
				break;
		}
		if (i == sizeof units / sizeof units[0])
			return -1;
		total += v * units[i].ms;
		s += strlen(units[i].unit);
	}
	*ms = sign * total;
	return 0;
}

char *
duration_format(double ms, char *out, size_t size)
{
	double ns = ms * 1e6, rest;
	long long h, m;
	char secs[64];
	size_t len;

	if (ns == 0) {
		snprintf(out, size, "0s");
		return out;
	}
	if (fabs(ns) < 1e3) {
		snprintf(out, size, "%gns", ns);
		return out;
	}
	if (fabs(ns) < 1e6) {
		snprintf(out, size, "%gµs", ns / 1e3);
		return out;
	}
	if (fabs(ns) < 1e9) {
		snprintf(out, size, "%gms", ns / 1e6);
		return out;
	}
	rest = fabs(ms) / 1e3;
	h = (long long)(rest / 3600);
	rest -= (double)h * 3600;
	m = (long long)(rest / 60);
	rest -= (double)m * 60;
	/* Seconds with up to 9 decimals and no trailing zeros, as Go prints. */
	snprintf(secs, sizeof secs, "%.9f", rest);
	len = strlen(secs);
	while (len > 0 && secs[len - 1] == '0')
		secs[--len] = '\0';
	if (len > 0 && secs[len - 1] == '.')
		secs[--len] = '\0';
	if (h > 0)
		snprintf(out, size, "%s%lldh%lldm%ss", ms < 0 ? "-" : "", h, m, secs);
	else if (m > 0)
		snprintf(out, size, "%s%lldm%ss", ms < 0 ? "-" : "", m, secs);
	else
		snprintf(out, size, "%s%ss", ms < 0 ? "-" : "", secs);
	return out;
}
