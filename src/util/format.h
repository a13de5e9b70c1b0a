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

#include <stddef.h>
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

/* The project's one JSON string escaper: s[0..len) as a JSON string
 * literal, quotes included, escaped as Go's encoding/json with
 * SetEscapeHTML(false) does, or with FORMAT_JSON_HTML also <, > and & as
 * \u003c ... as easyjson does; FORMAT_JSON_BF writes \b and \f as
 * JavaScript's JSON.stringify does instead of \u0008 and \u000c.
 * Invalid UTF-8 becomes \ufffd; a NUL byte \u0000. */
#define FORMAT_JSON_HTML	0x1
#define FORMAT_JSON_BF		0x2
int	format_json_string(struct buf *, const char *s, size_t len, int flags);
/* The same for a NUL-terminated s. */
int	format_json_cstring(struct buf *, const char *s, int flags);

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

/* A JavaScript string (mujs's bytes) as k6's Go string holds it: U+0000
 * one NUL byte, a surrogate pair one code point, a lone surrogate
 * U+FFFD (see util/utf8.h). */
int	format_go_string(struct buf *, const char *s);

#endif
