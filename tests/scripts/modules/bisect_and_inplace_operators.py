# bisect (with key=) and operator's in-place functions.
import bisect
import operator

a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a, bisect.bisect_left(a, 5, 0, 3))
words = ["bb", "a", "dddd"]
words.sort(key=len)
bisect.insort(words, "ccc", key=len)
print(words, bisect.bisect_left(words, 3, key=len))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
l = [1]
print(operator.iadd(l, [2]) is l, l, operator.itruediv(8, 2), operator.ifloordiv(7, 2), operator.imod(7, 3))
print(operator.ipow(2, 5), operator.iand(6, 3), operator.ior(4, 1), operator.ixor(5, 1), operator.ilshift(1, 3), operator.irshift(8, 2))
