"""closures: captured variables (nonlocal), composition, map/filter/reduce with lambdas.
argv[1] is the number of rounds over a 500-element list."""

import sys
from functools import reduce

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60


def make_counter(step):
    count = 0

    def next_():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = 0

    return next_, reset


def compose(f, g):
    return lambda x: f(g(x))


def adder(n):
    return lambda x: x + n


def scaler(n):
    return lambda x: x * n


data = [(i * 37) % 101 for i in range(500)]


def run(rounds):
    checksum = 0
    counter_next, counter_reset = make_counter(3)
    for round_ in range(rounds):
        f = compose(adder(round_ % 7), scaler(1 + round_ % 3))
        mapped = [f(x) for x in data]
        kept = list(filter(lambda x: x % 3 != 0, mapped))
        total = reduce(lambda acc, x: acc + x, kept, 0)
        max_seen = 0

        def visit(x):
            nonlocal max_seen
            max_seen = max(max_seen, x)
            counter_next()

        for x in kept:
            visit(x)
        any_big = any(x > 250 for x in mapped)
        all_small = all(x < 320 for x in kept)
        pairs = list(filter(lambda p: (p[0] + p[1]) % 5 == 0, [(x, i) for i, x in enumerate(data)]))
        checksum = (
            checksum * 7 + total + max_seen + (1 if any_big else 0) + (2 if all_small else 0) + len(pairs)
        ) % 1000000007
        if round_ % 10 == 9:
            counter_reset()
    return checksum, counter_next()


checksum, last = run(rounds)
print(f"closures {rounds} {checksum} {last}")
