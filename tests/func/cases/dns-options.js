// options.dns from DNS (JSON), for the cases of its sources and values.
export const options = { dns: JSON.parse(__ENV.DNS || 'null') };
export default function () {}
