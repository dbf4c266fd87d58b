# gen_pipeline: the talk's pull pipeline (issue 5, item 7): my_range feeds
# squared_range, summed by a for loop, n = 3,000,000. Each item costs two
# generator resumes and two suspends (a for over a generator inside a generator).


def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squared_range(n):
    for i in my_range(n):
        yield i ** 2


def main():
    total = 0
    for x in squared_range(3000000):
        total += x
    print(total)


main()
