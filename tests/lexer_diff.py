"""Compare `baton --tokens` with CPython's tokenize module, token by token.

usage: python3 tests/lexer_diff.py BATON FILES_OR_FOLDERS...
Run by hand (not a meson test) to find where Baton's lexer and CPython's
disagree: kind, text and start position of every token. tokenize's COMMENT
and NL tokens have no counterpart and are skipped; keywords are NAMEs there;
Baton's columns count bytes, tokenize's count characters (converted here).
Files that CPython itself rejects are skipped, and so are files with a lone
"\\r" newline (the C tokenizer honours it, the tokenize module does not).
"""
import ast
import io
import os
import subprocess
import sys
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402

STRUCTURAL = {'NAME', 'NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER'}
NUMBERS = {'INT', 'FLOAT'}
STRINGS = {'STRING', 'FSTRING'}


def python_tokens(data):
    """(type name, text, line, byte col) of each token CPython's tokenize gives."""
    out = []
    for t in tokenize.tokenize(io.BytesIO(data).readline):
        name = tokenize.tok_name[t.type]
        if name in ('COMMENT', 'NL', 'ENCODING'):
            continue
        if name == 'OP':
            name = t.string
        line, col = t.start
        if t.line:  # tokenize counts characters of this line
            col = len(t.line[:col].encode('utf-8'))
        out.append((name, t.string, line, col))
    return out


def baton_tokens(baton, path):
    p = subprocess.run([baton, '--tokens', path], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode('utf-8', 'replace')
    out = []
    for raw in p.stdout.decode('utf-8').splitlines():
        pos, kind, text = raw.split(None, 2)
        line, col = pos.split(':')
        text = ast.literal_eval(text)
        if kind in STRUCTURAL or kind in NUMBERS or kind in STRINGS:
            name = 'NUMBER' if kind in NUMBERS else 'STRING' if kind in STRINGS else kind
        elif kind.isidentifier():  # a keyword
            name = 'NAME'
        else:
            name = kind
        out.append((name, text, int(line), int(col)))
    return out, ''


def compare(baton, path):
    data = open(path, 'rb').read()
    if b'\r' in data.replace(b'\r\n', b''):
        return 'skipped (lone \\r)'
    try:
        compile(data, path, 'exec')
        want = python_tokens(data)
    except (SyntaxError, ValueError, tokenize.TokenError):
        return 'skipped (CPython rejects it)'
    got, err = baton_tokens(baton, path)
    if got is None:
        return 'baton failed:\n' + err
    # tokenize spells the implied final NEWLINE '' and INDENT as its text; so do we.
    for i, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return 'token %d differs: python %r, baton %r' % (i, w, g)
    if len(want) != len(got):
        return 'token counts differ: python %d, baton %d' % (len(want), len(got))
    return ''


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    baton = os.path.abspath(sys.argv[1])
    files = golden.find_scripts(sys.argv[2:])
    bad = skipped = 0
    for path in files:
        problem = compare(baton, path)
        if problem.startswith('skipped'):
            skipped += 1
        elif problem:
            bad += 1
            print('%s: %s' % (path, problem))
    print('%d files: %d agree, %d differ, %d skipped' % (len(files), len(files) - bad - skipped,
                                                         bad, skipped))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
