# A starred name takes the middle as a list; `*_` skips it.
import collections

def ends(v):
    match v:
        case [first, *_, last]:
            return first, last
    return None

def middle(v):
    match v:
        case [_, *mid, _]:
            return mid
    return None

print(ends([1, 2, 3, 4]), ends((5, 6)), ends([7]))
print(ends(range(10, 20)), ends(collections.deque("xyz")))
print(middle([1, 2, 3, 4]), middle("abc"), middle((1, 2)))
match [1, 2]:
    case [*everything]:
        print(everything)
