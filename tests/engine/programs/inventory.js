// inventory report
const items = [
  { sku: 'A1', name: 'Widget', price: 9.99, qty: 3, tags: ['tools', 'home'] },
  { sku: 'B2', name: 'Gadget', price: 24.5, qty: 0, tags: ['tech'] },
  { sku: 'C3', name: 'Doohickey', price: 3.25, qty: 12, tags: ['home', 'misc'] },
  { sku: 'D4', name: 'Thingamajig', price: 100, qty: 1, tags: [] },
];
const total = items.reduce((s, { price, qty }) => s + price * qty, 0);
console.log(`Total value: ${total.toFixed(2)}`);
const byTag = new Map();
for (const it of items) for (const t of it.tags) byTag.set(t, [...(byTag.get(t) || []), it.sku]);
console.log(byTag);
console.log([...byTag.keys()].sort().join('|'));
const inStock = items.filter(i => i.qty > 0).map(({ name, qty }) => ({ name, qty }));
console.table ? console.log(inStock) : null;
console.log(Object.entries(items[0]).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join('; '));
const grouped = items.reduce((acc, i) => { (acc[i.qty > 5 ? 'many' : i.qty ? 'few' : 'none'] ||= []).push(i.name); return acc; }, {});
console.log(grouped, Object.keys(grouped).length);
console.log(items.map(i => i.name.padEnd(12, '.') + String(i.price).padStart(7)).join('\n'));
console.log(JSON.stringify(items.slice(0, 2), ['sku', 'qty'], '\t'));
const sorted = [...items].sort((a, b) => b.price - a.price || a.name.localeCompare(b.name));
console.log(sorted.map(i => i.sku), items.findIndex(i => i.sku === 'C3'), items.some(i => i.qty === 0), items.every(i => i.price > 1));
console.log(Math.max(...items.map(i => i.price)), Math.min.apply(null, items.map(i => i.qty)));
const uniq = [...new Set(items.flatMap(i => i.tags))];
console.log(uniq, uniq.includes('tech'), uniq.indexOf('misc'));
console.log(Object.fromEntries(items.map(i => [i.sku, i.qty])));
const counter = (() => { let c = 0; return { next: () => ++c, reset() { c = 0; } }; })();
counter.next(); counter.next(); console.log(counter.next()); counter.reset(); console.log(counter.next());
