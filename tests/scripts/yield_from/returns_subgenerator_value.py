def sub():
    yield "s1"
    yield "s2"
    return "sub result"
def delegator():
    result = yield from sub()
    print("delegator got", repr(result))
    yield "after"
print(list(delegator()))
