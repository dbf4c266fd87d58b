# The talk's last slide: "co-routines are to state machines what recursion
# is to stacks". A recursive-descent parser for nested lists such as
# [1, [2, 3], []] written as coroutines that call each other with
# `yield from`: parse_value and parse_list recurse into one another, and
# every token arrives by send(), one at a time, whenever the producer has
# one. The suspended chain of generator frames *is* the parser's stack, so
# no explicit state machine or stack is needed to resume mid-structure.

def parse_value():
    token = yield
    if token == '[':
        return (yield from parse_list())
    return int(token)


def parse_list():
    items = []
    token = yield
    if token == ']':
        return items
    while True:
        items.append((yield from parse_value_starting(token)))
        token = yield
        if token == ']':
            return items
        if token != ',':
            raise SyntaxError('expected , or ] but got %r' % token)
        token = yield


def parse_value_starting(token):
    """parse_value for a token already read (one token of lookahead)."""
    if token == '[':
        return (yield from parse_list())
    return int(token)


def tokens(text):
    number = ''
    for ch in text:
        if ch.isdigit():
            number += ch
            continue
        if number:
            yield number
            number = ''
        if ch in '[],':
            yield ch
    if number:
        yield number


def feed(text):
    parser = parse_value()
    next(parser)
    for tok in tokens(text):
        try:
            parser.send(tok)
        except StopIteration as done:
            return done.value
        print('  after %-3r the parser waits %d frames deep' % (tok, chain_length(parser)))
    raise SyntaxError('unexpected end of input')


def chain_length(gen):
    n = 0
    while gen is not None:
        n += 1
        gen = gen.gi_yieldfrom
    return n


for text in ['7', '[1, [2, 3], []]', '[[[42]]]']:
    print('parsing', text)
    print('result:', feed(text))

# Two coroutines that hand control back and forth, each deeper in its own
# recursion: is_even and is_odd call each other, and a driver counts turns.
def is_even(n):
    yield 'even? %d' % n
    if n == 0:
        return True
    return (yield from is_odd(n - 1))


def is_odd(n):
    yield 'odd? %d' % n
    if n == 0:
        return False
    return (yield from is_even(n - 1))


g = is_even(5)
try:
    while True:
        print(next(g))
except StopIteration as done:
    print('is_even(5) =', done.value)
