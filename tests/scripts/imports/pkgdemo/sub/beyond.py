# Three dots from pkgdemo.sub.beyond go past the top-level package.
from ... import anything
