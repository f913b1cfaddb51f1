"""sieve: the sieve of Eratosthenes and a divisor-count sieve. argv[1] is the upper limit."""

import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


def primes(n):
    composite = [False] * (n + 1)
    count = 0
    total = 0
    for i in range(2, n + 1):
        if composite[i]:
            continue
        count += 1
        total += i
        for j in range(i * i, n + 1, i):
            composite[j] = True
    return count, total


def divisor_counts(n):
    divisors = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(i, n + 1, i):
            divisors[j] += 1
    best = 0
    total = 0
    for i in range(1, n + 1):
        total += divisors[i]
        if divisors[i] > divisors[best]:
            best = i
    return best, total


count, total_primes = primes(limit)
best, total = divisor_counts(limit // 4)
print(f"sieve {limit} {count} {total_primes} {best} {total}")
