// The Function constructor takes what the program's compiler takes:
// modern syntax and statements nested deeper than the engine's parser
// allows (code generators such as ajv's emit both).
var add = new Function('a', 'b', 'return a + b;');
console.log('plain', add(2, 3), add.length, typeof add);
var arrow = new Function('xs', 'return xs.map(x => x * 2).join();');
console.log('arrow', arrow([1, 2, 3]));
var tmpl = Function('name', 'const greet = `hi ${name}`; let n = 1; return greet + n;');
console.log('template', tmpl('k6'));
var dflt = new Function('a = 5', '{ b } = {}', 'return a + (b || 0);');
console.log('defaults', dflt(), dflt(1, { b: 2 }));
var deep = new Function('v', 'var r = -1; if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { if (v >= 0) { r = v * 2; } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } return r;');
console.log('deep', deep(21), deep(-1));
var self = new Function('return this && this.tag;');
console.log('this', self.call({ tag: 't' }));
var args = new Function('return arguments.length;');
console.log('arguments', args(1, 2, 3));
var cls = new Function('class A { m() { return 7; } } return new A().m();');
console.log('class', cls());
try { new Function('return (;'); } catch (e) { console.log('syntax', e instanceof SyntaxError); }
var gen = new Function('function* g() { yield 1; yield 2; } return [...g()].join();');
console.log('generator', gen());
