"""Hostile and absurd input: every refusal is a typed rakt error naming the field, never a
plain ValueError, OverflowError or a silently accepted value."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

import rakt
from rakt import fhir
from conftest import ist

POLICY = rakt.Policy.india()


def refused(call: object, field: str) -> rakt.InvalidInput:
    assert callable(call)
    with pytest.raises(rakt.InvalidInput) as info:
        call()
    assert info.value.field == field, info.value
    return info.value


# ---- the calendar: years 1 to 9999, no leap seconds ------------------------------------------


def test_a_leap_second_is_the_second_before_it_with_no_warning() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = rakt.parse_timestamp("2016-12-31T23:59:60Z")
        half = rakt.parse_timestamp("2016-12-31T23:59:60.5Z")
    assert t == datetime(2016, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
    assert half == datetime(2016, 12, 31, 23, 59, 59, 500000, tzinfo=timezone.utc)


def test_times_outside_the_years_1_to_9999_are_typed_refusals() -> None:
    e = refused(lambda: rakt.parse_timestamp("0000-01-01T00:00:00Z"), "time")
    assert e.reason == '"0000-01-01T00:00:00Z" is outside the years 1 to 9999'
    # results that would fall past 9999 are refused in the core, not by Python's datetime
    e = refused(lambda: rakt.edd_from_lmp(date(9999, 12, 1)), "lmp")
    assert e.reason.endswith("is out of the calendar's range (years 1 to 9999)")
    assert rakt.edd_from_lmp(date(9999, 3, 26)) == date(9999, 12, 31)
    sagm = rakt.Product("red_cells", "additive_solution")
    e = refused(lambda: rakt.expiry(sagm, datetime(9999, 12, 30, tzinfo=timezone.utc)), "time")
    assert e.reason.endswith("is out of range (years 1 to 9999)")


# ---- plausibility: values no person has are typos ---------------------------------------------


def test_birth_weight_beyond_any_newborn_is_refused() -> None:
    assert rakt.birth_weight(15000).category == "normal"
    e = refused(lambda: rakt.birth_weight(15001), "grams")
    assert e.reason == "15001 is not plausible (expected 1 to 15000)"
    refused(lambda: rakt.birth_weight(4294967295), "grams")


def test_robson_counts_beyond_any_birth_are_refused() -> None:
    birth = dict(parity=0, previous_caesareans=0, onset="spontaneous", presentation="cephalic", gestation_weeks=39)
    assert rakt.robson_group(fetuses=8, **birth) == "8"  # type: ignore[arg-type]
    e = refused(lambda: rakt.robson_group(fetuses=2**31 - 1, **birth), "fetuses")  # type: ignore[arg-type]
    assert e.reason == "2147483647 is not plausible (expected 1 to 8)"
    refused(lambda: rakt.robson_group(fetuses=1, **{**birth, "parity": 10**6}), "parity")  # type: ignore[arg-type]


def test_donor_checks_no_person_has_are_refused() -> None:
    donor = rakt.Donor(date(1990, 5, 17), "male")

    def checks(**over: object) -> rakt.DonorChecks:
        base: dict[str, object] = dict(
            weight_kg=Decimal("70"), hb_g_dl=Decimal("14.1"), systolic_mmhg=120, diastolic_mmhg=80,
            pulse_bpm=72, temperature_c=Decimal("36.8"),
        )
        base.update(over)
        return rakt.DonorChecks(**base)  # type: ignore[arg-type]

    def assess(c: rakt.DonorChecks) -> rakt.DonorAssessment:
        return rakt.assess_donor(donor, c, "whole_blood_450", date(2026, 3, 1))

    e = refused(lambda: assess(checks(hb_g_dl=Decimal("7.9e28"))), "checks.hb_g_dl")
    assert e.reason == "79000000000000000000000000000 is not plausible (expected 1 to 25)"
    refused(lambda: assess(checks(weight_kg=Decimal("7.9e28"))), "checks.weight_kg")
    refused(lambda: assess(checks(systolic_mmhg=80, diastolic_mmhg=80)), "checks.diastolic_mmhg")
    assert assess(checks(hb_g_dl=Decimal("25"), weight_kg=Decimal("250"))).eligible


def test_a_temperature_range_must_run_upwards() -> None:
    e = refused(lambda: rakt.TemperatureRange(10, 2), "min_celsius")
    assert e.reason == "10 must not exceed max_celsius (2)"
    refused(lambda: rakt.TemperatureRange(), "min_celsius")
    assert rakt.TemperatureRange(2, 2).contains(2)
    assert rakt.TemperatureRange(max_celsius=-25).contains(-30)


def test_a_discard_reason_in_words_must_say_something() -> None:
    for blank in ["", "   ", "\u200b", "\u2060\ufeff"]:
        e = refused(lambda: rakt.DiscardReason.other(blank), "reason")
        assert e.reason == "say why the unit was discarded"
    assert str(rakt.DiscardReason.other("rat bite")) == "rat bite"


def test_an_empty_or_missing_list_of_units_is_refused_not_ignored() -> None:
    inv = rakt.Inventory("FRU-1", POLICY)
    at = ist(2026, 11, 2, 10)
    for ids in [None, [], ()]:
        e = refused(lambda: inv.cancel(ids, at, "tech"), "ids")  # type: ignore[arg-type]
        assert e.reason == "list at least one unit (an empty list would do nothing)"
        refused(lambda: inv.issue(ids, "P-1", at, "tech"), "ids")  # type: ignore[arg-type]
        refused(lambda: inv.crossmatch(ids, "P-1", at, "tech"), "ids")  # type: ignore[arg-type]
    assert len(inv) == 0


# ---- errors stay inside the hierarchy ----------------------------------------------------------


def test_a_huge_int_is_invalid_input_not_overflow_error() -> None:
    e = refused(lambda: rakt.Recipient(group="O+", age_years=2**70), "age_years")
    assert e.reason == f"{2**70} is not a whole number from 0 to 4294967295"
    refused(lambda: rakt.Recipient(group="O+", age_years=-1), "age_years")
    assert rakt.Recipient(group="O+", age_years=None).age_years is None
    assert rakt.Recipient(group="O+", age_years=4294967295).age_years == 4294967295


def test_a_fhir_dict_that_is_not_json_is_invalid_input() -> None:
    unit = rakt.BloodUnit.collect(
        "A999926000001", rakt.Product("red_cells", "additive_solution"), "B-", 280, "voluntary",
        ist(2026, 11, 1, 9), actor="tech",
    )
    resource = fhir.to_biologically_derived_product(unit, ist(2026, 11, 2))
    for bad in [math.nan, math.inf, {1, 2}, object()]:
        broken = {**resource, "extra": bad}
        e = refused(lambda: fhir.from_biologically_derived_product(broken, ist(2026, 11, 2)), "resource")
        assert e.reason.startswith("is not a JSON document: ")
    assert fhir.from_biologically_derived_product(resource, ist(2026, 11, 2)).id == "A999926000001"
