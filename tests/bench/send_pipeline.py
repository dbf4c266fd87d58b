# send_pipeline: a PEP 342 push pipeline in the talk's shape (issue 5, item 7):
# a producer sends 1,000,000 ints into squared_pipe, which sends each square on to
# a summing sink: 2,000,000 send() calls in all.


def squared_pipe(next_coroutine):
    while True:
        n = yield
        next_coroutine.send(n ** 2)


def sum_sink():
    total = 0
    while True:
        n = yield total
        total += n


def main():
    sink = sum_sink()
    next(sink)
    squared = squared_pipe(sink)
    next(squared)
    i = 0
    while i < 1000000:
        squared.send(i)
        i += 1
    print(sink.send(0))


main()
