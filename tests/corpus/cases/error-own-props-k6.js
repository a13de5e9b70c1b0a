// Every kind of error has k6's own properties: stack (first) and
// message, neither enumerable, all writable and configurable, and nothing
// else a script can see (mujs's stackTrace is hidden); e.stack may be set
// and deleted as an own property.
function caught(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
}
function attrs(o, k) {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d === undefined ? '-' :
    [typeof d.value, d.writable, d.enumerable, d.configurable, 'get' in d].join(',');
}
function inspect(e) {
  // chai's loupe: the own names but these, shown after the message
  const skip = ['stack', 'line', 'column', 'name', 'message', 'fileName',
    'lineNumber', 'columnNumber', 'number', 'description', 'cause'];
  const rest = Object.getOwnPropertyNames(e).filter((k) => skip.indexOf(k) < 0);
  return e.name +
    (rest.length ? ' { ' + rest.join(', ') + ' }' : '');
}
function show(label, e) {
  const seen = [];
  for (const k in e) seen.push(k);
  console.log(label, JSON.stringify(Object.getOwnPropertyNames(e)),
    attrs(e, 'stack'), attrs(e, 'message'), attrs(e, 'cause'),
    JSON.stringify(Object.keys(e)), JSON.stringify(seen), JSON.stringify(e),
    JSON.stringify(Object.assign({}, e)), JSON.stringify({ ...e }),
    e.hasOwnProperty('stackTrace'), 'stackTrace' in e, typeof e.stackTrace,
    e.hasOwnProperty('stack'), 'stack' in e, typeof e.stack, inspect(e));
}
class Plain extends Error {}
class Named extends Error {
  constructor(m) {
    super(m);
    this.name = 'Named';
  }
}
class Fielded extends Error {
  code = 7;
}
show('Error', new Error('e'));
show('Error()', new Error());
show('call', Error('called'));
show('TypeError', new TypeError('t'));
show('RangeError', new RangeError('r'));
show('SyntaxError', new SyntaxError('s'));
show('ReferenceError', new ReferenceError('f'));
show('EvalError', new EvalError('v'));
show('URIError', new URIError('u'));
show('cause', new Error('c', { cause: 'why' }));
show('typecause', new TypeError('c', { cause: 0 }));
show('member', caught(() => { const o = undefined; return o.x; }));
show('undeclared', caught(() => undeclaredName + 1));
show('length', caught(() => new Array(-1)));
show('call', caught(() => { const f = 5; f(); }));
show('uri', caught(() => decodeURIComponent('%')));
show('json', caught(() => JSON.parse('{')));
show('runtime', caught(() => new Map([1])));
show('Plain', new Plain('p'));
show('Named', new Named('n'));
show('Fielded', new Fielded('f', { cause: 1 }));
show('agg', new AggregateError([1, 2], 'a'));
show('clone', structuredClone(new RangeError('c')));
show('clonecause', structuredClone(new Error('c', { cause: 3 })));
show('frozen', Object.freeze(new Error('fr')));
const agg = new AggregateError([1, 2], 'a', { cause: 'c' });
console.log(JSON.stringify(agg.errors), agg.cause, attrs(agg, 'errors'), agg instanceof Error,
  agg.stack.split('\n')[0]);
Promise.any([Promise.reject(1)]).catch((e) => show('any', e));
const c = structuredClone(new TypeError('t'));
console.log(c instanceof TypeError, c.name, c.message);
console.log(new Error('x', { cause: 'y' }).cause, new Plain('x', { cause: 2 }).cause);

// stack is an own data property: set, deleted, defined
const s = new Error('set');
s.stack = 'mine';
show('set', s);
console.log(s.stack);
const d = new Error('del');
console.log(delete d.stack, d.stack, 'stack' in d, d.hasOwnProperty('stack'));
show('deleted', d);
const d2 = new TypeError('del2');
d2.stack;
console.log(delete d2.stack, d2.stack, JSON.stringify(Object.getOwnPropertyNames(d2)));
const df = new Error('def');
Object.defineProperty(df, 'stack', { value: 'defined', writable: false,
  enumerable: false, configurable: true });
console.log(JSON.stringify(Object.getOwnPropertyNames(df)), attrs(df, 'stack'),
  JSON.stringify(df));
const first = new Error('first');
first.extra = 1;
console.log(JSON.stringify(Object.getOwnPropertyNames(first)),
  JSON.stringify(first), first.stack.split('\n')[0]);
console.log(Object.getOwnPropertyNames(Error.prototype).indexOf('stack'),
  'stack' in Error.prototype, 'stack' in Object.create(Error.prototype));
const inherits = Object.create(new Error('proto'));
console.log(typeof inherits.stack, inherits.hasOwnProperty('stack'));
const ix = new Error('i');
ix[1] = 1;
ix.z = 2;
console.log(JSON.stringify(Object.getOwnPropertyNames(ix)), JSON.stringify(ix));
