class Node { constructor(value, next = null) { this.value = value; this.next = next; } }
class List {
  constructor(...vals) { this.head = null; this.size = 0; for (const v of vals.reverse()) this.push(v); }
  push(v) { this.head = new Node(v, this.head); this.size++; return this; }
  *[Symbol.iterator]() { for (let n = this.head; n; n = n.next) yield n.value; }
  map(fn) { return new List(...[...this].map(fn)); }
  toString() { return `List(${[...this].join(' -> ')})`; }
  get [Symbol.toStringTag]() { return 'List'; }
  static of(...v) { return new List(...v); }
}
const l = List.of(1, 2, 3);
console.log(String(l), l.size, [...l.map(x => x * x)], Object.prototype.toString.call(l));
function* take(it, n) { let i = 0; for (const v of it) { if (i++ >= n) return 'done'; yield v; } }
function* naturals() { let n = 1; while (true) yield n++; }
console.log([...take(naturals(), 5)]);
const gen = take(naturals(), 2); console.log(gen.next(), gen.next(), gen.next(), gen.next());
const fibs = { *[Symbol.iterator]() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } } };
const out = []; for (const f of fibs) { if (f > 100) break; out.push(f); } console.log(out.join(','));
class Animal { constructor(name) { this.name = name; } speak() { return `${this.name} makes a sound`; } get kind() { return 'animal'; } }
class Dog extends Animal { speak() { return super.speak() + ' (woof)'; } get kind() { return 'dog:' + super.kind; } }
const d = new Dog('Rex'); console.log(d.speak(), d.kind, d instanceof Animal, Dog.name, Object.getOwnPropertyNames(Dog.prototype));
const entries = Object.entries({ b: 2, a: 1 }).sort(([x], [y]) => x < y ? -1 : 1); console.log(entries);
const wm = new WeakMap(); const key = {}; wm.set(key, 'secret'); console.log(wm.get(key), wm.has({}));
try { JSON.parse('{bad json}'); } catch (e) { console.log(e.name, e.message); }
try { null.foo; } catch (e) { console.log(e instanceof TypeError, e.message); }
try { undefinedVar; } catch (e) { console.log(e.name + ': ' + e.message); }
console.log([3, 1, 2].sort().reverse().concat([0]).slice(1, 3), Array(3).fill(7), Array.from('abc', c => c.toUpperCase()));
console.log('Hello World'.split(' ').map(w => w[0]).join(''), 'abc'.repeat(2), ' trim '.trim() + '!', 'x'.charCodeAt(0), String.fromCharCode(65, 66));
console.log(Number('42px'), parseInt('42px'), (12.5).toString(2), 0.1 * 3);
let s = 0; outer: for (let i = 0; i < 5; i++) { for (let j = 0; j < 5; j++) { if (i * j > 6) break outer; s += i * j; } } console.log(s);
console.log(typeof null, typeof undefined, typeof {}, typeof [], typeof (() => 1), void 0);
const date = new Date(Date.UTC(2020, 1, 29, 12, 30)); console.log(date.toISOString(), date.getUTCDay(), JSON.stringify({ date }));
