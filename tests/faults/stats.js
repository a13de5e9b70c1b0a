// Print what the target's /stats says (run-faults.sh).
import http from 'k6/http';

export const options = { iterations: 1 };

export default function () {
  console.log('stats=' + http.get(`${__ENV.TARGET}/stats`).json().requests);
}
