const K = class {
  m() { return 'anon'; }
};
const N = class Named {
  who() { return typeof Named; }
};
console.log(new K().m(), new N().who());
function make(base) { return class extends base { x() { return 'x'; } }; }
const M = make(K);
console.log(new M().m(), new M().x());
