# Eight spaces, then a tab at the same depth.
if True:
        x = 1
	y = 2
