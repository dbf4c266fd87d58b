# sys.stdout.buffer and sys.stderr.buffer take bytes; flushing the text
# layer first keeps the order (CPython's text layer buffers on its own).
import sys

print("text before", flush=True)
n = sys.stdout.buffer.write(b"raw bytes \xe2\x82\xac\n")
sys.stdout.buffer.flush()
print(n, sys.stdout.buffer is sys.stdout.buffer)
sys.stderr.buffer.write(b"to stderr\n")
sys.stderr.buffer.flush()
out = sys.stdout.buffer
print(out.mode, out.name, out.writable(), out.readable(), sys.stdin.buffer.readable())
try:
    out.write("not bytes")
except TypeError as e:
    print("TypeError", e)
out.write(bytearray(b"from a bytearray\n"))
out.flush()
print("text after")
