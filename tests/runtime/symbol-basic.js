var a = Symbol('x'), b = Symbol('x'), c = Symbol();
console.log(a === b, a === a, a !== c);
var o = {};
Object.defineProperty(o, a, { value: 1, enumerable: false, configurable: true });
console.log(o[a], o[b]);
try { new Symbol(); } catch (e) { console.log(e.name); }
console.log(Symbol.iterator === Symbol.iterator, Symbol.asyncIterator !== Symbol.iterator);
console.log(typeof Symbol.hasInstance !== 'undefined', typeof Symbol.toPrimitive !== 'undefined', typeof Symbol.toStringTag !== 'undefined');
