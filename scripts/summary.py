#!/usr/bin/env python3
"""Sum the results of every test runner into one line: `N passed, N failed`.

Reads target/test-reports/:
- *.log       cargo output; every libtest line `test result: ... N passed; M failed` counts
              (the vectors runner prints the same shape);
- *.xml       JUnit XML from pytest and Maven Surefire (tests, failures, errors, skipped);
- steps.txt   one line per step that is not a test runner (lint, build, mypy): `name ok|failed`.
A step that failed without reporting tests counts as one failure, so nothing fails silently.
Exit status: 0 when nothing failed.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPORTS = Path(sys.argv[1] if len(sys.argv) > 1 else "target/test-reports")
LIBTEST = re.compile(r"test result: \w+\. (\d+) passed; (\d+) failed")


def junit(path: Path) -> tuple[int, int]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    passed = failed = 0
    for s in suites:
        tests = int(s.get("tests", 0))
        bad = int(s.get("failures", 0)) + int(s.get("errors", 0))
        skipped = int(s.get("skipped", 0))
        passed += tests - bad - skipped
        failed += bad
    return passed, failed


def main() -> int:
    counts: dict[str, list[int]] = {}

    def add(name: str, p: int, f: int) -> None:
        row = counts.setdefault(name, [0, 0])
        row[0] += p
        row[1] += f

    for log in sorted(REPORTS.glob("*.log")):
        text = log.read_text(encoding="utf-8", errors="replace")
        add(log.stem, 0, 0)
        for m in LIBTEST.finditer(text):
            add(log.stem, int(m.group(1)), int(m.group(2)))
    for xml in sorted(REPORTS.glob("**/*.xml")):
        name = xml.relative_to(REPORTS).parts[0].removesuffix(".xml")
        try:
            p, f = junit(xml)
        except ET.ParseError:
            p, f = 0, 1
        add(name, p, f)
    steps = REPORTS / "steps.txt"
    if steps.exists():
        for line in steps.read_text(encoding="utf-8").splitlines():
            name, _, status = line.strip().rpartition(" ")
            if status != "ok" and counts.get(name, [0, 0])[1] == 0:
                # The step failed without reporting a failed test (lint, build, crash).
                add(name, 0, 1)
    total_passed = sum(p for p, _ in counts.values())
    total_failed = sum(f for _, f in counts.values())
    for name, (p, f) in counts.items():
        print(f"  {name}: {p} passed, {f} failed")
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
