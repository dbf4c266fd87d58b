import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith("sys_argv.py"), type(sys.argv).__name__)
