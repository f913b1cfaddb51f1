const log = (...a) => console.log(...a);
async function* a() { yield 'a1'; yield 'a2'; }
async function* b() { const r = yield* a(); log('b after delegation', r); yield* ['s1', Promise.resolve('s2')]; }
(async () => {
  for await (const x of b()) log(x);
})();
async function* order() { log('o1'); yield 1; log('o2'); yield 2; log('o3'); }
(async () => { for await (const x of order()) log('got', x); log('loop done'); })();
Promise.resolve().then(() => log('t1')).then(() => log('t2')).then(() => log('t3')).then(() => log('t4')).then(() => log('t5')).then(() => log('t6')).then(() => log('t7')).then(() => log('t8'));
// manual async iterator
const manual = { [Symbol.asyncIterator]() { let i = 0; return { next() { i++; return Promise.resolve({ value: i, done: i > 2 }); }, return() { log('manual return'); return Promise.resolve({ done: true }); } }; } };
(async () => { for await (const x of manual) { log('manual', x); } for await (const x of manual) { break; } })();
