import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("again", "stdout", file=sys.stdout, flush=True)
sys.stdout.write("written\n")
sys.stderr.write("err written\n")
n = sys.stdout.write("abc\n")
print(n)
