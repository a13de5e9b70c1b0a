/* The user's identifiers that could meet a name the compiler makes.
 *
 * The compiler's own names begin with "_$" or "__ly" (_$g, _$1, __ly.ap,
 * __ly_tick) or are made from a user's name with a "$" past its first
 * character (x$3 for a let renamed apart, x$tdz, _this$).  A user's name
 * of either form is spelled "_$$" and the name with each "$" doubled: no
 * name of the compiler's begins "_$$", and a name it makes from an
 * escaped one ends in an odd run of "$" (plus a suffix), so none meets
 * another.  A name with a byte not ASCII (mujs's lexer knows fewer
 * letters than JavaScript) is spelled "_$$$", an odd run of "$" the
 * ASCII form never starts with, and the name with "$" and "_" doubled and
 * each run of bytes not ASCII written "_" hex "_" (名x: _$$$_e5908d_x).
 * The runtime turns the spelling back where names show.
 *
 * username_escape returns an arena string, or NULL when the name stays
 * as it is. */
#ifndef LYOCELL_USERNAME_H
#define LYOCELL_USERNAME_H

#include <stddef.h>

struct arena;
struct buf;

char	*username_escape(struct arena *, const char *, size_t, size_t *);
/* Whether name (n bytes) is an escaped user name; if so, and b is not
 * NULL, append the user's spelling to b. */
int	 username_unescape(struct buf *b, const char *name, size_t n);
/* Whether a name of the compiler's could be the same as name. */
int	 username_reserved(const char *name, size_t n);

#endif
