#!/usr/bin/env python3
"""Breaks the lines over 120 columns that a formatter leaves alone (README, Code style):

- a string literal: split at a space into "first part " + "rest" (javac folds the two back into one
  constant, so the value, the bytecode and annotation values are unchanged); the formatter then
  wraps the `+`. Skipped (left for a person) when the literal is followed by `.` or `[` or preceded
  by `)` (a method call on it or a cast), and inside text blocks.
- a one-line Javadoc (/** ... */) becomes a multi-line one; a long comment line (// ... or * ...)
  is wrapped at a space with the same prefix. Skipped inside <pre> blocks.
Lines with a URL, package and import lines are never touched (the checkstyle rule ignores them).
Run .ci/style-fix, which runs spotless:apply after it. Usage: .ci/style-wrap-long-lines.py [root]
"""
import pathlib
import re
import sys

MAX = 120
TARGET = 112  # break well before the limit: the formatter may indent the continuation further


def literals(line):
    """(start, end) of each "..." literal in a code line (end exclusive), stopping at a // comment."""
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if c == '/' and line[i + 1:i + 2] == '/':
            break
        if c == "'":
            j = i + 1
            while j < len(line) and line[j] != "'":
                j += 2 if line[j] == '\\' else 1
            i = j + 1
            continue
        if c == '"':
            j = i + 1
            while j < len(line) and line[j] != '"':
                j += 2 if line[j] == '\\' else 1
            out.append((i, j + 1))
            i = j + 1
            continue
        i += 1
    return out


def split_literal(line):
    for start, end in sorted(literals(line), key=lambda se: se[1] - se[0], reverse=True):
        if end <= TARGET or end - start < 30:
            continue
        after = line[end:].lstrip()[:1]
        before = line[:start].rstrip()[-1:]
        if after in ('.', '[') or before == ')':
            continue
        # a break point after a space, `,` `;` `>` `}` `)` `|` or a \n escape, never inside an escape
        cuts, k = [], start + 1
        while k < end - 1:
            unit = 2 if line[k] == '\\' else 1
            if line[k] == '\\' and line[k + 1] == 'u':
                unit = 6
            text = line[k:k + unit]
            k += unit
            if text in (' ', ',', ';', '>', '}', ')', '|', '\\n') and k < end - 1:
                cuts.append(k)
        fits = [c for c in cuts if c <= TARGET and c > start + 10]
        if not fits:
            continue
        cut = fits[-1]
        indent = re.match(r"\s*", line).group(0) + "        "
        return [line[:cut] + '"', indent + '+ "' + line[cut:]]
    return None


def wrap_words(prefix, text, width):
    words, lines, cur = text.split(' '), [], ''
    for w in words:
        if cur and len(prefix) + len(cur) + 1 + len(w) > width:
            lines.append(prefix + cur)
            cur = w
        else:
            cur = (cur + ' ' + w) if cur else w
    lines.append(prefix + cur)
    return lines


def continues(line, prefix):
    """Whether a comment line goes on with the paragraph of a wrapped line before it (same prefix)."""
    if not line.startswith(prefix) or len(line) == len(prefix):
        return False
    rest = line[len(prefix):]
    return not rest.startswith((' ', '@', '<', '-', '*', '{@code', '|')) and '*/' not in rest


def fix_file(path):
    src = path.read_text(encoding="utf-8").split('\n')
    out, changed, in_block, in_pre, i = [], False, False, False, 0
    while i < len(src):
        line = src[i]
        i += 1
        if line.count('"""') % 2 == 1:
            in_block = not in_block
            out.append(line)
            continue
        if '<pre>' in line:
            in_pre = True
        if '</pre>' in line:
            in_pre = False
        too_long = (len(line) > MAX and not in_block and not in_pre
                    and not re.match(r"(package|import) ", line) and not re.search(r"https?://", line))
        if not too_long:
            out.append(line)
            continue
        m = re.match(r"(\s*)/\*\*\s*(.*?)\s*\*/\s*$", line)
        if m:
            out += [m.group(1) + '/**'] + wrap_words(m.group(1) + ' * ', m.group(2), MAX) + [m.group(1) + ' */']
            changed = True
            continue
        m = re.match(r"(\s*(?://+|\*)\s+)(.*)$", line)
        if m and not line.lstrip().startswith('*/'):
            wrapped = wrap_words(m.group(1), m.group(2), MAX)
            if len(wrapped) > 1 and i < len(src) and continues(src[i], m.group(1)):
                # the words carried over join the next line of the paragraph (wrapped in turn if long)
                src[i] = wrapped[-1] + ' ' + src[i][len(m.group(1)):]
                wrapped = wrapped[:-1]
            out += wrapped
            changed = True
            continue
        pieces, rest = [], line
        while True:
            new = split_literal(rest) if len(rest) > MAX else None
            if not new:
                break
            pieces.append(new[0])
            rest = new[1]
        if pieces:
            out += pieces + [rest]
            changed = True
            continue
        out.append(line)
    if changed:
        path.write_text('\n'.join(out), encoding="utf-8")
    return changed


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    n = 0
    for path in sorted(root.glob("**/src/*/java/**/*.java")):
        if "/target/" not in str(path) and fix_file(path):
            n += 1
    print(f"style-wrap-long-lines: {n} files changed")


if __name__ == "__main__":
    main()
