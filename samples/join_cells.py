"""Join notebook cells into one program, as the one session they were in.

usage: join_cells.py OUT LIST
LIST names one cell file per line (beside LIST); OUT gets each cell
unchanged, in order, under a "# ---- NAME" line. The build makes
build/samples/talk/session.py this way from samples/talk/session.cells.
"""
import os
import sys


def main():
    out_path, list_path = sys.argv[1], sys.argv[2]
    folder = os.path.dirname(os.path.abspath(list_path))
    with open(list_path, encoding='utf-8') as f:
        names = [line.strip() for line in f if line.strip()]
    parts = []
    for name in names:
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            parts.append('# ---- %s\n%s' % (name, f.read()))
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts) + '\n')


if __name__ == '__main__':
    main()
