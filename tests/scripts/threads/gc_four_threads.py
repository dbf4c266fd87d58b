# Four threads allocate at once (lists, dicts, strings, generators) while
# the collector runs: every structure comes out intact.
import threading

results = {}


def build(k):
    total = 0
    for i in range(300):
        d = {"k": [k, i, str(i) * 3], "g": (x * k for x in range(5))}
        total += sum(d["g"]) + len(d["k"][2])
    results[k] = total


threads = [threading.Thread(target=build, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
