#!/usr/bin/env python3
"""Extracts every sensuctl command line from the shell code blocks of Sensu's 6.14 docs.

Usage: extract_sensuctl_lines.py <sensu-docs git dir> [output.tsv]

Reads content/sensu-go/6.14/ at HEAD of a (bare) sensu-docs repository. A shell block is
{{< code shell|sh|bash ... >}} ... {{< /code >}} or ```shell|sh|bash ... ```. Inside one, every line whose first
word is `sensuctl` is kept; a trailing backslash joins the next line; runs of blanks become one space.
Lines are deduplicated (first file in path order wins) and written as "file<TAB>line", sorted by line.
"""
import re
import subprocess
import sys

ROOT = "content/sensu-go/6.14/"
SHELLS = {"shell", "sh", "bash"}
OPEN_SHORTCODE = re.compile(r"^\s*\{\{<\s*code\s+(\w+)")
CLOSE_SHORTCODE = re.compile(r"^\s*\{\{<\s*/code\s*>\}\}")
FENCE = re.compile(r"^\s*```(\w*)")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def lines_of(text):
    """Yields the sensuctl lines of the shell blocks of one page."""
    in_shell = False
    closer = None
    pending = None
    for raw in text.splitlines():
        if closer is None:
            m = OPEN_SHORTCODE.match(raw)
            if m:
                closer, in_shell = "shortcode", m.group(1) in SHELLS
                continue
            m = FENCE.match(raw)
            if m:
                closer, in_shell = "fence", m.group(1) in SHELLS
                continue
            continue
        if (closer == "shortcode" and CLOSE_SHORTCODE.match(raw)) or (closer == "fence" and FENCE.match(raw) and raw.strip() == "```"):
            if pending is not None:
                yield pending
            closer, in_shell, pending = None, False, None
            continue
        if not in_shell:
            continue
        if pending is not None:
            pending += " " + raw.strip()
        elif raw.strip().startswith("sensuctl "):
            pending = raw.strip()
        else:
            continue
        if pending.endswith("\\"):
            pending = pending[:-1].rstrip()
            continue
        yield pending
        pending = None


def main():
    repo = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else None
    files = sorted(f for f in git(repo, "ls-tree", "-r", "--name-only", "HEAD", ROOT).splitlines() if f.endswith(".md"))
    first = {}
    for path in files:
        for line in lines_of(git(repo, "show", "HEAD:" + path)):
            line = re.sub(r"\s+", " ", line).strip()
            first.setdefault(line, path[len(ROOT):])
    rows = "".join(f"{first[line]}\t{line}\n" for line in sorted(first))
    if out:
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(rows)
    else:
        sys.stdout.write(rows)


if __name__ == "__main__":
    main()
