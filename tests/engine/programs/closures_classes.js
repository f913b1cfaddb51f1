// closures, classes, getters/setters, static, super property access, new.target
function counter() { let n = 0; return { inc: () => ++n, get value() { return n; } }; }
const c = counter(); c.inc(); c.inc();
console.log(c.value);
class Shape {
  constructor(name) { this.name = name; if (new.target === Shape) console.log('direct Shape'); }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
  static create(...args) { return new this(...args); }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
  describe() { return 'A ' + super.describe(); }
  get diameter() { return this.r * 2; }
  set diameter(d) { this.r = d / 2; }
}
new Shape('plain');
const ci = Circle.create(2);
console.log(ci.describe(), ci.diameter);
ci.diameter = 10;
console.log(ci.r, ci instanceof Shape, Object.getPrototypeOf(ci) === Circle.prototype);
console.log(typeof Circle, Circle.name, Circle.length, ci.constructor.name);
try { Circle(); } catch (e) { console.log(e.constructor.name, e.message); }
const objs = [3, 1, 2].map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
console.log(JSON.stringify(objs));
function outer() { var self = this; return function () { return this === undefined ? 'undef' : typeof this; }; }
console.log(outer()());
const bound = function (a, b) { return this.x + a + b; }.bind({ x: 1 }, 2);
console.log(bound(3), bound.name, bound.length);
var memo = (function () { var cache = {}; return function f(n) { if (n in cache) return cache[n]; return cache[n] = n < 2 ? n : f(n - 1) + f(n - 2); }; })();
console.log(memo(50));
