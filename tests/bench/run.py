#!/usr/bin/env python3
"""Baton's benchmark suite: time each program under Baton and CPython, print ratios.

usage: run.py [-n N] [--baton PATH] [--python PATH] [--callgrind] [--keep DIR] [NAME...]
Each benchmark runs first once under both interpreters to check that they print the
same checksum (no ratio is reported when they differ), then N times interleaved, so
both see the same machine load. Ratios are CPython/Baton: above 1, Baton is faster.
With --callgrind every program runs once under valgrind and Ir counts replace seconds.
tests/bench/README.md says what each benchmark measures and holds the latest table.
"""
import argparse
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import frontend_gen  # noqa: E402

COMPILE = "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')"
AST_PARSE = "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])"
GEN_COUNT = 1000000  # suspended generators in many_gens


class Bench:
    """One row of the table: a program (or the front end) and the goal group it serves."""

    def __init__(self, name, group, kind='time', lua=None, note=''):
        self.name = name    # also the file name without .py
        self.group = group  # the issue whose goal it measures
        self.kind = kind    # 'time', 'frontend' or 'memory'
        self.lua = lua      # the Lua twin, if any
        self.note = note    # what it measures, one line


BENCHES = [
    Bench('startup', 'info', 'startup', note='an empty program: to read the rest by'),
    Bench('frontend', 'issue 3', 'frontend', note='lex+parse 100,000 lines vs compile()'),
    Bench('fib', 'issue 4', lua='fib.lua', note='recursive fib(30)'),
    Bench('loop', 'issue 4', lua='loop.lua', note='while loop, 20M iterations'),
    Bench('classes', 'issue 4', note='2M method calls, 6M attribute reads'),
    Bench('dict_str', 'issue 4', note='1M str and dict operations'),
    Bench('calls', 'issue 4', note='2.1M calls: defaults, keywords, closures'),
    Bench('gen_pipeline', 'issue 5', note='my_range -> squared_range, n=3M'),
    Bench('send_pipeline', 'issue 5', note='push pipeline, 2M sends'),
    Bench('round_robin', 'issue 5', note='10,000 tasks x 100 yields'),
    Bench('deque_round_robin', 'issue 15', note='the same on a deque: popleft, next, append'),
    Bench('bigint', 'issue 16', note='3,000 digits of pi (spigot), factorial(20000)'),
    Bench('many_gens', 'issue 5', 'memory', note='1M suspended generators: bytes each'),
]


class Result:
    """What one process did: wall and CPU seconds, peak RSS in KiB, output, status, Ir."""

    def __init__(self, secs, cpu, rss_kb, out, err, status, ir=None):
        self.secs, self.cpu, self.rss_kb, self.out, self.err, self.status, self.ir = (
            secs, cpu, rss_kb, out, err, status, ir)


class Runner:
    """Runs commands, timing them with wait4() or counting them with callgrind."""

    def __init__(self, args, tmp):
        self.callgrind = args.callgrind
        self.timeout = args.timeout
        self.tmp = tmp
        self.keep = args.keep
        self.serial = 0
        self.env = dict(os.environ, PYTHONHASHSEED='0', PYTHONDONTWRITEBYTECODE='1')

    def run(self, cmd, label='', rss=False):
        """Run CMD to the end; returns a Result (status -9 and a note on timeout).

        With RSS, the peak RSS comes from /usr/bin/time: wait4's figure cannot go below
        this runner's own size, which the child inherits before it execs."""
        ir_file = rss_file = None
        if rss and os.path.exists('/usr/bin/time'):
            self.serial += 1
            rss_file = os.path.join(self.tmp, 'rss.%d' % self.serial)
            cmd = ['/usr/bin/time', '-f', '%M', '-o', rss_file] + cmd
        if self.callgrind:
            self.serial += 1
            where = self.keep or self.tmp
            ir_file = os.path.join(where, 'callgrind.%s.%d' % (label or 'run', self.serial))
            cmd = ['valgrind', '--tool=callgrind', '--callgrind-out-file=' + ir_file] + cmd
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 env=self.env)
            timer = threading.Timer(self.timeout, p.kill)
            timer.start()
            _, status, usage = os.wait4(p.pid, 0)  # per-child rusage, unlike getrusage
            secs = time.perf_counter() - start
            timed_out = not timer.is_alive()
            timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            text_out = out.read().decode('utf-8', 'replace')
            text_err = err.read().decode('utf-8', 'replace')
        if timed_out:
            text_err += '\n(killed after %d s)' % self.timeout
        ir = read_ir(ir_file) if ir_file else None
        peak = usage.ru_maxrss
        if rss_file:
            try:
                with open(rss_file) as f:
                    peak = int(f.read().split()[-1])
            except (OSError, ValueError, IndexError):
                pass
        return Result(secs, usage.ru_utime + usage.ru_stime, peak, text_out, text_err,
                      p.returncode, ir)


def read_ir(path):
    """Return the total instruction count from a callgrind output file, or None."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(('summary:', 'totals:')):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def find_baton(given):
    if given:
        return os.path.abspath(given)
    for rel in ('build-bench/repl/baton', 'build/repl/baton'):
        path = os.path.join(ROOT, rel)
        if os.path.exists(path):
            return path
    sys.exit('run.py: no Baton binary; build one with\n'
             '  meson setup build-bench --buildtype=release && ninja -C build-bench')


def build_type(baton):
    """Return the meson buildtype of the build directory holding BATON, or '?'."""
    info = os.path.join(os.path.dirname(os.path.dirname(baton)), 'meson-info',
                        'intro-buildoptions.json')
    try:
        with open(info) as f:
            for opt in json.load(f):
                if opt['name'] == 'buildtype':
                    return opt['value']
    except (OSError, ValueError, KeyError):
        pass
    return '?'


def first_line(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (p.stdout or p.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return '?'


def header(args, baton):
    cpu = '?'
    try:
        with open('/proc/cpuinfo') as f:
            cpu = next(l.split(':', 1)[1].strip() for l in f if l.startswith('model name'))
    except (OSError, StopIteration):
        pass
    rev = first_line(['git', '-C', ROOT, 'describe', '--always', '--dirty'])
    print('Baton benchmarks, %s' % datetime.datetime.now().strftime('%Y-%m-%d %H:%M'))
    print('machine: %s, %d cores, %s; load average %s' % (
        cpu, os.cpu_count() or 0, platform.system(),
        ' '.join('%.1f' % x for x in os.getloadavg())))
    built = datetime.datetime.fromtimestamp(os.path.getmtime(baton)).strftime('%H:%M')
    print('baton:   %s (%s build linked at %s; tree now at git %s)' % (
        os.path.relpath(baton, ROOT), build_type(baton), built, rev))
    print('cpython: %s (%s)' % (args.python, first_line([args.python, '--version'])))
    if args.lua:
        print('lua:     %s (%s)' % (args.lua, first_line([args.lua, '-v'])))
    if args.callgrind:
        print('mode:    callgrind, one run each, Ir = instructions executed')
    else:
        print('mode:    wall clock, median of %d interleaved runs after one checking run'
              % args.n)
    if build_type(baton) not in ('release', '?'):
        print('WARNING: this is not a release build; numbers will not mean much')
    print()


def diff_note(want, got, res):
    """One or two lines saying how Baton's run went wrong."""
    if res.status != 0:
        tail = res.err.strip().splitlines()[-1:] or ['(no stderr)']
        return 'exit status %d: %s' % (res.status, tail[0])
    want_l, got_l = want.splitlines(), got.splitlines()
    for i, (w, g) in enumerate(zip(want_l, got_l)):
        if w != g:
            return 'output line %d: CPython %r, Baton %r' % (i + 1, w, g)
    return 'output has %d lines, CPython printed %d' % (len(got_l), len(want_l))


def measure(runner, cmds, n, expected, rss=False):
    """Run each named command N times interleaved (the order rotating each round).

    CMDS maps a label to a command line; returns label -> list of Results. The first
    failing run (wrong output or status) stops the measurement of that label."""
    results = {label: [] for label in cmds}
    failed = {}
    labels = list(cmds)
    for i in range(n):
        order = labels[i % len(labels):] + labels[:i % len(labels)]
        for label in order:
            if label in failed:
                continue
            res = runner.run(cmds[label], label, rss)
            results[label].append(res)
            want = expected.get(label)
            if res.status != 0 or (want is not None and res.out != want):
                failed[label] = diff_note(want or '', res.out, res)
    return results, failed


def med(results, attr='secs'):
    vals = [getattr(r, attr) for r in results if getattr(r, attr) is not None]
    return statistics.median(vals) if vals else None


def spread(results):
    """(max - min) / median of the wall times, as a fraction; 0 for one run."""
    vals = [r.secs for r in results]
    if len(vals) < 2:
        return 0.0
    return (max(vals) - min(vals)) / statistics.median(vals)


class Row:
    """One printed line: medians (seconds, Ir or bytes) and, for timings, CPU medians."""

    def __init__(self, name, group, baton=None, cpython=None, lua=None, note='',
                 fail=None, primary=True, unit='s', cpu=None):
        self.name, self.group, self.baton, self.cpython, self.lua = (
            name, group, baton, cpython, lua)
        self.note, self.fail, self.primary, self.unit = note, fail, primary, unit
        self.cpu = cpu  # (Baton, CPython) median user+sys seconds, or None

    def cpu_ratio(self):
        if self.fail or not self.cpu or None in self.cpu or min(self.cpu) <= 0:
            return None
        return self.cpu[1] / self.cpu[0]

    def ratio(self):
        if self.fail or not self.baton or not self.cpython or min(self.baton, self.cpython) <= 0:
            return None  # a difference of two noisy medians can come out negative
        return self.cpython / self.baton


def fmt(value, unit):
    if value is None:
        return '-'
    if unit == 'Ir':
        return '%.1fM' % (value / 1e6)
    return '%.3f' % value


def run_frontend(b, runner, args, tmp):
    """The issue 3 front-end rows: Baton's --check against compile() and ast.parse."""
    src = os.path.join(tmp, 'frontend_100k.py')
    empty = os.path.join(tmp, 'empty.py')
    with open(src, 'w') as f:
        f.write(frontend_gen.make_source(args.lines))
    open(empty, 'w').close()
    cmds = {
        'baton': [args.baton, '--check', src],
        'cpython': [args.python, '-c', COMPILE, src],
        'cpython_ast': [args.python, '-c', AST_PARSE, src],
        'baton_empty': [args.baton, '--check', empty],
        'cpython_empty': [args.python, '-c', COMPILE, empty],
    }
    expected = {label: '' for label in cmds}
    res, failed = measure(runner, cmds, 1 if runner.callgrind else args.n, expected)
    attr = 'ir' if runner.callgrind else 'secs'
    unit = 'Ir' if runner.callgrind else 's'
    m = {label: med(rs, attr) for label, rs in res.items()}
    c = {label: med(rs, 'cpu') for label, rs in res.items()}
    fail = failed.get('baton') or failed.get('cpython')
    note = '%d lines, %d KB' % (args.lines, os.path.getsize(src) // 1024)
    noise = max(spread(res['baton']), spread(res['cpython']))
    rows = [Row('frontend', b.group, m['baton'], m['cpython'], note=note + noisy(noise, unit),
                fail=fail, unit=unit, cpu=(c['baton'], c['cpython']))]
    if not fail and None not in m.values():
        rows.append(Row('  minus startup', b.group, m['baton'] - m['baton_empty'],
                        m['cpython'] - m['cpython_empty'], primary=False, unit=unit,
                        cpu=(c['baton'] - c['baton_empty'], c['cpython'] - c['cpython_empty']),
                        note='startup: Baton %s, CPython %s' % (
                            fmt(m['baton_empty'], unit), fmt(m['cpython_empty'], unit))))
        rows.append(Row('  vs ast.parse', b.group, m['baton'] - m['baton_empty'],
                        m['cpython_ast'] - m['cpython_empty'], primary=False, unit=unit,
                        cpu=(c['baton'] - c['baton_empty'], c['cpython_ast'] - c['cpython_empty']),
                        note='parse only on both sides, minus startup'))
    return rows


def noisy(noise, unit):
    return '; runs spread %d%%' % round(noise * 100) if unit == 's' and noise > 0.15 else ''


def run_program(b, runner, args):
    """One 'time' row: the program under Baton, CPython and, for fib and loop, Lua."""
    script = os.path.join(HERE, b.name + '.py')
    cmds = {'cpython': [args.python, script], 'baton': [args.baton, script]}
    if b.lua and args.lua:
        cmds['lua'] = [args.lua, os.path.join(HERE, b.lua)]
    # The checking run: CPython's output is the oracle for Baton and Lua.
    want = runner.run(cmds['cpython'], 'check-cpython')
    if want.status != 0:
        return [Row(b.name, b.group, fail='CPython failed: ' + diff_note('', '', want))]
    check = {label: want.out for label in cmds}
    first = {label: runner.run(cmd, 'check-' + label) for label, cmd in cmds.items()
             if label != 'cpython'}
    bad = {label: diff_note(want.out, r.out, r) for label, r in first.items()
           if r.status != 0 or r.out != want.out}
    if 'baton' in bad:
        return [Row(b.name, b.group, note=b.note, fail=bad['baton'])]
    if runner.callgrind:
        res = {'cpython': [want], **{label: [r] for label, r in first.items()}}
        failed = bad
    else:
        live = {label: cmd for label, cmd in cmds.items() if label not in bad}
        res, failed = measure(runner, live, args.n, check)
        failed.update(bad)
    attr = 'ir' if runner.callgrind else 'secs'
    unit = 'Ir' if runner.callgrind else 's'
    lua = med(res['lua'], attr) if 'lua' in res and 'lua' not in failed else None
    noise = max(spread(res['baton']), spread(res['cpython']))
    note = b.note + noisy(noise, unit)
    if 'lua' in failed:
        note += '; Lua: ' + failed['lua']
    return [Row(b.name, b.group, med(res['baton'], attr), med(res['cpython'], attr), lua,
                note=note, fail=failed.get('baton') or failed.get('cpython'), unit=unit,
                cpu=(med(res['baton'], 'cpu'), med(res['cpython'], 'cpu')))]


def run_startup(b, runner, args):
    """An empty script under each interpreter: the fixed cost inside every other row."""
    empty = os.path.join(runner.tmp, 'empty.py')
    open(empty, 'w').close()
    cmds = {'baton': [args.baton, empty], 'cpython': [args.python, empty]}
    if args.lua:
        cmds['lua'] = [args.lua, empty]
    res, failed = measure(runner, cmds, 1 if runner.callgrind else args.n,
                          {label: '' for label in cmds})
    attr, unit = ('ir', 'Ir') if runner.callgrind else ('secs', 's')
    lua = med(res['lua'], attr) if 'lua' in res and 'lua' not in failed else None
    return [Row(b.name, b.group, med(res['baton'], attr), med(res['cpython'], attr), lua,
                note=b.note, fail=failed.get('baton'), primary=False, unit=unit,
                cpu=(med(res['baton'], 'cpu'), med(res['cpython'], 'cpu')))]


def real_python(given):
    """The interpreter behind GIVEN, so a pyenv shim's bash and exec are not timed."""
    try:
        p = subprocess.run([given, '-c', 'import sys; print(sys.executable)'],
                           capture_output=True, text=True, timeout=60)
        if p.returncode == 0 and p.stdout.strip():
            return p.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return given


def run_memory(b, runner, args):
    """many_gens: peak RSS with GEN_COUNT generators and with 0, per interpreter."""
    script = os.path.join(HERE, b.name + '.py')
    count = str(args.gens)
    cmds = {
        'baton': [args.baton, script, count], 'cpython': [args.python, script, count],
        'baton_0': [args.baton, script, '0'], 'cpython_0': [args.python, script, '0'],
    }
    want = runner.run(cmds['cpython'], 'check-cpython')
    want0 = runner.run(cmds['cpython_0'], 'check-cpython')
    if want.status != 0 or want0.status != 0:
        return [Row(b.name, b.group, fail='CPython failed: ' + diff_note('', '', want))]
    expected = {'baton': want.out, 'cpython': want.out,
                'baton_0': want0.out, 'cpython_0': want0.out}
    res, failed = measure(runner, cmds, 1 if runner.callgrind else args.n, expected, True)
    fail = failed.get('baton') or failed.get('baton_0') or failed.get('cpython')
    attr, unit = ('ir', 'Ir') if runner.callgrind else ('secs', 's')
    rows = [Row(b.name, b.group, med(res['baton'], attr), med(res['cpython'], attr),
                note='build and keep %s generators' % count, fail=fail, primary=False,
                unit=unit, cpu=(med(res['baton'], 'cpu'), med(res['cpython'], 'cpu')))]
    if not fail and not runner.callgrind:  # RSS under valgrind measures valgrind
        rss = {label: med(rs, 'rss_kb') for label, rs in res.items()}
        per = {who: (rss[who] - rss[who + '_0']) * 1024 / args.gens
               for who in ('baton', 'cpython')}
        rows.append(Row('  bytes/generator', b.group, per['baton'], per['cpython'],
                        unit='B', primary=False,
                        note='peak RSS %d MB vs %d MB; with 0 gens %d MB vs %d MB' % (
                            rss['baton'] // 1024, rss['cpython'] // 1024,
                            rss['baton_0'] // 1024, rss['cpython_0'] // 1024)))
    return rows


def print_table(rows, args):
    unit = 'Ir' if args.callgrind else 's'
    has_lua = any(r.lua for r in rows)
    has_cpu = not args.callgrind
    cols = '%-17s %11s %11s %9s' + (' %8s' if has_cpu else '') + (
        ' %10s %9s' if has_lua else '') + '  %s'
    names = ['benchmark', 'Baton ' + unit, 'CPython ' + unit, 'CPy/Baton']
    if has_cpu:
        names.append('(CPU)')
    if has_lua:
        names += ['Lua ' + unit, 'Baton/Lua']
    print(cols % tuple(names + ['notes']))
    print('-' * 110)
    for r in rows:
        ratio = r.ratio()
        if r.unit == 'B':
            cells = ['%.0f' % r.baton, '%.0f' % r.cpython]
        else:
            cells = [fmt(r.baton, r.unit), fmt(r.cpython, r.unit)]
        cells.append('FAIL' if r.fail else ('%.2fx' % ratio if ratio else '-'))
        if has_cpu:
            cells.append('%.2fx' % r.cpu_ratio() if r.cpu_ratio() else '')
        if has_lua:
            cells.append(fmt(r.lua, r.unit) if r.lua else '')
            cells.append('%.2fx' % (r.baton / r.lua) if r.lua and r.baton and not r.fail
                         else '')
        note = ('FAILED: ' + r.fail) if r.fail else r.note
        print(cols % tuple([r.name] + cells + [note]))
    print('-' * 110)
    groups = {}
    for r in rows:
        if r.primary and r.ratio():
            groups.setdefault(r.group, []).append(r)
    every = [r for g in groups.values() for r in g]
    for g, rs in sorted(groups.items()) + ([('all', every)] if len(groups) > 1 else []):
        line = 'geometric mean CPy/Baton, %-8s %.2fx' % (g + ':', geomean(r.ratio() for r in rs))
        if has_cpu and all(r.cpu_ratio() for r in rs):
            line += ' (CPU %.2fx)' % geomean(r.cpu_ratio() for r in rs)
        print(line + ' over %s' % ' '.join(r.name for r in rs))
    failed = [r.name for r in rows if r.fail]
    if failed:
        print('failed under Baton (no ratio): %s' % ', '.join(failed))


def geomean(xs):
    xs = list(xs)
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('names', nargs='*', help='run only benchmarks whose name contains one')
    ap.add_argument('-n', type=int, default=5, help='timed runs of each (default 5)')
    ap.add_argument('--baton', help='the Baton binary (default build-bench/repl/baton, '
                    'else build/repl/baton)')
    ap.add_argument('--python', default='python3', help='the CPython to compare with')
    ap.add_argument('--lua', default=shutil.which('lua5.4'), help='Lua 5.4 (default: '
                    'lua5.4 on PATH); --lua= to skip')
    ap.add_argument('--callgrind', action='store_true',
                    help='count instructions under valgrind instead of timing')
    ap.add_argument('--keep', metavar='DIR', help='keep the callgrind.* files in DIR')
    ap.add_argument('--lines', type=int, default=100000, help='front-end source size')
    ap.add_argument('--gens', type=int, default=GEN_COUNT, help='generators in many_gens')
    ap.add_argument('--timeout', type=int, default=1800, help='seconds before a run is killed')
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    args.baton = find_baton(args.baton)
    args.python = real_python(args.python)
    if args.callgrind and not shutil.which('valgrind'):
        sys.exit('run.py: --callgrind needs valgrind (apt-get install valgrind)')
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        args.keep = os.path.abspath(args.keep)
    chosen = [b for b in BENCHES if not args.names or any(n in b.name for n in args.names)]
    if args.callgrind and not args.names:
        # 1M generators under valgrind take many minutes and say nothing about memory.
        chosen = [b for b in chosen if b.kind != 'memory']
    if not chosen:
        sys.exit('run.py: no benchmark matches %s' % ' '.join(args.names))
    header(args, args.baton)
    rows = []
    with tempfile.TemporaryDirectory(prefix='baton-bench-') as tmp:
        runner = Runner(args, tmp)
        for b in chosen:
            print('running %s...' % b.name, file=sys.stderr, flush=True)
            if b.kind == 'startup':
                rows += run_startup(b, runner, args)
            elif b.kind == 'frontend':
                rows += run_frontend(b, runner, args, tmp)
            elif b.kind == 'memory':
                if args.callgrind:
                    args.gens = min(args.gens, 100000)
                rows += run_memory(b, runner, args)
            else:
                rows += run_program(b, runner, args)
    print_table(rows, args)
    return 1 if any(r.fail for r in rows) else 0


if __name__ == '__main__':
    sys.exit(main())
