const base = { greet() { return 'base'; }, get kind() { return 'base-kind'; } };
const child = {
  __proto__: base,
  greet() { return super.greet() + '+child'; },
  get kind() { return 'child<' + super.kind; },
};
console.log(child.greet(), child.kind);
const viaCreate = Object.create(child);
console.log(viaCreate.greet());
