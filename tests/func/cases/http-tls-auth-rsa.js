// tlsAuth options that are right: an RSA certificate (long enough to
// trip a backtracking regular expression), a chain with CRLF line ends,
// a PKCS#8 key encrypted with a password.  Only the options are read.
const CERT = open('./http-tls-auth-rsa.pem');

export const options = {
  iterations: 1,
  tlsAuth: [
    { cert: CERT, key: open('./http-tls-auth-rsa-key.pem'), password: 'lyocell' },
    { cert: (CERT + CERT).replace(/\n/g, '\r\n'), key: open('./http-tls-auth-rsa-key.pem'), password: 'lyocell', domains: ['example.com'] },
  ],
};

export default function () {}
