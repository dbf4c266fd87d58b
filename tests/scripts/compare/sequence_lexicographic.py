print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [] < [0], [3] > [2, 9, 9])
print((1, "a") < (1, "b"), ("a", 2) < ("b", 1))
print("abc" < "abcd", "b" > "abc", "" == "")
print(max(["b", "ab", "abc"]), min([(2, 1), (1, 5), (1, 2)]))
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(e)
