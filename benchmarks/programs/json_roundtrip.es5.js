// json_roundtrip, ES5 spelling (for Js2Py): see json_roundtrip.js.
var count = typeof SCALE === "number" ? SCALE : 1500;
var TAGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];

function makeRecord(i) {
  return {
    id: i,
    name: "item-" + i,
    active: i % 3 !== 0,
    score: i + 0.25,
    tags: TAGS.filter(function (tag, k) {
      return (i + k) % 3 === 0;
    }),
    owner: { name: "user" + (i % 17), email: "user" + (i % 17) + "@example.com", quota: null },
    history: [i % 5, (i * 7) % 11, (i * 13) % 19],
    note: i % 10 === 0 ? 'says "hi"\n\ttabbed' : ""
  };
}

function walk(value) {
  var sum, k;
  if (Array.isArray(value)) {
    sum = value.length;
    for (k = 0; k < value.length; k++) sum += walk(value[k]);
    return sum;
  }
  if (value === null) return 1;
  switch (typeof value) {
    case "object":
      sum = 0;
      var keys = Object.keys(value);
      for (k = 0; k < keys.length; k++) sum += keys[k].length + walk(value[keys[k]]);
      return sum;
    case "string":
      return value.length;
    case "number":
      return Math.floor(value) % 1000;
    default:
      return value ? 3 : 2;
  }
}

var records = [];
for (var i = 0; i < count; i++) records.push(makeRecord(i));
var compact = JSON.stringify({ version: 1, records: records });
var parsed = JSON.parse(compact);
var pretty = JSON.stringify(parsed.records.slice(0, 200), null, 2);
var again = JSON.parse(pretty);
var total = walk(parsed) + walk(again);
console.log("json_roundtrip " + count + " " + compact.length + " " + pretty.length + " " + total + " " + parsed.records[count - 1].name);
