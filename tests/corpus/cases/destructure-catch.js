try {
  throw { code: 42, msg: 'bad' };
} catch ({ code, msg }) {
  console.log(code, msg);
}
