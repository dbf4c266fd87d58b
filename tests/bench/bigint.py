# bigint: arbitrary-precision ints on GMP. 3,000 digits of pi by Gibbons'
# unbounded spigot (big-int multiply, add and floor division at every digit)
# and the factorial of 20,000 by a plain loop of multiplications.


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def factorial(n):
    acc = 1
    for i in range(2, n + 1):
        acc *= i
    return acc


def main():
    d = pi_digits(3000)
    f = factorial(20000)
    print(''.join(map(str, d[:20])), sum(d), f.bit_length(), f % 1000003)


main()
