// raytrace: a small ray tracer. Four spheres on a checkerboard plane, two lights with shadows,
// diffuse and specular shading and two levels of reflection, rendered to a fixed small image; prints
// the sum and a hash of the pixel bytes. Floating-point work only (+ - * / and Math.sqrt, so every
// engine gets identical bits). SCALE is the image width (the height is 3/4 of it).
const width = typeof SCALE === "number" ? SCALE : 48;
const height = Math.floor((width * 3) / 4);
const EPSILON = 1e-6;
const MAX_DEPTH = 2;
const AMBIENT = 0.1;

class Vec3 {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  add(v) {
    return new Vec3(this.x + v.x, this.y + v.y, this.z + v.z);
  }

  sub(v) {
    return new Vec3(this.x - v.x, this.y - v.y, this.z - v.z);
  }

  scale(k) {
    return new Vec3(this.x * k, this.y * k, this.z * k);
  }

  mul(v) {
    return new Vec3(this.x * v.x, this.y * v.y, this.z * v.z);
  }

  dot(v) {
    return this.x * v.x + this.y * v.y + this.z * v.z;
  }

  length() {
    return Math.sqrt(this.dot(this));
  }

  normalize() {
    return this.scale(1 / this.length());
  }
}

class Sphere {
  constructor(center, radius, color, reflect) {
    this.center = center;
    this.radius = radius;
    this.color = color;
    this.reflect = reflect;
  }

  // Distance along the ray to the nearest hit in front of the origin, or -1.
  intersect(origin, dir) {
    const oc = origin.sub(this.center);
    const b = oc.dot(dir);
    const c = oc.dot(oc) - this.radius * this.radius;
    const disc = b * b - c;
    if (disc < 0) return -1;
    const s = Math.sqrt(disc);
    let t = -b - s;
    if (t > EPSILON) return t;
    t = -b + s;
    return t > EPSILON ? t : -1;
  }

  normalAt(p) {
    return p.sub(this.center).scale(1 / this.radius);
  }

  colorAt() {
    return this.color;
  }
}

class Floor {
  constructor(reflect) {
    this.reflect = reflect;
    this.normal = new Vec3(0, 1, 0);
    this.light = new Vec3(0.9, 0.9, 0.9);
    this.dark = new Vec3(0.2, 0.25, 0.3);
  }

  intersect(origin, dir) {
    if (dir.y > -EPSILON && dir.y < EPSILON) return -1;
    const t = -origin.y / dir.y;
    return t > EPSILON ? t : -1;
  }

  normalAt() {
    return this.normal;
  }

  colorAt(p) {
    return (Math.floor(p.x) + Math.floor(p.z)) & 1 ? this.light : this.dark;
  }
}

class Light {
  constructor(pos, color) {
    this.pos = pos;
    this.color = color;
  }
}

const objects = [
  new Floor(0.3),
  new Sphere(new Vec3(0, 1, 3), 1, new Vec3(0.9, 0.2, 0.2), 0.4),
  new Sphere(new Vec3(-2.2, 0.7, 4), 0.7, new Vec3(0.2, 0.9, 0.3), 0.2),
  new Sphere(new Vec3(2, 0.6, 2.5), 0.6, new Vec3(0.3, 0.4, 0.95), 0.5),
  new Sphere(new Vec3(0.6, 0.3, 1.4), 0.3, new Vec3(0.95, 0.9, 0.2), 0),
];
const lights = [new Light(new Vec3(-4, 6, -2), new Vec3(0.8, 0.8, 0.8)), new Light(new Vec3(3, 4, -3), new Vec3(0.4, 0.35, 0.3))];
const SKY = new Vec3(0.35, 0.55, 0.85);
const eye = new Vec3(0, 1.4, -4);

function trace(origin, dir, depth) {
  let best = Infinity;
  let hit = null;
  for (const obj of objects) {
    const t = obj.intersect(origin, dir);
    if (t > 0 && t < best) {
      best = t;
      hit = obj;
    }
  }
  if (hit === null) return SKY.scale(0.6 + 0.4 * dir.y);

  const p = origin.add(dir.scale(best));
  const n = hit.normalAt(p);
  const base = hit.colorAt(p);
  let color = base.scale(AMBIENT);
  for (const light of lights) {
    let l = light.pos.sub(p);
    const dist = l.length();
    l = l.scale(1 / dist);
    let shadowed = false;
    for (const obj of objects) {
      const t = obj.intersect(p, l);
      if (t > 0 && t < dist) {
        shadowed = true;
        break;
      }
    }
    if (shadowed) continue;
    const diffuse = n.dot(l);
    if (diffuse > 0) color = color.add(base.mul(light.color).scale(diffuse));
    const h = l.sub(dir).normalize();
    const s = n.dot(h);
    if (s > 0) {
      const s2 = s * s;
      const s4 = s2 * s2;
      const s8 = s4 * s4;
      color = color.add(light.color.scale(s8 * s8 * 0.5));
    }
  }
  if (depth < MAX_DEPTH && hit.reflect > 0) {
    const r = dir.sub(n.scale(2 * dir.dot(n)));
    color = color.scale(1 - hit.reflect).add(trace(p, r, depth + 1).scale(hit.reflect));
  }
  return color;
}

const toByte = (c) => (c <= 0 ? 0 : c >= 1 ? 255 : Math.floor(c * 255));

function render(width, height) {
  let sum = 0;
  let hash = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2 + 0.5) / height;
      const dy = (height / 2 - y - 0.5) / height;
      const c = trace(eye, new Vec3(dx, dy, 1).normalize(), 0);
      for (const byte of [toByte(c.x), toByte(c.y), toByte(c.z)]) {
        sum += byte;
        hash = (hash * 31 + byte) % 1000000007;
      }
    }
  }
  return `${sum} ${hash}`;
}

console.log(`raytrace ${width}x${height} ${render(width, height)}`);
