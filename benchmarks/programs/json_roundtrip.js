// json_roundtrip: a JSON round trip. Builds an array of nested records, JSON.stringify (compact and
// indented), JSON.parse, and walks the parsed tree. SCALE is the number of records.
const count = typeof SCALE === "number" ? SCALE : 1500;
const TAGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];

function makeRecord(i) {
  return {
    id: i,
    name: `item-${i}`,
    active: i % 3 !== 0,
    score: i + 0.25,
    tags: TAGS.filter((tag, k) => (i + k) % 3 === 0),
    owner: { name: `user${i % 17}`, email: `user${i % 17}@example.com`, quota: null },
    history: [i % 5, (i * 7) % 11, (i * 13) % 19],
    note: i % 10 === 0 ? 'says "hi"\n\ttabbed' : "",
  };
}

function walk(value) {
  if (Array.isArray(value)) {
    let sum = value.length;
    for (const v of value) sum += walk(v);
    return sum;
  }
  if (value === null) return 1;
  switch (typeof value) {
    case "object": {
      let sum = 0;
      for (const key of Object.keys(value)) sum += key.length + walk(value[key]);
      return sum;
    }
    case "string":
      return value.length;
    case "number":
      return Math.floor(value) % 1000;
    default:
      return value ? 3 : 2;
  }
}

const records = [];
for (let i = 0; i < count; i++) records.push(makeRecord(i));
const compact = JSON.stringify({ version: 1, records });
const parsed = JSON.parse(compact);
const pretty = JSON.stringify(parsed.records.slice(0, 200), null, 2);
const again = JSON.parse(pretty);
const total = walk(parsed) + walk(again);
console.log(`json_roundtrip ${count} ${compact.length} ${pretty.length} ${total} ${parsed.records[count - 1].name}`);
