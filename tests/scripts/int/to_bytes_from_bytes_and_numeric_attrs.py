# int.to_bytes and int.from_bytes (64-bit values), and the numeric attributes real/imag/numerator/denominator.
print((1024).to_bytes(2, 'big'), (-1).to_bytes(2, 'big', signed=True), (1).to_bytes(), (255).to_bytes(2, 'little'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes([1, 2], 'little'), int.from_bytes(b''))
print((-129).to_bytes(2, 'little', signed=True), int.from_bytes((-129).to_bytes(2, 'little', signed=True), 'little', signed=True))
print((2**40).to_bytes(6, 'big'), int.from_bytes(b'\x00' * 10 + b'\x05', 'big'), bool.from_bytes(b'\x01', 'big'))
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, (-3).real)
for s in ['(256).to_bytes(1, "big")', '(-1).to_bytes(1, "big")', '(1).to_bytes(1, "mid")', 'int.from_bytes("x", "big")', '(1).to_bytes(-1, "big")', '(128).to_bytes(1, "big", signed=True)']:
    try:
        eval(s)
    except (OverflowError, ValueError, TypeError) as e:
        print(s, type(e).__name__, e)

# Zero bytes hold only 0, signed or not (found by fuzz_run: a shift by -1).
for n in (0, 1, -1):
    for signed in (False, True):
        try:
            print(n, signed, n.to_bytes(0, "big", signed=signed))
        except OverflowError as e:
            print(n, signed, "OverflowError:", e)
