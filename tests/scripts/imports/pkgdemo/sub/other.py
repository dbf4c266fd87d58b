print("init pkgdemo.sub.other")
X = "other's X"
