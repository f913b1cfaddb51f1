var x = 1 + 2;
console.log("x =", x);
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(15));
let arr = [1, 2, 3];
console.log(arr, {a: 1, b: 'two', c: [1, {d: 3}]});
const o = { name: 'z', greet() { return 'hi ' + this.name; } };
console.log(o.greet());
class A { constructor(v) { this.v = v; } get dbl() { return this.v * 2; } static make() { return new A(5); } }
class B extends A { constructor() { super(10); this.w = 1; } toString() { return `B(${this.v})`; } }
console.log(A.make().dbl, String(new B()), new B());
try { null.x } catch (e) { console.log(e.message, e instanceof TypeError) }
let s = 0; for (let i = 0; i < 10; i++) { s += i; } console.log(s);
const {a, ...rest} = {a: 1, b: 2, c: 3}; console.log(a, rest);
const [p, , q = 9, ...r] = [1, 2, undefined, 4, 5]; console.log(p, q, r);
label: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue label; if (i == 2) break label; console.log(i, j); } }
console.log(typeof undefinedVar, typeof fib, [1,2,3].map(x => x * 2));
var fns = []; for (let k = 0; k < 3; k++) fns.push(() => k); console.log(fns.map(f => f()));
console.log(a?.b?.c, o?.greet?.(), null ?? 'd');
switch (3) { case 1: console.log('one'); case 3: console.log('three'); case 4: console.log('four'); break; default: console.log('def'); }
console.log(eval('var ev = 5; ev * 2'), ev);
function args() { return arguments.length + arguments[0]; } console.log(args(1, 2, 3));
console.log([..."héllo"], `t${1+1}t`, 2 ** 10, 7 % 3, -7 % 3, 1 / 0);
