/* libFuzzer target for the compiler: any bytes go through the lexer, the
 * parser and the lowering, which must fail cleanly or produce ES5 with
 * exactly the line count of the input.  Built and run by `make fuzz`. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compile/lower.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Line terminators as JavaScript counts them. */
static int
count_lines(const char *s, size_t n)
{
	size_t i;
	int lines = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			lines++;
		else if (s[i] == '\r') {
			lines++;
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if ((unsigned char)s[i] == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xa8)
			lines++;
	}
	return lines;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lower_options opt = { "fuzz.js", "fuzz.js", NULL, NULL };
	char *src, *out, *cause = NULL;

	/* The compiler takes NUL-free text, as the loader guarantees. */
	src = malloc(size + 1);
	memcpy(src, data, size);
	src[size] = '\0';
	if (memchr(src, '\0', size) != NULL) {
		free(src);
		return 0;
	}
	out = lower_module(src, size, &opt, &cause);
	if (out != NULL) {
		/* Nothing may move down: the output never has more lines
		 * than the input (plus its own last newline). */
		if (count_lines(out, strlen(out)) > count_lines(src, size) + 1)
			abort();
		free(out);
	} else if (cause == NULL)
		abort();
	free(cause);
	free(src);
	return 0;
}
