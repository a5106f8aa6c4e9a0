"""assess_donor() and the donor classes: deferrals with their dates, permanent deferrals,
referrals, decimals at the boundaries, input refusals, values and pickling."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from decimal import Decimal

import pytest

import rakt
from conftest import IST
from rakt import (
    Condition,
    DeferralEvent,
    DeferralKind,
    DonationKind,
    Donor,
    DonorAssessment,
    DonorChecks,
    DonorState,
    PreviousDonation,
    Sex,
    TtiMarker,
)


def healthy(hb: Decimal = Decimal("14.6"), **kw: object) -> DonorChecks:
    return DonorChecks(Decimal("70"), hb, 120, 80, 72, Decimal("36.8"), **kw)  # type: ignore[arg-type]


def man(**kw: object) -> Donor:
    return Donor(date(1990, 5, 17), "male", **kw)  # type: ignore[arg-type]


def test_too_early_after_whole_blood_is_deferred_until_the_interval_ends() -> None:
    donor = man(previous_donations=[PreviousDonation(date(2026, 1, 10), "whole_blood_450")])
    a = rakt.assess_donor(donor, healthy(), DonationKind.WHOLE_BLOOD_450, date(2026, 3, 1))
    assert not a.eligible and not a.permanent and not a.referred
    assert a.deferred_until == date(2026, 4, 10)
    assert a.next_eligible == date(2026, 4, 10)
    assert a.kind == DonationKind.WHOLE_BLOOD_450 and a.as_of == date(2026, 3, 1)
    assert a.codes == ["DONOR_INTERVAL_NOT_MET"]
    facts = a.reasons[0].facts
    assert facts["last_date"] == "2026-01-10" and facts["until"] == "2026-04-10"
    assert "2026-04-10" in a.reasons[0].message() and "2026-04-10" in a.reasons[0].message("hi")
    assert a.reasons[0].message() != a.reasons[0].message("hi")
    # On the first allowed day the same donor is eligible, and next_eligible is that day.
    ok = rakt.assess_donor(donor, healthy(), "whole_blood_450", date(2026, 4, 10))
    assert ok.eligible and ok.codes == ["DONOR_ELIGIBLE"]
    assert ok.deferred_until is None and ok.next_eligible == date(2026, 4, 10)


def test_a_tattoo_defers_for_twelve_months_in_india() -> None:
    donor = man(deferral_events=[DeferralEvent(DeferralKind.TATTOO, date(2025, 2, 10))])
    a = rakt.assess_donor(donor, healthy(), "whole_blood_450", date(2026, 2, 9))
    assert a.codes == ["DONOR_DEFERRED"]
    assert a.deferred_until == date(2026, 2, 10)
    assert a.reasons[0].facts["event"] == "tattoo"
    assert a.reasons[0].facts["period"] == "12 months"
    assert rakt.assess_donor(donor, healthy(), "whole_blood_450", date(2026, 2, 10)).eligible


def test_a_reactive_hiv_result_defers_permanently() -> None:
    donor = man(deferral_events=[DeferralEvent("tti_reactive", date(2024, 1, 1), marker="hiv")])
    a = rakt.assess_donor(donor, healthy(), "whole_blood_450", date(2026, 3, 1))
    assert not a.eligible and a.permanent
    assert a.deferred_until is None and a.next_eligible is None
    assert a.codes == ["DONOR_DEFERRED_PERMANENTLY"]
    assert a.reasons[0].facts["event"] == "tti_reactive:hiv"


def test_a_permanent_condition_and_every_failure_are_listed() -> None:
    donor = man(
        conditions=[Condition.EPILEPSY],
        deferral_events=[DeferralEvent("tattoo", date(2026, 1, 1))],
    )
    a = rakt.assess_donor(donor, healthy(Decimal("11")), "whole_blood_450", date(2026, 3, 1))
    assert a.permanent and a.deferred_until is None
    assert a.codes == ["DONOR_HB_BELOW_MIN", "DONOR_DEFERRED", "DONOR_PERMANENT_CONDITION"]


def test_a_condition_without_a_rule_is_referred_to_the_medical_officer() -> None:
    a = rakt.assess_donor(man(conditions=["prion_risk"]), healthy(), "whole_blood_450", date(2026, 3, 1))
    assert a.referred and not a.eligible and not a.permanent
    assert a.deferred_until is None and a.next_eligible is None
    assert a.codes == ["DONOR_REFER_TO_MEDICAL_OFFICER"]
    assert a.reasons[0].facts["subject"] == "condition:prion_risk"


def test_haemoglobin_boundary_is_exact() -> None:
    woman = Donor(date(1990, 5, 17), Sex.FEMALE)
    at_limit = rakt.assess_donor(woman, healthy(Decimal("12.5")), "whole_blood_350", date(2026, 3, 1))
    assert at_limit.eligible
    below = rakt.assess_donor(woman, healthy(Decimal("12.4")), "whole_blood_350", date(2026, 3, 1))
    assert below.codes == ["DONOR_HB_BELOW_MIN"]
    assert below.deferred_until == date(2026, 3, 2)
    facts = below.reasons[0].facts
    assert (facts["measured"], facts["limit"], facts["until"]) == ("12.4", "≥ 12.5", "2026-03-02")
    # Integers are exact decimals too.
    assert rakt.assess_donor(woman, healthy(13), "whole_blood_350", date(2026, 3, 1)).eligible


def test_states_and_policies() -> None:
    woman = Donor(date(1990, 5, 17), "female")
    pregnant = rakt.assess_donor(
        woman, healthy(states=[DonorState.PREGNANT]), "whole_blood_350", date(2026, 3, 1)
    )
    assert not pregnant.eligible and "DONOR_STATE_DEFERS" in pregnant.codes
    us = rakt.assess_donor(man(), healthy(Decimal("12.9")), "whole_blood_450", date(2026, 3, 1), rakt.Policy.us())
    assert us.codes == ["DONOR_HB_BELOW_MIN"] and us.reasons[0].facts["limit"] == "≥ 13.0"


def test_days_are_dates_not_datetimes() -> None:
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.assess_donor(man(), healthy(), "whole_blood_450", datetime(2026, 3, 1, 10, tzinfo=IST))
    assert e.value.field == "as_of" and "a day, not an instant" in str(e.value)
    with pytest.raises(rakt.InvalidInput) as e:
        Donor(datetime(1990, 5, 17, tzinfo=IST), "male")
    assert e.value.field == "date_of_birth"
    with pytest.raises(rakt.InvalidInput) as e:
        PreviousDonation(datetime(2026, 1, 1, tzinfo=IST), "whole_blood_450")
    assert e.value.field == "date"
    with pytest.raises(TypeError, match="datetime.date"):
        rakt.assess_donor(man(), healthy(), "whole_blood_450", "2026-03-01")  # type: ignore[arg-type]


def test_measurements_are_exact_decimals_and_counts_are_ints() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        DonorChecks(70.0, Decimal("14"), 120, 80, 72, Decimal("36.8"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int"):
        DonorChecks(70, Decimal("14"), 120.0, 80, 72, Decimal("36.8"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DonorChecks(70, Decimal("14"), True, 80, 72, Decimal("36.8"))
    with pytest.raises(rakt.InvalidInput) as e:
        DonorChecks(70, Decimal("14"), -1, 80, 72, Decimal("36.8"))
    assert e.value.field == "systolic_mmhg"
    with pytest.raises(rakt.InvalidInput) as e:
        DonorChecks(70, Decimal("14"), 120, 80, 72, Decimal("NaN"))
    assert e.value.field == "temperature_c"


def test_the_core_validates_the_record() -> None:
    # Negative measurements and impossible dates are refused by assess_donor (the core), with
    # the field named as in the vectors.
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.assess_donor(man(), healthy(Decimal("-1")), "whole_blood_450", date(2026, 3, 1))
    assert e.value.field == "checks.hb_g_dl"
    no_marker = man(deferral_events=[DeferralEvent("tti_reactive", date(2026, 1, 15))])
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.assess_donor(no_marker, healthy(), "whole_blood_450", date(2026, 3, 1))
    assert e.value.field == "donor.deferral_events[0].marker"
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.assess_donor(man(), healthy(), "whole_blood_500", date(2026, 3, 1))
    assert e.value.field == "kind" and "whole_blood_450" in str(e.value)


def test_bad_collections_are_type_errors() -> None:
    with pytest.raises(TypeError, match="not a str"):
        man(conditions="cancer")
    with pytest.raises(TypeError, match="rakt.PreviousDonation"):
        man(previous_donations=[{"date": "2026-01-01", "kind": "whole_blood_450"}])
    with pytest.raises(TypeError):
        Donor(date(1990, 5, 17), "male", None)  # type: ignore[misc]


def test_values_compare_hash_print_and_pickle() -> None:
    donor = Donor(
        date(1990, 5, 17),
        "female",
        id="D-17",
        first_time=False,
        previous_donations=[PreviousDonation(date(2025, 6, 1), "plateletpheresis", red_cells_returned=False)],
        deferral_events=[DeferralEvent("tti_reactive", date(2024, 1, 1), TtiMarker.HBSAG)],
        conditions=["asthma"],
    )
    assert donor.id == "D-17" and donor.sex == Sex.FEMALE and donor.first_time is False
    assert donor.date_of_birth == date(1990, 5, 17)
    assert donor.previous_donations[0].kind == DonationKind.PLATELETPHERESIS
    assert donor.previous_donations[0].red_cells_returned is False
    assert donor.deferral_events[0].marker == TtiMarker.HBSAG
    assert donor.deferral_events[0].kind == DeferralKind.TTI_REACTIVE
    assert donor.conditions == [Condition.ASTHMA]
    checks = healthy(states=["menstruating"])
    assert checks.weight_kg == Decimal("70") and checks.temperature_c == Decimal("36.8")
    assert (checks.systolic_mmhg, checks.diastolic_mmhg, checks.pulse_bpm) == (120, 80, 72)
    assert checks.states == [DonorState.MENSTRUATING]
    a = rakt.assess_donor(donor, checks, "whole_blood_350", date(2026, 3, 1))
    values: list[object] = [
        donor, checks, a, donor.previous_donations[0], donor.deferral_events[0],
        DonationKind.DOUBLE_RED_CELLS, DeferralKind.PBSC_HARVEST, DonorState.BREASTFEEDING,
        Condition.TRANSFUSED_SINCE_1980,
    ]
    for v in values:
        again = pickle.loads(pickle.dumps(v))
        assert again == v and hash(again) == hash(v) and type(again) is type(v)
    assert DonorAssessment.from_json(a.to_json()) == a
    assert Donor.from_json(donor.to_json()) == donor
    assert DonorChecks.from_json(checks.to_json()) == checks
    assert {donor: 1}[Donor.from_json(donor.to_json())] == 1
    assert repr(PreviousDonation(date(2026, 1, 10), "whole_blood_450")) == (
        "PreviousDonation(date=datetime.date(2026, 1, 10), kind=DonationKind.WHOLE_BLOOD_450, "
        "red_cells_returned=True)"
    )
    assert repr(a).startswith("DonorAssessment(kind=DonationKind.WHOLE_BLOOD_350")


def test_donor_enums() -> None:
    assert [k.code for k in DonationKind.members()] == [
        "whole_blood_350", "whole_blood_450", "plateletpheresis", "plasmapheresis",
        "double_red_cells",
    ]
    assert DeferralKind.parse("vaccine_rubella_varicella") == DeferralKind.VACCINE_RUBELLA_VARICELLA
    assert len(DeferralKind.members()) == 28 and len(Condition.members()) == 21
    assert [k.code for k in DeferralKind.members()[-6:]] == [
        "tuberculosis", "hepatitis_a_e", "antibiotics", "aspirin", "antihypertensive_change",
        "foreign_national_stay",
    ]
    assert DonorState.parse("asthma_attack") == DonorState.ASTHMA_ATTACK
    assert Condition.ASTHMA_ON_STEROIDS.code == "asthma_on_steroids"
    assert Condition.INSULIN_TREATED_DIABETES.code == "insulin_treated_diabetes"
    with pytest.raises(rakt.InvalidInput) as e:
        DonorState.parse("fasting")
    assert e.value.field == "state"


def test_decimals_rakt_cannot_hold_exactly_are_refused() -> None:
    # Issue 17: Hb 12.4 followed by thirty 9s was rounded to 12.5 and passed the 12.5 g/dL line.
    with pytest.raises(rakt.InvalidInput) as err:
        DonorChecks(Decimal("70"), Decimal("12.4" + "9" * 30), 120, 80, 72, Decimal("36.8"))
    assert err.value.field == "hb_g_dl" and "exactly" in str(err.value)
    for bad in ("NaN", "Infinity", "1E+40"):
        with pytest.raises(rakt.InvalidInput):
            DonorChecks(Decimal("70"), Decimal(bad), 120, 80, 72, Decimal("36.8"))
    # What fits is kept exactly, in any notation.
    c = DonorChecks(Decimal("7E+1"), Decimal("12.50000000000000000000000000"), 120, 80, 72, Decimal("36.8"))
    assert c.weight_kg == Decimal("70") and c.hb_g_dl == Decimal("12.5")
