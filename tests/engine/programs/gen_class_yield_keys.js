var C, yieldSet;
function* g() {
  class C_ extends (yield 'h') { static get [yield]() { return 'get yield'; } static set [yield](param) { yieldSet = param; } ['m' + (yield)]() { return 'mm'; } }
  C = C_;
  const D = class { [yield 'k']() { return 'dk'; } };
  return D;
}
const it = g();
console.log(it.next().value);
it.next(Object);
it.next('first'); it.next('second');
console.log(it.next('X').value);
const r = it.next('dkey');
console.log(C.first, new C().mX(), Object.getPrototypeOf(C) === Object, new r.value().dkey());
C.second = 'set yield'; console.log(yieldSet);
async function f() { class K extends (await Promise.resolve(Array)) { [await 'a']() { return 1; } } return new K().a() + K.name; }
f().then(console.log);
function* g2() { try { class Z { [yield]() {} } } catch (e) { console.log('caught', e.message); } }
const i2 = g2(); i2.next(); i2.next({ toString() { throw new Error('tostr'); } });
