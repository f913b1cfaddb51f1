// closures: functions that capture and update variables, function composition, and the
// higher-order array methods (map, filter, reduce, forEach, some, every) with arrow functions.
// SCALE is the number of rounds over a 500-element array.
const rounds = typeof SCALE === "number" ? SCALE : 60;

function makeCounter(step) {
  let count = 0;
  return {
    next: () => (count += step),
    reset: () => {
      count = 0;
    },
  };
}

const compose = (f, g) => (x) => f(g(x));
const adder = (n) => (x) => x + n;
const scaler = (n) => (x) => x * n;

const data = [];
for (let i = 0; i < 500; i++) data.push((i * 37) % 101);

function run(rounds) {
  let checksum = 0;
  const counter = makeCounter(3);
  for (let round = 0; round < rounds; round++) {
    const f = compose(adder(round % 7), scaler(1 + (round % 3)));
    const mapped = data.map((x) => f(x));
    const kept = mapped.filter((x) => x % 3 !== 0);
    const total = kept.reduce((acc, x) => acc + x, 0);
    let maxSeen = 0;
    kept.forEach((x) => {
      if (x > maxSeen) maxSeen = x;
      counter.next();
    });
    const anyBig = mapped.some((x) => x > 250);
    const allSmall = kept.every((x) => x < 320);
    const pairs = data.map((x, i) => [x, i]).filter(([x, i]) => (x + i) % 5 === 0);
    checksum = (checksum * 7 + total + maxSeen + (anyBig ? 1 : 0) + (allSmall ? 2 : 0) + pairs.length) % 1000000007;
    if (round % 10 === 9) counter.reset();
  }
  return `${checksum} ${counter.next()}`;
}

console.log(`closures ${rounds} ${run(rounds)}`);
