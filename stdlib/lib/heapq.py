"""heapq for Baton: a binary min-heap kept in a plain list."""


def _sift_down(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_up(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


def heappush(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    iterators = [iter(it) for it in iterables]
    heads = []
    for index, it in enumerate(iterators):
        for value in it:
            heads.append([value, index])
            break
    while heads:
        pick = 0
        for i in range(1, len(heads)):
            a = heads[i][0] if key is None else key(heads[i][0])
            b = heads[pick][0] if key is None else key(heads[pick][0])
            if (b < a) if reverse else (a < b):
                pick = i
            elif not (a < b) and not (b < a) and heads[i][1] < heads[pick][1]:
                pick = i
        value, index = heads[pick]
        yield value
        for nxt in iterators[index]:
            heads[pick][0] = nxt
            break
        else:
            del heads[pick]
