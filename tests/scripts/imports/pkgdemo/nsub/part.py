# In a folder without __init__.py: pkgdemo.nsub is a namespace package.
PART = "namespace part"
