// import() of native modules in an async default function.
export const options = { iterations: 1 };
export default async function () {
  const http = await import('k6/http');
  const { check } = await import('k6');
  const r = http.default.get(`${__ENV.TARGET}/get`);
  check(r, { 'dyn 200': (x) => x.status === 200 });
}
