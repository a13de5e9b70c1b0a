/* Where the output of the compiler came from, for stack frames with
 * k6's columns.
 *
 * mujs numbers each instruction with a line of the text it compiled (the
 * ES5 output) and knows no columns.  The compiler starts a new output
 * line wherever the positions of one line would be hard to tell apart
 * (see lower.c), so the output has more lines than the source: lines[]
 * gives each output line's source line.  pos[] lists the source position
 * of every call, new, member access and throw the compiler emitted, in
 * the order mujs's compiler emits their instructions, each with the
 * output line mujs gives its instruction (key).  errmsg_mark matches them
 * to the instructions and numbers each matched instruction
 * posmap_id(map, i), above every output line, in place of its line;
 * posmap_where turns a number found in a stack frame back into a source
 * line and column.
 *
 * fns[] lists every function the output defines, in the order of its
 * "function" in the output, each keyed by the output line of that word
 * (the line mujs gives the compiled function) with the span of the
 * source it stands for in src, the source itself, or an empty span for a
 * function of the compiler's own (a class's scope, a state machine, a
 * loop body, an export's getter), and the hash of the name mujs gives it
 * (its ES5 name), which tells apart the functions of a line past the
 * lines the compiler adds: js/fnsource.c gives a function's
 * Function.prototype.toString from it.
 *
 * The positions are k6's (its engine's): a call's "(", a new's "new", a
 * member's name or its "[", a throw's "throw", a global's name, and for a
 * method read the end of its object (see docs/design.md); columns count
 * bytes from 1.
 * posmap_free(NULL) is a no-op. */
#ifndef LYOCELL_POSMAP_H
#define LYOCELL_POSMAP_H

#include <stddef.h>

/* The kinds of instructions a position names. */
enum {
	POS_CALL = 1,	/* CALL: the output line of its "this" */
	POS_METHOD,	/* GETPROP(_S) reading the method of a call */
	POS_GET,	/* GETPROP(_S), any other read */
	POS_SET,	/* SETPROP(_S) */
	POS_NEW,	/* NEW */
	POS_THROW,	/* the CALL of __ly.th in "throw __ly.th(x)" */
	POS_VAR,	/* GETVAR of a name no function of the file declares */
	POS_DESTR,	/* the CALL of __ly.oc or __ly.ad, a destructuring's check */
	POS_SUPER,	/* the CALL of __ly.sg, a read of super.x */
	POS_SUPERSET,	/* the CALL of __ly.ss, a write of super.x */
	POS_ITER	/* the CALL of a for-of's it.next() */
};

struct posmap_pos {
	unsigned	key;	/* the output line mujs gives the instruction */
	unsigned	kind;
	unsigned	line, col;	/* in the source */
};

struct posmap_fn {
	unsigned	key;		/* the output line of its "function" */
	unsigned	start, end;	/* its source text, src[start..end) */
	unsigned	name;		/* posmap_name of its ES5 name */
};

/* FNV-1a of a function's ES5 name. */
static inline unsigned
posmap_name(const char *s, size_t n)
{
	unsigned h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct posmap {
	unsigned	*lines;		/* lines[i]: source line of output line i+1 */
	size_t		 nlines;
	struct posmap_pos *pos;
	size_t		 npos;
	unsigned	 wrap;	/* columns k6's CommonJS wrapper adds to line 1 */
	struct posmap_fn *fns;		/* by key, then order in the output */
	size_t		 nfns;
	char		*src;		/* the source (owned), for fns */
	size_t		 srclen;
};

/* The number of pos[i] in a frame; mujs's lines are 16 bits, and
 * errmsg.c's marks take those from POSMAP_MAX_ID up: a position numbered
 * past them is not given to its instruction, which keeps its line. */
#define posmap_id(m, i)	((unsigned)((m)->nlines + 1 + (i)))
#define POSMAP_MAX_ID	32767

void	posmap_free(struct posmap *);
/* The source line (and column, 0 if unknown) of the number n of a frame
 * of the map's file; 0 if n is neither an output line nor a position.
 * A column that is known includes wrap. */
unsigned posmap_where(const struct posmap *, unsigned n, unsigned *col);
/* The kind of the position numbered n, or 0 if n is none. */
unsigned posmap_kind(const struct posmap *, unsigned n);

#endif
