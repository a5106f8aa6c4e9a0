"""Scale benchmark of issue 7: one million ANC records and one million donor checks.

How to run (from the repository root, with the rakt wheel installed in .venv):

    .venv/bin/python bench/python/scale.py                  # 1,000,000 rows, files in /tmp/rakt-scale
    .venv/bin/python bench/python/scale.py --rows 20000     # a quick run
    .venv/bin/python bench/python/scale.py --out DIR --repeat 3 --markdown result.md

It generates a seeded, realistic ANC table and donor table (a few percent of rows are bad and
get an error, the same on every path), writes them as JSON lines for the Rust side, builds and
runs the native timing program (`cargo run --release -p rakt --example scale`,
crates/rakt/examples/scale.rs) and then times, in this process:

- the batch calls `rakt.assess_pregnancies` / `rakt.assess_donors` over a pyarrow Table, with
  parallel=True (the default) and parallel=False;
- a pure-Python loop over the rows calling `rakt.assess_pregnancy(rakt.AncRecord(...), as_of)`
  and `rakt.assess_donor(rakt.Donor(...), rakt.DonorChecks(...), kind, as_of)`, building the
  objects from the row values inside the timed loop; then, separately, the construction alone
  and the calls alone over objects built beforehand.

Before timing anything it checks that the batch output has one row per input row, that the batch
verdicts equal the per-record verdicts on the first 1000 rows, and after timing that the batch
verdict counts equal the native Rust counts over all rows. It prints a markdown table.

Type-checks with `mypy --strict bench/python/scale.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

import rakt

ROOT = Path(__file__).resolve().parents[2]
ANC_AS_OF = dt.date(2026, 10, 1)
DONOR_AS_OF = dt.date(2026, 6, 1)
DEFAULT_KIND = "whole_blood_450"
CHECKED_ROWS = 1000

# ---- data ----------------------------------------------------------------------------------

ANC_COLUMNS = ("id", "age_years", "parity", "hb_g_dl", "bp_systolic", "bp_diastolic", "lmp",
               "blood_group", "presentation", "conditions", "vaginal_bleeding", "fetuses")

# Rough Indian ABO/RhD frequencies.
GROUPS = ["B+", "O+", "A+", "AB+", "B-", "O-", "A-", "AB-"]
GROUP_WEIGHTS = [32.0, 29.0, 21.0, 8.0, 3.0, 3.0, 2.5, 1.5]
ANC_CONDITIONS: list[list[str]] = (
    [[]] * 85 + [["previous_pph"]] * 3 + [["chronic_hypertension"]] * 2 + [["diabetes"]] * 2
    + [["heart_disease"]] + [["placenta_praevia"]] + [["bad_obstetric_history"]] * 2
    + [["sickle_cell_disease"]] + [["asthma"]] * 2 + [["previous_pph", "large_fibroids"]]
)


def anc_rows(n: int, seed: int) -> dict[str, list[Any]]:
    """ANC visits: mostly plausible, ~1.5% with an implausible value that the rules refuse."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {k: [] for k in ANC_COLUMNS}

    def maybe(v: Any, p: float) -> Any:
        return None if rng.random() < p else v

    for i in range(n):
        bad = rng.random()
        age = min(max(int(rng.gauss(25.0, 5.0)), 15), 46)
        cols["id"].append(f"M{i:07d}")
        cols["age_years"].append(maybe(75 if bad < 0.005 else age, 0.03))
        cols["parity"].append(maybe(rng.choices([0, 1, 2, 3, 4, 5], [38, 32, 16, 8, 4, 2])[0], 0.05))
        hb = round(min(max(rng.gauss(11.0, 1.4), 5.0), 15.5), 1)
        cols["hb_g_dl"].append(maybe(hb, 0.1))
        if rng.random() < 0.05:
            s, d = None, None
        else:
            s = int(min(max(rng.gauss(116.0, 13.0), 85.0), 185.0))
            d = int(min(max(rng.gauss(74.0, 9.0), 50.0), 125.0))
            d = min(d, s - 20)
            if 0.005 <= bad < 0.01:
                d = s + 5  # diastolic above systolic: refused
        cols["bp_systolic"].append(s)
        cols["bp_diastolic"].append(d)
        days = -rng.randint(1, 30) if 0.01 <= bad < 0.015 else rng.randint(42, 290)
        cols["lmp"].append(maybe(ANC_AS_OF - dt.timedelta(days=days), 0.08))
        cols["blood_group"].append(maybe(rng.choices(GROUPS, GROUP_WEIGHTS)[0], 0.1))
        presentation = (
            rng.choices(["cephalic", "breech", "transverse_or_oblique"], [93, 5, 2])[0]
            if days > 200 else None
        )
        cols["presentation"].append(presentation)
        cols["conditions"].append(rng.choice(ANC_CONDITIONS))
        cols["vaginal_bleeding"].append(rng.random() < 0.01)
        cols["fetuses"].append(maybe(2 if rng.random() < 0.015 else 1, 0.1))
    return cols


def anc_table(cols: dict[str, list[Any]]) -> pa.Table:
    return pa.table(cols, schema=pa.schema([
        ("id", pa.string()), ("age_years", pa.int64()), ("parity", pa.int64()),
        ("hb_g_dl", pa.float64()), ("bp_systolic", pa.int64()), ("bp_diastolic", pa.int64()),
        ("lmp", pa.date32()), ("blood_group", pa.string()), ("presentation", pa.string()),
        ("conditions", pa.list_(pa.string())), ("vaginal_bleeding", pa.bool_()),
        ("fetuses", pa.int64()),
    ]))


def anc_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    """The AncRecord keyword arguments of one row (in ANC_COLUMNS order), as an analyst writes
    them: nulls left out, floats as Decimal(repr(x)), the pressure as a pair."""
    (rid, age, parity, hb, s, d, lmp, group, presentation, conditions, bleeding, fetuses) = row
    f: dict[str, Any] = {"id": rid, "conditions": conditions, "vaginal_bleeding": bleeding}
    if age is not None:
        f["age_years"] = age
    if parity is not None:
        f["parity"] = parity
    if hb is not None:
        f["hb_g_dl"] = Decimal(repr(hb))
    if s is not None and d is not None:
        f["bp"] = (s, d)
    if lmp is not None:
        f["lmp"] = lmp
    if group is not None:
        f["blood_group"] = group
    if presentation is not None:
        f["presentation"] = presentation
    if fetuses is not None:
        f["fetuses"] = fetuses
    return f


def anc_json(f: dict[str, Any]) -> str:
    """The same record as a rakt::maternal::AncRecord JSON line."""
    out = dict(f)
    if "hb_g_dl" in out:
        out["hb_g_dl"] = str(out["hb_g_dl"])
    if "bp" in out:
        out["bp"] = {"systolic": out["bp"][0], "diastolic": out["bp"][1]}
    if "lmp" in out:
        out["lmp"] = out["lmp"].isoformat()
    return json.dumps(out, separators=(",", ":"))


DONOR_COLUMNS = ("id", "date_of_birth", "sex", "previous_donation_dates",
                 "previous_donation_kinds", "deferral_event_kinds", "deferral_event_dates",
                 "deferral_event_markers", "conditions", "weight_kg", "hb_g_dl", "systolic_mmhg",
                 "diastolic_mmhg", "pulse_bpm", "temperature_c", "states", "kind")
DONOR_CONDITIONS: list[list[str]] = [[]] * 190 + [["asthma"]] * 4 + [["epilepsy"]] + [
    ["hepatitis_b"]] + [["insulin_treated_diabetes"]] + [["heart_disease"]]
EVENTS: list[tuple[str, str]] = [("tattoo", ""), ("surgery_minor", ""), ("malaria", ""),
                                 ("dengue", ""), ("vaccine_killed", ""), ("tooth_extraction", ""),
                                 ("tti_reactive", "hbsag"), ("tti_reactive", "hiv")]


def donor_rows(n: int, seed: int) -> dict[str, list[Any]]:
    """Donor visits: mostly eligible, some deferred, ~1.5% bad (a reactive result without its
    marker, a donation dated after the visit, a negative weight)."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {k: [] for k in DONOR_COLUMNS}
    for i in range(n):
        bad = rng.random()
        cols["id"].append(f"D{i:07d}")
        age_days = int(rng.uniform(17.8, 62.0) * 365.25)
        cols["date_of_birth"].append(DONOR_AS_OF - dt.timedelta(days=age_days))
        sex = rng.choices(["male", "female", "other"], [82, 17.5, 0.5])[0]
        cols["sex"].append(sex)
        k = rng.choices([0, 1, 2, 3, 4], [45, 25, 15, 10, 5])[0]
        dates = sorted((DONOR_AS_OF - dt.timedelta(days=rng.randint(20, 1500)) for _ in range(k)),
                       reverse=True)
        if k and 0.005 <= bad < 0.01:
            dates[0] = DONOR_AS_OF + dt.timedelta(days=3)  # after the visit: refused
        kinds = rng.choices(["whole_blood_450", "whole_blood_350", "plateletpheresis"],
                            [75, 20, 5], k=k)
        cols["previous_donation_dates"].append(dates)
        cols["previous_donation_kinds"].append(kinds)
        events: list[tuple[str, str]] = []
        if rng.random() < 0.06:
            events.append(rng.choice(EVENTS))
        if bad < 0.005:
            events.append(("tti_reactive", ""))  # no marker: refused
        cols["deferral_event_kinds"].append([e[0] for e in events])
        cols["deferral_event_dates"].append(
            [DONOR_AS_OF - dt.timedelta(days=rng.randint(5, 900)) for _ in events])
        cols["deferral_event_markers"].append([e[1] for e in events])
        cols["conditions"].append(rng.choice(DONOR_CONDITIONS))
        weight = round(min(max(rng.gauss(68.0 if sex == "male" else 57.0, 10.0), 40.0), 130.0), 1)
        cols["weight_kg"].append(-weight if 0.01 <= bad < 0.015 else weight)
        hb = rng.gauss(14.3 if sex == "male" else 12.9, 1.1)
        cols["hb_g_dl"].append(round(min(max(hb, 8.0), 18.5), 1))
        s = int(min(max(rng.gauss(122.0, 12.0), 92.0), 175.0))
        cols["systolic_mmhg"].append(s)
        cols["diastolic_mmhg"].append(min(int(min(max(rng.gauss(79.0, 8.0), 55.0), 110.0)), s - 25))
        cols["pulse_bpm"].append(int(min(max(rng.gauss(76.0, 9.0), 48.0), 115.0)))
        cols["temperature_c"].append(round(rng.choice([36.4, 36.5, 36.6, 36.7, 36.8, 36.9, 37.0])
                                           + (0.8 if rng.random() < 0.01 else 0.0), 1))
        states: list[str] = []
        if sex == "female":
            states = rng.choices([[], ["menstruating"], ["breastfeeding"], ["pregnant"]],
                                 [90, 6, 3, 1])[0]
        cols["states"].append(states)
        cols["kind"].append(rng.choices([None, "whole_blood_350", "plateletpheresis"], [85, 10, 5])[0])
    return cols


def donor_table(cols: dict[str, list[Any]]) -> pa.Table:
    return pa.table(cols, schema=pa.schema([
        ("id", pa.string()), ("date_of_birth", pa.date32()), ("sex", pa.string()),
        ("previous_donation_dates", pa.list_(pa.date32())),
        ("previous_donation_kinds", pa.list_(pa.string())),
        ("deferral_event_kinds", pa.list_(pa.string())),
        ("deferral_event_dates", pa.list_(pa.date32())),
        ("deferral_event_markers", pa.list_(pa.string())),
        ("conditions", pa.list_(pa.string())),
        ("weight_kg", pa.float64()), ("hb_g_dl", pa.float64()),
        ("systolic_mmhg", pa.int64()), ("diastolic_mmhg", pa.int64()), ("pulse_bpm", pa.int64()),
        ("temperature_c", pa.float64()), ("states", pa.list_(pa.string())), ("kind", pa.string()),
    ]))


def donor_objects(row: tuple[Any, ...]) -> tuple[rakt.Donor, rakt.DonorChecks, str]:
    """The per-record objects of one row (in DONOR_COLUMNS order), as an analyst builds them."""
    (rid, dob, sex, pd_dates, pd_kinds, ev_kinds, ev_dates, ev_markers, conditions, weight, hb,
     systolic, diastolic, pulse, temperature, states, kind) = row
    donor = rakt.Donor(
        dob, sex,
        previous_donations=[rakt.PreviousDonation(d, k) for d, k in zip(pd_dates, pd_kinds)],
        deferral_events=[rakt.DeferralEvent(k, d, m or None)
                         for k, d, m in zip(ev_kinds, ev_dates, ev_markers)],
        conditions=conditions, id=rid)
    checks = rakt.DonorChecks(Decimal(repr(weight)), Decimal(repr(hb)), systolic, diastolic,
                              pulse, Decimal(repr(temperature)), states=states)
    return donor, checks, kind or DEFAULT_KIND


def donor_json(row: tuple[Any, ...]) -> str:
    """The same visit as the JSON line crates/rakt/examples/scale.rs reads (rakt::Donor,
    rakt::DonorChecks and the donation kind)."""
    (rid, dob, sex, pd_dates, pd_kinds, ev_kinds, ev_dates, ev_markers, conditions, weight, hb,
     systolic, diastolic, pulse, temperature, states, kind) = row
    events = []
    for k, d, m in zip(ev_kinds, ev_dates, ev_markers):
        e = {"kind": k, "date": d.isoformat()}
        if m:
            e["marker"] = m
        events.append(e)
    return json.dumps({
        "donor": {
            "id": rid, "date_of_birth": dob.isoformat(), "sex": sex,
            "previous_donations": [{"date": d.isoformat(), "kind": k}
                                   for d, k in zip(pd_dates, pd_kinds)],
            "deferral_events": events, "conditions": conditions,
        },
        "checks": {
            "weight_kg": repr(weight), "hb_g_dl": repr(hb), "systolic_mmhg": systolic,
            "diastolic_mmhg": diastolic, "pulse_bpm": pulse, "temperature_c": repr(temperature),
            "states": states,
        },
        "kind": kind or DEFAULT_KIND,
    }, separators=(",", ":"))


# ---- per-record verdicts, in the shape of the batch output ---------------------------------

def anc_verdict(a: rakt.PregnancyAssessment) -> dict[str, Any]:
    return {"id": a.id, "risk_level": a.risk_level, "flags": a.codes,
            "referral_level": a.referral.level, "error": None}


def donor_verdict(rid: Any, a: rakt.DonorAssessment) -> dict[str, Any]:
    return {"id": rid, "kind": a.kind.code, "eligible": a.eligible, "permanent": a.permanent,
            "deferred_until": a.deferred_until, "referred": a.referred,
            "next_eligible": a.next_eligible, "reasons": a.codes, "error": None}


def batch_verdicts(out: pa.Table, keys: list[str]) -> list[dict[str, Any]]:
    rows = out.select(keys).to_pylist()
    return [{"id": r["id"], "error": r["error"]} if r["error"] else r for r in rows]


def spot_check(name: str, want: list[dict[str, Any]], out: pa.Table) -> None:
    keys = list(dict.fromkeys(k for w in want for k in w))  # every key, in first-seen order
    got = batch_verdicts(out.slice(0, len(want)), keys)
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            sys.exit(f"{name}: batch row {i} differs from the per-record verdict:\n{g}\n{w}")
    print(f"  {name}: batch == per-record on the first {len(want)} rows", file=sys.stderr)


# ---- timing --------------------------------------------------------------------------------

def timed(repeat: int, f: Callable[[], Any]) -> tuple[float, list[float], Any]:
    """The median seconds of `repeat` runs of f, every run's seconds, and the last result."""
    runs: list[float] = []
    result: Any = None
    for _ in range(repeat):
        result = None  # free the previous output before the next run
        start = time.perf_counter()
        result = f()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs, result


def loop_anc(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The analyst's loop: build the record from the row values, assess, keep the verdict."""
    out: list[dict[str, Any]] = []
    for row in rows:
        try:
            a = rakt.assess_pregnancy(rakt.AncRecord(**anc_fields(row)), ANC_AS_OF)
        except rakt.RaktError as e:
            out.append({"id": row[0], "error": str(e)})
            continue
        out.append(anc_verdict(a))
    return out


def loop_donors(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in rows:
        try:
            donor, checks, kind = donor_objects(row)
            a = rakt.assess_donor(donor, checks, kind, DONOR_AS_OF)
        except rakt.RaktError as e:
            out.append({"id": row[0], "error": str(e)})
            continue
        out.append(donor_verdict(row[0], a))
    return out


def column_rows(table: pa.Table, names: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The table's rows as tuples of Python values (what an analyst iterates over)."""
    return list(zip(*(table.column(n).to_pylist() for n in names)))


def run_native(out_dir: Path, repeat: int) -> dict[str, Any]:
    print("building and running the native timing program (cargo run --release)...",
          file=sys.stderr)
    cmd = ["cargo", "run", "--release", "-q", "-p", "rakt", "--example", "scale", "--",
           str(out_dir / "anc.jsonl"), str(out_dir / "donors.jsonl"), ANC_AS_OF.isoformat(),
           DONOR_AS_OF.isoformat(), str(repeat)]
    done = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def bench(name: str, table: pa.Table, rows: list[tuple[Any, ...]], batch: Callable[..., Any],
          loop: Callable[[list[tuple[Any, ...]]], list[dict[str, Any]]],
          build: Callable[[tuple[Any, ...]], Any], call: Callable[[Any], Any],
          repeat: int) -> tuple[dict[str, Any], pa.Table]:
    """Checks, then times the batch call (parallel and serial) and the per-row loop."""
    n = table.num_rows
    batch(table.slice(0, min(n, 20_000)))  # warm-up: the worker pool, caches
    checked = loop(rows[:CHECKED_ROWS])
    out = batch(table)
    if out.num_rows != n:
        sys.exit(f"{name}: the batch returned {out.num_rows} rows for {n}")
    spot_check(name, checked, out)
    del checked
    t: dict[str, Any] = {}
    print(f"  {name}: batch, parallel=True...", file=sys.stderr)
    t["batch_parallel"], t["batch_parallel_runs"], out = timed(repeat, lambda: batch(table))
    print(f"  {name}: batch, parallel=False...", file=sys.stderr)
    t["batch_serial"], t["batch_serial_runs"], serial = timed(
        repeat, lambda: batch(table, parallel=False))
    if not serial.equals(out):
        sys.exit(f"{name}: parallel and serial batch outputs differ")
    del serial
    print(f"  {name}: per-row loop (build + assess)...", file=sys.stderr)
    t["loop"], _, verdicts = timed(1, lambda: loop(rows))
    if len(verdicts) != n:
        sys.exit(f"{name}: the loop gave {len(verdicts)} verdicts for {n} rows")
    del verdicts
    print(f"  {name}: per-row construction alone, then calls alone...", file=sys.stderr)
    t["loop_build"], _, objects = timed(1, lambda: [build(r) for r in rows])
    t["loop_call"], _, _ = timed(1, lambda: [call(o) for o in objects])
    del objects
    return t, out


def anc_call(record: rakt.AncRecord) -> Any:
    try:
        return rakt.assess_pregnancy(record, ANC_AS_OF)
    except rakt.RaktError as e:
        return e


def donor_call(objects: tuple[rakt.Donor, rakt.DonorChecks, str]) -> Any:
    try:
        return rakt.assess_donor(objects[0], objects[1], objects[2], DONOR_AS_OF)
    except rakt.RaktError as e:
        return e


def value_counts(column: Any) -> dict[str, int]:
    counts = pc.value_counts(pc.drop_null(column)).to_pylist()
    return {str(c["values"]): int(c["counts"]) for c in counts}


def cross_check_anc(out: pa.Table, native: dict[str, Any]) -> None:
    counts = native["counts"]
    mine = {
        "errors": out.num_rows - out.column("error").null_count,
        "risk_levels": value_counts(out.column("risk_level")),
        "flags": int(pc.sum(pc.list_value_length(out.column("flags"))).as_py() or 0),
    }
    if mine != counts:
        sys.exit(f"ANC: batch counts {mine} differ from native Rust counts {counts}")
    print(f"  ANC: batch counts == native Rust counts {counts}", file=sys.stderr)


def cross_check_donors(out: pa.Table, native: dict[str, Any]) -> None:
    counts = native["counts"]

    def trues(name: str) -> int:
        return int(pc.sum(pc.cast(pc.fill_null(out.column(name), False), pa.int64())).as_py())

    mine = {
        "errors": out.num_rows - out.column("error").null_count,
        "eligible": trues("eligible"), "permanent": trues("permanent"),
        "referred": trues("referred"),
        "reasons": int(pc.sum(pc.list_value_length(out.column("reasons"))).as_py() or 0),
    }
    if mine != counts:
        sys.exit(f"donors: batch counts {mine} differ from native Rust counts {counts}")
    print(f"  donors: batch counts == native Rust counts {counts}", file=sys.stderr)


# ---- report --------------------------------------------------------------------------------

def report(n: int, results: dict[str, dict[str, Any]], native: dict[str, Any]) -> str:
    lines = [
        "| Workload | Path | Rows | Seconds | Records/s | × native Rust (1 thread) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    ratios: list[str] = []
    for key, label in (("anc", "ANC → `assess_pregnancy`"), ("donors", "donors → `assess_donor`")):
        t = results[key]
        nt = native[key]["timing"]
        rust1, rust2 = nt["serial_s"], nt["threads2_s"]
        rows = [
            ("native Rust, 1 thread (records in memory)", rust1),
            ("native Rust, 2 std threads", rust2),
            ("Python batch, parallel=True (default)", t["batch_parallel"]),
            ("Python batch, parallel=False", t["batch_serial"]),
            ("Python per-row loop (build objects + call)", t["loop"]),
            ("… of which: building the objects alone", t["loop_build"]),
            ("… of which: the calls alone (objects prebuilt)", t["loop_call"]),
        ]
        for path, s in rows:
            lines.append(f"| {label} | {path} | {n:,} | {s:.2f} | {n / s:,.0f} | {s / rust1:.1f}× |")
        drop_s = nt.get("serial_drop_s")
        if isinstance(drop_s, (int, float)):
            ratios.append(f"- {label}: native Rust, dropping the results afterwards (not in the "
                          f"loop time above; the batch call pays for it): {drop_s:.2f} s")
        ratios += [
            f"- {label}: Python batch parallel=True ÷ native Rust 1 thread = "
            f"**{t['batch_parallel'] / rust1:.2f}×**; "
            f"÷ native Rust 2 threads = **{t['batch_parallel'] / rust2:.2f}×**; "
            f"batch parallel=False ÷ native Rust 1 thread = **{t['batch_serial'] / rust1:.2f}×**",
            f"- {label}: per-row loop ÷ Python batch parallel=True = "
            f"**{t['loop'] / t['batch_parallel']:.1f}×**; "
            f"÷ batch parallel=False = **{t['loop'] / t['batch_serial']:.1f}×**",
        ]
    return "\n".join(lines + [""] + ratios)


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"pyarrow {pa.__version__}, load average at the end {load[0]:.2f} / {load[1]:.2f} / "
            f"{load[2]:.2f} (1/5/15 min)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--out", type=Path, default=Path("/tmp/rakt-scale"),
                   help="where the JSON-lines files for the Rust side are written")
    p.add_argument("--repeat", type=int, default=3,
                   help="runs of each batch call and native loop (the median is reported)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = p.parse_args()
    n: int = args.rows
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)

    print(f"generating {n:,} ANC rows and {n:,} donor visits (seed {args.seed})...",
          file=sys.stderr)
    start = time.perf_counter()
    anc = anc_table(anc_rows(n, args.seed))
    anc_tuples = column_rows(anc, ANC_COLUMNS)
    with open(out_dir / "anc.jsonl", "w") as f:
        for row in anc_tuples:
            f.write(anc_json(anc_fields(row)) + "\n")
    donors = donor_table(donor_rows(n, args.seed + 1))
    donor_tuples = column_rows(donors, DONOR_COLUMNS)
    with open(out_dir / "donors.jsonl", "w") as f:
        for row in donor_tuples:
            f.write(donor_json(row) + "\n")
    print(f"  done in {time.perf_counter() - start:.1f} s", file=sys.stderr)

    native = run_native(out_dir, args.repeat)
    for key in ("anc", "donors"):
        if native[key]["timing"]["rows"] != n:
            sys.exit(f"{key}: the native side read {native[key]['timing']['rows']} rows")

    results: dict[str, dict[str, Any]] = {}
    print("ANC:", file=sys.stderr)
    results["anc"], out = bench(
        "ANC", anc, anc_tuples,
        lambda t, **kw: rakt.assess_pregnancies(t, ANC_AS_OF, **kw), loop_anc,
        lambda r: rakt.AncRecord(**anc_fields(r)), anc_call, args.repeat)
    cross_check_anc(out, native["anc"])
    del out, anc, anc_tuples
    print("donors:", file=sys.stderr)
    results["donors"], out = bench(
        "donors", donors, donor_tuples,
        lambda t, **kw: rakt.assess_donors(t, DONOR_AS_OF, DEFAULT_KIND, **kw), loop_donors,
        donor_objects, donor_call, args.repeat)
    cross_check_donors(out, native["donors"])
    del out

    text = "\n".join([
        f"Run {dt.datetime.now().isoformat(timespec='minutes')}: {machine()}.",
        f"Batch calls and native loops: median of {args.repeat} runs; per-row loops: one run.",
        "",
        report(n, results, native),
        "",
        "Raw timings (s): " + json.dumps({"python": results, "native": native}),
    ])
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n")


if __name__ == "__main__":
    main()
