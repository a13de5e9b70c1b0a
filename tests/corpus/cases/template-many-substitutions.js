const rows = [];
for (let i = 0; i < 3; i++) {
  rows.push(`<td0>${i * 0}</td><td1>${i * 1}</td><td2>${i * 2}</td><td3>${i * 3}</td><td4>${i * 4}</td><td5>${i * 5}</td><td6>${i * 6}</td><td7>${i * 7}</td><td8>${i * 8}</td><td9>${i * 9}</td><td10>${i * 10}</td><td11>${i * 11}</td><td12>${i * 12}</td><td13>${i * 13}</td><td14>${i * 14}</td><td15>${i * 15}</td><td16>${i * 16}</td><td17>${i * 17}</td><td18>${i * 18}</td><td19>${i * 19}</td><td20>${i * 20}</td><td21>${i * 21}</td><td22>${i * 22}</td><td23>${i * 23}</td><td24>${i * 24}</td><td25>${i * 25}</td><td26>${i * 26}</td><td27>${i * 27}</td><td28>${i * 28}</td><td29>${i * 29}</td><td30>${i * 30}</td><td31>${i * 31}</td><td32>${i * 32}</td><td33>${i * 33}</td><td34>${i * 34}</td><td35>${i * 35}</td><td36>${i * 36}</td><td37>${i * 37}</td><td38>${i * 38}</td><td39>${i * 39}</td>`);
}
console.log(rows.join("\n"));
