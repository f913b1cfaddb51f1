export const helper = () => 'help';
export function sum(a, b) { return a + b; }
export const other = 5;
