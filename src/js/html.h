/* k6/html: a parsed HTML document as a flat array of nodes, and the
 * CSS selectors of goquery/cascadia over it.
 *
 * html_doc_parse returns an owned document (HTML5 parsing by gumbo, the
 * tree shaped as Go's x/net/html shapes it: a document node 0, a doctype
 * child, elements, text and comments); html_doc_free(NULL) is a no-op.
 * Nodes are indices into doc->nodes; -1 is "none".  Strings in the
 * document belong to it.  html_sel_compile returns an owned selector
 * group or NULL with an owned *cause; html_sel_free(NULL) is a no-op. */
#ifndef LYOCELL_HTML_H
#define LYOCELL_HTML_H

#include <stddef.h>

struct buf;

/* Node types: the DOM's nodeType numbers, as k6 reports them. */
#define HTML_ELEMENT	1
#define HTML_TEXT	3
#define HTML_COMMENT	8
#define HTML_DOCUMENT	9
#define HTML_DOCTYPE	10

struct html_attr {
	char	*ns;		/* "" or the prefix ("xlink", "xml", ...) */
	char	*name;
	char	*value;
};

struct html_node {
	int		 type;
	int		 parent, first, last, prev, next;
	char		*name;	/* element: tag name; doctype: its name */
	char		*data;	/* text, comment; doctype: public id */
	char		*sys;	/* doctype: system id */
	const char	*ns;	/* element: "", "svg" or "math" */
	struct html_attr *attrs;
	size_t		 nattrs;
};

struct html_doc {
	struct html_node *nodes;
	size_t		  n;
};

struct html_doc	*html_doc_parse(const char *src, size_t len);
void		 html_doc_free(struct html_doc *);
/* The attribute's value, or NULL when the element has none. */
const char	*html_attr(const struct html_doc *, int node, const char *name);
/* goquery's Text(): the text nodes under node, in order. */
void		 html_text(const struct html_doc *, int node, struct buf *);
/* x/net/html's Render of node (outer), as goquery's Html() uses it. */
void		 html_render(const struct html_doc *, int node, struct buf *);

struct html_sel;
struct html_sel	*html_sel_compile(const char *src, char **cause);
void		 html_sel_free(struct html_sel *);
int		 html_sel_match(const struct html_sel *, const struct html_doc *,
		    int node);

#endif
