"""Policy: built-in profiles, files, sources, storage ranges."""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from decimal import Decimal

import pytest

import rakt
from rakt import Confidence, Policy, Storage, TemperatureRange

BAD_TOML = 'name = "x"\nextends = "india"\n[shelf_life.platelets_random_donor]\ndays = 0'


def test_builtin_profiles() -> None:
    assert Policy.india().name == "india"
    assert Policy.us().name == "us"
    assert Policy.uk().name == "uk"
    assert Policy.builtin("uk") == Policy.uk()
    assert Policy.india() != Policy.us()
    assert Policy.india().utc_offset == timezone(timedelta(hours=5, minutes=30))
    assert Policy.india().description
    assert repr(Policy.india()) == "Policy(name='india')"
    with pytest.raises(rakt.InvalidInput) as info:
        Policy.builtin("mars")
    assert info.value.field == "policy"


def test_bad_field_is_refused_with_its_path() -> None:
    with pytest.raises(rakt.InvalidPolicy) as info:
        Policy.from_toml(BAD_TOML)
    err = info.value
    assert err.path == "shelf_life.platelets_random_donor.days"
    assert err.kind == "InvalidPolicy"
    assert err.reason == "must be > 0"
    assert str(err) == "invalid policy: shelf_life.platelets_random_donor.days: must be > 0"
    assert "shelf_life.platelets_random_donor.days" in str(err)
    assert isinstance(err, ValueError)


def test_other_bad_documents() -> None:
    with pytest.raises(rakt.InvalidPolicy) as unknown:
        Policy.from_json('{"name": "t", "extends": "india", "shelf_life": {"platelets": {"days": 5}}}')
    assert unknown.value.path == "shelf_life.platelets"
    with pytest.raises(rakt.InvalidPolicy) as not_json:
        Policy.from_json("{")
    assert not_json.value.path == ""
    with pytest.raises(rakt.InvalidPolicy) as base:
        Policy.from_toml('name = "t"\nextends = "mars"\n')
    assert base.value.path == "extends"


def test_override_is_marked_local() -> None:
    p = Policy.from_toml(
        'name = "aiims-delhi"\nextends = "india"\n[shelf_life.platelets_random_donor]\ndays = 5\n'
    )
    assert p.name == "aiims-delhi"
    src = p.source("shelf_life.platelets_random_donor")
    assert src is not None
    assert src.confidence == Confidence.LOCAL
    exported = json.loads(p.to_json())
    assert exported["shelf_life"]["platelets_random_donor"] == {"days": 5}


def test_round_trips_through_json_and_toml() -> None:
    for p in (Policy.india(), Policy.us(), Policy.uk()):
        assert Policy.from_json(p.to_json()) == p
        assert Policy.from_toml(p.to_toml()) == p


def test_sources() -> None:
    india = Policy.india()
    src = india.source("compatibility.child_bearing_potential_max_age")
    assert src is not None
    assert src.confidence == Confidence.UNVERIFIED
    assert src.citation.startswith("Australian Red Cross Lifeblood")
    assert src.note is not None and "No Indian source" in src.note
    assert [value for value, _ in src.alternatives] == ["54 (< 55)", "49 (< 50)"]
    assert all(isinstance(c, str) and c for _, c in src.alternatives)
    assert india.source("no.such.path") is None
    paths = india.parameter_paths()
    assert "shelf_life.red_cells_additive_solution" in paths
    assert "compatibility.paediatric_max_age" in paths
    assert len(paths) == len(set(paths))


def test_storage_ranges() -> None:
    fridge = Policy.india().storage_range(Storage.REFRIGERATED)
    assert fridge == TemperatureRange(Decimal("2"), Decimal("6"))
    assert fridge.min_celsius == Decimal("2")
    assert fridge.max_celsius == Decimal("6")
    assert fridge.contains(Decimal("6"))
    assert fridge.contains(2)
    assert not fridge.contains(Decimal("6.1"))
    assert not fridge.contains(Decimal("1.99"))
    frozen = Policy.india().storage_range("frozen")
    assert frozen.min_celsius is None
    assert frozen.contains(Decimal("-40"))
    with pytest.raises(TypeError):
        fridge.contains(4.0)  # type: ignore[arg-type]
    with pytest.raises(rakt.InvalidInput):
        fridge.contains(Decimal("NaN"))
    assert repr(fridge) == "TemperatureRange(min_celsius=Decimal('2'), max_celsius=Decimal('6'))"


def test_policy_is_unhashable() -> None:
    with pytest.raises(TypeError):
        hash(Policy.india())
