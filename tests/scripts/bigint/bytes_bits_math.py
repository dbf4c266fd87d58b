# to_bytes/from_bytes, bit_length/bit_count, modular pow, and math's integer functions.
import math
for v in [2**64, -2**64, 2**70 - 1, -(2**70), 255, -256, 2**127, -(2**127)]:
    n = (v.bit_length() + 8) // 8
    b = v.to_bytes(n, 'big', signed=True)
    print(v, v.bit_length(), v.bit_count(), b, int.from_bytes(b, 'big', signed=True) == v,
          int.from_bytes(v.to_bytes(n, 'little', signed=True), 'little', signed=True) == v)
print((2**70).to_bytes(10, 'big'), (2**70).to_bytes(12, 'little'), int.from_bytes(b'\xff' * 20, 'big'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True), int.from_bytes(bytes(range(1, 30)), 'little'))
for bad in ["(2**70).to_bytes(8, 'big')", "(-2**70).to_bytes(16, 'big')", "(2**127).to_bytes(16, 'big', signed=True)",
            "(-(2**127) - 1).to_bytes(16, 'big', signed=True)"]:
    try:
        print(eval(bad))
    except OverflowError as e:
        print('OverflowError:', e)
print((-(2**127)).to_bytes(16, 'big', signed=True), (2**128 - 1).to_bytes(16, 'big'))
print(pow(3, 2**100, 10**9 + 7), pow(2**100 + 1, -1, 2**61 - 1), pow(-7, 2**70 + 1, -(10**20 + 39)), pow(5, 0, 1))
print(pow(2**70, 3, 2**64), pow(10**20, 10**20, 97), pow(-2**65, 2, 2**66 + 1))
try:
    pow(2**64, -1, 2**65)
except ValueError as e:
    print(e)
print(math.factorial(50), math.factorial(100) % (2**64 + 13))
print(math.gcd(2**100, 6**60), math.gcd(-(2**70), 3**40, 2**10), math.gcd(), math.gcd(0, -2**80))
print(math.lcm(2**70, 3**40), math.lcm(2**64, 2**65), math.lcm(0, 2**100))
print(math.isqrt(10**50), math.isqrt(2**127 - 1), math.isqrt(0), math.isqrt(2**64))
print(math.comb(200, 100), math.comb(2**70, 2), math.comb(10**20, 0), math.comb(5, 10))
print(math.perm(30), math.perm(2**65, 2), math.perm(100, 50) % 10**20)
print(math.floor(1e30), math.ceil(-1e30), math.trunc(2.5e25), int(math.pow(2, 80)))
print(math.log(2**1000), math.log2(2**200), math.log10(10**100), math.sqrt(2**100))
