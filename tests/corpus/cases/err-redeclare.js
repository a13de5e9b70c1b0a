let count = 1;
if (count) {
  let count = 2;
}
const count = 3;
