export const options = { iterations: 2 };
export default function () {}
export function handleSummary(data) {
  return {
    stdout: 'custom summary: ' + data.metrics.iterations.values.count + ' iterations\n',
    'handle-summary.out.json': JSON.stringify(data),
  };
}
