import { helper as h } from './b.mjs';
export let x = 1;
export function inc() { x++; }
export default function () { return 'dflt ' + h(); }
export { sum } from './b.mjs';
export * from './b.mjs';
