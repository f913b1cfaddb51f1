const log = (...a) => console.log(...a);
Promise.resolve(1).finally(() => log('f1')).then(v => log('after f1', v));
Promise.reject(2).finally(() => log('f2')).catch(v => log('after f2', v));
Promise.resolve(3).finally(() => { throw 'thrown'; }).catch(v => log('after f3', v));
Promise.resolve(4).finally(() => Promise.reject('rej')).catch(v => log('after f4', v));
Promise.resolve(5).finally(() => 99).then(v => log('after f5', v));
Promise.resolve(6).finally().then(v => log('after f6', v));
Promise.resolve().then(() => log('x1')).then(() => log('x2')).then(() => log('x3')).then(() => log('x4')).then(() => log('x5')).then(() => log('x6'));
log(typeof Promise.prototype.finally, Promise.prototype.finally.length);
