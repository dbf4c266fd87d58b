# printf-style % with a mapping: a %(key)s field's value becomes the whole
# argument list (CPython's rule), so plain fields after it find nothing left,
# and a '*' width takes the looked-up value.
cases = ["'%(foo)s %s' % {'foo': 1}", "'%s %(foo)s' % {'foo': 1}", "'%s %(foo)s %(foo)s' % {'foo': 1}",
         "'%(foo)s %s %(foo)s' % {'foo': 1}", "'%(foo)s %(bar)s' % {'foo': 1, 'bar': 2}", "'%(foo)*s' % {'foo': 'bar'}",
         "'foo' % {}", "'%(foo)s' % {}", "'%(foo)s' % 1", "'%(foo)s' % ({},)", "'%s' % {'a': 1}", "'%s %s' % {'a': 1}",
         "b'%(x)s %s' % {b'x': b'y'}", "b'%s %(x)s' % {b'x': b'y'}", "'%(a)d%%' % {'a': 5}", "'%(a)s' % {'a': [1, 2]}"]
for c in cases:
    try:
        print(c, '->', repr(eval(c)))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
