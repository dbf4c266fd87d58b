def nothing():
    pass
class Empty:
    pass
for i in range(2):
    pass
print(nothing(), Empty.__name__, i)
if True:
    pass
else:
    pass
print("ok")
