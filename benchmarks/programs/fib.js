// fib: recursive calls. The naive doubly recursive Fibonacci function, plus the Takeuchi function
// for calls with three arguments. SCALE is n of fib(n).
var n = typeof SCALE === "number" ? SCALE : 27;

function fib(k) {
  return k < 2 ? k : fib(k - 1) + fib(k - 2);
}

function tak(x, y, z) {
  if (y >= x) return z;
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

var a = fib(n);
var m = Math.floor(n / 4);
var b = tak(3 * m, 2 * m, m);
console.log("fib " + n + " " + a + " " + b);
