console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON === Math.pow(2, -52), Number.EPSILON > 0);
console.log(Number.parseFloat === parseFloat, Number.parseInt === parseInt, Number.parseInt('42px'), Number.parseFloat('3.5e1x'));
console.log(Object.keys(Number).length);
