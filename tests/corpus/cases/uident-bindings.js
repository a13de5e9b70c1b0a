// Identifiers of any Unicode letters (CJK, accents, combining marks, ZWNJ
// and ZWJ) bind and read in every form; property keys and exported names
// keep the user's spelling.
import 既定, { 名前, 計数, 増やす, ﾟ‌x as 零幅, 別名 } from './lib/unames.js';
import * as 全部 from './lib/unames.js';

var 変数 = 1;
let ñandú = 2;
const é́ = 3; // e with an acute, and a combining acute
const a‍b = 4, a‌b = 5, ab = 6; // ZWJ, ZWNJ, neither: three names
console.log(変数, ñandú, é́, a‍b, a‌b, ab);

function 関数(引数, 既定値 = 引数 + 1, ...残り) {
  return [引数, 既定値, 残り.length];
}
console.log(関数(1).join(), 関数(1, 5, 6, 7).join(), 関数.name);

const { 鍵: 値, 盾 = 'dflt', ...他 } = { 鍵: 'k', 外: 'o' };
const [一, [二], ...三] = [1, [2], 3, 4];
console.log(値, 盾, JSON.stringify(他), 一, 二, 三.join());

const 物 = { 名前, 変数, 関数, 'ü': 1, 方法() { return 物.変数; } };
console.log(Object.keys(物).sort().join(), 物.方法(), 物['名前'], 物.ü);
物.新しい = 7;
console.log(物['新しい'], '変数' in 物, 物.方法.name);

function 外側() {
  let 数 = 0;
  return () => ++数;
}
const 足す = 外側();
足す();
console.log(足す(), 足す.name);

class 形 {
  constructor(辺) { this.辺 = 辺; }
  get 面積() { return this.辺 * this.辺; }
  static 作る(辺) { return new 形(辺); }
}
console.log(形.作る(3).面積, 形.name, Object.keys(new 形(1)).join());

for (const 項 of [1, 2]) console.log('of', 項);
for (let 鍵 in { p: 1 }) console.log('in', 鍵);
try { throw new Error('e'); } catch (誤り) { console.log(誤り.message); }
外: for (let ί = 0; ί < 3; ί++) { for (;;) { if (ί === 1) break 外; break; } console.log('loop', ί); }

function* 生成() { yield 1; }
async function 非同期() { await 0; return 'async'; }
console.log([...生成()].join(), 生成.name);
非同期().then((結果) => console.log(結果, 非同期.name));

\u5909\u6570 = 10;
console.log(変数, \u{540d}前);

console.log(名前, 計数, 零幅, 別名, 既定(), 既定.name);
増やす();
console.log(計数, 全部.計数, Object.keys(全部).sort().join());
export const 出力 = 1;
export { 変数 as 別の変数 };
