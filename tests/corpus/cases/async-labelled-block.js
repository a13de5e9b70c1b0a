// break out of labelled blocks and nested loops after awaits.
(async () => {
  const out = [];
  block: {
    out.push(await Promise.resolve('in'));
    if (out.length) break block;
    out.push('never');
  }
  let n = 0;
  loop: while (true) {
    do {
      n += await Promise.resolve(1);
      if (n > 3) break loop;
    } while (n % 2);
  }
  console.log(out.join(), n);
})();
