import { check } from 'k6';
export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
export default function () {
  let s = '<body>';
  for (let i = 0; i < 2000; i++) s += `<p>item ${i}</p>`;
  s += '<input name="csrf" value="tok123"></body>';
  const inner = s.length - 13;
  // Each of these makes mujs's own matcher give up; PCRE2 takes over.
  check(s, {
    'exec': (s) => /<body>(.*)<\/body>/.exec(s)[1].length === inner,
    'exec index': (s) => /<p>item 5<\/p>(.*)<\/body>/.exec(s).index === 6 + 5 * 13,
    'match': (s) => s.match(/<p>item (\d+)<\/p>.*value="(\w+)"/)[2] === 'tok123',
    'match global': (s) => s.match(/(<body>.*)<\/body>/g).length === 1,
    'replace $1': (s) => s.replace(/<body>(.*)<\/body>/, '[$1]').length === inner + 2,
    'replace fn': (s) => s.replace(/<body>(.*)<\/body>/, (m, g) => g.length) === String(inner),
    'search': (s) => s.search(/<body>.*value/) === 0,
    'test': (s) => /<body>(.*)tok123/.test(s) === true,
    'split': (s) => s.split(/<body>.*<input/)[1] === ' name="csrf" value="tok123"></body>',
    'no match': (s) => /<body>(.*)nowhere/.exec(s) === null,
  });
}
