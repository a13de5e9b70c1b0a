/* The engine's messages for the common runtime errors, in the words of
 * k6's engine (sobek, a goja): a script that logs or checks e.message,
 * and the error line k6 prints, read the same.
 *
 * How: mujs raises these errors through functions of libmujs.so that it
 * calls through its PLT (js_toobject, js_typeerror, js_referenceerror,
 * js_rangeerror), so the definitions below take their place.  mujs words
 * a member access on undefined "cannot convert undefined to object" and
 * knows neither the member's name nor whether it reads, writes or calls;
 * the instruction that raised it does, and the operation is the one whose
 * operands sit where the faulty value sits on the stack.  mujs keeps, in
 * the frame, the line of the running instruction, not the instruction:
 * each instruction's code starts with its line.  So where a line of a
 * function reads members of several names (a.b.c), errmsg_mark gives each
 * of those reads, once per compilation, a number of its own in place of
 * its line (a "mark", above any line of the script), and the frame then
 * names the very instruction; the marks go back to their lines before
 * any error records its stack (every error mujs makes passes through
 * here or through the Error constructors, js/builtins.c).  Elsewhere the
 * line's one name is the name.  When marks run out (very long one-line
 * bundles), a read whose object is a variable the frame sees set is not
 * the one, and the last remaining read is taken.  Only the error path
 * pays for this; js_toobject costs what mujs's does.
 *
 * The same pass over each compilation gives a call written over several
 * lines the line of its "(" (see call_lines), and, in a file the compiler
 * mapped, each call, new, member access, throw and global read the
 * number of its source position in place of its line (see columns).
 *
 * `in` asks mujs's js_hasproperty, which runs a getter to push a value
 * `in` then drops: from that call site (found once by a probe) a getter
 * is not run, as in JavaScript. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/posmap.h"
#include "compile/username.h"
#include "js/asyncfn.h"
#include "js/errmsg.h"
#include "js/error.h"
#include "js/jsonerr.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "js/symbol.h"
#include "util/buf.h"
#include "util/xmalloc.h"


/* js_Environment */
struct mj_env {
	struct mj_env		*outer;
	struct mj_object	*variables;
};

void	*jsV_toobject(js_State *, void *);
void	*jsV_getproperty(js_State *, void *, const char *);

/*
 * Marks: line slots from MARK_MIN up name an instruction.  A script with a
 * line that high keeps its lines (mujs's lines are 16 bits).
 */
#define MARK_MIN	32768
#define MARK_N		(65536 - MARK_MIN)

struct mark {
	const struct mj_function	*F;
	const unsigned short		*insn;
	int				 line;
};

static struct mark *marks;
static int nmarks, marks_cap;

static const struct mark *
mark_of(int slot)
{
	if (slot < MARK_MIN || slot - MARK_MIN >= nmarks)
		return NULL;
	return &marks[slot - MARK_MIN];
}

/* The line of an instruction. */
static int
insn_line(const unsigned short *p)
{
	const struct mark *m = mark_of(p[0]);

	return m != NULL && m->insn == p ? m->line : p[0];
}

static int
max_line(const struct mj_function *F, int depth)
{
	const unsigned short *p = F->code, *end = p + F->codelen;
	int i, n = F->line, k;

	for (; p < end; p += mj_insn_len(p))
		if (p[0] > n)
			n = p[0];
	for (i = 0; i < F->funlen && depth < 200; i++)
		if (F->funtab[i] != F && (k = max_line(F->funtab[i],
		    depth + 1)) > n)
			n = k;
	return n;
}

/* An instruction a mark may name: a member read (the name it reads), a
 * call or a new (no name). */
struct read {
	int			 line;
	const char		*name;
	unsigned short		*insn;
};

static int
read_cmp(const void *a, const void *b)
{
	const struct read *x = a, *y = b;

	return x->line != y->line ? (x->line < y->line ? -1 : 1) :
	    x->insn < y->insn ? -1 : x->insn > y->insn;
}

/* Marks F's instructions of the kind (member reads: ops[0] alone; calls:
 * both) that share a line with another of that kind: member reads of
 * another name, any other call. */
static void
mark_kind(struct mj_function *F, int op1, int op2)
{
	unsigned short *p, *end = F->code + F->codelen;
	struct read *r = NULL;
	size_t n = 0, i, j, k;
	int distinct;

	for (p = F->code; p < end; p += mj_insn_len(p))
		if (p[1] == op1 || p[1] == op2)
			n++;
	if (n < 2)
		return;
	r = xreallocarray(NULL, n, sizeof *r);
	for (n = 0, p = F->code; p < end; p += mj_insn_len(p))
		if (p[1] == op1 || p[1] == op2) {
			r[n].line = p[0];
			r[n].name = p[1] == OP_GETPROP_S ? mj_insn_str(p) : "";
			r[n++].insn = p;
		}
	qsort(r, n, sizeof *r, read_cmp);
	for (i = 0; i < n; i = j) {
		distinct = op1 != OP_GETPROP_S;
		for (j = i + 1; j < n && r[j].line == r[i].line; j++)
			if (strcmp(r[j].name, r[i].name) != 0)
				distinct = 1;
		for (k = i; distinct && j - i > 1 && k < j &&
		    nmarks < MARK_N; k++) {
			if (nmarks == marks_cap) {
				marks_cap = marks_cap == 0 ? 1024 : marks_cap * 2;
				marks = xreallocarray(marks, (size_t)marks_cap,
				    sizeof *marks);
			}
			marks[nmarks].F = F;
			marks[nmarks].insn = r[k].insn;
			marks[nmarks].line = r[k].line;
			r[k].insn[0] = (unsigned short)(MARK_MIN + nmarks++);
		}
	}
	free(r);
}

static void
mark_function(struct mj_function *F, int depth)
{
	int i;

	mark_kind(F, OP_GETPROP_S, OP_GETPROP_S);
	mark_kind(F, OP_CALL, OP_NEW);
	for (i = 0; i < F->funlen && depth < 200; i++)
		if (F->funtab[i] != F)
			mark_function(F->funtab[i], depth + 1);
}

/*
 * The line of a call.  mujs gives a call instruction the line of the last
 * thing its arguments compiled, so a call written over several lines,
 * check(res, { ... }), says its last line; k6 says the line of its "(".
 * A call with arguments says here the line its first argument starts on,
 * never later than mujs's: the stack depth before each instruction tells
 * where the arguments start.
 */

/* How an opcode changes the stack depth when it goes on to the next
 * instruction; END: it does not (JUMP, THROW, RETURN); VAR: see depths. */
#define END	100
#define VAR	101
static const signed char effect[] = {
	/* POP DUP DUP2 ROT2 ROT3 ROT4 */ -1, 1, 2, 0, 0, 0,
	/* INTEGER NUMBER STRING CLOSURE */ 1, 1, 1, 1,
	/* NEWARRAY NEWOBJECT NEWREGEXP */ 1, 1, 1,
	/* UNDEF NULL TRUE FALSE THIS CURRENT */ 1, 1, 1, 1, 1, 1,
	/* GETLOCAL SETLOCAL DELLOCAL */ 1, 0, 1,
	/* HASVAR GETVAR SETVAR DELVAR */ 1, 1, 0, 1,
	/* IN */ -1,
	/* INITARRAY INITPROP INITGETTER INITSETTER */ -1, -2, -2, -2,
	/* GETPROP GETPROP_S SETPROP SETPROP_S DELPROP DELPROP_S */
	-1, 0, -2, -1, -1, 0,
	/* ITERATOR NEXTITER EVAL CALL NEW */ 0, VAR, 0, VAR, VAR,
	/* TYPEOF POS NEG BITNOT LOGNOT INC DEC */ 0, 0, 0, 0, 0, 0, 0,
	/* POSTINC POSTDEC */ 1, 1,
	/* MUL ... STRICTNE */ -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1,
	/* JCASE */ VAR,
	/* BITAND BITXOR BITOR INSTANCEOF */ -1, -1, -1, -1,
	/* THROW TRY ENDTRY CATCH ENDCATCH WITH ENDWITH DEBUGGER */
	END, VAR, 0, -1, 0, -1, 0, 0,
	/* JUMP JTRUE JFALSE RETURN */ VAR, -1, -1, END,
};
#define NOPS	((int)sizeof effect)
/* one per opcode, OP_POP to OP_RETURN */
typedef char effect_covers_every_opcode[sizeof effect == 84 ? 1 : -1];

/* d[off] = the stack depth before the instruction at code offset off,
 * -1 if none; -1 if F's code is not as this reads it. */
static int
depths(const struct mj_function *F, int *d)
{
	const unsigned short *c = F->code;
	int off, len, op, cur = 0, next, target, tdepth;

	for (off = 0; off < F->codelen; off++)
		d[off] = -1;
	for (off = 0; off < F->codelen; off += len) {
		len = mj_insn_len(c + off);
		op = c[off + 1];
		if (op >= NOPS || off + len > F->codelen)
			return -1;
		if (cur < 0)
			cur = d[off];	/* reached only by a jump */
		if (cur < 0)
			continue;	/* never reached: mujs's last return */
		if (d[off] >= 0 && d[off] != cur)
			return -1;
		d[off] = cur;
		target = -1;
		tdepth = cur;
		switch (effect[op] == VAR ? op : -1) {
		case OP_NEXTITER:
			/* "iobj name true" or "false", then JFALSE */
			if (off + len + 2 >= F->codelen ||
			    c[off + len + 1] != OP_JFALSE)
				return -1;
			d[off + len] = cur + 2;
			target = c[off + len + 2];
			tdepth = cur - 1;
			next = cur + 1;
			if (target < F->codelen && d[target] < 0)
				d[target] = tdepth;
			else if (target >= F->codelen || d[target] != tdepth)
				return -1;
			cur = next;
			off += len;
			len = mj_insn_len(c + off);
			continue;
		case OP_CALL:
			next = cur - c[off + 2] - 1;
			break;
		case OP_NEW:
			next = cur - c[off + 2];
			break;
		case OP_JCASE:
			next = cur - 1;
			target = c[off + 2];
			tdepth = cur - 2;
			break;
		case OP_TRY:
			/* the handler follows, with the exception */
			next = cur + 1;
			target = c[off + 2];
			break;
		case OP_JUMP:
			next = -1;
			target = c[off + 2];
			break;
		default:
			next = effect[op] == END ? -1 : cur + effect[op];
			if (op == OP_JTRUE || op == OP_JFALSE) {
				target = c[off + 2];
				tdepth = next;
			}
		}
		if (target >= 0) {
			if (target >= F->codelen || tdepth < 0)
				return -1;
			if (d[target] < 0)
				d[target] = tdepth;
			else if (d[target] != tdepth)
				return -1;
		}
		if (next < -1 || (next == -1 && effect[op] != END &&
		    op != OP_JUMP))
			return -1;
		cur = next;
	}
	return 0;
}

/* The last instruction before the arguments of the call or new at off
 * (d: depths): for a call, the one that pushes its "this" (ROT2 of
 * o.m(...), UNDEF of f(...)); for a new, its callee's last.  NULL if not
 * found. */
static unsigned short *
before_args(const struct mj_function *F, const int *d, int off)
{
	unsigned short *c = F->code, *p = c + off, *q;
	int n = p[2], base, i;

	/* the callee's slot; for a call, "this" is above it */
	base = d[off] - n - (p[1] == OP_CALL ? 2 : 1);
	if (base < 0)
		return NULL;
	/* the last instruction before the arguments at the callee's (or
	 * its this's) depth */
	for (i = off - 1; i >= 0; i--)
		if (d[i] >= 0 && d[i] <= base + (p[1] == OP_CALL))
			break;
	if (i < 0)
		return NULL;
	q = c + i;
	/* o.m(...): "o DUP GETPROP_S m ROT2" or "o DUP key GETPROP ROT2";
	 * f(...): "f UNDEF" */
	if (q[1] == OP_DUP) {
		for (q += mj_insn_len(q); q < p && !(q[1] == OP_ROT2 &&
		    d[q - c] == base + 2); q += mj_insn_len(q))
			;
		if (q == p)
			return NULL;
	}
	return q;
}

static void
call_lines(struct mj_function *F, const int *d)
{
	unsigned short *c = F->code, *p, *q;
	int off, len;

	for (off = 0; off < F->codelen; off += len) {
		p = c + off;
		len = mj_insn_len(p);
		if ((p[1] != OP_CALL && p[1] != OP_NEW) || p[2] == 0 ||
		    d[off] < 0 || (q = before_args(F, d, off)) == NULL)
			continue;
		q += mj_insn_len(q);	/* the first argument's first */
		if (q < p && q[0] > 0 && q[0] < p[0])
			p[0] = q[0];
	}
}

/*
 * Columns.  The compiler's map of a file (compile/posmap.h) lists the
 * source position of each call, new, member access and throw it emitted,
 * keyed by the line mujs gives its instruction and in the order mujs
 * emits them.  Here the instructions of each kind and line are matched to
 * those positions in order, and each matched instruction gets the
 * position's number in place of its line.  Where the counts differ (code
 * the compiler wrote for itself, a construct it does not list) the
 * instructions keep their lines, whose columns are where the lines start;
 * a count that is a multiple of the positions' is a finally block mujs
 * compiled once for each way out of its try.
 */
struct pmfile {
	const char		*filename;
	const struct posmap	*map;
	size_t			*order;		/* map->pos by key, kind, index */
};

static struct pmfile *pmfiles;
static size_t npmfiles;

static int
pos_cmp(const struct posmap_pos *a, size_t ia, const struct posmap_pos *b,
    size_t ib)
{
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return ia < ib ? -1 : ia > ib;
}

static const struct posmap_pos *sort_pos;

static int
order_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return pos_cmp(&sort_pos[x], x, &sort_pos[y], y);
}

void
errmsg_posmap(const char *filename, const struct posmap *map)
{
	struct pmfile *f = NULL;
	size_t i;

	for (i = 0; i < npmfiles; i++)
		if (strcmp(pmfiles[i].filename, filename) == 0)
			f = &pmfiles[i];
	if (f != NULL && f->map == map)
		return;
	if (f == NULL) {
		pmfiles = xreallocarray(pmfiles, npmfiles + 1, sizeof *pmfiles);
		f = &pmfiles[npmfiles++];
		f->filename = xstrdup(filename);
	} else
		free(f->order);
	f->map = map;
	f->order = NULL;
	if (map == NULL || map->npos == 0)
		return;
	f->order = xreallocarray(NULL, map->npos, sizeof *f->order);
	for (i = 0; i < map->npos; i++)
		f->order[i] = i;
	sort_pos = map->pos;
	qsort(f->order, map->npos, sizeof *f->order, order_cmp);
}

static const struct pmfile *
pmfile_of(const char *filename)
{
	size_t i;

	for (i = 0; filename != NULL && i < npmfiles; i++)
		if (strcmp(pmfiles[i].filename, filename) == 0)
			return pmfiles[i].map != NULL &&
			    pmfiles[i].order != NULL ? &pmfiles[i] : NULL;
	return NULL;
}

const struct posmap *
errmsg_map(const char *filename)
{
	size_t i;

	for (i = 0; filename != NULL && i < npmfiles; i++)
		if (strcmp(pmfiles[i].filename, filename) == 0)
			return pmfiles[i].map;
	return NULL;
}

/* An instruction a position may name. */
struct site {
	struct posmap_pos	 pos;	/* key and kind */
	unsigned short		*insn;
};

static int
site_cmp(const void *a, const void *b)
{
	const struct site *x = a, *y = b;

	if (x->pos.key != y->pos.key || x->pos.kind != y->pos.kind)
		return pos_cmp(&x->pos, 0, &y->pos, 0);
	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

/* The variable an instruction reads, if it reads one. */
static const char *
var_read(const struct mj_function *F, const unsigned short *p)
{
	if (p != NULL && (p[1] == OP_GETVAR || p[1] == OP_HASVAR))
		return mj_insn_str(p);
	if (p != NULL && p[1] == OP_GETLOCAL && p[2] >= 1 && p[2] <= F->varlen)
		return F->vartab[p[2] - 1];
	return NULL;
}

/* Whether a variable is the compiler's own, whose members it does not
 * list: a name with a "$" in it, but for the user's this and arguments
 * in an arrow function. */
static int
own_var(const char *v)
{
	return v != NULL && strchr(v, '$') != NULL &&
	    strcmp(v, "_this$") != 0 && strcmp(v, "_args$") != 0;
}

/* Whether a member read at index i of ins (an object then the read, or
 * "object DUP read" for a method) reads the compiler's own variable, as
 * lower.c leaves out. */
static int
own_object(const struct mj_function *F, unsigned short **ins, int i,
    int method)
{
	if (ins[i][1] != OP_GETPROP_S)
		return 0;
	if (method && (i < 1 || ins[i - 1][1] != OP_DUP))
		return 0;
	i -= method ? 2 : 1;
	return i >= 0 && own_var(var_read(F, ins[i]));
}

/* Whether the call whose "this" ins[t] pushes is the compiler's own (1):
 * its tick, or a helper of __ly or of a generator's state; but the
 * helpers that stand for the user's throw (__ly.th: 2), call with spread
 * arguments and a super method (__ly.ap, __ly.sm: 3), new with them
 * (__ly.nw: 4), the check of a destructuring's value (__ly.oc, and
 * __ly.ad of an array pattern: 5), a read of super.x (__ly.sg: 6) and
 * a write (__ly.ss: 7), and a for-of's it.next() of a variable of the
 * compiler's (8); __ly.sv, the same read where k6 notes no position of
 * its own, is the compiler's. */
static int
own_call(const struct mj_function *F, unsigned short **ins, int t)
{
	const char *v;

	if (ins[t][1] == OP_UNDEF)
		return t >= 1 && (v = var_read(F, ins[t - 1])) != NULL &&
		    strcmp(v, "__ly_tick") == 0;
	if (t < 3 || ins[t][1] != OP_ROT2 || ins[t - 1][1] != OP_GETPROP_S ||
	    ins[t - 2][1] != OP_DUP || (v = var_read(F, ins[t - 3])) == NULL)
		return 0;
	if (strcmp(v, "__ly") == 0) {
		v = mj_insn_str(ins[t - 1]);
		return strcmp(v, "th") == 0 ? 2 : strcmp(v, "ap") == 0 ||
		    strcmp(v, "sm") == 0 ? 3 : strcmp(v, "nw") == 0 ? 4 :
		    strcmp(v, "oc") == 0 || strcmp(v, "ad") == 0 ? 5 :
		    strcmp(v, "sg") == 0 ? 6 : strcmp(v, "ss") == 0 ? 7 : 1;
	}
	if (strncmp(v, "_$", 2) != 0)
		return 0;
	return strcmp(mj_insn_str(ins[t - 1]), "next") == 0 ? 8 : 1;
}

/* F and the functions it is in, innermost first, each with the names it
 * declares, sorted: its variables, parameters and functions, its own
 * name and its catch clauses' parameters. */
struct nest {
	const struct mj_function	*F;
	const struct nest		*up;
	const char			**names;
	size_t				 nnames;
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
nest_names(struct nest *n)
{
	const struct mj_function *F = n->F;
	const unsigned short *p, *end = F->code + F->codelen;
	size_t cap = (size_t)F->varlen + 1;
	int i;

	for (p = F->code; p < end; p += mj_insn_len(p))
		cap += p[1] == OP_CATCH;
	n->names = xreallocarray(NULL, cap, sizeof *n->names);
	n->nnames = 0;
	for (i = 0; i < F->varlen; i++)
		n->names[n->nnames++] = F->vartab[i];
	if (F->name != NULL)
		n->names[n->nnames++] = F->name;
	for (p = F->code; p < end; p += mj_insn_len(p))
		if (p[1] == OP_CATCH)
			n->names[n->nnames++] = mj_insn_str(p);
	qsort(n->names, n->nnames, sizeof *n->names, name_cmp);
}

static int
declared(const struct nest *n, const char *name)
{
	for (; n != NULL; n = n->up)
		if (bsearch(&name, n->names, n->nnames, sizeof *n->names,
		    name_cmp) != NULL)
			return 1;
	return 0;
}

/* Whether the GETVAR at p reads a global the compiler lists (lower.c's
 * emit_ident_read). */
static int
global_read(const struct nest *n, const unsigned short *p)
{
	const char *v = mj_insn_str(p);

	return strchr(v, '$') == NULL && strncmp(v, "__ly", 4) != 0 &&
	    strcmp(v, "arguments") != 0 && !declared(n, v);
}

/* The instruction that pushed the object the SETPROP_S ins[i] writes:
 * the last before it below the value's depth ("o value SETPROP_S"). */
static unsigned short *
set_object(const struct mj_function *F, unsigned short **ins, const int *d,
    int i)
{
	int at = d[ins[i] - F->code], j;

	for (j = i - 1; at >= 2 && j >= 0; j--)
		if (d[ins[j] - F->code] >= 0 && d[ins[j] - F->code] <= at - 2)
			return ins[j];
	return NULL;
}

/* F's instructions in order (*ins, owned) and the index of each by its
 * code offset (*idx, owned); their count. */
static int
insns(struct mj_function *F, unsigned short ***ins, int **idx)
{
	unsigned short *c = F->code;
	int off, n = 0;

	*ins = xreallocarray(NULL, (size_t)F->codelen, sizeof **ins);
	*idx = xreallocarray(NULL, (size_t)F->codelen, sizeof **idx);
	for (off = 0; off < F->codelen; off += mj_insn_len(c + off)) {
		(*idx)[off] = n;
		(*ins)[n++] = c + off;
	}
	return n;
}

static void
columns(struct mj_function *F, const struct pmfile *pf, const struct nest *nest,
    const int *d)
{
	const struct posmap *m = pf->map;
	unsigned short *c = F->code, *p, *q, **ins = NULL;
	struct site *s = NULL;
	int *idx = NULL, n, i, kind;
	size_t ns = 0, j, k, lo, hi, ne, ni;

	n = insns(F, &ins, &idx);
	s = xreallocarray(NULL, (size_t)F->codelen, sizeof *s);
	for (i = 0; i < n; i++) {
		p = ins[i];
		kind = 0;
		switch (p[1]) {
		case OP_CALL:
			if (d[p - c] < 0 || (q = before_args(F, d,
			    (int)(p - c))) == NULL)
				continue;
			/* throw x: "throw __ly.th(x)", whose call makes the
			 * stack */
			kind = own_call(F, ins, idx[q - c]);
			if (kind == 1)
				continue;
			s[ns].pos.key = q[0];
			s[ns].pos.kind = kind == 2 ? POS_THROW : kind == 4 ?
			    POS_NEW : kind == 5 ? POS_DESTR : kind == 6 ?
			    POS_SUPER : kind == 7 ? POS_SUPERSET : kind == 8 ?
			    POS_ITER : POS_CALL;
			s[ns++].insn = p;
			continue;
		case OP_GETPROP_S: case OP_GETPROP:
			kind = i + 1 < n && ins[i + 1][1] == OP_ROT2 ?
			    POS_METHOD : POS_GET;
			if (own_object(F, ins, i, kind == POS_METHOD))
				continue;
			break;
		case OP_SETPROP_S: case OP_SETPROP:
			kind = POS_SET;
			if (p[1] == OP_SETPROP_S && (q = set_object(F, ins, d,
			    i)) != NULL && own_var(var_read(F, q)))
				continue;
			break;
		case OP_NEW:
			kind = POS_NEW;
			break;
		case OP_GETVAR:
			if (!global_read(nest, p))
				continue;
			kind = POS_VAR;
			break;
		default:
			continue;
		}
		s[ns].pos.key = p[0];
		s[ns].pos.kind = (unsigned)kind;
		s[ns++].insn = p;
	}
	qsort(s, ns, sizeof *s, site_cmp);
	for (j = 0; j < ns; j = k) {
		for (k = j + 1; k < ns && s[k].pos.key == s[j].pos.key &&
		    s[k].pos.kind == s[j].pos.kind; k++)
			;
		/* the positions of that key and kind */
		lo = 0;
		hi = m->npos;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			const struct posmap_pos *e = &m->pos[pf->order[mid]];

			if (e->key < s[j].pos.key || (e->key == s[j].pos.key &&
			    e->kind < s[j].pos.kind))
				lo = mid + 1;
			else
				hi = mid;
		}
		for (ne = 0; lo + ne < m->npos && m->pos[pf->order[lo +
		    ne]].key == s[j].pos.key && m->pos[pf->order[lo +
		    ne]].kind == s[j].pos.kind; ne++)
			;
		ni = k - j;
		if (ne == 0 || ni % ne != 0)
			continue;
		for (i = 0; (size_t)i < ni; i++) {
			unsigned id = posmap_id(m, pf->order[lo + (size_t)i %
			    ne]);

			if (id <= POSMAP_MAX_ID)
				s[j + (size_t)i].insn[0] = (unsigned short)id;
		}
	}
	free(s);
	free(idx);
	free(ins);
}

/*
 * A generator or async function, lowered, returns __ly.gen(body) (or
 * async, agen, flat, with its try table), which runs the body: k6 shows
 * the body's frames under the function's name (js/fnname.c) and no
 * frame of the function around it nor of the helper.  That call gets line 0, with which mujs
 * writes the frame "NAME (FILE)", which names no line of the user's
 * (engine/stack.c leaves it out, and the helper's native frame with it).
 * A frame of the same function elsewhere (its parameters' defaults)
 * keeps its line.
 */
static void
wrapper_calls(struct mj_function *F, const int *d)
{
	unsigned short *c = F->code, *p, *q, **ins;
	const char *v;
	int *idx, n, i, t;

	/* the body is a closure of F's */
	if (F->funlen == 0)
		return;
	n = insns(F, &ins, &idx);
	for (t = 0; t < n; t++) {
		p = ins[t];
		if (p[1] != OP_CALL || p[2] < 1 || p[2] > 2 || d[p - c] < 0 ||
		    (q = before_args(F, d, (int)(p - c))) == NULL)
			continue;
		/* "__ly DUP GETPROP_S name ROT2" */
		i = idx[q - c];
		if (i < 3 || q[1] != OP_ROT2 || ins[i - 1][1] != OP_GETPROP_S ||
		    ins[i - 2][1] != OP_DUP ||
		    (v = var_read(F, ins[i - 3])) == NULL ||
		    strcmp(v, "__ly") != 0)
			continue;
		v = mj_insn_str(ins[i - 1]);
		if (strcmp(v, "gen") == 0 || strcmp(v, "async") == 0 ||
		    strcmp(v, "agen") == 0 || strcmp(v, "flat") == 0)
			p[0] = 0;
	}
	free(idx);
	free(ins);
}

/* The lines of calls over several lines, then the columns (pf, if the
 * file has a map), of F and the functions in it. */
static void
lines_all(struct mj_function *F, const struct pmfile *pf,
    const struct nest *up, int depth)
{
	struct nest nest = { F, up, NULL, 0 };
	int *d, i;

	if (pf != NULL)
		nest_names(&nest);
	if (F->codelen > 0) {
		d = xreallocarray(NULL, (size_t)F->codelen, sizeof *d);
		if (depths(F, d) == 0) {
			call_lines(F, d);
			if (pf != NULL)
				columns(F, pf, &nest, d);
			wrapper_calls(F, d);
		}
		free(d);
	}
	for (i = 0; i < F->funlen && depth < 200; i++)
		if (F->funtab[i] != F)
			lines_all(F->funtab[i], pf, &nest, depth + 1);
	free(nest.names);
}

void
errmsg_mark(void *fun)
{
	struct mj_function *F = fun;

	if (F == NULL)
		return;
	lines_all(F, pmfile_of(F->filename), NULL, 0);
	if (nmarks < MARK_N && max_line(F, 0) < MARK_MIN)
		mark_function(F, 0);
}

/* The frames' lines where they are marks, so that an error's stack names
 * lines. */
static void
trace_fix(js_State *J)
{
	struct mj_state *S = (void *)J;
	const struct mark *m;
	int i;

	for (i = 0; i <= S->tracetop && i < MJ_ENVLIMIT; i++)
		if ((m = mark_of(S->trace[i].line)) != NULL &&
		    S->trace[i].file != NULL && m->F->filename != NULL &&
		    strcmp(S->trace[i].file, m->F->filename) == 0)
			S->trace[i].line = m->line;
}

void
errmsg_trace_fix(js_State *J)
{
	if (nmarks > 0)
		trace_fix(J);
}

/*
 * Where the lowered async body F waits to resume at state n: its await
 * is "_$g.n = n; return (x)" (compile/lower-gen.c).  k6 places a waiting
 * frame at the last position its engine noted before the await: here the
 * last instruction with a position before that return (x's call, or one
 * before it); with none, the return's line.  The line slot as a frame
 * names it (a line or a position of the file's map, posmap.h), or 0.
 */
#define OP_POP		0
#define OP_RETURN	83

/* The position the instruction at p has in the map of pf, else last. */
static int
position(const struct pmfile *pf, const unsigned short *p, int last)
{
	const struct mark *m = mark_of(p[0]);
	int slot = m != NULL ? m->line : p[0];

	return pf != NULL && (size_t)slot > pf->map->nlines ? slot : last;
}

int
errmsg_await_line(const void *fun, int n)
{
	const struct mj_function *F = fun;
	const struct pmfile *pf = pmfile_of(F->filename);
	const unsigned short *c = F->code, *end = c + F->codelen, *p, *q;
	const unsigned short *r[4] = { NULL, NULL, NULL, NULL };
	const char *v;
	int line = 0;

	for (p = c; p < end; p += mj_insn_len(p)) {
		line = position(pf, p, line);
		r[0] = r[1];
		r[1] = r[2];
		r[2] = r[3];
		r[3] = p;
		/* "_$g INTEGER n SETPROP_S n POP", then x, not a jump to
		 * state n ("_$g.n = n; continue") */
		q = p + mj_insn_len(p);
		if (p[1] != OP_POP || r[0] == NULL || q >= end ||
		    q[1] == OP_JUMP || r[1][1] != OP_INTEGER ||
		    r[1][2] != n + 32768 || r[2][1] != OP_SETPROP_S ||
		    strcmp(mj_insn_str(r[2]), "n") != 0 ||
		    (v = var_read(F, r[0])) == NULL || strcmp(v, "_$g") != 0)
			continue;
		for (; q < end; q += mj_insn_len(q)) {
			if (q[1] == OP_RETURN)
				return line != 0 ? line : q[0];
			line = position(pf, q, line);
		}
		break;
	}
	return 0;
}

/* The function the innermost frame runs, if it is bytecode, and the line
 * slot of its running instruction (a line or a mark). */
static const struct mj_function *
running(js_State *J, int *slot)
{
	const struct mj_state *S = (const void *)J;
	const struct mj_object *o;

	if (S->bot < 1 || S->stack[S->bot - 1].type != MJ_TOBJECT)
		return NULL;
	o = S->stack[S->bot - 1].u.ptr;
	if (o->type != MJ_CFUNCTION && o->type != MJ_CSCRIPT)
		return NULL;
	*slot = S->trace[S->tracetop].line;
	return o->u.f.function;
}

/* The line of the running instruction, its mark resolved; *m is the
 * mark of F's instruction it names, if it is one. */
static int
slot_line(const struct mj_function *F, int slot, const struct mark **m)
{
	*m = mark_of(slot);
	if (*m == NULL)
		return slot;
	if ((*m)->F != F) {
		*m = NULL;
		return slot;
	}
	return (*m)->line;
}

/* Whether the variable an instruction reads holds an object or a
 * primitive other than undefined and null, as the frame sees it now. */
static int
var_is_set(js_State *J, const struct mj_function *F, const unsigned short *p)
{
	const struct mj_state *S = (const void *)J;
	const struct mj_env *E = S->E;
	const struct mj_property *ref;
	const char *name;

	if (p[1] == OP_THIS)
		return 1;
	if (p[1] == OP_GETLOCAL) {
		if (F->lightweight) {
			int t = S->stack[S->bot + p[2]].type;

			return t != MJ_TUNDEFINED && t != MJ_TNULL;
		}
		name = F->vartab[p[2] - 1];
	} else if (p[1] == OP_GETVAR)
		name = mj_insn_str(p);
	else
		return 0;
	for (; E != NULL; E = E->outer)
		if ((ref = jsV_getproperty(J, E->variables, name)) != NULL)
			return ref->getter == NULL &&
			    ref->value.type != MJ_TUNDEFINED &&
			    ref->value.type != MJ_TNULL;
	return 0;
}

/* Whether the read at p (a GETPROP_S) reads a method to call it:
 * mujs compiles o.m(...) "o DUP GETPROP_S m ROT2 ... CALL". */
static int
is_callee(const struct mj_function *F, const unsigned short *prev,
    const unsigned short *p)
{
	const unsigned short *next = p + mj_insn_len(p);

	return prev != NULL && prev[1] == OP_DUP &&
	    next < F->code + F->codelen && next[1] == OP_ROT2;
}

/* How many instructions of opcode op the line has, and the name of the
 * one that most likely raised (see above); *call tells whether it reads a
 * method to call it. */
static int
on_line(js_State *J, const struct mj_function *F, int line, int op,
    const char **name, int *call)
{
	const unsigned short *p = F->code, *end = p + F->codelen;
	const unsigned short *prev = NULL, *best = NULL, *last = NULL;
	int n = 0;

	*call = 0;
	for (; p < end; prev = p, p += mj_insn_len(p)) {
		if (p[1] != op || insn_line(p) != line)
			continue;
		n++;
		last = p;
		/* a.x where a is set: not the one */
		if (prev == NULL || !var_is_set(J, F, prev)) {
			best = p;
			*call = is_callee(F, prev, p);
		}
	}
	if (best == NULL && last != NULL)
		best = last;
	if (best != NULL && name != NULL)
		*name = mj_insn_str(best);
	return n;
}

/* The instruction before p in F. */
static const unsigned short *
insn_before(const struct mj_function *F, const unsigned short *p)
{
	const unsigned short *q = F->code, *prev = NULL;

	for (; q < p; prev = q, q += mj_insn_len(q))
		;
	return prev;
}

/* String(value at idx) for a message, without running the script's
 * code when it is an object; a symbol as Symbol(desc), cut to fit. */
static const char *
shown(js_State *J, int idx)
{
	static char sym[128];
	char *text;

	if (js_isobject(J, idx))
		return js_iscallable(J, idx) ? "function" : "[object Object]";
	if (symbol_at(J, idx)) {
		text = runtime_symbol_text(js_tostring(J, idx));
		snprintf(sym, sizeof sym, "%s", text);
		free(text);
		return sym;
	}
	return js_tostring(J, idx);
}

/* A member of undefined or null (the value at idx) read, written or
 * deleted by the running instruction: throws goja's TypeError. */
static void
nullish(js_State *J, int idx)
{
	const struct mj_function *F;
	const struct mark *m;
	const char *name = NULL;
	int slot, line, call = 0;

	if ((F = running(J, &slot)) == NULL)
		goto generic;
	line = slot_line(F, slot, &m);
	if (idx == -1 && m != NULL && m->insn[1] == OP_GETPROP_S)
		js_typeerror(J, "Cannot read property '%s' of undefined%s",
		    mj_insn_str(m->insn), is_callee(F, insn_before(F, m->insn),
		    m->insn) ? " or null" : "");
	if (idx == -1 && on_line(J, F, line, OP_GETPROP_S, &name, &call) > 0)
		js_typeerror(J, "Cannot read property '%s' of undefined%s", name,
		    call ? " or null" : "");
	if (idx == -2 && on_line(J, F, line, OP_GETPROP, NULL, &call) > 0 &&
	    on_line(J, F, line, OP_SETPROP_S, NULL, &call) == 0) {
		name = symbol_at(J, -1) ? shown(J, -1) : js_tostring(J, -1);
		js_typeerror(J, "Cannot read property '%s' of undefined", name);
	}
generic:
	js_typeerror(J, "Cannot convert undefined or null to object");
}

void *
js_toobject(js_State *J, int idx)
{
	static struct mj_value undef = { .type = MJ_TUNDEFINED };
	struct mj_state *S = (void *)J;
	struct mj_value *v;
	int i = idx < 0 ? S->top + idx : S->bot + idx;

	v = i < 0 || i >= S->top ? &undef : &S->stack[i];
	if (v->type == MJ_TOBJECT)
		return v->u.ptr;	/* what jsV_toobject gives, sooner */
	if (v->type == MJ_TUNDEFINED || v->type == MJ_TNULL)
		nullish(J, idx);
	return jsV_toobject(J, v);
}


/* An array method's callback (argument 1 of the running C function,
 * whose frame mujs names "Array.prototype.NAME") that cannot be called:
 * reduce and reduceRight say so in goja's words,
 * the others take it as an object first (toCallable). */
static void
callback_not_callable(js_State *J, char *buf, size_t size)
{
	const struct mj_state *S = (const void *)J;
	const char *name = S->trace[S->tracetop].name;

	if (name != NULL && (strcmp(name, "Array.prototype.reduce") == 0 ||
	    strcmp(name, "Array.prototype.reduceRight") == 0))
		snprintf(buf, size, "%s is not a function", shown(J, 1));
	else if (js_isundefined(J, 1) || js_isnull(J, 1))
		snprintf(buf, size, "Cannot convert undefined or null to object");
	else
		snprintf(buf, size, "Value is not callable: %s", shown(J, 1));
}

/* The read of the method the call at p calls (o.m(...)), or NULL. */
static const unsigned short *
method_of(const struct mj_function *F, const unsigned short *p)
{
	const unsigned short *q = NULL, *r = NULL;
	int *d;

	if (p == NULL || F->codelen <= 0)
		return NULL;
	d = xreallocarray(NULL, (size_t)F->codelen, sizeof *d);
	if (depths(F, d) == 0 && d[p - F->code] >= 0)
		q = before_args(F, d, (int)(p - F->code));
	if (q != NULL && q[1] == OP_ROT2 && (r = insn_before(F, q)) != NULL &&
	    r[1] != OP_GETPROP_S)
		r = NULL;
	free(d);
	return q != NULL && q[1] == OP_ROT2 ? r : NULL;
}

/* A call (or new) of a value that is not a function: goja's words. */
static void
not_callable(js_State *J, char *buf, size_t size)
{
	const struct mj_state *S = (const void *)J;
	const struct mj_function *F;
	const struct mark *m;
	const unsigned short *p, *prev, *end, *call = NULL;
	int slot, line, n = -1, ctor = 0;

	snprintf(buf, size, "Value is not an object: undefined");
	if ((F = running(J, &slot)) == NULL)
		return;
	line = slot_line(F, slot, &m);
	end = F->code + F->codelen;
	/* the marked call, or the line's call whose callee slot holds what
	 * cannot be called */
	for (p = F->code; p < end; p += mj_insn_len(p)) {
		int k, at;

		if (m != NULL && p != m->insn)
			continue;
		if ((p[1] != OP_CALL && p[1] != OP_NEW) || insn_line(p) != line)
			continue;
		k = p[2];
		at = -k - (p[1] == OP_CALL ? 2 : 1);
		if (S->top + at < S->bot || js_iscallable(J, at))
			continue;
		n = k;
		ctor = p[1] == OP_NEW;
		call = p;
		break;
	}
	if (n < 0)
		return;
	if (ctor) {
		if (js_isobject(J, -n - 1))
			snprintf(buf, size, "Value is not a constructor");
		else
			snprintf(buf, size, "Value is not an object: %s",
			    shown(J, -n - 1));
		return;
	}
	/* o.m() where o has no m: a method read of the line that o lacks */
	if (js_isundefined(J, -n - 2) && js_iscoercible(J, -n - 1)) {
		void *o = jsV_toobject(J, js_tovalue(J, -n - 1));

		if ((p = method_of(F, call)) != NULL &&
		    jsV_getproperty(J, o, mj_insn_str(p)) == NULL) {
			snprintf(buf, size, "Object has no member '%s'",
			    mj_insn_str(p));
			return;
		}
		for (prev = NULL, p = F->code; p < end; prev = p,
		    p += mj_insn_len(p))
			if (p[1] == OP_GETPROP_S && insn_line(p) == line &&
			    is_callee(F, prev, p) &&
			    jsV_getproperty(J, o, mj_insn_str(p)) == NULL) {
				snprintf(buf, size, "Object has no member '%s'",
				    mj_insn_str(p));
				return;
			}
	}
	if (js_isobject(J, -n - 2))
		snprintf(buf, size, "Not a function: %s", shown(J, -n - 2));
	else
		snprintf(buf, size, "Value is not an object: %s",
		    shown(J, -n - 2));
}

/* A syntax error of JSON.parse (the running C function): k6's words in
 * buf, or 0. */
static int
json_error(js_State *J, char *buf, size_t size)
{
	const struct mj_state *S = (const void *)J;
	const struct mj_object *o;
	const char *text;

	if (S->bot < 1 || S->stack[S->bot - 1].type != MJ_TOBJECT)
		return 0;
	o = S->stack[S->bot - 1].u.ptr;
	if (o->type != MJ_CCFUNCTION || o->u.c.name == NULL ||
	    strcmp(o->u.c.name, "JSON.parse") != 0 || !js_isstring(J, 1))
		return 0;
	text = js_tostring(J, 1);
	return jsonerr_message(text, strlen(text), buf, size);
}

/* mujs's words for an error of a kind, in buf: goja's where they differ. */
static void __attribute__((format(printf, 5, 0)))
reword(js_State *J, int kind, char *buf, size_t size, const char *fmt,
    va_list ap)
{
#define IS(k, text)	(kind == (k) && strcmp(fmt, (text)) == 0)
	if (IS('T', "%s is not callable"))
		not_callable(J, buf, size);
	else if (IS('T', "cannot convert undefined to object") ||
	    IS('T', "cannot convert null to object"))
		snprintf(buf, size, "Cannot convert undefined or null to object");
	else if (IS('T', "'%s' is read-only"))
		snprintf(buf, size, "Cannot assign to read only property '%s'",
		    va_arg(ap, const char *));
	else if (IS('T', "operand to 'in' is not an object") ||
	    IS('T', "instanceof: invalid operand")) {
		if (js_isobject(J, -1))
			snprintf(buf, size, "Expecting a function in instanceof "
			    "check, but got %s", shown(J, -1));
		else
			snprintf(buf, size, "Value is not an object: %s",
			    shown(J, -1));
	} else if (IS('R', "'%s' is not defined") ||
	    IS('R', "assignment to undeclared variable '%s'")) {
		const char *v = va_arg(ap, const char *);
		struct buf b = BUF_INIT;

		/* The user's spelling of a name the compiler kept apart. */
		if (username_unescape(&b, v, strlen(v))) {
			buf_add(&b, "", 1);
			v = b.data;
		}
		snprintf(buf, size, "%s is not defined", v);
		buf_free(&b);
	} else if (IS('G', "invalid array length"))
		snprintf(buf, size, "Invalid array length");
	else if (IS('T', "callback is not a function"))
		callback_not_callable(J, buf, size);
	else if (IS('T', "no initial value"))
		snprintf(buf, size, "No initial value");
	else if (IS('T', "cyclic object value"))
		snprintf(buf, size, "Converting circular structure to JSON");
	else
		vsnprintf(buf, size, fmt, ap);
#undef IS
}

/*
 * Every error mujs makes: its stack gets the lines of marked frames and
 * the messages goja words otherwise are reworded; it is made as the
 * constructors make theirs (js/error.c), where mujs set its message and
 * frames as enumerable properties.  mujs makes them with js_newKIND and
 * throws them with js_KIND, which does not call js_newKIND but mujs's
 * own helper: both are here.  proto is the kind's place in the state's
 * prototypes.
 */
#define ERRMSG_KIND(kind, letter, proto) \
	void \
	js_new##kind(js_State *J, const char *message) \
	{ \
		char buf[256]; \
		\
		errmsg_trace_fix(J); \
		if (letter == 'S' && json_error(J, buf, sizeof buf)) \
			message = buf; \
		error_new(J, ((struct mj_state *)(void *)J)->prototypes[proto], \
		    message, 0); \
		asyncfn_trace(J, -1); \
	} \
	void \
	js_##kind(js_State *J, const char *fmt, ...) \
	{ \
		char buf[256]; \
		va_list ap; \
		\
		va_start(ap, fmt); \
		reword(J, letter, buf, sizeof buf, fmt, ap); \
		va_end(ap); \
		js_new##kind(J, buf); \
		js_throw(J); \
	}

ERRMSG_KIND(error, 'E', 8)
ERRMSG_KIND(evalerror, 'V', 9)
ERRMSG_KIND(rangeerror, 'G', 10)
ERRMSG_KIND(referenceerror, 'R', 11)
ERRMSG_KIND(syntaxerror, 'S', 12)
ERRMSG_KIND(typeerror, 'T', 13)
ERRMSG_KIND(urierror, 'U', 14)

/* Where the `in` operator calls js_hasproperty from; found by a probe. */
static void *in_site;
static int probing;
static int (*real_hasproperty)(js_State *, int, const char *);

#define PROBE_NAME	"__ly$in$probe"

int
js_hasproperty(js_State *J, int idx, const char *name)
{
	void *site = __builtin_return_address(0);

	if (real_hasproperty == NULL) {
		*(void **)&real_hasproperty = dlsym(RTLD_NEXT,
		    "js_hasproperty");
		if (real_hasproperty == NULL)
			abort();	/* libmujs.so without it: cannot be */
	}
	if (probing && strcmp(name, PROBE_NAME) == 0)
		in_site = site;
	if (site == in_site && site != NULL) {
		const struct mj_object *o = js_toobject(J, idx);
		const struct mj_property *ref;

		/* a proxy answers through its has hook */
		ref = o->type == MJ_CUSERDATA ? NULL :
		    jsV_getproperty(J, (void *)o, name);
		if (ref != NULL && ref->getter != NULL) {
			js_pushundefined(J);
			return 1;
		}
	}
	return real_hasproperty(J, idx, name);
}

void
errmsg_probe(js_State *J)
{
	if (in_site != NULL)
		return;
	probing = 1;
	if (js_ploadstring(J, "[in]", "'" PROBE_NAME "' in {}") == 0) {
		js_pushundefined(J);
		js_pcall(J, 0);
	}
	js_pop(J, 1);
	probing = 0;
}

/* An async function, lowered, starts `__ly_tick(); return
 * __ly.async(function ...)`: a read of __ly's async, given a closure,
 * among its first instructions (a few hundred instructions for check()
 * to ask). */
int
errmsg_is_async(js_State *J, int idx)
{
	const struct mj_object *o;
	const struct mj_function *F;
	const unsigned short *p, *end, *prev = NULL;
	int n;

	if (!js_iscallable(J, idx))
		return 0;
	o = js_toobject(J, idx);
	if (o->type != MJ_CFUNCTION || (F = o->u.f.function) == NULL)
		return 0;
	/* no closure in it (a checker such as r => r.status === 200): not
	 * one, without reading its code */
	if (F->funlen == 0)
		return 0;
	p = F->code;
	end = F->code + F->codelen;
	for (n = 0; n < 16 && p < end; n++, p += mj_insn_len(p)) {
		if (p[1] == OP_GETPROP_S && prev != NULL && prev[1] == OP_GETVAR &&
		    strcmp(mj_insn_str(prev), "__ly") == 0 &&
		    strcmp(mj_insn_str(p), "async") == 0) {
			/* and its argument is the body: a closure */
			for (n = 0; n < 3 && (p += mj_insn_len(p)) < end; n++)
				if (p[1] == OP_CLOSURE)
					return 1;
			return 0;
		}
		if (p[1] != OP_DUP)
			prev = p;
	}
	return 0;
}
