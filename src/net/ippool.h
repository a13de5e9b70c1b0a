/* k6's --local-ips: a pool of source addresses ("10.0.0.1",
 * "10.0.0.1-10.0.0.9", "10.0.0.0/24", comma-separated), VU i taking the
 * pool's address (i - 1) mod its size, as k6's IPPool deals them. */
#ifndef LYOCELL_IPPOOL_H
#define LYOCELL_IPPOOL_H

#include <stdint.h>

struct ippool;

/* Parse s: the pool, or NULL with *cause in k6's words. */
struct ippool	*ippool_parse(const char *s, char **cause);
/* The address of index (taken mod the pool's size), as text. */
void		 ippool_get(const struct ippool *, uint64_t index, char out[64]);
void		 ippool_free(struct ippool *);
/* A non-blocking TCP socket of family bound to the address ip, if ip
 * is of that family (a connection of the other family goes from any
 * address), or -1 with errno. */
int		 ippool_socket(int family, const char *ip);

#endif
