# The file ends right after a line continuation.
total = 1 + \
