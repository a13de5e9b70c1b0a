for (const x of [1, 2, 3, 4, 5]) {
  if (x === 2) continue;
  if (x === 4) break;
  console.log(x);
}
outer: for (const a of [1, 2, 3]) {
  for (const b of [1, 2, 3]) {
    if (b === 2) continue outer;
    if (a === 3) break outer;
    console.log(a, b);
  }
}
