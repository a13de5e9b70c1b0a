/* The ES2022 tokenizer.
 *
 * A lexer borrows the source text and the arena (for cooked strings) for
 * its lifetime.  Whether '/' starts a regular expression is the parser's
 * decision: it calls lexer_regex when an expression may start there.  The
 * same goes for template literals: after the expression of a ${...}, the
 * parser calls lexer_template_resume at the closing brace.  Errors longjmp
 * through the jmp_buf the caller gave, with lexer_error's message set. */
#ifndef LYOCELL_LEXER_H
#define LYOCELL_LEXER_H

#include <setjmp.h>
#include <stddef.h>

struct arena;
struct buf;

enum token_type {
	T_EOF = 0,
	/* Single-character punctuators are their own character code. */
	T_NAME = 256, T_PRIVATE, T_NUM, T_STR, T_TEMPLATE, T_REGEX,
	T_EQ, T_SEQ, T_NE, T_SNE, T_LE, T_GE, T_SHL, T_SHR, T_USHR,
	T_INC, T_DEC, T_AND, T_OR, T_NULLISH, T_OPTCHAIN, T_ARROW,
	T_ELLIPSIS, T_EXP,
	T_ADD_AS, T_SUB_AS, T_MUL_AS, T_DIV_AS, T_MOD_AS, T_EXP_AS,
	T_SHL_AS, T_SHR_AS, T_USHR_AS, T_AND_AS, T_OR_AS, T_XOR_AS,
	T_LAND_AS, T_LOR_AS, T_NULLISH_AS,
	T_MAX
};

/* Token flags. */
#define TF_ESCAPED	0x01	/* identifier had \u escapes: never a keyword */
#define TF_TAIL		0x02	/* template piece ending with ` */
#define TF_BADESC	0x04	/* template piece with an invalid escape */
#define TF_OCTAL	0x08	/* string or number with a legacy octal form */
#define TF_BIGINT	0x10	/* numeric literal with the n suffix */

struct token {
	int		 type;
	int		 flags;
	int		 nlb;		/* a line terminator precedes it */
	int		 line;
	unsigned	 pos, end;
	const char	*s;		/* name, cooked string, regex text */
	size_t		 n;
	const char	*raw;		/* template raw text */
	size_t		 rawn;
	double		 num;
};

struct lexer {
	const char	*src;
	size_t		 len;
	size_t		 pos;
	int		 line;
	struct arena	*arena;
	jmp_buf		*jmp;
	char		*err;		/* owned message, set before longjmp */
	unsigned	 errpos;
	int		 errline;
	struct token	 tok;
	struct buf	*sb, *rb;	/* scratch, freed by lexer_free */
};

void	lexer_init(struct lexer *, const char *src, size_t len, struct arena *,
	    jmp_buf *);
/* Release the lexer's scratch buffers. */
void	lexer_free(struct lexer *);
/* Scan the next token into lx->tok. */
void	lexer_next(struct lexer *);
/* Rescan the current '/' or '/=' token as a regular expression literal. */
void	lexer_regex(struct lexer *);
/* Rescan from the current '}' token as the continuation of a template. */
void	lexer_template_resume(struct lexer *);
/* Report an error at a byte offset (never returns). */
void	lexer_fail(struct lexer *, unsigned pos, int line, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5), noreturn));
/* A token type's spelling, for messages. */
const char *lexer_token_name(int);
/* Column (1-based, in code points) of a byte offset. */
int	lexer_column(const char *src, size_t len, size_t pos);
/* "name:line:col: msg" followed by a code frame, as an owned string. */
char	*lexer_frame(const char *name, const char *src, size_t len, int line,
	    size_t pos, const char *msg);

#endif
