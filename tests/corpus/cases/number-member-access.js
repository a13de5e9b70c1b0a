console.log(1..toString(), (2).toFixed(1), 3.5.toFixed(0), 0x10.toString(), 1e3.toString());
