# A producer pushing work into consumers with send(): the consumer is a
# coroutine that keeps its own state between items (a running average and a
# batch it flushes every three items), and the producer never knows how the
# consumer is written inside; it only calls send(). close() lets the
# consumer flush what it still holds, in a finally block.

def coroutine(func):
    """Start a coroutine so that it is ready for send() at once."""
    def start(*args):
        c = func(*args)
        next(c)
        return c
    return start


@coroutine
def batcher(size, target):
    batch = []
    try:
        while True:
            batch.append((yield))
            if len(batch) == size:
                target.send(batch)
                batch = []
    except GeneratorExit:
        if batch:
            target.send(batch)
        target.close()


@coroutine
def averager(name):
    count = 0
    total = 0.0
    try:
        while True:
            batch = yield
            count += len(batch)
            total += sum(batch)
            print('%s: batch %s, running average %.2f' % (name, batch, total / count))
    finally:
        print('%s: closed after %d items' % (name, count))


def producer(readings, consumer):
    for r in readings:
        consumer.send(r)
    consumer.close()


producer([21.5, 22.0, 22.5, 23.0, 21.0, 20.5, 19.5], batcher(3, averager('kitchen')))
producer([18, 18.5], batcher(3, averager('cellar')))
