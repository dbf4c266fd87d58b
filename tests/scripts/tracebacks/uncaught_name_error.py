def greet():
    print("hello", nam)
greet()
