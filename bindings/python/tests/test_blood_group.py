"""BloodGroup: parsing, construction, properties, display."""

from __future__ import annotations

import pytest

import rakt
from rakt import Abo, ASubgroup, BloodGroup, RhD


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("O+", "O+"),
        ("O POS", "O+"),
        ("o neg", "O-"),
        ("O Rh positive", "O+"),
        ("AB-Ve", "AB-"),
        ("AB RhD negative", "AB-"),
        ("Bombay", "Oh"),
        ("Bombay (Oh) Rh negative", "Oh-"),
        ("Bombay Rh positive", "Oh+"),
        ("A \u2212", "A-"),
    ],
)
def test_parse_spellings_of_real_records(text: str, display: str) -> None:
    assert str(BloodGroup.parse(text)) == display


def test_properties_of_a_subgroup_with_weak_d() -> None:
    g = BloodGroup.parse("A2B+ weak D")
    assert g.abo == Abo.AB
    assert g.rhd == RhD.POSITIVE
    assert g.a_subgroup == ASubgroup.A2
    assert g.weak_d is True
    assert g.notation == "A2B+ weak D"
    assert str(g) == "AB+"
    assert repr(g) == "BloodGroup('A2B+ weak D')"
    assert g.basic() == BloodGroup.parse("AB+")


def test_rhd_unknown() -> None:
    g = BloodGroup.parse("Bombay")
    assert g.abo == Abo.OH
    assert g.abo.code == "Oh"
    assert g.rhd is None
    assert g.a_subgroup is None
    assert str(g) == "Oh"


def test_constructor_from_parts_and_from_text() -> None:
    assert BloodGroup(Abo.O, RhD.NEGATIVE) == BloodGroup.parse("O-")
    assert BloodGroup("AB", "positive", "A1") == BloodGroup.parse("A1B+")
    assert BloodGroup(Abo.A, RhD.POSITIVE, a_subgroup=ASubgroup.A2, weak_d=True).notation == "A2+ weak D"
    assert BloodGroup(Abo.B).rhd is None
    # A single str is parsed like BloodGroup.parse, so repr() evaluates back to the value.
    g = BloodGroup("O pos")
    assert g == BloodGroup.parse("O+")
    assert eval(repr(g), {"BloodGroup": BloodGroup}) == g


def test_subgroup_only_for_a_and_ab() -> None:
    with pytest.raises(rakt.InvalidBloodGroup) as info:
        BloodGroup(Abo.O, RhD.POSITIVE, a_subgroup=ASubgroup.A2)
    assert "only to groups A and AB" in str(info.value)


@pytest.mark.parametrize("text", ["", "C+", "O Rh", "A++", "0+", "O positve", "O+ weak"])
def test_parse_refuses_quoting_the_input(text: str) -> None:
    with pytest.raises(rakt.InvalidBloodGroup) as info:
        BloodGroup.parse(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, rakt.RaktError)
    assert err.kind == "InvalidBloodGroup"
    assert err.input == text
    assert f'"{text}"' in str(err)


def test_bad_parts_are_refused() -> None:
    with pytest.raises(rakt.InvalidInput) as info:
        BloodGroup("O+", rhd=RhD.POSITIVE)
    assert info.value.field == "abo"
    with pytest.raises(rakt.InvalidInput) as info2:
        BloodGroup(Abo.O, rhd="pos")
    assert info2.value.field == "rhd"
    assert "positive, negative" in str(info2.value)
    with pytest.raises(TypeError):
        BloodGroup(3)  # type: ignore[arg-type]


def test_standard_groups() -> None:
    assert [str(g) for g in BloodGroup.standard()] == [
        "O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+",
    ]


def test_enum_parse_and_codes() -> None:
    assert Abo.parse("bombay") == Abo.OH
    assert RhD.parse("negative") == RhD.NEGATIVE
    assert [a.code for a in Abo.members()] == ["O", "A", "B", "AB", "Oh"]
    assert [r.code for r in RhD.members()] == ["positive", "negative"]
    assert [s.code for s in ASubgroup.members()] == ["A1", "A2"]
    with pytest.raises(rakt.InvalidInput):
        Abo.parse("C")
