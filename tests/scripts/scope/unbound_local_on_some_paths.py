# A local read where some path leaves it unbound raises UnboundLocalError;
# where every path binds it, the read just works (the compiler checks only
# the reads it cannot prove bound).
def attempt(f, *args):
    try:
        print(f.__name__, f(*args))
    except UnboundLocalError as e:
        print(f.__name__, 'UnboundLocalError:', e)


def branch(c):
    if c:
        x = 1
    return x


def both_branches(c):
    if c:
        x = 1
    else:
        x = 2
    return x


def loop_never_runs(n):
    for i in range(n):
        pass
    return i


def while_binds(n):
    while n > 0:
        y = n
        n -= 1
    return y


def deleted(c):
    z = 5
    if c:
        del z
    return z


def raised_before_bind():
    try:
        v = 1 // 0
    except ZeroDivisionError:
        pass
    return v


def bound_before_raise():
    try:
        w = 3
        1 // 0
    except ZeroDivisionError:
        return w


def except_name_is_cleared():
    try:
        raise ValueError('v')
    except ValueError as err:
        pass
    return err


def loop_carried(n):
    total = 0
    for i in range(n):
        if i > 0:
            total += prev
        prev = i
    return total


def gen(c):
    if c:
        g = 'bound'
    yield 1
    yield g


attempt(branch, True)
attempt(branch, False)
attempt(both_branches, False)
attempt(loop_never_runs, 3)
attempt(loop_never_runs, 0)
attempt(while_binds, 2)
attempt(while_binds, 0)
attempt(deleted, False)
attempt(deleted, True)
attempt(raised_before_bind)
attempt(bound_before_raise)
attempt(except_name_is_cleared)
attempt(loop_carried, 4)
for c in (True, False):
    it = gen(c)
    try:
        print(list(it))
    except UnboundLocalError as e:
        print('gen UnboundLocalError:', e)
