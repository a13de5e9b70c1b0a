// The two examples of k6's documentation for http.asyncRequest, against
// the local target: its /post echoes the JSON body under "json" (httpbin's
// form) and its /delay/N waits N milliseconds.
import http from 'k6/http';

const url = `${__ENV.TARGET}/post`;

export const options = {
  scenarios: {
    post: { executor: 'per-vu-iterations', iterations: 1, exec: 'post' },
    race: { executor: 'per-vu-iterations', iterations: 1, exec: 'race', startTime: '1s' },
  },
};

export async function post() {
  const data = { name: 'Bert' };

  // Using a JSON string as body
  const res = await http.asyncRequest('POST', url, JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json' },
  });
  console.log(res.json().json.name); // Bert

  // Using an object as body, the headers will automatically include
  // 'Content-Type: application/x-www-form-urlencoded'.
  const form = await http.asyncRequest('POST', url, data);
  console.log('form', form.json().form.name, form.json().headers['Content-Type']);
}

export const race = async () => {
  const urlOne = `${__ENV.TARGET}/delay/${randomInt(1, 5) * 100}`;
  const urlTwo = `${__ENV.TARGET}/delay/${randomInt(1, 5) * 100}`;
  const urlThree = `${__ENV.TARGET}/delay/10`;

  const one = http.asyncRequest('GET', urlOne);
  const two = http.asyncRequest('GET', urlTwo);
  const three = http.asyncRequest('GET', urlThree);

  console.log('Racing:');
  console.log(urlOne);
  console.log(urlTwo);
  console.log(urlThree);

  const res = await Promise.race([one, two, three]);
  console.log('winner is', res.url, 'with duration of', res.timings.duration + 'ms');
};

function randomInt(min, max) {
  return Math.floor(Math.random() * (max - min) + min);
}
