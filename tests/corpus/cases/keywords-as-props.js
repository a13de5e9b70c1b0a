const o = { if: 1, class: 2, default: 3, new: 4, delete: 5, function: 6, in: 7, typeof: 8 };
console.log(o.if + o.class + o.default + o.new + o.delete + o.function + o.in + o.typeof);
