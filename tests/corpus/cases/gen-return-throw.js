// Generator return() and throw() through try/finally and yield*.
function* inner() { try { yield 1; yield 2; } finally { console.log('inner cleanup'); } }
function* outer() { try { yield* inner(); yield 3; } catch (e) { yield 'caught ' + e; } finally { console.log('outer cleanup'); } }
let it = outer();
console.log(JSON.stringify([it.next(), it.return('r'), it.next()]));
it = outer();
console.log(JSON.stringify([it.next(), it.throw('boom'), it.next()]));
it = outer();
console.log(JSON.stringify([...it]));
function* fin() { try { yield 'a'; } finally { yield 'in finally'; } }
it = fin();
console.log(JSON.stringify([it.next(), it.return('x'), it.next(), it.next()]));
