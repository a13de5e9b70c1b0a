const mod = (() => {
  let priv = 0;
  return { inc: () => ++priv, get value() { return priv; } };
})();
mod.inc(); mod.inc();
console.log(mod.value);
