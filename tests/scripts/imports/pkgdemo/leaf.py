print("init pkgdemo.leaf")
VALUE = "leaf value"
