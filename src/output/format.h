/* Go's text formats, as k6's outputs write them.
 *
 * k6 is written in Go, and its output files are read by tools that were
 * tested against Go's formatting: numbers as strconv.FormatFloat writes
 * them, times as time.Time.Format(RFC3339Nano), strings as easyjson and
 * encoding/json escape them, CSV fields as encoding/csv quotes them.
 * Every function appends to a struct buf the caller owns and returns 0,
 * or -1 when the buffer's cap is hit. */
#ifndef LYOCELL_FORMAT_H
#define LYOCELL_FORMAT_H

#include <stdint.h>

#include "util/buf.h"

/* strconv.FormatFloat(v, 'g', -1, 64): the shortest digits that read
 * back as v, in exponent form below 1e-4 and from 1e6 ("1.5e+06"). */
int	format_float_g(struct buf *, double v);
/* strconv.FormatFloat(v, 'f', -1, 64): the shortest digits, never an
 * exponent. */
int	format_float_f(struct buf *, double v);
/* fmt.Sprintf("%f", v): six decimals; NaN, +Inf, -Inf as Go spells them. */
int	format_float_fixed6(struct buf *, double v);

/* An unsigned or signed integer in decimal, without printf. */
int	format_u64(struct buf *, uint64_t v);
int	format_i64(struct buf *, int64_t v);

/* A JSON string literal, quotes included, escaped as easyjson does
 * (html: also <, > and & as \u003c ...) or as encoding/json with
 * SetEscapeHTML(false) does (html false).  Invalid UTF-8 becomes \ufffd. */
int	format_json_string(struct buf *, const char *s, int html);

/* t (ns since the epoch) in the local time zone, as Go's RFC3339Nano
 * (nano true: fraction with trailing zeros removed) or RFC3339 (no
 * fraction); "Z" for UTC, "+02:00" otherwise. */
int	format_time_rfc3339(struct buf *, int64_t t, int nano);

/* strconv.ParseBool: 1, t, T, TRUE, true, True and their false
 * counterparts; 0 with *v set, or -1. */
int	format_parse_bool(const char *s, int *v);

/* One field of a CSV row as encoding/csv writes it: quoted when it holds
 * a comma, a quote, CR or LF, or starts with a space. */
int	format_csv_field(struct buf *, const char *s);

#endif
