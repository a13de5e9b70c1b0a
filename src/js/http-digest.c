/* HTTP Digest authentication, the client's side.
 *
 * k6 answers a digest challenge itself, in a second request that it
 * counts and times on its own; so does Lyocell (src/js/http.c), and this
 * file computes the answer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "js/http-digest.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xmalloc.h"

#define PARAM_MAX	1024

struct challenge {
	char	realm[PARAM_MAX], nonce[PARAM_MAX], opaque[PARAM_MAX];
	char	qop[PARAM_MAX], algorithm[PARAM_MAX];
	int	has_opaque, has_qop;
};

/* Parse the auth-params after "Digest": key=token or key="quoted",
 * separated by commas.  0, or -1 when malformed. */
static int
parse_challenge(const char *s, struct challenge *c)
{
	char key[64], val[PARAM_MAX];
	size_t k, v;

	memset(c, 0, sizeof *c);
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		if (*s == '\0')
			break;
		for (k = 0; *s != '\0' && *s != '=' && *s != ' ' && k < sizeof key - 1; s++)
			key[k++] = *s;
		key[k] = '\0';
		while (*s == ' ')
			s++;
		if (*s++ != '=')
			return -1;
		while (*s == ' ')
			s++;
		v = 0;
		if (*s == '"') {
			for (s++; *s != '\0' && *s != '"'; s++) {
				if (*s == '\\' && s[1] != '\0')
					s++;
				if (v < sizeof val - 1)
					val[v++] = *s;
			}
			if (*s++ != '"')
				return -1;
		} else {
			for (; *s != '\0' && *s != ',' && *s != ' '; s++)
				if (v < sizeof val - 1)
					val[v++] = *s;
		}
		val[v] = '\0';
		if (strcasecmp(key, "realm") == 0)
			snprintf(c->realm, sizeof c->realm, "%s", val);
		else if (strcasecmp(key, "nonce") == 0)
			snprintf(c->nonce, sizeof c->nonce, "%s", val);
		else if (strcasecmp(key, "opaque") == 0) {
			snprintf(c->opaque, sizeof c->opaque, "%s", val);
			c->has_opaque = 1;
		} else if (strcasecmp(key, "qop") == 0) {
			snprintf(c->qop, sizeof c->qop, "%s", val);
			c->has_qop = 1;
		} else if (strcasecmp(key, "algorithm") == 0)
			snprintf(c->algorithm, sizeof c->algorithm, "%s", val);
	}
	return c->nonce[0] != '\0' ? 0 : -1;
}

/* Does the comma-separated list have the token t? */
static int
has_token(const char *list, const char *t)
{
	size_t n = strlen(t);
	const char *p = list;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (strncasecmp(p, t, n) == 0 && (p[n] == '\0' || p[n] == ',' ||
		    p[n] == ' '))
			return 1;
		while (*p != '\0' && *p != ',')
			p++;
	}
	return 0;
}

/* out = lower-case hex of md(data) */
static int
hash_hex(const EVP_MD *md, const void *data, size_t n, char *out)
{
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned int hn = 0, i;

	if (!EVP_Digest(data, n, h, &hn, md, NULL))
		return -1;
	for (i = 0; i < hn; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
	return 0;
}

static int
hash_buf(const EVP_MD *md, struct buf *b, char *out)
{
	return hash_hex(md, b->data != NULL ? b->data : "", b->len, out);
}

char *
http_digest_answer(const char *challenge, const char *user, const char *pass,
    const char *method, const char *uri, const char *body, size_t bodylen,
    const char *cnonce)
{
	struct challenge *c;
	const EVP_MD *md;
	struct buf b = BUF_INIT, out = BUF_INIT;
	char ha1[2 * EVP_MAX_MD_SIZE + 1], ha2[sizeof ha1], hbody[sizeof ha1];
	char resp[sizeof ha1];
	const char *qop = NULL, *alg;
	size_t n;
	int sess = 0;
	char *ret = NULL;

	while (*challenge == ' ')
		challenge++;
	if (strncasecmp(challenge, "Digest", 6) != 0 ||
	    (challenge[6] != ' ' && challenge[6] != '\0'))
		return NULL;
	c = xmalloc(sizeof *c);
	if (parse_challenge(challenge + 6, c) == -1)
		goto out;
	alg = c->algorithm[0] != '\0' ? c->algorithm : "MD5";
	n = strlen(alg);
	if (n > 5 && strcasecmp(alg + n - 5, "-sess") == 0) {
		sess = 1;
		n -= 5;
	}
	if (n == 3 && strncasecmp(alg, "MD5", 3) == 0)
		md = EVP_md5();
	else if (n == 7 && strncasecmp(alg, "SHA-256", 7) == 0)
		md = EVP_sha256();
	else
		goto out;
	if (c->has_qop) {
		if (has_token(c->qop, "auth"))
			qop = "auth";
		else if (has_token(c->qop, "auth-int"))
			qop = "auth-int";
		else
			goto out;
	}

	buf_printf(&b, "%s:%s:%s", user, c->realm, pass);
	if (hash_buf(md, &b, ha1) == -1)
		goto out;
	if (sess) {
		buf_reset(&b);
		buf_printf(&b, "%s:%s:%s", ha1, c->nonce, cnonce);
		if (hash_buf(md, &b, ha1) == -1)
			goto out;
	}
	buf_reset(&b);
	buf_printf(&b, "%s:%s", method, uri);
	if (qop != NULL && strcmp(qop, "auth-int") == 0) {
		if (hash_hex(md, body != NULL ? body : "", bodylen, hbody) == -1)
			goto out;
		buf_printf(&b, ":%s", hbody);
	}
	if (hash_buf(md, &b, ha2) == -1)
		goto out;
	buf_reset(&b);
	if (qop != NULL)
		buf_printf(&b, "%s:%s:00000001:%s:%s:%s", ha1, c->nonce, cnonce,
		    qop, ha2);
	else
		buf_printf(&b, "%s:%s:%s", ha1, c->nonce, ha2);
	if (hash_buf(md, &b, resp) == -1)
		goto out;

	buf_puts(&out, "Digest username=");
	format_json_cstring(&out, user, FORMAT_JSON_BF);
	buf_puts(&out, ", realm=");
	format_json_cstring(&out, c->realm, FORMAT_JSON_BF);
	buf_puts(&out, ", nonce=");
	format_json_cstring(&out, c->nonce, FORMAT_JSON_BF);
	buf_puts(&out, ", uri=");
	format_json_cstring(&out, uri, FORMAT_JSON_BF);
	if (c->algorithm[0] != '\0')
		buf_printf(&out, ", algorithm=%s", c->algorithm);
	buf_printf(&out, ", response=\"%s\"", resp);
	if (c->has_opaque) {
		buf_puts(&out, ", opaque=");
		format_json_cstring(&out, c->opaque, FORMAT_JSON_BF);
	}
	if (qop != NULL)
		buf_printf(&out, ", qop=%s, nc=00000001, cnonce=\"%s\"", qop, cnonce);
	ret = buf_steal(&out);
out:
	buf_free(&b);
	buf_free(&out);
	free(c);
	return ret;
}

void
http_digest_cnonce(char out[33])
{
	unsigned char r[16];
	size_t i;

	if (RAND_bytes(r, sizeof r) != 1)
		fatalx(1, "cannot make a digest nonce: RAND_bytes failed");
	for (i = 0; i < sizeof r; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}
