// auth: "ntlm" starts NTLM's handshake: the first request carries a
// type 1 (negotiate) message.
import http from 'k6/http';
import { check } from 'k6';

const B = __ENV.TARGET.replace('http://', '');

export const options = { iterations: 1 };

export default function () {
  const r = http.get(`http://user:pass@${B}/headers`, { auth: 'ntlm' });
  check(r, {
    'status 200': (r) => r.status === 200,
    // base64 of "NTLMSSP\0" and the message type 1
    'NTLM negotiate sent': (r) => r.json('headers.Authorization').indexOf('NTLM TlRMTVNTUAAB') === 0,
  });
}
