"""The Python examples (``examples/python/*.py``) run to the end against the installed package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"
SCRIPTS = sorted(EXAMPLES.glob("*.py")) if EXAMPLES.is_dir() else []


# Arguments that keep an example short in the test run (the Spark one defaults to a million rows).
ARGS = {"spark_hrp.py": ["--rows", "20000", "--partitions", "2"]}


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script), *ARGS.get(script.name, [])],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip()


def printed(name: str) -> str:
    """What an example prints (skipped outside a source checkout)."""
    script = EXAMPLES / name
    if not script.is_file():
        pytest.skip("not a source checkout")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=120
    ).stdout


def test_the_donor_and_unit_example_says_what_it_shows() -> None:
    out = printed("donor_and_unit.py")
    assert "deferred until 2026-11-18" in out
    assert "पिछला रक्तदान 2026-08-20 को" in out
    assert "refused: WRONG_PATIENT - still reserved" in out
    assert "DIN-2026-0042: issued (HL7 DS)" in out


def test_the_labels_example_says_what_it_shows() -> None:
    out = printed("labels_and_codes.py")
    assert "A999926000101  O-  expires 2026-12-15 23:59 +0530" in out
    assert "e-RaktKosh: component 29 (Irradiated RBC), group 16" in out
    assert "LABEL_EXPIRY_SHORTENED" in out
    assert "special message quarantine (Mq)" in out
    assert "at position 38: ISBT 128 date: 2026 has no day 366" in out
    assert "A999926000105  O+  expires 2026-12-15 23:59 +0530" in out  # from a compound message


def test_the_stock_example_says_what_it_shows() -> None:
    out = printed("stock_demo.py")
    assert "box 2 (4.0–11.5 °C): 2 units discarded" in out
    assert "COLD_CHAIN_BREACH: Carried from HUB-LUCKNOW to BSC-FRU-BARABANKI at 4.0–11.5 °C" in out
    assert "LOW B+   2 of 5 (missing 3)" in out
    assert "HUB-2026-0027 O-  choice 1 expires 2026-12-26  UNIT_ALLOCATED" in out
    assert "HUB-2026-0014 O+  choice 1 expires 2026-12-28  UNIT_ALLOCATED, EMERGENCY_RELEASE" in out
    assert "e-RaktKosh 28 (Sagm Packed Red Blood Cells): A+Ve : 3, A-Ve : 2" in out
    assert "HUB-2026-0032  platelets O+  expires 2026-11-24 23:59" in out


def test_the_maternal_example_says_what_it_shows() -> None:
    out = printed("maternal_demo.py")
    assert "== ANC-101  33+0 weeks  risk low  →  Level 1 (sub-centre or PHC, skilled birth attendant) (planned)" in out
    assert "SEVERE_ANAEMIA           Severe anaemia: Hb 6.8 g/dL (≤ 7)." in out
    assert "पहले 2 सिज़ेरियन ऑपरेशन: प्रसव वहीं कराएँ जहाँ सिज़ेरियन की सुविधा हो।" in out
    assert "blood plan: high tier, crossmatch 2 units of red cells (on_admission) — placenta_praevia" in out
    assert "== ANC-104  34+0 weeks  risk emergency" in out
    assert "    FRU-2026-0102 B-  expires 2026-12-14 23:59" in out
    assert "  missing: 1" in out
    assert "from DH-LUCKNOW: HUB-2026-0027 O-  expires 2026-12-26  UNIT_ALLOCATED, SCARCE_UNIT_EXPIRES_FIRST" in out
    assert "reserved at FRU-BARABANKI for ANC-103: FRU-2026-0102" in out
