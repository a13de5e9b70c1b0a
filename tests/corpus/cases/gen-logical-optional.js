// yield in logical assignments and after optional links in generators.
function* g(o) {
  o.count ||= yield 'count?';
  o.name ??= yield 'name?';
  o.flag &&= yield 'flag?';
  const m = o.helper?.(yield 'arg?');
  const z = o.missing?.(yield 'never asked');
  return JSON.stringify([o, m, z]);
}
const it = g({ count: 0, flag: true, helper: (x) => 'h' + x });
console.log(JSON.stringify([it.next(), it.next(5), it.next('N'), it.next(false), it.next('X')]));
