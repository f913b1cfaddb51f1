// loops, labels, switch, exceptions and finally, for-in order, iterator closing
const out = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(`${i}${j}`);
  }
}
console.log(out.join(' '));
function f(x) {
  try { if (x) throw new RangeError('bad ' + x); return 'ok'; }
  catch (e) { return e.name + ':' + e.message; }
  finally { console.log('finally', x); }
}
console.log(f(0), f(1));
function g() { try { return 1; } finally { return 2; } }
console.log(g());
const o = { b: 1, a: 2, 10: 'x', 2: 'y', [Symbol('s')]: 3 };
for (const k in o) console.log('key', k);
let closed = false;
const it = { [Symbol.iterator]() { let n = 0; return { next: () => ({ value: n++, done: n > 5 }), return() { closed = true; return {}; } }; } };
for (const v of it) { if (v === 2) break; }
console.log('closed', closed);
let k = 0;
do { k++; } while (k < 5);
console.log(k);
switch ('b') { case 'a': console.log('a'); break; default: console.log('default'); case 'c': console.log('c'); }
try { undefinedFunction(); } catch ({ name, message }) { console.log(name, message); }
try { (void 0)(); } catch (e) { console.log(e.message); }
try { const z = 1; z = 2; } catch (e) { console.log(e.message); }
try { tdz; let tdz = 1; } catch (e) { console.log(e.message); }
const e2 = new Error('boom');
console.log(String(e2), e2 instanceof Error, Object.prototype.toString.call(e2));
console.log([1, 2, 3].includes(2), 'abc'.at ? 'has at' : 'no at');
