const log = (...a) => console.log(...a);
const show = r => JSON.stringify(r);
function* inner() { try { const a = yield 'i1'; log('inner got', a); yield 'i2'; return 'inner-ret'; } finally { log('inner finally'); } }
function* outer() { const r = yield* inner(); log('r', r); yield 'o1'; }
let it = outer();
log(show(it.next('x')), show(it.next('y')), show(it.next()), show(it.next()), show(it.next()));
it = outer(); it.next(); log(show(it.return('early')), show(it.next()));
it = outer(); it.next(); try { it.throw(new Error('into')); } catch (e) { log('propagated', e.message); }
// custom iterator delegation
const custom = {
  [Symbol.iterator]() { let i = 0; return {
    next(v) { log('next', v); return { value: i++, done: i > 3 }; },
    return(v) { log('return called', v); return { value: 'rv', done: true }; },
    throw(e) { log('throw called', e); return { value: 'tv', done: false }; },
  }; },
};
function* d() { const r = yield* custom; log('delegate result', r); }
it = d(); log(show(it.next('a'))); log(show(it.next('b'))); log(show(it.throw('T'))); log(show(it.return('Q')));
// iterator without throw
const noThrow = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { log('closing'); return {}; } }; } };
function* d2() { yield* noThrow; }
it = d2(); it.next(); try { it.throw('x'); } catch (e) { log(e.constructor.name, e.message); }
// result objects passed through unchanged
const weird = { [Symbol.iterator]() { return { next() { return { value: 1, done: false, extra: 'kept' }; } }; } };
function* d3() { yield* weird; }
log(show(d3().next()));
// yield* string & array
function* d4() { yield* 'ab'; yield* [1, [2]]; }
log([...d4()]);
// generator in for-of with break, throw
function* counted() { try { for (let i = 0; ; i++) yield i; } finally { log('counted closed'); } }
for (const x of counted()) { if (x === 2) break; log('x', x); }
try { for (const x of counted()) { throw new Error('body'); } } catch (e) { log('body error', e.message); }
const [a, b] = counted(); log('destructured', a, b);
const [c, ...rest] = (function* () { yield 1; yield 2; yield 3; })(); log(c, rest);
log(Math.max(...counted.call(null).constructor === undefined ? [] : [1, 2]));
function* fin() { yield 1; yield 2; yield 3; }
log([...fin()], Array.from(fin(), x => x * 2), new Set(fin()).size);
for (const x of fin()) { log('loop', x); if (x === 1) continue; }
outer: for (const x of counted()) { for (const y of counted()) { if (y === 1) continue outer; if (x === 2) break outer; } }
