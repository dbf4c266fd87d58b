from time import sleep 

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.write_waiting = {} # Maps sockets to tasks
    
    def add(self, task):
        self.tasks.append(task)
        
    def join(self):
        while self.tasks or self.write_waiting:
            if self.tasks:
                task = self.tasks.pop(0)
                try:
                    # Coroutines that do I/O now yield the socket they are waiting on
                    fd = next(task)
                    self.write_waiting[fd] = task
                except StopIteration:
                    print('Finished')
                    
            # Poll all waiting sockets and add them back to the task queue
            if self.write_waiting:
                r, w, e = select.select([],
                                        self.write_waiting.keys(),
                                        [],
                                        0) # Timeout. When zero we poll and do not block.
                for freed_fd in w:
                    freed_task = self.write_waiting[freed_fd]
                    self.write_waiting.pop(freed_fd, None)
                    self.tasks.append(freed_task)
