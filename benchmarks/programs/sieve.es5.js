// sieve, ES5 spelling (for Js2Py): see sieve.js.
var limit = typeof SCALE === "number" ? SCALE : 200000;

function primes(n) {
  var composite = [];
  for (var k = 0; k <= n; k++) composite.push(false);
  var count = 0;
  var sum = 0;
  for (var i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    sum += i;
    for (var j = i * i; j <= n; j += i) composite[j] = true;
  }
  return [count, sum];
}

function divisorCounts(n) {
  var divisors = [];
  for (var k = 0; k <= n; k++) divisors.push(0);
  for (var i = 1; i <= n; i++) {
    for (var j = i; j <= n; j += i) divisors[j] += 1;
  }
  var best = 0;
  var total = 0;
  for (var m = 1; m <= n; m++) {
    total += divisors[m];
    if (divisors[m] > divisors[best]) best = m;
  }
  return [best, total];
}

var p = primes(limit);
var d = divisorCounts(Math.floor(limit / 4));
console.log("sieve " + limit + " " + p[0] + " " + p[1] + " " + d[0] + " " + d[1]);
