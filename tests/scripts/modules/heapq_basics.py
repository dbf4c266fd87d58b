# heapq: push, pop, heapify, pushpop, replace, nlargest/nsmallest, merge.
import heapq
h = []
for v in [5, 1, 4, 2, 3]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(5)])
data = [9, 3, 7, 1]; heapq.heapify(data); print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 8), sorted(data))
print(heapq.nlargest(2, [1, 5, 3]), heapq.nsmallest(2, [4, 1, 3], key=lambda x: -x), list(heapq.merge([1, 4], [2, 3, 5])))
