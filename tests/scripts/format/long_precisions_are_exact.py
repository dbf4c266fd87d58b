# Precisions beyond a thousand digits are honoured, not cut short: a double's
# exact decimal expansion, then zeros, in every float presentation.
values = [0.1, 1.5, 5e-324, 1e300, 1 / 3, -2.5e-7]
for v in values:
    for spec in ['.1000g', '#.1000g', '.60', '.800e', '.1200e', '.1200f', '.1100%', '0=1500,.3f']:
        s = format(v, spec)
        print(spec, len(s), s[:40], s[-40:])
    for spec in ['%.1000g', '%#.900G', '%.1200e', '%.1500f', '%.770g']:
        s = spec % v
        print(spec, len(s), s[:40], s[-40:])
s = '%.100000f' % 0.5
print(len(s), s[:10], set(s[3:]))
s = format(2.0, '#.100000g')
print(len(s), s[:10], set(s[2:]))
