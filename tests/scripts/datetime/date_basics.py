# date: validation, ordinals, weekdays, arithmetic with timedelta, comparisons.
from datetime import date, timedelta, MINYEAR, MAXYEAR
d = date(2023, 8, 5)
print(repr(d), d, d.year, d.month, d.day, d.isoformat(), d.ctime())
print(d.weekday(), d.isoweekday(), d.toordinal(), date.fromordinal(738737), date.fromordinal(1))
for y, m, dd in [(2000, 2, 29), (1900, 3, 1), (2024, 12, 31), (1, 1, 1), (9999, 12, 31)]:
    x = date(y, m, dd)
    print(x, x.toordinal(), date.fromordinal(x.toordinal()) == x, x.weekday())
print(d + timedelta(days=30), timedelta(days=-400) + d, d - timedelta(weeks=2))
print(d - date(2023, 1, 1), date(2024, 3, 1) - date(2023, 3, 1), date(2023, 1, 31) + timedelta(days=1))
print(d.replace(day=1), d.replace(year=2024, month=2), date.fromisoformat('2021-12-31'))
print(date(2023, 8, 5) == date(2023, 8, 5), date(2023, 8, 5) != date(2023, 8, 6))
print(date(2024, 8, 5) >= date(2023, 8, 6), date(2023, 8, 5) < date(2024, 8, 6))
print(sorted([date(2020, 1, 2), date(2019, 5, 5), date(2020, 1, 1)]))
print(hash(d) == hash(date(2023, 8, 5)), date.min, date.max, MINYEAR, MAXYEAR, date.resolution)
print(date(True, 1, 1), d == '2023-08-05')
