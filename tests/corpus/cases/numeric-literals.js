console.log(0b1010, 0B11, 0o17, 0O7, 0xff, 0XAB);
console.log(1_000_000, 0xf_f, 1_0.5_0, 1e1_0);
console.log(.5, 5., 1e3, 1E-2);
