const a = 1;
async function f() {
  await 1;
}
