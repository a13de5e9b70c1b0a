// A name tag groups URLs: since k6 v0.41 the url tag takes the name's
// value too, so ids in URLs do not make a series each.
import http from 'k6/http';

export const options = {
	iterations: 1,
	thresholds: {
		'http_reqs{url:byid}': ['count>=0'],
		'http_reqs{name:byid}': ['count>=0'],
		'http_reqs{url:tpl}': ['count>=0'],
		'http_reqs{name:tpl}': ['count>=0'],
	},
};

export default function () {
	for (let i = 0; i < 3; i++)
		http.get(`${__ENV.TARGET}/get?id=${i}`, { tags: { name: 'byid' } });
	// http.url's name overridden by the request's name tag.
	for (let i = 0; i < 2; i++)
		http.get(http.url`${__ENV.TARGET}/get?x=${i}`, { tags: { name: 'tpl' } });
}
