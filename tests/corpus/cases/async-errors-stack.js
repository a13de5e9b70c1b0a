// Errors thrown after awaits keep their type and message.
async function bad(kind) {
  await null;
  if (kind === 'type') null.x;
  if (kind === 'range') new Array(-1);
  if (kind === 'custom') { class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } } throw new MyErr('mine'); }
  throw 'plain';
}
(async () => {
  for (const k of ['type', 'range', 'custom', 'plain']) {
    try { await bad(k); } catch (e) { console.log(k, typeof e === 'string' ? e : e.name, e instanceof Error); }
  }
})();
