# cmp_to_key returns a functools.KeyWrapper; calling it wraps an object in another one.
import functools


def by_length(a, b):
    return len(a) - len(b)


K = functools.cmp_to_key(by_length)
print(type(K))
print(repr(K).startswith("<functools.KeyWrapper object at 0x"))
print(K.obj)
k = K("abc")
print(type(k), type(k).__name__, type(k).__qualname__, type(k).__module__)
print(k.obj)
print(k < K("abcd"), k > K("ab"), k == K("xyz"), k != K("xyz"), k <= K("a"), k >= K("a"))
print(sorted(["ccc", "a", "bb", "dddd"], key=K))
print(max(["ccc", "a", "bb"], key=K), min(["ccc", "a", "bb"], key=K))
k.obj = "changed"
print(k.obj)
for attempt in (lambda: hash(k), lambda: {k}, lambda: k < "abc", lambda: K()):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
try:
    k.other = 1
except AttributeError as e:
    print("AttributeError:", e)
