function* g() {
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if (j === 1) continue outer;
      if (i === 2) break outer;
      yield `${i}${j}`;
    }
  }
  let k = 0;
  do {
    yield "do" + k;
  } while (++k < 2);
  const o = { a: 1, b: 2 };
  for (const key in o) yield key;
  block: {
    yield "in block";
    if (k) break block;
    yield "skipped";
  }
  let w = 3;
  while (w--) {
    if (w === 1) continue;
    yield "w" + w;
  }
}
console.log([...g()].join(" "));
