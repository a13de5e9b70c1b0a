// k6/experimental/csv: parse() and Parser as k6 documents them (the files
// opened in the init context, awaited there without top-level await),
// RFC 4180 records, the options and the errors.
import { open } from 'k6/experimental/fs';
import csv from 'k6/experimental/csv';
import { scenario } from 'k6/execution';
import { check } from 'k6';
import { thrown, rejection } from './errors-lib.js';

export const options = { iterations: 3 };

let records, objects, semi, parser, parserObjects, errs = [];
open('csv-data.csv').then(async (file) => { records = await csv.parse(file, { delimiter: ',' }); });
open('csv-data.csv').then(async (file) => { objects = await csv.parse(file, { asObjects: true }); });
open('csv-semi.csv').then(async (file) => {
	semi = await csv.parse(file, { delimiter: ';', fromLine: 2, toLine: 3 });
});
open('csv-data.csv').then((file) => { parser = new csv.Parser(file, { skipFirstLine: true }); });
open('csv-data.csv').then((file) => { parserObjects = new csv.Parser(file, { asObjects: true }); });
open('csv-data.csv').then((file) => {
	for (const o of [{ delimiter: ';;' }, { asObjects: true, skipFirstLine: true },
		{ fromLine: 3, toLine: 1 }, { fromLine: -1 }]) {
		try {
			new csv.Parser(file, o);
			errs.push('none');
		} catch (e) {
			errs.push(e.message);
		}
	}
	try {
		new csv.Parser();
	} catch (e) {
		errs.push(e.message);
	}
});
let bad = [];
open('csv-fields.csv').then((f) => { bad.push(new csv.Parser(f)); });
open('csv-bare.csv').then((f) => { bad.push(new csv.Parser(f)); });
open('csv-unclosed.csv').then((f) => { bad.push(new csv.Parser(f)); });

export default async function () {
	const i = scenario.iterationInTest;
	console.log(`record ${i}: ${JSON.stringify(records[i])}`);
	const { done, value } = await parser.next();
	if (done) {
		throw new Error('No more rows to read');
	}
	console.log(`parsed ${i}: ${JSON.stringify(value)}`);
	if (i < 2)
		return;
	check(null, {
		'records': () => JSON.stringify(records) === JSON.stringify([['name', 'color'],
			['alice', 're,d'], ['bob', 'multi\nline'], ['carol "c"', 'blue'], ['dave', 'green']]),
		'parse is read-only': () => thrown(() => { records[0] = []; }) === 'TypeError: SharedArray is immutable' &&
			Object.isFrozen(records[1]),
		'as objects': () => JSON.stringify(objects[2]) === '{"name":"carol \\"c\\"","color":"blue"}' &&
			objects.length === 4,
		'fromLine and toLine': () => JSON.stringify(semi) === '[["3","4"],["5","6"]]',
		'option errors': () => errs.join('|') === [
			'encountered an error while interpreting Parser options; reason: delimiter must be a single character',
			"failed to create a new parser; reason: the 'header' option cannot be enabled when 'skipFirstLine' is true",
			'encountered an error while interpreting Parser options; reason: fromLine must be less than or equal to toLine',
			"failed to create a new parser; reason: the 'fromLine' option must be greater than or equal to 0; got -1",
			'csv Parser constructor takes at least one non-nil source argument'].join('|'),
	});
	const o = await parserObjects.next();
	check(o, { 'Parser asObjects': (x) => !x.done && x.value.name === 'alice' && x.value.color === 're,d' });
	check(await bad[0].next(), { 'first record sets the width': (x) => x.value.join() === 'a,b' });
	check(await rejection(bad[0].next()), { 'wrong number of fields': (m) => m === 'Error: record on line 2: wrong number of fields' });
	check(await rejection(bad[1].next()), { 'bare quote': (m) => m === 'Error: parse error on line 1, column 4: bare " in non-quoted-field' });
	check(await rejection(bad[2].next()), {
		'unclosed quote': (m) => m === 'Error: parse error on line 1, column 6: extraneous or missing " in quoted-field',
	});
	let n = 0;
	while (!(await parser.next()).done) n++;
	check(n, { 'Parser reaches the end': (k) => k === 1 });
	check(await parser.next(), { 'done stays done': (x) => x.done === true && x.value.length === 0 });
}
