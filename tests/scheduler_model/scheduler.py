"""A pure-Python model of Baton's built-in `scheduler` module (SPEC §8).

The golden outputs of tests/scripts/scheduler/ come from running each program
under python3 with this folder on PYTHONPATH (tests/regen_goldens.py does it);
Baton runs the same program on its native module (stdlib/mod_scheduler.c).
So this file states the contract in code a reader can run: when the two
disagree, SPEC §8 decides which one is wrong.

The loop in rounds: a round resumes the tasks that were ready when it began;
between rounds one poll (epoll, zero timeout while tasks are ready), then
the sleepers whose time has come, then the tasks whose descriptor is ready.
"""
import errno
import heapq
import itertools
import select
import socket
import sys
import threading
import time
import traceback
import types
from collections import deque

__all__ = ['spawn', 'run', 'current', 'sleep', 'readable', 'writable', 'join', 'Pool', 'Task']

_task_numbers = itertools.count(1)   # every successful spawn takes the next, in this process
_schedulers = {}                      # thread ident -> its scheduler
_schedulers_lock = threading.Lock()


# ---- requests ----

class _Request:
    def __init__(self, kind, arg, shown):
        self.kind = kind
        self.arg = arg
        self.shown = shown   # the argument as the trace shows it

    def __repr__(self):
        return '<scheduler request %s(%s)>' % (self.kind, self.shown)


def sleep(seconds):
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError('sleep length must be an int or float, not %s' % type(seconds).__name__)
    if seconds != seconds:
        raise ValueError('Invalid value NaN (not a number)')
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    return _Request('sleep', seconds, repr(seconds))


def _descriptor(x):
    if isinstance(x, int):
        fd = int(x)
    else:
        if not hasattr(x, 'fileno'):
            raise TypeError('argument must be an int, or have a fileno() method.')
        fd = x.fileno()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError('file descriptor cannot be a negative integer (%d)' % fd)
    return fd


def readable(x):
    fd = _descriptor(x)
    return _Request('readable', fd, str(fd))


def writable(x):
    fd = _descriptor(x)
    return _Request('writable', fd, str(fd))


def join(task):
    if not isinstance(task, Task):
        raise TypeError('join() argument must be a Task, not %s' % type(task).__name__)
    return _Request('join', task, task.name)


# ---- tasks and pools ----

class Task:
    def __init__(self, gen, name, owner, pool):
        self._name = name
        self._gen = gen
        self._owner = owner
        self._pool = pool
        self._state = 'ready'
        self._done = False
        self._result = None
        self._exc = None
        self._joiners = []
        self._send = None
        self._throw = None
        self._wait_seq = 0

    @property
    def name(self):
        return self._name

    def done(self):
        return self._done

    def result(self):
        if not self._done:
            raise RuntimeError('task %s has not finished' % self._name)
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        if not self._done:
            raise RuntimeError('task %s has not finished' % self._name)
        return self._exc

    def __repr__(self):
        return '<Task %r %s>' % (self._name, self._state)


def _new_task(gen, name, pool):
    if not isinstance(gen, types.GeneratorType):
        raise TypeError('spawn() argument must be a generator, not %s' % type(gen).__name__)
    if name is not None and not isinstance(name, str):
        raise TypeError('task name must be a str, not %s' % type(name).__name__)
    number = next(_task_numbers)
    if name is None:
        name = 'Task-%d (%s)' % (number, gen.__name__)
    return Task(gen, name, _scheduler(), pool)


def spawn(gen, name=None):
    task = _new_task(gen, name, None)
    task._owner._append(task)
    return task


class Pool:
    """At most n of its tasks started and not finished; the rest wait in order."""

    def __init__(self, n):
        if isinstance(n, float) or not isinstance(n, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
        if n < 1:
            raise ValueError('pool size must be at least 1')
        self._size = n
        self._admitted = 0
        self._backlog = deque()

    def spawn(self, gen, name=None):
        task = _new_task(gen, name, self)
        if self._admitted < self._size:
            self._admitted += 1
            task._owner._append(task)
        else:
            task._state = 'waiting'
            self._backlog.append(task)
        return task

    def _finished(self):
        self._admitted -= 1
        if self._backlog:
            task = self._backlog.popleft()
            self._admitted += 1
            task._owner._append(task)


def current():
    return _scheduler()._current


def run(trace=False):
    _scheduler()._run(trace)


# ---- the loop ----

_READ = select.EPOLLIN | select.EPOLLERR | select.EPOLLHUP
_WRITE = select.EPOLLOUT | select.EPOLLERR | select.EPOLLHUP


class _Scheduler:
    def __init__(self):
        self._ready = deque()
        self._timers = []            # heap of (deadline, sequence, task)
        self._waits = {}             # fd -> [task, ...] in the order they began waiting
        self._wait_kind = {}         # task -> 'readable' or 'writable'
        self._sequence = itertools.count()
        self._epoll = None
        self._running = False
        self._current = None
        self._trace = False

    def _event(self, text):
        if self._trace:
            print('scheduler: ' + text, file=sys.stderr, flush=True)

    def _append(self, task):
        task._state = 'ready'
        self._ready.append(task)

    def _run(self, trace):
        if self._running:
            raise RuntimeError('scheduler is already running')
        self._running = True
        self._trace = trace
        try:
            while self._ready or self._timers or self._waits:
                for _ in range(len(self._ready)):
                    self._turn(self._ready.popleft())
                if self._ready or self._timers or self._waits:
                    self._poll()
        finally:
            self._running = False
            self._current = None
            self._trace = False

    def _turn(self, task):
        while True:   # requests answered at once come back in the same turn
            send, throw = task._send, task._throw
            task._send = task._throw = None
            self._current = task
            task._state = 'running'
            self._event('run %s' % task._name)
            try:
                if throw is not None:
                    request = task._gen.throw(throw)
                else:
                    request = task._gen.send(send)
            except StopIteration as stop:
                self._finish(task, stop.value, None)
                return
            except (KeyboardInterrupt, SystemExit) as exc:
                self._finish(task, None, exc)
                raise
            except BaseException as exc:
                self._finish(task, None, exc)
                sys.stdout.flush()
                print('Exception in task %s:' % task._name, file=sys.stderr)
                # The first traceback entry is this loop's frame: Baton's has none.
                traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)
                sys.stderr.flush()
                return
            finally:
                self._current = None
            if self._answer(task, request):
                return

    def _answer(self, task, request):
        """Act on what task yielded: True when it now waits (or is queued),
        False when the answer is ready at once (task._send/_throw set)."""
        if request is None or (isinstance(request, _Request) and request.kind == 'sleep'
                               and request.arg == 0):
            self._event('%s gives way' % task._name)
            self._append(task)
            return True
        if not isinstance(request, _Request):
            task._throw = TypeError('task yielded an unsupported value: %r' % (request,))
            return False
        if request.kind == 'sleep':
            self._event('%s sleeps %s' % (task._name, request.shown))
            task._state = 'sleeping'
            deadline = time.monotonic() + request.arg
            heapq.heappush(self._timers, (deadline, next(self._sequence), task))
            return True
        if request.kind in ('readable', 'writable'):
            try:
                self._wait_fd(task, request.arg, request.kind)
            except OSError as exc:
                task._throw = exc
                return False
            self._event('%s waits until fd %d is %s' % (task._name, request.arg, request.kind))
            return True
        other = request.arg
        if other is task:
            task._throw = RuntimeError('a task cannot join itself')
            return False
        if other._owner is not self:
            task._throw = RuntimeError("task belongs to another thread's scheduler")
            return False
        if other._done:
            if other._exc is not None:
                task._throw = other._exc
            else:
                task._send = other._result
            return False
        self._event('%s waits for %s' % (task._name, other._name))
        task._state = 'waiting'
        other._joiners.append(task)
        return True

    def _finish(self, task, result, exc):
        task._done = True
        task._state = 'done'
        task._result = result
        task._exc = exc
        task._gen = None
        if exc is None:
            self._event('%s finished' % task._name)
        else:
            self._event('%s raised %s' % (task._name, type(exc).__name__))
        joiners, task._joiners = task._joiners, []
        for j in joiners:
            if exc is not None:
                j._throw = exc
            else:
                j._send = result
            self._append(j)
        if task._pool is not None:
            task._pool._finished()

    # ---- descriptors ----

    def _mask(self, fd):
        mask = 0
        for t in self._waits.get(fd, ()):
            mask |= select.EPOLLIN if self._wait_kind[t] == 'readable' else select.EPOLLOUT
        return mask

    def _wait_fd(self, task, fd, kind):
        if self._epoll is None:
            self._epoll = select.epoll()
        had = fd in self._waits
        old = self._mask(fd) if had else 0
        new = old | (select.EPOLLIN if kind == 'readable' else select.EPOLLOUT)
        if not had:
            self._epoll.register(fd, new)
        elif new != old:
            self._epoll.modify(fd, new)
        self._waits.setdefault(fd, []).append(task)
        self._wait_kind[task] = kind
        task._wait_seq = next(self._sequence)
        task._state = 'waiting'

    def _stop_waiting(self, fd, woken, closing=False):
        left = [t for t in self._waits[fd] if t not in woken]
        for t in woken:
            del self._wait_kind[t]
        if left:
            self._waits[fd] = left
            if not closing:
                self._epoll.modify(fd, self._mask(fd))
        else:
            del self._waits[fd]
            self._epoll.unregister(fd)

    def _poll(self):
        if self._ready:
            timeout = 0
        elif self._timers:
            timeout = max(0.0, self._timers[0][0] - time.monotonic())
        else:
            timeout = -1
        if self._epoll is None:
            self._epoll = select.epoll()
        events = self._epoll.poll(timeout)
        now = time.monotonic()
        while self._timers and self._timers[0][0] <= now:
            self._append(heapq.heappop(self._timers)[2])
        woken = []
        for fd, mask in events:
            tasks = self._waits.get(fd, [])
            done = [t for t in tasks
                    if mask & (_READ if self._wait_kind[t] == 'readable' else _WRITE)]
            if done:
                self._stop_waiting(fd, done)
                woken.extend(done)
        woken.sort(key=lambda t: t._wait_seq)
        for t in woken:
            self._append(t)

    def _closing(self, fd):
        """fd is about to be closed: its waiters get EBADF at their yield."""
        tasks = self._waits.get(fd)
        if not tasks:
            return
        tasks = list(tasks)
        self._stop_waiting(fd, tasks, closing=True)
        for t in tasks:
            t._throw = OSError(errno.EBADF, 'Bad file descriptor')
            self._append(t)


def _scheduler():
    ident = threading.get_ident()
    with _schedulers_lock:
        s = _schedulers.get(ident)
        if s is None:
            s = _schedulers[ident] = _Scheduler()
        return s


# A socket closed while tasks wait on it wakes them (Baton's socket.close()
# tells the native scheduler the same way).
_socket_close = socket.socket.close


def _close(self):
    fd = self.fileno()
    if fd >= 0:
        with _schedulers_lock:
            schedulers = list(_schedulers.values())
        for s in schedulers:
            s._closing(fd)
    _socket_close(self)


socket.socket.close = _close
