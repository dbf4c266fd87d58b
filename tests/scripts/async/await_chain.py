# await runs a coroutine inside another: values sent in reach the innermost yield.
import types

@types.coroutine
def ask(question):
    answer = yield question
    return answer

async def area():
    w = await ask("width?")
    h = await ask("height?")
    return w * h

async def report():
    a = await area()
    b = await area()
    return f"{a} + {b} = {a + b}"

def run(coro, answers):
    try:
        q = coro.send(None)
        while True:
            print("asked", q)
            q = coro.send(answers.pop(0))
    except StopIteration as e:
        return e.value

print(run(report(), [3, 4, 5, 6]))
