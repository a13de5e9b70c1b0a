const r = /x/dgimsy;
console.log(r.hasIndices, r.global, r.ignoreCase, r.multiline, r.dotAll, r.sticky, r.unicode);
const n = /x/;
console.log(n.hasIndices, n.global, n.ignoreCase, n.multiline, n.dotAll, n.sticky, n.unicode);
console.log(/x/u.unicode, typeof Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get);
