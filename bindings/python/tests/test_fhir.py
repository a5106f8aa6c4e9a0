"""rakt.fhir: a unit to an R5 BiologicallyDerivedProduct and back."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import rakt
from rakt import fhir

IST = timezone(timedelta(hours=5, minutes=30))
ROOT = Path(__file__).resolve().parents[3]
TABLE = (ROOT / "examples" / "data" / "isbt128_products.toml").read_text(encoding="utf-8")
EXAMPLE = ROOT / "crates" / "rakt" / "tests" / "data" / "fhir_r5_biologicallyderivedproduct_example.json"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=IST)


def unit(din: str = "A999926000001", group: str = "B-") -> rakt.BloodUnit:
    return rakt.BloodUnit.collect(
        din, rakt.Product("red_cells", "additive_solution"), group, 280, "voluntary", T0,
        actor="tech", division="A0",
    )


def test_export_shape() -> None:
    r = fhir.to_biologically_derived_product(unit(), T0 + timedelta(hours=1), product_table=TABLE)
    assert r["resourceType"] == "BiologicallyDerivedProduct"
    assert r["biologicalSourceEvent"] == {
        "system": "https://www.isbt128.org/uri/DonationIdentificationNumber",
        "value": "A999926000001",
    }
    assert r["division"] == "A00000"
    assert r["productStatus"]["code"] == "unavailable"
    assert r["extension"][0]["valueCode"] == "collected"
    assert r["productCode"]["coding"][0]["code"] == "D0002"  # the example table's SAGM red cells
    assert r["identifier"][0]["value"] == "A9999D0002A999926000001A00000"
    assert r["property"][0]["valueCodeableConcept"]["coding"][0] == {
        "system": "https://www.isbt128.org/uri/ABORhD", "code": "17", "display": "B RhD Negative",
    }
    assert r["storageTempRequirements"]["low"]["value"] == 2
    assert r["expirationDate"] == "2026-12-13T23:59:00+05:30"


def test_round_trip_dict_and_text() -> None:
    u = unit()
    as_of = T0 + timedelta(hours=1)
    r = fhir.to_biologically_derived_product(u, as_of)
    back = fhir.from_biologically_derived_product(r, as_of)
    assert (back.id, back.group, back.product, back.expiry.expires_at, back.status) == (
        u.id, u.group, u.product, u.expiry.expires_at, u.status,
    )
    assert fhir.to_biologically_derived_product(back, as_of) == r
    again = fhir.from_biologically_derived_product(json.dumps(r), as_of)
    assert again.id == u.id


def test_published_example_needs_collection_time_and_volume() -> None:
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    us = rakt.Policy.from_json('{"name": "us-eastern", "extends": "us", "utc_offset": "-05:00"}')
    as_of = datetime(2021, 7, 15, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    with pytest.raises(rakt.InvalidInput) as e:
        fhir.from_biologically_derived_product(example, as_of, product_table=TABLE, policy=us)
    assert e.value.field == "property"
    example["property"].append({"type": {"coding": [{"code": "BagVolume"}]},
                                "valueQuantity": {"value": 350, "unit": "mL"}})
    example["collection"] = {"collectedDateTime": "2021-06-21T10:00:00-05:00"}
    u = fhir.from_biologically_derived_product(example, as_of, product_table=TABLE, policy=us)
    assert u.id == "A999921123456/A0"
    assert str(u.group) == "A+"
    assert u.status == rakt.UnitStatus.RELEASED
    assert u.expiry.expires_at == datetime(2021, 8, 2, 23, 59, tzinfo=timezone(timedelta(hours=-5)))


def test_refusals() -> None:
    r = fhir.to_biologically_derived_product(unit(), T0 + timedelta(hours=1))
    with pytest.raises(rakt.InvalidInput) as bad:
        fhir.from_biologically_derived_product("{", T0)
    assert bad.value.field == "$"
    assert isinstance(bad.value, ValueError)
    r["productCategory"]["code"] = "organ"
    with pytest.raises(rakt.NotApplicable) as na:
        fhir.from_biologically_derived_product(r, T0 + timedelta(hours=1))
    assert na.value.code == "FHIR_UNREPRESENTABLE"
    assert "productCategory" in str(na.value)
    del r["productCategory"]
    r["productCode"] = {"coding": []}
    with pytest.raises(rakt.InvalidInput) as missing:
        fhir.from_biologically_derived_product(r, T0 + timedelta(hours=1))
    assert missing.value.field == "productCode.coding"
    with pytest.raises(rakt.InvalidInput):
        fhir.to_biologically_derived_product(unit(), T0, product_table="[[product]]\ncode = 1")
