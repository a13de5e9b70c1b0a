/* Functions that make closures as mujs's lightweight functions.
 *
 * mujs runs a function "lightweight", its variables in slots of the value
 * stack, unless the function makes a closure, reads arguments or has a
 * catch, a with or an eval; otherwise each call makes an object for its
 * variables and each read of one is a lookup by name through the scope,
 * as is each read of a name of the scopes around it.  Most functions that
 * make closures never let them name their variables: a VU's default
 * function passing (r) => r.status === 200 to check(), the compiler's
 * state-machine bodies of async functions and generators (lower-gen.c:
 * the user's variables live in the enclosing function), a module's
 * helpers.  Each call of such a function paid for an object, a property
 * per variable and a lookup by name of each; each name its code read
 * from the scopes around it one lookup more.
 *
 * A closure captures the scope its maker runs in: a lightweight maker's
 * is the scope the maker was made in, where every name its closures read
 * resolves all the same, since none is a variable of the maker (a scope's
 * object has no prototype).  So once mujs has compiled a script, a
 * function whose inner functions, at any depth, name none of its
 * variables and eval nothing, and which has no catch, with, eval or
 * arguments of its own, is marked lightweight: mujs compiles a variable's
 * reads and writes as the same instructions either way and chooses at
 * run time by that mark.
 */
#include "config.h"

#include <string.h>

#include "js/lightfn.h"
#include "js/mujs-layout.h"

/* Whether F's code has instruction op. */
static int
has_op(const struct mj_function *F, int op)
{
	const unsigned short *p = F->code, *end = p + F->codelen;

	for (; p < end; p += mj_insn_len(p))
		if (p[1] == op)
			return 1;
	return 0;
}

/* Whether F, or a function inside it, evals or names a variable of B by
 * name (the instructions that resolve a name through the scope). */
static int
reaches(const struct mj_function *F, const struct mj_function *B, int depth)
{
	const unsigned short *p = F->code, *end = p + F->codelen;
	int i;

	if (depth > 200)
		return 1;
	for (; p < end; p += mj_insn_len(p)) {
		switch (p[1]) {
		case OP_EVAL:
			return 1;
		case OP_GETVAR: case OP_SETVAR: case OP_HASVAR: case OP_DELVAR:
			for (i = 0; i < B->varlen; i++)
				if (strcmp(mj_insn_str(p), B->vartab[i]) == 0)
					return 1;
			break;
		}
	}
	for (i = 0; i < F->funlen; i++)
		if (F->funtab[i] != F && reaches(F->funtab[i], B, depth + 1))
			return 1;
	return 0;
}

static int
can_promote(const struct mj_function *F)
{
	int i;

	if (F->lightweight || F->script || F->arguments)
		return 0;
	if (has_op(F, OP_EVAL) || has_op(F, OP_WITH) || has_op(F, OP_CATCH))
		return 0;
	for (i = 0; i < F->funlen; i++)
		if (F->funtab[i] != F && reaches(F->funtab[i], F, 0))
			return 0;
	return 1;
}

static void
promote(struct mj_function *F, int depth)
{
	int i;

	if (depth > 200)
		return;
	if (can_promote(F))
		F->lightweight = 1;
	for (i = 0; i < F->funlen; i++)
		if (F->funtab[i] != F)
			promote(F->funtab[i], depth + 1);
}

void
lightfn_promote(void *fun)
{
	if (fun != NULL)
		promote(fun, 0);
}
