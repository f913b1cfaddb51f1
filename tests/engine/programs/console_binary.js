console.log(new Uint8Array([1, 2, 3]), new Float64Array([1.5, -0, NaN]), new Int16Array(0));
console.log(new Uint8Array(30), [new Int32Array([5])]);
console.log(new ArrayBuffer(4), new Uint8Array([255, 16]).buffer);
console.log(new Proxy({ a: 1 }, {}), new Proxy([1, 2], {}));
console.log(new BigInt64Array([1n, -2n]));
