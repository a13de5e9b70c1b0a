/* A parsed HTML document: gumbo's tree copied into a flat array in
 * document order, rendered back as Go's x/net/html renders it. */
#include "config.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "js/html.h"
#include "util/buf.h"
#include "util/xmalloc.h"

struct builder {
	struct html_doc	*doc;
	size_t		 cap;
};

static int
add_node(struct builder *b, int type, int parent)
{
	struct html_doc *d = b->doc;
	struct html_node *n;
	int i;

	if (d->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		d->nodes = xreallocarray(d->nodes, b->cap, sizeof *d->nodes);
	}
	i = (int)d->n++;
	n = &d->nodes[i];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->parent = parent;
	n->first = n->last = n->prev = n->next = -1;
	n->ns = "";
	if (parent >= 0) {
		struct html_node *p = &d->nodes[parent];

		if (p->last >= 0) {
			d->nodes[p->last].next = i;
			n->prev = p->last;
		} else
			p->first = i;
		p->last = i;
	}
	return i;
}

static char *
lower_dup(const char *s, size_t len)
{
	char *r = xstrndup(s, len);
	char *p;

	for (p = r; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return r;
}

static char *
tag_name(const GumboElement *e)
{
	GumboStringPiece piece = e->original_tag;
	const char *svg;

	if (e->tag_namespace == GUMBO_NAMESPACE_SVG && piece.length > 0) {
		gumbo_tag_from_original_text(&piece);
		if ((svg = gumbo_normalize_svg_tagname(&piece)) != NULL)
			return xstrdup(svg);
		return lower_dup(piece.data, piece.length);
	}
	if (e->tag != GUMBO_TAG_UNKNOWN)
		return xstrdup(gumbo_normalized_tagname(e->tag));
	gumbo_tag_from_original_text(&piece);
	return lower_dup(piece.data, piece.length);
}

static void copy_children(struct builder *, const GumboVector *, int);

static void
copy_node(struct builder *b, const GumboNode *g, int parent)
{
	static const char *const attr_ns[] = { "", "xlink", "xml", "xmlns" };
	const GumboElement *e;
	struct html_node *n;
	unsigned j;
	int i;

	switch (g->type) {
	case GUMBO_NODE_ELEMENT:
	case GUMBO_NODE_TEMPLATE:
		e = &g->v.element;
		i = add_node(b, HTML_ELEMENT, parent);
		n = &b->doc->nodes[i];
		n->name = tag_name(e);
		n->ns = e->tag_namespace == GUMBO_NAMESPACE_SVG ? "svg" :
		    e->tag_namespace == GUMBO_NAMESPACE_MATHML ? "math" : "";
		n->nattrs = e->attributes.length;
		n->attrs = n->nattrs ? xcalloc(n->nattrs, sizeof *n->attrs) : NULL;
		for (j = 0; j < e->attributes.length; j++) {
			const GumboAttribute *a = e->attributes.data[j];

			n->attrs[j].ns = xstrdup(attr_ns[a->attr_namespace & 3]);
			n->attrs[j].name = xstrdup(a->name);
			n->attrs[j].value = xstrdup(a->value);
		}
		copy_children(b, &e->children, i);
		break;
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_CDATA:
	case GUMBO_NODE_WHITESPACE:
		i = add_node(b, HTML_TEXT, parent);
		b->doc->nodes[i].data = xstrdup(g->v.text.text);
		break;
	case GUMBO_NODE_COMMENT:
		i = add_node(b, HTML_COMMENT, parent);
		b->doc->nodes[i].data = xstrdup(g->v.text.text);
		break;
	case GUMBO_NODE_DOCUMENT:
		break;
	}
}

static void
copy_children(struct builder *b, const GumboVector *v, int parent)
{
	unsigned j;

	for (j = 0; j < v->length; j++)
		copy_node(b, v->data[j], parent);
}

struct html_doc *
html_doc_parse(const char *src, size_t len)
{
	struct builder b = { xcalloc(1, sizeof *b.doc), 0 };
	GumboOutput *out;
	const GumboDocument *gd;
	int i;

	out = gumbo_parse_with_options(&kGumboDefaultOptions, src, len);
	gd = &out->document->v.document;
	add_node(&b, HTML_DOCUMENT, -1);
	/* gumbo keeps the doctype on the document; x/net/html makes it a
	 * node, which is what k6 scripts see. */
	if (gd->has_doctype) {
		i = add_node(&b, HTML_DOCTYPE, 0);
		b.doc->nodes[i].name = xstrdup(gd->name);
		b.doc->nodes[i].data = xstrdup(gd->public_identifier);
		b.doc->nodes[i].sys = xstrdup(gd->system_identifier);
	}
	copy_children(&b, &gd->children, 0);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	return b.doc;
}

void
html_doc_free(struct html_doc *d)
{
	size_t i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		struct html_node *n = &d->nodes[i];

		for (j = 0; j < n->nattrs; j++) {
			free(n->attrs[j].ns);
			free(n->attrs[j].name);
			free(n->attrs[j].value);
		}
		free(n->attrs);
		free(n->name);
		free(n->data);
		free(n->sys);
	}
	free(d->nodes);
	free(d);
}

const char *
html_attr(const struct html_doc *d, int i, const char *name)
{
	const struct html_node *n = &d->nodes[i];
	size_t j;

	if (n->type != HTML_ELEMENT)
		return NULL;
	for (j = 0; j < n->nattrs; j++)
		if (strcmp(n->attrs[j].name, name) == 0)
			return n->attrs[j].value;
	return NULL;
}

void
html_text(const struct html_doc *d, int i, struct buf *b)
{
	int c;

	if (d->nodes[i].type == HTML_TEXT)
		buf_puts(b, d->nodes[i].data);
	for (c = d->nodes[i].first; c >= 0; c = d->nodes[c].next)
		html_text(d, c, b);
}

/* x/net/html's escape(): the same five characters and CR, in text and
 * in attribute values. */
static void
escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':	buf_puts(b, "&amp;"); break;
		case '\'':	buf_puts(b, "&#39;"); break;
		case '<':	buf_puts(b, "&lt;"); break;
		case '>':	buf_puts(b, "&gt;"); break;
		case '"':	buf_puts(b, "&#34;"); break;
		case '\r':	buf_puts(b, "&#13;"); break;
		default:	buf_putc(b, *s); break;
		}
	}
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static void
quoted(struct buf *b, const char *s)
{
	int q = strchr(s, '"') != NULL ? '\'' : '"';

	buf_putc(b, q);
	buf_puts(b, s);
	buf_putc(b, q);
}

void
html_render(const struct html_doc *d, int i, struct buf *b)
{
	static const char *const voids[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
	    "source", "track", "wbr", NULL };
	static const char *const literal[] = { "iframe", "noembed",
	    "noframes", "noscript", "plaintext", "script", "style", "xmp",
	    NULL };
	const struct html_node *n = &d->nodes[i];
	size_t j;
	int c, lit;

	switch (n->type) {
	case HTML_TEXT:
		escape(b, n->data);
		return;
	case HTML_COMMENT:
		buf_printf(b, "<!--%s-->", n->data);
		return;
	case HTML_DOCTYPE:
		buf_printf(b, "<!DOCTYPE %s", n->name);
		if (n->data[0] != '\0') {
			buf_puts(b, " PUBLIC ");
			quoted(b, n->data);
			if (n->sys[0] != '\0') {
				buf_putc(b, ' ');
				quoted(b, n->sys);
			}
		} else if (n->sys[0] != '\0') {
			buf_puts(b, " SYSTEM ");
			quoted(b, n->sys);
		}
		buf_putc(b, '>');
		return;
	case HTML_DOCUMENT:
		for (c = n->first; c >= 0; c = d->nodes[c].next)
			html_render(d, c, b);
		return;
	}
	buf_printf(b, "<%s", n->name);
	for (j = 0; j < n->nattrs; j++) {
		buf_putc(b, ' ');
		if (n->attrs[j].ns[0] != '\0')
			buf_printf(b, "%s:", n->attrs[j].ns);
		buf_printf(b, "%s=\"", n->attrs[j].name);
		escape(b, n->attrs[j].value);
		buf_putc(b, '"');
	}
	if (in_list(n->name, voids)) {
		buf_puts(b, "/>");
		return;
	}
	buf_putc(b, '>');
	c = n->first;
	if (c >= 0 && d->nodes[c].type == HTML_TEXT &&
	    d->nodes[c].data[0] == '\n' && (strcmp(n->name, "pre") == 0 ||
	    strcmp(n->name, "listing") == 0 || strcmp(n->name, "textarea") == 0))
		buf_putc(b, '\n');
	lit = n->ns[0] == '\0' && in_list(n->name, literal);
	for (; c >= 0; c = d->nodes[c].next) {
		if (lit && d->nodes[c].type == HTML_TEXT)
			buf_puts(b, d->nodes[c].data);
		else
			html_render(d, c, b);
	}
	if (lit && strcmp(n->name, "plaintext") == 0)
		return;
	buf_printf(b, "</%s>", n->name);
}
