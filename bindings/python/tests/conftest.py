"""Shared fixtures: facility time zones and a few ready-made values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import rakt

IST = timezone(timedelta(hours=5, minutes=30))


def ist(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A time in India (+05:30)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=IST)


@pytest.fixture
def sagm() -> rakt.Product:
    """Red cells in an additive solution (SAGM)."""
    return rakt.Product(rakt.Component.RED_CELLS, preservative=rakt.Preservative.ADDITIVE_SOLUTION)
