const o = {
  v: 7,
  m() {
    const a = () => () => () => this.v;
    return a()()();
  },
};
console.log(o.m());
