// tlsAuth entries that cannot be right (see the http-tls-auth-bad-*.case).
const C = __ENV.TARGET_CLIENT;
const CERT = open(`${C}/client-a.pem`);
const KEY = open(`${C}/client-a-key.pem`);
const ENC = open(`${C}/client-b-key.pem`);
// the certificate with its last 8 base64 characters cut off
const SHORT = CERT.replace(/[A-Za-z0-9+\/=]{8}\n-----END/, '\n-----END');
const MODES = {
  cert: [{ cert: 'not a certificate', key: KEY }],
  short: [{ cert: SHORT, key: KEY }],
  key: [{ cert: CERT, key: CERT }],
  nopass: [{ cert: CERT, key: ENC }],
  domains: [{ cert: CERT, key: KEY, domains: 'example.com' }],
  type: { cert: CERT, key: KEY },
};

export const options = { iterations: 1, tlsAuth: MODES[__ENV.MODE] };

export default function () {}
