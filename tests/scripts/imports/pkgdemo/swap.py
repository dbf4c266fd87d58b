# A module that puts something else in sys.modules in its place.
import sys
sys.modules[__name__] = "a str stood in for pkgdemo.swap"
