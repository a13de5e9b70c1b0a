// Objects that inherit a then without being promises: an object made from
// Promise.prototype and a proxy whose get trap answers then.
const log = [];
async function main() {
  try {
    await Object.create(Promise.prototype);
    log.push('no throw');
  } catch (e) {
    log.push(e instanceof TypeError);
  }
  const p = new Proxy({ v: 1 }, {
    get(t, k) { if (k === 'then') return (res) => res('from proxy'); return t[k]; },
  });
  log.push(await p);
  return log;
}
main().then((l) => console.log(l.join(' ')));
