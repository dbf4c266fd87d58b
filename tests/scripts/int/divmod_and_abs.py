print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(abs(-5), abs(5), abs(0), abs(-2.5))
