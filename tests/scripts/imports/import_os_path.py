# os puts os.path in sys.modules, so `import os.path` works as in CPython.
import os.path
import sys
print(os.path.basename("/a/b/c.txt"), sys.modules["os.path"] is os.path)
