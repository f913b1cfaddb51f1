// objects, ES5 spelling (for Js2Py): constructor functions and prototypes; see objects.js.
var rounds = typeof SCALE === "number" ? SCALE : 300;

function inherit(Child, Parent) {
  Child.prototype = Object.create(Parent.prototype);
  Child.prototype.constructor = Child;
}

function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.add = function (other) {
  return new Vec(this.x + other.x, this.y + other.y);
};
Vec.prototype.dot = function (other) {
  return this.x * other.x + this.y * other.y;
};

function Shape(id, pos) {
  this.id = id;
  this.pos = pos;
  this.moves = 0;
}
Shape.prototype.move = function (delta) {
  this.pos = this.pos.add(delta);
  this.moves++;
  return this;
};
Shape.prototype.area = function () {
  return 0;
};
Object.defineProperty(Shape.prototype, "weight", {
  get: function () {
    return this.area() + this.moves;
  }
});

function Rect(id, pos, w, h) {
  Shape.call(this, id, pos);
  this.w = w;
  this.h = h;
}
inherit(Rect, Shape);
Rect.prototype.area = function () {
  return this.w * this.h;
};

function Square(id, pos, side) {
  Rect.call(this, id, pos, side, side);
}
inherit(Square, Rect);
Square.prototype.grow = function () {
  this.w++;
  this.h++;
};

function Circle(id, pos, r) {
  Shape.call(this, id, pos);
  this.r = r;
}
inherit(Circle, Shape);
Circle.prototype.area = function () {
  return 3 * this.r * this.r;
};

function makeShapes(n) {
  var shapes = [];
  for (var i = 0; i < n; i++) {
    var pos = new Vec(i % 17, i % 13);
    var kind = i % 3;
    if (kind === 0) shapes.push(new Rect(i, pos, 1 + (i % 5), 2 + (i % 7)));
    else if (kind === 1) shapes.push(new Square(i, pos, 1 + (i % 4)));
    else shapes.push(new Circle(i, pos, 1 + (i % 6)));
  }
  return shapes;
}

function simulate(rounds) {
  var shapes = makeShapes(200);
  var deltas = [new Vec(1, 0), new Vec(0, 1), new Vec(-1, 0), new Vec(0, -1), new Vec(1, 1)];
  var checksum = 0;
  for (var round = 0; round < rounds; round++) {
    var delta = deltas[round % deltas.length];
    for (var i = 0; i < shapes.length; i++) {
      var s = shapes[i];
      s.move(delta);
      if (s instanceof Square && round % 50 === 0) s.grow();
      checksum = (checksum + s.weight + s.pos.dot(delta)) % 1000000007;
    }
  }
  var totalArea = 0;
  for (var k = 0; k < shapes.length; k++) totalArea += shapes[k].area();
  return [checksum, totalArea];
}

var result = simulate(rounds);
console.log("objects " + rounds + " " + result[0] + " " + result[1]);
