# operator: operators as functions, itemgetter, attrgetter, methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.not_(0), operator.getitem([1, 2], 1))
print(sorted([(1, "b"), (0, "c")], key=itemgetter(1)), itemgetter(0, 2)("abc"), methodcaller("upper")("x"))
print(attrgetter("__class__.__name__")(5), operator.contains([1], 1), operator.indexOf("abc", "c"), operator.abs(-2))
