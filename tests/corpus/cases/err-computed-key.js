const items = [1, 2];
for (const x of items) {
  console.log(x);
}
const o = { ...items, [1 + ] : 2 };
