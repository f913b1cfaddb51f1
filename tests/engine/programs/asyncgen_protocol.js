const log = (...a) => console.log(...a);
const show = r => JSON.stringify(r);
async function* ag() { try { yield 1; yield 2; } finally { log('finally'); await null; log('after await in finally'); } }
(async () => {
  const it = ag();
  log(show(await it.next()));
  log(show(await it.return('R')));
  log(show(await it.next()));
  const it2 = ag();
  await it2.next();
  try { await it2.throw(new Error('X')); } catch (e) { log('thrown out', e.message); }
  // return with a promise value
  const it3 = ag();
  await it3.next();
  log(show(await it3.return(Promise.resolve('promised'))));
  // return with rejected promise at completed state
  try { await it3.return(Promise.reject(new Error('rej'))); } catch (e) { log('return rejected', e.message); }
  // yield of a promise is awaited
  async function* yp() { const v = yield Promise.resolve('unwrapped'); log('v', v); }
  const it4 = yp();
  log(show(await it4.next()));
  log(show(await it4.next('sent')));
  // yield rejected promise -> throws into generator
  async function* yr() { try { yield Promise.reject(new Error('yr')); } catch (e) { log('caught in gen', e.message); yield 'recovered'; } }
  const it5 = yr(); log(show(await it5.next())); log(show(await it5.next()));
  // for await over async gen with break
  async function* counter() { try { for (let i = 0; ; i++) { yield i; } } finally { log('counter closed'); } }
  for await (const x of counter()) { if (x > 2) break; log('x', x); }
  // for await over sync iterable of promises
  for await (const v of [Promise.resolve('a'), 'b', new Promise(r => r('c'))]) log('v', v);
  // for await with sync generator
  function* sg() { yield Promise.resolve(1); yield 2; }
  for await (const v of sg()) log('sg', v);
  // throw inside for await body closes
  try { for await (const x of counter()) { throw new Error('body'); } } catch (e) { log('body', e.message); }
  log(Object.prototype.toString.call(ag()), typeof ag().next, ag()[Symbol.asyncIterator] !== undefined);
  class K { async *items() { yield 'k1'; yield 'k2'; } static async *s() { yield 's'; } }
  for await (const v of new K().items()) log(v);
  for await (const v of K.s()) log(v);
  const obj = { async *[Symbol.asyncIterator]() { yield 'custom'; } };
  for await (const v of obj) log(v);
})();
