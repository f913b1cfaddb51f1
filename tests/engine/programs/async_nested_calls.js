const log = (...a) => console.log(...a);
async function a() { log('a1'); await b(); log('a2'); }
async function b() { log('b1'); await c(); log('b2'); }
async function c() { log('c'); }
a();
new Promise(r => { log('p'); r(); }).then(() => log('then1')).then(() => log('then2')).then(() => log('then3'));
log('script end');
(async () => {
  const r = await Promise.all([1, (async () => { await null; return 2; })(), Promise.resolve(3)]);
  log('all', r);
})();
(async () => { try { await Promise.reject(new Error('boom')); } catch (e) { log('caught', e.message); } finally { log('finally'); } })();
async function thrower() { throw new TypeError('bad'); }
thrower().catch(e => log('thrower', e.name, e.message));
const later = Promise.reject(new Error('later'));
Promise.resolve().then(() => later.catch(e => log('caught later', e.message)));
