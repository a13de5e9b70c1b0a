/* Unit tests for src/compile/lexer.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compile/ast.h"
#include "compile/lexer.h"

struct lexed {
	struct arena	arena;
	struct lexer	lx;
	jmp_buf		jmp;
};

/* Scan all of src; returns the number of tokens, or -1 on an error (its
 * message left in L->lx.err). */
static int
lex_all(struct lexed *L, const char *src, struct token *toks, int max)
{
	volatile int n = 0;

	memset(&L->arena, 0, sizeof L->arena);
	lexer_init(&L->lx, src, strlen(src), &L->arena, &L->jmp);
	if (setjmp(L->jmp) != 0)
		return -1;
	for (;;) {
		lexer_next(&L->lx);
		if (L->lx.tok.type == T_EOF)
			break;
		if (n < max)
			toks[n] = L->lx.tok;
		n++;
	}
	return n;
}

static void
lex_done(struct lexed *L)
{
	free(L->lx.err);
	lexer_free(&L->lx);
	arena_free(&L->arena);
}

static void
test_punctuators(void **state)
{
	struct lexed L;
	struct token t[32];
	static const int want[] = { T_USHR_AS, T_ELLIPSIS, T_SEQ, T_SNE,
	    T_NULLISH_AS, T_NULLISH, T_OPTCHAIN, T_ARROW, T_EXP_AS, T_EXP,
	    T_LAND_AS, T_LOR_AS, '?', T_NUM, '{', '}' };
	int i, n = lex_all(&L, ">>>= ... === !== ?\?= ?? ?. => **= ** &&= ||= ?.5 {}",
	    t, 32);

	assert_int_equal(n, 16);
	for (i = 0; i < 16; i++)
		assert_int_equal(t[i].type, want[i]);
	lex_done(&L);
}

static void
test_numbers(void **state)
{
	struct lexed L;
	struct token t[16];
	int n = lex_all(&L, "0b1010 0O17 0xFf 1_000 .5e1 017 019 1e-2 0", t, 16);

	assert_int_equal(n, 9);
	assert_true(t[0].num == 10);
	assert_true(t[1].num == 15);
	assert_true(t[2].num == 255);
	assert_true(t[3].num == 1000);
	assert_true(t[4].num == 5);
	assert_true(t[5].num == 15);	/* legacy octal */
	assert_true(t[6].num == 19);	/* not octal: has a 9 */
	assert_true(t[7].num == 0.01);
	lex_done(&L);
	assert_int_equal(lex_all(&L, "1__0", t, 16), -1);
	lex_done(&L);
	assert_int_equal(lex_all(&L, "1_", t, 16), -1);
	lex_done(&L);
	assert_int_equal(lex_all(&L, "3in", t, 16), -1);
	lex_done(&L);
	n = lex_all(&L, "10n", t, 16);
	assert_int_equal(n, 1);
	assert_true(t[0].flags & TF_BIGINT);
	lex_done(&L);
}

static void
test_strings(void **state)
{
	struct lexed L;
	struct token t[16];
	int n = lex_all(&L, "'a\\tb' \"\\u{1F600}\" '\\x41\\u0042' '\\uD83D\\uDE00' 'l\\\nc'",
	    t, 16);

	assert_int_equal(n, 5);
	assert_int_equal(t[0].n, 3);
	assert_memory_equal(t[0].s, "a\tb", 3);
	assert_string_equal(t[1].s, "\xf0\x9f\x98\x80");
	assert_string_equal(t[2].s, "AB");
	assert_string_equal(t[3].s, "\xf0\x9f\x98\x80");
	assert_string_equal(t[4].s, "lc");
	lex_done(&L);
	assert_int_equal(lex_all(&L, "'abc\n'", t, 16), -1);
	assert_non_null(strstr(L.lx.err, "Invalid or unexpected token"));
	lex_done(&L);
}

static void
test_lines(void **state)
{
	struct lexed L;
	struct token t[16];
	int n = lex_all(&L, "a\nb\r\nc\xe2\x80\xa8" "d /* x\ny */ e // z\nf", t, 16);

	assert_int_equal(n, 6);
	assert_int_equal(t[0].line, 1);
	assert_int_equal(t[1].line, 2);
	assert_int_equal(t[2].line, 3);
	assert_int_equal(t[3].line, 4);
	assert_int_equal(t[4].line, 5);
	assert_true(t[4].nlb);
	assert_int_equal(t[5].line, 6);
	assert_false(t[0].nlb);
	assert_true(t[1].nlb);
	lex_done(&L);
}

static void
test_regex_rescan(void **state)
{
	struct lexed L;
	jmp_buf *j = &L.jmp;

	memset(&L.arena, 0, sizeof L.arena);
	lexer_init(&L.lx, "/a[/]b\\/c/gi.x", 14, &L.arena, j);
	if (setjmp(L.jmp) != 0)
		fail();
	lexer_next(&L.lx);
	assert_int_equal(L.lx.tok.type, '/');
	lexer_regex(&L.lx);
	assert_int_equal(L.lx.tok.type, T_REGEX);
	assert_int_equal(L.lx.tok.n, 12);
	lexer_next(&L.lx);
	assert_int_equal(L.lx.tok.type, '.');
	lex_done(&L);
}

static void
test_template(void **state)
{
	struct lexed L;

	memset(&L.arena, 0, sizeof L.arena);
	lexer_init(&L.lx, "`a\\n${x}b\r\nc`", 14, &L.arena, &L.jmp);
	if (setjmp(L.jmp) != 0)
		fail();
	lexer_next(&L.lx);
	assert_int_equal(L.lx.tok.type, T_TEMPLATE);
	assert_false(L.lx.tok.flags & TF_TAIL);
	assert_string_equal(L.lx.tok.s, "a\n");
	assert_string_equal(L.lx.tok.raw, "a\\n");
	lexer_next(&L.lx);
	assert_int_equal(L.lx.tok.type, T_NAME);
	lexer_next(&L.lx);
	assert_int_equal(L.lx.tok.type, '}');
	lexer_template_resume(&L.lx);
	assert_true(L.lx.tok.flags & TF_TAIL);
	assert_string_equal(L.lx.tok.s, "b\nc");
	assert_string_equal(L.lx.tok.raw, "b\nc");
	lex_done(&L);
}

static void
test_identifiers(void **state)
{
	struct lexed L;
	struct token t[8];
	int n = lex_all(&L, "caf\xc3\xa9 \\u0061bc #priv $_x1", t, 8);

	assert_int_equal(n, 4);
	assert_int_equal(t[0].n, 5);
	assert_string_equal(t[1].s, "abc");
	assert_true(t[1].flags & TF_ESCAPED);
	assert_int_equal(t[2].type, T_PRIVATE);
	assert_int_equal(t[2].n, 4);
	assert_int_equal(t[3].n, 4);
	lex_done(&L);
	/* Escapes must stand for identifier characters. */
	assert_int_equal(lex_all(&L, "a\\u2028b", t, 8), -1);
	lex_done(&L);
	assert_int_equal(lex_all(&L, "\\u{30}x", t, 8), -1);
	lex_done(&L);
	assert_int_equal(lex_all(&L, "x\\u{30}", t, 8), 1);
	assert_string_equal(t[0].s, "x0");
	lex_done(&L);
}

static void
test_frame(void **state)
{
	const char *src = "let a;\n\tb \xc3\xa9 = ;\n";
	char *m = lexer_frame("s.js", src, strlen(src), 2, 15, "Unexpected token ';'");

	assert_string_equal(m,
	    "SyntaxError: s.js:2:8: Unexpected token ';'\n"
	    "  1 | let a;\n"
	    "> 2 | \tb \xc3\xa9 = ;\n"
	    "    | \t      ^\n"
	    "  3 |");
	free(m);
	assert_int_equal(lexer_column(src, strlen(src), 15), 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_punctuators),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_regex_rescan),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_identifiers),
		cmocka_unit_test(test_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
