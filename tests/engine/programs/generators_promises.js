function* g() { const x = yield 1; console.log('got', x); try { yield 2; } finally { console.log('cleanup'); } return 3; }
const it = g();
console.log(it.next(), it.next('a'), it.return(9), it.next());
console.log([...g()]);
function* inf() { let i = 0; while (true) yield i++; }
for (const v of inf()) { if (v > 3) break; console.log(v); }
function* deleg() { yield* [1, 2]; const r = yield* g(); console.log('r', r); }
console.log([...deleg()]);
async function af(x) { console.log('af start'); const v = await x; console.log('after await', v); return v * 2; }
af(Promise.resolve(21)).then(v => console.log('result', v));
console.log('sync end');
Promise.resolve().then(() => console.log('micro 1')).then(() => console.log('micro 2'));
(async () => { try { await Promise.reject(new Error('no')); } catch (e) { console.log('caught', e.message); } })();
async function* ag() { yield 1; await null; yield 2; }
(async () => { for await (const v of ag()) console.log('ag', v); })();
Promise.all([1, Promise.resolve(2), new Promise(r => r(3))]).then(v => console.log('all', v)).catch(e => console.log('all err', e.message));
Promise.allSettled([Promise.reject(1), 2]).then(v => console.log(JSON.stringify(v)));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log(e.constructor.name, e.errors));
Promise.race([new Promise(() => {}), Promise.resolve('fast')]).then(v => console.log('race', v));
