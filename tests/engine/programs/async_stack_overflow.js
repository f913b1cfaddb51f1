// stack overflow inside async code and generators is a RangeError, as in Node
async function rec(n) { return rec(n + 1); }
rec(0).catch(e => console.log('rec', e instanceof RangeError, e.message));
async function rec2(n) { await null; if (n > 1500) return n; return rec2(n + 1); }
rec2(0).then(v => console.log('rec2', v));
function* grec(n) { yield* grec(n + 1); }
try { grec(0).next(); } catch (e) { console.log('grec', e instanceof RangeError, e.message); }
async function rec3() { try { await rec3(); } catch (e) { return 'caught ' + e.constructor.name; } }
rec3().then(v => console.log('rec3', v));
const deep = (n) => n === 0 ? Promise.resolve(0) : deep(n - 1).then(v => v + 1);
deep(1000).then(v => console.log('deep', v));
let p = Promise.resolve(0); for (let i = 0; i < 3000; i++) p = p.then(v => v + 1); p.then(v => console.log('chain', v));
