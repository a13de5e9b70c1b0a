// JavaScript's regular expressions over a 1 MiB response body: flags,
// named groups, lookbehind, lastIndex loops and the String methods, with
// the patterns mujs refused (repeat counts past 255, \_).
import http from 'k6/http';
import { check } from 'k6';
export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };
export default function () {
  const res = http.get(`${__ENV.TARGET}/big-html?kb=1024`);
  const body = res.body;
  const n = (body.match(/<p id=/g) || []).length;
  const re = /<p id="p(?<id>\d+)">Paragraph \k<id>\./g;
  let m, last = 0, count = 0;
  while ((m = re.exec(body)) !== null) {
    count++;
    last = Number(m.groups.id);
  }
  check(body, {
    'paragraphs over 5,000': () => n > 5000,
    'exec loop with named groups and \\k': () => count === n && last === n && re.lastIndex === 0,
    'matchAll': () => [...body.matchAll(/(?<=<p id="p)\d+(?=")/g)].length === n,
    'sticky': () => { const y = /<!DOCTYPE html>\n/y; return y.test(body) && y.lastIndex === 16 && !y.test(body); },
    'replace with $<name>': () => body.replace(/<p id="p(?<id>\d+)">/g, '[$<id>]').indexOf('[7]Paragraph 7.') >= 0,
    'replace fn': () => body.replace(/Paragraph (\d+)/g, (s, d) => d % 2 ? 'odd' : 'even').split('odd').length - 1 === Math.ceil(n / 2),
    'split': () => body.split(/<\/p>\n/).length === n + 1,
    'search dotAll': () => body.search(/<h1>.*<\/h1>.*<form/s) > 0,
    'csrf': () => /name="csrf" value="([^"]+)"/.exec(body) !== null,
    'long repeat': () => /^(?:[\s\S]){300}/.test(body) && /[a-z\_]{2,300}/.exec('x_y')[0] === 'x_y',
    'multiline': () => body.match(/^<p id="p1">/m).index > 0 && /^<body>$/m.test(body),
    'flags': () => /x/dgimsuy.flags === 'dgimsuy',
  });
}
