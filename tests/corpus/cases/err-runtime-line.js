function thrower() {
  const o = { a: 1 };
  throw new Error('boom ' + o.a);
}

const f = () => {
  thrower();
};
f();
