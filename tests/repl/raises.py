# Runs, then raises: baton -i shows the traceback, then the prompt.
x = 41
print("ran", x)
x += 1 / 0
