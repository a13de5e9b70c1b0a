// TextEncoder and TextDecoder (UTF-8): encode, encodeInto, fatal, BOM, streams.
const enc = new TextEncoder();
const b = enc.encode("héllo €😀");
console.log(enc.encoding, b.constructor.name, b.length, Array.from(b).join());
console.log(Array.from(enc.encode("\uD83D\uDE00")).join(), Array.from(enc.encode("a\uD800b")).join(), enc.encode().length, Array.from(enc.encode("\0")).join());
const dst = new Uint8Array(5);
console.log(JSON.stringify(enc.encodeInto("a€😀", dst)), Array.from(dst).join());
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, dec.decode(b), dec.decode(b.buffer) === "héllo €😀", dec.decode());
console.log(JSON.stringify(dec.decode(new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82, 0x63, 0xf0, 0x9f, 0x98]))));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))), JSON.stringify(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
try { new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xc3])); } catch (e) { console.log(e.name, e.message); }
try { new TextDecoder("latin1x"); } catch (e) { console.log(e.name, e.message); }
const sd = new TextDecoder();
const parts = [new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac, 0x21])];
console.log(sd.decode(parts[0], { stream: true }) + "|" + sd.decode(parts[1], { stream: true }) + "|" + sd.decode());
console.log(new TextDecoder().decode(new Uint8Array([0x68, 0, 0x69])).length, new TextDecoder().decode(new DataView(new Uint8Array([0x6f, 0x6b]).buffer)));
