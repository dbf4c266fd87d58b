"""Join the notebook's cells into one program, as the one session they were in.

usage: join_cells.py OUT PART.py...
Each part of samples/talk/ holds notebook cells, each under a
"# ---- In [n]" line, and may hold blocks marked "# ---- not a cell: ..."
that only let the part run alone. OUT gets every cell of the parts, in
order and unchanged, and none of those blocks. The build makes
build/samples/session.py this way, so the parts stay the only copy of the code.
"""
import re
import sys

MARK = re.compile(r'^# ---- (.*)$')


def cells(path):
    """(label, text) for each cell of a part, in order."""
    found = []
    label, lines = None, []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = MARK.match(line.rstrip('\n'))
            if m:
                if label is not None:
                    found.append((label, ''.join(lines).rstrip('\n') + '\n'))
                label = m.group(1) if m.group(1).startswith('In [') else None
                lines = []
            elif label is not None:
                lines.append(line)
    if label is not None:
        found.append((label, ''.join(lines).rstrip('\n') + '\n'))
    return found


def main():
    out_path, parts = sys.argv[1], sys.argv[2:]
    chunks = []
    for part in parts:
        for label, text in cells(part):
            chunks.append('# ---- %s\n%s' % (label, text))
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(chunks))


if __name__ == '__main__':
    main()
