// closures, ES5 spelling (for Js2Py): function expressions instead of arrows; see closures.js.
var rounds = typeof SCALE === "number" ? SCALE : 60;

function makeCounter(step) {
  var count = 0;
  return {
    next: function () {
      return (count += step);
    },
    reset: function () {
      count = 0;
    }
  };
}

function compose(f, g) {
  return function (x) {
    return f(g(x));
  };
}
function adder(n) {
  return function (x) {
    return x + n;
  };
}
function scaler(n) {
  return function (x) {
    return x * n;
  };
}

var data = [];
for (var i = 0; i < 500; i++) data.push((i * 37) % 101);

function run(rounds) {
  var checksum = 0;
  var counter = makeCounter(3);
  for (var round = 0; round < rounds; round++) {
    var f = compose(adder(round % 7), scaler(1 + (round % 3)));
    var mapped = data.map(function (x) {
      return f(x);
    });
    var kept = mapped.filter(function (x) {
      return x % 3 !== 0;
    });
    var total = kept.reduce(function (acc, x) {
      return acc + x;
    }, 0);
    var maxSeen = 0;
    kept.forEach(function (x) {
      if (x > maxSeen) maxSeen = x;
      counter.next();
    });
    var anyBig = mapped.some(function (x) {
      return x > 250;
    });
    var allSmall = kept.every(function (x) {
      return x < 320;
    });
    var pairs = data
      .map(function (x, i) {
        return [x, i];
      })
      .filter(function (p) {
        return (p[0] + p[1]) % 5 === 0;
      });
    checksum = (checksum * 7 + total + maxSeen + (anyBig ? 1 : 0) + (allSmall ? 2 : 0) + pairs.length) % 1000000007;
    if (round % 10 === 9) counter.reset();
  }
  return checksum + " " + counter.next();
}

console.log("closures " + rounds + " " + run(rounds));
