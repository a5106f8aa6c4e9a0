"""rakt.eraktkosh: the e-RaktKosh codes of research/blood.md §6.3 both ways with exact values,
unknown codes, product choices and the stock summary: the same answers as the Rust core."""

from __future__ import annotations

import pickle
from typing import Optional

import pytest

import rakt
from conftest import ist
from rakt import BloodUnit, Product, eraktkosh
from rakt.eraktkosh import EraktkoshComponent

COMPONENTS = [
    (11, "Whole Blood"), (12, "Packed Red Blood Cells"), (13, "Fresh Frozen Plasma"),
    (14, "Single Donor Platelet"), (16, "Platelet Rich Plasma"), (17, "Cryoprecipitate"),
    (18, "Single Donor Plasma"), (19, "Plasma"), (20, "Platelet Concentrate"),
    (21, "Cryo Poor Plasma"), (23, "Random Donor Platelets"),
    (28, "Sagm Packed Red Blood Cells"), (29, "Irradiated RBC"), (30, "Leukoreduced Rbc"),
]
GROUPS = [
    (11, "A+", "A+Ve"), (12, "A-", "A-Ve"), (13, "B+", "B+Ve"), (14, "B-", "B-Ve"),
    (15, "O+", "O+Ve"), (16, "O-", "O-Ve"), (17, "AB+", "AB+Ve"), (18, "AB-", "AB-Ve"),
    (22, "Oh+", "Oh+Ve"), (23, "Oh-", "Oh-Ve"),
]
RED = "red_cells"


@pytest.mark.parametrize(("code", "name"), COMPONENTS)
def test_every_component_code_both_ways(code: int, name: str) -> None:
    c = eraktkosh.component_from_code(code)
    assert (c.code, c.name, int(c), str(c)) == (code, name, code, f"{code} {name}")
    assert eraktkosh.component_to_code(c) == code
    assert repr(c) == f"EraktkoshComponent({code}, '{name}')"
    assert pickle.loads(pickle.dumps(c)) == c
    assert hash(c) == hash(eraktkosh.component_from_code(code))


def test_members_are_in_code_order() -> None:
    assert [c.code for c in EraktkoshComponent.members()] == [code for code, _ in COMPONENTS]
    assert sorted(EraktkoshComponent.members(), reverse=True)[0].code == 30


@pytest.mark.parametrize("code", [0, 1, 10, 15, 22, 24, 27, 31, -1, 2**32 - 1, 2**63 - 1, 2**80, -(2**80)])
def test_unknown_component_codes_raise_invalid_code(code: int) -> None:
    with pytest.raises(rakt.InvalidCode) as e:
        eraktkosh.component_from_code(code)
    assert isinstance(e.value, ValueError)
    assert (e.value.structure, e.value.input, e.value.position) == (
        "e-RaktKosh component code", str(code), 1,
    )


def test_component_text_and_bool_are_type_errors() -> None:
    with pytest.raises(TypeError):
        eraktkosh.component_from_code("28")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        eraktkosh.blood_group_from_code(True)


def test_products_both_ways() -> None:
    cpda1 = Product(RED, preservative="cpda1")
    expected = {
        11: Product("whole_blood", preservative="cpda1"),
        12: cpda1,
        13: Product("fresh_frozen_plasma"),
        14: Product("platelets", platelet_source="apheresis"),
        17: Product("cryoprecipitate"),
        18: Product("plasma"),
        19: Product("plasma"),
        20: Product("platelets", platelet_source="random_donor"),
        21: Product("cryo_poor_plasma"),
        23: Product("platelets", platelet_source="random_donor"),
        28: Product(RED, preservative="additive_solution"),
        29: Product(RED, preservative="cpda1", modifications=["irradiated"]),
        30: Product(RED, preservative="cpda1", modifications=["leucoreduced"]),
    }
    for code, product in expected.items():
        assert eraktkosh.component_from_code(code).product() == product
        back = EraktkoshComponent.for_product(product).code
        assert back == {18: 19, 20: 23}.get(code, code)
    with pytest.raises(rakt.NotApplicable) as e:
        eraktkosh.component_from_code(16).product()
    assert e.value.code == "ERAKTKOSH_NO_RAKT_PRODUCT"
    with pytest.raises(rakt.NotApplicable) as e:
        EraktkoshComponent.for_product(Product("granulocytes"))
    assert e.value.code == "ERAKTKOSH_NO_COMPONENT_CODE"


@pytest.mark.parametrize(
    ("preservative", "mods", "code"),
    [
        ("additive_solution", ["irradiated", "leucoreduced"], 29),
        ("cpd", ["irradiated"], 29),
        ("additive_solution", ["leucoreduced"], 30),
        ("cpda1", ["leucoreduced", "washed"], 30),
        ("additive_solution", ["washed"], 28),
        ("cpd", [], 12),
    ],
)
def test_red_cells_get_the_most_specific_code(preservative: str, mods: list[str], code: int) -> None:
    product = Product(RED, preservative=preservative, modifications=mods)
    assert EraktkoshComponent.for_product(product).code == code


@pytest.mark.parametrize(("code", "group", "label"), GROUPS)
def test_every_blood_group_code_both_ways(code: int, group: str, label: str) -> None:
    assert eraktkosh.blood_group_from_code(code) == rakt.BloodGroup.parse(group)
    assert str(eraktkosh.blood_group_from_code(code)) == group
    assert eraktkosh.blood_group_to_code(group) == code
    assert eraktkosh.blood_group_to_code(rakt.BloodGroup.parse(group)) == code
    assert eraktkosh.blood_group_label(code) == label


@pytest.mark.parametrize("code", [0, 10, 19, 20, 21, 24, 99, -1, 2**32 - 1, 2**70])
def test_unknown_blood_group_codes_raise_invalid_code(code: int) -> None:
    with pytest.raises(rakt.InvalidCode) as e:
        eraktkosh.blood_group_from_code(code)
    assert (e.value.structure, e.value.input, e.value.position) == (
        "e-RaktKosh blood group code", str(code), 1,
    )
    with pytest.raises(rakt.InvalidCode):
        eraktkosh.blood_group_label(code)


def test_subgroups_weak_d_and_unknown_rhd() -> None:
    assert eraktkosh.blood_group_to_code("A2B-") == 18
    assert eraktkosh.blood_group_to_code("A1+") == 11
    assert eraktkosh.blood_group_to_code("O- weak D") == 15
    assert eraktkosh.blood_group_to_code("Oh- weak D") == 22
    for unknown in ["O", "Bombay", "A2"]:
        with pytest.raises(rakt.NotApplicable) as e:
            eraktkosh.blood_group_to_code(unknown)
        assert e.value.code == "ERAKTKOSH_NO_GROUP_CODE"


# ---- stock summary -------------------------------------------------------------------------

SAGM = Product(RED, preservative="additive_solution")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]


def released(din: str, group: str, product: Product = SAGM) -> BloodUnit:
    unit = BloodUnit.collect(din, product, group, 280, "voluntary", ist(2026, 11, 1, 9), actor="tech")
    unit = unit.apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    for marker in MANDATORY:
        unit = unit.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", marker, "non_reactive"))
    g = rakt.BloodGroup.parse(group)
    unit = unit.apply(rakt.RecordGrouping(ist(2026, 11, 1, 10, 10), "tech", forward=g, reverse=g.abo))
    return unit.apply(rakt.Release(ist(2026, 11, 1, 11), "tech"))


def test_stock_summary_in_the_shape_of_the_availability_search() -> None:
    units = [("BC-2", released(f"B{i}", "B+")) for i in range(3)]
    units += [
        ("BC-2", released("O1", "O-")),
        ("BC-2", released("W1", "O- weak D")),
        ("BC-2", released("P1", "AB-", Product("platelets", platelet_source="apheresis"))),
        ("BC-2", released("G1", "O+", Product("granulocytes"))),
        ("BC-1", released("F1", "A-", Product("fresh_frozen_plasma"))),
        ("BC-2", released("O1", "O-")),
    ]
    s = eraktkosh.stock_summary(units, ist(2026, 11, 1, 12))
    assert s.as_of == ist(2026, 11, 1, 12)
    assert [c.centre for c in s.centres] == ["BC-1", "BC-2"]
    bc2: Optional[eraktkosh.CentreStock] = s.centre("BC-2")
    assert bc2 is not None
    assert [c.component.code for c in bc2.components] == [14, 28]
    red = bc2.component(eraktkosh.component_from_code(28))
    assert red is not None
    assert red.availability == "B+Ve : 3, O+Ve : 1, O-Ve : 1"
    assert red.name == "Sagm Packed Red Blood Cells" and red.total == 5
    assert [(g.code, g.label, g.count) for g in red.groups] == [
        (13, "B+Ve", 3), (15, "O+Ve", 1), (16, "O-Ve", 1),
    ]
    assert [(u.unit, u.code) for u in bc2.uncounted] == [
        ("G1", "ERAKTKOSH_NO_COMPONENT_CODE"), ("O1", "DUPLICATE_UNIT"),
    ]
    assert s.centre("BC-1").components[0].availability == "A-Ve : 1"  # type: ignore[union-attr]
    assert s.centre("BC-9") is None
    assert eraktkosh.StockSummary.from_json(s.to_json()) == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert repr(red) == "ComponentStock(component=28, availability='B+Ve : 3, O+Ve : 1, O-Ve : 1')"

    later = eraktkosh.stock_summary(units, ist(2026, 11, 1, 10))
    assert later.centre("BC-1").uncounted[0].code == "EVENTS_AFTER_AS_OF"  # type: ignore[union-attr]


def test_stock_summary_refuses_bad_input() -> None:
    unit = released("X1", "O+")
    with pytest.raises(rakt.InvalidInput) as e:
        eraktkosh.stock_summary([("", unit)], ist(2026, 11, 1, 12))
    assert e.value.field == "centre"
    with pytest.raises(TypeError):
        eraktkosh.stock_summary([unit], ist(2026, 11, 1, 12))  # type: ignore[list-item]
    with pytest.raises(rakt.InvalidInput):
        from datetime import datetime
        eraktkosh.stock_summary([("BC", unit)], datetime(2026, 11, 1, 12))
