// k6/html forms and Response.html(), submitForm() and clickLink()
// against the local target's pages, checked against what k6 gives.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };

export default function () {
	const T = __ENV.TARGET;
	const res = http.get(`${T}/html-page/login`);
	const doc = res.html();
	const form = doc.find('#login');
	const obj = form.serializeObject();
	check(obj, {
		'csrf token': (o) => o.csrf_token === 'tok-a1b2c3d4e5f60718293a4b5c6d7e8f90',
		'text and password': (o) => o.user === 'ann' && o.pass === '',
		'checked checkbox is on, unchecked left out': (o) => o.remember === 'on' && !('news' in o),
		'checked radio': (o) => o.plan === 'pro',
		'select without value gives its html': (o) => o.lang === 'fr',
		'multiple select': (o) => JSON.stringify(o.tags) === '["a","c"]',
		'textarea gives its html': (o) => o.note === 'two words &amp; more',
		'disabled, file and button left out': (o) => !('off' in o) && !('f' in o) && !('go' in o),
	});
	check(form.serializeArray(), {
		'serializeArray in order': (a) => a.map((f) => f.name).join() ===
		    'csrf_token,user,pass,remember,plan,lang,tags,note',
	});
	check(doc.find('#search').serialize(), { 'serialize': (s) => s === 'q=a+b%26c' });
	check(doc, {
		'url of the response': (d) => d.url === `${T}/html-page/login`,
		'formAction resolved against the page': (d) =>
		    d.find('#user').get(0).formAction() === `${T}/anything/login?x=1`,
		'formMethod': (d) => d.find('#user').get(0).formMethod() === 'post',
		'labels': (d) => d.find('#user').get(0).labels().length === 1,
		'label control': (d) => d.find('label').get(0).control().name() === 'user',
		'select options': (d) => d.find('select[multiple]').get(0).selectedOptions().length === 2,
		'link href resolved': (d) => d.find('a.nav').get(0).href() === `${T}/get?from=login`,
		'checked pseudo-class': (d) => d.find(':checked').size() === 5,
		'disabled pseudo-class': (d) => d.find('input:disabled').attr('name') === 'off',
	});

	const posted = res.submitForm({ formSelector: '#login', fields: { user: 'bob' } });
	check(posted, {
		'submitForm posts to the action': (r) => r.status === 200 && r.url === `${T}/anything/login?x=1`,
		'with the fields, the token and the submit button': (r) => {
			const f = r.json('form');
			return f.user === 'bob' && f.csrf_token === obj.csrf_token && f.go === 'in';
		},
	});
	const got = res.submitForm({ formSelector: '#search' });
	check(got, { 'a GET form puts the values in the query': (r) => r.url === `${T}/get?q=a+b%26c` });
	check(res.clickLink(), { 'clickLink follows the first link': (r) => r.url === `${T}/get?from=login` });

	let err = '';
	try { res.submitForm({ formSelector: '#nope' }); } catch (e) { err = String(e); }
	check(err, { 'no form': (e) => e.includes(`no form found for selector '#nope' in response '${T}/html-page/login'`) });
	err = '';
	try { res.clickLink({ selector: 'a[name=anchor]' }); } catch (e) { err = String(e); }
	check(err, { 'no href': (e) => e.includes("no valid href attribute value found on element 'a[name=anchor]'") });
}
