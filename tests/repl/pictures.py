"""The timeline pictures of the talk's pipeline and pool cells, checked.

usage: pictures.py BATON [--regen]

For each program (tests/repl/pipeline.py, pool.py, gen_ends.py) Baton draws
`--timeline=NAME.svg` and writes `--trace-json=NAME.json` with the default
instruction clock, so both are the same on every run and machine:
- the SVG must equal tests/repl/pictures/NAME.svg (Baton's own output:
  --regen rewrites it, to be reviewed by looking at it, never edited by hand);
- a real SVG renderer must draw it: `rsvg-convert` (Debian's librsvg2-bin)
  turns it into a PNG, which must be a PNG of the SVG's size;
- the JSON must load with python3's json and be Chrome's trace-event format:
  a traceEvents list whose every event has ph, ts, pid and tid, slices that
  begin and end in order on each thread, and a name on every event.
A second run must give the same bytes (the instruction clock is deterministic).
Without rsvg-convert the render step fails under CI (CI installs it) and is
skipped, with a message, elsewhere. Exit status 1 when anything fails.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, 'pictures')
PROGRAMS = ['pipeline', 'pool', 'gen_ends']


def draw(baton, name, folder):
    svg = os.path.join(folder, name + '.svg')
    js = os.path.join(folder, name + '.json')
    proc = subprocess.run([baton, '--timeline=' + svg, '--trace-json=' + js, name + '.py'],
                          cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if proc.returncode != 0:
        raise AssertionError('%s exited %d: %s' % (name, proc.returncode, proc.stderr.decode()))
    with open(svg, encoding='utf-8') as f:
        svg_text = f.read()
    with open(js, encoding='utf-8') as f:
        js_text = f.read()
    return svg_text, js_text


def check_json(text):
    data = json.loads(text)
    events = data['traceEvents']
    assert isinstance(events, list) and events, 'no events'
    open_slices = {}
    for e in events:
        for key in ('ph', 'ts', 'pid', 'tid', 'name'):
            assert key in e, 'event without %s: %r' % (key, e)
        assert isinstance(e['ts'], (int, float)), e
        if e['ph'] == 'B':
            open_slices.setdefault(e['tid'], []).append(e['name'])
        elif e['ph'] == 'E':
            stack = open_slices.get(e['tid'])
            assert stack and stack.pop() == e['name'], 'slice ends out of order: %r' % e
    assert not any(open_slices.values()), 'slices left open: %r' % open_slices
    return len(events)


def render(svg_path, png_path):
    exe = shutil.which('rsvg-convert')
    if not exe:
        if os.environ.get('CI'):
            raise AssertionError('rsvg-convert is missing (apt-get install librsvg2-bin)')
        print('SKIP render: no rsvg-convert here (apt-get install librsvg2-bin)')
        return
    subprocess.run([exe, svg_path, '-o', png_path], check=True, timeout=60)
    with open(png_path, 'rb') as f:
        head = f.read(24)
    assert head[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    width, height = struct.unpack('>II', head[16:24])
    with open(svg_path, encoding='utf-8') as f:
        m = re.search(r'width="(\d+)" height="(\d+)"', f.read())
    assert (width, height) == (int(m.group(1)), int(m.group(2))), (width, height)


LONG_RUN = """
def echo():
    while True:
        yield (yield)

e = echo()
next(e)
for i in range(400):
    e.send(i)
    next(e)
"""


def check_folded_and_wall(baton, tmp):
    """A run of 1600 hand-offs is folded with a note; the wall clock draws too."""
    prog = os.path.join(tmp, 'long.py')
    with open(prog, 'w', encoding='utf-8') as f:
        f.write(LONG_RUN)
    svg = os.path.join(tmp, 'long.svg')
    subprocess.run([baton, '--timeline=' + svg, prog], check=True, timeout=120,
                   stdout=subprocess.DEVNULL)
    with open(svg, encoding='utf-8') as f:
        text = f.read()
    assert 'folded: the run goes on for' in text, 'no fold note'
    arrows = text.count('class="send"') + text.count('class="yield"') - 2  # the legend's two
    assert 200 <= arrows <= 240, 'drew %d hand-offs, the fold is at 240' % arrows
    js = os.path.join(tmp, 'wall.json')
    subprocess.run([baton, '--timeline-clock=wall', '--timeline=' + svg, '--trace-json=' + js,
                    prog], check=True, timeout=120, stdout=subprocess.DEVNULL)
    with open(svg, encoding='utf-8') as f:
        assert 'time in microseconds' in f.read()
    with open(js, encoding='utf-8') as f:
        check_json(f.read())
    render(svg, os.path.join(tmp, 'wall.png'))


THREADS = """
import threading, time
def nap():
    time.sleep(0.05)
ts = [threading.Thread(target=nap, name="napper-%d" % i) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""


def check_threads(baton, tmp):
    """Threads get named lanes that show holding the GIL, waiting and blocking."""
    prog = os.path.join(tmp, 'threads.py')
    with open(prog, 'w', encoding='utf-8') as f:
        f.write(THREADS)
    svg = os.path.join(tmp, 'threads.svg')
    js = os.path.join(tmp, 'threads.json')
    subprocess.run([baton, '--timeline=' + svg, '--trace-json=' + js, prog], check=True,
                   timeout=120, stdout=subprocess.DEVNULL)
    with open(svg, encoding='utf-8') as f:
        text = f.read()
    for lane in ('T1 MainThread', 'napper-0', 'napper-1'):
        assert lane in text, 'no lane %s' % lane
    assert text.count('class="blocked"') >= 4, 'no thread blocked in sleep or join'
    assert 'thread waits for the GIL' in text, 'no legend for the GIL states'
    with open(js, encoding='utf-8') as f:
        text = f.read()
    check_json(text)
    for event in ('take the GIL', 'drop the GIL (blocking call: sleep)', 'thread exit'):
        assert event in text, 'no %r event in the trace-event JSON' % event
    render(svg, os.path.join(tmp, 'threads.png'))


def check_unwritable(baton, tmp):
    """A picture that cannot be written is reported; the run's status stays 0."""
    proc = subprocess.run([baton, '--timeline=' + os.path.join(tmp, 'no', 'such.svg'),
                           'pipeline.py'], cwd=HERE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 0, proc.returncode
    assert b"can't write" in proc.stderr, proc.stderr


def main():
    argv = sys.argv[1:]
    if not argv:
        sys.exit(__doc__)
    baton = os.path.abspath(argv[0])
    regen = '--regen' in argv
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in PROGRAMS:
            try:
                svg, js = draw(baton, name, tmp)
                golden = os.path.join(GOLDEN, name + '.svg')
                if regen:
                    with open(golden, 'w', encoding='utf-8') as f:
                        f.write(svg)
                    print('wrote', os.path.relpath(golden))
                else:
                    with open(golden, encoding='utf-8') as f:
                        assert f.read() == svg, 'differs from %s (regen and look at it)' % golden
                again = draw(baton, name, os.path.join(tmp))
                assert again == (svg, js), 'a second run drew something else'
                n = check_json(js)
                render(os.path.join(tmp, name + '.svg'), os.path.join(tmp, name + '.png'))
                print('ok %s: svg %d bytes, %d trace events' % (name, len(svg), n))
            except (AssertionError, subprocess.SubprocessError, ValueError, KeyError) as e:
                failed += 1
                print('FAIL %s: %s' % (name, e))
    total = len(PROGRAMS) + 3
    with tempfile.TemporaryDirectory() as tmp:
        try:
            check_threads(baton, tmp)
            print('ok threads: named lanes, GIL states')
        except (AssertionError, subprocess.SubprocessError, ValueError, KeyError) as e:
            failed += 1
            print('FAIL threads: %s' % e)
        try:
            check_folded_and_wall(baton, tmp)
            print('ok folded long run, wall clock')
        except (AssertionError, subprocess.SubprocessError, ValueError, KeyError) as e:
            failed += 1
            print('FAIL folded/wall: %s' % e)
        try:
            check_unwritable(baton, tmp)
            print('ok unwritable file reported')
        except (AssertionError, subprocess.SubprocessError) as e:
            failed += 1
            print('FAIL unwritable: %s' % e)
    print('%d passed, %d failed' % (total - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
