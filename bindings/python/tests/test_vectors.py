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
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar, Union

import pytest

import rakt
from rakt import eraktkosh, fhir, isbt128, kpi, tariff

REPO = Path(__file__).resolve().parents[3]
VECTOR_DIR = REPO / "tests" / "vectors"
EXTRA_ENV = "RAKT_EXTRA_VECTORS"

Json = Any
Event = Union[rakt.Irradiated, rakt.Washed, rakt.Opened, rakt.Thawed]

ERROR_KEYS = {"error", "error_path", "error_code", "error_field", "error_contains", "error_position"}
GROUP_KEYS = {
    "code", "kind", "label_group", "rhd", "intended_use", "donation_type", "pooled_or_subgroup",
    "special_message", "implied_status", "blood_group", "rh_kell", "rh_phenotype", "kell",
    "mia_mur_positive", "see_special_testing", "encoded",
}
DATE_KEYS = {"kind", "structure", "date", "time", "datetime", "encoded"}
EXPECT_KEYS: dict[str, set[str]] = {
    "parse_blood_group": {"display", "notation", "abo", "rhd", "a_subgroup", "weak_d"},
    "compatibility": {"compatible", "rank", "emergency", "codes", "codes_include", "facts"},
    "donor_preference": {"groups", "ranks"},
    "expiry": {"expires_at", "expired", "within", "codes", "modifications"},
    "pool_expiry": {"expires_at", "expired", "within", "codes", "modifications"},
    "policy_load": {"name", "values", "confidence"},
    "assess_donor": {
        "eligible", "permanent", "referred", "deferred_until", "next_eligible", "codes",
        "codes_include", "facts",
    },
    "unit_events": {
        "status", "history_len", "expires_at", "discard_reason", "reservation_patient",
        "modifications", "event_codes", "event_facts", "status_at",
    },
    "release_verdict": {"releasable", "codes", "facts"},
    "unit_hl7": {"code", "status"},
    "handle_reactive": {
        "discarded", "not_discarded", "lookback", "markers", "referral_date",
        "deferral_markers", "donor_id", "discard_reason",
    },
    "split_unit": {"parent_status", "children", "volumes", "child_status", "child_expires_at"},
    "pool_units": {"pool_status", "constituent_status", "volume_ml", "expires_at", "parents"},
    "isbt128_check_character": {"check_character", "type3_flag"},
    "isbt128_parse_din": {
        "din13", "facility", "year", "sequence", "flags", "flag_kind", "check_character",
        "barcode", "eye_readable",
    },
    "eraktkosh_component_from_code": {"code", "name"},
    "eraktkosh_component_product": {"product"},
    "eraktkosh_component_for_product": {"code"},
    "eraktkosh_blood_group_from_code": {"group", "label"},
    "eraktkosh_blood_group_to_code": {"code"},
    "eraktkosh_stock_summary": {"centres"},
    "kpis": {"facilities", "kpis", "components", "component_list", "discard_reasons", "skipped", "targets"},
    "inventory_allocate": {"units", "tiers", "shortfall", "emergency", "unit_codes", "expires_at", "skipped"},
    "inventory_storage_centre_check": {"met", "gaps"},
    "inventory_days_of_stock": {"rows"},
    "inventory_transfer": {"received", "discarded"},
    "tariff_ceiling": {"schedule", "amount"},
    "tariff_validate": {"schedule"},
    "tariff_bill": {"lines", "gross_total", "waived_total", "total"},
    "assess_pregnancy": {"risk_level", "codes", "hypertension", "anaemia", "gdm", "not_assessed", "referral", "blood_plan",
                         "messages"},
    "robson_group": {"group", "missing"},
    "edd_from_lmp": {"edd"},
    "gestational_age": {"weeks", "days", "category"},
    "birth_weight": {"category", "below_hmis_line"},
    "fetal_death": {"class"},
    "newborn_death": {"completed_days", "neonatal", "hmis_bin"},
    "maternal_death_window": {"within"},
    "early_warning": {"triggered", "level", "bands", "reds", "yellows", "score"},
    "shock_index": {"value", "alert", "high"},
    "pph_red_flags": {"codes", "messages"},
    "classify_pph": {"pph", "severity", "major", "massive", "timing"},
    "blood_readiness": {
        "units", "missing", "uncovered", "ready", "required", "emergency", "needed_by", "suggested", "nearby",
        "shortfall",
    },
    "isbt128_decode_blood_group": GROUP_KEYS,
    "isbt128_encode_blood_group": GROUP_KEYS,
    "isbt128_parse_product_code": {
        "description_code", "family", "collection_type", "donation_type", "division", "pack_code",
        "encoded",
    },
    "isbt128_decode_datetime": DATE_KEYS,
    "isbt128_encode_datetime": DATE_KEYS,
    "isbt128_parse_scan": {"structures"},
    "isbt128_label_to_unit": {
        "id", "group", "donation_type", "status", "expires_at", "collected_at", "label",
    },
    "fhir_export": {"resource"},
    "fhir_import": {
        "id", "group", "product", "status", "expires_at", "donation_type", "volume_ml",
        "collected_at", "history_len", "discard_reason", "last_event_codes",
    },
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
    args = (product_of(unit["product"]), timestamp(unit["collected_at"]), policy)
    e = decided_as(lambda: rakt.expiry(*args), lambda: rakt.decide_expiry(*args))
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


def check_facts(reasons: list[rakt.Reason], want: dict[str, Json], where: str) -> None:
    """``{code: {fact: value}}``: the reason with each code carries these facts."""
    codes = [r.code for r in reasons]
    for code, facts in want.items():
        reason = next((r for r in reasons if r.code == code), None)
        assert reason is not None, f"no reason {code} in {codes} ({where})"
        for name, value in facts.items():
            assert reason.facts.get(name) == value, f"{code}.facts.{name}: {reason.facts}"


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
    if "error_position" in expect:
        got_position = getattr(err, "position", None)
        assert got_position == expect["error_position"], f"error_position of {err!r}"
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


T = TypeVar("T")


def decided_as(explain: Callable[[], T], decide: Callable[[], object]) -> T:
    """The explained result, after checking that the decide function gives its ``decision()``
    or refuses the input with the same error."""
    try:
        result = explain()
    except rakt.RaktError as e:
        try:
            decide()
        except rakt.RaktError as d:
            assert (type(d), str(d)) == (type(e), str(e))
        else:
            raise AssertionError(f"the decide function accepted what was refused: {e}") from e
        raise
    assert decide() == result.decision()  # type: ignore[attr-defined]
    return result


def op_compatibility(input: dict[str, Json], expect: dict[str, Json]) -> None:
    args = (input["component"], input["donor"], recipient_of(input["recipient"]), policy_of(input))
    v = decided_as(lambda: rakt.compatibility(*args),
                   lambda: rakt.decide_compatibility(*args))
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


# ---- donors ----------------------------------------------------------------------------------


def day(text: Json) -> date:
    return date.fromisoformat(str(text))


def day_text(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d is not None else None


def decimal_of(value: Json) -> Decimal:
    """Decimals are strings in the vectors (``"12.5"``), to be exact; a JSON integer is exact
    too."""
    assert isinstance(value, (str, int)) and not isinstance(value, bool), f"not a decimal: {value!r}"
    return Decimal(value)


def donor_of(doc: dict[str, Json]) -> rakt.Donor:
    return rakt.Donor(
        day(doc["date_of_birth"]),
        doc["sex"],
        first_time=doc.get("first_time"),
        previous_donations=[
            rakt.PreviousDonation(
                day(p["date"]), p["kind"], red_cells_returned=bool(p.get("red_cells_returned", True))
            )
            for p in doc.get("previous_donations") or []
        ],
        deferral_events=[
            rakt.DeferralEvent(e["kind"], day(e["date"]), marker=e.get("marker"))
            for e in doc.get("deferral_events") or []
        ],
        conditions=doc.get("conditions") or (),
        id=doc.get("id"),
    )


def checks_of(doc: dict[str, Json]) -> rakt.DonorChecks:
    return rakt.DonorChecks(
        decimal_of(doc["weight_kg"]),
        decimal_of(doc["hb_g_dl"]),
        doc["systolic_mmhg"],
        doc["diastolic_mmhg"],
        doc["pulse_bpm"],
        decimal_of(doc["temperature_c"]),
        states=doc.get("states") or (),
    )


def op_assess_donor(input: dict[str, Json], expect: dict[str, Json]) -> None:
    args = (
        donor_of(input["donor"]),
        checks_of(input["checks"]),
        input["kind"],
        day(input["as_of"]),
        policy_of(input),
    )
    a = decided_as(lambda: rakt.assess_donor(*args), lambda: rakt.decide_donor(*args))
    got: dict[str, Json] = {
        "eligible": a.eligible,
        "permanent": a.permanent,
        "referred": a.referred,
        "deferred_until": day_text(a.deferred_until),
        "next_eligible": day_text(a.next_eligible),
        "codes": a.codes,
    }
    for key, value in got.items():
        if key in expect:
            assert value == expect[key], f"{key}: got {value!r}, want {expect[key]!r} ({a!r})"
    for code in expect.get("codes_include", []):
        assert code in a.codes, f"codes {a.codes} lack {code}"
    check_facts(a.reasons, expect.get("facts", {}), "assessment")


# ---- units and screening ---------------------------------------------------------------------

ACTOR = "tech"


def collect(doc: dict[str, Json], policy: Optional[rakt.Policy]) -> rakt.BloodUnit:
    """A collection, collected with actor ``"tech"``."""
    return rakt.BloodUnit.collect(
        doc["din"],
        product_of(doc["product"]),
        doc["group"],
        doc["volume_ml"],
        doc["donation_type"],
        timestamp(doc["collected_at"]),
        actor=ACTOR,
        donor_id=doc.get("donor_id"),
        division=doc.get("division"),
        first_donation=bool(doc.get("first_donation", False)),
        policy=policy,
    )


def discard_reason_of(value: Json) -> Union[str, rakt.DiscardReason]:
    """A code, or ``{"other": text}``."""
    if isinstance(value, dict):
        assert set(value) == {"other"}, f"bad discard reason {value!r}"
        return rakt.DiscardReason.other(value["other"])
    return str(value)


def discard_reason_json(reason: Optional[rakt.DiscardReason]) -> Json:
    if reason is None:
        return None
    if reason.text is not None:
        return {"other": reason.text}
    return reason.code


def unit_event_of(doc: dict[str, Json]) -> rakt.UnitEvent:
    """The event class for ``{"at", "actor", "kind": {"type", ...fields}}``."""
    at = timestamp(doc["at"])
    actor = doc["actor"]
    kind = dict(doc["kind"])
    type_ = kind.pop("type")
    simple: dict[str, Callable[[datetime, str], rakt.UnitEvent]] = {
        "quarantine": rakt.Quarantine,
        "release": rakt.Release,
        "cancel_reservation": rakt.CancelReservation,
        "transfuse": rakt.Transfuse,
        "send_for_fractionation": rakt.SendForFractionation,
        "irradiate": rakt.Irradiate,
        "wash": rakt.Wash,
        "open": rakt.Open,
    }
    event: rakt.UnitEvent
    if type_ in simple:
        event = simple[type_](at, actor)
    elif type_ == "record_test":
        event = rakt.RecordTest(at, actor, kind.pop("marker"), kind.pop("result"))
    elif type_ == "record_repeat":
        event = rakt.RecordRepeat(
            at, actor, kind.pop("marker"), kind.pop("first"), kind.pop("second")
        )
    elif type_ == "record_grouping":
        event = rakt.RecordGrouping(
            at,
            actor,
            forward=kind.pop("forward", None),
            reverse=kind.pop("reverse", None),
            historical=kind.pop("historical", None),
        )
    elif type_ == "reserve":
        event = rakt.Reserve(at, actor, kind.pop("patient"), timestamp(kind.pop("until")))
    elif type_ == "crossmatch":
        event = rakt.Crossmatch(at, actor, kind.pop("patient"), timestamp(kind.pop("until")))
    elif type_ == "issue":
        event = rakt.Issue(at, actor, kind.pop("patient"))
    elif type_ == "transfuse_with_reaction":
        event = rakt.TransfuseWithReaction(at, actor, kind.pop("details"))
    elif type_ == "return":
        event = rakt.Return(
            at,
            actor,
            minutes_out_of_storage=kind.pop("minutes_out_of_storage", None),
            keep_for_patient=bool(kind.pop("keep_for_patient", False)),
        )
    elif type_ == "discard":
        event = rakt.Discard(at, actor, discard_reason_of(kind.pop("reason")))
    elif type_ == "thaw":
        event = rakt.Thaw(at, actor, kind.pop("storage"))
    else:
        raise AssertionError(f"unknown event type {type_!r}")
    assert not kind, f"unknown fields {sorted(kind)} of a {type_} event"
    assert event.kind == type_
    return event


def build(
    doc: dict[str, Json], policy: Optional[rakt.Policy]
) -> tuple[rakt.BloodUnit, Optional[rakt.RaktError]]:
    """Collect, then apply the events in order; stop at the first refused one and return the
    unit as it was before it, with the refusal. A refused collection raises."""
    unit = collect(doc["collection"], policy)
    for raw in doc.get("events") or []:
        event = unit_event_of(raw)
        before = unit
        try:
            unit = unit.apply(event, policy)
        except rakt.RaktError as err:
            assert unit == before, "a refused event changed the unit"
            return unit, err
    return unit, None


def built(doc: dict[str, Json], policy: Optional[rakt.Policy]) -> rakt.BloodUnit:
    unit, err = build(doc, policy)
    if err is not None:
        raise err
    return unit


def op_unit_events(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    # A refused collection raises here: an error of the whole case. A refused event leaves the
    # unit as it was before it; the other keys describe that unit, and the refusal is raised
    # last, for run_case to compare with expect.error.
    unit, err = build(input, policy)
    if err is not None and "error" not in expect:
        raise err
    if "status" in expect:
        assert unit.status.code == expect["status"], f"status: {unit!r}"
    if "history_len" in expect:
        assert len(unit.history) == expect["history_len"], f"history: {unit.history}"
    if "expires_at" in expect:
        same_time("expires_at", unit.expiry.expires_at, expect["expires_at"])
    if "discard_reason" in expect:
        assert discard_reason_json(unit.discard_reason) == expect["discard_reason"]
    if "reservation_patient" in expect:
        reservation = unit.reservation
        got = reservation.patient if reservation is not None else None
        assert got == expect["reservation_patient"], f"reservation: {reservation!r}"
    if "modifications" in expect:
        assert [m.code for m in unit.product.modifications] == expect["modifications"]
    last = unit.history[-1]
    if "event_codes" in expect:
        assert last.codes == expect["event_codes"], f"last event: {last!r}"
    check_facts(last.reasons, expect.get("event_facts", {}), "last event")
    if "status_at" in expect:
        got_status = unit.status_at(timestamp(input["as_of"]))
        assert got_status.code == expect["status_at"], f"status_at: {got_status!r}"
    if err is not None:
        raise err


def op_release_verdict(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    unit = built(input, policy)
    as_of = timestamp(input["as_of"])
    v = rakt.screening_release(unit, as_of, policy)
    assert v == unit.release_verdict(as_of, policy)
    if "releasable" in expect:
        assert v.releasable == expect["releasable"], f"releasable: {v!r}"
    if "codes" in expect:
        assert v.codes == expect["codes"]
    check_facts(v.reasons, expect.get("facts", {}), "release verdict")


def op_unit_hl7(input: dict[str, Json], expect: dict[str, Json]) -> None:
    if "status" in input:
        status = rakt.UnitStatus.parse(input["status"])
        assert status.hl7 == expect.get("code"), f"hl7 of {status!r}: {status.hl7!r}"
        return
    got = rakt.UnitStatus.from_hl7(input["code"])
    assert got.code == expect.get("status"), f"status of {input['code']!r}: {got!r}"


def op_handle_reactive(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    unit = built(input["unit"], policy)
    stock = [built(u, policy) for u in input.get("stock") or []]
    out = rakt.handle_reactive(unit, stock, timestamp(input["at"]), ACTOR, policy)
    referral = out.referral
    got: dict[str, Json] = {
        "discarded": [u.id for u in out.discarded],
        "not_discarded": [e.unit for e in out.not_discarded],
        "lookback": [e.unit for e in out.lookback],
        "markers": [m.code for m in referral.markers],
        "referral_date": referral.date.isoformat(),
        "deferral_markers": [
            e.marker.code if e.marker is not None else None for e in referral.deferral_events
        ],
        "donor_id": referral.donor_id,
    }
    for key, value in got.items():
        if key in expect:
            assert value == expect[key], f"{key}: got {value!r}, want {expect[key]!r}"
    if "discard_reason" in expect:
        for u in out.discarded:
            assert discard_reason_json(u.discard_reason) == expect["discard_reason"], repr(u)


def op_split_unit(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    unit = built(input, policy)
    parent, children = unit.split(input["volumes_ml"], timestamp(input["at"]), ACTOR)
    if "parent_status" in expect:
        assert parent.status.code == expect["parent_status"]
    if "children" in expect:
        assert [c.id for c in children] == expect["children"]
    if "volumes" in expect:
        assert [c.volume_ml for c in children] == expect["volumes"]
    for c in children:
        if "child_status" in expect:
            assert c.status.code == expect["child_status"], repr(c)
        if "child_expires_at" in expect:
            same_time("child_expires_at", c.expiry.expires_at, expect["child_expires_at"])


def op_pool_units(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    units = [built(u, policy) for u in input["units"]]
    constituents, pool = rakt.BloodUnit.pool(
        units, input["pool_din"], timestamp(input["at"]), ACTOR, policy
    )
    if "pool_status" in expect:
        assert pool.status.code == expect["pool_status"]
    if "constituent_status" in expect:
        for c in constituents:
            assert c.status.code == expect["constituent_status"], repr(c)
    if "volume_ml" in expect:
        assert pool.volume_ml == expect["volume_ml"]
    if "expires_at" in expect:
        same_time("expires_at", pool.expiry.expires_at, expect["expires_at"])
    if "parents" in expect:
        assert pool.parents == expect["parents"]


def check_keys(got: dict[str, Json], expect: dict[str, Json]) -> None:
    for key, want in expect.items():
        if not key.startswith("error"):
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_isbt128_check_character(input: dict[str, Json], expect: dict[str, Json]) -> None:
    din13 = input["din13"]
    got = {"check_character": isbt128.check_character(din13), "type3_flag": isbt128.type3_flag(din13)}
    for key in ("check_character", "type3_flag"):
        if key in expect:
            assert got[key] == expect[key], f"{key}: got {got[key]!r}, want {expect[key]!r}"


def op_isbt128_parse_din(input: dict[str, Json], expect: dict[str, Json]) -> None:
    d = isbt128.parse_din(input["text"])
    got: dict[str, Json] = {
        "din13": d.din13,
        "facility": d.facility,
        "year": d.year,
        "sequence": d.sequence,
        "flags": d.flags,
        "flag_kind": d.flag_kind,
        "check_character": d.check_character,
        "barcode": d.barcode(),
        "eye_readable": d.eye_readable(),
    }
    check_keys(got, expect)


def op_eraktkosh_component_from_code(input: dict[str, Json], expect: dict[str, Json]) -> None:
    c = eraktkosh.component_from_code(input["code"])
    check_keys({"code": c.code, "name": c.name}, expect)


def op_eraktkosh_component_product(input: dict[str, Json], expect: dict[str, Json]) -> None:
    product = eraktkosh.component_from_code(input["code"]).product()
    assert product == product_of(expect["product"]), f"product: got {product!r}"


def op_eraktkosh_component_for_product(input: dict[str, Json], expect: dict[str, Json]) -> None:
    c = eraktkosh.EraktkoshComponent.for_product(product_of(input["product"]))
    assert c.code == expect["code"], f"code: got {c.code}"


def op_eraktkosh_blood_group_from_code(input: dict[str, Json], expect: dict[str, Json]) -> None:
    group = eraktkosh.blood_group_from_code(input["code"])
    check_keys({"group": str(group), "label": eraktkosh.blood_group_label(input["code"])}, expect)


def op_eraktkosh_blood_group_to_code(input: dict[str, Json], expect: dict[str, Json]) -> None:
    code = eraktkosh.blood_group_to_code(rakt.BloodGroup.parse(input["group"]))
    assert code == expect["code"], f"code: got {code}"


def summary_json(s: eraktkosh.StockSummary) -> dict[str, Json]:
    """The summary in the vectors' shape: groups as ``[code, label, count]``."""
    return {"centres": [
        {
            "centre": c.centre,
            "components": [
                {"code": k.component.code, "name": k.name, "total": k.total,
                 "availability": k.availability,
                 "groups": [[g.code, g.label, g.count] for g in k.groups]}
                for k in c.components
            ],
            "uncounted": [{"unit": u.unit, "code": u.code} for u in c.uncounted],
        }
        for c in s.centres
    ]}


def op_eraktkosh_stock_summary(input: dict[str, Json], expect: dict[str, Json]) -> None:
    units = [(entry["centre"], built(entry["unit"], None)) for entry in input["units"]]
    summary = eraktkosh.stock_summary(units, timestamp(input["as_of"]))
    check_keys(summary_json(summary), expect)


def kpi_json(k: kpi.Kpi) -> Json:
    """``[numerator, denominator, value, met]``."""
    return [k.numerator, k.denominator, None if k.value is None else str(k.value), k.met]


def kpi_set_json(s: kpi.KpiSet) -> dict[str, Json]:
    return {k.code: kpi_json(k) for k in s.all()}


def kpi_report_json(r: kpi.KpiReport) -> dict[str, Json]:
    """The report in the vectors' shape (tests/vectors/README.md, op ``kpis``)."""
    first = r.facilities[0].kpis.all() if r.facilities else None
    return {
        "facilities": [f.facility for f in r.facilities],
        "kpis": {f.facility: kpi_set_json(f.kpis) for f in r.facilities},
        "components": {f.facility: {c.component.code: kpi_set_json(c.kpis) for c in f.components}
                       for f in r.facilities},
        "component_list": {f.facility: [c.component.code for c in f.components] for f in r.facilities},
        "discard_reasons": {
            f.facility: [[x.reason, x.kpi.numerator, x.kpi.denominator,
                          None if x.kpi.value is None else str(x.kpi.value)] for x in f.kpis.discard_reasons]
            for f in r.facilities},
        "skipped": {f.facility: [[s.unit, s.code] for s in f.skipped] for f in r.facilities},
        "targets": None if first is None else {
            k.code: None if k.target is None else [k.target.comparison, str(k.target.value)] for k in first},
    }


def check_subset(what: str, got: Json, want: Json) -> None:
    """Objects key by key for the keys the case lists; anything else exactly."""
    if isinstance(want, dict):
        for key, w in want.items():
            check_subset(f"{what}.{key}", got.get(key) if isinstance(got, dict) else None, w)
    else:
        assert got == want, f"{what}: got {got!r}, want {want!r}"


def op_kpis(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    units = [(entry["facility"], built(entry["unit"], policy)) for entry in input["units"]]
    report = kpi.kpis(units, timestamp(input["from"]), timestamp(input["to"]), policy)
    got = kpi_report_json(report)
    for key, want in expect.items():
        if key.startswith("error"):
            continue
        if key in ("kpis", "components"):
            check_subset(key, got[key], want)
        else:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def check_keys(got: dict[str, Json], expect: dict[str, Json]) -> None:
    for key, want in expect.items():
        if not key.startswith("error"):
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"



def centre_tariff_of(doc: dict[str, Json]) -> tariff.CentreTariff:
    """A centre tariff from its JSON fields (tests/vectors/README.md, processing charges)."""
    return tariff.CentreTariff(
        doc["centre"],
        doc["sector"],
        day(doc["effective_from"]),
        {item: decimal_of(price) for item, price in doc["prices"].items()},
        [
            tariff.CentreExemption(e["code"], e["description"], e.get("items") or (), percent=decimal_of(e["percent"]))
            for e in doc.get("exemptions") or []
        ],
    )


def op_tariff_ceiling(input: dict[str, Json], expect: dict[str, Json]) -> None:
    schedule = tariff.schedule_on(day(input["date"]))
    ceiling = schedule.ceiling(input["item"], input["sector"])
    amount = None if ceiling is None else str(ceiling.amount)
    check_keys({"schedule": schedule.id, "amount": amount}, expect)


def op_tariff_validate(input: dict[str, Json], expect: dict[str, Json]) -> None:
    check = centre_tariff_of(input["tariff"]).validate()
    check_keys({"schedule": check.schedule}, expect)


def op_tariff_bill(input: dict[str, Json], expect: dict[str, Json]) -> None:
    b = tariff.bill(
        centre_tariff_of(input["tariff"]),
        [(item, decimal_of(quantity)) for item, quantity in input["lines"]],
        input["statutory"],
        input["centre_exemptions"],
        date=day(input["date"]),
    )
    got: dict[str, Json] = {
        "lines": [[str(x.gross), str(x.waived), str(x.net), x.exemption] for x in b.lines],
        "gross_total": str(b.gross_total),
        "waived_total": str(b.waived_total),
        "total": str(b.total),
    }
    check_keys(got, expect)


def code_of(value: Any) -> Json:
    """The stable code of an enum value, or None."""
    return None if value is None else value.code


def group_code_json(g: isbt128.BloodGroupCode) -> dict[str, Json]:
    return {
        "code": g.code,
        "kind": g.kind,
        "label_group": g.label_group,
        "rhd": g.rhd,
        "intended_use": g.intended_use,
        "donation_type": code_of(g.donation_type),
        "pooled_or_subgroup": g.pooled_or_subgroup,
        "special_message": g.special_message,
        "implied_status": code_of(g.implied_status),
        "blood_group": None if g.blood_group is None else g.blood_group.notation,
        "rh_kell": g.rh_kell,
        "rh_phenotype": g.rh_phenotype,
        "kell": g.kell,
        "mia_mur_positive": g.mia_mur_positive,
        "see_special_testing": g.see_special_testing,
        "encoded": g.encode(),
    }


def op_isbt128_decode_blood_group(input: dict[str, Json], expect: dict[str, Json]) -> None:
    check_keys(group_code_json(isbt128.decode_blood_group(input["text"])), expect)


def op_isbt128_encode_blood_group(input: dict[str, Json], expect: dict[str, Json]) -> None:
    g = isbt128.encode_blood_group(
        input["group"], input.get("intended_use", "default"), input.get("rh_kell", "0")
    )
    check_keys(group_code_json(g), expect)


def op_isbt128_parse_product_code(input: dict[str, Json], expect: dict[str, Json]) -> None:
    p = isbt128.parse_product_code(input["text"])
    got: dict[str, Json] = {
        "description_code": p.description_code,
        "family": p.family,
        "collection_type": p.collection_type,
        "donation_type": code_of(p.donation_type),
        "division": p.division,
        "pack_code": p.pack_code,
        "encoded": p.encode(),
    }
    check_keys(got, expect)


def date_json(d: isbt128.IsbtDate) -> dict[str, Json]:
    return {
        "kind": d.kind,
        "structure": d.structure,
        "date": d.date.isoformat(),
        "time": None if d.time is None else d.time.strftime("%H:%M"),
        "datetime": d.datetime.strftime("%Y-%m-%dT%H:%M"),
        "encoded": d.encode(),
    }


def op_isbt128_decode_datetime(input: dict[str, Json], expect: dict[str, Json]) -> None:
    check_keys(date_json(isbt128.decode_datetime(input["text"])), expect)


def op_isbt128_encode_datetime(input: dict[str, Json], expect: dict[str, Json]) -> None:
    if "date" in input:
        d = isbt128.encode_date(input["kind"], date.fromisoformat(input["date"]))
    else:
        d = isbt128.encode_datetime(input["kind"], timestamp(input["at"]))
    check_keys(date_json(d), expect)


def op_isbt128_parse_scan(input: dict[str, Json], expect: dict[str, Json]) -> None:
    items = isbt128.parse_scan(input["text"])
    wanted = expect["structures"]
    assert isinstance(wanted, list)
    got: list[dict[str, Json]] = []
    for i, s in enumerate(items):
        item: dict[str, Json] = {"offset": s.offset, "kind": s.kind, "encoded": s.encoded, "number": s.number}
        # The decoded elements are compared where the vector gives them.
        if i < len(wanted) and isinstance(wanted[i], dict) and "fields" in wanted[i]:
            item["fields"] = dict(s.fields)
        got.append(item)
    assert got == wanted, f"structures: got {got!r}"


def utc_offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text[1:].split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def op_isbt128_label_to_unit(input: dict[str, Json], expect: dict[str, Json]) -> None:
    table = isbt128.ProductTable.from_toml(input["table"])
    label = isbt128.Label.from_scan(input["scan"])
    collected_at = input.get("collected_at")
    unit = label.to_unit(
        table,
        offset=utc_offset(input["offset"]),
        volume_ml=input["volume_ml"],
        actor="tech",
        collected_at=None if collected_at is None else timestamp(collected_at),
    )
    back = isbt128.Label.from_unit(unit, table)
    got: dict[str, Json] = {
        "id": unit.id,
        "group": str(unit.group),
        "donation_type": unit.donation_type.code,
        "status": unit.status.code,
        "label": back.encode(),
    }
    for key, want in expect.items():
        if key == "expires_at":
            same_time(key, unit.expiry.expires_at, want)
        elif key == "collected_at":
            same_time(key, unit.collected_at, want)
        elif not key.startswith("error"):
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_fhir_export(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)
    unit = built(input, policy)
    got = fhir.to_biologically_derived_product(
        unit, timestamp(input["as_of"]), product_table=input.get("product_table"), policy=policy
    )
    assert got == expect["resource"], f"resource: got {json.dumps(got)}"


def op_fhir_import(input: dict[str, Json], expect: dict[str, Json]) -> None:
    unit = fhir.from_biologically_derived_product(
        input["resource"],
        timestamp(input["as_of"]),
        product_table=input.get("product_table"),
        policy=policy_of(input),
    )
    got: dict[str, Json] = {
        "id": unit.id,
        "group": unit.group.notation,
        "product": json.loads(unit.product.to_json()),
        "status": unit.status.code,
        "donation_type": unit.donation_type.code,
        "volume_ml": unit.volume_ml,
        "history_len": len(unit.history),
        "discard_reason": discard_reason_json(unit.discard_reason),
        "last_event_codes": unit.history[-1].codes,
    }
    for key, want in expect.items():
        if key == "expires_at":
            same_time(key, unit.expiry.expires_at, want)
        elif key == "collected_at":
            same_time(key, unit.collected_at, want)
        else:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def allocation_request_of(doc: dict[str, Json]) -> rakt.AllocationRequest:
    return rakt.AllocationRequest(
        doc["patient"],
        recipient_of(doc["recipient"]),
        doc["component"],
        doc["quantity"],
        requirements=doc.get("requirements") or (),
        needed_by=timestamp(doc["needed_by"]) if doc.get("needed_by") else None,
        hold_until=timestamp(doc["hold_until"]) if doc.get("hold_until") else None,
    )


def inventory_of(input: dict[str, Json]) -> rakt.Inventory:
    """The inventory of ``input.units`` at facility BC, after ``input.steps``."""
    policy = policy_of(input)
    inv = rakt.Inventory("BC", policy)
    for unit in input["units"]:
        inv.add(built(unit, policy))
    for step in input.get("steps") or []:
        at = timestamp(step["at"])
        req = allocation_request_of(step["reserve"])
        held = inv.reserve(req, at, step["actor"])
        if step.get("issue"):
            inv.issue(held.ids, req.patient, at, step["actor"])
    return inv


def din_of(unit_id: str) -> str:
    return unit_id.split("/")[0]


def op_inventory_allocate(input: dict[str, Json], expect: dict[str, Json]) -> None:
    a = inventory_of(input).allocate(allocation_request_of(input["request"]), timestamp(input["as_of"]))
    got: dict[str, Json] = {
        "units": [din_of(u.id) for u in a.units],
        "tiers": [u.tier for u in a.units],
        "shortfall": a.shortfall,
        "emergency": a.emergency,
        "unit_codes": [list(u.codes) for u in a.units],
    }
    for key, want in expect.items():
        if key in ERROR_KEYS:
            continue
        if key == "expires_at":
            assert isinstance(want, list) and len(want) == len(a.units), f"expires_at: {len(a.units)} units"
            for u, w in zip(a.units, want):
                same_time("expires_at", u.expires_at, w)
        elif key == "skipped":
            assert isinstance(want, dict)
            for group, codes in want.items():
                found = [list(s.codes) for s in a.skipped if str(s.group) == group]
                assert (found[0] if found else None) == codes, f"skipped {group}: got {found}, want {codes}"
        else:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_inventory_storage_centre_check(input: dict[str, Json], expect: dict[str, Json]) -> None:
    c = inventory_of(input).storage_centre_check(timestamp(input["as_of"]))
    gaps: Json = [[str(g.group), g.required, g.on_hand, g.missing] for g in c.gaps]
    check_keys({"met": c.met, "gaps": gaps}, expect)


def op_inventory_days_of_stock(input: dict[str, Json], expect: dict[str, Json]) -> None:
    rows = inventory_of(input).days_of_stock(timestamp(input["as_of"]), input["window_days"])
    got: Json = [
        [r.component.code, str(r.group), r.on_hand, r.issued, str(r.average_daily_issues),
         None if r.days is None else str(r.days)]
        for r in rows
    ]
    check_keys({"rows": got}, expect)


def op_inventory_transfer(input: dict[str, Json], expect: dict[str, Json]) -> None:
    hub = inventory_of(input)
    receiver = rakt.Inventory(str(input["to"]), policy_of({"policy": input.get("to_policy")}))
    o = hub.transfer(
        input["ids"], receiver, timestamp(input["dispatched_at"]), Decimal(str(input["min_celsius"])),
        Decimal(str(input["max_celsius"])), timestamp(input["at"]), "driver",
    )
    check_keys({"received": [din_of(i) for i in o.received], "discarded": [din_of(i) for i in o.discarded]}, expect)


ANC_DECIMALS = {"height_cm", "weight_kg", "hb_g_dl", "haematocrit_pct", "ogtt_2h_mg_dl"}


def anc_record_of(doc: dict[str, Json]) -> rakt.AncRecord:
    """The record through the keyword constructor, with Python values as a caller writes them."""
    fields: dict[str, object] = {}
    for name, value in doc.items():
        if name in ANC_DECIMALS:
            fields[name] = Decimal(str(value))
        elif name in ("lmp", "edd"):
            fields[name] = date.fromisoformat(str(value))
        elif name in ("bp", "bp_repeat") and isinstance(value, dict):
            fields[name] = (value["systolic"], value["diastolic"])
        else:
            fields[name] = value
    return rakt.AncRecord(**fields)  # type: ignore[arg-type]


def op_assess_pregnancy(input: dict[str, Json], expect: dict[str, Json]) -> None:
    record = input["record"]
    assert isinstance(record, dict)
    args = (anc_record_of(record), date.fromisoformat(str(input["as_of"])), policy_of(input))
    a = decided_as(lambda: rakt.assess_pregnancy(*args), lambda: rakt.decide_pregnancy(*args))
    p = a.blood_plan
    got: dict[str, Json] = {
        "risk_level": a.risk_level,
        "codes": list(a.codes),
        "hypertension": a.hypertension,
        "anaemia": a.anaemia,
        "gdm": a.gdm,
        "not_assessed": list(a.not_assessed),
        "referral": [a.referral.level, a.referral.urgency],
        "blood_plan": [p.tier, p.action, p.units, p.when, list(p.factors)],
    }
    for key, want in expect.items():
        if key in ERROR_KEYS:
            continue
        if key == "messages":
            assert isinstance(want, dict)
            for code, texts in want.items():
                flag = next(f for f in a.flags if f.code == code)
                assert [flag.message("en"), flag.message("hi")] == texts, f"messages {code}"
        else:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_blood_readiness(input: dict[str, Json], expect: dict[str, Json]) -> None:
    policy = policy_of(input)

    def stock(name: str, units: Json) -> rakt.Inventory:
        inv = rakt.Inventory(name, policy)
        assert isinstance(units, list)
        for u in units:
            inv.add(built(u, policy))
        return inv

    facility = stock(str(input["facility"]), input["units"])
    nearby_docs = input.get("nearby") or []
    assert isinstance(nearby_docs, list)
    nearby = [stock(str(n["facility"]), n["units"]) for n in nearby_docs]
    m = input["mother"]
    assert isinstance(m, dict)
    mother = rakt.Mother(m["id"], m.get("blood_group"), m.get("age_years"))
    plan_doc = input["plan"]
    assert isinstance(plan_doc, dict)
    plan = rakt.BloodPlan.crossmatch(max(int(plan_doc.get("units") or 0), 1))
    if plan_doc["action"] != "crossmatch":
        doc = json.loads(plan.to_json())
        doc["action"] = {"action": plan_doc["action"]}
        plan = rakt.BloodPlan.from_json(json.dumps(doc))
    elif plan.units != plan_doc["units"]:
        raise AssertionError("plan units")
    r = rakt.blood_readiness(mother, plan, facility, date.fromisoformat(str(input["due_date"])),
                             timestamp(input["as_of"]), nearby)
    s = r.suggested_reservation
    got: dict[str, Json] = {
        "units": [din_of(u.id) for u in r.units],
        "missing": r.missing,
        "uncovered": r.uncovered,
        "ready": r.ready,
        "required": r.required,
        "emergency": r.emergency,
        "suggested": s.quantity if s is not None else None,
        "nearby": [[n.facility, [din_of(u.id) for u in n.units]] for n in r.nearby],
    }
    for key, want in expect.items():
        if key in ERROR_KEYS:
            continue
        if key == "needed_by":
            same_time("needed_by", r.needed_by, want)
        elif key == "shortfall":
            assert isinstance(want, dict)
            for group, codes in want.items():
                found = [list(c.codes) for c in r.shortfall if str(c.group) == group]
                assert (found[0] if found else None) == codes, f"shortfall {group}: got {found}"
        else:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def vitals_of(doc: Json) -> rakt.Vitals:
    assert isinstance(doc, dict)
    fields = {k: (Decimal(str(v)) if k == "temperature_c" else v) for k, v in doc.items()}
    return rakt.Vitals(**fields)  # type: ignore[arg-type]


def check_got(got: dict[str, Json], expect: dict[str, Json]) -> None:
    for key, want in expect.items():
        if key not in ERROR_KEYS:
            assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def op_early_warning(input: dict[str, Json], expect: dict[str, Json]) -> None:
    args = (vitals_of(input["vitals"]), policy_of(input))
    w = decided_as(lambda: rakt.early_warning(*args), lambda: rakt.decide_early_warning(*args))
    check_got({"triggered": w.triggered, "level": w.level, "bands": dict(w.bands), "reds": w.reds,
               "yellows": w.yellows, "score": w.score}, expect)


def op_shock_index(input: dict[str, Json], expect: dict[str, Json]) -> None:
    si = rakt.shock_index(input["heart_rate"], input["systolic_bp"], policy_of(input))  # type: ignore[arg-type]
    check_got({"value": str(si.value), "alert": si.alert, "high": si.high}, expect)


def op_pph_red_flags(input: dict[str, Json], expect: dict[str, Json]) -> None:
    flags = rakt.pph_red_flags(vitals_of(input["vitals"]), policy_of(input))
    assert [f.code for f in flags] == expect["codes"], f"codes: {[f.code for f in flags]}"
    messages = expect.get("messages") or {}
    assert isinstance(messages, dict)
    for code, texts in messages.items():
        flag = next(f for f in flags if f.code == code)
        assert [flag.message("en"), flag.message("hi")] == texts, f"messages {code}"


def op_classify_pph(input: dict[str, Json], expect: dict[str, Json]) -> None:
    c = rakt.classify_pph(input["blood_loss_ml"], str(input["mode"]), input["hours_after_birth"],  # type: ignore[arg-type]
                          bool(input["vitals_deranged"]), policy_of(input))
    check_got({"pph": c.pph, "severity": c.severity, "major": c.major, "massive": c.massive,
               "timing": c.timing}, expect)


def op_robson_group(input: dict[str, Json], expect: dict[str, Json]) -> None:
    r = rakt.robson_group(**input)  # type: ignore[arg-type]
    got: dict[str, Json] = {"group": r} if isinstance(r, str) else {"missing": list(r.missing)}
    assert got == {k: v for k, v in expect.items() if k not in ERROR_KEYS}, f"got {got!r}"


def day_of(v: Json) -> date:
    return date.fromisoformat(str(v))


def op_edd_from_lmp(input: dict[str, Json], expect: dict[str, Json]) -> None:
    check_got({"edd": rakt.edd_from_lmp(day_of(input["lmp"])).isoformat()}, expect)


def op_gestational_age(input: dict[str, Json], expect: dict[str, Json]) -> None:
    ga = rakt.gestational_age(day_of(input["lmp"]), day_of(input["as_of"]))
    check_got({"weeks": ga.weeks, "days": ga.days, "category": ga.category()}, expect)


def op_birth_weight(input: dict[str, Json], expect: dict[str, Json]) -> None:
    w = rakt.birth_weight(input["grams"])  # type: ignore[arg-type]
    check_got({"category": w.category, "below_hmis_line": w.below_hmis_line}, expect)


def op_fetal_death(input: dict[str, Json], expect: dict[str, Json]) -> None:
    age = rakt.GestationalAge(input["weeks"], input["days"])  # type: ignore[arg-type]
    check_got({"class": rakt.classify_fetal_death(age, str(input["timing"]))}, expect)


def op_newborn_death(input: dict[str, Json], expect: dict[str, Json]) -> None:
    d = rakt.newborn_death(timestamp(input["born"]), timestamp(input["died"]))
    check_got({"completed_days": d.completed_days, "neonatal": d.neonatal, "hmis_bin": d.hmis_bin}, expect)


def op_maternal_death_window(input: dict[str, Json], expect: dict[str, Json]) -> None:
    check_got({"within": rakt.in_maternal_death_window(day_of(input["ended"]), day_of(input["died"]))}, expect)


OPS: dict[str, Callable[[dict[str, Json], dict[str, Json]], None]] = {
    "parse_blood_group": op_parse_blood_group,
    "compatibility": op_compatibility,
    "donor_preference": op_donor_preference,
    "expiry": op_expiry,
    "pool_expiry": op_pool_expiry,
    "policy_load": op_policy_load,
    "assess_donor": op_assess_donor,
    "unit_events": op_unit_events,
    "release_verdict": op_release_verdict,
    "unit_hl7": op_unit_hl7,
    "handle_reactive": op_handle_reactive,
    "split_unit": op_split_unit,
    "pool_units": op_pool_units,
    "isbt128_check_character": op_isbt128_check_character,
    "isbt128_parse_din": op_isbt128_parse_din,
    "eraktkosh_component_from_code": op_eraktkosh_component_from_code,
    "eraktkosh_component_product": op_eraktkosh_component_product,
    "eraktkosh_component_for_product": op_eraktkosh_component_for_product,
    "eraktkosh_blood_group_from_code": op_eraktkosh_blood_group_from_code,
    "eraktkosh_blood_group_to_code": op_eraktkosh_blood_group_to_code,
    "eraktkosh_stock_summary": op_eraktkosh_stock_summary,
    "isbt128_decode_blood_group": op_isbt128_decode_blood_group,
    "isbt128_encode_blood_group": op_isbt128_encode_blood_group,
    "isbt128_parse_product_code": op_isbt128_parse_product_code,
    "isbt128_decode_datetime": op_isbt128_decode_datetime,
    "isbt128_encode_datetime": op_isbt128_encode_datetime,
    "isbt128_parse_scan": op_isbt128_parse_scan,
    "isbt128_label_to_unit": op_isbt128_label_to_unit,
    "fhir_export": op_fhir_export,
    "fhir_import": op_fhir_import,
    "kpis": op_kpis,
    "inventory_allocate": op_inventory_allocate,
    "inventory_storage_centre_check": op_inventory_storage_centre_check,
    "inventory_days_of_stock": op_inventory_days_of_stock,
    "inventory_transfer": op_inventory_transfer,
    "tariff_ceiling": op_tariff_ceiling,
    "tariff_validate": op_tariff_validate,
    "tariff_bill": op_tariff_bill,
    "assess_pregnancy": op_assess_pregnancy,
    "blood_readiness": op_blood_readiness,
    "early_warning": op_early_warning,
    "shock_index": op_shock_index,
    "pph_red_flags": op_pph_red_flags,
    "classify_pph": op_classify_pph,
    "robson_group": op_robson_group,
    "edd_from_lmp": op_edd_from_lmp,
    "gestational_age": op_gestational_age,
    "birth_weight": op_birth_weight,
    "fetal_death": op_fetal_death,
    "newborn_death": op_newborn_death,
    "maternal_death_window": op_maternal_death_window,
}


class Expect(dict[str, Json]):
    """A case's expectations; reading a key the case does not give fails with a clear message
    (never a KeyError), saying so when the case expected an error and the call succeeded."""

    def __missing__(self, key: str) -> Json:
        if "error" in self:
            raise AssertionError(f"expected {self['error']}, got success")
        raise AssertionError(f"the case gives no expected {key!r}")


def run_case(case: Case) -> None:
    assert case.duplicate_of is None, (
        f"duplicate id {case.id!r} in {case.file} (first in {case.duplicate_of})"
    )
    op = OPS.get(case.op)
    assert op is not None, f"unknown op {case.op!r}"
    unknown = set(case.expect) - EXPECT_KEYS[case.op] - ERROR_KEYS
    assert not unknown, f"unknown expect keys {sorted(unknown)} for op {case.op}"
    try:
        op(case.input, Expect(case.expect))
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
    # An op that reads an expected key the case does not give fails cleanly, not with KeyError.
    scan = Case("s", "isbt128_parse_scan", {"text": "=A99992112345600"}, {"error": "InvalidCode"},
                Path("x.json"), None)
    with pytest.raises(AssertionError, match="expected InvalidCode, got success"):
        run_case(scan)
