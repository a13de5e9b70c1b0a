/* Output lines and positions of a compiled module; see posmap.h. */
#include "config.h"

#include <stdlib.h>

#include "compile/posmap.h"

void
posmap_free(struct posmap *m)
{
	if (m == NULL)
		return;
	free(m->lines);
	free(m->pos);
	free(m->fns);
	free(m->src);
	free(m);
}

unsigned
posmap_where(const struct posmap *m, unsigned n, unsigned *col)
{
	*col = 0;
	if (n >= 1 && n <= m->nlines)
		return m->lines[n - 1];
	if (n > m->nlines && n - m->nlines - 1 < m->npos) {
		const struct posmap_pos *p = &m->pos[n - m->nlines - 1];

		*col = p->col;
		return p->line;
	}
	return 0;
}

unsigned
posmap_kind(const struct posmap *m, unsigned n)
{
	if (n > m->nlines && n - m->nlines - 1 < m->npos)
		return m->pos[n - m->nlines - 1].kind;
	return 0;
}
