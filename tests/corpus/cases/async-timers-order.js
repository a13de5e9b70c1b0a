// Timers and awaits interleave by due time, then by creation.
const log = [];
const sleep = (ms, v) => new Promise((r) => setTimeout(() => { log.push(v); r(); }, ms));
(async () => {
  await Promise.all([sleep(90, 'c3'), sleep(1, 'a1'), sleep(45, 'b2'), sleep(1, 'a1 second')]);
  setTimeout(() => log.push('t0'), 0);
  await null;
  log.push('after await');
  await sleep(1, 'last');
  console.log(log.join(' '));
})();
