name = input()
print("hello,", name)
age = int(input("age? "))
print("next year:", age + 1)
rest = []
while True:
    try:
        rest.append(input())
    except Exception:
        break
print(rest)
