for (let k = 0; k < 3; k++) {
  let v;
  if (k === 0) v = 'set';
  console.log(k, v);
}
