/* Regular expressions with JavaScript's semantics, run by PCRE2.
 *
 * mujs's own matcher refuses much of what real libraries write (repeat
 * counts of 255 and more, many classes, `\_`), knows only the flags g, i
 * and m and gives up on large subjects.  Every RegExp here is mujs's
 * object (class RegExp, so that js_isregexp, instanceof and the source,
 * global, ignoreCase, multiline and lastIndex properties keep working)
 * whose program is ours: js_regcompx and js_regfreex take the place of
 * mujs's through the PLT (js/mujs-layout.h), and js_newregexp (regexp
 * literals) builds our object.  The pattern is translated to PCRE2's
 * syntax with JavaScript's meaning (translate()) and compiled once per
 * source and flags (the cache).  The RegExp constructor, exec, test,
 * toString, the flag getters and String.prototype.match, replace, search
 * and split (with a RegExp) are ours; matchAll and replaceAll (runtime
 * group 1) stand on them.
 *
 * Strings are mujs's: UTF-8, indexed by UTF-16 unit (js/utf16.c): a
 * 4-byte character counts two, here too, in every index and lastIndex.
 * PCRE2's 8-bit library matches code points over the UTF-8 itself, which
 * is JavaScript's meaning with the u flag, and without it as long as
 * neither the subject nor the pattern has a character outside the BMP or
 * a lone surrogate: the common case, and the fast one.  Otherwise a
 * pattern without the u flag runs on PCRE2's 16-bit library, compiled
 * without PCRE2_UTF, over the subject's UTF-16 units (made once per
 * subject): `.`, a class or \uD83D takes one half of a pair, and a match
 * may begin or end between the halves, as in JavaScript; a match holding
 * half a pair gives that surrogate's 3-byte form, as slice() does.  A
 * subject that is not valid UTF-8 (mujs keeps lone surrogates as their
 * 3-byte forms) is matched in UTF-8 as a copy with each bad sequence
 * replaced by as many bytes of U+FFFD or '?', so that offsets and
 * indices stay those of the original. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <mujs.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/lazyprop.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "js/utf16.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* Flag bits of js_Regexp.flags: mujs's three, then ours. */
enum {
	RE_G = JS_REGEXP_G, RE_I = JS_REGEXP_I, RE_M = JS_REGEXP_M,
	RE_S = 8, RE_U = 16, RE_Y = 32, RE_D = 64
};
static const struct {
	char	 c;
	int	 bit;
} flagchars[] = {	/* the order of RegExp.prototype.flags */
	{ 'd', RE_D }, { 'g', RE_G }, { 'i', RE_I }, { 'm', RE_M },
	{ 's', RE_S }, { 'u', RE_U }, { 'y', RE_Y },
};
#define NFLAGS (sizeof flagchars / sizeof flagchars[0])

/* A compiled pattern, shared by every RegExp of the same source and
 * flags. */
struct code {
	char		*key;		/* flags "/" source */
	unsigned	 hash;
	pcre2_code	*re;
	pcre2_match_data *md;
	/* Without the u flag, the pattern over UTF-16 units, for subjects
	 * with a character outside the BMP or a lone surrogate (and for
	 * all if wide): made on first use, or at once if wide. */
	pcre2_code_16	*re16;
	pcre2_match_data_16 *md16;
	int		 wide;		/* names a surrogate */
	int		 ncap;		/* capturing groups */
	char		**names;	/* [1..ncap]: a group's name or NULL; NULL if none */
	int		 refs;		/* RegExp objects using it */
	struct code	*next;
};

/* The program of one RegExp object: its code (NULL: the empty pattern
 * of RegExp.prototype) and its lastIndex, which mujs keeps in an
 * unsigned short: ours is right while mujs's agrees with it modulo
 * 65536, else the script set lastIndex and mujs's is the value. */
struct prog {
	struct code	*code;
	double		 last;
};

#define NBUCKETS 256
#define CACHE_UNUSED_MAX 256
static struct code *buckets[NBUCKETS];
static int unused;		/* cached codes with no RegExp */

/* The JavaScript line terminators and white space, in PCRE2's syntax. */
#define LT "\\n\\r\\x{2028}\\x{2029}"
#define WS "\\t\\n\\x0b\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}" \
	"\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}"

static int
ishex(int c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f');
}

static unsigned
hexval(const char *s, int n)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v * 16 + (unsigned)(s[i] <= '9' ? s[i] - '0' : (s[i] | 32) - 'a' + 10);
	return v;
}

/* The capturing groups of a JavaScript pattern, and whether any is
 * named; with name (len bytes), the number of the group of that name
 * instead (0: none). */
static int
scan_groups(const char *p, int *named, const char *name, size_t len)
{
	int n = 0, inclass = 0;

	*named = 0;
	for (; *p; p++) {
		if (*p == '\\') {
			if (p[1] != '\0')
				p++;
		} else if (inclass) {
			if (*p == ']')
				inclass = 0;
		} else if (*p == '[')
			inclass = 1;
		else if (*p == '(') {
			if (p[1] != '?')
				n++;
			else if (p[2] == '<' && p[3] != '=' && p[3] != '!') {
				n++;
				*named = 1;
				if (name != NULL && strncmp(p + 3, name, len) == 0 &&
				    p[3 + len] == '>')
					return n;
			}
		}
	}
	return name != NULL ? 0 : n;
}

/* \uXXXX at p (after the backslash), with a following low surrogate
 * when it is a high one: the code point, and *len the bytes used.  Over
 * UTF-16 units (wide) each escape is its unit. */
static long
u_escape(const char *p, int unicode, int wide, size_t *len)
{
	unsigned v, lo;

	if (unicode && p[1] == '{') {
		const char *q = p + 2;

		v = 0;
		while (ishex(*q) && v <= 0x10ffff)
			v = v * 16 + hexval(q++, 1);
		if (q == p + 2 || *q != '}' || v > 0x10ffff)
			return -1;
		*len = (size_t)(q + 1 - p);
		return v;
	}
	if (!ishex(p[1]) || !ishex(p[2]) || !ishex(p[3]) || !ishex(p[4]))
		return -1;
	v = hexval(p + 1, 4);
	*len = 5;
	if (wide)
		return v;
	if (v >= 0xd800 && v < 0xdc00 && p[5] == '\\' && p[6] == 'u' &&
	    ishex(p[7]) && ishex(p[8]) && ishex(p[9]) && ishex(p[10])) {
		lo = hexval(p + 7, 4);
		if (lo >= 0xdc00 && lo < 0xe000) {
			*len = 11;
			return 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
		}
	}
	if (v >= 0xd800 && v < 0xe000)
		v = 0xfffd;	/* a lone surrogate: what the subject holds */
	return v;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
		return 0;
	return k;
}

/* A translation's output. */
struct tr {
	struct buf	*out;
	int		 wide;	/* for PCRE2's 16-bit library, over UTF-16 units */
	int		 surr;	/* (wide) names a surrogate */
};

/* A code point in PCRE2's syntax.  mujs keeps U+0000 in a string as
 * the bytes C0 80, which a UTF-8 subject holds as U+0080 (subject_open).
 * Over units, a character outside the BMP is its two surrogates: one
 * after the other (a quantifier then takes the second) or both in a
 * class, as JavaScript reads such a pattern without the u flag. */
static void
put_cp(struct tr *t, unsigned long v, int inclass)
{
	struct buf *out = t->out;

	if (t->wide) {
		if (v > 0xffff) {
			put_cp(t, 0xd800 + ((v - 0x10000) >> 10), inclass);
			put_cp(t, 0xdc00 + ((v - 0x10000) & 0x3ff), inclass);
			return;
		}
		if (v >= 0xd800 && v < 0xe000)
			t->surr = 1;
		buf_printf(out, "\\x{%lx}", v);
		return;
	}
	if (v != 0)
		buf_printf(out, "\\x{%lx}", v);
	else	/* U+0080 first: \0-\x7e stays a range */
		buf_puts(out, inclass ? "\\x{80}\\x{0}" : "[\\x{80}\\x{0}]");
}

/* The character of the pattern's text at p (not ASCII), its length in
 * *len: a lone surrogate's 3-byte form is that surrogate, C0 80 U+0000,
 * a byte of no character '?' (as the subject has them). */
static unsigned long
pattern_char(const char *p, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xed && u[1] >= 0xa0 && u[1] <= 0xbf && (u[2] & 0xc0) == 0x80) {
		*len = 3;
		return 0xd000 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
	}
	if (u[0] == 0xc0 && u[1] == 0x80) {
		*len = 2;
		return 0;
	}
	switch ((*len = utf8_seq(u, strnlen(p, 4)))) {
	case 2:
		return (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu);
	case 3:
		return (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
	case 4:
		return (u[0] & 0x07ul) << 18 | (u[1] & 0x3fu) << 12 |
		    (u[2] & 0x3fu) << 6 | (u[3] & 0x3fu);
	}
	*len = 1;
	return '?';
}

/* Long names of general categories, which PCRE2 does not know. */
static const struct {
	const char	*name, *abbr;
} gc_names[] = {
	{ "Letter", "L" }, { "Cased_Letter", "L&" }, { "Uppercase_Letter", "Lu" },
	{ "Lowercase_Letter", "Ll" }, { "Titlecase_Letter", "Lt" },
	{ "Modifier_Letter", "Lm" }, { "Other_Letter", "Lo" }, { "Mark", "M" },
	{ "Combining_Mark", "M" }, { "Nonspacing_Mark", "Mn" },
	{ "Spacing_Mark", "Mc" }, { "Enclosing_Mark", "Me" }, { "Number", "N" },
	{ "Decimal_Number", "Nd" }, { "digit", "Nd" }, { "Letter_Number", "Nl" },
	{ "Other_Number", "No" }, { "Punctuation", "P" }, { "punct", "P" },
	{ "Connector_Punctuation", "Pc" }, { "Dash_Punctuation", "Pd" },
	{ "Open_Punctuation", "Ps" }, { "Close_Punctuation", "Pe" },
	{ "Initial_Punctuation", "Pi" }, { "Final_Punctuation", "Pf" },
	{ "Other_Punctuation", "Po" }, { "Symbol", "S" }, { "Math_Symbol", "Sm" },
	{ "Currency_Symbol", "Sc" }, { "Modifier_Symbol", "Sk" },
	{ "Other_Symbol", "So" }, { "Separator", "Z" }, { "Space_Separator", "Zs" },
	{ "Line_Separator", "Zl" }, { "Paragraph_Separator", "Zp" },
	{ "Other", "C" }, { "Control", "Cc" }, { "cntrl", "Cc" }, { "Format", "Cf" },
	{ "Surrogate", "Cs" }, { "Private_Use", "Co" }, { "Unassigned", "Cn" },
};

static long
gc_short(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof gc_names / sizeof gc_names[0]; i++)
		if (strlen(gc_names[i].name) == len && strncmp(gc_names[i].name, p, len) == 0)
			return (long)i;
	return -1;
}

/* The length of a {n}, {n,} or {n,m} quantifier at p, or 0. */
static size_t
brace_quantifier(const char *p)
{
	const char *q = p + 1;

	if (*q < '0' || *q > '9')
		return 0;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q == ',')
		for (q++; *q >= '0' && *q <= '9'; q++)
			;
	return *q == '}' ? (size_t)(q + 1 - p) : 0;
}

/* JavaScript's \w, and the classes of \W and \D, over UTF-16 units
 * with the i flag: PCRE2_UCP would make its own Unicode's.  Outside a
 * class they stand in (?-i:), as the i flag does not change them; inside
 * one, \W leaves out U+017F and U+212A, whose other cases (s and k)
 * would join it. */
#define W16 "A-Za-z0-9_"
#define NW16 "\\x{0}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{5e}\\x{60}\\x{7b}-\\x{17e}" \
	"\\x{180}-\\x{2129}\\x{212b}-\\x{ffff}"
#define ND16 "\\x{0}-\\x{2f}\\x{3a}-\\x{ffff}"
/* What \S is inside a class: the characters (units) that are not WS. */
#define NWS "\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{9f}\\x{a1}-\\x{167f}" \
	"\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}" \
	"\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}\\x{ff00}-"

/* The PCRE2 pattern that means what JavaScript pattern p means with
 * these flags (PCRE2_UTF, no PCRE2_UCP, no PCRE2_MULTILINE); NULL, or
 * the reason the pattern is not JavaScript's (where PCRE2 would take it:
 * PCRE2 itself rejects the rest).  With t->wide, for PCRE2's 16-bit
 * library over a subject's UTF-16 units, without PCRE2_UTF and with
 * PCRE2_UCP for the i flag (Unicode's cases, not only ASCII's): every
 * character not ASCII is written as its units, \d, \w and \b are spelt
 * out in ASCII, and named groups are numbered ones (the 8-bit code has
 * the names). */
static const char *
translate(struct tr *t, const char *p, int flags)
{
	struct buf *out = t->out;
	const char *src = p;
	int unicode = flags & RE_U, inclass = 0, named, ncap, quant = 0;
	int ascii = t->wide && (flags & RE_I);	/* spell out \d \w \b */
	int any;
	size_t len;
	long v;

	ncap = scan_groups(p, &named, NULL, 0);
	for (; *p; quant = quant > 0 ? quant - 1 : 0) {
		int c = (unsigned char)*p;

		if (c >= 0x80) {
			/* A character of the text, as valid UTF-8 (or
			 * as its units) */
			v = (long)pattern_char(p, &len);
			if (t->wide || len == 1 || (v >= 0xd800 && v < 0xe000) || v == 0)
				put_cp(t, v >= 0xd800 && v < 0xe000 && !t->wide ?
				    0xfffd : (unsigned long)v, inclass);
			else
				buf_add(out, p, len);
			p += len;
			continue;
		}
		if (c == '\\') {
			c = (unsigned char)p[1];
			p += 2;
			switch (c) {
			case '\0':
				return "\\ at end of pattern";
			case 'd': case 'D': case 'w': case 'W':
				if (ascii) {
					if (!inclass)
						buf_puts(out, c == 'd' || c == 'w' ? "(?-i:[" : "(?-i:[^");
					buf_puts(out, c == 'd' ? "0-9" : c == 'w' ? W16 :
					    !inclass ? (c == 'D' ? "0-9" : W16) :
					    c == 'D' ? ND16 : NW16);
					if (!inclass)
						buf_puts(out, "])");
					continue;
				}
				/* FALLTHROUGH */
			case 'f': case 'n': case 'r': case 't':
				buf_putc(out, '\\');
				buf_putc(out, c);
				continue;
			case 'b': case 'B':
				if (inclass && c == 'b')
					buf_puts(out, "\\x08");
				else if (inclass && unicode)
					return "Invalid class escape";
				else if (ascii && !inclass)
					buf_puts(out, c == 'b' ?
					    "(?-i:(?<=[" W16 "])(?![" W16 "])|(?<![" W16 "])(?=[" W16 "]))" :
					    "(?-i:(?<=[" W16 "])(?=[" W16 "])|(?<![" W16 "])(?![" W16 "]))");
				else {
					buf_putc(out, '\\');
					buf_putc(out, c);
				}
				continue;
			case 'v':
				buf_puts(out, "\\x0b");
				continue;
			case 's':
				buf_puts(out, inclass ? WS : "[" WS "]");
				continue;
			case 'S':
				buf_puts(out, !inclass ? "[^" WS "]" : t->wide ?
				    NWS "\\x{ffff}" : NWS "\\x{10ffff}");
				continue;
			case 'c':
				if (((unsigned)*p | 32) >= 'a' && ((unsigned)*p | 32) <= 'z') {
					put_cp(t, (unsigned)*p % 32, inclass);
					p++;
				} else if (unicode)
					return "Invalid unicode escape";
				else
					buf_puts(out, "\\\\c");
				continue;
			case 'x':
				if (ishex(p[0]) && ishex(p[1])) {
					put_cp(t, hexval(p, 2), inclass);
					p += 2;
				} else if (unicode)
					return "Invalid escape";
				else
					buf_putc(out, 'x');
				continue;
			case 'u':
				if ((v = u_escape(p - 1, unicode, t->wide, &len)) >= 0) {
					put_cp(t, (unsigned long)v, inclass);
					p += len - 1;
				} else if (unicode)
					return "Invalid Unicode escape";
				else
					buf_putc(out, 'u');
				continue;
			case 'k':
				if (named && *p == '<' && !inclass && t->wide &&
				    (len = strcspn(p + 1, ">")) > 0 && p[1 + len] == '>') {
					buf_printf(out, "(?:\\g{%d})",
					    scan_groups(src, &any, p + 1, len));
					p += len + 2;
				} else if (named && *p == '<' && !inclass)
					buf_puts(out, "\\k");
				else if (unicode || named)
					return "Invalid named reference";
				else
					buf_putc(out, 'k');
				continue;
			case 'p': case 'P':
				if (!unicode) {
					buf_putc(out, c);
					continue;
				}
				if (*p != '{' || strchr(p, '}') == NULL)
					return "Invalid property name";
				/* \p{Script=Greek}: PCRE2 spells it sc:Greek. */
				buf_putc(out, '\\');
				buf_putc(out, c);
				buf_putc(out, *p++);
				if (strncmp(p, "General_Category=", 17) == 0)
					p += 17;
				else if (strncmp(p, "gc=", 3) == 0)
					p += 3;
				if ((len = strcspn(p, "}")) > 0 && (v = gc_short(p, len)) >= 0) {
					buf_puts(out, gc_names[v].abbr);
					p += len;
				} else if (strncmp(p, "Script=", 7) == 0)
					buf_puts(out, "sc:"), p += 7;
				else if (strncmp(p, "Script_Extensions=", 18) == 0)
					buf_puts(out, "scx:"), p += 18;
				while (*p != '}')
					buf_putc(out, *p++);
				buf_putc(out, *p++);
				continue;
			case '0':
				if (*p < '0' || *p > '9') {
					put_cp(t, 0, inclass);
					continue;
				}
				if (unicode)
					return "Invalid decimal escape";
				/* FALLTHROUGH: a legacy octal escape */
			default:
				break;
			}
			if (c >= '0' && c <= '9') {
				const char *q = p - 1;
				long n = 0;

				while (*q >= '0' && *q <= '9' && n <= ncap)
					n = n * 10 + (*q++ - '0');
				if (!inclass && c != '0' && n <= ncap) {
					/* A backreference; at most ncap, so no
					 * digit left unread belongs to it. */
					buf_printf(out, "(?:\\g{%ld})", n);
					p = q;
					quant = 0;
					continue;
				}
				if (unicode)
					return inclass ? "Invalid class escape" : "Invalid escape";
				if (c >= '8') {
					buf_putc(out, c);
				} else {
					/* Octal: up to three digits, at most 0377. */
					n = c - '0';
					if (*p >= '0' && *p <= '7') {
						n = n * 8 + (*p++ - '0');
						if (c <= '3' && *p >= '0' && *p <= '7')
							n = n * 8 + (*p++ - '0');
					}
					put_cp(t, (unsigned long)n, inclass);
				}
				continue;
			}
			/* An identity escape: a letter stands for itself,
			 * PCRE2 takes any other character escaped.  In unicode
			 * mode only syntax characters may be escaped. */
			if (unicode && strchr("^$\\.*+?()[]{}|/", c) == NULL &&
			    !(inclass && c == '-'))
				return "Invalid escape";
			p--;
			if (c >= 0x80)
				continue;	/* the character itself, above */
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
				buf_putc(out, '\\');
			buf_putc(out, *p++);
			continue;
		}
		if (inclass) {
			if (c == ']')
				inclass = 0;
			if (c == '[')
				buf_putc(out, '\\');	/* not POSIX's [: */
			buf_putc(out, c);
			p++;
			continue;
		}
		switch (c) {
		case '[':
			if (p[1] == ']') {
				buf_puts(out, "(?!)");
				p += 2;
			} else if (p[1] == '^' && p[2] == ']') {
				buf_puts(out, "[\\s\\S]");
				p += 3;
			} else {
				inclass = 1;
				buf_putc(out, '[');
				p++;
				if (*p == '^')
					buf_putc(out, *p++);
				if (*p == ']') {
					/* "[]...]" is an empty class in JavaScript */
					buf_puts(out, "(?!)");
					inclass = 0;
				}
			}
			continue;
		case '(':
			if (p[1] == '?' && strchr(":=!", p[2]) == NULL &&
			    !(p[2] == '<' && p[3] != '\0' && strchr("=!>", p[3]) == NULL) &&
			    !(p[2] == '<' && (p[3] == '=' || p[3] == '!')))
				return "Invalid group";
			buf_putc(out, c);
			if (t->wide && p[1] == '?' && p[2] == '<' && p[3] != '=' &&
			    p[3] != '!' && strchr(p, '>') != NULL)
				p = strchr(p, '>');	/* (?<name> */
			break;
		case '*': case '+': case '?':
			if (quant)
				return "Nothing to repeat";
			buf_putc(out, c);
			if (p[1] == '?')
				buf_putc(out, *++p);
			quant = 2;
			break;
		case '{':
			if ((len = brace_quantifier(p)) > 0) {
				if (quant)
					return "Nothing to repeat";
				buf_add(out, p, len);
				p += len;
				if (*p == '?')
					buf_putc(out, *p++);
				quant = 2;
				continue;
			}
			if (unicode)
				return "Lone quantifier brackets";
			buf_puts(out, "\\{");
			break;
		case '}': case ']':
			if (unicode)
				return "Lone quantifier brackets";
			buf_putc(out, '\\');
			buf_putc(out, c);
			break;
		case '.':
			buf_puts(out, flags & RE_S ? "[\\s\\S]" : "[^" LT "]");
			break;
		case '^':
			buf_puts(out, flags & RE_M ? "(?:^|(?<=[" LT "]))" : "^");
			break;
		case '$':
			buf_puts(out, flags & RE_M ? "(?=[" LT "]|\\z)" : "\\z");
			break;
		default:
			buf_putc(out, c);
			break;
		}
		p++;
	}
	return NULL;
}

static unsigned
hash_key(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void
code_free(struct code *c)
{
	int i;

	if (c->names != NULL) {
		for (i = 1; i <= c->ncap; i++)
			free(c->names[i]);
		free(c->names);
	}
	pcre2_match_data_free(c->md);
	pcre2_code_free(c->re);
	pcre2_match_data_free_16(c->md16);
	pcre2_code_free_16(c->re16);
	free(c->key);
	free(c);
}

/* Drop cached codes no RegExp uses, past a bound. */
static void
cache_trim(void)
{
	struct code **pp;
	int b;

	for (b = 0; b < NBUCKETS && unused > CACHE_UNUSED_MAX / 2; b++)
		for (pp = &buckets[b]; *pp != NULL; ) {
			struct code *c = *pp;

			if (c->refs == 0) {
				*pp = c->next;
				code_free(c);
				unused--;
			} else
				pp = &c->next;
		}
}

static void
code_release(struct code *c)
{
	if (c != NULL && --c->refs == 0 && ++unused > CACHE_UNUSED_MAX)
		cache_trim();
}

/* Compile c's pattern over UTF-16 units (the source src without the u
 * flag), or with lazy only if it names a surrogate (c->wide): 0, or -1
 * with PCRE2's message in err. */
static int
code_wide(struct code *c, const char *src, int flags, int lazy, char *err,
    size_t errlen)
{
	struct buf pat = BUF_INIT;
	struct tr t = { &pat, 1, 0 };
	uint32_t opts = PCRE2_MATCH_UNSET_BACKREF;
	PCRE2_UCHAR16 msg[256];
	uint16_t *p16;
	size_t i, erroff;
	int e;

	translate(&t, src, flags);	/* the 8-bit code's took it */
	c->wide = t.surr;
	if (lazy && !c->wide) {
		buf_free(&pat);
		return 0;
	}
	p16 = xreallocarray(NULL, pat.len + 1, sizeof *p16);
	for (i = 0; i < pat.len; i++)
		p16[i] = (unsigned char)pat.data[i];
	buf_free(&pat);
	if (flags & RE_I)
		opts |= PCRE2_CASELESS | PCRE2_UCP;
	c->re16 = pcre2_compile_16(p16, i, opts, &e, &erroff, NULL);
	free(p16);
	if (c->re16 == NULL) {
		pcre2_get_error_message_16(e, msg, sizeof msg / sizeof msg[0]);
		for (i = 0; i + 1 < errlen && msg[i] != 0; i++)
			err[i] = msg[i] < 0x80 ? (char)msg[i] : '?';
		err[i] = '\0';
		return -1;
	}
	pcre2_jit_compile_16(c->re16, PCRE2_JIT_COMPLETE);
	c->md16 = pcre2_match_data_create_from_pattern_16(c->re16, NULL);
	return 0;
}

/* The code for source src with these flags, compiled once; NULL with a
 * message in err on a bad pattern. */
static struct code *
code_get(const char *src, int flags, char *err, size_t errlen)
{
	struct buf key = BUF_INIT, pat = BUF_INIT;
	struct tr t = { &pat, 0, 0 };
	struct code *c;
	unsigned h;
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_UNSET_BACKREF;
	PCRE2_SPTR table;
	uint32_t count, size, i;
	const char *msg;
	size_t erroff;
	int e;

	buf_printf(&key, "%d/%s", flags, src);
	h = hash_key(key.data);
	for (c = buckets[h % NBUCKETS]; c != NULL; c = c->next)
		if (c->hash == h && strcmp(c->key, key.data) == 0) {
			buf_free(&key);
			if (c->refs++ == 0)
				unused--;
			return c;
		}
	if ((msg = translate(&t, src, flags)) != NULL) {
		snprintf(err, errlen, "%s", msg);
		buf_free(&pat);
		buf_free(&key);
		return NULL;
	}
	if (flags & RE_I)
		opts |= PCRE2_CASELESS;
	c = xcalloc(1, sizeof *c);
	c->re = pcre2_compile((PCRE2_SPTR)(pat.data ? pat.data : ""), pat.len, opts,
	    &e, &erroff, NULL);
	buf_free(&pat);
	if (c->re == NULL) {
		pcre2_get_error_message(e, (PCRE2_UCHAR *)err, errlen);
		buf_free(&key);
		free(c);
		return NULL;
	}
	/* Machine code for the matcher where PCRE2 has it (else, or on
	 * failure, its interpreter runs). */
	pcre2_jit_compile(c->re, PCRE2_JIT_COMPLETE);
	c->key = buf_steal(&key);
	c->hash = h;
	c->md = pcre2_match_data_create_from_pattern(c->re, NULL);
	pcre2_pattern_info(c->re, PCRE2_INFO_CAPTURECOUNT, &count);
	c->ncap = (int)count;
	pcre2_pattern_info(c->re, PCRE2_INFO_NAMECOUNT, &count);
	if (count > 0) {
		pcre2_pattern_info(c->re, PCRE2_INFO_NAMETABLE, &table);
		pcre2_pattern_info(c->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
		c->names = xcalloc((size_t)c->ncap + 1, sizeof *c->names);
		for (i = 0; i < count; i++) {
			const unsigned char *ent = table + i * size;
			int n = ent[0] << 8 | ent[1];

			if (n >= 1 && n <= c->ncap && c->names[n] == NULL)
				c->names[n] = xstrdup((const char *)ent + 2);
		}
	}
	if (!(flags & RE_U) && code_wide(c, src, flags, 1, err, errlen) < 0) {
		code_free(c);
		return NULL;
	}
	c->refs = 1;
	c->next = buckets[h % NBUCKETS];
	buckets[h % NBUCKETS] = c;
	return c;
}

/* libmujs's regular expression functions, replaced (see the top). */
void *
js_regcompx(void *(*alloc)(void *, void *, int), void *ctx, const char *pattern,
    int cflags, const char **errorp)
{
	static char err[256];
	struct prog *pr;
	struct code *c;

	(void)alloc, (void)ctx;
	/* REG_ICASE 1 and REG_NEWLINE 2 are mujs's i and m. */
	c = code_get(pattern, (cflags & 1 ? RE_I : 0) | (cflags & 2 ? RE_M : 0),
	    err, sizeof err);
	if (c == NULL) {
		if (errorp != NULL)
			*errorp = err;
		return NULL;
	}
	pr = xcalloc(1, sizeof *pr);
	pr->code = c;
	return pr;
}

void
js_regfreex(void *(*alloc)(void *, void *, int), void *ctx, void *prog)
{
	struct prog *pr = prog;

	(void)alloc, (void)ctx;
	if (pr != NULL)
		code_release(pr->code);
	free(pr);
}


static void
settop(js_State *J, int n)
{
	int top = js_gettop(J);

	if (top > n)
		js_pop(J, top - n);
	for (; top < n; top++)
		js_pushundefined(J);
}

/* The subject of a match, valid UTF-8, with a hint for turning indices
 * into byte offsets and back in one pass over a loop's matches. */
struct subject {
	const char	*s;	/* what PCRE2 matches */
	const char	*orig;	/* the string itself (the same offsets) */
	size_t		 len;	/* in bytes, or units if u */
	int		 ascii;
	int		 astral;	/* has a pair or a lone surrogate */
	int		 bad;	/* has bytes of no character */
	const uint16_t	*u;	/* the units, when matched in units */
	size_t		 hbyte;	/* byte offset of code point hidx */
	double		 hidx;
};

/* The last subject, so that a loop of exec() over a large string does
 * not measure it at each call: the string (and its repaired copy) stay
 * in J's registry while they are here, so the same pointer is the same
 * string. */
static struct {
	js_State	*J;
	const char	*orig;
	struct subject	 sj;
	uint16_t	*u;	/* its units once made (J's registry owns them) */
	size_t		 nu;
} recent;

/* Make the value at idx a string (in place). */
static void
string_at(js_State *J, int idx)
{
	if (!js_isstring(J, idx)) {
		js_pushstring(J, js_tostring(J, idx));
		js_replace(J, idx);
	}
}

static void
units_free(js_State *J, void *u)
{
	(void)J;
	free(u);
}

/* Measure string s, at idx, into sj and recent. */
static void
subject_scan(js_State *J, int idx, const unsigned char *s, struct subject *sj)
{
	size_t len, i, k;
	char *copy = NULL;

	len = strlen((const char *)s);
	sj->ascii = 1;
	sj->astral = 0;
	sj->bad = 0;
	sj->u = NULL;
	for (i = 0; i < len; i += k) {
		if (s[i] < 0x80) {
			k = 1;
			continue;
		}
		sj->ascii = 0;
		if ((k = utf8_seq(s + i, len - i)) != 0) {
			sj->astral |= k == 4;
			continue;
		}
		if (copy == NULL) {
			copy = xmalloc(len + 1);
			memcpy(copy, s, len + 1);
		}
		/* as mujs's decoder takes it (one UTF-16 unit each): a
		 * surrogate's three bytes, U+0000's C0 80, any other bad byte */
		if (s[i] == 0xed && len - i >= 3 && s[i + 1] >= 0xa0 &&
		    (s[i + 2] & 0xc0) == 0x80) {
			memcpy(copy + i, "\xef\xbf\xbd", k = 3);
			sj->astral = 1;
		}
		else if (s[i] == 0xc0 && len - i >= 2 && s[i + 1] == 0x80)
			memcpy(copy + i, "\xc2\x80", k = 2);
		else {
			memset(copy + i, '?', k = 1);
			sj->bad = 1;
		}
	}
	sj->s = sj->orig = (const char *)s;
	sj->len = len;
	sj->hbyte = 0;
	sj->hidx = 0;
	js_copy(J, idx);
	js_setregistry(J, "ly.re.subject");
	if (copy != NULL) {
		/* At least 16 bytes: not a short string, which mujs keeps
		 * in the stack slot itself. */
		copy = xrealloc(copy, len + 17);
		memset(copy + len, ' ', 16);
		js_pushlstring(J, copy, (int)len + 16);
		free(copy);
		sj->s = js_tostring(J, -1);
		js_setregistry(J, "ly.re.fixed");
	}
	if (recent.u != NULL) {
		js_pushundefined(J);
		js_setregistry(J, "ly.re.units");
		recent.u = NULL;
	}
	recent.J = J;
	recent.orig = (const char *)s;
	recent.sj = *sj;
}

/* The string at idx as a subject of code c with these flags, and what
 * keeps its copies alive until the caller returns pushed on the stack. */
static void
subject_open(js_State *J, int idx, struct subject *sj, const struct code *c, int flags)
{
	const unsigned char *s = (const unsigned char *)js_tostring(J, idx);
	int hit = 0;

	if (recent.J == J && recent.orig == (const char *)s) {
		js_getregistry(J, "ly.re.subject");
		hit = js_isstring(J, -1) && js_tostring(J, -1) == (const char *)s;
		js_pop(J, 1);
	}
	if (hit)
		*sj = recent.sj;
	else
		subject_scan(J, idx, s, sj);
	if (!(flags & RE_U) && (sj->astral || c->wide)) {
		/* JavaScript's units, not PCRE2's code points */
		if (recent.u == NULL) {
			recent.u = utf16_units(sj->orig, &recent.nu);
			js_pushnull(J);
			js_newuserdata(J, "ly.re.units", recent.u, units_free);
			js_copy(J, -1);
			js_setregistry(J, "ly.re.units");
		} else
			js_getregistry(J, "ly.re.units");
		sj->u = recent.u;
		sj->len = recent.nu;
	} else if (sj->s != sj->orig)
		js_getregistry(J, "ly.re.fixed");
	else
		js_pushundefined(J);
}

/* Keep what sj learnt of its string's indices for the next call. */
static void
subject_close(const struct subject *sj)
{
	if (recent.sj.s == sj->s) {
		recent.sj.hbyte = sj->hbyte;
		recent.sj.hidx = sj->hidx;
	}
}

/* The UTF-16 units of the character whose first byte is c (valid
 * UTF-8). */
#define UNITS(c)	((unsigned char)(c) >= 0xf0 ? 2 : 1)

/* The byte offset of UTF-16 index idx, or -1 past the end.  An index
 * inside a pair is the pair's start for a unicode pattern (as node's
 * engine has it), else the next character's: without the u flag a match
 * cannot start at a pair's low half here, where JavaScript's can. */
static long
subject_off(struct subject *sj, double idx, int unicode)
{
	size_t i, at;
	double n;

	if (sj->ascii || sj->u != NULL)
		return idx <= (double)sj->len ? (long)idx : -1;
	if (idx >= sj->hidx) {
		i = sj->hbyte;
		n = sj->hidx;
	} else
		i = 0, n = 0;
	while (i < sj->len && n < idx) {
		at = i;
		n += UNITS(sj->s[i]);
		i++;
		while (i < sj->len && ((unsigned char)sj->s[i] & 0xc0) == 0x80)
			i++;
		if (n > idx && unicode) {
			i = at;
			n -= 2;
			goto out;
		}
	}
	if (n < idx)
		return -1;
out:
	sj->hbyte = i;
	sj->hidx = n;
	return (long)i;
}

/* The UTF-16 index of byte offset off (a character's start). */
static double
subject_idx(struct subject *sj, size_t off)
{
	size_t i;
	double n;

	if (sj->ascii || sj->u != NULL)
		return (double)off;
	if (off >= sj->hbyte) {
		i = sj->hbyte;
		n = sj->hidx;
	} else
		i = 0, n = 0;
	for (; i < off; i++)
		if (((unsigned char)sj->s[i] & 0xc0) != 0x80)
			n += UNITS(sj->s[i]);
	sj->hbyte = off;
	sj->hidx = n;
	return n;
}

/* The offset one code point (unit if u) after off. */
static size_t
subject_next(const struct subject *sj, size_t off)
{
	if (off >= sj->len || sj->u != NULL)
		return off + 1;
	off++;
	while (off < sj->len && ((unsigned char)sj->s[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/* pcre2_match on valid UTF-8, the offsets into c->md. */
static inline int
pmatch(struct code *c, const char *s, size_t len, size_t from, uint32_t opts)
{
	int rc;

	opts |= PCRE2_NO_UTF_CHECK;
	rc = pcre2_match(c->re, (PCRE2_SPTR)s, len, from, opts, c->md, NULL);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)	/* the interpreter's is larger */
		rc = pcre2_match(c->re, (PCRE2_SPTR)s, len, from, opts | PCRE2_NO_JIT,
		    c->md, NULL);
	return rc;
}

/* mujs's Resub (regexp.h, REG_MAXSUB 10) and REG_NOTBOL. */
#define MJ_MAXSUB 10
#define MJ_NOTBOL 4
struct mj_resub {
	int	 nsub;
	struct {
		const char	*sp, *ep;
	} sub[MJ_MAXSUB];
};

/* mujs's own methods, in states without regexp_define (a program's
 * helper states): 0 with the match in sub, 1 without, -1 on an error. */
int
js_regexec(void *prog, const char *string, void *sub, int eflags)
{
	struct prog *pr = prog;
	struct mj_resub *m = sub;
	struct code *c = pr->code;
	size_t len = strlen(string), i, k;
	char *copy = NULL, err[128];
	PCRE2_SIZE *ov;
	int rc, n;

	if (c == NULL && (c = pr->code = code_get("(?:)", 0, err, sizeof err)) == NULL)
		return -1;
	for (i = 0; i < len; i += k)
		if ((k = utf8_seq((const unsigned char *)string + i, len - i)) == 0) {
			if (copy == NULL)
				copy = xstrdup(string);
			copy[i] = '?';
			k = 1;
		}
	rc = pmatch(c, copy ? copy : string, len, 0, eflags & MJ_NOTBOL ? PCRE2_NOTBOL : 0);
	free(copy);
	if (rc < 0)
		return rc == PCRE2_ERROR_NOMATCH ? 1 : -1;
	ov = pcre2_get_ovector_pointer(c->md);
	m->nsub = c->ncap + 1 < MJ_MAXSUB ? c->ncap + 1 : MJ_MAXSUB;
	for (n = 0; n < m->nsub; n++) {
		if (ov[2 * n] == PCRE2_UNSET)
			m->sub[n].sp = m->sub[n].ep = NULL;
		else {
			m->sub[n].sp = string + ov[2 * n];
			m->sub[n].ep = string + ov[2 * n + 1];
		}
	}
	return 0;
}

static struct code *
code_of(js_State *J, int idx, struct mj_regexp **rp)
{
	struct mj_regexp *r = (struct mj_regexp *)js_toregexp(J, idx);
	struct prog *pr = r->prog;

	*rp = r;
	if (pr->code == NULL) {
		char err[128];

		pr->code = code_get("(?:)", 0, err, sizeof err);
	}
	return pr->code;
}

static double
last_get(struct mj_regexp *r)
{
	struct prog *pr = r->prog;

	if ((unsigned short)pr->last == r->last && pr->last >= 0)
		return pr->last;
	return r->last;
}

static void
last_set(struct mj_regexp *r, double v)
{
	struct prog *pr = r->prog;

	pr->last = v;
	r->last = (unsigned short)v;
}

/* pcre2_match over units, the code made if need be. */
static int
pmatch16(js_State *J, struct code *c, const uint16_t *u, size_t len, size_t from,
    uint32_t opts)
{
	char msg[256];
	int rc;

	if (c->re16 == NULL && code_wide(c, strchr(c->key, '/') + 1, atoi(c->key), 0,
	    msg, sizeof msg) < 0)
		js_error(J, "regular expression /%s/: %s", strchr(c->key, '/') + 1, msg);
	rc = pcre2_match_16(c->re16, u, len, from, opts, c->md16, NULL);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match_16(c->re16, u, len, from, opts | PCRE2_NO_JIT,
		    c->md16, NULL);
	return rc;
}

/* Match from offset from (anchored there if sticky): the result code of
 * pcre2_match, the offsets in ovec(c, sj). */
static int
run(js_State *J, struct code *c, const struct subject *sj, size_t from, int sticky)
{
	uint32_t opts = sticky ? PCRE2_ANCHORED : 0;
	int rc;

	if (from > sj->len)
		return PCRE2_ERROR_NOMATCH;
	if (sj->u != NULL)
		rc = pmatch16(J, c, sj->u, sj->len, from, opts);
	else
		rc = pmatch(c, sj->s, sj->len, from, opts);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
		char msg[128];

		pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof msg);
		js_error(J, "regular expression /%s/: %s", strchr(c->key, '/') + 1, msg);
	}
	return rc;
}

/* The offsets of the last match of c over sj. */
static PCRE2_SIZE *
ovec(const struct code *c, const struct subject *sj)
{
	if (sj->u != NULL)
		return pcre2_get_ovector_pointer_16(c->md16);
	return pcre2_get_ovector_pointer(c->md);
}

/* Push the text of sj between offsets a and b.  Units make the same
 * bytes again, but for bytes of no character: those are taken from the
 * string itself (walking it from its start). */
static void
push_sub(js_State *J, const struct subject *sj, size_t a, size_t b)
{
	struct buf out = BUF_INIT;
	char tmp[256];

	if (sj->u == NULL)
		js_pushlstring(J, sj->orig + a, (int)(b - a));
	else if (sj->bad)
		utf16_push(J, sj->orig, (double)a, (double)b);
	else if (b - a < sizeof tmp / 3)
		js_pushlstring(J, tmp, (int)utf16_encode(tmp, sj->u, a, b));
	else {
		utf16_add_units(&out, sj->u, a, b);
		runtime_pushbuf(J, &out);
	}
}

static void
add_units(js_State *J, struct buf *out, const struct subject *sj, size_t a, size_t b)
{
	if (!sj->bad)
		utf16_add_units(out, sj->u, a, b);
	else {
		push_sub(J, sj, a, b);
		buf_puts(out, js_tostring(J, -1));
		js_pop(J, 1);
	}
}

/* Append the text of sj between offsets a and b to out. */
static inline void
add_sub(js_State *J, struct buf *out, const struct subject *sj, size_t a, size_t b)
{
	if (sj->u == NULL)
		buf_add(out, sj->orig + a, b - a);
	else
		add_units(J, out, sj, a, b);
}

/* Push the groups object of the match in c->md (or undefined); with
 * pairs, of [start, end] index pairs instead of strings. */
static void
push_groups(js_State *J, struct code *c, struct subject *sj, int pairs)
{
	PCRE2_SIZE *ov = ovec(c, sj);
	int i;

	if (c->names == NULL) {
		js_pushundefined(J);
		return;
	}
	js_pushnull(J);
	js_newobjectx(J);
	for (i = 1; i <= c->ncap; i++) {
		if (c->names[i] == NULL)
			continue;
		if (ov[2 * i] == PCRE2_UNSET)
			js_pushundefined(J);
		else if (pairs) {
			js_newarray(J);
			js_pushnumber(J, subject_idx(sj, ov[2 * i]));
			js_setindex(J, -2, 0);
			js_pushnumber(J, subject_idx(sj, ov[2 * i + 1]));
			js_setindex(J, -2, 1);
		} else
			push_sub(J, sj, ov[2 * i], ov[2 * i + 1]);
		js_setproperty(J, -2, c->names[i]);
	}
}

/* Push the exec() result of the match in c->md over the string at
 * input. */
static void
push_result(js_State *J, struct code *c, struct subject *sj, int input, int flags)
{
	PCRE2_SIZE *ov = ovec(c, sj);
	int i;

	js_newarray(J);
	for (i = 0; i <= c->ncap; i++) {
		if (ov[2 * i] == PCRE2_UNSET)
			js_pushundefined(J);
		else
			push_sub(J, sj, ov[2 * i], ov[2 * i + 1]);
		js_setindex(J, -2, i);
	}
	js_pushnumber(J, subject_idx(sj, ov[0]));
	js_setproperty(J, -2, "index");
	js_copy(J, input);
	js_setproperty(J, -2, "input");
	push_groups(J, c, sj, 0);
	js_setproperty(J, -2, "groups");
	if (flags & RE_D) {
		js_newarray(J);
		for (i = 0; i <= c->ncap; i++) {
			if (ov[2 * i] == PCRE2_UNSET)
				js_pushundefined(J);
			else {
				js_newarray(J);
				js_pushnumber(J, subject_idx(sj, ov[2 * i]));
				js_setindex(J, -2, 0);
				js_pushnumber(J, subject_idx(sj, ov[2 * i + 1]));
				js_setindex(J, -2, 1);
			}
			js_setindex(J, -2, i);
		}
		push_groups(J, c, sj, 1);
		js_setproperty(J, -2, "groups");
		js_setproperty(J, -2, "indices");
	}
}

/* RegExpBuiltinExec on the regexp at re and the subject: 1 with the
 * match in the code's match data, 0 without; lastIndex as it says. */
static int
builtin_exec(js_State *J, struct code *c, struct mj_regexp *r, struct subject *sj)
{
	int gy = r->flags & (RE_G | RE_Y);
	double last = gy ? last_get(r) : 0;
	long from = subject_off(sj, last, r->flags & RE_U);
	PCRE2_SIZE *ov;

	if (from < 0 || run(J, c, sj, (size_t)from, r->flags & RE_Y) < 0) {
		if (gy)
			last_set(r, 0);
		return 0;
	}
	if (gy) {
		ov = ovec(c, sj);
		last_set(r, subject_idx(sj, ov[1]));
	}
	return 1;
}

static void
Rp_exec(js_State *J)
{
	struct mj_regexp *r;
	struct code *c = code_of(J, 0, &r);
	struct subject sj;

	settop(J, 2);
	string_at(J, 1);
	subject_open(J, 1, &sj, c, r->flags);
	if (builtin_exec(J, c, r, &sj))
		push_result(J, c, &sj, 1, r->flags);
	else
		js_pushnull(J);
	subject_close(&sj);
}

static void
Rp_test(js_State *J)
{
	struct mj_regexp *r;
	struct code *c = code_of(J, 0, &r);
	struct subject sj;

	settop(J, 2);
	string_at(J, 1);
	subject_open(J, 1, &sj, c, r->flags);
	js_pushboolean(J, builtin_exec(J, c, r, &sj));
	subject_close(&sj);
}

static void
flags_string(int flags, char *out)
{
	size_t i;

	for (i = 0; i < NFLAGS; i++)
		if (flags & flagchars[i].bit)
			*out++ = flagchars[i].c;
	*out = '\0';
}

static void
Rp_toString(js_State *J)
{
	struct mj_regexp *r;
	char fl[NFLAGS + 1];

	if (!js_isregexp(J, 0))
		js_typeerror(J, "RegExp.prototype.toString requires that 'this' be a RegExp");
	r = (struct mj_regexp *)js_toregexp(J, 0);
	flags_string(r->flags, fl);
	js_pushliteral(J, "/");
	js_pushstring(J, r->source);
	js_concat(J);
	js_pushliteral(J, "/");
	js_concat(J);
	js_pushstring(J, fl);
	js_concat(J);
}

static void
Rp_flags(js_State *J)
{
	char fl[NFLAGS + 1] = "";

	if (js_isregexp(J, 0))
		flags_string(((struct mj_regexp *)js_toregexp(J, 0))->flags, fl);
	js_pushstring(J, fl);
}

static void
Rp_flag(js_State *J)
{
	int bit = (int)(intptr_t)js_currentfunctiondata(J);

	if (js_isregexp(J, 0))
		js_pushboolean(J, ((struct mj_regexp *)js_toregexp(J, 0))->flags & bit);
	else
		js_pushundefined(J);
}

/* The source as RegExp.prototype.source shows it: "/" and line
 * terminators escaped, "(?:)" for nothing. */
static char *
escape_source(js_State *J, const char *p)
{
	struct buf b = BUF_INIT;
	int inclass = 0;
	char *s;

	if (*p == '\0')
		buf_puts(&b, "(?:)");
	for (; *p; p++) {
		if (*p == '\\' && p[1] != '\0') {
			buf_putc(&b, *p++);
			buf_putc(&b, *p);
			continue;
		}
		if (*p == '[')
			inclass = 1;
		else if (*p == ']')
			inclass = 0;
		if (*p == '/' && !inclass)
			buf_puts(&b, "\\/");
		else if (*p == '\n')
			buf_puts(&b, "\\n");
		else if (*p == '\r')
			buf_puts(&b, "\\r");
		else if (strncmp(p, "\xe2\x80\xa8", 3) == 0 || strncmp(p, "\xe2\x80\xa9", 3) == 0) {
			buf_puts(&b, p[2] == '\xa8' ? "\\u2028" : "\\u2029");
			p += 2;
		} else
			buf_putc(&b, *p);
	}
	s = js_malloc(J, (int)b.len + 1);
	memcpy(s, b.data, b.len + 1);
	buf_free(&b);
	return s;
}

/* Push a new RegExp of pattern src (a literal's text or a constructor's
 * string) and flag bits; SyntaxError on a bad pattern. */
static void
new_regexp(js_State *J, const char *src, int flags)
{
	struct mj_regexp *r;
	struct code *c;
	char err[256], fl[NFLAGS + 1];
	char *source;

	c = code_get(src, flags, err, sizeof err);
	if (c == NULL) {
		flags_string(flags, fl);
		js_syntaxerror(J, "Invalid regular expression: /%s/%s: %s", src, fl, err);
	}
	if (js_try(J)) {
		code_release(c);
		js_throw(J);
	}
	/* mujs's own constructor makes the object (program: ours). */
	js_getregistry(J, "ly.re.new");
	if (js_isundefined(J, -1)) {
		/* A state without regexp_define: RegExp is mujs's. */
		js_pop(J, 1);
		js_getglobal(J, "RegExp");
	}
	js_construct(J, 0);
	source = escape_source(J, src);
	js_endtry(J);
	r = (struct mj_regexp *)js_toregexp(J, -1);
	code_release(((struct prog *)r->prog)->code);
	((struct prog *)r->prog)->code = c;
	js_free(J, r->source);
	r->source = source;
	r->flags = (unsigned short)flags;
	last_set(r, 0);
}

void
js_newregexp(js_State *J, const char *pattern, int flags)
{
	new_regexp(J, pattern, flags);
}

static int
parse_flags(js_State *J, const char *s)
{
	const char *p;
	size_t i;
	int flags = 0;

	for (p = s; *p; p++) {
		for (i = 0; i < NFLAGS; i++)
			if (flagchars[i].c == *p)
				break;
		if (i == NFLAGS || (flags & flagchars[i].bit))
			js_syntaxerror(J, "Invalid flags supplied to RegExp constructor '%s'", s);
		flags |= flagchars[i].bit;
	}
	return flags;
}

static void
RegExp_new(js_State *J)
{
	const char *src = "";
	int flags = 0;

	if (js_isregexp(J, 1)) {
		struct mj_regexp *r = (struct mj_regexp *)js_toregexp(J, 1);
		struct prog *pr = r->prog;

		src = pr->code != NULL ? strchr(pr->code->key, '/') + 1 : "";
		flags = r->flags;
	} else if (js_isdefined(J, 1))
		src = js_tostring(J, 1);
	if (js_isdefined(J, 2))
		flags = parse_flags(J, js_tostring(J, 2));
	new_regexp(J, src, flags);
}

static void
RegExp_call(js_State *J)
{
	if (js_isregexp(J, 1) && js_isundefined(J, 2)) {
		js_copy(J, 1);
		return;
	}
	RegExp_new(J);
}

/* __ly_regexp(source, flags): a regexp literal with flags mujs's lexer
 * does not know (src/compile writes them so). */
static void
regexp_literal(js_State *J)
{
	new_regexp(J, js_tostring(J, 1), parse_flags(J, js_tostring(J, 2)));
}

/* Push the string method's regexp: the argument
 * itself, or new RegExp(arg). */
static void
to_regexp(js_State *J)
{
	if (js_isregexp(J, 1))
		js_copy(J, 1);
	else
		new_regexp(J, js_isundefined(J, 1) ? "" : js_tostring(J, 1), 0);
}

static const char *
this_string(js_State *J)
{
	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype method called on null or undefined");
	string_at(J, 0);
	return js_tostring(J, 0);
}

/* mujs's String.prototype.replace and split, the same C functions in
 * every state (regexp_define). */
static js_CFunction original_replace, original_split;

/* The original String.prototype method w, for arguments that are not
 * regexps: run in this call's place, it reads the same this and
 * arguments and pushes the result.  Its error for a this of null or
 * undefined names it, as when it was called as itself. */
static void
call_original(js_State *J, js_CFunction original, const char *w)
{
	if (!js_iscoercible(J, 0))
		js_typeerror(J, "String.prototype.%s called on null or undefined", w);
	original(J);
}

static void
Sp_match(js_State *J)
{
	struct mj_regexp *r;
	struct code *c;
	struct subject sj;
	PCRE2_SIZE *ov;
	size_t from = 0;
	int n = 0;

	settop(J, 2);
	this_string(J);
	to_regexp(J);				/* 2 */
	c = code_of(J, 2, &r);
	subject_open(J, 0, &sj, c, r->flags);
	if (!(r->flags & RE_G)) {
		if (builtin_exec(J, c, r, &sj))
			push_result(J, c, &sj, 0, r->flags);
		else
			js_pushnull(J);
		return;
	}
	last_set(r, 0);
	js_newarray(J);
	while (run(J, c, &sj, from, r->flags & RE_Y) >= 0) {
		ov = ovec(c, &sj);
		push_sub(J, &sj, ov[0], ov[1]);
		js_setindex(J, -2, n++);
		from = ov[1] == ov[0] ? subject_next(&sj, ov[1]) : ov[1];
	}
	if (n == 0)
		js_pushnull(J);
}

static void
Sp_search(js_State *J)
{
	struct mj_regexp *r;
	struct code *c;
	struct subject sj;

	settop(J, 2);
	this_string(J);
	to_regexp(J);
	c = code_of(J, 2, &r);
	subject_open(J, 0, &sj, c, r->flags);
	if (run(J, c, &sj, 0, r->flags & RE_Y) >= 0)
		js_pushnumber(J, subject_idx(&sj, ovec(c, &sj)[0]));
	else
		js_pushnumber(J, -1);
}

/* Append GetSubstitution(rep) for the match in c->md to out. */
static void
substitute(js_State *J, struct buf *out, const char *rep, struct code *c,
    const struct subject *sj)
{
	PCRE2_SIZE *ov = ovec(c, sj);
	const char *p, *q;
	int n;

	for (p = rep; *p; p++) {
		if (*p != '$' || p[1] == '\0') {
			buf_putc(out, *p);
			continue;
		}
		switch (p[1]) {
		case '$':
			buf_putc(out, '$');
			p++;
			continue;
		case '&':
			add_sub(J, out, sj, ov[0], ov[1]);
			p++;
			continue;
		case '`':
			add_sub(J, out, sj, 0, ov[0]);
			p++;
			continue;
		case '\'':
			add_sub(J, out, sj, ov[1], sj->len);
			p++;
			continue;
		case '<':
			if (c->names == NULL || (q = strchr(p + 2, '>')) == NULL)
				break;
			for (n = 1; n <= c->ncap; n++)
				if (c->names[n] != NULL &&
				    strlen(c->names[n]) == (size_t)(q - p - 2) &&
				    strncmp(c->names[n], p + 2, (size_t)(q - p - 2)) == 0)
					break;
			if (n <= c->ncap && ov[2 * n] != PCRE2_UNSET)
				add_sub(J, out, sj, ov[2 * n], ov[2 * n + 1]);
			p = q;
			continue;
		default:
			if (p[1] < '0' || p[1] > '9')
				break;
			n = p[1] - '0';
			if (p[2] >= '0' && p[2] <= '9' && n * 10 + (p[2] - '0') >= 1 &&
			    n * 10 + (p[2] - '0') <= c->ncap) {
				n = n * 10 + (p[2] - '0');
				p++;
			} else if (n < 1 || n > c->ncap)
				break;
			if (ov[2 * n] != PCRE2_UNSET)
				add_sub(J, out, sj, ov[2 * n], ov[2 * n + 1]);
			p++;
			continue;
		}
		buf_putc(out, '$');
	}
}

/* replace(regexp, fn): call fn(match, p1.., index, string[, groups])
 * for the match in c->md and append its string to out. */
static void
call_replacer(js_State *J, struct code *c, struct subject *sj, struct buf *out)
{
	PCRE2_SIZE *ov = ovec(c, sj);
	int i;

	js_copy(J, 2);
	js_pushundefined(J);
	for (i = 0; i <= c->ncap; i++) {
		if (ov[2 * i] == PCRE2_UNSET)
			js_pushundefined(J);
		else
			push_sub(J, sj, ov[2 * i], ov[2 * i + 1]);
	}
	js_pushnumber(J, subject_idx(sj, ov[0]));
	js_copy(J, 0);
	if (c->names != NULL)
		push_groups(J, c, sj, 0);
	js_call(J, c->ncap + 3 + (c->names != NULL));
	buf_puts(out, js_tostring(J, -1));
	js_pop(J, 1);
}

/* The loop of replace() once the first match (non-global) is in c->md:
 * the output into out. */
static void
replace_all(js_State *J, struct code *c, struct mj_regexp *r, struct subject *sj,
    const char *rep, struct buf *out)
{
	PCRE2_SIZE *ov;
	size_t from = 0, last = 0, s, e;
	int global = r->flags & RE_G;

	buf_add(out, "", 0);
	do {
		if (global && run(J, c, sj, from, r->flags & RE_Y) < 0)
			break;
		ov = ovec(c, sj);
		s = ov[0];
		e = ov[1];
		add_sub(J, out, sj, last, s > last ? s : last);
		if (rep != NULL)
			substitute(J, out, rep, c, sj);
		else
			call_replacer(J, c, sj, out);
		last = e > last ? e : last;
		from = e == s ? subject_next(sj, e) : e;
	} while (global);
	if (last < sj->len)
		add_sub(J, out, sj, last, sj->len);
}

static void
Sp_replace(js_State *J)
{
	struct mj_regexp *r;
	struct code *c;
	struct subject sj;
	struct buf out = BUF_INIT;
	const char *volatile rep = NULL;

	if (!js_isregexp(J, 1)) {
		call_original(J, original_replace, "replace");
		return;
	}
	this_string(J);
	settop(J, 3);
	if (!js_iscallable(J, 2)) {
		js_pushstring(J, js_tostring(J, 2));
		js_replace(J, 2);
		rep = js_tostring(J, 2);
	}
	c = code_of(J, 1, &r);
	subject_open(J, 0, &sj, c, r->flags);
	if (r->flags & RE_G)
		last_set(r, 0);
	else if (!builtin_exec(J, c, r, &sj)) {
		js_copy(J, 0);
		return;
	}
	if (js_try(J)) {
		buf_free(&out);
		js_throw(J);
	}
	replace_all(J, c, r, &sj, rep, &out);
	js_pushlstring(J, out.data, (int)out.len);
	js_endtry(J);
	buf_free(&out);
}

static void
Sp_split(js_State *J)
{
	struct mj_regexp *r;
	struct code *c;
	struct subject sj;
	PCRE2_SIZE *ov;
	double lim;
	size_t p = 0, q = 0, s, e;
	int n = 0, i, ncap;

	if (!js_isregexp(J, 1)) {
		call_original(J, original_split, "split");
		return;
	}
	settop(J, 3);
	lim = js_isundefined(J, 2) ? 4294967295.0 : (double)js_touint32(J, 2);
	this_string(J);
	c = code_of(J, 1, &r);
	subject_open(J, 0, &sj, c, r->flags);
	js_newarray(J);
	if (lim == 0)
		return;
	if (sj.len == 0) {
		if (run(J, c, &sj, 0, 1) < 0) {
			js_copy(J, 0);
			js_setindex(J, -2, 0);
		}
		return;
	}
	while (q < sj.len) {
		if (run(J, c, &sj, q, 0) < 0)
			break;
		ov = ovec(c, &sj);
		s = ov[0];
		e = ov[1];
		if (s >= sj.len)
			break;
		if (e == p) {
			q = subject_next(&sj, s);
			continue;
		}
		push_sub(J, &sj, p, s);
		js_setindex(J, -2, n++);
		if (n == lim)
			return;
		ncap = c->ncap;
		for (i = 1; i <= ncap; i++) {
			ov = ovec(c, &sj);
			if (ov[2 * i] == PCRE2_UNSET)
				js_pushundefined(J);
			else
				push_sub(J, &sj, ov[2 * i], ov[2 * i + 1]);
			js_setindex(J, -2, n++);
			if (n == lim)
				return;
		}
		p = q = e;
	}
	push_sub(J, &sj, p, sj.len);
	js_setindex(J, -2, n);
}

/* An accessor without a setter, its getter made on first use
 * (js/lazyprop.h) when it can be. */
static void
getter(js_State *J, const char *name, js_CFunction f, int bit)
{
	if (lazyprop_defer_getter(J, -1, name, f, name, 0,
	    (void *)(intptr_t)bit, JS_DONTENUM))
		return;
	js_newcfunctionx(J, f, name, 0, (void *)(intptr_t)bit, NULL);
	js_pushundefined(J);
	js_defaccessor(J, -3, name, JS_DONTENUM);
}

static void
method(js_State *J, const char *name, js_CFunction f, int length)
{
	js_newcfunction(J, f, name, length);
	js_defproperty(J, -2, name, JS_DONTENUM);
}

/* Method name of the object at -1 in the place of mujs's (called
 * mname), made on first use when mujs's still is (js/lazyprop.h): the C
 * function mujs's was or would have been made with. */
static js_CFunction
override(js_State *J, const char *name, const char *mname, js_CFunction f,
    int length)
{
	js_CFunction orig;

	if ((orig = lazyprop_override(J, -1, name, f, name, length)) != NULL)
		return runtime_builtin(mname, orig);
	js_getproperty(J, -1, name);
	orig = ((struct mj_object *)js_toobject(J, -1))->u.c.function;
	js_pop(J, 1);
	method(J, name, f, length);
	return orig;
}

void
regexp_define(js_State *J)
{
	static const struct {
		const char	*name;
		int		 bit;
	} flaggetters[] = {
		{ "dotAll", RE_S }, { "unicode", RE_U }, { "sticky", RE_Y },
		{ "hasIndices", RE_D },
	};
	size_t i;

	js_getglobal(J, "RegExp");
	js_setregistry(J, "ly.re.new");
	js_getglobal(J, "RegExp");
	js_getproperty(J, -1, "prototype");
	override(J, "exec", "RegExp.prototype.exec", Rp_exec, 1);
	override(J, "test", "RegExp.prototype.test", Rp_test, 1);
	override(J, "toString", "RegExp.prototype.toString", Rp_toString, 0);
	getter(J, "flags", Rp_flags, 0);
	for (i = 0; i < sizeof flaggetters / sizeof flaggetters[0]; i++)
		getter(J, flaggetters[i].name, Rp_flag, flaggetters[i].bit);
	/* The new constructor shares the prototype (mujs makes regexps with
	 * it); js_newcconstructor takes it from the stack. */
	js_newcconstructor(J, RegExp_call, RegExp_new, "RegExp", 2);
	js_defglobal(J, "RegExp", JS_DONTENUM);
	js_pop(J, 1);

	js_getglobal(J, "String");
	js_getproperty(J, -1, "prototype");
	override(J, "match", "String.prototype.match", Sp_match, 1);
	override(J, "search", "String.prototype.search", Sp_search, 1);
	original_replace = override(J, "replace",
	    "String.prototype.replace", Sp_replace, 2);
	original_split = override(J, "split",
	    "String.prototype.split", Sp_split, 2);
	js_pop(J, 2);

	js_pushglobal(J);
	runtime_setfn(J, regexp_literal, "__ly_regexp", 2);
	js_pop(J, 1);
}
