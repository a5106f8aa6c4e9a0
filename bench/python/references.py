"""Seeded data and the two references an analyst would write instead of calling rakt's batch
functions; `compare.py` times them side by side with rakt.

For each workload there is:

- a generator, ``<workload>_table(n, seed)``: a deterministic (``random.Random(seed)``) pyarrow
  Table whose column names are the input names of the rakt batch function, with consistent,
  realistic values (every row is meant to be valid input);
- a per-row pure-Python loop, ``<workload>_loop(rows)``, over the rows as dicts (the caller builds
  the dicts with ``Table.to_pylist()`` outside any timed region);
- the same rules as polars column expressions, ``<workload>_polars(df)``, over
  ``polars.from_arrow(table)`` (again built outside the timed region);
- ``<workload>_loop_summary`` / ``<workload>_polars_summary``: counts per rule, used to check
  that the loop and the polars reference say the same thing on the same data.

The thresholds are the values of rakt's built-in ``india`` policy (crates/rakt/src/policy/:
hrp.rs with the Hmis variant, donor_india.rs, early_warning.rs with the Chart variant,
profiles.rs for shelf lives and compatibility ages, maternal.rs for the term week), about 10 to
20 simple rules per workload. THESE REFERENCES ARE THROUGHPUT ANCHORS, NOT CLINICAL TRUTH: they
implement a small subset of what rakt decides (no validation of input, no explanation, no
referral, no blood plan, no citations, simplified deferral and compatibility logic), so their
answers are not rakt's answers and must never be used as a source of clinical decisions. They
only show what an analyst's hand-written rules cost per row in plain Python and in polars.

The workloads live in ``ref_maternal.py`` (ANC, vitals, births) and ``ref_blood.py`` (donors,
pairs, units); this module holds what they share.

Type-checks with ``mypy --strict bench/python``.
"""
from __future__ import annotations

import datetime as dt
import importlib
import random
from collections import Counter
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

pl: Any = importlib.import_module("polars")

ANC_AS_OF = dt.date(2026, 10, 1)
DONOR_AS_OF = dt.date(2026, 6, 1)
EXPIRY_AS_OF = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
DEFAULT_DONATION_KIND = "whole_blood_450"

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))  # india policy utc_offset (profiles.rs)
IST_NAME = "Asia/Kolkata"  # the same offset for polars (no daylight saving time)

# Rough Indian ABO/RhD frequencies.
GROUPS = ["B+", "O+", "A+", "AB+", "B-", "O-", "A-", "AB-"]
GROUP_WEIGHTS = [32.0, 29.0, 21.0, 8.0, 3.0, 3.0, 2.5, 1.5]


def clamp(x: float, lo: float, hi: float) -> float:
    return min(max(x, lo), hi)


def counts(rows: list[list[str]]) -> dict[str, int]:
    c: Counter[str] = Counter()
    for codes in rows:
        c.update(codes)
    return dict(sorted(c.items()))


def bool_counts(df: Any) -> dict[str, int]:
    """Per-column count of true values of a frame of boolean rule columns."""
    sums = df.select(pl.all().fill_null(False).cast(pl.Int64).sum()).row(0, named=True)
    return dict(sorted((k, int(v)) for k, v in sums.items() if v))
