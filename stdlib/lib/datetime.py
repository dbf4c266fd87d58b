"""datetime: timedelta, date and naive datetime (Baton's own, in Python).

A modest subset of CPython's module: exact integer arithmetic on days,
seconds and microseconds, the proleptic Gregorian calendar with ordinals
(0001-01-01 is day 1), CPython's reprs, str()s and error texts. No time
zones (tzinfo), no time class, no strftime, and no now()/today(), which need
the local time zone; utcnow() and utcfromtimestamp() work. README.md lists
what is left out.
"""
import time as _time

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_NAMES = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    days = sum(_DAYS_IN_MONTH[1:month])
    if month > 2 and _is_leap(year):
        days += 1
    return days


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(n):
    # 400 years are exactly 146097 days, so this guess is at most one year off.
    year = (n - 1) * 400 // 146097 + 1
    while _days_before_year(year + 1) < n:
        year += 1
    while _days_before_year(year) >= n:
        year -= 1
    n -= _days_before_year(year)
    month = 1
    while n > _days_in_month(year, month):
        n -= _days_in_month(year, month)
        month += 1
    return year, month, n


def _index(value):
    # What CPython's 'i' argument format takes: an int or anything with __index__.
    if isinstance(value, int):
        return int(value)
    if hasattr(type(value), '__index__'):
        return type(value).__index__(value)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)


def _check_date(year, month, day):
    if day is None:
        raise TypeError("function missing required argument '%s' (pos %d)"
                        % (('month', 2) if month is None else ('day', 3)))
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time(hour, minute, second, microsecond):
    hour, minute = _index(hour), _index(minute)
    second, microsecond = _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    return hour, minute, second, microsecond


def _divide_and_round(a, b):
    # a / b rounded to the nearest int, ties to even, in exact integer arithmetic.
    q, r = divmod(a, b)
    r2 = r * 2
    if r2 > b if b > 0 else r2 < b:
        q += 1
    elif r2 == b and q % 2 == 1:
        q += 1
    return q


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


class timedelta:
    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        whole = 0     # exact microseconds from the ints and the floats' integer parts
        fraction = 0.0
        for name, value, factor in (('days', days, _US_PER_DAY),
                                    ('seconds', seconds, _US_PER_SECOND),
                                    ('microseconds', microseconds, 1),
                                    ('milliseconds', milliseconds, 1000),
                                    ('minutes', minutes, 60 * _US_PER_SECOND),
                                    ('hours', hours, 3600 * _US_PER_SECOND),
                                    ('weeks', weeks, 7 * _US_PER_DAY)):
            if isinstance(value, int):
                whole += value * factor
            elif isinstance(value, float):
                integral = int(value)
                whole += integral * factor
                fraction += (value - integral) * factor
            else:
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (name, type(value).__name__))
        return cls._from_microseconds(whole + round(fraction))

    @classmethod
    def _from_microseconds(cls, us):
        days, rest = divmod(us, _US_PER_DAY)
        if abs(days) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds, self._microseconds = divmod(rest, _US_PER_SECOND)
        self._hashcode = -1
        return self

    def _us(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._us() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append('days=%d' % self._days)
        if self._seconds:
            parts.append('seconds=%d' % self._seconds)
        if self._microseconds:
            parts.append('microseconds=%d' % self._microseconds)
        return 'datetime.timedelta(%s)' % (', '.join(parts) or '0')

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hours, minutes, seconds)
        if self._days:
            text = '%d day%s, %s' % (self._days, '' if abs(self._days) == 1 else 's', text)
        if self._microseconds:
            text += '.%06d' % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._us() - other._us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(self._us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(self._us(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(b * self._us(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __lt__(self, other):
        return self._us() < other._us() if isinstance(other, timedelta) else NotImplemented

    def __le__(self, other):
        return self._us() <= other._us() if isinstance(other, timedelta) else NotImplemented

    def __gt__(self, other):
        return self._us() > other._us() if isinstance(other, timedelta) else NotImplemented

    def __ge__(self, other):
        return self._us() >= other._us() if isinstance(other, timedelta) else NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date(year, month, day)
        self._hashcode = -1
        return self

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _ymd_to_ordinal(MAXYEAR, 12, 31):
            raise ValueError('year %d is out of range' % _ordinal_to_ymd(n)[0])
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(text) != 10 or text[4] != '-' or text[7] != '-' or not (
                text[:4] + text[5:7] + text[8:]).isdigit():
            raise ValueError('Invalid isoformat string: %r' % (text,))
        return cls(int(text[:4]), int(text[5:7]), int(text[8:]))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return '%s %s %2d 00:00:00 %04d' % (_DAY_NAMES[self.weekday()],
                                            _MONTH_NAMES[self._month], self._day, self._year)

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._year, self._month, self._day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        # A datetime is a date but never equal or ordered against one: its own methods answer.
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        return self._key() == other._key() if self._comparable(other) else NotImplemented

    def __lt__(self, other):
        return self._key() < other._key() if self._comparable(other) else NotImplemented

    def __le__(self, other):
        return self._key() <= other._key() if self._comparable(other) else NotImplemented

    def __gt__(self, other):
        return self._key() > other._key() if self._comparable(other) else NotImplemented

    def __ge__(self, other):
        return self._key() >= other._key() if self._comparable(other) else NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if self._comparable(other):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


class datetime(date):
    __slots__ = ('_hour', '_minute', '_second', '_microsecond')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None):
        if tzinfo is not None:
            raise NotImplementedError("Baton's datetime has no time zones (tzinfo)")
        self = date.__new__(cls, year, month, day)
        self._hour, self._minute, self._second, self._microsecond = _check_time(
            hour, minute, second, microsecond)
        return self

    @classmethod
    def _from_us(cls, us):
        # us: microseconds since 0001-01-01 00:00 minus one day (ordinal 1 is that day).
        days, rest = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        seconds, microsecond = divmod(rest, _US_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return cls(*_ordinal_to_ymd(days), hour, minute, second, microsecond)

    @classmethod
    def utcfromtimestamp(cls, t):
        if not isinstance(t, (int, float)):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(t).__name__)
        us = round(t * _US_PER_SECOND) if isinstance(t, float) else t * _US_PER_SECOND
        return cls._from_us(us + _EPOCH_ORDINAL * _US_PER_DAY)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return None

    def date(self):
        return date(self._year, self._month, self._day)

    def _us(self):
        return (((self.toordinal() * 24 + self._hour) * 60 + self._minute) * 60 +
                self._second) * _US_PER_SECOND + self._microsecond

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(pick(year, self._year), pick(month, self._month),
                          pick(day, self._day), pick(hour, self._hour),
                          pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond))

    def isoformat(self, sep='T'):
        text = '%s%s%02d:%02d:%02d' % (date.isoformat(self), sep, self._hour, self._minute,
                                        self._second)
        if self._microsecond:
            text += '.%06d' % self._microsecond
        return text

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            fields.append(self._second)
        if self._microsecond:
            fields.append(self._microsecond)
        return 'datetime.datetime(%s)' % ', '.join(map(str, fields))

    def _order(self, other):
        # The key to order by, or an error: a plain date is never ordered against a datetime.
        if isinstance(other, datetime):
            return other._us()
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to %s"
                            % ('datetime.date' if type(other) is date else type(other).__name__))
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._us() == other._us()
        return False if isinstance(other, date) else NotImplemented

    def __lt__(self, other):
        key = self._order(other)
        return NotImplemented if key is None else self._us() < key

    def __le__(self, other):
        key = self._order(other)
        return NotImplemented if key is None else self._us() <= key

    def __gt__(self, other):
        key = self._order(other)
        return NotImplemented if key is None else self._us() > key

    def __ge__(self, other):
        key = self._order(other)
        return NotImplemented if key is None else self._us() >= key

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._us())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() - other._us())
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented


_MONTH_NAMES = (None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
                'Nov', 'Dec')
_MAX_ORDINAL = _ymd_to_ordinal(MAXYEAR, 12, 31)
_EPOCH_ORDINAL = _ymd_to_ordinal(1970, 1, 1)
date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
date.resolution = timedelta(days=1)
datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
