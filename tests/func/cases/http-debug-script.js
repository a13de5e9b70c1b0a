import http from 'k6/http';

export const options = { httpDebug: 'full' };

export default function () {
	http.post(`${__ENV.TARGET}/post`, 'a-script-body');
}
