# os: getpid, environ, getenv, and os.path's join/split/basename/exists/normpath.
import os
from os import path
print(os.getpid() > 0, "PATH" in os.environ, os.environ.get("HOME") is not None, os.getenv("NO_SUCH_VAR_X", "dflt"))
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs"), os.path.join("dir/", "f"))
print(os.path.basename("/a/b/c.py"), os.path.dirname("/a/b/c.py"), os.path.split("a/b"), os.path.splitext("x/y.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.exists("/"), os.path.isdir("/"), os.path.isfile("/"), os.path.exists("/no/such/thing"))
print(os.path.normpath("a//b/../c/./d"), os.path.isabs("/a"), path is os.path, os.sep, os.name)
print(os.path.abspath(".") == os.getcwd())
