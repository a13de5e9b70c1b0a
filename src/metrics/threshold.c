/* k6 thresholds: expressions, metric selectors, evaluation; see threshold.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "metrics/sink.h"
#include "metrics/threshold.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xmalloc.h"

/* Operators in k6's scan order: longer tokens before their prefixes. */
static const struct {
	const char		*text;
	enum threshold_op	 op;
} threshold_ops[] = {
	{ "<=", THRESHOLD_LE },
	{ "<", THRESHOLD_LT },
	{ ">=", THRESHOLD_GE },
	{ ">", THRESHOLD_GT },
	{ "===", THRESHOLD_SEQ },
	{ "==", THRESHOLD_EQ },
	{ "!=", THRESHOLD_NE },
};

static const struct {
	const char		*text;
	enum threshold_agg	 agg;
} threshold_aggs[] = {
	{ "value", THRESHOLD_VALUE },
	{ "count", THRESHOLD_COUNT },
	{ "rate", THRESHOLD_RATE },
	{ "avg", THRESHOLD_AVG },
	{ "min", THRESHOLD_MIN },
	{ "med", THRESHOLD_MED },
	{ "max", THRESHOLD_MAX },
	{ "p", THRESHOLD_P },
};

/* Append s quoted as Go's %q does (printable UTF-8 is kept). */
static void
threshold_quote(struct buf *b, const char *s, size_t len)
{
	unsigned char	 c;
	size_t		 i;

	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		switch (c) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\a':
			buf_puts(b, "\\a");
			break;
		case '\b':
			buf_puts(b, "\\b");
			break;
		case '\f':
			buf_puts(b, "\\f");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\v':
			buf_puts(b, "\\v");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\x%02x", c);
			else
				buf_putc(b, c);
			break;
		}
	}
	buf_putc(b, '"');
}

/* Go's strings.TrimSpace for ASCII whitespace: returns start, sets *len. */
static const char *
threshold_trim(const char *s, size_t *len)
{
	size_t	 n = *len;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

static bool
threshold_digits(const char **pp, int hex)
{
	const char	*p = *pp;

	while (hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p))
		p++;
	if (p == *pp)
		return false;
	*pp = p;
	return true;
}

int
threshold_parse_number(const char *s, double *out, char **reason)
{
	const char	*p = s, *q;
	struct buf	 b = BUF_INIT;
	double		 v;
	char		*end;
	int		 hex = 0, neg = 0, ok;

	if (*p == '+' || *p == '-') {
		neg = *p == '-';
		p++;
	}
	if (strcasecmp(p, "inf") == 0 || strcasecmp(p, "infinity") == 0) {
		*out = neg ? -INFINITY : INFINITY;
		return 0;
	}
	if (p == s && strcasecmp(p, "nan") == 0) {
		*out = NAN;
		return 0;
	}
	/* Check the syntax ourselves: strtod accepts more than Go. */
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		hex = 1;
		p += 2;
	}
	q = p;
	ok = threshold_digits(&p, hex);
	if (*p == '.') {
		p++;
		ok = threshold_digits(&p, hex) || ok;
	}
	if (ok && (hex ? (*p == 'p' || *p == 'P') : (*p == 'e' || *p == 'E'))) {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		ok = threshold_digits(&p, 0);
	} else if (hex)
		ok = 0;		/* Go wants the p exponent in hex floats */
	if (!ok || *p != '\0' || p == q)
		goto invalid;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0')
		goto invalid;
	if (errno == ERANGE && isinf(v)) {
		if (reason != NULL) {
			buf_puts(&b, "strconv.ParseFloat: parsing ");
			threshold_quote(&b, s, strlen(s));
			buf_puts(&b, ": value out of range");
			*reason = buf_steal(&b);
		}
		return -1;
	}
	*out = v;
	return 0;

invalid:
	if (reason != NULL) {
		buf_puts(&b, "strconv.ParseFloat: parsing ");
		threshold_quote(&b, s, strlen(s));
		buf_puts(&b, ": invalid syntax");
		*reason = buf_steal(&b);
	}
	return -1;
}

struct threshold *
threshold_parse(const char *source, char **cause)
{
	struct threshold	*t = NULL;
	struct buf		 b = BUF_INIT;
	const char		*found = NULL, *lhs, *rhs;
	char			*lstr = NULL, *rstr = NULL, *reason = NULL;
	size_t			 i, oplen = 0, llen, rlen;
	enum threshold_op	 op = THRESHOLD_LT;
	enum threshold_agg	 agg = THRESHOLD_VALUE;
	double			 pct = 0, value;
	int			 have_agg = 0;

	/* The first operator of the list that occurs anywhere splits. */
	for (i = 0; i < sizeof threshold_ops / sizeof threshold_ops[0]; i++) {
		found = strstr(source, threshold_ops[i].text);
		if (found != NULL) {
			op = threshold_ops[i].op;
			oplen = strlen(threshold_ops[i].text);
			break;
		}
	}
	if (found == NULL) {
		buf_puts(&b, "failed parsing threshold expression ");
		threshold_quote(&b, source, strlen(source));
		buf_puts(&b, "; reason: malformed threshold expression");
		goto fail;
	}
	llen = (size_t)(found - source);
	lhs = threshold_trim(source, &llen);
	rlen = strlen(found + oplen);
	rhs = threshold_trim(found + oplen, &rlen);
	lstr = xstrndup(lhs, llen);
	rstr = xstrndup(rhs, rlen);

	for (i = 0; i < sizeof threshold_aggs / sizeof threshold_aggs[0]; i++) {
		if (strcmp(lstr, threshold_aggs[i].text) == 0) {
			agg = threshold_aggs[i].agg;
			have_agg = 1;
			break;
		}
	}
	if (!have_agg && llen >= 3 && strncmp(lstr, "p(", 2) == 0 &&
	    lstr[llen - 1] == ')') {
		lstr[llen - 1] = '\0';
		if (threshold_parse_number(lstr + 2, &pct, &reason) != 0 ||
		    !(pct >= 0 && pct <= 100)) {
			buf_puts(&b, "failed parsing threshold expression's ");
			threshold_quote(&b, source, strlen(source));
			buf_puts(&b, " left hand side; reason: malformed "
			    "percentile value; reason: ");
			/* Newer k6 also rejects NaN, Inf and p outside 0..100. */
			if (reason != NULL)
				buf_puts(&b, reason);
			else
				buf_printf(&b, "percentile %s is not between "
				    "0 and 100", lstr + 2);
			goto fail;
		}
		agg = THRESHOLD_P;
		have_agg = 1;
	}
	if (!have_agg) {
		buf_puts(&b, "failed parsing threshold expression's ");
		threshold_quote(&b, source, strlen(source));
		buf_puts(&b, " left hand side; reason: failed parsing method "
		    "from expression");
		goto fail;
	}
	if (threshold_parse_number(rstr, &value, &reason) != 0) {
		/* k6's message has this spelling. */
		buf_puts(&b, "failed parsing threshold expresion's ");
		threshold_quote(&b, source, strlen(source));
		buf_printf(&b, " right hand side; reason: %s", reason);
		goto fail;
	}

	t = xcalloc(1, sizeof *t);
	t->source = xstrdup(source);
	t->agg = agg;
	t->pct = pct;
	t->op = op;
	t->value = value;
	t->delay_abort_eval_ms = -1;
	goto out;

fail:
	*cause = buf_steal(&b);
out:
	buf_free(&b);
	free(reason);
	free(lstr);
	free(rstr);
	return t;
}

void
threshold_free(struct threshold *t)
{
	if (t == NULL)
		return;
	free(t->source);
	free(t);
}

const char *
threshold_agg_name(enum threshold_agg agg)
{
	size_t	 i;

	for (i = 0; i < sizeof threshold_aggs / sizeof threshold_aggs[0]; i++) {
		if (threshold_aggs[i].agg == agg)
			return threshold_aggs[i].text;
	}
	return "?";
}

const char *
threshold_op_name(enum threshold_op op)
{
	size_t	 i;

	for (i = 0; i < sizeof threshold_ops / sizeof threshold_ops[0]; i++) {
		if (threshold_ops[i].op == op)
			return threshold_ops[i].text;
	}
	return "?";
}

const char *
threshold_stat(const struct threshold *t, char *buf, size_t len)
{
	struct buf	 num = BUF_INIT;

	if (t->agg == THRESHOLD_P) {
		format_float_g(&num, t->pct);
		snprintf(buf, len, "p(%s)", num.data);
		buf_free(&num);
	} else
		snprintf(buf, len, "%s", threshold_agg_name(t->agg));
	return buf;
}

static const char *
threshold_supported(enum sink_type type)
{
	switch (type) {
	case SINK_COUNTER:
		return "count, rate";
	case SINK_GAUGE:
		return "value";
	case SINK_RATE:
		return "rate";
	case SINK_TREND:
		return "avg, min, max, med, p";
	}
	return "";
}

int
threshold_check_type(const struct threshold *t, enum sink_type type,
    const char *selector, char **cause)
{
	struct buf	 b = BUF_INIT;
	int		 ok;

	switch (type) {
	case SINK_COUNTER:
		ok = t->agg == THRESHOLD_COUNT || t->agg == THRESHOLD_RATE;
		break;
	case SINK_GAUGE:
		ok = t->agg == THRESHOLD_VALUE;
		break;
	case SINK_RATE:
		ok = t->agg == THRESHOLD_RATE;
		break;
	case SINK_TREND:
		ok = t->agg == THRESHOLD_AVG || t->agg == THRESHOLD_MIN ||
		    t->agg == THRESHOLD_MAX || t->agg == THRESHOLD_MED ||
		    t->agg == THRESHOLD_P;
		break;
	default:
		ok = 0;
		break;
	}
	if (ok)
		return 0;
	buf_puts(&b, "invalid threshold ");
	threshold_quote(&b, t->source, strlen(t->source));
	buf_printf(&b, " applied on metric %s; reason: unsupported aggregation "
	    "method %s on metric of type %s. supported aggregation methods for "
	    "this metric are: %s", selector, threshold_agg_name(t->agg),
	    sink_type_name(type), threshold_supported(type));
	*cause = buf_steal(&b);
	return -1;
}

int
threshold_eval(struct threshold *t, const struct sink *s, double duration_s)
{
	char	 stat[80];
	double	 v;
	int	 pass;

	t->evaluated = true;
	if (s->type == SINK_RATE && s->u.rate.total == 0) {
		t->has_value = false;
		t->observed = 0;
		t->failed = false;
		return 1;
	}
	if (t->agg == THRESHOLD_P && s->type == SINK_TREND)
		v = sink_percentile(s, t->pct);
	else if (sink_value(s, threshold_stat(t, stat, sizeof stat),
	    duration_s, &v) != 0) {
		/* Wrong type: k6 logs an error and does not fail. */
		t->has_value = false;
		t->failed = false;
		return 1;
	}
	switch (t->op) {
	case THRESHOLD_LE:
		pass = v <= t->value;
		break;
	case THRESHOLD_LT:
		pass = v < t->value;
		break;
	case THRESHOLD_GE:
		pass = v >= t->value;
		break;
	case THRESHOLD_GT:
		pass = v > t->value;
		break;
	case THRESHOLD_SEQ:
	case THRESHOLD_EQ:
		pass = v == t->value;
		break;
	case THRESHOLD_NE:
	default:
		pass = v != t->value;
		break;
	}
	t->has_value = true;
	t->observed = v;
	t->failed = !pass;
	return pass;
}

bool
threshold_should_abort(const struct threshold *t, double elapsed_ms)
{
	if (!t->abort_on_fail || !t->evaluated || !t->failed)
		return false;
	return t->delay_abort_eval_ms < 0 || t->delay_abort_eval_ms < elapsed_ms;
}

static int
threshold_tag_cmp(const void *a, const void *b)
{
	return strcmp(((const struct threshold_tag *)a)->key,
	    ((const struct threshold_tag *)b)->key);
}

/* Trim spaces, then any run of quotes at either end, as Go's Trim(`"'`). */
static char *
threshold_tag_text(const char *s, size_t len)
{
	s = threshold_trim(s, &len);
	while (len > 0 && (*s == '"' || *s == '\'')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == '"' || s[len - 1] == '\''))
		len--;
	return xstrndup(s, len);
}

static void
threshold_selector_error(struct buf *b, const char *what, const char *s,
    size_t len)
{
	buf_puts(b, "unable to validate threshold expressions; reason: "
	    "parsing metric name failed, metric ");
	threshold_quote(b, s, len);
	buf_printf(b, " %s", what);
}

int
threshold_selector_parse(const char *name, struct threshold_selector *sel,
    char **cause)
{
	struct buf	 b = BUF_INIT;
	const char	*open, *close, *p, *comma, *colon, *crit;
	size_t		 len, clen, i;
	char		*key, *value;
	int		 rc = -1;

	memset(sel, 0, sizeof *sel);
	open = strchr(name, '{');
	close = strrchr(name, '}');
	if (open == NULL && close == NULL) {
		sel->metric = xstrdup(name);
		return 0;
	}
	if (open == NULL || close == NULL) {
		threshold_selector_error(&b, "has unmatched opening/close curly "
		    "brace", name, strlen(name));
		goto out;
	}
	if (close < open) {
		threshold_selector_error(&b, "closing curly brace appears "
		    "before opening one", name, strlen(name));
		goto out;
	}
	if (close[1] != '\0') {
		threshold_selector_error(&b, "lacks a closing curly brace in "
		    "its last position", name, strlen(name));
		goto out;
	}
	/* Every criterion must be key:value with something after ':'. */
	for (p = open + 1;; p = comma + 1) {
		comma = memchr(p, ',', (size_t)(close - p));
		len = (size_t)((comma != NULL ? comma : close) - p);
		colon = memchr(p, ':', len);
		if (colon == NULL || colon + 1 == p + len) {
			threshold_selector_error(&b, "tag expression is "
			    "malformed", p, len);
			goto out;
		}
		if (comma == NULL)
			break;
	}

	sel->metric = xstrndup(name, (size_t)(open - name));
	clen = (size_t)(close - open - 1);
	crit = threshold_trim(open + 1, &clen);
	sel->suffix = xstrndup(crit, clen);
	for (p = sel->suffix;; p = comma + 1) {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if (len > 0) {
			colon = memchr(p, ':', len);
			if (colon == NULL) {
				key = threshold_tag_text(p, len);
				value = xstrdup("");
			} else {
				key = threshold_tag_text(p, (size_t)(colon - p));
				value = threshold_tag_text(colon + 1,
				    len - (size_t)(colon - p) - 1);
			}
			/* A repeated key: the last one wins, as k6's With(). */
			for (i = 0; i < sel->ntags; i++) {
				if (strcmp(sel->tags[i].key, key) == 0)
					break;
			}
			if (i < sel->ntags) {
				free(key);
				free(sel->tags[i].value);
				sel->tags[i].value = value;
			} else {
				sel->tags = xreallocarray(sel->tags,
				    sel->ntags + 1, sizeof *sel->tags);
				sel->tags[sel->ntags].key = key;
				sel->tags[sel->ntags].value = value;
				sel->ntags++;
			}
		}
		if (comma == NULL)
			break;
	}
	qsort(sel->tags, sel->ntags, sizeof *sel->tags, threshold_tag_cmp);
	rc = 0;
out:
	if (rc != 0) {
		*cause = buf_steal(&b);
		threshold_selector_free(sel);
	}
	buf_free(&b);
	return rc;
}

void
threshold_selector_free(struct threshold_selector *sel)
{
	size_t	 i;

	for (i = 0; i < sel->ntags; i++) {
		free(sel->tags[i].key);
		free(sel->tags[i].value);
	}
	free(sel->tags);
	free(sel->metric);
	free(sel->suffix);
	memset(sel, 0, sizeof *sel);
}

bool
threshold_selector_same_tags(const struct threshold_selector *a,
    const struct threshold_selector *b)
{
	size_t	 i;

	if (a->ntags != b->ntags)
		return false;
	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i].key, b->tags[i].key) != 0 ||
		    strcmp(a->tags[i].value, b->tags[i].value) != 0)
			return false;
	}
	return true;
}

const char *
threshold_selector_tag(const struct threshold_selector *sel, const char *key)
{
	size_t	 i;

	for (i = 0; i < sel->ntags; i++) {
		if (strcmp(sel->tags[i].key, key) == 0)
			return sel->tags[i].value;
	}
	return NULL;
}
