#!/usr/bin/env python3
"""Renames test methods to SLA Desk's one test naming convention: a camelCase sentence, no
underscores (README, Code style; docs/decisions/15-style-gate.md).

Only methods annotated @Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate,
@Property or @Example in src/test/java are renamed; `given_when_then` becomes `givenWhenThen`, and an
underscore between two digits (a decimal point: at97_5_prorata) becomes "Point" (at97Point5Prorata).
A rename that would clash with a name already in the file is not made but reported (exit 1).
Idempotent: a second run changes nothing. Usage: .ci/style-rename-tests.py [root]
"""
import pathlib
import re
import sys

ANNOTATIONS = r"(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)"
# an annotation line (with or without arguments), any further annotations/modifiers, then the name
ARGS = r'(?:\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))?'  # annotation arguments, strings with ( ) included
METHOD = re.compile(
    r"(@" + ANNOTATIONS + r"\b" + ARGS + r"\s+(?:@[\w.]+" + ARGS + r"\s+)*"
    r"(?:(?:public|protected|private|static|final)\s+)*"
    r"[\w<>\[\], ?]+?\s+)([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*)(\s*\()",
    re.S)


def camel(name):
    parts = [p for p in name.split("_") if p]
    out = parts[0]
    for p in parts[1:]:
        if out[-1].isdigit() and p[0].isdigit():
            out += "Point" + p
        else:
            out += p[0].upper() + p[1:]
    return out


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    clashes, renamed = [], 0
    for path in sorted(root.glob("**/src/test/java/**/*.java")):
        if "/target/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        names = {m.group(2): camel(m.group(2)) for m in METHOD.finditer(text)}
        if not names:
            continue
        ok = {}
        for old, new in names.items():
            if re.search(r"\b" + new + r"\b", text):
                clashes.append(f"{path}: {old} -> {new} clashes with an existing name")
            else:
                ok[old] = new
        for old, new in ok.items():
            text = re.sub(r"\b" + old + r"\b", new, text)
            renamed += 1
        path.write_text(text, encoding="utf-8")
    print(f"style-rename-tests: {renamed} test methods renamed")
    for c in clashes:
        print("NOT RENAMED: " + c, file=sys.stderr)
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
