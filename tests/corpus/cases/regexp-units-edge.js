// Without the u flag over astral subjects: i with \w \b \D \W, \S in a
// class, names that are not ASCII, a range of surrogates out of order.
const show = (v) => JSON.stringify(v);
console.log(show("ab😀Cd_9".match(/\w+/gi)), show("ab😀cd".match(/\b./gi)), show("ab😀cd".match(/\B./gi)), show("k😀K".match(/[\w]/gi)), show("a😀1".match(/[\W\d]/gi)), show("a😀1".match(/\D/gi)));
console.log(show("x😀 \u00a0\ufeffy".match(/[\S]/g)), show("x😀 \u00a0\ufeffy".match(/[^\S]/g)), show("É😀é".match(/é/gi)), show("ǅ😀ǆ".match(/Ǆ/gi)));
console.log(show("😀".match(/\ud83d\ude00*/)), show("😀😀".match(/(?:\ud83d\ude00)*/)), show("a😀".match(/a\u{1}/)), show("😀".match(/[\ud83d-\udfff]+/)));
console.log(show("😀x".match(/(?<név>.)x/)?.groups), show("😀😀".replace(/(?<név>.)\k<név>/, "[$<név>]")), show("ab".match(/(?<név>.)\k<név>|b/)));
try { new RegExp("[😀-😂]"); console.log("no error"); } catch (e) { console.log(e.name); }
try { console.log(/[😀-😂]/u.test("😁")); } catch (e) { console.log(e.name); }
console.log(show("😀".match(/^[^a]$/)), show("😀".match(/^[^a][^a]$/)), show("\u{10400}\u{10428}".match(/\u{10400}/giu)), show("\u{10400}\u{10428}".match(/\ud801\udc00/gi)));
const re = /./g; const s = "😀"; console.log(re.exec(s)[0].length, re.lastIndex, re.exec(s)[0].length, re.lastIndex, re.exec(s), re.lastIndex);
console.log(show("a😀b".split(/(?:)/, -1)), show("😀".split(/(?=)/)), show("😀".replace(/(?:)/g, "-")), show("".split(/\uD83D/)), show("😀".split(/\uD83D/)));
console.log(/\w/i.test("\u017f😀"), /\w/i.test("\u212a😀"), /\W/i.test("\u017f😀"), show("ks😀".match(/[\W]/gi)), show("ks😀".match(/[^\w]/gi)), show("\u212ak😀".match(/\b./gi)), show("ſs😀".match(/\B./gi)));
