// A stack trace names the user's functions as written, however spelled.
function _$g() {
  throw new Error('from ' + _$g.name);
}
const a$b = () => {
  _$g();
};
async function __ly() { await 0; a$b(); }
a$b();
