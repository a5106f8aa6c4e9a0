"""rakt.kpi: blood-bank KPIs of research/blood.md §8 over real unit histories, with exact
values: the same answers as the Rust core (which defines what is counted)."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

import rakt
from conftest import ist
from rakt import BloodUnit, Product, kpi

SAGM = Product("red_cells", preservative="additive_solution")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]
T0 = ist(2026, 11, 1, 9)
FROM, TO = ist(2026, 11, 1), ist(2026, 12, 1)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def released(din: str, product: Product = SAGM) -> BloodUnit:
    unit = BloodUnit.collect(din, product, "O+", 280, "voluntary", T0, actor="tech")
    unit = unit.apply(rakt.Quarantine(h(1), "tech"))
    for marker in MANDATORY:
        unit = unit.apply(rakt.RecordTest(h(2), "tech", marker, "non_reactive"))
    g = rakt.BloodGroup.parse("O+")
    unit = unit.apply(rakt.RecordGrouping(h(3), "tech", forward=g, reverse=g.abo))
    return unit.apply(rakt.Release(h(4), "tech"))


def transfused(din: str, patient: str) -> BloodUnit:
    u = released(din).apply(rakt.Crossmatch(h(10), "tech", patient, h(34)))
    u = u.apply(rakt.Issue(h(11), "tech", patient))
    return u.apply(rakt.Transfuse(h(12), "tech"))


def crossmatched_only(din: str, patient: str) -> BloodUnit:
    u = released(din).apply(rakt.Crossmatch(h(10), "tech", patient, h(34)))
    return u.apply(rakt.CancelReservation(h(30), "tech"))


def hospital(crossmatched: int, transfused_n: int) -> list[tuple[str, BloodUnit]]:
    return [
        ("BC-1", transfused(f"H{i}", f"P{i}") if i < transfused_n else crossmatched_only(f"H{i}", f"P{i}"))
        for i in range(crossmatched)
    ]


@pytest.mark.parametrize(
    ("crossmatched", "value", "met_25", "met_20"),
    [(26, "1.30", True, True), (40, "2.00", True, True), (43, "2.15", True, False)],
)
def test_three_hospitals_of_clin_lab_haematol_1983(
    crossmatched: int, value: str, met_25: bool, met_20: bool
) -> None:
    units = hospital(crossmatched, 20)
    ct = kpi.kpis(units, FROM, TO).facilities[0].kpis.ct_ratio
    assert (ct.code, ct.numerator, ct.denominator) == ("ct_ratio", crossmatched, 20)
    assert ct.value == Decimal(value) and str(ct.value) == value
    assert ct.met is met_25
    assert ct.target is not None
    assert (ct.target.comparison, ct.target.value, ct.target.path) == ("at_most", Decimal("2.5"), "kpi.ct_ratio_max")
    assert ct.target.source is not None and ct.target.source.confidence == rakt.Confidence.MEDIUM
    strict = rakt.Policy.from_toml('name = "audit"\nextends = "india"\n[kpi]\nct_ratio_max = "2.0"')
    ct = kpi.kpis(units, FROM, TO, strict).facilities[0].kpis.ct_ratio
    assert ct.met is met_20


def test_boundaries_are_exact() -> None:
    ct = kpi.kpis(hospital(5, 2), FROM, TO).facilities[0].kpis.ct_ratio
    assert (ct.value, ct.met) == (Decimal("2.50"), True)
    ct = kpi.kpis(hospital(313, 125), FROM, TO).facilities[0].kpis.ct_ratio
    assert (ct.value, ct.met) == (Decimal("2.50"), False)  # 2.504: met decided on the counts
    k = kpi.kpis(hospital(10, 3), FROM, TO).facilities[0].kpis
    assert (k.transfusion_probability.value, k.transfusion_probability.met) == (Decimal("30.00"), True)
    assert (k.transfusion_index.value, k.transfusion_index.met) == (Decimal("0.30"), False)
    k = kpi.kpis(hospital(2, 1), FROM, TO).facilities[0].kpis
    assert (k.transfusion_index.value, k.transfusion_index.met) == (Decimal("0.50"), True)
    assert k.transfusion_index.target is not None and k.transfusion_index.target.comparison == "at_least"


def test_the_period_is_half_open() -> None:
    units = [("BC-1", transfused("A", "P1"))]
    ct = kpi.kpis(units, h(10), h(12)).facilities[0].kpis.ct_ratio
    assert (ct.numerator, ct.denominator, ct.value, ct.met) == (1, 0, None, None)
    assert ct.why == "no units were transfused in the period"
    ct = kpi.kpis(units, h(12), h(13)).facilities[0].kpis.ct_ratio
    assert (ct.numerator, ct.denominator, ct.value) == (0, 1, Decimal("0.00"))


def test_returns_discards_and_components() -> None:
    again = released("A").apply(rakt.Issue(h(10), "tech", "P1"))
    again = again.apply(rakt.Return(h(11), "tech", minutes_out_of_storage=10))
    again = again.apply(rakt.Issue(h(12), "tech", "P1")).apply(rakt.Transfuse(h(13), "tech"))
    late = released("B").apply(rakt.Issue(h(10), "tech", "P2"))
    late = late.apply(rakt.Return(h(11), "tech", minutes_out_of_storage=45))
    plt = released("C", Product("platelets", platelet_source="random_donor"))
    plt = plt.apply(rakt.Discard(h(20), "tech", "leakage"))
    r = kpi.kpis([("BC-1", again), ("BC-1", late), ("BC-1", plt)], FROM, TO)
    f = r.facility("BC-1")
    assert f is not None
    assert (f.kpis.wapi.numerator, f.kpis.wapi.denominator, f.kpis.wapi.value) == (2, 2, Decimal("100.00"))
    assert f.kpis.wapi.met is None and f.kpis.wapi.target is None
    assert (f.kpis.discard_rate.numerator, f.kpis.discard_rate.denominator) == (2, 3)
    assert f.kpis.discard_rate.value == Decimal("66.67")
    assert [(x.reason, x.kpi.numerator) for x in f.kpis.discard_reasons] == [("leakage", 1), ("returned_too_late", 1)]
    assert [c.component for c in f.components] == [rakt.Component.RED_CELLS, rakt.Component.PLATELETS]
    platelets = f.component("platelets")
    assert platelets is not None and platelets.discard_rate.value == Decimal("100.00")
    assert platelets.wapi.value is None and platelets.wapi.why == "no units were issued in the period"
    assert f.component(rakt.Component.PLASMA) is None
    assert [k.code for k in f.kpis.all()] == [
        "ct_ratio", "transfusion_probability", "transfusion_index", "discard_rate", "wapi", "outdate_rate"]
    assert f.kpis.get("wapi") == f.kpis.wapi
    with pytest.raises(rakt.InvalidInput):
        f.kpis.get("nonsense")


def test_facilities_duplicates_and_bad_input() -> None:
    a = transfused("A", "P1")
    r = kpi.kpis([("BC-2", a), ("BC-1", released("B")), ("BC-2", a)], FROM, TO)
    assert [f.facility for f in r.facilities] == ["BC-1", "BC-2"]
    assert (r.period_from, r.period_to, r.policy) == (FROM, TO, "india")
    bc2 = r.facility("BC-2")
    assert bc2 is not None and [(s.unit, s.code) for s in bc2.skipped] == [("A", "DUPLICATE_UNIT")]
    assert r.facility("BC-9") is None
    with pytest.raises(rakt.InvalidInput) as e:
        kpi.kpis([(" ", a)], FROM, TO)
    assert e.value.field == "facility"
    with pytest.raises(rakt.InvalidInput) as e:
        kpi.kpis([], TO, FROM)
    assert e.value.field == "period"
    with pytest.raises(TypeError):
        kpi.kpis([("BC", "not a unit")], FROM, TO)  # type: ignore[list-item]
    assert kpi.kpis(iter([]), FROM, TO).facilities == []


def test_values_round_trip_and_pickle() -> None:
    r = kpi.kpis(hospital(3, 1), FROM, TO)
    assert kpi.KpiReport.from_json(r.to_json()) == r
    assert pickle.loads(pickle.dumps(r)) == r
    k = r.facilities[0].kpis.ct_ratio
    assert pickle.loads(pickle.dumps(k)) == k and hash(k) == hash(pickle.loads(pickle.dumps(k)))
    assert repr(k) == "Kpi(code='ct_ratio', numerator=3, denominator=1, value=Decimal('3.00'), met=False)"
    assert '"code":"ct_ratio"' in k.to_json()


def test_policy_kpi_targets_are_cited() -> None:
    p = rakt.Policy.india()
    src = p.source("kpi.transfusion_probability_min_percent")
    assert src is not None and src.confidence == rakt.Confidence.LOW
    assert ("> 50%", src.alternatives[0][1]) == src.alternatives[0]
    assert p.source("kpi.wapi_max_percent") is None
    assert "kpi.ct_ratio_max" in p.parameter_paths()
    with pytest.raises(rakt.InvalidPolicy):
        rakt.Policy.from_toml('name = "x"\nextends = "india"\n[kpi]\nwapi_max_percent = 150')
