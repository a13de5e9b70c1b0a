function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}
console.log([...count(4)].join(","));
const it = count(2);
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
console.log(typeof it.next, typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
