// objects: class instances, prototype methods, inheritance with super, getters, property reads and
// writes, and short-lived allocations (Vec.add returns a new Vec). Integer arithmetic only.
// SCALE is the number of simulation rounds.
const rounds = typeof SCALE === "number" ? SCALE : 300;

class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  add(other) {
    return new Vec(this.x + other.x, this.y + other.y);
  }

  dot(other) {
    return this.x * other.x + this.y * other.y;
  }
}

class Shape {
  constructor(id, pos) {
    this.id = id;
    this.pos = pos;
    this.moves = 0;
  }

  move(delta) {
    this.pos = this.pos.add(delta);
    this.moves++;
    return this;
  }

  area() {
    return 0;
  }

  get weight() {
    return this.area() + this.moves;
  }
}

class Rect extends Shape {
  constructor(id, pos, w, h) {
    super(id, pos);
    this.w = w;
    this.h = h;
  }

  area() {
    return this.w * this.h;
  }
}

class Square extends Rect {
  constructor(id, pos, side) {
    super(id, pos, side, side);
  }

  grow() {
    this.w++;
    this.h++;
  }
}

class Circle extends Shape {
  constructor(id, pos, r) {
    super(id, pos);
    this.r = r;
  }

  area() {
    return 3 * this.r * this.r;
  }
}

function makeShapes(n) {
  const shapes = [];
  for (let i = 0; i < n; i++) {
    const pos = new Vec(i % 17, i % 13);
    const kind = i % 3;
    if (kind === 0) shapes.push(new Rect(i, pos, 1 + (i % 5), 2 + (i % 7)));
    else if (kind === 1) shapes.push(new Square(i, pos, 1 + (i % 4)));
    else shapes.push(new Circle(i, pos, 1 + (i % 6)));
  }
  return shapes;
}

function simulate(rounds) {
  const shapes = makeShapes(200);
  const deltas = [new Vec(1, 0), new Vec(0, 1), new Vec(-1, 0), new Vec(0, -1), new Vec(1, 1)];
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    const delta = deltas[round % deltas.length];
    for (let i = 0; i < shapes.length; i++) {
      const s = shapes[i];
      s.move(delta);
      if (s instanceof Square && round % 50 === 0) s.grow();
      checksum = (checksum + s.weight + s.pos.dot(delta)) % 1000000007;
    }
  }
  let totalArea = 0;
  for (const s of shapes) totalArea += s.area();
  return [checksum, totalArea];
}

const [checksum, totalArea] = simulate(rounds);
console.log(`objects ${rounds} ${checksum} ${totalArea}`);
