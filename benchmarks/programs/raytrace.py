"""raytrace: spheres on a checkerboard, two lights, shadows, specular, two reflection levels.
argv[1] is the image width (the height is 3/4 of it)."""

import math
import sys

width = int(sys.argv[1]) if len(sys.argv) > 1 else 48
height = width * 3 // 4
EPSILON = 1e-6
MAX_DEPTH = 2
AMBIENT = 0.1


class Vec3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, v):
        return Vec3(self.x + v.x, self.y + v.y, self.z + v.z)

    def sub(self, v):
        return Vec3(self.x - v.x, self.y - v.y, self.z - v.z)

    def scale(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def mul(self, v):
        return Vec3(self.x * v.x, self.y * v.y, self.z * v.z)

    def dot(self, v):
        return self.x * v.x + self.y * v.y + self.z * v.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalize(self):
        return self.scale(1 / self.length())


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def intersect(self, origin, dir):
        """Distance along the ray to the nearest hit in front of the origin, or -1."""
        oc = origin.sub(self.center)
        b = oc.dot(dir)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return -1
        s = math.sqrt(disc)
        t = -b - s
        if t > EPSILON:
            return t
        t = -b + s
        return t if t > EPSILON else -1

    def normal_at(self, p):
        return p.sub(self.center).scale(1 / self.radius)

    def color_at(self, p):
        return self.color


class Floor:
    def __init__(self, reflect):
        self.reflect = reflect
        self.normal = Vec3(0, 1, 0)
        self.light = Vec3(0.9, 0.9, 0.9)
        self.dark = Vec3(0.2, 0.25, 0.3)

    def intersect(self, origin, dir):
        if -EPSILON < dir.y < EPSILON:
            return -1
        t = -origin.y / dir.y
        return t if t > EPSILON else -1

    def normal_at(self, p):
        return self.normal

    def color_at(self, p):
        return self.light if (math.floor(p.x) + math.floor(p.z)) & 1 else self.dark


class Light:
    def __init__(self, pos, color):
        self.pos = pos
        self.color = color


objects = [
    Floor(0.3),
    Sphere(Vec3(0, 1, 3), 1, Vec3(0.9, 0.2, 0.2), 0.4),
    Sphere(Vec3(-2.2, 0.7, 4), 0.7, Vec3(0.2, 0.9, 0.3), 0.2),
    Sphere(Vec3(2, 0.6, 2.5), 0.6, Vec3(0.3, 0.4, 0.95), 0.5),
    Sphere(Vec3(0.6, 0.3, 1.4), 0.3, Vec3(0.95, 0.9, 0.2), 0),
]
lights = [Light(Vec3(-4, 6, -2), Vec3(0.8, 0.8, 0.8)), Light(Vec3(3, 4, -3), Vec3(0.4, 0.35, 0.3))]
SKY = Vec3(0.35, 0.55, 0.85)
eye = Vec3(0, 1.4, -4)


def trace(origin, dir, depth):
    best = math.inf
    hit = None
    for obj in objects:
        t = obj.intersect(origin, dir)
        if 0 < t < best:
            best = t
            hit = obj
    if hit is None:
        return SKY.scale(0.6 + 0.4 * dir.y)

    p = origin.add(dir.scale(best))
    n = hit.normal_at(p)
    base = hit.color_at(p)
    color = base.scale(AMBIENT)
    for light in lights:
        l = light.pos.sub(p)
        dist = l.length()
        l = l.scale(1 / dist)
        if any(0 < obj.intersect(p, l) < dist for obj in objects):
            continue
        diffuse = n.dot(l)
        if diffuse > 0:
            color = color.add(base.mul(light.color).scale(diffuse))
        h = l.sub(dir).normalize()
        s = n.dot(h)
        if s > 0:
            s2 = s * s
            s4 = s2 * s2
            s8 = s4 * s4
            color = color.add(light.color.scale(s8 * s8 * 0.5))
    if depth < MAX_DEPTH and hit.reflect > 0:
        r = dir.sub(n.scale(2 * dir.dot(n)))
        color = color.scale(1 - hit.reflect).add(trace(p, r, depth + 1).scale(hit.reflect))
    return color


def to_byte(c):
    return 0 if c <= 0 else 255 if c >= 1 else math.floor(c * 255)


def render(width, height):
    total = 0
    digest = 0
    for y in range(height):
        for x in range(width):
            dx = (x - width / 2 + 0.5) / height
            dy = (height / 2 - y - 0.5) / height
            c = trace(eye, Vec3(dx, dy, 1).normalize(), 0)
            for byte in (to_byte(c.x), to_byte(c.y), to_byte(c.z)):
                total += byte
                digest = (digest * 31 + byte) % 1000000007
    return f"{total} {digest}"


print(f"raytrace {width}x{height} {render(width, height)}")
