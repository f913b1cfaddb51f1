const log = (...a) => console.log(...a);
const mk = (retVal) => ({ [Symbol.asyncIterator]() { let i = 0; return { next() { return Promise.resolve({ value: i++, done: false }); }, return() { log('return called'); return retVal; } }; } });
(async () => {
  for await (const x of mk(Promise.resolve({ done: true }))) { if (x > 1) break; log('x', x); }
  try { for await (const x of mk(5)) { break; } } catch (e) { log('non-object return', e.constructor.name, e.message); }
  try { for await (const x of mk(Promise.reject(new Error('ret rejected')))) { break; } } catch (e) { log('rejected return', e.message); }
  try { for await (const x of mk(5)) { throw new Error('body wins'); } } catch (e) { log('body error', e.message); }
  const noReturn = { [Symbol.asyncIterator]() { return { next() { return { value: 'plain', done: false }; } }; } };
  for await (const x of noReturn) { log('non-promise result', x); break; }
  const badNext = { [Symbol.asyncIterator]() { return { next() { return 42; } }; } };
  try { for await (const x of badNext); } catch (e) { log('bad next', e.constructor.name, e.message); }
  const label = [];
  outer: for await (const a of [1, 2]) { for await (const b of [1, 2]) { if (b === 2) continue outer; label.push(a + '' + b); } }
  log('labels', label);
  let i = 0; for await (i of [10, 20]); log('assign target', i);
  const o = {}; for await (o.p of ['p1']); log('member target', o.p);
  for await (const [a, b = 'def'] of [[1], Promise.resolve([2, 3])]) log('destructure', a, b);
  try { for await (const x of [Promise.resolve(1), Promise.reject(new Error('second'))]) log('got', x); } catch (e) { log('rejected element', e.message); }
  async function* inner() { try { yield 1; yield 2; } finally { log('inner finally'); await null; log('inner finally after await'); } }
  for await (const x of inner()) { log('inner', x); break; }
  log('after inner loop');
  return 'done';
})().then(log);
