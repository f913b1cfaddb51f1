const log = (...a) => console.log(...a);
let t = 0; const tick = () => { if (t < 12) { t++; Promise.resolve().then(() => { log('tick', t); tick(); }); } };
async function* a() { yield 'a1'; return 'ra'; }
async function* b() { const r = yield* a(); log('b after delegation', r); }
async function* c() { yield 'c1'; }
const it = b();
it.next().then(r => log('b next1', JSON.stringify(r)));
it.next().then(r => log('b next2', JSON.stringify(r)));
const ic = c();
ic.next().then(r => log('c next1', JSON.stringify(r)));
ic.next().then(r => log('c next2', JSON.stringify(r)));
tick();
