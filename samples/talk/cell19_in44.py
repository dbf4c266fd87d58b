sink = print_sink()
squared = squared_pipe(sink)
mrp1 = my_range_pipe(1, squared)
mrp2 = my_range_pipe(3, squared)
mrp3 = my_range_pipe(5, squared)
next(sink)
next(squared)
next(mrp1)
next(mrp2)
next(mrp3)

tasks = [mrp1, mrp2, mrp3]

def round_robin():
    while tasks:
        task = tasks.pop(0)
        try:
            next(task)
            tasks.append(task)
        except StopIteration:
            print('Finished')

round_robin()
