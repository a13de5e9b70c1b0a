// An exception in handleSummary: logged as k6 logs it, then the default
// summary.
export const options = { iterations: 1 };
export default function () {}
export function handleSummary(data) {
  return { stdout: 'requests: ' + data.metrics.http_reqs.values.count };
}
