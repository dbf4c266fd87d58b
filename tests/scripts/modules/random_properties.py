import random
random.seed(12345)
xs = [random.random() for _ in range(100)]
print(all(0.0 <= x < 1.0 for x in xs), len(set(xs)) > 90)
ints = [random.randint(1, 6) for _ in range(200)]
print(min(ints) >= 1, max(ints) <= 6, set(ints) == {1, 2, 3, 4, 5, 6})
deck = list(range(20))
random.shuffle(deck)
print(sorted(deck) == list(range(20)), len(deck))
pick = random.choice(["a", "b", "c"])
print(pick in ("a", "b", "c"))
print(random.shuffle(deck))
