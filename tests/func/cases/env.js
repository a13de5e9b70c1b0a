export const options = { iterations: 1 };
export default function () {
  if (__ENV.GREETING !== 'hello world') throw new Error('GREETING is ' + __ENV.GREETING);
  console.log('env ok');
}
