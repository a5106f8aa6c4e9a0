"""The Python examples (``examples/python/*.py``) run to the end against the installed package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"
SCRIPTS = sorted(EXAMPLES.glob("*.py")) if EXAMPLES.is_dir() else []


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip()


def test_the_donor_and_unit_example_says_what_it_shows() -> None:
    script = EXAMPLES / "donor_and_unit.py"
    if not script.is_file():
        pytest.skip("not a source checkout")
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert "deferred until 2026-11-18" in out
    assert "पिछला रक्तदान 2026-08-20 को" in out
    assert "refused: WRONG_PATIENT - still reserved" in out
    assert "DIN-2026-0042: issued (HL7 DS)" in out
