// the classic event-loop ordering puzzle
async function async1() { console.log('async1 start'); await async2(); console.log('async1 end'); }
async function async2() { console.log('async2'); }
console.log('script start');
setTimeout(function () { console.log('setTimeout'); }, 0);
async1();
new Promise(function (resolve) { console.log('promise1'); resolve(); }).then(function () { console.log('promise2'); });
console.log('script end');
// variants: async2 returning a promise, awaiting a thenable
async function a3() { console.log('a3 start'); await a4(); console.log('a3 end'); }
async function a4() { console.log('a4'); return Promise.resolve(); }
setTimeout(() => { a3(); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4')); }, 0);
setTimeout(() => {
  Promise.resolve().then(() => { console.log('m1'); setTimeout(() => console.log('t inside m1'), 0); });
  queueMicrotask(() => console.log('m2'));
  setTimeout(() => console.log('t2'), 0);
  console.log('timer 3 body');
}, 0);
