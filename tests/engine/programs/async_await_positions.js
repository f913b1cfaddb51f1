const log = (...a) => console.log(...a);
const P = v => Promise.resolve(v);
function f(...a) { return a.join(','); }
(async () => {
  log('args', f(await P(1), 2, await 3));
  log('spread args', f(...await P([4, 5])));
  log(`template ${await P('t')} and ${await 'u'}`);
  log('object', JSON.stringify({ a: await P(1), [await P('k')]: 2, ...(await P({ s: 3 })) }));
  log('array', [await P(1), , ...(await P([2, 3]))]);
  log('cond', (await P(true)) ? await P('yes') : await P('no'));
  log('logical', (await P(0)) || (await P('or')), (await P(1)) && (await P('and')), (await P(null)) ?? (await P('nullish')));
  let x = 1; x += await P(2); log('compound', x);
  let o = { v: 1 }; o.v *= await P(10); o['w'] = await P('w'); log('member assign', JSON.stringify(o));
  const { a = await P('dflt'), b } = { b: await P('B') }; log('destructuring default', a, b);
  const [c = await P('arrdflt'), d] = [undefined, await P('D')]; log('array dstr', c, d);
  let e, g; ({ e = await P('E'), g } = { g: 'G' }); log('assign dstr', e, g);
  [e, g = await P('G2')] = [await P('E2')]; log('assign arr dstr', e, g);
  for (let i = await P(0); i < await P(3); i += await P(1)) log('for', i);
  let n = 0; while (await P(n < 2)) { n++; log('while', n); }
  do { n--; log('do', n); } while (await P(n > 0));
  switch (await P('b')) { case await P('a'): log('case a'); break; case await P('b'): log('case b'); case 'c': log('fall c'); break; default: log('default'); }
  try { await Promise.reject(new Error('E1')); } catch (err) { log('catch', err.message, await P('in catch')); } finally { log('finally', await P('in finally')); }
  try { log('try', await P('in try')); } finally { log('fin2'); }
  const r = await (async () => { try { return await P('ret'); } finally { log('finally before return'); } })(); log('r', r);
  log('typeof', typeof await P(1), -(await P(5)), !(await P(0)), void await P(1));
  log('member', (await P({ z: 'zz' })).z, (await P([1, 2]))[await P(1)]);
  log('call method', (await P('abc')).toUpperCase());
  log('new', new (await P(Date))(0).getTime());
  log('in', 'z' in (await P({ z: 1 })), (await P(2)) instanceof Number);
  log('binary', (await P(2)) * (await P(3)) + (await P(1)) ** (await P(2)));
  log('seq', (await P(1), await P(2)));
  for (const v of await P([7, 8])) log('for-of', v);
  for (const k in await P({ p: 1, q: 2 })) log('for-in', k);
  label: for (const v of [1, 2]) { for (const w of [1, 2]) { if (await P(w === 2)) continue label; log('label', v, w); } }
  const arr = await Promise.all([1, 2, 3].map(async v => { await null; return v * 2; })); log('map async', arr);
  log('nested', await (await P(P('deep'))));
  log('comma in arg', f((await P(1), await P(2))));
  if (await P(true)) log('if'); else log('else');
  log('optional', (await P(null))?.x, (await P({ x: 'X' }))?.x);
  log(`tagged`, String.raw`a${await P('b')}c`);
  log('class', new (class { constructor(v) { this.v = v; } })(await P('cv')).v);
})();
