"""textwrap for Baton: wrap, fill, shorten and TextWrapper; dedent and indent.

Wrapping splits the text into chunks (runs of whitespace, words, and the parts
of hyphenated words and em-dashes, as CPython splits them), then lays chunks
on lines of at most width characters, breaking a chunk only when it cannot fit
on a line of its own."""

__all__ = ["TextWrapper", "wrap", "fill", "shorten", "dedent", "indent"]

# The whitespace textwrap knows: ASCII only, as CPython's.
_whitespace = "\t\n\x0b\x0c\r "


def _is_space(c):
    return c in _whitespace


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word_char(c) or c in "!\"'&.,?"


def _dashes_then_word(text, i):
    """Whether text[i:] starts with two or more '-' and then a word character."""
    j = i
    while j < len(text) and text[j] == "-":
        j += 1
    return j - i >= 2 and j < len(text) and _is_word_char(text[j])


def _hyphen_breaks_after(text, i):
    """Whether a word may break after the '-' at text[i]: two letters before it (or
    letter, hyphen, letter), and a letter, maybe a hyphen, a letter after it."""
    def letter(k):
        return 0 <= k < len(text) and _is_letter(text[k])

    if not (letter(i - 1) and (letter(i - 2) or (text[i - 2:i - 1] == "-" and letter(i - 3)))):
        return False
    return letter(i + 1) and (letter(i + 2) or (text[i + 2:i + 3] == "-" and letter(i + 3)))


def _word_end(text, start):
    """Where the word chunk starting at text[start] (not whitespace) ends."""
    i = start + 1
    while True:
        # The chunk so far is text[start:i]; the shortest one that ends well wins.
        if text[i - 1] == "-" and i - 1 > start and _hyphen_breaks_after(text, i - 1):
            return i
        if i >= len(text) or _is_space(text[i]):
            return i
        if _is_word_punct(text[i - 1]) and _dashes_then_word(text, i):
            return i
        i += 1


def _split_chunks(text, on_hyphens):
    """The chunks of text: whitespace runs and words; with on_hyphens, words also
    split after their hyphens and around em-dashes (--) between words."""
    chunks = []
    i = 0
    while i < len(text):
        j = i
        if _is_space(text[i]):
            while j < len(text) and _is_space(text[j]):
                j += 1
        elif not on_hyphens:
            while j < len(text) and not _is_space(text[j]):
                j += 1
        elif i > 0 and _is_word_punct(text[i - 1]) and _dashes_then_word(text, i):
            while text[j] == "-":
                j += 1
        else:
            j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase ASCII letter, then . ! or ?, then maybe a quote, at the end."""
    if chunk[-1:] in ("\"", "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper:
    """Wraps text to lines of at most width characters; the attributes are
    the options, read at each wrap()."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace[:-1]:
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        return _split_chunks(text, self.break_on_hyphens)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put as much of the too-long chunk reversed_chunks[-1] on cur_line as
        fits (at a hyphen if one is in reach), or all of it if it may not be
        broken and the line is empty."""
        room = width - cur_len if width >= 1 else 1
        chunk = reversed_chunks[-1]
        if self.break_long_words:
            end = room
            if self.break_on_hyphens and len(chunk) > room:
                hyphen = chunk.rfind("-", 0, room)
                if hyphen > 0 and chunk[:hyphen].strip("-"):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        pending = chunks[::-1]  # the next chunk is pending[-1]
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and lines and not pending[-1].strip():
                pending.pop()
            line, used = [], 0
            while pending and used + len(pending[-1]) <= width:
                used += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, used, width)
                used = sum(len(chunk) for chunk in line)
            if self.drop_whitespace and line and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            rest_is_blank = not pending or (self.drop_whitespace and len(pending) == 1 and
                                            not pending[0].strip())
            if last_allowed or (rest_is_blank and used <= width):
                lines.append(indent + "".join(line))
                continue
            self._end_with_placeholder(lines, line, used, width, indent)
            break
        return lines

    def _end_with_placeholder(self, lines, line, used, width, indent):
        """The last line allowed: as many of its chunks as leave room for the
        placeholder, else the placeholder goes on the line before."""
        while line:
            if line[-1].strip() and used + len(self.placeholder) <= width:
                lines.append(indent + "".join(line) + self.placeholder)
                return
            used -= len(line.pop())
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(self.placeholder) <= self.width:
                lines[-1] = previous + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def wrap(self, text):
        """The lines of text wrapped, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped, as one string of lines joined by newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut to fit one line of width with the
    placeholder (' [...]') at the end when something was left out."""
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(" ".join(text.strip().split()))


def _margin(line):
    return line[:len(line) - len(line.lstrip(" \t"))]


def dedent(text):
    """Remove the whitespace that every non-blank line starts with."""
    lines = text.split("\n")
    margin = None
    for line in lines:
        if not line.strip(" \t"):
            continue
        lead = _margin(line)
        if margin is None:
            margin = lead
        else:
            common = 0
            while common < len(margin) and common < len(lead) and margin[common] == lead[common]:
                common += 1
            margin = margin[:common]
    out = []
    for line in lines:
        if not line.strip(" \t"):
            out.append("")
        else:
            out.append(line[len(margin):] if margin else line)
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
