print("init pkgdemo.sub")
