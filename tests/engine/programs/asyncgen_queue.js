const log = (...a) => console.log(...a);
const show = r => JSON.stringify(r);
async function* ag() { log('ag start'); const x = yield 1; log('ag got', x); await null; yield 2; log('ag end'); return 'done'; }
// queueing several next calls before resolution
const it = ag();
const ps = [it.next('a'), it.next('b'), it.next('c'), it.next('d')];
log('queued');
ps.forEach((p, i) => p.then(r => log('result', i, show(r))));
Promise.resolve().then(() => log('m1')).then(() => log('m2')).then(() => log('m3')).then(() => log('m4')).then(() => log('m5')).then(() => log('m6'));
// return at start
const it2 = ag();
it2.return('early').then(r => log('return at start', show(r)));
it2.next().then(r => log('next after return', show(r)));
// throw at start
const it3 = ag();
it3.throw(new Error('T')).catch(e => log('throw at start', e.message));
it3.next().then(r => log('next after throw', show(r)));
