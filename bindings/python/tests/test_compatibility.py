"""compatibility() and donor_preference(): verdicts, reasons, messages."""

from __future__ import annotations

import re

import pytest

import rakt
from rakt import BloodGroup, Component, Rank, Recipient, Severity, Sex

DEVANAGARI = re.compile("[\u0900-\u097f]")


def test_brief_example() -> None:
    v = rakt.compatibility(Component.RED_CELLS, BloodGroup.parse("O-"), "AB+")
    assert v.compatible is True
    assert v.rank == Rank.COMPATIBLE
    assert v.emergency is False
    assert v.component == Component.RED_CELLS
    assert v.donor == BloodGroup.parse("O-")
    assert v.codes == ["RED_CELLS_ABO_COMPATIBLE"]


def test_rhd_negative_woman_of_child_bearing_age() -> None:
    woman = Recipient("O-", sex=Sex.FEMALE, age_years=28)
    v = rakt.compatibility("red_cells", "O+", woman)
    assert v.compatible is False
    assert v.rank == Rank.INCOMPATIBLE
    assert v.codes == ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL"]
    stop = v.reasons[0]
    assert stop.code == "RHD_NEGATIVE_REQUIRED"
    assert stop.severity == Severity.STOP
    assert stop.facts == {
        "age_limit": "50",
        "component": "red_cells",
        "donor": "O+",
        "protection": "female_child_bearing_potential",
        "recipient": "O-",
    }
    assert stop.confidence == rakt.Confidence.UNVERIFIED
    assert stop.source is not None and "Lifeblood" in stop.source
    assert stop.message() == stop.message("en") == str(stop)
    assert "O+" in stop.message("en")
    hindi = stop.message("hi")
    assert DEVANAGARI.search(hindi)
    assert "प्रजनन आयु की महिला" in hindi
    assert stop.message("hi-IN") == hindi


def test_plasma_rules_run_the_other_way() -> None:
    v = rakt.compatibility(Component.FRESH_FROZEN_PLASMA, "O-", "AB+")
    assert v.compatible is False
    assert v.codes == ["PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"]
    assert v.reasons[0].facts["antibodies"] == "anti-A,anti-B"
    english, hindi = v.reasons[0].message(), v.reasons[0].message("hi")
    assert english.startswith("ABO-incompatible") and "anti-A and anti-B" in english
    assert "एंटी-A और एंटी-B" in hindi and DEVANAGARI.search(hindi)


def test_component_by_code_or_alias() -> None:
    a = rakt.compatibility("FFP", "AB+", "O+")
    b = rakt.compatibility(Component.FRESH_FROZEN_PLASMA, "AB+", "O+")
    assert a == b
    assert a.rank == Rank.COMPATIBLE


def test_platelets_with_caveats() -> None:
    girl = Recipient("A-", sex="female", age_years=19)
    v = rakt.compatibility(Component.PLATELETS, "O+", girl)
    assert v.compatible is True
    assert v.rank == Rank.COMPATIBLE_WITH_CAVEAT
    assert v.codes == [
        "PLATELET_ABO_NON_IDENTICAL",
        "PLATELET_PLASMA_INCOMPATIBLE",
        "PLATELET_RHD_ANTI_D_PROPHYLAXIS",
    ]
    assert v.reasons[0].facts["order"] == "A, O, B, AB"
    assert all(r.severity == Severity.CAUTION for r in v.reasons)


def test_unknown_group_is_emergency_release() -> None:
    trauma = Recipient(None, sex="male", age_years=35)
    v = rakt.compatibility("red_cells", "O-", trauma)
    assert v.emergency is True
    assert v.compatible is True
    assert v.codes == ["EMERGENCY_RELEASE"]
    no = rakt.compatibility("red_cells", "A-", trauma)
    assert no.compatible is False
    assert no.codes == ["EMERGENCY_GROUP_NOT_PERMITTED"]
    assert no.reasons[0].facts["allowed"] == "O"


def test_recipient_forms_are_equivalent() -> None:
    as_text = rakt.compatibility("red_cells", "O-", "B+")
    as_group = rakt.compatibility("red_cells", "O-", BloodGroup.parse("B+"))
    as_recipient = rakt.compatibility("red_cells", "O-", Recipient(BloodGroup.parse("B+")))
    assert as_text == as_group == as_recipient


def test_policy_argument() -> None:
    woman = Recipient("O-", sex="female", age_years=48)
    local = rakt.Policy.from_toml(
        'name = "local"\nextends = "india"\n[compatibility]\nchild_bearing_potential_max_age = 45\n'
    )
    assert rakt.compatibility("red_cells", "O+", woman).rank == Rank.INCOMPATIBLE
    relaxed = rakt.compatibility("red_cells", "O+", woman, local)
    assert relaxed.rank == Rank.COMPATIBLE_WITH_CAVEAT
    assert relaxed.codes[0] == "RHD_POSITIVE_TO_RHD_NEGATIVE"
    assert rakt.compatibility("red_cells", "O+", woman, policy=rakt.Policy.india()) == (
        rakt.compatibility("red_cells", "O+", woman)
    )


def test_donor_preference_orders() -> None:
    man = Recipient("A+", sex=Sex.MALE, age_years=40)
    options = rakt.donor_preference(Component.RED_CELLS, man)
    assert [str(o.group) for o in options] == ["A+", "A-", "O+", "O-", "Oh+", "Oh-"]
    assert [o.rank for o in options] == [
        Rank.IDENTICAL,
        Rank.COMPATIBLE,
        Rank.COMPATIBLE,
        Rank.COMPATIBLE,
        Rank.COMPATIBLE_WITH_CAVEAT,
        Rank.COMPATIBLE_WITH_CAVEAT,
    ]
    assert options[-1].codes == ["BOMBAY_UNIT_FOR_NON_BOMBAY"]
    woman = Recipient("O neg", sex="female", age_years=28)
    assert [str(o.group) for o in rakt.donor_preference("red_cells", woman)] == ["O-", "Oh-"]
    bombay = Recipient("Bombay Rh positive", sex="female", age_years=33)
    assert [str(o.group) for o in rakt.donor_preference("red_cells", bombay)] == ["Oh+", "Oh-"]


def test_ranks_and_severities_are_ordered() -> None:
    assert Rank.IDENTICAL < Rank.COMPATIBLE < Rank.COMPATIBLE_WITH_CAVEAT < Rank.INCOMPATIBLE
    assert Severity.INFO < Severity.CAUTION < Severity.STOP
    assert max([Severity.CAUTION, Severity.STOP, Severity.INFO]) == Severity.STOP


def test_unknown_language_is_invalid_input() -> None:
    reason = rakt.compatibility("red_cells", "O-", "O-").reasons[0]
    with pytest.raises(rakt.InvalidInput) as info:
        reason.message("fr")
    assert info.value.field == "lang"
    assert isinstance(info.value, ValueError)


def test_bad_arguments() -> None:
    with pytest.raises(rakt.InvalidInput) as info:
        rakt.compatibility("blood", "O-", "O-")
    assert info.value.field == "component"
    with pytest.raises(rakt.InvalidBloodGroup) as bad_group:
        rakt.compatibility("red_cells", "Q-", "O-")
    assert bad_group.value.input == "Q-"
    with pytest.raises(rakt.InvalidInput) as bad_sex:
        Recipient("O-", sex="f")
    assert bad_sex.value.field == "sex"
    with pytest.raises(rakt.InvalidInput) as bad_age:
        Recipient("O-", age_years=-1)
    assert bad_age.value.field == "age_years"
    with pytest.raises(TypeError):
        rakt.compatibility("red_cells", "O-", 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        rakt.compatibility("red_cells", "O-", "O-", policy="india")  # type: ignore[arg-type]


def test_recipient_properties_and_repr() -> None:
    r = Recipient("O-", sex="female", age_years=28, chronically_transfused=True)
    assert r.group == BloodGroup.parse("O-")
    assert r.sex == Sex.FEMALE
    assert r.age_years == 28
    assert r.anti_d is False
    assert r.chronically_transfused is True
    assert repr(r) == (
        "Recipient(group=BloodGroup('O-'), sex=Sex.FEMALE, age_years=28, anti_d=False, "
        "chronically_transfused=True)"
    )
    assert Recipient().group is None
    assert eval(repr(r), vars(rakt)) == r
