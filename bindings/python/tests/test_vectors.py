"""Conformance vectors through the public Python API.

Runs every case of every ``*.json`` file in ``<repo>/tests/vectors/`` and in the directory
named by ``$RAKT_EXTRA_VECTORS`` (when set), one pytest case per vector case, with the case
``id`` as the pytest id. The format is documented in ``tests/vectors/README.md``; the Rust
runner (``crates/rakt/tests/vectors.rs``) and the Kotlin runner execute the same files.

Only ``rakt``'s public names are used: a case passes here exactly when a Python user calling
the same functions with the same values would get the expected answer.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Optional, Union

import pytest

import rakt

REPO = Path(__file__).resolve().parents[3]
VECTOR_DIR = REPO / "tests" / "vectors"
EXTRA_ENV = "RAKT_EXTRA_VECTORS"

Json = Any
Event = Union[rakt.Irradiated, rakt.Washed, rakt.Opened, rakt.Thawed]

ERROR_KEYS = {"error", "error_path", "error_code", "error_field", "error_contains"}
EXPECT_KEYS: dict[str, set[str]] = {
    "parse_blood_group": {"display", "notation", "abo", "rhd", "a_subgroup", "weak_d"},
    "compatibility": {"compatible", "rank", "emergency", "codes", "codes_include", "facts"},
    "donor_preference": {"groups", "ranks"},
    "expiry": {"expires_at", "expired", "within", "codes", "modifications"},
    "pool_expiry": {"expires_at", "expired", "within", "codes", "modifications"},
    "policy_load": {"name", "values", "confidence"},
}


@dataclass(frozen=True)
class Case:
    """One vector case, with where it came from."""

    id: str
    op: str
    input: dict[str, Json]
    expect: dict[str, Json]
    file: Path
    duplicate_of: Optional[Path]


def vector_files() -> list[Path]:
    """The vector files: the repository's, then the extra directory's, each sorted by name."""
    files: list[Path] = []
    if VECTOR_DIR.is_dir():
        files.extend(sorted(VECTOR_DIR.glob("*.json")))
    extra = os.environ.get(EXTRA_ENV)
    if extra:
        extra_dir = Path(extra)
        if not extra_dir.is_dir():
            raise FileNotFoundError(f"${EXTRA_ENV} is {extra!r}, which is not a directory")
        files.extend(sorted(extra_dir.glob("*.json")))
    return files


def load_cases(files: list[Path]) -> list[Case]:
    """Every case of every file; a repeated id is kept and marked as a duplicate."""
    cases: list[Case] = []
    first_seen: dict[str, Path] = {}
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for raw in doc["cases"]:
            case_id = str(raw["id"])
            cases.append(
                Case(
                    id=case_id,
                    op=str(raw["op"]),
                    input=dict(raw.get("input", {})),
                    expect=dict(raw.get("expect", {})),
                    file=path,
                    duplicate_of=first_seen.get(case_id),
                )
            )
            first_seen.setdefault(case_id, path)
    return cases


FILES = vector_files()
CASES = load_cases(FILES)


# ---- helpers ---------------------------------------------------------------------------------


def timestamp(text: Json) -> datetime:
    return rakt.parse_timestamp(str(text))


def policy_of(input: dict[str, Json]) -> Optional[rakt.Policy]:
    """``None`` (the default, india) when absent; a built-in by name; or a policy document."""
    doc = input.get("policy")
    if doc is None:
        return None
    if isinstance(doc, str):
        return rakt.Policy.builtin(doc)
    return rakt.Policy.from_json(json.dumps(doc))


def recipient_of(doc: dict[str, Json]) -> rakt.Recipient:
    return rakt.Recipient(
        group=doc.get("group"),
        sex=doc.get("sex"),
        age_years=doc.get("age_years"),
        anti_d=bool(doc.get("anti_d", False)),
        chronically_transfused=bool(doc.get("chronically_transfused", False)),
    )


def product_of(doc: dict[str, Json]) -> rakt.Product:
    return rakt.Product(
        doc["component"],
        preservative=doc.get("preservative"),
        platelet_source=doc.get("platelet_source"),
        modifications=doc.get("modifications") or (),
    )


def event_of(doc: dict[str, Json]) -> Event:
    at = timestamp(doc["at"])
    kind = doc["kind"]
    if kind == "irradiated":
        return rakt.Irradiated(at)
    if kind == "washed":
        return rakt.Washed(at)
    if kind == "opened":
        return rakt.Opened(at)
    if kind == "thawed":
        return rakt.Thawed(at, doc["storage"])
    raise AssertionError(f"unknown event kind {kind!r}")


def unit_expiry(unit: dict[str, Json], policy: Optional[rakt.Policy]) -> rakt.Expiry:
    """The base expiry, then each event in order."""
    e = rakt.expiry(product_of(unit["product"]), timestamp(unit["collected_at"]), policy)
    for event in unit.get("events") or []:
        e = e.redate(event_of(event), policy)
    return e


def same_time(what: str, got: datetime, want: Json) -> None:
    """Same instant and same UTC offset."""
    expected = timestamp(want)
    assert got == expected and got.utcoffset() == expected.utcoffset(), (
        f"{what}: got {got.isoformat()}, want {want}"
    )


def lookup(doc: Json, path: str) -> Json:
    """A value of an exported policy by dotted path, split on every dot (as the Rust runner
    does); a missing key is ``None``, like JSON null."""
    node = doc
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node


def check_error(err: rakt.RaktError, expect: dict[str, Json]) -> None:
    kind = expect.get("error")
    if kind is None:
        raise err
    assert type(err).__name__ == kind and err.kind == kind, f"error: got {err!r}, want {kind}"
    assert isinstance(err, getattr(rakt, kind))
    if "error_path" in expect:
        assert getattr(err, "path", None) == expect["error_path"], f"error_path of {err!r}"
    if "error_code" in expect:
        assert getattr(err, "code", None) == expect["error_code"], f"error_code of {err!r}"
    if "error_field" in expect:
        assert getattr(err, "field", None) == expect["error_field"], f"error_field of {err!r}"
    if "error_contains" in expect:
        assert expect["error_contains"] in str(err), f"{str(err)!r} lacks {expect['error_contains']!r}"


# ---- operations ------------------------------------------------------------------------------


def op_parse_blood_group(input: dict[str, Json], expect: dict[str, Json]) -> None:
    g = rakt.BloodGroup.parse(input["text"])
    got: dict[str, Json] = {
        "display": str(g),
        "notation": g.notation,
        "abo": g.abo.code,
        "rhd": g.rhd.code if g.rhd is not None else None,
        "a_subgroup": g.a_subgroup.code if g.a_subgroup is not None else None,
        "weak_d": g.weak_d,
    }
    for key, want in expect.items():
        if key in got:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_compatibility(input: dict[str, Json], expect: dict[str, Json]) -> None:
    v = rakt.compatibility(
        input["component"],
        input["donor"],
        recipient_of(input["recipient"]),
        policy_of(input),
    )
    if "compatible" in expect:
        assert v.compatible == expect["compatible"], f"compatible: {v!r}"
    if "rank" in expect:
        assert v.rank.code == expect["rank"], f"rank: {v!r}"
    if "emergency" in expect:
        assert v.emergency == expect["emergency"], f"emergency: {v!r}"
    if "codes" in expect:
        assert v.codes == expect["codes"]
    for code in expect.get("codes_include", []):
        assert code in v.codes, f"codes {v.codes} lack {code}"
    for code, facts in expect.get("facts", {}).items():
        reason = next((r for r in v.reasons if r.code == code), None)
        assert reason is not None, f"no reason {code} in {v.codes}"
        for name, value in facts.items():
            assert reason.facts.get(name) == value, f"{code}.facts.{name}: {reason.facts}"


def op_donor_preference(input: dict[str, Json], expect: dict[str, Json]) -> None:
    options = rakt.donor_preference(
        input["component"], recipient_of(input["recipient"]), policy_of(input)
    )
    if "groups" in expect:
        assert [str(o.group) for o in options] == expect["groups"]
    if "ranks" in expect:
        assert [o.rank.code for o in options] == expect["ranks"]


def check_expiry(e: rakt.Expiry, input: dict[str, Json], expect: dict[str, Json]) -> None:
    if "expires_at" in expect:
        same_time("expires_at", e.expires_at, expect["expires_at"])
    if "codes" in expect:
        assert e.codes == expect["codes"]
    if "modifications" in expect:
        assert [m.code for m in e.product.modifications] == expect["modifications"]
    if "expired" in expect:
        assert e.is_expired(timestamp(input["as_of"])) == expect["expired"]
    if "within" in expect:
        within = timedelta(minutes=int(input["within_minutes"]))
        assert e.expires_within(within, timestamp(input["as_of"])) == expect["within"]


def op_expiry(input: dict[str, Json], expect: dict[str, Json]) -> None:
    e = unit_expiry(input, policy_of(input))
    check_expiry(e, input, expect)


def op_pool_expiry(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    units = [unit_expiry(u, policy) for u in input["units"]]
    e = rakt.pool(units, timestamp(input["pooled_at"]), policy)
    check_expiry(e, input, expect)


def op_policy_load(input: dict[str, Json], expect: dict[str, Json]) -> None:
    fmt = input["format"]
    if fmt == "json":
        p = rakt.Policy.from_json(input["text"])
    elif fmt == "toml":
        p = rakt.Policy.from_toml(input["text"])
    else:
        raise AssertionError(f"unknown format {fmt!r}")
    if "name" in expect:
        assert p.name == expect["name"]
    exported = json.loads(p.to_json())
    for path, want in expect.get("values", {}).items():
        assert lookup(exported, path) == want, f"value of {path}"
    for path, want in expect.get("confidence", {}).items():
        source = p.source(path)
        got = source.confidence.code if source is not None else None
        assert got == want, f"confidence of {path}"


OPS: dict[str, Callable[[dict[str, Json], dict[str, Json]], None]] = {
    "parse_blood_group": op_parse_blood_group,
    "compatibility": op_compatibility,
    "donor_preference": op_donor_preference,
    "expiry": op_expiry,
    "pool_expiry": op_pool_expiry,
    "policy_load": op_policy_load,
}


def run_case(case: Case) -> None:
    assert case.duplicate_of is None, (
        f"duplicate id {case.id!r} in {case.file} (first in {case.duplicate_of})"
    )
    op = OPS.get(case.op)
    assert op is not None, f"unknown op {case.op!r}"
    unknown = set(case.expect) - EXPECT_KEYS[case.op] - ERROR_KEYS
    assert not unknown, f"unknown expect keys {sorted(unknown)} for op {case.op}"
    try:
        op(case.input, case.expect)
    except rakt.RaktError as err:
        check_error(err, case.expect)
    else:
        assert "error" not in case.expect, f"expected {case.expect['error']}, got success"


# ---- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_vector(case: Case) -> None:
    run_case(case)


def test_vector_files_found() -> None:
    if not VECTOR_DIR.is_dir():
        pytest.skip(f"no vector directory at {VECTOR_DIR} (not a source checkout)")
    assert FILES, f"no *.json vector files in {VECTOR_DIR}"


def test_vector_ids_are_unique() -> None:
    duplicates = [f"{c.id} ({c.file}, first in {c.duplicate_of})" for c in CASES if c.duplicate_of]
    assert not duplicates, "duplicate vector ids: " + "; ".join(duplicates)


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    case = {"id": "dup", "op": "parse_blood_group", "input": {"text": "O+"}, "expect": {}}
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps({"description": "", "cases": [case]}))
    first, second = load_cases(sorted(tmp_path.glob("*.json")))
    run_case(first)
    assert second.duplicate_of == tmp_path / "a.json"
    with pytest.raises(AssertionError, match="duplicate id 'dup'"):
        run_case(second)


def test_unknown_expectations_and_wrong_answers_fail() -> None:
    def case(expect: dict[str, Json]) -> Case:
        return Case("c", "parse_blood_group", {"text": "O+"}, expect, Path("x.json"), None)

    with pytest.raises(AssertionError, match="unknown expect keys"):
        run_case(case({"dispaly": "O+"}))
    with pytest.raises(AssertionError):
        run_case(case({"display": "O-"}))
    with pytest.raises(AssertionError, match="got success"):
        run_case(case({"error": "InvalidBloodGroup"}))
