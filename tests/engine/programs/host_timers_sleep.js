const sleep = (ms, v) => new Promise(r => setTimeout(() => r(v), ms));
const log = (...a) => console.log(...a);
async function worker(name, ms) { log('start', name); await sleep(ms); log('end', name); return name; }
(async () => {
  const r = await Promise.all([worker('a', 60), worker('b', 20), worker('c', 40)]);
  log('all', r);
  const winner = await Promise.race([sleep(50, 'slow'), sleep(10, 'fast')]);
  log('race', winner);
  const timeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);
  try { await timeout(sleep(100, 'x'), 20); } catch (e) { log(e.message); }
  log(await timeout(sleep(10, 'in time'), 50));
  for await (const v of (async function* () { for (const ms of [30, 10]) { await sleep(ms); yield ms; } })()) log('gen', v);
  const results = await Promise.allSettled([sleep(10, 1), Promise.reject(new Error('no')), sleep(5, 3)]);
  log(results.map(r => r.status + ':' + (r.value ?? r.reason.message)).join(' '));
})();
