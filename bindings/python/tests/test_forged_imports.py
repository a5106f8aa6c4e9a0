"""An import never forges a unit's state (issue 17): ``BloodUnit.from_json`` refuses a unit its
history does not explain, naming the field, and ``Inventory.add`` refuses an expiry later than
the policy allows, leaving the inventory unchanged."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timedelta
from typing import Any

import pytest

import rakt
from conftest import ist
from rakt import BloodUnit, Inventory, Policy, Product

SAGM = Product("red_cells", preservative="additive_solution")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]


def released(din: str = "DIN-1") -> BloodUnit:
    unit = BloodUnit.collect(din, SAGM, "O+", 280, "voluntary", ist(2026, 11, 1, 9), actor="tech")
    unit = unit.apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    for marker in MANDATORY:
        unit = unit.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", marker, "non_reactive"))
    g = rakt.BloodGroup.parse("O+")
    unit = unit.apply(rakt.RecordGrouping(ist(2026, 11, 1, 10, 10), "tech", forward=g, reverse=g.abo))
    return unit.apply(rakt.Release(ist(2026, 11, 1, 11), "tech"))


def as_dict(unit: BloodUnit) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(unit.to_json())
    return data


def refused_field(data: dict[str, Any]) -> str:
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.from_json(json.dumps(data))
    assert isinstance(e.value, rakt.RaktError)
    assert e.value.field in str(e.value)
    return str(e.value.field)


def test_a_saved_unit_loads_back_and_pickles() -> None:
    unit = released()
    assert BloodUnit.from_json(unit.to_json()) == unit
    assert pickle.loads(pickle.dumps(unit)) == unit


def test_a_forged_issued_status_is_refused() -> None:
    data = as_dict(released())
    data["status"] = "issued"
    data["reservation"] = {"patient": "P-1"}
    assert refused_field(data) == "status"


def test_an_empty_or_out_of_order_history_is_refused() -> None:
    data = as_dict(released())
    data["history"] = []
    assert refused_field(data) == "history"
    data = as_dict(released())
    data["history"][1]["at"] = "2026-11-01T08:00:00+05:30"
    assert refused_field(data) == "history"


def test_volume_zero_is_refused() -> None:
    data = as_dict(released())
    data["volume_ml"] = 0
    assert refused_field(data) == "volume_ml"


def test_a_group_contradicting_the_grouping_is_refused() -> None:
    data = as_dict(released())
    data["group"] = "B+"
    assert refused_field(data) == "group"


def test_text_that_is_not_a_unit_is_refused_as_json() -> None:
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.from_json("{}")
    assert e.value.field == "json"


def test_an_expiry_a_year_later_is_refused_by_the_inventory() -> None:
    unit = released()
    data = as_dict(unit)
    later: datetime = unit.expiry.expires_at + timedelta(days=365)
    data["expiry"]["expires_at"] = later.isoformat()
    forged = BloodUnit.from_json(json.dumps(data))  # structurally a unit
    inv = Inventory("FRU-1", Policy.india())
    inv.add(released("DIN-0"))
    with pytest.raises(rakt.InvalidInput) as e:
        inv.add(forged)
    assert e.value.field == "expiry"
    assert len(inv) == 1 and inv.get("DIN-1") is None


def test_the_policy_expiry_is_accepted_and_one_second_later_refused() -> None:
    unit = released()
    inv = Inventory("FRU-1", Policy.india())
    inv.add(BloodUnit.from_json(unit.to_json()))
    data = as_dict(released("DIN-2"))
    data["expiry"]["expires_at"] = (unit.expiry.expires_at + timedelta(seconds=1)).isoformat()
    with pytest.raises(rakt.InvalidInput) as e:
        inv.add(BloodUnit.from_json(json.dumps(data)))
    assert e.value.field == "expiry"
    assert len(inv) == 1
