// What http.url returns: k6's URL object, whose fields are name (the
// template), url and clean_url (credentials masked).
import http from 'k6/http';

export default function () {
	const id = 7;
	console.log(JSON.stringify(http.url`http://127.0.0.1:1/posts/${id}`));
	console.log(JSON.stringify(http.url`http://user:pw@127.0.0.1:1/posts/${id}`));
	console.log(JSON.stringify(http.url`http://user@127.0.0.1:1/posts/${id}`));
	console.log(JSON.stringify(http.url`http://user:pw@127.0.0.1:1/plain`));
	console.log(`string: ${http.url`http://127.0.0.1:1/${id}`}`);
}
