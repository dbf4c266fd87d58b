"""re: regular expressions (Baton's own, in Python: a backtracking matcher).

A pattern is parsed into a tree, and the tree into nested matcher functions
that call a continuation with the position after their part: a repetition
tries its longest (or, lazy, its shortest) run first and backs off while
the rest of the pattern fails. Written for Baton to behave as CPython's `re`
on what it supports: literals, `.`, classes (`[a-z]`, `[^...]`, `\\d \\w \\s`
and their negations), anchors (`^ $ \\A \\Z \\b \\B`), groups (capturing,
`(?:...)`, `(?P<name>...)`, `(?P=name)`, `\\1`), alternation, greedy and lazy
quantifiers (`* + ? {m,n}` and `*?`...), lookahead `(?=...)`/`(?!...)`,
the flags IGNORECASE, MULTILINE, DOTALL and VERBOSE, and the module's
functions (compile, match, fullmatch, search, findall, finditer, sub, subn,
split, escape). The ASCII flag is accepted but not applied, and (?a:...) is
read as (?:...). Lookbehind, conditionals, atomic groups, other scoped flags
and possessive quantifiers raise NotImplementedError. Deep backtracking recurses: a
repetition over tens of thousands of characters can hit the recursion limit.
"""
import enum as _enum

__all__ = ['compile', 'match', 'fullmatch', 'search', 'findall', 'finditer', 'sub', 'subn',
           'split', 'escape', 'purge', 'error', 'Pattern', 'Match', 'RegexFlag', 'A', 'I',
           'M', 'S', 'X', 'ASCII', 'IGNORECASE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'NOFLAG']


class RegexFlag(_enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128
    UNICODE = U = 32

    def __repr__(self):
        value = self._value_
        if value == 0:
            return 're.NOFLAG'
        parts = ['re.' + m._name_ for m in self.__class__ if m._value_ and
                 m._value_ & value == m._value_]
        known = 0
        for m in self.__class__:
            if m._value_ & value == m._value_:
                known |= m._value_
        if value & ~known:
            parts.append(hex(value & ~known))
        return '|'.join(parts)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
U = UNICODE = RegexFlag.UNICODE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """A pattern that cannot be compiled."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - pattern.rfind('\n', 0, pos)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


_DIGITS = '0123456789'
_SPECIAL = {'d': 'digit', 'D': 'notdigit', 'w': 'word', 'W': 'notword', 's': 'space',
            'S': 'notspace'}
_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', '0': '\0'}


def _is_word(c):
    return c.isalnum() or c == '_'


def _class_has(kind, c):
    if kind == 'digit':
        return c.isdecimal()
    if kind == 'notdigit':
        return not c.isdecimal()
    if kind == 'word':
        return _is_word(c)
    if kind == 'notword':
        return not _is_word(c)
    if kind == 'space':
        return c in ' \t\n\r\f\v' or c.isspace()
    return not (c in ' \t\n\r\f\v' or c.isspace())


class _Parser:
    """Pattern text to a tree of tuples (see _compile_node for the kinds)."""

    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def fail(self, msg, pos=None):
        raise error(msg, self.p, self.i if pos is None else pos)

    def skip_verbose(self):
        if not self.flags & VERBOSE:
            return
        while self.i < len(self.p):
            c = self.p[self.i]
            if c in ' \t\n\r\f\v':
                self.i += 1
            elif c == '#':
                while self.i < len(self.p) and self.p[self.i] != '\n':
                    self.i += 1
            else:
                break

    def parse(self):
        self.inline_flags()
        node = self.alternation()
        if self.i < len(self.p):
            self.fail('unbalanced parenthesis')
        return node

    def inline_flags(self):
        # (?aimsx) at the start of the pattern.
        while self.p.startswith('(?', self.i) and self.i + 2 < len(self.p) and \
                self.p[self.i + 2] in 'aiLmsux':
            j = self.i + 2
            while j < len(self.p) and self.p[j] in 'aiLmsux':
                j += 1
            if self.p.startswith('a:', self.i + 2):
                return  # a scoped (?a:...) group, which group() reads
            if j >= len(self.p) or self.p[j] != ')':
                raise NotImplementedError('re: scoped inline flags (?x:...) are not supported by Baton')
            for c in self.p[self.i + 2:j]:
                self.flags |= {'a': ASCII, 'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE,
                               's': DOTALL, 'u': UNICODE, 'x': VERBOSE}[c]
            self.i = j + 1

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == '|':
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ('alt', branches)

    def sequence(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c in '|)':
                break
            start = self.i
            atom = self.atom()
            self.skip_verbose()
            atom = self.quantifier(atom, start)
            items.append(atom)
        return ('seq', items)

    def quantifier(self, atom, start):
        c = self.peek()
        if c is None or c not in '*+?{':
            return atom
        at = self.i
        if c == '{':
            j = self.p.find('}', self.i)
            body = self.p[self.i + 1:j] if j > 0 else ''
            lo, comma, hi = body.partition(',')
            if j < 0 or not (lo.isdigit() or (comma and (lo == '' or lo.isdigit()))) or \
                    (hi and not hi.isdigit()) or (not lo and not comma):
                return atom  # a literal '{', as in CPython
            self.i = j + 1
            mn = int(lo) if lo else 0
            mx = (int(hi) if hi else None) if comma else mn
            if mx is not None and mx < mn:
                self.fail('min repeat greater than max repeat', at + 1)
        else:
            self.i += 1
            mn, mx = {'*': (0, None), '+': (1, None), '?': (0, 1)}[c]
        if atom[0] in ('bol', 'eol', 'A', 'Z', 'b', 'B') or atom == ('seq', []):
            self.fail('nothing to repeat', start)
        if atom[0] == 'rep':
            self.fail('multiple repeat', at)
        greedy = True
        if self.peek() == '?':
            self.i += 1
            greedy = False
        elif self.peek() == '+':
            raise NotImplementedError('re: possessive quantifiers are not supported by Baton')
        after = self.peek()
        if after is not None and (after in '*+?' or (after == '{' and self.is_counted_repeat())):
            self.fail('multiple repeat', self.i)
        return ('rep', atom, mn, mx, greedy)

    def is_counted_repeat(self):
        """Does a {m,n} quantifier start here (else '{' is a literal)?"""
        save = self.i
        try:
            return self.quantifier(('lit', 'x'), self.i) != ('lit', 'x')
        finally:
            self.i = save

    def atom(self):
        c = self.p[self.i]
        if c in '*+?':
            self.fail('nothing to repeat')
        if c == '{' and self.is_counted_repeat():
            self.fail('nothing to repeat')
        self.i += 1
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '[':
            return self.char_set(self.i - 1)
        if c == '(':
            return self.group(self.i - 1)
        if c == '\\':
            return self.escape(self.i - 1)
        return ('lit', c)

    def escape(self, start):
        if self.i >= len(self.p):
            self.fail('bad escape (end of pattern)', start)
        c = self.p[self.i]
        self.i += 1
        if c in _SPECIAL:
            return ('set', False, [], [_SPECIAL[c]])
        if c in 'AZbB':
            return (c,)
        if c in _DIGITS and c != '0':
            j = self.i
            while j < len(self.p) and self.p[j] in _DIGITS and j - self.i < 1:
                j += 1
            n = int(self.p[self.i - 1:j])
            self.i = j
            if n > self.ngroups:
                self.fail('invalid group reference %d' % n, start + 1)
            return ('backref', n)
        return ('lit', self.escaped_char(c, start))

    def escaped_char(self, c, start):
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c == 'x':
            digits = self.p[self.i:self.i + 2]
            if len(digits) < 2 or any(d not in '0123456789abcdefABCDEF' for d in digits):
                self.fail('incomplete escape \\x' + digits, start)
            self.i += 2
            return chr(int(digits, 16))
        if c in 'uU':
            width = 4 if c == 'u' else 8
            digits = self.p[self.i:self.i + width]
            if len(digits) < width or any(d not in '0123456789abcdefABCDEF' for d in digits):
                self.fail('incomplete escape \\%s%s' % (c, digits), start)
            self.i += width
            return chr(int(digits, 16))
        if c.isascii() and c.isalnum():
            self.fail('bad escape \\' + c, start)
        return c

    def char_set(self, start):
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        ranges, classes = [], []
        first = True
        while True:
            if self.i >= len(self.p):
                self.fail('unterminated character set', start)
            c = self.p[self.i]
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            at = self.i
            self.i += 1
            if c == '\\':
                if self.i >= len(self.p):
                    self.fail('unterminated character set', start)
                e = self.p[self.i]
                self.i += 1
                if e in _SPECIAL:
                    classes.append(_SPECIAL[e])
                    continue
                if e == 'b':
                    lo = '\b'
                else:
                    lo = self.escaped_char(e, at)
            elif c == '[' and self.peek() in (':', '=', '.'):
                raise NotImplementedError('re: POSIX classes in sets are not supported by Baton')
            else:
                lo = c
            if self.peek() == '-' and self.i + 1 < len(self.p) and self.p[self.i + 1] != ']':
                self.i += 1
                hc = self.p[self.i]
                self.i += 1
                if hc == '\\':
                    e = self.p[self.i] if self.i < len(self.p) else ''
                    self.i += 1
                    if e in _SPECIAL:
                        self.fail('bad character range %s-\\%s' % (lo, e), at)
                    hi = self.escaped_char(e, self.i - 2)
                else:
                    hi = hc
                if hi < lo:
                    self.fail('bad character range %s-%s' % (lo, hi), at)
                ranges.append((lo, hi))
            else:
                ranges.append((lo, lo))
        return ('set', negate, ranges, classes)

    def group(self, start):
        index = None
        name = None
        capturing = True
        if self.p.startswith('?', self.i):
            self.i += 1
            c = self.peek()
            capturing = c == 'P' and self.p.startswith('P<', self.i)
            if c == ':':
                self.i += 1
            elif self.p.startswith('a:', self.i):
                # (?a:...): the matcher ignores ASCII (as it does re.ASCII), so the
                # group is a plain (?:...); string.Template's idpattern uses it.
                self.i += 2
            elif c in ('=', '!'):
                self.i += 1
                node = self.alternation()
                self.close(start)
                return ('look', node, c == '!')
            elif c == 'P' and self.p.startswith('P<', self.i):
                j = self.p.find('>', self.i)
                if j < 0:
                    self.fail('missing >, unterminated name', self.i + 2)
                name = self.p[self.i + 2:j]
                if not name.isidentifier():
                    self.fail('bad character in group name %r' % name, self.i + 2)
                if name in self.names:
                    self.fail('redefinition of group name %r as group %d; was group %d'
                              % (name, self.ngroups + 1, self.names[name]), self.i + 2)
                self.i = j + 1
            elif c == 'P' and self.p.startswith('P=', self.i):
                j = self.p.find(')', self.i)
                if j < 0:
                    self.fail('missing ), unterminated name', self.i + 2)
                ref = self.p[self.i + 2:j]
                if ref not in self.names:
                    self.fail('unknown group name %r' % ref, self.i + 2)
                self.i = j + 1
                return ('backref', self.names[ref])
            elif c == '#':
                j = self.p.find(')', self.i)
                if j < 0:
                    self.fail('missing ), unterminated comment', start)
                self.i = j + 1
                return ('seq', [])
            elif c == '<':
                raise NotImplementedError('re: lookbehind is not supported by Baton')
            elif c == '>':
                raise NotImplementedError('re: atomic groups are not supported by Baton')
            elif c == '(':
                raise NotImplementedError('re: conditional groups are not supported by Baton')
            elif c is not None and c in 'aiLmsux-':
                raise NotImplementedError('re: inline flags inside a pattern are not '
                                          'supported by Baton')
            else:
                self.fail('unknown extension ?' + (c or ''), self.i - 1)
        if capturing:
            self.ngroups += 1
            index = self.ngroups
            if name is not None:
                self.names[name] = index
        node = self.alternation()
        self.close(start)
        return ('group', index, node)

    def close(self, start):
        if self.peek() != ')':
            self.fail('missing ), unterminated subpattern', start)
        self.i += 1


def _compile_node(node, flags):
    """The matcher for node: f(s, i, end, groups, k) -> the match's end or None,
    k being the rest of the pattern, called with the position after node."""
    kind = node[0]
    icase = flags & IGNORECASE
    if kind == 'lit':
        c = node[1]
        if icase:
            lc = c.lower()

            def lit(s, i, end, g, k):
                if i < end and s[i].lower() == lc:
                    return k(i + 1)
                return None
            return lit

        def lit_exact(s, i, end, g, k):
            if i < end and s[i] == c:
                return k(i + 1)
            return None
        return lit_exact
    if kind == 'any':
        dotall = flags & DOTALL

        def any_char(s, i, end, g, k):
            if i < end and (dotall or s[i] != '\n'):
                return k(i + 1)
            return None
        return any_char
    if kind == 'set':
        negate, ranges, classes = node[1], node[2], node[3]

        def member(c):
            for lo, hi in ranges:
                if lo <= c <= hi:
                    return True
                if icase:
                    for v in (c.lower(), c.upper()):
                        if lo <= v <= hi:
                            return True
            for cl in classes:
                if _class_has(cl, c):
                    return True
            return False

        def char_set(s, i, end, g, k):
            if i < end and member(s[i]) != negate:
                return k(i + 1)
            return None
        return char_set
    if kind == 'seq':
        parts = [_compile_node(n, flags) for n in node[1]]
        if not parts:
            return lambda s, i, end, g, k: k(i)
        if len(parts) == 1:
            return parts[0]

        def seq(s, i, end, g, k):
            def step(n, j):
                if n == len(parts):
                    return k(j)
                return parts[n](s, j, end, g, lambda j2: step(n + 1, j2))
            return step(0, i)
        return seq
    if kind == 'alt':
        branches = [_compile_node(n, flags) for n in node[1]]

        def alt(s, i, end, g, k):
            for b in branches:
                r = b(s, i, end, g, k)
                if r is not None:
                    return r
            return None
        return alt
    if kind == 'group':
        index, inner = node[1], _compile_node(node[2], flags)
        if index is None:
            return inner

        def group(s, i, end, g, k):
            def close(j):
                saved = g[index]
                g[index] = (i, j)
                r = k(j)
                if r is None:
                    g[index] = saved
                return r
            return inner(s, i, end, g, close)
        return group
    if kind == 'rep':
        inner, mn, mx, greedy = _compile_node(node[1], flags), node[2], node[3], node[4]

        def rep(s, i, end, g, k, count=0):
            def more(j):
                if j == i and count >= mn:
                    return k(j)  # an empty pass ends the loop (it would never end)
                return rep(s, j, end, g, k, count + 1)
            if not greedy and count >= mn:
                r = k(i)
                if r is not None:
                    return r
            if mx is None or count < mx:
                r = inner(s, i, end, g, more)
                if r is not None:
                    return r
            if greedy and count >= mn:
                return k(i)
            return None
        return rep
    if kind == 'backref':
        index = node[1]

        def backref(s, i, end, g, k):
            span = g[index]
            if span is None:
                return None
            text = s[span[0]:span[1]]
            piece = s[i:i + len(text)]
            if i + len(text) <= end and (piece == text or (icase and piece.lower() == text.lower())):
                return k(i + len(text))
            return None
        return backref
    if kind == 'look':
        inner, negate = _compile_node(node[1], flags), node[2]

        def look(s, i, end, g, k):
            saved = list(g)
            found = inner(s, i, end, g, lambda j: j) is not None
            if negate:
                g[:] = saved
            if found == negate:
                g[:] = saved
                return None
            return k(i)
        return look
    multiline = flags & MULTILINE
    if kind == 'bol':
        def bol(s, i, end, g, k):
            if i == 0 or (multiline and s[i - 1] == '\n'):
                return k(i)
            return None
        return bol
    if kind == 'eol':
        def eol(s, i, end, g, k):
            if i == end or (i == end - 1 and s[i] == '\n') or (multiline and s[i] == '\n'):
                return k(i)
            return None
        return eol
    if kind == 'A':
        return lambda s, i, end, g, k: k(i) if i == 0 else None
    if kind == 'Z':
        return lambda s, i, end, g, k: k(i) if i == end else None
    if kind in ('b', 'B'):
        want = kind == 'b'

        def boundary(s, i, end, g, k):
            before = i > 0 and _is_word(s[i - 1])
            after = i < end and _is_word(s[i])
            if (before != after) == want:
                return k(i)
            return None
        return boundary
    raise AssertionError(kind)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        self.lastindex = None
        best = -1
        for n in range(1, len(spans)):
            if spans[n] is not None and spans[n][1] >= best:
                best = spans[n][1]
                self.lastindex = n
        self.lastgroup = None
        for name, n in pattern.groupindex.items():
            if n == self.lastindex:
                self.lastgroup = name

    def _index(self, g):
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
            raise IndexError('no such group')
        if isinstance(g, int) and 0 <= g < len(self._spans):
            return g
        raise IndexError('no such group')

    def group(self, *groups):
        if not groups:
            groups = (0,)
        values = []
        for g in groups:
            span = self._spans[self._index(g)]
            values.append(None if span is None else self.string[span[0]:span[1]])
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        return tuple(default if span is None else self.string[span[0]:span[1]]
                     for span in self._spans[1:])

    def groupdict(self, default=None):
        result = {}
        for name, n in self.re.groupindex.items():
            span = self._spans[n]
            result[name] = default if span is None else self.string[span[0]:span[1]]
        return result

    def span(self, group=0):
        span = self._spans[self._index(group)]
        return (-1, -1) if span is None else span

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def expand(self, template):
        return _expand(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise NotImplementedError('re: bytes patterns are not supported by Baton')
        parser = _Parser(pattern, int(flags))
        tree = parser.parse()
        self.pattern = pattern
        self.flags = int(parser.flags | (0 if parser.flags & ASCII else UNICODE))
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)
        self._match = _compile_node(tree, parser.flags)

    def _at(self, string, i, end):
        g = [None] * (self.groups + 1)
        stop = self._match(string, i, end, g, lambda j: j)
        if stop is None:
            return None
        g[0] = (i, stop)
        return g

    def _check(self, string):
        if not isinstance(string, str):
            raise TypeError('expected string or bytes-like object, got %r'
                            % type(string).__name__)

    def _bounds(self, string, pos, endpos):
        n = len(string)
        endpos = n if endpos is None else max(0, min(endpos, n))
        return max(0, min(pos, n)), endpos

    def match(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = self._bounds(string, pos, endpos)
        spans = self._at(string, pos, endpos)
        return None if spans is None else Match(self, string, pos, endpos, spans)

    def fullmatch(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = self._bounds(string, pos, endpos)
        g = [None] * (self.groups + 1)
        stop = self._match(string, pos, endpos, g, lambda j: j if j == endpos else None)
        if stop is None:
            return None
        g[0] = (pos, stop)
        return Match(self, string, pos, endpos, g)

    def search(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = self._bounds(string, pos, endpos)
        for i in range(pos, endpos + 1):
            spans = self._at(string, i, endpos)
            if spans is not None:
                return Match(self, string, pos, endpos, spans)
        return None

    def finditer(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = self._bounds(string, pos, endpos)
        i = pos
        must_advance = False  # after an empty match, not another one at the same place
        while i <= endpos:
            for j in range(i, endpos + 1):
                g = [None] * (self.groups + 1)
                if must_advance and j == i:
                    stop = self._match(string, j, endpos, g, lambda e: e if e != i else None)
                else:
                    stop = self._match(string, j, endpos, g, lambda e: e)
                if stop is not None:
                    g[0] = (j, stop)
                    break
            else:
                return
            yield Match(self, string, pos, endpos, g)
            must_advance = stop == j
            i = stop

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group())
            elif self.groups == 1:
                result.append(m.group(1) or '')
            else:
                result.append(m.groups(''))
        return result

    def subn(self, repl, string, count=0):
        self._check(string)
        if callable(repl):
            make = repl
        else:
            make = _expand(self, repl)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            pieces.append(string[last:m.start()])
            piece = make(m)
            pieces.append(piece if piece is not None else '')
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        self._check(string)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            pieces.append(string[last:m.start()])
            pieces.extend(m.groups())
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return pieces

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.pattern, self.flags) == (other.pattern,
                                                                             other.flags)

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def __repr__(self):
        shown = self.flags & ~UNICODE
        if shown:
            return 're.compile(%r, %r)' % (self.pattern, RegexFlag(shown))
        return 're.compile(%r)' % (self.pattern,)


def _expand(pattern, template):
    """The replacement function for a template string (\\1, \\g<name>...)."""
    parts = []
    text = []
    i = 0
    while i < len(template):
        c = template[i]
        if c != '\\':
            text.append(c)
            i += 1
            continue
        if i + 1 >= len(template):
            raise error('bad escape (end of pattern)', template, i)
        e = template[i + 1]
        if e == 'g':
            j = template.find('>', i)
            if not template.startswith('<', i + 2) or j < 0:
                raise error('missing <', template, i + 2)
            ref = template[i + 3:j]
            if ref.isdigit():
                index = int(ref)
                if index > pattern.groups:
                    raise error('invalid group reference %d' % index, template, i + 3)
            elif ref in pattern.groupindex:
                index = pattern.groupindex[ref]
            else:
                raise IndexError('unknown group name %r' % ref)
            parts.append(''.join(text))
            text = []
            parts.append(index)
            i = j + 1
        elif e in _DIGITS and e != '0':
            j = i + 1
            while j < len(template) and template[j] in _DIGITS and j - i <= 2:
                j += 1
            index = int(template[i + 1:j])
            if index > pattern.groups:
                raise error('invalid group reference %d' % index, template, i + 1)
            parts.append(''.join(text))
            text = []
            parts.append(index)
            i = j
        elif e in _ESCAPES:
            text.append(_ESCAPES[e])
            i += 2
        elif e == '\\':
            text.append('\\')
            i += 2
        elif e.isascii() and e.isalpha():
            raise error('bad escape \\' + e, template, i)
        else:
            text.append('\\' + e)
            i += 2
    parts.append(''.join(text))

    def expand(m):
        out = []
        for p in parts:
            if isinstance(p, int):
                out.append(m.group(p) or '')
            else:
                out.append(p)
        return ''.join(out)
    return expand


_cache = {}


def compile(pattern, flags=0):
    """Compile a pattern into a Pattern object."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, int(flags))
    compiled = _cache.get(key)
    if compiled is None:
        compiled = _cache[key] = Pattern(pattern, flags)
    return compiled


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def escape(pattern):
    """pattern with every character special to re backslashed."""
    special = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'
    return ''.join('\\' + c if c in special else c for c in pattern)
