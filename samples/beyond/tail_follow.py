# `tail -f | grep | print` as a pipeline of generators. follow() keeps
# reading a log file that another task is still writing; when it reaches the
# end it yields None ("nothing yet") instead of blocking, so a round-robin
# loop can run the writer and the pipeline side by side in one thread.
import os

LOG = 'tail_follow.log.tmp'


def log_writer(path, lines):
    """A task that appends one line per turn, as a server writing its log."""
    for line in lines:
        with open(path, 'a') as f:
            f.write(line + '\n')
        yield


def follow(f):
    """Yield each new line of f, or None while there is nothing new yet."""
    pending = ''
    while True:
        chunk = f.readline()
        if not chunk:
            yield None
            continue
        pending += chunk
        if pending.endswith('\n'):
            yield pending
            pending = ''


def grep(pattern, lines):
    for line in lines:
        if line is None or pattern in line:
            yield line


def printer(lines, wanted):
    seen = 0
    for line in lines:
        if line is None:
            yield 'idle'
            continue
        seen += 1
        print('ALERT', line.rstrip())
        if seen == wanted:
            return
        yield 'printed'


lines = ['GET /index.html 200', 'GET /missing 404', 'POST /login 200',
         'GET /secret 403', 'GET /favicon.ico 404', 'GET / 200']
open(LOG, 'w').close()
with open(LOG) as logfile:
    tasks = [('writer', log_writer(LOG, lines)),
             ('tail', printer(grep(' 40', follow(logfile)), wanted=3))]
    turns = 0
    while tasks:
        name, task = tasks.pop(0)
        turns += 1
        try:
            next(task)
        except StopIteration:
            print('%s finished after %d turns in all' % (name, turns))
            continue
        tasks.append((name, task))
os.remove(LOG)
