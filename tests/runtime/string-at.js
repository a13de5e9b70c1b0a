var s = 'abc';
console.log(s.at(0), s.at(-1), s.at(3), s.at(-4), s.at(1.9), s.at(), s.at('2'));
