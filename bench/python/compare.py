"""Side-by-side throughput of rakt's Python batch functions and what an analyst writes instead.

How to run (from the repository root, with the rakt wheel installed in .venv, plus pyarrow and
polars):

    .venv/bin/python bench/python/compare.py                        # 200,000 rows per workload
    .venv/bin/python bench/python/compare.py --rows 1000000 --repeat 3 --markdown result.md
    .venv/bin/python bench/python/compare.py --rows 20000 --only anc,births   # a quick run

For each workload (ANC visits → ``assess_pregnancies``, donor visits → ``assess_donors``,
component/donor/recipient pairs → ``compatibilities``, units → ``expiries``, ward observations →
``early_warnings``, births → ``robson_groups``) it generates one seeded table
(``references.py``) and, in the same process on the same data, times the best of ``--repeat``
runs of:

- a plain pure-Python loop over the rows as dicts (the dicts are built before timing) applying
  10 to 20 simple rules with the ``india`` policy's thresholds;
- the same rules as polars column expressions over a polars DataFrame (built before timing);
- the rakt batch call over the pyarrow Table with ``parallel=True`` (the default) and
  ``parallel=False``; for pregnancies also ``explain=True``.

The references are throughput anchors, not clinical truth: they do a small part of what rakt does
(see references.py), so the ratios compare a handful of hand-written rules with rakt's whole,
validated, assessment. Before the report it checks that every rakt call returned one row per
input row, counts rakt's error rows (the data is meant to be valid, so a count above zero is
reported with examples), checks that the loop and the polars reference agree rule by rule, that
rakt's parallel and serial outputs are equal, and says, where the outputs are comparable, on how
many rows the reference's answer equals rakt's (informational: the references are simpler).

It prints a markdown table: workload, path, rows/s, and the ratios "× vs loop" (loop seconds ÷
path seconds: above 1 is faster than the loop) and "× vs polars" (the same against polars).

Type-checks with ``mypy --strict bench/python``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa  # type: ignore[import-untyped]

import rakt
import ref_blood
import ref_maternal
import references as ref

pl: Any = importlib.import_module("polars")

WARM_UP_ROWS = 10_000


@dataclass
class Workload:
    """One batch function, its data and its two references."""

    key: str
    label: str
    make: Callable[[int, int], Any]  # (rows, seed) -> pa.Table
    loop: Callable[[list[dict[str, Any]]], Any]
    polars: Callable[[Any], Any]
    loop_summary: Callable[[Any], dict[str, int]]
    polars_summary: Callable[[Any], dict[str, int]]
    call: Callable[..., Any]  # (table, **kw) -> pa.Table
    paths: list[tuple[str, dict[str, Any]]] = field(default_factory=lambda: [
        ("rakt batch, parallel=True", {}),
        ("rakt batch, parallel=False", {"parallel": False}),
    ])
    # (rows, loop output, rakt output) -> (rows agreeing, what is compared)
    agree: Callable[[list[dict[str, Any]], Any, Any], tuple[int, str]] | None = None


def _incompatible(codes: list[str]) -> bool:
    return any(c.startswith("INCOMPATIBLE") for c in codes)


def agree_pairs(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    got = out.column("compatible").to_pylist()
    return sum((not _incompatible(a)) == b for a, b in zip(loop, got)), "compatible"


def agree_units(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    at = out.column("expires_at").to_pylist()
    expired = out.column("expired").to_pylist()
    same = sum(a == (b, c) for a, b, c in zip(loop, at, expired))
    return same, "expires_at and expired"


def agree_vitals(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    got = out.column("triggered").to_pylist()
    return sum(("TRIGGERED" in a) == b for a, b in zip(loop, got)), "triggered"


def agree_births(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    got = out.column("group").to_pylist()
    return sum(a == b for a, b in zip(loop, got)), "group"


def agree_donors(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    got = out.column("eligible").to_pylist()
    return sum((not a) == b for a, b in zip(loop, got)), "eligible"


# The reference's HRP codes that have one rakt flag code each (the anaemia grades, hypertension
# classes and convulsions are worded differently by rakt and left out of the comparison).
ANC_SAME_FLAGS = {
    "YOUNG_AGE": "YOUNG_AGE", "OLD_AGE": "OLD_AGE", "SHORT_STATURE": "SHORT_STATURE",
    "GRAND_MULTIPARA": "GRAND_MULTIPARITY", "PREVIOUS_CAESAREAN": "PREVIOUS_CAESAREAN",
    "MULTIPLE_PREGNANCY": "MULTIPLE_PREGNANCY", "SEVERE_ANAEMIA": "SEVERE_ANAEMIA", "GDM": "GDM",
    "HIV": "HIV_POSITIVE", "SYPHILIS": "SYPHILIS_POSITIVE", "HBSAG": "HBSAG_POSITIVE",
    "RHD_NEGATIVE": "RH_NEGATIVE", "APH": "ANTEPARTUM_HAEMORRHAGE",
}
ANC_RAKT_CODES = frozenset(ANC_SAME_FLAGS.values())


def agree_anc(rows: list[dict[str, Any]], loop: Any, out: Any) -> tuple[int, str]:
    flags = out.column("flags").to_pylist()
    same = sum({ANC_SAME_FLAGS[c] for c in a if c in ANC_SAME_FLAGS}
               == ANC_RAKT_CODES.intersection(b) for a, b in zip(loop, flags))
    return same, f"flags ({len(ANC_SAME_FLAGS)} codes both have)"


def workloads() -> list[Workload]:
    return [
        Workload(
            "anc", "ANC → `assess_pregnancies`", ref_maternal.anc_table, ref_maternal.anc_loop, ref_maternal.anc_polars,
            ref_maternal.anc_loop_summary, ref_maternal.anc_polars_summary,
            lambda t, **kw: rakt.assess_pregnancies(t, ref.ANC_AS_OF, **kw),
            paths=[
                ("rakt batch, parallel=True", {}),
                ("rakt batch, parallel=False", {"parallel": False}),
                ("rakt batch, explain=True", {"explain": True}),
            ],
            agree=agree_anc,
        ),
        Workload(
            "donors", "donors → `assess_donors`", ref_blood.donors_table, ref_blood.donors_loop,
            ref_blood.donors_polars, ref_blood.donors_loop_summary, ref_blood.donors_polars_summary,
            lambda t, **kw: rakt.assess_donors(t, ref.DONOR_AS_OF, ref.DEFAULT_DONATION_KIND,
                                               **kw),
            agree=agree_donors,
        ),
        Workload(
            "pairs", "pairs → `compatibilities`", ref_blood.pairs_table, ref_blood.pairs_loop,
            ref_blood.pairs_polars, ref_blood.pairs_loop_summary, ref_blood.pairs_polars_summary,
            lambda t, **kw: rakt.compatibilities(t, **kw), agree=agree_pairs,
        ),
        Workload(
            "units", "units → `expiries`", ref_blood.units_table, ref_blood.units_loop, ref_blood.units_polars,
            ref_blood.units_loop_summary, ref_blood.units_polars_summary,
            lambda t, **kw: rakt.expiries(t, as_of=ref.EXPIRY_AS_OF, **kw), agree=agree_units,
        ),
        Workload(
            "vitals", "vitals → `early_warnings`", ref_maternal.vitals_table, ref_maternal.vitals_loop,
            ref_maternal.vitals_polars, ref_maternal.vitals_loop_summary, ref_maternal.vitals_polars_summary,
            lambda t, **kw: rakt.early_warnings(t, **kw), agree=agree_vitals,
        ),
        Workload(
            "births", "births → `robson_groups`", ref_maternal.births_table, ref_maternal.births_loop,
            ref_maternal.births_polars, ref_maternal.births_loop_summary, ref_maternal.births_polars_summary,
            lambda t, **kw: rakt.robson_groups(t, **kw), agree=agree_births,
        ),
    ]


def best_of(repeat: int, f: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of `repeat` runs of f (seconds) and the last run's result."""
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        result = None  # free the previous output before the next run
        gc.collect()
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Result:
    label: str
    rows: int
    seconds: dict[str, float]
    errors: int
    error_examples: list[str]
    agreement: str | None


def run(w: Workload, n: int, seed: int, repeat: int) -> Result:
    log(f"{w.key}: generating {n:,} rows (seed {seed})...")
    start = time.perf_counter()
    table = w.make(n, seed)
    rows: list[dict[str, Any]] = table.to_pylist()
    df = pl.from_arrow(table)
    log(f"  done in {time.perf_counter() - start:.1f} s")

    # Warm-up (the worker pool, caches), then the sanity checks on the full table.
    w.call(table.slice(0, WARM_UP_ROWS))
    w.polars(df.head(WARM_UP_ROWS))
    out = w.call(table)
    if out.num_rows != n:
        sys.exit(f"{w.key}: rakt returned {out.num_rows} rows for {n}")
    errors = out.column("error")
    error_count = n - errors.null_count
    examples: list[str] = []
    if error_count:
        for e in errors.to_pylist():
            if e and e not in examples:
                examples.append(e)
                if len(examples) == 3:
                    break
        log(f"  rakt: {error_count:,} error rows, e.g. {examples}")

    seconds: dict[str, float] = {}
    log(f"  {w.key}: pure-Python loop...")
    seconds["Python per-row loop"], loop_out = best_of(repeat, lambda: w.loop(rows))
    log(f"  {w.key}: polars...")
    seconds["polars expressions"], polars_out = best_of(repeat, lambda: w.polars(df))
    a, b = w.loop_summary(loop_out), w.polars_summary(polars_out)
    if a != b:
        sys.exit(f"{w.key}: the loop and polars references disagree:\n  loop   {a}\n  polars {b}")
    del polars_out
    agreement = None
    if w.agree is not None:
        same, what = w.agree(rows, loop_out, out)
        agreement = f"reference == rakt on `{what}` for {same:,} of {n:,} rows ({same / n:.2%})"
    del loop_out, rows
    for path, kw in w.paths:
        log(f"  {w.key}: {path}...")
        seconds[path], got = best_of(repeat, lambda: w.call(table, **kw))
        if got.num_rows != n:
            sys.exit(f"{w.key}: {path} returned {got.num_rows} rows for {n}")
        if "explain" not in kw and not got.equals(out):
            sys.exit(f"{w.key}: {path} output differs from the first parallel=True output")
        del got
    return Result(w.label, n, seconds, error_count, examples, agreement)


def ratio(base: float, s: float) -> str:
    return f"{base / s:,.2f}×"


def report(results: list[Result], repeat: int) -> str:
    lines = [
        "| Workload | Path | Rows | Seconds (best of "
        f"{repeat}) | Rows/s | × vs loop | × vs polars |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes: list[str] = []
    for r in results:
        loop_s = r.seconds["Python per-row loop"]
        polars_s = r.seconds["polars expressions"]
        for path, s in r.seconds.items():
            lines.append(f"| {r.label} | {path} | {r.rows:,} | {s:.3f} | {r.rows / s:,.0f} | "
                         f"{ratio(loop_s, s)} | {ratio(polars_s, s)} |")
        err = f"{r.errors:,} rakt error rows"
        if r.error_examples:
            err += " (e.g. " + "; ".join(f"`{e}`" for e in r.error_examples) + ")"
        notes.append(f"- {r.label}: {err}" + (f"; {r.agreement}" if r.agreement else "") + ".")
    return "\n".join(lines + [""] + notes)


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"pyarrow {pa.__version__}, polars {pl.__version__}, load average at the end "
            f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--rows", type=int, default=200_000, help="rows per workload")
    p.add_argument("--repeat", type=int, default=3, help="runs of every path (best is reported)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--only", help="comma-separated workloads: anc,donors,pairs,units,vitals,births")
    p.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = p.parse_args()
    if args.rows < 1 or args.repeat < 1:
        p.error("--rows and --repeat must be at least 1")
    chosen = workloads()
    if args.only:
        keys = [k.strip() for k in args.only.split(",") if k.strip()]
        unknown = sorted(set(keys) - {w.key for w in chosen})
        if unknown:
            p.error(f"unknown workload(s): {', '.join(unknown)}")
        chosen = [w for w in chosen if w.key in keys]

    results = [run(w, args.rows, args.seed + i, args.repeat) for i, w in enumerate(chosen)]
    text = "\n".join([
        f"Run {dt.datetime.now().isoformat(timespec='minutes')}: {machine()}.",
        f"Every path: best of {args.repeat} runs on the same data; the references are "
        "throughput anchors (a handful of rules, india thresholds), not clinical truth.",
        "",
        report(results, args.repeat),
    ])
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n")


if __name__ == "__main__":
    main()
