const o = { 1: 'a', 2.5: 'b', 0x10: 'c', 'x-y': 'd' };
console.log(o[1], o['2.5'], o[16], o['x-y']);
