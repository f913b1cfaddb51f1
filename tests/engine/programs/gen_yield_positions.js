const log = (...a) => console.log(...a);
function f(...a) { return a.join('|'); }
function* g() {
  log('args', f(yield 'a1', yield 'a2'));
  log(`tmpl ${yield 't'}`);
  const o = { [yield 'key']: yield 'val', ...(yield 'spread') };
  log('obj', JSON.stringify(o));
  const arr = [yield 'e1', ...(yield 'es')];
  log('arr', arr);
  const { a = yield 'dflt', b: [c = yield 'nested'] = [] } = {};
  log('dstr', a, c);
  let x, y;
  [x = yield 'ax', y] = [undefined, 'Y'];
  log('assign', x, y);
  for (const [i = yield 'fh'] of [[], [1]]) log('for head', i);
  log('cond', (yield 'c') ? yield 'yes' : yield 'no');
  log('logic', (yield 'l1') || (yield 'l2'));
  switch (yield 'sw') { case yield 'case1': log('case1'); break; default: log('def'); }
  try { throw yield 'thr'; } catch (e) { log('caught', e, yield 'incatch'); } finally { log('fin', yield 'infin'); }
  log('tagged', String.raw`x${yield 'tag'}y`);
  log('opt', (yield 'oc')?.p, (yield 'oc2')?.[yield 'ock']);
  log('delete', delete (yield 'del')[yield 'delk']);
  log('yield yield', yield yield 'yy');
  log('new', new (yield 'ctor')(yield 'carg'));
  log('super-less member call', (yield 'recv').toString());
  with_ = 1;
  return 'done';
}
var with_;
const it = g();
const feed = ['A1', 'A2', 'T', 'k', 'v', { s: 1 }, 'E1', ['E2', 'E3'], 'D', 'N', 'AX', 'FH', true, 'YES', 0, 'L2', 'k1', 'k1', 'thrown', 'IC', 'IF', 'TAG', null, { q: 1 }, 'q', { z: 1 }, 'z', 'inner', 'outer', Array, 3, 42];
let r = it.next();
let i = 0;
while (!r.done) { log('yielded', JSON.stringify(r.value)); r = it.next(feed[i++]); }
log('result', r.value, i);
