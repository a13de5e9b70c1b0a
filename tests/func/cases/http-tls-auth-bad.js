// tlsAuth entries that cannot be right (see the http-tls-auth-bad-*.case).
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
const ENC = '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nMIIB\n-----END EC PRIVATE KEY-----\n';
const MODES = {
  cert: [{ cert: 'not a certificate', key: KEY }],
  key: [{ cert: CERT, key: CERT }],
  nopass: [{ cert: CERT, key: ENC }],
  domains: [{ cert: CERT, key: KEY, domains: 'example.com' }],
  type: { cert: CERT, key: KEY },
};

export const options = { iterations: 1, tlsAuth: MODES[__ENV.MODE] };

export default function () {}
