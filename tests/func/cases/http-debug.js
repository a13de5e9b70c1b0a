import http from 'k6/http';

/* A POST with a body, and a redirect whose hops are each logged. */
export default function () {
	http.post(`${__ENV.TARGET}/post`, 'a-debug-body');
	http.get(`${__ENV.TARGET}/redirect/1`);
}
