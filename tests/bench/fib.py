# fib: recursive fib(30), 2.7M Python-to-Python calls (issue 4, item 9).
# Measures call and return, a global lookup, compare, add and subtract on ints.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(30))
