const log = (...a) => console.log(...a);
async function f1() { log('f1 start'); await undefined; log('f1 after await'); }
async function f2() { log('f2 start'); await 5; log('f2 after 5'); await null; log('f2 after null'); }
async function f3() { await Promise.resolve(); log('f3 after native'); }
async function f4() { const v = await { then(r) { log('thenable then'); r(42); } }; log('f4', v); }
async function f5() { return Promise.resolve('ret'); }
async function f6() { return 'plain'; }
f1(); f2(); f3(); f4();
f5().then(v => log('f5', v));
f6().then(v => log('f6', v));
Promise.resolve().then(() => log('p1')).then(() => log('p2')).then(() => log('p3')).then(() => log('p4')).then(() => log('p5'));
log('end sync');
