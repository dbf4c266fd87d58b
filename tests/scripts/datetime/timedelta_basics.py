# timedelta normalizes to days, seconds, microseconds; repr, str, arithmetic and comparisons.
from datetime import timedelta
cases = [timedelta(), timedelta(days=1), timedelta(seconds=-1), timedelta(hours=25.5),
         timedelta(microseconds=5, hours=1), timedelta(weeks=1, milliseconds=1.5),
         timedelta(days=2, microseconds=5), timedelta(minutes=-90), timedelta(seconds=0.5e-6),
         timedelta(seconds=1.5e-6), timedelta(days=-1, seconds=5), timedelta(1, 2, 3)]
for td in cases:
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))
a, b = timedelta(days=1), timedelta(hours=5, seconds=30)
print(a + b, a - b, b - a, -b, +b, abs(b - a), a * 3, 3 * a, a * 0.25, a / 7, a / 0.5)
print(a / b, a // b, a % b, divmod(a, b), a // 7)
print(a == timedelta(hours=24), a != b, a > b, a >= b, b < a, b <= a, sorted([a, b, -a]))
print(hash(a) == hash(timedelta(seconds=86400)), {a: 1}[timedelta(hours=24)])
print(timedelta.max, timedelta.min, repr(timedelta.resolution))
print(timedelta(days=1) == 86400, timedelta(0) == 0)
