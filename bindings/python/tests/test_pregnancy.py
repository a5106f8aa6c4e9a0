"""High-risk pregnancy assessment, referral, blood plan and blood readiness from Python. The
values mirror crates/rakt/tests/maternal_hrp/."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

import rakt
from conftest import ist
from rakt import AncRecord, BloodUnit, Inventory, Mother, Policy, Product, assess_pregnancy

TODAY = date(2026, 11, 23)
SAGM = Product("red_cells", preservative="additive_solution")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]


def lmp_at(weeks: int, days: int = 0) -> date:
    return TODAY - timedelta(days=weeks * 7 + days)


def rc(din: str, group: str, collected: datetime) -> BloodUnit:
    """A released SAGM red-cell unit (42 days, expiring 23:59 IST on day 42)."""
    unit = BloodUnit.collect(din, SAGM, group, 280, "voluntary", collected, actor="tech")
    later = collected + timedelta(hours=2)
    events: list[rakt.UnitEvent] = [rakt.Quarantine(later, "tech")]
    events += [rakt.RecordTest(later, "tech", m, "non_reactive") for m in MANDATORY]
    g = rakt.BloodGroup.parse(group)
    events.append(rakt.RecordGrouping(later, "tech", forward=g, reverse=g.abo))
    events.append(rakt.Release(later, "tech"))
    for e in events:
        unit = unit.apply(e)
    return unit


def test_pre_eclampsia_flags_refers_to_l3_with_messages_in_both_languages() -> None:
    record = AncRecord(
        id="ANC-7",
        lmp=lmp_at(34),
        bp=(150, 100),
        bp_repeat=(148, 96),
        urine_protein="++",
        hb_g_dl=Decimal("10.5"),
    )
    a = assess_pregnancy(record, TODAY)
    assert a.risk_level == "high"
    assert a.codes == ["PRE_ECLAMPSIA"]
    f = a.flags[0]
    assert (f.code, f.severity, f.category) == ("PRE_ECLAMPSIA", "high_risk", "hypertension")
    assert f.facts == {"bp": "150/100; 148/96", "protein": "++"}
    assert f.message() == "Pre-eclampsia: blood pressure 150/100; 148/96 with urine protein ++."
    assert f.message("hi") == "प्री-एक्लेम्पसिया: रक्तचाप 150/100; 148/96 और पेशाब में प्रोटीन ++।"
    assert f.confidence == "high"
    assert a.hypertension == "pre_eclampsia"
    assert a.anaemia == "mild"
    assert a.gestation == (34, 0)
    assert a.edd == lmp_at(34) + timedelta(days=280)
    assert a.referral.level == "l3"
    assert a.referral.urgency == "planned"
    assert [r.flag for r in a.referral.reasons] == ["PRE_ECLAMPSIA"]
    assert a.blood_plan.action == "none"
    assert a.policy == "india"
    assert a.id == "ANC-7"


def test_a_mapping_works_as_a_record_and_bad_fields_are_named() -> None:
    a = assess_pregnancy({"hb_g_dl": Decimal("7.0")}, TODAY)
    assert a.codes == ["SEVERE_ANAEMIA"]
    flw = assess_pregnancy({"hb_g_dl": Decimal("7.0")}, TODAY, Policy.builtin("india_flw"))
    assert flw.codes == [] and flw.anaemia == "moderate"
    with pytest.raises(TypeError, match="hb_g_dl must be a decimal.Decimal"):
        AncRecord(hb_g_dl=6.5)  # type: ignore[arg-type]
    with pytest.raises(rakt.InvalidInput, match="height"):
        AncRecord(hieght_cm=Decimal(150))
    with pytest.raises(rakt.InvalidInput, match="presentation"):
        AncRecord(presentation="sideways")
    with pytest.raises(rakt.InvalidInput, match="parity"):
        assess_pregnancy(AncRecord(gravida=2, parity=2), TODAY)
    with pytest.raises(ValueError, match="lmp"):
        assess_pregnancy(AncRecord(lmp=TODAY + timedelta(days=1)), TODAY)
    with pytest.raises(rakt.InvalidInput, match="datetime"):
        assess_pregnancy(AncRecord(), ist(2026, 11, 23, 9))  # type: ignore[arg-type]


def test_records_read_back_compare_and_pickle() -> None:
    r = AncRecord(
        age_years=17,
        height_cm=Decimal("139.9"),
        bp=(140, 90),
        blood_group="O-",
        conditions=["placenta_praevia"],
        lmp=date(2026, 5, 1),
    )
    assert r.age_years == 17
    assert r.height_cm == Decimal("139.9")
    assert r.bp == (140, 90)
    assert r.blood_group == rakt.BloodGroup.parse("O-")
    assert r.conditions == ["placenta_praevia"]
    assert r.lmp == date(2026, 5, 1)
    assert r.parity is None
    assert r.vaginal_bleeding is False
    assert pickle.loads(pickle.dumps(r)) == r
    assert AncRecord.from_json(r.to_json()) == r
    assert r.to_dict()["age_years"] == 17
    assert "AncRecord(id" not in repr(r) and "age_years=17" in repr(r)
    with pytest.raises(AttributeError):
        r.nonsense  # noqa: B018
    a = assess_pregnancy(r, TODAY)
    assert a.codes == [
        "YOUNG_AGE",
        "SHORT_STATURE",
        "PLACENTA_PRAEVIA",
        "RAISED_BP_UNCONFIRMED",
        "RH_NEGATIVE",
    ]
    assert pickle.loads(pickle.dumps(a)) == a
    assert hash(a) == hash(pickle.loads(pickle.dumps(a)))


def test_profiles_differ_where_the_sources_do() -> None:
    rec = AncRecord(age_years=32, height_cm=Decimal(144), gravida=5, parity=3)
    assert assess_pregnancy(rec, TODAY).codes == []
    openchs = assess_pregnancy(rec, TODAY, Policy.builtin("india_openchs"))
    assert openchs.codes == ["OLD_AGE", "SHORT_STATURE", "GRAND_MULTIPARITY"]
    assert openchs.flags[2].message() == (
        "5 pregnancies (≥ 5): grand multiparity, risk of haemorrhage."
    )


def test_eclampsia_is_an_emergency_at_l3() -> None:
    a = assess_pregnancy(
        AncRecord(lmp=lmp_at(36), bp=(160, 110), danger_signs=["convulsing"]), TODAY
    )
    assert a.risk_level == "emergency"
    assert a.codes == ["ECLAMPSIA"]
    assert (a.referral.level, a.referral.urgency) == ("l3", "emergency")


def test_blood_readiness_names_the_units_the_gap_and_where_to_get_them() -> None:
    """A high-risk mother (placenta praevia, B RhD-negative) at an FRU whose stock is short."""
    as_of = ist(2026, 11, 23, 10)
    due = date(2026, 12, 1)
    fru = Inventory("FRU Barabanki")
    fru.add(rc("A0000 26 100001", "B-", ist(2026, 10, 20, 9)))  # expires Dec 1 23:59
    fru.add(rc("A0000 26 100002", "B-", ist(2026, 10, 21, 9)))  # expires Dec 2 23:59
    fru.add(rc("A0000 26 100003", "B+", ist(2026, 11, 8, 9)))
    dh = Inventory("DH Lucknow")
    dh.add(rc("A0000 26 200001", "O-", ist(2026, 11, 12, 9)))
    dh.add(rc("A0000 26 200002", "B-", ist(2026, 11, 10, 9)))
    record = AncRecord(
        id="MCTS-42",
        age_years=29,
        blood_group="B-",
        conditions=["placenta_praevia"],
        edd=due,
    )
    a = assess_pregnancy(record, as_of.date())
    assert a.codes == ["PLACENTA_PRAEVIA", "RH_NEGATIVE"]
    plan = a.blood_plan
    assert (plan.tier, plan.action, plan.units, plan.when) == ("high", "crossmatch", 2, "on_admission")
    assert plan.factors == ["placenta_praevia"]
    r = rakt.blood_readiness(record, a, fru, due, as_of, nearby=[dh])
    assert r.required == 2
    assert r.needed_by == ist(2026, 12, 2, 0)
    assert r.unit_ids == ["A0000 26 100002"]
    assert r.missing == 1
    assert not r.ready
    short = {str(s.group): s.codes for s in r.shortfall}
    assert short["B-"] == ["ALL_TAKEN", "EXPIRES_BEFORE_NEEDED"]
    assert short["B+"] == ["INCOMPATIBLE"]
    assert [(n.facility, [u.id for u in n.units]) for n in r.nearby] == [
        ("DH Lucknow", ["A0000 26 200002"])
    ]
    assert r.uncovered == 0
    s = r.suggested_reservation
    assert s is not None and (s.patient, s.quantity, s.hold_until) == ("MCTS-42", 1, r.needed_by)
    held = fru.reserve(s, as_of, "nurse")
    assert held.ids == ["A0000 26 100002"]
    # With the unit now held for her, another mother finds the FRU empty; the DH sends its B-
    # and then, as the last choice, its scarce O-.
    again = rakt.blood_readiness(Mother("MCTS-43", "B-"), plan, fru, due, as_of, [dh])
    assert (again.unit_ids, again.missing, again.uncovered) == ([], 2, 0)
    assert [u.id for u in again.nearby[0].units] == ["A0000 26 200002", "A0000 26 200001"]
    assert pickle.loads(pickle.dumps(r)) == r


def test_blood_readiness_refuses_wrong_arguments() -> None:
    inv = Inventory("PHC")
    with pytest.raises(TypeError, match="plan"):
        rakt.blood_readiness(Mother("M", "A+"), "2 units", inv, TODAY, ist(2026, 11, 23, 9))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="nearby"):
        rakt.blood_readiness(
            Mother("M", "A+"), rakt.BloodPlan.crossmatch(1), inv, TODAY, ist(2026, 11, 23, 9), ["x"]  # type: ignore[list-item]
        )
    with pytest.raises(rakt.InvalidInput, match="id"):
        Mother.from_record(AncRecord(blood_group="A+"))
    r = rakt.blood_readiness(
        Mother("M", "A+"), rakt.BloodPlan.crossmatch(2), inv, TODAY, ist(2026, 11, 23, 9)
    )
    assert (r.required, r.missing, r.uncovered, r.ready) == (2, 2, 2, False)
