/* The selector compiler (js/html-select.c): cascadia's dialect and
 * messages, matching over a parsed page, and a brief fuzz of the parser
 * (mutated selectors must compile or fail cleanly, never crash). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "js/html.h"

static int
count(const struct html_doc *d, const char *sel)
{
	char *cause = NULL;
	struct html_sel *s = html_sel_compile(sel, &cause);
	size_t i;
	int n = 0;

	if (s == NULL)
		fail_msg("%s: %s", sel, cause);
	for (i = 0; i < d->n; i++)
		n += html_sel_match(s, d, (int)i);
	html_sel_free(s);
	return n;
}

static void
expect_error(const char *sel, const char *msg)
{
	char *cause = NULL;
	struct html_sel *s = html_sel_compile(sel, &cause);

	assert_null(s);
	assert_non_null(cause);
	if (strcmp(cause, msg) != 0)
		fail_msg("%s: want \"%s\", got \"%s\"", sel, msg, cause);
	free(cause);
}

static void
test_match(void **state)
{
	static const char page[] = "<ul id=l><li class='a b'>One<li lang=en-GB>Two"
	    "<li><input type=checkbox checked><li></ul><fieldset disabled><input id=i></fieldset>";
	struct html_doc *d = html_doc_parse(page, sizeof page - 1);

	(void)state;
	assert_int_equal(count(d, "li"), 4);
	assert_int_equal(count(d, "*"), 11);
	assert_int_equal(count(d, "#l > li.a.b"), 1);
	assert_int_equal(count(d, "li:nth-child(2n+1)"), 2);
	assert_int_equal(count(d, "li:nth-last-child(-n+2)"), 2);
	assert_int_equal(count(d, "li:lang(en)"), 1);
	assert_int_equal(count(d, ":checked"), 1);
	assert_int_equal(count(d, ":disabled"), 2);
	assert_int_equal(count(d, "li:empty"), 1);
	assert_int_equal(count(d, "li + li ~ li"), 2);
	assert_int_equal(count(d, "ul:haschild(li.a)"), 1);
	assert_int_equal(count(d, "li[lang|=en]"), 1);
	assert_int_equal(count(d, "li[lang#=^en-]"), 1);
	assert_int_equal(count(d, "li:matchesOwn(^T.o$)"), 1);
	assert_int_equal(count(d, "li:containsOwn(\"one\")"), 1);
	assert_int_equal(count(d, ":root"), 1);
	assert_int_equal(count(d, "li:hover"), 0);
	assert_int_equal(count(d, "l\\69"), 4);
	html_doc_free(d);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("", "expected selector, found EOF instead");
	expect_error("li:nope", "unknown pseudoclass or pseudoelement :nope");
	expect_error("p::before", "pseudo-element before found, but pseudo-elements support is disabled");
	expect_error("a[href", "unexpected EOF in attribute selector");
	expect_error("li:nth-child(x)", "unexpected character while attempting to parse expression of form an+b");
	expect_error("a)", "parsing \"a)\": 1 bytes left over");
	expect_error("a:not(b", "expected ')' but didn't find it");
	expect_error("[a=\"b]", "EOF in string");
}

static void
test_fuzz(void **state)
{
	static const char *const seeds[] = { "div > p.a:not(.b) + span[x^='y' i]",
	    "li:nth-last-of-type(-2n+3), a:has(> b), :contains(\"x\\\"y\")",
	    "a[href#=(https?)://] ~ b:matches([a-z]+) :lang(en)" };
	static const char alphabet[] = "abc-_\\:.#[]()=~|^$*!'\" +>,0123456789n\x80\xff";
	static const char page[] = "<p class=a><span x=yz>t</span></p><a href=x>y</a>";
	struct html_doc *d = html_doc_parse(page, sizeof page - 1);
	char buf[128], *cause;
	struct html_sel *s;
	unsigned long seed = 1;
	size_t i, k, len, j;

	(void)state;
	for (i = 0; i < 20000; i++) {
		strcpy(buf, seeds[i % 3]);
		len = strlen(buf);
		for (k = 0; k < 1 + i % 4; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			j = (seed >> 33) % (len + 1);
			if ((seed >> 20) & 1 && len > 0) {
				memmove(buf + j, buf + j + (j < len), len - j);
				len -= j < len;
			} else if (len + 1 < sizeof buf) {
				memmove(buf + j + 1, buf + j, len - j + 1);
				buf[j] = alphabet[(seed >> 40) % (sizeof alphabet - 1)];
				len++;
			}
			buf[len] = '\0';
		}
		cause = NULL;
		if ((s = html_sel_compile(buf, &cause)) != NULL) {
			for (j = 0; j < d->n; j++)
				html_sel_match(s, d, (int)j);
			assert_null(cause);
		} else
			assert_non_null(cause);
		html_sel_free(s);
		free(cause);
	}
	html_doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
