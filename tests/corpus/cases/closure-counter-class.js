class Stack {
  #items = [];
  push(...xs) { this.#items.push(...xs); return this; }
  pop() { return this.#items.pop(); }
  get size() { return this.#items.length; }
}
const s = new Stack().push(1, 2, 3);
console.log(s.pop(), s.size);
