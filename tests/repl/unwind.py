# An exception unwinds two frames and is caught in a third; a generator is
# closed early, so GeneratorExit is thrown into it.
def divide(a, b):
    return a / b

def average(xs):
    return divide(sum(xs), len(xs))

def safe_average(xs):
    try:
        return average(xs)
    except ZeroDivisionError:
        return None

def countdown(n):
    try:
        while n > 0:
            yield n
            n -= 1
    finally:
        print("countdown closed")

print(safe_average([1, 2, 3]))
print(safe_average([]))
c = countdown(3)
print(next(c), next(c))
c.close()
