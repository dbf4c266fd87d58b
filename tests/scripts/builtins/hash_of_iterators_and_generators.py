# Built-in types without their own comparison hash by identity: iterators,
# generators (a scheduler's dict keys), code, frames, super.
import sys
def g(): yield
objs = {"str_iter": iter(""), "list_iter": iter([]), "tuple_iter": iter(()), "range_iter": iter(range(1)), "set_iter": iter(set()), "dict_keyiter": iter({}), "bytes_iter": iter(b""), "gen": g(), "slice": slice(1), "range": range(2), "enumerate": enumerate([]), "zip": zip(), "map": map(len, []), "filter": filter(None, []), "reversed": reversed([]), "ellipsis": ..., "NotImplemented": NotImplemented, "code": g.__code__, "frame": g().gi_frame, "callable_iter": iter(int, 1), "seq_iter": iter(type("S", (), {"__getitem__": lambda s, i: 1})())}
for k, v in objs.items():
    try:
        hash(v); print(k, "hashable")
    except TypeError as e:
        print(k, "TypeError", e)
print(hash(super(object, object)) == hash(super(object, object)) or True)
sched = {g(): "task"}
print(len(sched), list(sched.values()))
