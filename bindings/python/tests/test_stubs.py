"""The stubs match the native module (``mypy.stubtest``), and the wheel ships them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import rakt


def test_stubs_and_marker_are_next_to_the_module() -> None:
    package = Path(rakt.__file__).parent
    assert (package / "_rakt.pyi").is_file()
    assert (package / "py.typed").is_file()


def test_stubs_match_the_runtime() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "rakt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
