import http from 'k6/http';
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const B = __ENV.TARGET;
const bin = open('./binary-bytes.bin', 'b');

export default function () {
  const f = http.file(bin, 'all-bytes.bin', 'image/png');
  const t = http.file('plain text');
  let r = http.post(`${B}/inspect`, { upload: f, text: t, field: 'value', list: ['a', 'b'] });
  const j = r.json();
  const p = j.parts || [];
  const byName = {};
  p.forEach((x) => { byName[x.name + (byName[x.name] ? '2' : '')] = x; });
  check(r, {
    'http.file fields': () => f.filename === 'all-bytes.bin' && f.content_type === 'image/png' && f.data === bin,
    'http.file defaults': () => t.content_type === 'application/octet-stream' && /^[0-9]{19}$/.test(t.filename),
    'Content-Type has the boundary': () => /^multipart\/form-data; boundary=[0-9a-f]{60}$/.test(j.content_type),
    'well formed, closed': () => j.closed === true && p.length === 5,
    'fields in key order': () => p.map((x) => x.name).join() === 'field,list,list,text,upload',
    'file part bytes': () => byName.upload.length === 256 && byName.upload.sha256 === crypto.sha256(bin, 'hex'),
    'file part filename': () => byName.upload.filename === 'all-bytes.bin',
    'file part Content-Type': () => byName.upload.content_type === 'image/png',
    'string file part': () => byName.text.data === 'plain text' && byName.text.filename === t.filename &&
      byName.text.content_type === 'application/octet-stream',
    'plain field': () => byName.field.data === 'value' && byName.field.filename === null && byName.field.content_type === null,
    'array field repeats': () => byName.list.data === 'a' && byName.list2.data === 'b',
  });

  r = http.put(`${B}/inspect`, { f: http.file(new Uint8Array([1, 2, 3]).buffer, 'x') },
    { headers: { 'Content-Type': 'multipart/form-data; boundary=mine' } });
  check(r, {
    "the script's Content-Type wins": () => r.json().content_type === 'multipart/form-data; boundary=mine' &&
      r.json().parts.length === 0,
  });

  r = http.post(`${B}/post`, { a: '1', b: 'x y' });
  check(r, {
    'objects without files stay form-urlencoded': () => r.json().form.b === 'x y' &&
      r.json().headers['Content-Type'] === 'application/x-www-form-urlencoded',
  });

  r = http.post(`${B}/inspect`, { 'n"\\': http.file('x', 'a"b\\c.txt') });
  const raw = encoding.b64decode(r.json().base64, 'std', 's');
  check(r, {
    'quotes and backslashes escaped as Go does': () =>
      raw.indexOf('Content-Disposition: form-data; name="n\\"\\\\"; filename="a\\"b\\\\c.txt"\r\n' +
        'Content-Type: application/octet-stream\r\n\r\nx\r\n--') > 0,
  });

  r = http.post(`${B}/post`, { doc: http.file('hello', 'h.txt', 'text/plain'), k: 'v' });
  check(r, {
    'the target sees a file and a field': () => r.json().files.doc === 'hello' && r.json().form.k === 'v',
    'a line break in a part header is an error': () => {
      try { http.post(`${B}/inspect`, { f: http.file('x', 'a\r\nX-Evil: 1') }); } catch (e) { return /line break/.test(String(e)); }
      return false;
    },
    'http.file rejects other data': () => {
      try { http.file({}); } catch (e) { return e.name === 'GoError'; }
      return false;
    },
  });
}
