// Date.parse and new Date(string) read the forms engines read besides
// ISO: month names, slashes, 12-hour times, zone offsets and names.
const xs = ['Tue, 01 Jan 2019 00:00:00 GMT', '2019/01/02', 'December 17, 1995 03:24:00',
  '1/2/2019 3:04 PM', 'Mon Dec 07 2026 13:34:08 GMT+0000 (UTC)', 'Dec 25, 1995',
  '25 Dec 1995 13:30 +0200', 'Thu, 01 Jan 1970 00:00:00 GMT-0500', 'nonsense',
  '2019-01-01 10:00:00', 'Sat Jan 01 2000', '12/31/99', '1995-12-17T03:24:00Z',
  'Wed, 09 Jun 2021 10:18:14 PST', '12:00 AM 1/1/2000', '(comment) Jan 2 2003',
  '2000 Jan 2 25:00', 'Jan 2 2000 12:30:15.250 UTC'];
for (const x of xs)
  console.log(JSON.stringify(x), Date.parse(x), new Date(x).getTime() === Date.parse(x) ||
    (isNaN(Date.parse(x)) && isNaN(new Date(x).getTime())));
const d = new Date(Date.UTC(2020, 1, 29, 12));
console.log(new Date(d).getTime() === d.getTime(), new Date(String(d)).getTime() === Math.floor(d.getTime() / 1000) * 1000);
