"""fib: recursive calls (naive Fibonacci and Takeuchi). argv[1] is n of fib(n)."""

import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 27


def fib(k):
    return k if k < 2 else fib(k - 1) + fib(k - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


a = fib(n)
m = n // 4
b = tak(3 * m, 2 * m, m)
print(f"fib {n} {a} {b}")
