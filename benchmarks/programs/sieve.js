// sieve: numeric array reads and writes. The sieve of Eratosthenes over a boolean array, then a
// divisor-count sieve over a numeric array (divisors[j] += 1 for every multiple j of every i).
// SCALE is the upper limit.
const limit = typeof SCALE === "number" ? SCALE : 200000;

function primes(n) {
  const composite = new Array(n + 1).fill(false);
  let count = 0;
  let sum = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    sum += i;
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return [count, sum];
}

function divisorCounts(n) {
  const divisors = [];
  for (let i = 0; i <= n; i++) divisors.push(0);
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= n; j += i) divisors[j] += 1;
  }
  let best = 0;
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += divisors[i];
    if (divisors[i] > divisors[best]) best = i;
  }
  return [best, total];
}

const [count, sum] = primes(limit);
const [best, total] = divisorCounts(Math.floor(limit / 4));
console.log(`sieve ${limit} ${count} ${sum} ${best} ${total}`);
