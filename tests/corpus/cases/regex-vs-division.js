const a = 10, b = 2, g = 1;
console.log(a / b / g);
console.log(/ab+c/.test('xabbbc'), 'a/b'.split(/\//).length);
const r = a
  / b;
console.log(r);
const re = [/x/g, /y/i];
console.log(re.length, 'XxX'.replace(re[0], '-'));
if (/^\d+$/.test('123')) console.log('digits');
const div = (a) / 2;
console.log(div, `${'x'}`.length / 1);
let x = 4; x /= 2; console.log(x);
console.log(/[/]/.test('/'), /=/.source);
