// A Promise subclass through then, resolve and await.
class MyP extends Promise {}
const p = MyP.resolve(5);
console.log(p instanceof MyP, p.then((x) => x) instanceof MyP);
(async () => {
  console.log(await p, await new MyP((r) => setTimeout(() => r('late'), 1)));
  const all = await MyP.all([1, MyP.resolve(2)]);
  console.log(JSON.stringify(all));
})();
