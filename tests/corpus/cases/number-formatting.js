console.log((0.1 + 0.2).toFixed(10), 1 / 4, 1e21, 123456789012, -0 === 0, (255).toString(16), (0.5).toFixed(2));
console.log(parseInt('ff', 16), parseFloat('3.14abc'), Number('0x10'), 5 / 0, -5 / 0);
