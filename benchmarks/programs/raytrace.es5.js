// raytrace, ES5 spelling (for Js2Py): constructor functions and prototypes; see raytrace.js.
var width = typeof SCALE === "number" ? SCALE : 48;
var height = Math.floor((width * 3) / 4);
var EPSILON = 1e-6;
var MAX_DEPTH = 2;
var AMBIENT = 0.1;

function Vec3(x, y, z) {
  this.x = x;
  this.y = y;
  this.z = z;
}
Vec3.prototype.add = function (v) {
  return new Vec3(this.x + v.x, this.y + v.y, this.z + v.z);
};
Vec3.prototype.sub = function (v) {
  return new Vec3(this.x - v.x, this.y - v.y, this.z - v.z);
};
Vec3.prototype.scale = function (k) {
  return new Vec3(this.x * k, this.y * k, this.z * k);
};
Vec3.prototype.mul = function (v) {
  return new Vec3(this.x * v.x, this.y * v.y, this.z * v.z);
};
Vec3.prototype.dot = function (v) {
  return this.x * v.x + this.y * v.y + this.z * v.z;
};
Vec3.prototype.length = function () {
  return Math.sqrt(this.dot(this));
};
Vec3.prototype.normalize = function () {
  return this.scale(1 / this.length());
};

function Sphere(center, radius, color, reflect) {
  this.center = center;
  this.radius = radius;
  this.color = color;
  this.reflect = reflect;
}
Sphere.prototype.intersect = function (origin, dir) {
  var oc = origin.sub(this.center);
  var b = oc.dot(dir);
  var c = oc.dot(oc) - this.radius * this.radius;
  var disc = b * b - c;
  if (disc < 0) return -1;
  var s = Math.sqrt(disc);
  var t = -b - s;
  if (t > EPSILON) return t;
  t = -b + s;
  return t > EPSILON ? t : -1;
};
Sphere.prototype.normalAt = function (p) {
  return p.sub(this.center).scale(1 / this.radius);
};
Sphere.prototype.colorAt = function () {
  return this.color;
};

function Floor(reflect) {
  this.reflect = reflect;
  this.normal = new Vec3(0, 1, 0);
  this.light = new Vec3(0.9, 0.9, 0.9);
  this.dark = new Vec3(0.2, 0.25, 0.3);
}
Floor.prototype.intersect = function (origin, dir) {
  if (dir.y > -EPSILON && dir.y < EPSILON) return -1;
  var t = -origin.y / dir.y;
  return t > EPSILON ? t : -1;
};
Floor.prototype.normalAt = function () {
  return this.normal;
};
Floor.prototype.colorAt = function (p) {
  return (Math.floor(p.x) + Math.floor(p.z)) & 1 ? this.light : this.dark;
};

function Light(pos, color) {
  this.pos = pos;
  this.color = color;
}

var objects = [
  new Floor(0.3),
  new Sphere(new Vec3(0, 1, 3), 1, new Vec3(0.9, 0.2, 0.2), 0.4),
  new Sphere(new Vec3(-2.2, 0.7, 4), 0.7, new Vec3(0.2, 0.9, 0.3), 0.2),
  new Sphere(new Vec3(2, 0.6, 2.5), 0.6, new Vec3(0.3, 0.4, 0.95), 0.5),
  new Sphere(new Vec3(0.6, 0.3, 1.4), 0.3, new Vec3(0.95, 0.9, 0.2), 0)
];
var lights = [new Light(new Vec3(-4, 6, -2), new Vec3(0.8, 0.8, 0.8)), new Light(new Vec3(3, 4, -3), new Vec3(0.4, 0.35, 0.3))];
var SKY = new Vec3(0.35, 0.55, 0.85);
var eye = new Vec3(0, 1.4, -4);

function trace(origin, dir, depth) {
  var best = Infinity;
  var hit = null;
  var i, t;
  for (i = 0; i < objects.length; i++) {
    t = objects[i].intersect(origin, dir);
    if (t > 0 && t < best) {
      best = t;
      hit = objects[i];
    }
  }
  if (hit === null) return SKY.scale(0.6 + 0.4 * dir.y);

  var p = origin.add(dir.scale(best));
  var n = hit.normalAt(p);
  var base = hit.colorAt(p);
  var color = base.scale(AMBIENT);
  for (var k = 0; k < lights.length; k++) {
    var light = lights[k];
    var l = light.pos.sub(p);
    var dist = l.length();
    l = l.scale(1 / dist);
    var shadowed = false;
    for (i = 0; i < objects.length; i++) {
      t = objects[i].intersect(p, l);
      if (t > 0 && t < dist) {
        shadowed = true;
        break;
      }
    }
    if (shadowed) continue;
    var diffuse = n.dot(l);
    if (diffuse > 0) color = color.add(base.mul(light.color).scale(diffuse));
    var h = l.sub(dir).normalize();
    var s = n.dot(h);
    if (s > 0) {
      var s2 = s * s;
      var s4 = s2 * s2;
      var s8 = s4 * s4;
      color = color.add(light.color.scale(s8 * s8 * 0.5));
    }
  }
  if (depth < MAX_DEPTH && hit.reflect > 0) {
    var r = dir.sub(n.scale(2 * dir.dot(n)));
    color = color.scale(1 - hit.reflect).add(trace(p, r, depth + 1).scale(hit.reflect));
  }
  return color;
}

function toByte(c) {
  return c <= 0 ? 0 : c >= 1 ? 255 : Math.floor(c * 255);
}

function render(width, height) {
  var sum = 0;
  var hash = 0;
  for (var y = 0; y < height; y++) {
    for (var x = 0; x < width; x++) {
      var dx = (x - width / 2 + 0.5) / height;
      var dy = (height / 2 - y - 0.5) / height;
      var c = trace(eye, new Vec3(dx, dy, 1).normalize(), 0);
      var bytes = [toByte(c.x), toByte(c.y), toByte(c.z)];
      for (var b = 0; b < 3; b++) {
        sum += bytes[b];
        hash = (hash * 31 + bytes[b]) % 1000000007;
      }
    }
  }
  return sum + " " + hash;
}

console.log("raytrace " + width + "x" + height + " " + render(width, height));
