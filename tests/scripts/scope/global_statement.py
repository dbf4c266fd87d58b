count = 0
def bump():
    global count
    count += 1
def read():
    return count
bump(); bump()
print(count, read())
def create():
    global brand_new
    brand_new = "made in function"
create()
print(brand_new)
