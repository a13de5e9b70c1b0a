class HttpError extends Error {
  constructor(status, msg) { super(msg); this.status = status; this.name = 'HttpError'; }
}
class NotFound extends HttpError {
  constructor(path) { super(404, `not found: ${path}`); this.name = 'NotFound'; }
}
try {
  throw new NotFound('/x');
} catch (e) {
  console.log(e.name, e.status, e.message, e instanceof HttpError, e instanceof Error, `${e}`);
}
