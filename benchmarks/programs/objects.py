"""objects: class instances, methods, inheritance, a property, small allocations. argv[1] is rounds."""

import sys

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    def __init__(self, id, pos):
        self.id = id
        self.pos = pos
        self.moves = 0

    def move(self, delta):
        self.pos = self.pos.add(delta)
        self.moves += 1
        return self

    def area(self):
        return 0

    @property
    def weight(self):
        return self.area() + self.moves


class Rect(Shape):
    def __init__(self, id, pos, w, h):
        super().__init__(id, pos)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, id, pos, side):
        super().__init__(id, pos, side, side)

    def grow(self):
        self.w += 1
        self.h += 1


class Circle(Shape):
    def __init__(self, id, pos, r):
        super().__init__(id, pos)
        self.r = r

    def area(self):
        return 3 * self.r * self.r


def make_shapes(n):
    shapes = []
    for i in range(n):
        pos = Vec(i % 17, i % 13)
        kind = i % 3
        if kind == 0:
            shapes.append(Rect(i, pos, 1 + i % 5, 2 + i % 7))
        elif kind == 1:
            shapes.append(Square(i, pos, 1 + i % 4))
        else:
            shapes.append(Circle(i, pos, 1 + i % 6))
    return shapes


def simulate(rounds):
    shapes = make_shapes(200)
    deltas = [Vec(1, 0), Vec(0, 1), Vec(-1, 0), Vec(0, -1), Vec(1, 1)]
    checksum = 0
    for round_ in range(rounds):
        delta = deltas[round_ % len(deltas)]
        for s in shapes:
            s.move(delta)
            if isinstance(s, Square) and round_ % 50 == 0:
                s.grow()
            checksum = (checksum + s.weight + s.pos.dot(delta)) % 1000000007
    return checksum, sum(s.area() for s in shapes)


checksum, total_area = simulate(rounds)
print(f"objects {rounds} {checksum} {total_area}")
