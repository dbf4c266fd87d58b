items = [3, 1, 2]
d = {"k": "v"}
print(f"{sorted(items)} {d['k']} {len(items) * 2}")
print(f"{'yes' if items else 'no'}")
print(f"{items[0]:>4}{items[1]:>4}")
x = 10
print(f"{x} {x!r:>5} {x + 0.5}")
print(f"{'a' + 'b'}")
print(f"{3 > 2}")
