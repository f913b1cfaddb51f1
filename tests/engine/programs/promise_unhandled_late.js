const p = Promise.reject(new Error('late handled'));
Promise.resolve().then(() => console.log(1)).then(() => console.log(2)).then(() => { console.log(3); p.catch(e => console.log('caught', e.message)); });
async function f() { await null; throw new TypeError('from async'); }
f();
Promise.resolve().then(() => console.log('a')).then(() => console.log('b')).then(() => console.log('c')).then(() => console.log('d'));
Promise.reject(42);
