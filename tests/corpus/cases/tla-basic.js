// Top-level await: the module's evaluation goes on after each await,
// and what follows sees the values awaited.
import { later, order } from './lib/tla-dep.js';
order.push('entry start');
const v = await Promise.resolve(42);
order.push('entry after await ' + v);
for (const x of [1, 2]) {
  order.push('loop ' + (await new Promise((r) => setTimeout(() => r(x * 10), 5))));
}
try {
  await Promise.reject(new Error('caught'));
} catch (e) {
  order.push('catch ' + e.message);
}
export const result = v + later;
order.push('result ' + result);
console.log(order.join('\n'));
