class AppError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}
const e = new AppError('broken', 7);
console.log(e instanceof AppError, e instanceof Error, e.message, e.code, e.name);
console.log(String(e));
class Plain extends Error {}
const p = new Plain('plain msg');
console.log(p.message, p instanceof Plain, p instanceof Error);
