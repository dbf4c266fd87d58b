# Parameter and Signature made by hand: kinds as ints, equality, hashing, replace, errors.
from inspect import Parameter, Signature
P = Parameter
kinds = [P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.VAR_POSITIONAL, P.KEYWORD_ONLY, P.VAR_KEYWORD]
print([int(k) for k in kinds], [str(k) for k in kinds], [k.name for k in kinds], len(set(kinds)))
print(P.POSITIONAL_ONLY < P.VAR_KEYWORD, P.KEYWORD_ONLY == 3, P.VAR_POSITIONAL.value)
x = P('x', P.KEYWORD_ONLY, default=3)
print(x, repr(x), x == P('x', P.KEYWORD_ONLY, default=3), x == P('x', P.KEYWORD_ONLY))
print(hash(x) == hash(P('x', 3, default=3)), x != 'x', repr(P('y', 1)))
print(P('n', P.POSITIONAL_OR_KEYWORD, annotation=int), P('n', 1, annotation=int, default=0))
print(x.replace(name='z'), x.replace(default=None), x.replace(kind=P.POSITIONAL_OR_KEYWORD))
print(x.replace(default=P.empty), sig0 := Signature([x]), sig0.replace(return_annotation=None))
sig = Signature([P('a', P.POSITIONAL_ONLY), P('b', 1, default=2), P('c', 3), P('d', 4)],
                return_annotation=str)
print(sig, repr(sig), Signature(), repr(Signature([P('a', 0)])))
print(sig.replace(return_annotation=int), sig.replace(parameters=[]))
print(Signature([P('k', 3)]), Signature([P('a', 0), P('k', 3)]))
def show(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
show(lambda: P('x', 5))
show(lambda: P('x', 'POSITIONAL_ONLY'))
show(lambda: P(3, P.POSITIONAL_ONLY))
show(lambda: P('x y', P.POSITIONAL_ONLY))
show(lambda: P('a', P.VAR_POSITIONAL, default=1))
show(lambda: P('a', P.VAR_KEYWORD, default=1))
show(lambda: Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)]))
show(lambda: Signature([P('a', 0, default=1), P('b', 0)]))
show(lambda: Signature([P('a', 0), P('a', 3)]))
show(lambda: P('x', 0).foo)
