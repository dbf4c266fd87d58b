# The last line has no newline; an indented block still closes.
for i in range(2):
    print(i)