# Helper module whose function raises; run alone it is a test too.
def explode(n):
    if n == 0:
        raise ValueError("exploded at depth 0")
    return explode(n - 1)
print("helper_raises loaded")
