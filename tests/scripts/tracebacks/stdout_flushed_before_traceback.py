for i in range(3):
    print("line", i, end=" ")
print()
print("partial", end="")
raise TypeError("boom")
