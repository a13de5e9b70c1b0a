/* The addresses and host names a test may not connect to: k6's
 * blacklistIPs (CIDR ranges) and blockHostnames (patterns, "*" only at
 * the start).  One set of rules per process, read from the options
 * before the VUs start; checked where a connection is opened. */
#ifndef LYOCELL_NETBLOCK_H
#define LYOCELL_NETBLOCK_H

#include <stddef.h>

struct sockaddr;

#define NETBLOCK_TEXT	64	/* room for an address or a range as Go writes it */

/* Add a range ("10.0.0.0/8", "fd00::/8"): 0, or -1 if s is no CIDR. */
int	 netblock_add_cidr(const char *s);
/* Add a host name pattern ("example.com", "*.example.com", "*"),
 * compared without case: 0, or -1 if it is no valid pattern. */
int	 netblock_add_host(const char *pattern);
/* Whether any rule is set: callers skip the checks otherwise. */
int	 netblock_active(void);
/* The pattern host matches (the longest "*" pattern, an exact one
 * first), or NULL.  An IP literal matches none, as in k6. */
const char *netblock_host(const char *host);
/* Whether sa's address is in a range: 1 with the address in ip and the
 * range in range as Go writes them, else 0. */
int	 netblock_addr(const struct sockaddr *sa, char ip[NETBLOCK_TEXT],
	    char range[NETBLOCK_TEXT]);
/* k6's dialer's words for a connection to host refused by a pattern,
 * ("hostname (x) is in a blocked pattern (p)"), and to the address sa
 * refused by a range ("IP (x) is in a blacklisted range (r)"): an owned
 * string, or NULL when the rules let it through. */
char	*netblock_host_error(const char *host);
char	*netblock_addr_error(const struct sockaddr *sa);
/* Forget every rule (tests). */
void	 netblock_reset(void);

#endif
