// macrotasks vs microtasks (only orders Node guarantees: same-delay timers in creation order,
// microtasks drained after each timer callback)
const log = (...a) => console.log(...a);
setTimeout(() => log('timeout A'), 0);
setTimeout(() => {
  log('timeout B');
  Promise.resolve().then(() => log('micro in B')).then(() => log('micro 2 in B'));
  queueMicrotask(() => log('queueMicrotask in B'));
  (async () => { await null; log('async in B'); })();
}, 0);
setTimeout((a, b) => log('timeout C with args', a, b), 0, 'x', 'y');
const cancelled = setTimeout(() => log('cancelled!'), 0);
clearTimeout(cancelled);
Promise.resolve().then(() => log('micro 1')).then(() => log('micro 2'));
queueMicrotask(() => log('queueMicrotask'));
(async () => { log('async start'); await null; log('after await'); })();
log('sync end');
let count = 0;
const iv = setInterval(() => { log('interval', ++count); if (count === 3) clearInterval(iv); }, 0);
try { setTimeout('not a function'); } catch (e) { log(e.name, e.code, e.message); }
try { queueMicrotask(); } catch (e) { log(e.name, e.code, e.message); }
log(typeof setTimeout, setTimeout.length, queueMicrotask.length);
