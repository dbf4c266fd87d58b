# A tab in one line and eight spaces in the next: a TabError.
if True:
	x = 1
        y = 2
