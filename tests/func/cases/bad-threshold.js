export const options = { thresholds: { http_req_duration: ['p95 < 200'] } };
export default function () {}
