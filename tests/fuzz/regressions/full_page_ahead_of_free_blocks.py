# A view keeps what it looks at alive after every other reference is gone.
import gc

b = bytearray(10)
m = memoryview(b)[1:]
for i in range(len(m)):
    m[i] = i
b = None
gc.collect()
junk = [[42] * 4 for _ in range(20000)]
print(list(m))
m = memoryview(memoryview(bytearray(i for i in range(50)))[5:-5])
gc.collect()
junk = [list(range(10)) for _ in range(1000)]
print(sum(m), list(m[:10]), m.obj[:3])
