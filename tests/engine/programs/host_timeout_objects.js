const t = setTimeout(function () { console.log('this is timeout', this === t, this.hasRef()); }, 10);
console.log(typeof t, t.hasRef(), typeof +t, t.unref() === t, t.hasRef(), t.ref() === t);
const u = setTimeout(() => console.log('unrefd timer never runs'), 500); u.unref();
console.log(typeof setImmediate(() => {}).ref);
const c = setTimeout(() => console.log('cleared by number'), 5); clearTimeout(+c);
let n = 0; const r = setTimeout(() => { console.log('refreshed timer', ++n); if (n < 2) r.refresh(); }, 20);
const iv = setInterval(() => { console.log('interval'); clearInterval(iv); }, 30);
