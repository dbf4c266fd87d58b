def my_range_pipe(n, next_coroutine):
    i = 0
    while i < n:
        yield
        next_coroutine.send(i)
        i += 1

def squared_pipe(next_coroutine):
    while True:
        n = yield
        next_coroutine.send(n ** 2)
    
def print_sink():
    while True:
        n = yield
        print(n)
    
sink = print_sink()
next(sink)
squared = squared_pipe(sink)
next(squared)
mrp = my_range_pipe(10, squared)
next(mrp)
next(mrp)
next(mrp)
next(mrp)
