print("init starpkg.alpha")
NAME = "alpha"
