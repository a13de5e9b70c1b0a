console.log(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3), String.raw({ raw: 'xyz' }, '-', '+'));
console.log(String.raw({ raw: ['only'] }, 1), '[' + String.raw({ raw: [] }) + ']', String.raw({ raw: { length: 2, 0: 'p', 1: 'q' } }, 0));
try { String.raw(); } catch (e) { console.log(e.name); }
