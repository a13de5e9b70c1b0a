function t(s) {
  if (!s) return /empty/.source;
  return typeof /x/ + ' ' + s;
}
console.log(t(''), t('y'));
const arr = [/a/, /b/];
console.log(arr.length);
