// An exception in the init code, logged as k6 logs it (exit 107).
export const options = { iterations: 1 };
const settings = JSON.parse('{"target": {}}');
const base = settings.target.host.replace('http:', 'https:');
export default function () { return base; }
