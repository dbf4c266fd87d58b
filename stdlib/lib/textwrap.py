"""textwrap for Baton: dedent and indent."""


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
