class C:
    data = [1, 2, 3]
    limit = 2
    first_only = list(x for x in data)
    try:
        uses_class_var = list(x for x in data if x < limit)
    except NameError as e:
        uses_class_var = "NameError: " + str(e)
print(C.first_only)
print(C.uses_class_var)
