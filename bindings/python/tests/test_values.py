"""Value semantics: ==, hash, pickling, immutability, repr, JSON of every class."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from typing import Any

import pytest

import rakt
from conftest import ist

ENUMS: list[Any] = [
    rakt.Abo,
    rakt.RhD,
    rakt.ASubgroup,
    rakt.Component,
    rakt.Preservative,
    rakt.PlateletSource,
    rakt.Modification,
    rakt.Storage,
    rakt.Sex,
    rakt.Rank,
    rakt.Severity,
    rakt.Confidence,
]


def sample_values() -> list[Any]:
    """One or more instances of every value class."""
    sagm = rakt.Product("red_cells", preservative="additive_solution")
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    washed = e.redate(rakt.Washed(ist(2026, 1, 5, 9)))
    rdp = rakt.Product("platelets", platelet_source="random_donor")
    pool = rakt.pool(
        [rakt.expiry(rdp, ist(2026, 1, 1, 10)), rakt.expiry(rdp, ist(2026, 1, 2, 10))],
        ist(2026, 1, 3, 10),
    )
    woman = rakt.Recipient("O-", sex="female", age_years=28, anti_d=True)
    verdict = rakt.compatibility("red_cells", "O+", woman)
    option = rakt.donor_preference("platelets", woman)[0]
    source = rakt.Policy.india().source("compatibility.child_bearing_potential_max_age")
    assert source is not None
    return [
        rakt.BloodGroup.parse("A2B+ weak D"),
        rakt.BloodGroup.parse("Bombay"),
        woman,
        rakt.Recipient(),
        sagm,
        rakt.Product("red_cells", "cpda1", modifications=["irradiated", "leucoreduced"]),
        rdp,
        verdict,
        verdict.reasons[0],
        option,
        e,
        washed,
        pool,
        rakt.Irradiated(ist(2026, 1, 2)),
        rakt.Washed(ist(2026, 1, 2)),
        rakt.Opened(ist(2026, 1, 2)),
        rakt.Thawed(ist(2026, 1, 2), "refrigerated"),
        source,
        rakt.TemperatureRange(Decimal("2"), Decimal("6")),
        rakt.TemperatureRange(max_celsius=-18),
    ]


@pytest.mark.parametrize("value", sample_values(), ids=lambda v: type(v).__name__)
def test_value_pickles_compares_and_hashes(value: Any) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert type(back) is type(value)
        assert back == value
        assert hash(back) == hash(value)
        assert repr(back) == repr(value)
    assert copy.deepcopy(value) == value
    assert value != object()
    assert len({value, pickle.loads(pickle.dumps(value))}) == 1


@pytest.mark.parametrize("value", sample_values(), ids=lambda v: type(v).__name__)
def test_value_is_frozen(value: Any) -> None:
    name = next(n for n in dir(type(value)) if not n.startswith("_"))
    with pytest.raises(AttributeError):
        setattr(value, name, None)
    with pytest.raises(AttributeError):
        value.new_attribute = 1


def test_json_backed_values_round_trip() -> None:
    for value in sample_values():
        if hasattr(value, "to_json"):
            assert type(value).from_json(value.to_json()) == value
    with pytest.raises(rakt.InvalidInput) as info:
        rakt.Reason.from_json("{}")
    assert info.value.field == "json"
    with pytest.raises(rakt.InvalidInput):
        rakt.Product.from_json('{"component": "platelets"}')


def test_policy_pickles() -> None:
    for p in (rakt.Policy.india(), rakt.Policy.uk(), rakt.Policy.from_toml('name = "l"\nextends = "us"\n')):
        back = pickle.loads(pickle.dumps(p))
        assert back == p
        assert back.name == p.name


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_enum_members(enum: Any) -> None:
    members = enum.members()
    assert members, enum
    assert len(set(members)) == len(members)
    for member in members:
        name = repr(member).split(".", 1)[1]
        assert name.isupper() or name[0].isdigit() or name.replace("_", "").isalnum()
        assert getattr(enum, name) == member
        assert repr(member) == f"{enum.__name__}.{name}"
        assert pickle.loads(pickle.dumps(member)) == member
        assert hash(pickle.loads(pickle.dumps(member))) == hash(member)
        assert enum.parse(member.code) == member
        assert type(member).__module__ == "rakt"
    assert members[0] != members[-1] or len(members) == 1
    assert members[0] != members[0].code


def test_enum_codes() -> None:
    assert rakt.Component.RED_CELLS.code == "red_cells"
    assert rakt.Component.parse("FFP") == rakt.Component.FRESH_FROZEN_PLASMA
    assert rakt.Component.parse("PRBC") == rakt.Component.RED_CELLS
    assert [c.code for c in rakt.Component.members()] == [
        "whole_blood", "red_cells", "fresh_frozen_plasma", "plasma", "cryo_poor_plasma",
        "cryoprecipitate", "platelets", "granulocytes",
    ]
    assert rakt.Preservative.CPDA1.code == "cpda1"
    assert rakt.PlateletSource.RANDOM_DONOR.code == "random_donor"
    assert rakt.Modification.CMV_NEGATIVE.code == "cmv_negative"
    assert rakt.Storage.ROOM_TEMPERATURE.code == "room_temperature"
    assert rakt.Sex.OTHER.code == "other"
    assert rakt.Rank.COMPATIBLE_WITH_CAVEAT.code == "compatible_with_caveat"
    assert rakt.Severity.STOP.code == "stop"
    assert rakt.Confidence.UNVERIFIED.code == "unverified"
    with pytest.raises(rakt.InvalidInput) as info:
        rakt.Preservative.parse("SAGM")
    assert info.value.field == "preservative"
    assert "cpd, cpda1, additive_solution" in str(info.value)


def test_equal_instants_in_other_zones_are_equal_and_hash_alike() -> None:
    from datetime import timezone

    a = rakt.Irradiated(ist(2026, 1, 1, 10))
    b = rakt.Irradiated(ist(2026, 1, 1, 10).astimezone(timezone.utc))
    assert a == b and hash(a) == hash(b)
    assert a.at.utcoffset() != b.at.utcoffset()


def test_classes_are_public_under_rakt() -> None:
    for name in rakt.__all__:
        obj = getattr(rakt, name)
        if isinstance(obj, type):
            assert obj.__module__ == "rakt", name
    assert rakt.__version__ == rakt._rakt.__version__
    assert rakt.__version__.count(".") == 2
