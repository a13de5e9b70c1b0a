// res.json(selector): k6's GJSON paths (github.com/tidwall/gjson's
// SYNTAX.md), over the body the target echoes back as "json".  Expected
// values are worked out from that document.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };
const B = __ENV.TARGET;

const doc = {
  name: { first: 'Tom', last: 'Anderson' },
  age: 37,
  children: ['Sara', 'Alex', 'Jack'],
  'fav.movie': 'Deer Hunter',
  friends: [
    { first: 'Dale', last: 'Murphy', age: 44, nets: ['ig', 'fb', 'tw'] },
    { first: 'Roger', last: 'Craig', age: 68, nets: ['fb', 'tw'] },
    { first: 'Jane', last: 'Murphy', age: 47, nets: ['ig', 'tw'] },
  ],
  vals: [
    { a: 1, b: true }, { a: 2, b: true }, { a: 3, b: false }, { a: 4, b: '0' },
    { a: 5, b: 0 }, { a: 6, b: '1' }, { a: 7, b: 1 }, { a: 8, b: 'true' },
    { a: 9, b: false }, { a: 10, b: null }, { a: 11 }, { a: 12, b: 'TrUe' },
  ],
  nested: [1, [2], [3, [4]]],
  grp: { id: ['123', '456', '789'], val: [2, 1] },
  s: '{"x":1}',
  'sp*c?': 'star', 'a|b': 1, 'h#': 2, '@at': 3,
  mixed: [1, '2', true, false, null, { k: 1 }],
  objs: [{ a: 1, b: 2 }, { b: 3, c: 4 }, 'skip'],
  pats: ['a*b', 'axb', 'a"b', '~x'],
};

const U = undefined;
const cases = [
  // basic
  ['json.name.last', 'Anderson'],
  ['json.age', 37],
  ['json.children', ['Sara', 'Alex', 'Jack']],
  ['json.children.1', 'Alex'],
  ['json.children.3', U],
  ['json.friends.1.first', 'Roger'],
  ['json.nosuch', U],
  ['json.name.first.x', U],
  ['json.toString', U],
  ['json.children.length', U],
  // wildcards and escapes
  ['json.child*.2', 'Jack'],
  ['json.c?ildren.0', 'Sara'],
  ['json.name.l??t', 'Anderson'],
  ['json.name.x*', U],
  ['json.children.*', U],
  ['json.fav\\.movie', 'Deer Hunter'],
  ['json.sp\\*c\\?', 'star'],
  ['json.sp*', 'star'],
  ['json.sp\\*', U],
  ['json.a\\|b', 1],
  ['json.h\\#', 2],
  ['json.\\@at', 3],
  ['json.@at', 3],
  // arrays
  ['json.friends.#', 3],
  ['json.friends.#.age', [44, 68, 47]],
  ['json.friends.#.nets.#', [3, 2, 2]],
  ['json.friends.#.nets.0', ['ig', 'fb', 'ig']],
  ['json.children.#.x', []],
  ['json.name.#', U],
  // queries
  ['json.friends.#(last=="Murphy").first', 'Dale'],
  ['json.friends.#(last=="Murphy")#.first', ['Dale', 'Jane']],
  ['json.friends.#(age>45)#.last', ['Craig', 'Murphy']],
  ['json.friends.#(first%"D*").last', 'Murphy'],
  ['json.friends.#(first!%"D*").last', 'Craig'],
  ['json.children.#(!%"*a*")', 'Alex'],
  ['json.children.#(%"*a*")#', ['Sara', 'Jack']],
  ['json.friends.#(nets.#(=="fb"))#.first', ['Dale', 'Roger']],
  ['json.friends.#(last="Murphy")#.first', ['Dale', 'Jane']],
  ['json.friends.#(age<=47)#.first', ['Dale', 'Jane']],
  ['json.friends.#(age>=68)#.first', ['Roger']],
  ['json.friends.#(age!=44)#.first', ['Roger', 'Jane']],
  ['json.friends.#(age<45).first', 'Dale'],
  ['json.children.#(%"S\\u0061*")', 'Sara'],
  ['json.pats.#(%"a\\\\*b")#', ['a*b']],
  ['json.pats.#(%"a*b")#', ['a*b', 'axb', 'a"b']],
  ['json.pats.#(=="a\\"b")', 'a"b'],
  ['json.pats.#(=="~x")', U],
  ['json.friends.#(age>44x)#.first', ['Dale', 'Roger', 'Jane']],
  ['json.friends.#(age>"45")#.first', ['Roger', 'Jane']],
  ['json.friends.#( age == 47 ).first', 'Jane'],
  ['json.friends.#(last<"D")#.first', ['Roger']],
  ['json.friends.#(last=="Nobody").first', U],
  ['json.friends.#(last=="Nobody")#', []],
  ['json.friends.#(nets)#.first', ['Dale', 'Roger', 'Jane']],
  ['json.friends.#(x)#', []],
  ['json.friends.#[last=="Murphy"].first', 'Dale'],
  ['json.friends.#(first=="a|b.c")', U],
  ['json.vals.#(b==~true)#.a', [1, 2, 6, 7, 8, 12]],
  ['json.vals.#(b==~false)#.a', [3, 4, 5, 9, 10, 11]],
  ['json.mixed.#(==true)', true],
  ['json.mixed.#(==false)', false],
  ['json.mixed.#(==null)', U],
  ['json.mixed.#(=="2")', '2'],
  ['json.mixed.#(>0)#', [1, '2']],
  ['json.mixed.#(k==1).k', 1],
  ['json.name.#(first=="Tom")', U],
  ['json.children.#(@this=="Alex")', U],
  ['json.friends.#(nets!x)#.first', ['Dale', 'Roger', 'Jane']],
  // dot and pipe
  ['json.friends|0.first', 'Dale'],
  ['json.friends.0|first', 'Dale'],
  ['json.friends|0|first', 'Dale'],
  ['json.friends|#', 3],
  ['json.friends.#(last="Murphy")#|first', U],
  ['json.friends.#(last="Murphy")#.0', []],
  ['json.friends.#(last="Murphy")#|0.first', 'Dale'],
  ['json.friends.#(last="Murphy")#.#', []],
  ['json.friends.#(last="Murphy")#|#', 2],
  ['json.friends.#.first|1', 'Roger'],
  ['json.friends.#.first|#', 3],
  // modifiers
  ['json.children.@reverse', ['Jack', 'Alex', 'Sara']],
  ['json.children.@reverse.0', 'Jack'],
  ['json.children|@reverse|0', 'Jack'],
  ['@this.json.age', 37],
  ['json.@this.age', 37],
  ['json.nested.@flatten', [1, 2, 3, [4]]],
  ['json.nested.@flatten:{"deep":true}', [1, 2, 3, 4]],
  ['json.objs.@join', { a: 1, b: 3, c: 4 }],
  ['json.name.@keys', ['first', 'last']],
  ['json.name.@values', ['Tom', 'Anderson']],
  ['json.children.@keys', [null, null, null]],
  ['json.age.@values', [37]],
  ['json.grp.@group', [{ id: '123', val: 2 }, { id: '456', val: 1 }, { id: '789' }]],
  ['json.s.@fromstr.x', 1],
  ['json.name.@tostr', '{"first":"Tom","last":"Anderson"}'],
  ['json.age.@valid', 37],
  ['json.name.@pretty.first', 'Tom'],
  ['json.name|@ugly|last', 'Anderson'],
  ['json.children.@nope', U],
  ['json.children.@reverse:x.0', ['Jack', 'Alex', 'Sara']],
  ['json.friends.#.nets.@reverse', [['tw', 'fb', 'ig'], ['tw', 'fb'], ['tw', 'ig']]],
  ['json.friends.#.first|@reverse', ['Jane', 'Roger', 'Dale']],
  ['json.friends.@dig:first', ['Dale', 'Roger', 'Jane']],
  ['json.name.@dig:last', ['Anderson']],
  ['json.children.@dig:x', []],
  // JSON Lines: a body that is valid JSON is one line
  ['..#', 1],
  ['..0.json.age', 37],
  ['..json', U],
  // multipaths and literals
  ['json.[name.first,age,children.0]', ['Tom', 37, 'Sara']],
  ['json.{name.first,age,"the_murphys":friends.#(last="Murphy")#.first}',
    { first: 'Tom', age: 37, the_murphys: ['Dale', 'Jane'] }],
  ['json.[name.first,nosuch]', ['Tom']],
  ['json.{name.first,"company":!"Happysoft","employed":!true}',
    { first: 'Tom', company: 'Happysoft', employed: true }],
  ['[json.age,json.name.last]', [37, 'Anderson']],
  ['{json.age,json.friends.#}', { age: 37, _: 3 }],
  ['json.friends.#.[first,age]', [['Dale', 44], ['Roger', 68], ['Jane', 47]]],
  ['json.[name.first,age]|1', 37],
  ['!{"a":[1,2]}.a.1', 2],
  ['json.name.!true', U],
  ['json.[name.first, age]', ['Tom']],
  ['json.{k:age,"q":name.last}', { k: 37, q: 'Anderson' }],
  ['json.{fav\\.movie}', { 'fav\\.movie': 'Deer Hunter' }],
  ['json.[name.first,age].1', 37],
];

// Objects compare with their keys sorted; arrays in order.
function canon(v) {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
}

export default function () {
  const r = http.post(`${B}/post`, JSON.stringify(doc),
    { headers: { 'Content-Type': 'application/json' } });
  const checks = {};
  cases.forEach(([sel, want]) => {
    checks[sel] = (r) => {
      const got = r.json(sel);
      if (canon(got) !== canon(want))
        console.log(`${sel}: got ${canon(got)}, want ${canon(want)}`);
      return canon(got) === canon(want);
    };
  });
  check(r, checks);
  const whole = r.json();
  const kids = r.json('json.children');
  whole.json.age = 1;
  whole.json.children.push('Zed');
  kids.push('Kid');
  check(r, {
    'fresh value per call': (r) => r.json('json.name') !== r.json('json.name') &&
      r.json('json.friends.0.nets') !== r.json('json.friends.0.nets'),
    'changes to results do not reach selectors': (r) => r.json('json.age') === 37 &&
      r.json('json.children.#') === 3 && r.json('json.children|@reverse|0') === 'Jack',
    'no selector is the cached body': (r) => r.json() === whole && r.json().json.age === 1,
  });
  const h = http.get(`${B}/html`);
  let msg = '';
  try { h.json(); } catch (e) { msg = e.name; }
  check(h, {
    'selector on a body that is not JSON': (h) => h.json('a.b') === undefined &&
      h.json('@this') === undefined,
    'no selector still throws': () => msg === 'GoError',
  });
}
