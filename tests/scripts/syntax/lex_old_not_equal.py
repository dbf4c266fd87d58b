# Python 2's <> is gone.
print(1 <> 2)
