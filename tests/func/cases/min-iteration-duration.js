export const options = { vus: 1, iterations: 3, minIterationDuration: '300ms' };

export default function () {
}
