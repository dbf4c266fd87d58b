class O:
    pass
o = O()
d = {}
lst = [0, 0, 0]
o.a, d["k"], lst[1] = "attr", "item", "elem"
print(o.a, d, lst)
lst[0], lst[2] = lst[2], lst[0]
print(lst)
lst[1:2] = "xy"
print(lst)
