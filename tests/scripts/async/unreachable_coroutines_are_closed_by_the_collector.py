# A suspended coroutine or async generator that becomes unreachable is closed
# when the collector finds it, as a generator is: its finally blocks run, an
# `async with` exits with GeneratorExit, and one that awaits again in its
# finally is reported as "ignored GeneratorExit" with the frame running then.
# (del and gc.collect() share a line: CPython closes at the del, Baton at the
# collection.)
import gc
import types


@types.coroutine
def pause():
    yield "paused"


async def inner():
    try:
        await pause()
    finally:
        print("inner finally")


async def outer():
    try:
        await inner()
    finally:
        print("outer finally")


c = outer(); c.send(None); del c; gc.collect()
print("chain closed")


async def stubborn():
    try:
        await pause()
    finally:
        await pause()


s = stubborn(); s.send(None); del s; gc.collect()
print("stubborn reported")


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")


def first_item(agen):
    try:
        agen.asend(None).send(None)
    except StopIteration as e:
        print("first item", e.value)


a = agen()
first_item(a)
del a; gc.collect()


async def agen_awaits_in_finally():
    try:
        yield 1
    finally:
        await pause()


b = agen_awaits_in_finally()
first_item(b)
del b; gc.collect()


class Context:
    async def __aenter__(self):
        print("enter")

    async def __aexit__(self, kind, value, tb):
        print("exit with", kind.__name__)


async def uses_context():
    async with Context():
        await pause()


w = uses_context(); w.send(None); del w; gc.collect()


async def no_cleanup():
    await pause()


n = no_cleanup(); n.send(None); del n; gc.collect()
print("end")
