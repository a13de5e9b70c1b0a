function* g() {
  yield this.name;
  yield arguments.length;
  yield [...arguments].join("+");
  const arrow = () => this.name + "!";
  yield arrow();
}
const o = { name: "obj", g };
console.log([...o.g(1, 2, 3)].join(","));
function* defaults(a = 1, { b } = { b: 2 }, ...rest) {
  yield a + b + rest.length;
}
console.log(defaults().next().value, defaults(10, { b: 20 }, 1, 2).next().value);
