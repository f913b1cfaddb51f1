// The observable protocol: property reads in spec order, user exec, lastIndex writes.
// (flags, @@match and @@replace read "flags" per ES2022+/test262 where Node 20 reads global/unicode:
// those orders are pinned in test_regexp_builtin.py instead.)
const log = [];
function traced(re) {
  return new Proxy(re, {
    get(t, k, r) {
      log.push('get ' + String(k));
      const v = Reflect.get(t, k, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
    set(t, k, v) { log.push('set ' + String(k) + '=' + String(v)); return Reflect.set(t, k, v, t); },
  });
}
function run(label, f) {
  log.length = 0;
  let out;
  try { out = f(); } catch (e) { out = e.name + ': ' + e.message; }
  console.log(label, out, log.join(', '));
}
run('toString', () => RegExp.prototype.toString.call(traced(/a/g)));
run('test', () => RegExp.prototype.test.call(traced(/a/), 'xa'));
run('search', () => RegExp.prototype[Symbol.search].call(traced(/a/g), 'xa'));
run('split', () => RegExp.prototype[Symbol.split].call(traced(/-/), 'a-b'));
run('matchAll', () => [...RegExp.prototype[Symbol.matchAll].call(traced(/a/g), 'aa')].length);

// user-defined exec results drive the algorithms
const fake = /x/g;
let calls = 0;
fake.exec = function (s) {
  calls++;
  if (calls > 2) return null;
  return { 0: 'ab', 1: 7, length: 2, index: calls === 1 ? 1 : 0, groups: { g: 'G' } };
};
console.log('user exec replace', 'zabcd'.replace(fake, '[$1|$<g>|$&]'), calls);
calls = 0;
console.log('user exec match', 'zabcd'.match(fake));
const badExec = /x/;
badExec.exec = () => 42;
run('bad exec', () => badExec.test('x'));
const noExec = /x/;
noExec.exec = 1;
run('non-callable exec', () => noExec.test('x'));
run('exec not callable on plain', () => RegExp.prototype.test.call({ exec: 1 }, 'x'));

// lastIndex objects are coerced once per exec, writes fail on read-only lastIndex
const re = /a/g;
re.lastIndex = { valueOf() { log.push('valueOf'); return 1; } };
run('lastIndex valueOf', () => [re.exec('aa').index, re.lastIndex]);
const frozen = /a/g;
Object.defineProperty(frozen, 'lastIndex', { writable: false, value: 0 });
run('read-only lastIndex', () => frozen.exec('a'));
const frozenMiss = /a/;
Object.defineProperty(frozenMiss, 'lastIndex', { writable: false, value: 0 });
run('read-only lastIndex, non-global', () => frozenMiss.exec('b'));

// Symbol.match = false makes a RegExp a plain pattern for String methods
const notRe = /./;
notRe[Symbol.match] = false;
run('startsWith', () => '/./'.startsWith(notRe));
run('includes', () => 'a'.includes(/a/));
