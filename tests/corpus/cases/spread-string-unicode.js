const s = 'aé😀b';
const chars = [...s];
console.log(chars.length, chars[2] === '😀');
