// V8's messages for values that cannot be iterated (Promise combinators, yield*, for await)
for (const v of [5, {}, undefined, null, true, Symbol('s'), 10n, function f() {}]) {
  Promise.all(v).catch(e => console.log('all:', e.constructor.name, e.message));
}
function* g2(v) { yield* v; }
for (const v of [5, {}, null, { [Symbol.iterator]: 5 }, { [Symbol.iterator]() { return 5; } }]) {
  try { g2(v).next(); } catch (e) { console.log('yield*:', e.message); }
}
async function* ag(v) { yield* v; }
for (const v of [5, {}, { [Symbol.asyncIterator]: 5 }, { [Symbol.asyncIterator]() { return 5; } }, undefined]) {
  ag(v).next().catch(e => console.log('async yield*:', e.message));
}
async function fa(v) { for await (const x of v); }
const o = { a: { b: 5 } };
function f() { return 4; }
fa(5).catch(e => console.log('for await:', e.message));
fa({}).catch(e => console.log('for await:', e.message));
fa(null).catch(e => console.log('for await:', e.message));
(async () => { try { for await (const x of o.a.b); } catch (e) { console.log('for await:', e.message); } })();
(async () => { try { for await (const x of o['a']); } catch (e) { console.log('for await:', e.message); } })();
(async () => { try { for await (const x of f()); } catch (e) { console.log('for await:', e.message); } })();
