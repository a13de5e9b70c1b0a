var a = Symbol.for('app'), b = Symbol.for('app'), c = Symbol('app');
console.log(a === b, a === c);
console.log(Symbol.keyFor(a), Symbol.keyFor(c));
console.log(Symbol.for(1) === Symbol.for('1'));
try { Symbol.keyFor('nope'); } catch (e) { console.log(e.name); }
