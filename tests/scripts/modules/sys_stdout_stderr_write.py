import sys
sys.stdout.write("out 1\n")
sys.stderr.write("err 1\n")
sys.stdout.flush()
sys.stderr.flush()
print(sys.stdout.write(""), sys.stderr.write("x\n"))
