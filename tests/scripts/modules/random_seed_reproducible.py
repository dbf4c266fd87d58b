import random
random.seed(7)
a = [random.randint(0, 1000) for _ in range(10)]
b = random.random()
random.seed(7)
c = [random.randint(0, 1000) for _ in range(10)]
d = random.random()
print(a == c, b == d)
random.seed(8)
print([random.randint(0, 10 ** 9) for _ in range(5)] != a[:5])
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__)
