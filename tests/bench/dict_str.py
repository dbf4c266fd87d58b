# dict_str: about 1M string and dict operations (issue 4, item 9): concatenation,
# str(), f-strings, split, join, upper, startswith, dict get/set/in, items, sorted.


def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    total = 0
    for i in range(100000):
        w = words[i % 8]
        key = w + str(i % 1000)
        counts[key] = counts.get(key, 0) + 1
        if key in counts:
            total += 1
        s = f"{w}-{i}"
        parts = s.split("-")
        total += len(parts[0]) + int(parts[1]) % 7
        if w.upper().startswith("E"):
            total += 1
        total += len(":".join(parts))
    items = sorted(counts.items())
    print(len(counts), total, items[0], items[-1])


main()
