// inspect --bundle prints the ES5 line for line with the source: two
// statements and a callback of one line stay on it.
export default function () {
  console.log(1); console.log(2); [1].forEach((x) => console.log(x));
}
