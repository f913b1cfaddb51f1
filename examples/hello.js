// A first script: run it with `jsengine run examples/hello.js`
const greet = (name = 'world') => `Hello, ${name}!`;
console.log(greet());
const primes = [];
for (let n = 2; primes.length < 10; n++) {
  if (primes.every(p => n % p !== 0)) primes.push(n);
}
console.log('first primes:', primes.join(', '));
const { total, ...rest } = { total: primes.reduce((a, b) => a + b, 0), count: primes.length };
console.log(`sum=${total}`, rest);
