// Promise.prototype.finally keeps the value, its own rejection wins.
(async () => {
  console.log(await Promise.resolve('kept').finally(() => 'ignored'));
  try { await Promise.resolve('x').finally(() => { throw new Error('finally threw'); }); } catch (e) { console.log(e.message); }
  try { await Promise.reject(new Error('orig')).finally(() => Promise.resolve('slow')); } catch (e) { console.log(e.message); }
  let ran = 0;
  await Promise.resolve().finally(async () => { await null; ran++; });
  console.log('ran', ran);
})();
