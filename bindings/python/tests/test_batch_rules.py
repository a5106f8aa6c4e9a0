"""early_warnings, robson_groups, compatibilities, expiries and assess_donors give, row by row,
what the per-record API gives, bad rows included, for pyarrow, pandas and polars inputs."""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal
from typing import Any, Callable

import pyarrow as pa
import pytest

import rakt

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def maybe(rng: random.Random, v: Any, p: float = 0.15) -> Any:
    return None if rng.random() < p else v


def dec(v: Any) -> Any:
    return Decimal(repr(v)) if isinstance(v, float) else v


def outcome(f: Callable[[], dict[str, Any]], rid: Any) -> dict[str, Any]:
    """The per-record result, or the row's error as the batch reports it."""
    try:
        return {**f(), "error": None}
    except rakt.RaktError as e:
        return {"id": rid, "error": str(e)}


def got(out: pa.Table) -> list[dict[str, Any]]:
    return [{"id": r["id"], "error": r["error"]} if r["error"] else r for r in out.to_pylist()]


def as_inputs(table: pa.Table) -> list[tuple[str, Any]]:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    del pd
    return [
        ("pyarrow", table),
        ("record batch", table.combine_chunks().to_batches()[0]),
        ("pandas", table.to_pandas()),
        ("polars", pl.from_arrow(table)),
    ]


def check_all(fn: Callable[..., Any], table: pa.Table, want: list[dict[str, Any]], **kw: Any) -> None:
    for name, data in as_inputs(table):
        out = got(fn(data, **kw))
        assert len(out) == len(want), name
        for i, (g, w) in enumerate(zip(out, want)):
            assert g == w, (name, i)
    serial = got(fn(table, parallel=False, **kw))
    assert serial == want


# ---- early warning -------------------------------------------------------------------------

VITAL_CHOICES: dict[str, list[Any]] = {
    "respiratory_rate": [8, 10, 11, 20, 21, 25, 30, 31],
    "spo2": [90, 94, 95, 96, 100],
    "temperature_c": [34.9, 35.0, 36.0, 37.5, 37.6, 38.0, 38.1],
    "systolic_bp": [89, 90, 100, 139, 140, 150, 160, 161],
    "diastolic_bp": [50, 89, 90, 99, 100, 110],
    "heart_rate": [39, 40, 50, 99, 100, 120, 121],
    "consciousness": ["alert", "voice", "pain", "unresponsive", "drowsy"],
}


def vitals_table(n: int = 300, seed: int = 3) -> pa.Table:
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {"id": [f"V{i:03d}" for i in range(n)]}
    for k, choices in VITAL_CHOICES.items():
        cols[k] = [maybe(rng, rng.choice(choices), 0.25) for _ in range(n)]
    cols["heart_rate"][5] = -3  # a bad count
    return pa.table(cols)


def vitals_expected(row: dict[str, Any]) -> dict[str, Any]:
    def f() -> dict[str, Any]:
        fields = {k: dec(row[k]) for k in VITAL_CHOICES if row[k] is not None}
        w = rakt.early_warning(rakt.Vitals(**fields))
        bands = w.bands
        out = {
            "id": row["id"],
            "triggered": w.triggered,
            "level": w.level,
            "mode": w.mode,
            "score": w.score,
            "reds": w.reds,
            "yellows": w.yellows,
            "alerts": [f"{p.parameter}:{p.band}" for p in w.parameters if p.band in ("red", "yellow")],
        }
        for k in VITAL_CHOICES:
            out[f"{k}_band"] = bands.get(k, "not_assessed")
        return out

    return outcome(f, row["id"])


@pytest.mark.parametrize("profile", ["india", "india_meows_score"])
def test_decide_early_warning_gives_the_charts_values_and_errors(profile: str) -> None:
    policy = rakt.Policy.builtin(profile)
    decided = 0
    for row in vitals_table(300, 4).to_pylist():
        fields = {k: dec(row[k]) for k in VITAL_CHOICES if row[k] is not None}
        try:
            w = rakt.early_warning(fields, policy)
        except rakt.RaktError as e:
            with pytest.raises(type(e), match=re.escape(str(e))):
                rakt.decide_early_warning(fields, policy)
            continue
        d = rakt.decide_early_warning(fields, policy)
        assert d == w.decision()
        assert (d.triggered, d.level, d.mode, d.bands) == (w.triggered, w.level, w.mode, w.bands)
        assert (d.reds, d.yellows, d.score) == (w.reds, w.yellows, w.score)
        decided += 1
    assert decided > 200


def test_early_warnings_equal_the_per_record_chart() -> None:
    table = vitals_table()
    want = [vitals_expected(r) for r in table.to_pylist()]
    errors = [w["error"] for w in want if w["error"]]
    assert any("drowsy" in e for e in errors)
    assert any("heart_rate" in e for e in errors)
    assert sum(1 for w in want if not w["error"] and w["triggered"]) > 20
    check_all(rakt.early_warnings, table, want)


def test_early_warning_boundaries() -> None:
    t = pa.table({"id": ["a", "b"], "systolic_bp": [160, 159], "spo2": [95, 94]})
    out = rakt.early_warnings(t).to_pylist()
    assert [r["systolic_bp_band"] for r in out] == [
        rakt.early_warning({"systolic_bp": 160}).bands["systolic_bp"],
        rakt.early_warning({"systolic_bp": 159}).bands["systolic_bp"],
    ]
    assert out[0]["respiratory_rate_band"] == "not_assessed"
    assert out[0]["error"] is None


# ---- Robson --------------------------------------------------------------------------------

ROBSON_CHOICES: dict[str, list[Any]] = {
    "parity": [0, 0, 1, 2, 5],
    "previous_caesareans": [0, 0, 0, 1, 2],
    "onset": ["spontaneous", "induced", "caesarean_before_labour", "unknown"],
    "fetuses": [1, 1, 1, 2],
    "presentation": ["cephalic", "cephalic", "breech", "transverse_or_oblique", "face"],
    "gestation_weeks": [30, 36, 37, 38, 40],
}


def robson_table(n: int = 300, seed: int = 11) -> pa.Table:
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {"id": [f"R{i:03d}" for i in range(n)]}
    for k, choices in ROBSON_CHOICES.items():
        cols[k] = [maybe(rng, rng.choice(choices), 0.1) for _ in range(n)]
    return pa.table(cols)


def robson_expected(row: dict[str, Any]) -> dict[str, Any]:
    def f() -> dict[str, Any]:
        g = rakt.robson_group(**{k: row[k] for k in ROBSON_CHOICES})
        if isinstance(g, str):
            return {"id": row["id"], "group": g, "missing": []}
        return {"id": row["id"], "group": None, "missing": g.missing}

    return outcome(f, row["id"])


def test_robson_groups_equal_the_per_record_group() -> None:
    table = robson_table()
    want = [robson_expected(r) for r in table.to_pylist()]
    groups = {w["group"] for w in want if not w["error"]}
    assert {"1", "5", "7", "8"} <= groups or len(groups) >= 6
    assert any(w.get("missing") for w in want if not w["error"])
    assert any("onset" in (w["error"] or "") for w in want)
    check_all(rakt.robson_groups, table, want)


def test_robson_known_rows() -> None:
    t = pa.table({
        "parity": [0, 1, 0],
        "previous_caesareans": [0, 1, 0],
        "onset": ["spontaneous", "spontaneous", "spontaneous"],
        "fetuses": [1, 1, 2],
        "presentation": ["cephalic", "cephalic", "cephalic"],
        "gestation_weeks": [37, 39, 36],
    })
    out = rakt.robson_groups(t).to_pylist()
    assert [r["group"] for r in out] == ["1", "5", "8"]


# ---- compatibility -------------------------------------------------------------------------

GROUPS = ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"]


def pairs_table(n: int = 400, seed: int = 5) -> pa.Table:
    rng = random.Random(seed)
    comps = ["red_cells", "fresh_frozen_plasma", "platelets", "cryoprecipitate", "whole_blood", "blood"]
    return pa.table({
        "id": [f"P{i:03d}" for i in range(n)],
        "component": [maybe(rng, rng.choice(comps), 0.03) for _ in range(n)],
        "donor": [maybe(rng, rng.choice(GROUPS + ["C+"]), 0.03) for _ in range(n)],
        "recipient_group": [maybe(rng, rng.choice(GROUPS), 0.2) for _ in range(n)],
        "recipient_sex": [maybe(rng, rng.choice(["female", "male", "x"]), 0.3) for _ in range(n)],
        "recipient_age_years": [maybe(rng, rng.choice([2, 17, 30, 45, 60]), 0.3) for _ in range(n)],
        "recipient_anti_d": [maybe(rng, rng.random() < 0.1, 0.3) for _ in range(n)],
    })


def pair_expected(row: dict[str, Any]) -> dict[str, Any]:
    def f() -> dict[str, Any]:
        def need(k: str) -> Any:
            if row[k] is None:
                raise rakt.InvalidInput(f"invalid input: {k}: is required; the cell is empty")
            return row[k]

        component = rakt.Component.parse(need("component"))
        donor = rakt.BloodGroup.parse(need("donor"))
        recipient = rakt.Recipient(
            group=row["recipient_group"],
            sex=row["recipient_sex"],
            age_years=row["recipient_age_years"],
            anti_d=bool(row["recipient_anti_d"]),
        )
        v = rakt.compatibility(component, donor, recipient)
        return {
            "id": row["id"],
            "compatible": v.compatible,
            "rank": v.rank.code,
            "emergency": v.emergency,
            "reasons": v.codes,
        }

    return outcome(f, row["id"])


def test_compatibilities_equal_the_per_record_verdict() -> None:
    table = pairs_table()
    want = [pair_expected(r) for r in table.to_pylist()]
    ok = [w for w in want if not w["error"]]
    assert any(w["compatible"] for w in ok) and any(not w["compatible"] for w in ok)
    assert any(w["emergency"] for w in ok)
    assert any("is required" in (w["error"] or "") for w in want)
    check_all(rakt.compatibilities, table, want)


def test_compatibility_known_pairs() -> None:
    t = pa.table({"component": ["red_cells", "red_cells", "fresh_frozen_plasma"],
                  "donor": ["O-", "A+", "AB+"], "recipient_group": ["AB+", "O+", "O-"]})
    out = rakt.compatibilities(t).to_pylist()
    assert [r["compatible"] for r in out] == [True, False, True]
    assert out[1]["rank"] == "incompatible"


# ---- expiry --------------------------------------------------------------------------------

def units_table(n: int = 300, seed: int = 9) -> pa.Table:
    rng = random.Random(seed)
    products = [
        ("red_cells", "additive_solution", None),
        ("red_cells", "cpda1", None),
        ("red_cells", None, None),  # refused: red cells need a preservative
        ("whole_blood", "cpd", None),
        ("platelets", None, "random_donor"),
        ("platelets", None, "apheresis"),
        ("fresh_frozen_plasma", None, None),
        ("cryoprecipitate", None, None),
    ]
    rows: dict[str, list[Any]] = {k: [] for k in (
        "id", "component", "preservative", "platelet_source", "modifications", "collected_at")}
    start = dt.datetime(2026, 1, 1, 0, 0, tzinfo=dt.timezone.utc)
    for i in range(n):
        c, p, s = rng.choice(products)
        rows["id"].append(f"U{i:03d}")
        rows["component"].append(c)
        rows["preservative"].append(p)
        rows["platelet_source"].append(s)
        rows["modifications"].append(rng.choice([[], [], ["leucoreduced"], ["irradiated"], ["boiled"]]))
        rows["collected_at"].append(maybe(rng, start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 200)), 0.05))
    return pa.table(rows, schema=pa.schema([
        ("id", pa.string()), ("component", pa.string()), ("preservative", pa.string()),
        ("platelet_source", pa.string()), ("modifications", pa.list_(pa.string())),
        ("collected_at", pa.timestamp("us", tz="UTC")),
    ]))


AS_OF_T = dt.datetime(2026, 5, 1, 12, 0, tzinfo=IST)


def unit_expected(row: dict[str, Any]) -> dict[str, Any]:
    def f() -> dict[str, Any]:
        product = rakt.Product(row["component"], row["preservative"], row["platelet_source"],
                               row["modifications"])
        if row["collected_at"] is None:
            raise rakt.InvalidInput("invalid input: collected_at: is required; the cell is empty")
        e = rakt.expiry(product, row["collected_at"])
        return {"id": row["id"], "expires_at": e.expires_at, "expired": e.is_expired(AS_OF_T),
                "reasons": e.codes}

    return outcome(f, row["id"])


def test_expiries_equal_the_per_record_expiry() -> None:
    table = units_table()
    want = [unit_expected(r) for r in table.to_pylist()]
    ok = [w for w in want if not w["error"]]
    assert any(w["expired"] for w in ok) and any(not w["expired"] for w in ok)
    assert any("preservative" in (w["error"] or "") for w in want)
    assert any("boiled" in (w["error"] or "") for w in want)
    check_all(rakt.expiries, table, want, as_of=AS_OF_T)
    # Without as_of there is no expired column value.
    assert {r["expired"] for r in rakt.expiries(table).to_pylist()} == {None}


def test_expiry_at_the_minute_of_expiry_and_from_text() -> None:
    collected = "2026-01-01T10:00:00+05:30"
    e = rakt.expiry(rakt.Product("red_cells", "additive_solution"), rakt.parse_timestamp(collected))
    t = pa.table({"component": ["red_cells"], "preservative": ["additive_solution"],
                  "collected_at": [collected]})
    at = rakt.expiries(t, as_of=e.expires_at).to_pylist()[0]
    before = rakt.expiries(t, as_of=e.expires_at - dt.timedelta(minutes=1)).to_pylist()[0]
    assert at["expires_at"] == e.expires_at
    assert (at["expired"], before["expired"]) == (True, False)
    assert at["expires_at"].utcoffset() == dt.timedelta(hours=5, minutes=30)


def test_expiries_refuse_naive_timestamps() -> None:
    t = pa.table({"component": ["red_cells"], "collected_at": [dt.datetime(2026, 1, 1)]})
    with pytest.raises(TypeError, match="without a time zone"):
        rakt.expiries(t)
    bad = pa.table({"component": ["red_cells"], "preservative": ["cpda1"],
                    "collected_at": ["2026-01-01T10:00:00"]})
    assert "offset" in rakt.expiries(bad).to_pylist()[0]["error"]


# ---- donors --------------------------------------------------------------------------------

DONOR_AS_OF = dt.date(2026, 6, 1)


def donors_table(n: int = 400, seed: int = 13) -> pa.Table:
    rng = random.Random(seed)
    rows: dict[str, list[Any]] = {k: [] for k in (
        "id", "date_of_birth", "sex", "previous_donation_dates", "previous_donation_kinds",
        "deferral_event_kinds", "deferral_event_dates", "deferral_event_markers", "conditions",
        "weight_kg", "hb_g_dl", "systolic_mmhg", "diastolic_mmhg", "pulse_bpm", "temperature_c",
        "states", "kind")}
    for i in range(n):
        rows["id"].append(f"D{i:03d}")
        age = rng.choice([17, 18, 30, 30, 30, 45, 45, 60, 65, 66])
        rows["date_of_birth"].append(maybe(rng, DONOR_AS_OF - dt.timedelta(days=int(age * 365.25) + rng.randint(-5, 5)), 0.02))
        rows["sex"].append(rng.choice(["female", "male", "male", "male", "other"] * 5 + ["m"]) if rng.random() > 0.03 else None)
        k = rng.choice([0, 0, 1, 2, 4])
        dates = [DONOR_AS_OF - dt.timedelta(days=rng.randint(10, 400)) for _ in range(k)]
        kinds = [rng.choice(["whole_blood_450", "whole_blood_350", "plateletpheresis"]) for _ in range(k)]
        if rng.random() < 0.03:
            kinds = kinds[:-1] if kinds else ["whole_blood_450"]  # lengths differ
        rows["previous_donation_dates"].append(dates)
        rows["previous_donation_kinds"].append(kinds)
        e = rng.choice([[]] * 12 + [[("tattoo", "")], [("malaria", "")], [("tti_reactive", "hiv")], [("tti_reactive", "")]])
        rows["deferral_event_kinds"].append([x[0] for x in e])
        rows["deferral_event_dates"].append([DONOR_AS_OF - dt.timedelta(days=rng.randint(1, 500)) for _ in e])
        rows["deferral_event_markers"].append([x[1] for x in e])
        rows["conditions"].append(rng.choice([[]] * 12 + [["asthma"], ["hiv"], ["epilepsy"], ["flu"]]))
        rows["weight_kg"].append(maybe(rng, rng.choice([44.9, 45.0, 49.9, 50.0, 55.0] + [60.0, 70.0] * 6), 0.02))
        rows["hb_g_dl"].append(rng.choice([12.0, 12.4, 12.5, 13.0] + [13.5, 14.0] * 3))
        rows["systolic_mmhg"].append(rng.choice([99, 100, 140, 160, 161] + [120] * 6))
        rows["diastolic_mmhg"].append(rng.choice([59, 60, 90, 100, 101] + [80] * 6))
        rows["pulse_bpm"].append(rng.choice([49, 50, 100, 101] + [72] * 6))
        rows["temperature_c"].append(rng.choice([36.5] * 6 + [37.5, 37.6]))
        rows["states"].append(rng.choice([[], [], [], ["pregnant"], ["menstruating"]]))
        rows["kind"].append(maybe(rng, rng.choice(["whole_blood_450", "whole_blood_350", "plateletpheresis"]), 0.3))
    return pa.table(rows, schema=pa.schema([
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


def donor_expected(row: dict[str, Any], default_kind: str) -> dict[str, Any]:
    def need(k: str) -> Any:
        if row[k] is None:
            raise rakt.InvalidInput(f"invalid input: {k}: is required; the cell is empty")
        return row[k]

    def f() -> dict[str, Any]:
        dob, sex = need("date_of_birth"), need("sex")
        sex = rakt.Sex.parse(sex)
        d, k = row["previous_donation_dates"], row["previous_donation_kinds"]
        if len(d) != len(k):
            raise rakt.InvalidInput(
                f"invalid input: previous_donation_kinds: has {len(k)} items but "
                f"previous_donation_dates has {len(d)}; the two lists go together item by item")
        previous = [rakt.PreviousDonation(a, b) for a, b in zip(d, k)]
        events = [rakt.DeferralEvent(a, b, m or None) for a, b, m in zip(
            row["deferral_event_kinds"], row["deferral_event_dates"], row["deferral_event_markers"])]
        donor = rakt.Donor(dob, sex, previous_donations=previous, deferral_events=events,
                           conditions=row["conditions"], id=row["id"])
        checks = rakt.DonorChecks(dec(need("weight_kg")), dec(row["hb_g_dl"]), row["systolic_mmhg"],
                                  row["diastolic_mmhg"], row["pulse_bpm"], dec(row["temperature_c"]),
                                  states=row["states"])
        a = rakt.assess_donor(donor, checks, row["kind"] or default_kind, DONOR_AS_OF)
        assert rakt.decide_donor(donor, checks, row["kind"] or default_kind, DONOR_AS_OF) == a.decision()
        return {
            "id": row["id"], "kind": a.kind.code, "eligible": a.eligible, "permanent": a.permanent,
            "deferred_until": a.deferred_until, "referred": a.referred,
            "next_eligible": a.next_eligible, "reasons": a.codes,
        }

    return outcome(f, row["id"])


def test_assess_donors_equal_the_per_record_assessment() -> None:
    table = donors_table()
    want = [donor_expected(r, "whole_blood_450") for r in table.to_pylist()]
    ok = [w for w in want if not w["error"]]
    assert 10 < sum(w["eligible"] for w in ok) < len(ok)
    assert any(w["permanent"] for w in ok)
    assert any(w["deferred_until"] for w in ok)
    errors = [w["error"] for w in want if w["error"]]
    assert any("go together" in e for e in errors)
    assert any("flu" in e for e in errors)
    assert any("marker" in e for e in errors)
    check_all(rakt.assess_donors, table, want, as_of=DONOR_AS_OF, kind="whole_blood_450")


def test_decide_donor_gives_the_assessments_values_and_errors() -> None:
    donor = rakt.Donor(dt.date(1990, 5, 17), "female")
    low_hb = rakt.DonorChecks(Decimal("52"), Decimal("12.0"), 118, 76, 70, Decimal("36.6"))
    d = rakt.decide_donor(donor, low_hb, "whole_blood_350", dt.date(2026, 3, 1))
    a = rakt.assess_donor(donor, low_hb, "whole_blood_350", dt.date(2026, 3, 1))
    assert d == a.decision() and hash(d) == hash(a.decision())
    assert (d.eligible, d.permanent, d.referred) == (False, False, False)
    assert d.codes == a.codes == ["DONOR_HB_BELOW_MIN"]
    assert d.deferred_until == d.next_eligible == a.deferred_until
    assert repr(d) == (
        f"DonorDecision(kind=DonationKind.WHOLE_BLOOD_350, as_of=datetime.date(2026, 3, 1), "
        f"eligible=False, permanent=False, deferred_until={d.deferred_until!r}, referred=False, "
        "codes=['DONOR_HB_BELOW_MIN'])")
    fine = rakt.DonorChecks(Decimal("52"), Decimal("12.5"), 118, 76, 70, Decimal("36.6"))
    d = rakt.decide_donor(donor, fine, "whole_blood_350", dt.date(2026, 3, 1))
    assert (d.eligible, d.codes, d.next_eligible) == (True, ["DONOR_ELIGIBLE"], dt.date(2026, 3, 1))
    # The same refusal, word for word.
    with pytest.raises(rakt.InvalidInput) as explained:
        rakt.assess_donor(donor, fine, "whole_blood_350", dt.date(1980, 1, 1))
    with pytest.raises(rakt.InvalidInput) as decided:
        rakt.decide_donor(donor, fine, "whole_blood_350", dt.date(1980, 1, 1))
    assert str(decided.value) == str(explained.value)
    assert "is after the day assessed" in str(decided.value)


def test_assess_donors_kind_and_required_columns() -> None:
    table = donors_table(20).drop_columns(["kind"])
    out = rakt.assess_donors(table, DONOR_AS_OF).to_pylist()
    want = [donor_expected({**r, "kind": None}, "whole_blood_450") for r in table.to_pylist()]
    assert sum(1 for w in want if not w["error"]) > 5
    for r, w in zip(out, want):
        # Rows are read before they are checked: a row that reads well lacks its kind.
        read_error = w["error"] and not w["error"].startswith("invalid input: donor.")
        assert r["error"] == (w["error"] if read_error else "invalid input: kind: is required; the cell is empty")
    with pytest.raises(KeyError, match="hb_g_dl"):
        rakt.assess_donors(table.drop_columns(["hb_g_dl"]), DONOR_AS_OF, "whole_blood_450")
    renamed = table.rename_columns(["donor_id" if c == "id" else c for c in table.column_names])
    out = rakt.assess_donors(renamed, DONOR_AS_OF, "whole_blood_450", columns={"id": "donor_id"})
    assert out.column("id").to_pylist() == table.column("id").to_pylist()
    with pytest.raises(ValueError, match="previous_donation_dates"):
        rakt.assess_donors(table.append_column("previous_donations", pa.array(["x"] * 20)),
                           DONOR_AS_OF, "whole_blood_450")


def test_donor_lists_as_text() -> None:
    """Lists may come as `;`-separated text (CSV exports)."""
    base = {"date_of_birth": [dt.date(1990, 1, 1)], "sex": ["male"], "weight_kg": [60],
            "hb_g_dl": ["13.5"], "systolic_mmhg": [120], "diastolic_mmhg": [80], "pulse_bpm": [72],
            "temperature_c": ["36.8"]}
    t = pa.table({**base, "previous_donation_dates": ["2026-05-01"],
                  "previous_donation_kinds": ["whole_blood_450"]})
    r = rakt.assess_donors(t, DONOR_AS_OF, "whole_blood_450").to_pylist()[0]
    donor = rakt.Donor(dt.date(1990, 1, 1), "male",
                       previous_donations=[rakt.PreviousDonation(dt.date(2026, 5, 1), "whole_blood_450")])
    a = rakt.assess_donor(donor, rakt.DonorChecks(60, Decimal("13.5"), 120, 80, 72, Decimal("36.8")),
                          "whole_blood_450", DONOR_AS_OF)
    assert (r["eligible"], r["next_eligible"], r["reasons"]) == (a.eligible, a.next_eligible, a.codes)
    assert r["eligible"] is False


def test_decide_compatibility_gives_the_verdicts_values() -> None:
    groups = ["O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+", "O weak D", "A2+"]
    recipients: list[Any] = [rakt.Recipient(g, sex=s, age_years=a, anti_d=d)
                             for g in groups + [None] for s in ("female", "male")
                             for a in (8, 30) for d in (False, True)]
    checked = 0
    for component in ("red_cells", "whole_blood", "fresh_frozen_plasma", "platelets"):
        for donor in groups:
            for r in recipients:
                v = rakt.compatibility(component, donor, r)
                d = rakt.decide_compatibility(component, donor, r)
                assert d == v.decision() and hash(d) == hash(v.decision())
                assert (d.component, d.donor, d.compatible, d.rank, d.emergency, d.codes) == (
                    v.component, v.donor, v.compatible, v.rank, v.emergency, v.codes)
                checked += 1
    assert checked == 4 * 12 * 13 * 8
    d = rakt.decide_compatibility("fresh_frozen_plasma", "O-", "AB+")
    assert (d.compatible, d.codes) == (False, ["PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"])
    assert repr(d).startswith("CompatibilityDecision(component=Component.FRESH_FROZEN_PLASMA")


def test_decide_expiry_gives_the_expirys_values_and_errors() -> None:
    collected = rakt.parse_timestamp("2026-01-01T10:00:00+05:30")
    products = [
        rakt.Product("red_cells", "additive_solution"),
        rakt.Product("red_cells", "cpda1"),
        rakt.Product("whole_blood", "cpd"),
        rakt.Product("platelets", platelet_source="random_donor"),
        rakt.Product("fresh_frozen_plasma"),
        rakt.Product("cryoprecipitate"),
    ]
    for product in products:
        e = rakt.expiry(product, collected)
        d = rakt.decide_expiry(product, collected)
        assert d == e.decision() and hash(d) == hash(e.decision())
        assert (d.expires_at, d.codes) == (e.expires_at, e.codes) == (e.expires_at, ["SHELF_LIFE"])
        # Expired at the instant of expiry, not a minute before.
        assert d.is_expired(e.expires_at)
        assert not d.is_expired(e.expires_at - dt.timedelta(minutes=1))
    d = rakt.decide_expiry(products[0], collected)
    assert d.expires_at == rakt.parse_timestamp("2026-02-12T23:59:00+05:30")
    assert repr(d) == ("ExpiryDecision(expires_at=datetime.datetime(2026, 2, 12, 23, 59, tzinfo="
                       "datetime.timezone(datetime.timedelta(seconds=19800))), codes=['SHELF_LIFE'])")
    # The same refusal, word for word.
    irradiated = rakt.Product("red_cells", "additive_solution", modifications=["irradiated"])
    with pytest.raises(rakt.InvalidInput) as explained:
        rakt.expiry(irradiated, collected)
    with pytest.raises(rakt.InvalidInput) as decided:
        rakt.decide_expiry(irradiated, collected)
    assert str(decided.value) == str(explained.value)
    assert "already irradiated" in str(decided.value)
