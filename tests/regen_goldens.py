"""Write the golden outputs of tests/scripts from CPython 3.11 (never by hand).

usage: regen_goldens.py [FILES_OR_FOLDERS...]   (default: tests/scripts)
For each NAME.py it runs python3 and writes NAME.out, and NAME.err and
NAME.status only when they carry information. tests/scheduler_model/ is on
PYTHONPATH, so `import scheduler` runs the model of Baton's built-in one.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit('regen_goldens.py must run under CPython 3.11 (this is %s)' % sys.version)
    here = os.path.dirname(os.path.abspath(__file__))
    # `import scheduler` finds the model of Baton's native scheduler (SPEC §8).
    model = os.path.join(here, 'scheduler_model')
    os.environ['PYTHONPATH'] = os.pathsep.join(
        p for p in [model, os.environ.get('PYTHONPATH', '')] if p)
    paths = sys.argv[1:] or [os.path.join(here, 'scripts')]
    for script in golden.find_scripts(paths):
        out, err, status = golden.run([sys.executable], script)
        base = script[:-3]
        with open(base + '.out', 'w', encoding='utf-8') as f:
            f.write(out)
        for ext, text in (('.err', err), ('.status', '')):
            if os.path.exists(base + ext):
                os.remove(base + ext)
        if err:
            with open(base + '.err', 'w', encoding='utf-8') as f:
                f.write(err)
        if status != (1 if err else 0):
            with open(base + '.status', 'w') as f:
                f.write('%d\n' % status)
        print('%-60s status %d' % (os.path.relpath(script), status))


if __name__ == '__main__':
    main()
