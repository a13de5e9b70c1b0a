/* k6's archive (.tar) layout, written and read with libarchive.
 *
 * An archive holds metadata.json (the options, the main script's
 * file:// URL, the -e variables), "data" (the main script) and every
 * local file the script imports under file/ABSOLUTE/PATH, home
 * directories anonymised to /home/nobody as k6 does (lib/archive.go).
 *
 * Strings passed in are borrowed; results are owned by the caller. */
#ifndef LYOCELL_APP_TARBALL_H
#define LYOCELL_APP_TARBALL_H

#include <stddef.h>

struct tarball_file {
	const char	*path;		/* absolute, on this machine, or a remote
					   module's URL (SCHEME://HOST/PATH) */
	const char	*data;
	size_t		 len;
};

/* k6's NormalizeAndAnonymizePath for a Unix path: an owned copy. */
char	*tarball_anonymize(const char *path);
/* Write OUT ("-": standard output): metadata, the main script (files[0])
 * as "data", every file under file/ and every URL's module under
 * SCHEME/HOST/PATH.  0, or -1 with *cause. */
int	 tarball_write(const char *out, const char *metadata,
	     const struct tarball_file *files, size_t nfiles, char **cause);
/* Is PATH a tar file (by its header, not its name)? */
int	 tarball_is(const char *path);
/* Where tarball_extract puts an archive's remote modules, under DIR:
 * https/HOST/PATH to DIR/TARBALL_REMOTE/https/HOST/PATH. */
#define TARBALL_REMOTE	":remote"

/* Unpack PATH's regular files under DIR (file/x/y to DIR/x/y, the remote
 * modules of https/... and http/... under DIR/TARBALL_REMOTE) and return
 * metadata.json and "data" (the main script, which the caller writes
 * where metadata.json's filename says) as owned strings.  Entries that would
 * leave DIR are refused.  0, or -1 with *cause. */
int	 tarball_extract(const char *path, const char *dir, char **metadata,
	     char **data, size_t *datalen, char **cause);

#endif
