# datetime: a date with a time of day; repr drops zero seconds, arithmetic, comparisons.
from datetime import datetime, date, timedelta
dt = datetime(2023, 8, 5, 12, 0)
for x in [dt, datetime(2023, 8, 5), datetime(2023, 8, 5, 1, 2, 3), datetime(2023, 8, 5, 1, 2, 3, 4),
          datetime(2023, 8, 5, 1, 2, 0, 40)]:
    print(repr(x), x, x.isoformat(), x.isoformat(' '), x.hour, x.minute, x.second, x.microsecond)
print(dt.date(), repr(dt.date()), dt.tzinfo, dt.weekday(), dt.toordinal(), isinstance(dt, date))
print(dt + timedelta(hours=13), dt - timedelta(days=1, microseconds=1), timedelta(seconds=1) + dt)
print(datetime(2023, 1, 1) - datetime(2022, 12, 31, 23, 59, 59, 1), dt - datetime(2023, 8, 4))
print(datetime(2023, 8, 5, 12, 0, 0) == datetime(2023, 8, 5, 12, 0, 0),
      datetime(2023, 8, 5, 12, 0, 0) != datetime(2023, 8, 5, 12, 1, 0),
      datetime(2023, 8, 5, 12, 30, 0) > datetime(2023, 8, 5, 12, 1, 0),
      datetime(2023, 8, 5, 12, 0, 0) <= datetime(2023, 8, 5, 12, 1, 0))
print(dt == date(2023, 8, 5), date(2023, 8, 5) == dt, dt != date(2023, 8, 5))
print(dt.replace(minute=30), datetime.min, datetime.max)
print(datetime.utcfromtimestamp(0), datetime.utcfromtimestamp(1691236800.25), repr(datetime.resolution))
print(hash(dt) == hash(datetime(2023, 8, 5, 12)), len({dt, datetime(2023, 8, 5, 12)}))
print(type(datetime.utcnow()) is datetime)
