const log = (...a) => console.log(...a);
class Base { greet() { return 'base greet'; } static sgreet() { return 'static base'; } }
class K extends Base {
  constructor() { super(); this.name = 'k'; }
  async m(x) { await null; return `${this.name}:${x}:${super.greet()}`; }
  static async s() { await 1; return super.sgreet(); }
  async *ag() { yield this.name; yield super.greet(); }
  get [Symbol.toStringTag]() { return 'KK'; }
  async ['comp' + 'uted']() { return 'computed async'; }
  async arrowInside() { const f = async () => { await null; return this.name + ' arrow ' + arguments.length; }; return f(); }
}
const k = new K();
k.m(5).then(log);
K.s().then(log);
(async () => { for await (const v of k.ag()) log('ag', v); })();
k.computed().then(log);
k.arrowInside(1, 2).then(log);
const obj = { v: 'obj', async am() { return this.v; }, am2: async function () { return this.v + '2'; }, am3: async () => typeof this };
obj.am().then(log); obj.am2().then(log); obj.am3().then(log);
log(k.m.name, K.s.name, k.computed.name, obj.am.name, obj.am2.name, obj.am3.name, k.m.length);
log(Object.getPrototypeOf(k.m) === Object.getPrototypeOf(async function () {}), typeof k.m.prototype, 'prototype' in k.ag);
const AF = (async () => {}).constructor;
log(AF.name, Object.getPrototypeOf(AF) === Function, new AF('a', 'return await a')(3) instanceof Promise);
new AF('a', 'return await a')(3).then(v => log('dyn', v));
try { new k.m(); } catch (e) { log(e.constructor.name, e.message); }
log(String(async function foo() { await 1; }), String(async (a) => a));
const asyncArrowArgs = async (a, b = 2, ...rest) => [a, b, rest];
asyncArrowArgs(1, undefined, 3, 4).then(v => log(JSON.stringify(v)));
async function defaults(a = 1, { b } = { b: 2 }) { return a + b; }
defaults().then(v => log('defaults', v));
async function badDefaults(a = (() => { throw new Error('param'); })()) { }
badDefaults().catch(e => log('param error async', e.message));
log('sync after badDefaults');
