// generator-based utilities
function* take(it, n) { let i = 0; for (const v of it) { if (i++ >= n) return; yield v; } }
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
console.log([...take(fib(), 10)]);
function* map(it, f) { for (const v of it) yield f(v); }
function* filter(it, p) { for (const v of it) if (p(v)) yield v; }
console.log([...take(filter(map(fib(), x => x * 2), x => x % 3 === 0), 5)]);
class Tree { constructor(v, ...kids) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; } }
const t = new Tree(1, new Tree(2, new Tree(3)), new Tree(4));
console.log([...t], Math.max(...t));
// a chain of 500 delegations
function* deep(n) { if (n === 0) { yield 'leaf'; return 'r0'; } const r = yield* deep(n - 1); return r + '.'; }
const d = deep(500); console.log(d.next().value, d.next().value.length);
// coroutine runner
function run(genFn) { return new Promise((resolve, reject) => { const it = genFn(); const step = (m, v) => { let r; try { r = it[m](v); } catch (e) { return reject(e); } if (r.done) return resolve(r.value); Promise.resolve(r.value).then(x => step('next', x), e => step('throw', e)); }; step('next'); }); }
run(function* () { const a = yield Promise.resolve(1); let b; try { yield Promise.reject(new Error('bad')); } catch (e) { b = e.message; } return [a, b]; }).then(v => console.log('co', v));
// generator objects are iterators of themselves
const g = fib(); console.log(g[Symbol.iterator]() === g, typeof g.next, Object.keys(g));
// entries()/keys() style generators on objects
const obj = { a: 1, b: 2, *[Symbol.iterator]() { for (const k of Object.keys(this)) yield [k, this[k]]; } };
console.log(new Map(obj), Object.fromEntries(obj));
// arguments object in generator is mapped in sloppy mode
function* args(a) { arguments[0] = 'changed'; yield a; a = 'again'; yield arguments[0]; }
console.log([...args('orig')]);
// yield precedence
function* prec() { const x = yield 1, y = yield 2; yield [x, y]; yield (yield 3) + (yield 4); }
const p = prec(); console.log(p.next().value, p.next('X').value, p.next('Y').value, p.next().value, p.next(10).value, p.next(20).value);
