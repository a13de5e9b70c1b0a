// k6/html: parsing per HTML5 (tag soup, implied elements, entities),
// Selection's traversal, cascadia's selectors and the typed elements,
// against the target's table and malformed pages; expected values are
// what k6 (goquery, x/net/html) gives.
import http from 'k6/http';
import { check } from 'k6';
import { parseHTML } from 'k6/html';

export const options = { iterations: 1 };

export default function () {
	const T = __ENV.TARGET;
	const soup = parseHTML(http.get(`${T}/html-page/malformed`).body);
	check(soup, {
		'implied html, head and body': (d) => d.find('html > head > title').text() === 'Soup' &&
		    d.find('body > p.intro').size() === 1,
		'unclosed p closed by p': (d) => d.find('p').size() === 2 && d.find('p').first().text() === 'one',
		'misnested b and i mended': (d) => d.find('p').eq(1).html() === 'two <b>bold <i>both</i></b><i> italic</i>',
		'entities decoded, text escaped back': (d) => d.find('li').eq(1).text() === 'b & c \u00a9 \u263a' &&
		    d.find('li').eq(1).html() === 'b &amp; c \u00a9 \u263a',
		'implied tbody': (d) => d.find('table > tbody > tr > td').text() === 'x',
		'void elements render self-closed': (d) => d.find('div#x').next().is('img') &&
		    d.find('body').html().indexOf('<img src="a.png" alt="&#34;q&#34;"/><br/><br/><!-- note -->') >= 0,
		'comment node': (d) => d.find('body').contents().last().get(0).nodeType() === 8,
		'document node': (d) => d.get(0).nodeType() === 9 && d.get(0).nodeName() === '#document',
	});

	const doc = http.get(`${T}/html-page/table`).html();
	const table = doc.find('table').get(0);
	check(table, {
		'caption, tHead, tFoot': (t) => t.caption().textContent() === 'Prices' &&
		    t.tHead().rows().length === 1 && t.tFoot().rows().length === 1,
		'rows and tBodies': (t) => t.rows().length === 5 && t.tBodies().length === 1,
		'cells, rowIndex, cellIndex': () => doc.find('tbody tr').get(1).rowIndex() === 2 &&
		    doc.find('tbody tr').get(1).sectionRowIndex() === 1 &&
		    doc.find('td[colspan]').get(0).colSpan() === 2 && doc.find('td').get(1).cellIndex() === 1,
		'th scope': () => doc.find('th').get(0).scope() === 'col' && doc.find('th').get(1).scope() === '',
	});
	check(doc, {
		'nth-child odd': (d) => d.find('tbody tr:nth-child(odd) td:first-child').text() === 'TeaWater',
		'nth-last-of-type': (d) => d.find('tbody tr:nth-last-of-type(1)').text() === 'Water',
		'attribute operators': (d) => d.find('tr[class^=od]').size() === 2 && d.find('td[data-eur$=".5"]').size() === 1 &&
		    d.find('td[data-eur*="."]').size() === 1 && d.find('tr[class~=odd]').size() === 2 &&
		    d.find('tr[class!=odd]').size() === 3 && d.find('th[scope=COL i]').size() === 1,
		':contains and :has': (d) => d.find('td:contains("coffee")').text() === 'Coffee' &&
		    d.find('tr:has(td[colspan])').text() === 'Water',
		':not, :only-child, :empty, :first-of-type': (d) => d.find('tbody td:not(:first-child)').size() === 2 &&
		    d.find('td:only-child').text() === 'Water' && d.find('td:empty').size() === 0 &&
		    d.find('tfoot td:last-of-type').text() === '5.50',
		'combinators': (d) => d.find('caption + thead th').size() === 2 && d.find('thead ~ tfoot td').size() === 2 &&
		    d.find('table > tbody > tr').size() === 3,
		'single: one node, the first match': (d) => d.single('td').size() === 1 &&
		    d.single('td').text() === d.find('td').first().text() &&
		    d.find('tr').single('td').text() === d.find('tr').has('td').first().find('td').first().text() &&
		    d.find('tr').single('td').end().size() === 5 && d.single('nope').size() === 0 && d.single('td[').size() === 0,
		'a bad selector matches nothing': (d) => d.find('td[').size() === 0 && d.find('td:nope').size() === 0,
		'data() converts as k6': (d) => d.find('td[data-eur]').data('eur') === 2.5 &&
		    JSON.stringify(d.find('td[data-eur]').last().data()) === '{"eur":3}',
		'traversal': (d) => d.find('td').first().parent().is('tr.odd') &&
		    d.find('td').first().parents().size() === 5 && d.find('td').first().closest('table').attr('id') === 'prices' &&
		    d.find('tr').eq(1).nextUntil('tr:not(.odd)').size() === 0 && d.find('tr').eq(1).nextAll().size() === 2 &&
		    d.find('tr').last().prevAll('.odd').size() === 0 && d.find('tbody tr').last().prevAll('.odd').size() === 1 &&
		    d.find('td').eq(1).siblings().text() === 'Tea' && d.find('td').first().end().end().size() === 1,
		'filter, is, not, has, slice, index': (d) => d.find('tr').filter('.odd').size() === 2 &&
		    d.find('tr').filter((i, s) => s.find('td').size() === 1).text() === 'Water' &&
		    d.find('tr').not('.odd').size() === 3 && d.find('tr').has('th').size() === 1 &&
		    d.find('tr').slice(1, 3).size() === 2 && d.find('tr').slice(-2).size() === 2 &&
		    d.find('tr.odd').last().index() === 2 && d.find('td[colspan]').index('td') === 4,
		'each and map': (d) => {
			const names = [];
			d.find('tbody td:first-child').each((i, el) => names.push(i + el.textContent()));
			return names.join() === '0Tea,1Coffee,2Water' &&
			    d.find('th').map((i, s) => s.text()).join() === 'Item,Price';
		},
		'get, eq and undefined past the end': (d) => d.find('td').get(99) === undefined &&
		    d.find('td').get(-1).textContent() === '5.50' && d.find('td').eq(99).size() === 0 &&
		    d.find('td').attr('nope') === undefined && d.find('td').attr('nope', 'x') === 'x' &&
		    d.find('nothing').html() === undefined && d.find('nothing').text() === '',
		'element properties': (d) => {
			const e = d.find('tr.odd').get(0);
			return e.nodeName() === 'tr' && e.className() === 'odd' && e.classList().length === 1 &&
			    e.childElementCount() === 2 && e.firstElementChild().textContent() === 'Tea' &&
			    e.parentElement().nodeName() === 'tbody' && e.ownerDocument().nodeType() === 9 &&
			    e.hasAttribute('class') && e.attributes().class.value === 'odd' &&
			    e.getAttributeNode('class').namespaceURI() === 'http://www.w3.org/1999/xhtml' &&
			    e.id() === '' && e.lang() === undefined && e.matches('.odd') &&
			    e.contains(d.find('td').get(0)) && !e.contains(e) && e.isSameNode(d.find('tr.odd').get(0)) &&
			    e.querySelectorAll('td').length === 2 && e.getElementsByTagName('td').length === 2 &&
			    e.innerHTML() === '<td>Tea</td><td data-eur="2.5">2.50</td>' && e.toString() === '[object html.Node]';
		},
	});

	// k6's documentation example for parseHTML.
	const page = parseHTML('<html lang="en"><head><title>Test Page</title></head><body></body></html>');
	check(page, {
		'docs: title and lang': (d) => d.find('head title').text() === 'Test Page' && d.find('html').attr('lang') === 'en',
	});
	let err = '';
	try { page.find(42); } catch (e) { err = String(e); }
	check(err, { 'a number is no selector': (e) => e.includes("invalid argument, cannot use a 'int64' as a selector") });
}
