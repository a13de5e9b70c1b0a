/* The heartbeat: without the live display (no terminal, or --quiet), one
 * log line every --heartbeat DURATION with the test's elapsed time, VUs,
 * iterations, requests and failed requests, so that a soak run from cron
 * shows it is alive.  Off by default, as k6 has none.
 *
 * A struct heartbeat is a value in its owner's struct; nothing to free. */
#ifndef LYOCELL_HEARTBEAT_H
#define LYOCELL_HEARTBEAT_H

struct cli;
struct metric_registry;

struct heartbeat {
	double	every_s;	/* 0: off */
	double	next_s;
};

/* Read --heartbeat / LYOCELL_HEARTBEAT; display: the live display is
 * drawn, which says all a heartbeat would. */
void	heartbeat_init(struct heartbeat *, const struct cli *, int display);
/* Called every tick of the test: logs a line when one is due. */
void	heartbeat_tick(struct heartbeat *, const struct metric_registry *, double elapsed_s);

#endif
