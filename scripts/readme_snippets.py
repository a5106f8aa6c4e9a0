"""The README's code blocks as programs, for `make dist-test` (scripts/dist-test.sh).

    python3 scripts/readme_snippets.py rust README.md > main.rs
    python3 scripts/readme_snippets.py python README.md > quickstart.py
    python3 scripts/readme_snippets.py kotlin README.md > QuickStart.kt

- rust: every ```rust block, each as a function (the lines rustdoc hides, `# ...`, shown; the
  final `Ok::<...>(())` replaced by the function's own), and a `main` that runs them all and
  prints `rust snippets: N ran`.
- python: the first ```python block of the "### Python" section (the quick start), as it is.
- kotlin: the first ```kotlin block of the "### Kotlin" section (the quick start) in a `main`;
  a line that is only an expression (`v.compatible   // false`) is printed.
"""

from __future__ import annotations

import re
import sys


def blocks(text: str, lang: str) -> list[tuple[int, list[str]]]:
    """(line number of the fence, lines) of every ```lang block."""
    out: list[tuple[int, list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == f"```{lang}":
            start, body = i + 1, []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            out.append((start, body))
        i += 1
    return out


def section_first(text: str, heading: str, lang: str) -> list[str]:
    at = text.index(f"\n{heading}")
    for start, body in blocks(text, lang):
        if text.count("\n", 0, at) < start:
            return body
    raise SystemExit(f"no ```{lang} block after {heading!r}")


def rust(text: str) -> str:
    fns, calls = [], []
    for n, (start, body) in enumerate(blocks(text, "rust"), 1):
        code = []
        for line in body:
            shown = re.sub(r"^(\s*)# ", r"\1", line) if re.match(r"^\s*# ", line) else line
            if re.match(r"^\s*#$", line):
                continue
            if re.match(r"^\s*Ok::<.*>\(\(\)\)\s*$", shown):
                continue
            code.append("    " + shown)
        fns.append(f"/// README.md line {start}\n"
                   f"fn snippet_{n}() -> Result<(), Box<dyn std::error::Error>> {{\n"
                   + "\n".join(code) + "\n    Ok(())\n}\n")
        calls.append(f"    snippet_{n}()?;")
    return ("//! The README's Rust blocks, compiled against the packaged crate (make dist-test).\n"
            "#![allow(unused, clippy::all)]\n\n" + "\n".join(fns)
            + "\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n" + "\n".join(calls)
            + f'\n    println!("rust snippets: {len(calls)} ran");\n    Ok(())\n}}\n')


EXPRESSION = re.compile(r"^[A-Za-z_][\w.]*(\[[^\]]*\])?(\.[\w]+)*\s*(//.*)?$")


def kotlin(text: str) -> str:
    body = section_first(text, "### Kotlin", "kotlin")
    imports = [line for line in body if line.startswith("import ")]
    code = []
    for line in body:
        if line.startswith("import ") or not line.strip():
            continue
        if EXPRESSION.match(line.strip()):
            expr = line.split("//")[0].strip()
            code.append(f"    println({expr})")
        else:
            code.append("    " + line)
    return ("// The README's Kotlin quick start (make dist-test).\n" + "\n".join(imports)
            + "\n\nfun main() {\n" + "\n".join(code) + "\n}\n")


def main() -> None:
    lang, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    if lang == "rust":
        sys.stdout.write(rust(text))
    elif lang == "python":
        sys.stdout.write("\n".join(section_first(text, "### Python", "python")) + "\n")
    elif lang == "kotlin":
        sys.stdout.write(kotlin(text))
    else:
        raise SystemExit(f"unknown language {lang}")


if __name__ == "__main__":
    main()
