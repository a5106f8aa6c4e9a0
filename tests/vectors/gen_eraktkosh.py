"""e-RaktKosh vectors (eraktkosh_*). See generate.py and README.md.

The codes, names and labels are the two tables of research/blood.md §6.3, written out literally
below; the product each code stands for and the choice of code for a product are the mapping
documented in rakt::eraktkosh (CPDA-1 where an anticoagulant is needed; 18 and 19 both plasma,
20 and 23 both random-donor platelets, encoding 19 and 23; red cells irradiated 29 before
leucoreduced 30 before additive solution 28 before 12; weak D coded RhD positive, §1.10). The
stock summaries are counted by hand."""
from __future__ import annotations

from typing import Any

from gen_units import INDIA_MARKERS, at, collection, e

Case = dict[str, Any]
S63 = "research/blood.md §6.3 (e-RaktKosh search form codes)"
S62 = "research/blood.md §6.2 (availability search, \"B+Ve : 74, O-Ve : 4\")"
S110 = "research/blood.md §1.10 (weak-D donors are managed as RhD positive)"
COMPONENT = "e-RaktKosh component code"
GROUP = "e-RaktKosh blood group code"

# §6.3, component codes.
COMPONENTS = {
    11: "Whole Blood",
    12: "Packed Red Blood Cells",
    13: "Fresh Frozen Plasma",
    14: "Single Donor Platelet",
    16: "Platelet Rich Plasma",
    17: "Cryoprecipitate",
    18: "Single Donor Plasma",
    19: "Plasma",
    20: "Platelet Concentrate",
    21: "Cryo Poor Plasma",
    23: "Random Donor Platelets",
    28: "Sagm Packed Red Blood Cells",
    29: "Irradiated RBC",
    30: "Leukoreduced Rbc",
}

# §6.3, blood-group codes: label and the rakt group.
GROUPS = {
    11: ("A+Ve", "A+"), 12: ("A-Ve", "A-"), 13: ("B+Ve", "B+"), 14: ("B-Ve", "B-"),
    15: ("O+Ve", "O+"), 16: ("O-Ve", "O-"), 17: ("AB+Ve", "AB+"), 18: ("AB-Ve", "AB-"),
    22: ("Oh+Ve", "Oh+"), 23: ("Oh-Ve", "Oh-"),
}

RED_CPDA1 = {"component": "red_cells", "preservative": "cpda1"}
SAGM = {"component": "red_cells", "preservative": "additive_solution"}
SDP = {"component": "platelets", "platelet_source": "apheresis"}
RDP = {"component": "platelets", "platelet_source": "random_donor"}
PLASMA = {"component": "plasma"}

# The product each code decodes to (None: no rakt product).
PRODUCTS: dict[int, Any] = {
    11: {"component": "whole_blood", "preservative": "cpda1"},
    12: RED_CPDA1,
    13: {"component": "fresh_frozen_plasma"},
    14: SDP,
    16: None,
    17: {"component": "cryoprecipitate"},
    18: PLASMA,
    19: PLASMA,
    20: RDP,
    21: {"component": "cryo_poor_plasma"},
    23: RDP,
    28: SAGM,
    29: {**RED_CPDA1, "modifications": ["irradiated"]},
    30: {**RED_CPDA1, "modifications": ["leucoreduced"]},
}


def red(preservative: str, *mods: str) -> dict[str, Any]:
    p: dict[str, Any] = {"component": "red_cells", "preservative": preservative}
    if mods:
        p["modifications"] = sorted(mods)
    return p


# Product → code: the most specific code (rakt::eraktkosh module docs).
FOR_PRODUCT: list[tuple[str, dict[str, Any], Any]] = [
    ("wb-cpda1", {"component": "whole_blood", "preservative": "cpda1"}, 11),
    ("wb-cpd", {"component": "whole_blood", "preservative": "cpd"}, 11),
    ("wb-irradiated", {"component": "whole_blood", "preservative": "cpda1", "modifications": ["irradiated"]}, 11),
    ("rc-cpda1", red("cpda1"), 12),
    ("rc-cpd", red("cpd"), 12),
    ("rc-cpd-washed", red("cpd", "washed"), 12),
    ("rc-sagm", red("additive_solution"), 28),
    ("rc-sagm-washed", red("additive_solution", "washed"), 28),
    ("rc-cpda1-irradiated", red("cpda1", "irradiated"), 29),
    ("rc-sagm-irradiated", red("additive_solution", "irradiated"), 29),
    ("rc-sagm-irradiated-leucoreduced", red("additive_solution", "irradiated", "leucoreduced"), 29),
    ("rc-cpd-leucoreduced", red("cpd", "leucoreduced"), 30),
    ("rc-sagm-leucoreduced", red("additive_solution", "leucoreduced"), 30),
    ("rc-sagm-leucoreduced-cmv", red("additive_solution", "leucoreduced", "cmv_negative"), 30),
    ("ffp", {"component": "fresh_frozen_plasma"}, 13),
    ("ffp-thawed", {"component": "fresh_frozen_plasma", "modifications": ["thawed"]}, 13),
    ("plasma", PLASMA, 19),
    ("cpp", {"component": "cryo_poor_plasma"}, 21),
    ("cryo", {"component": "cryoprecipitate"}, 17),
    ("cryo-pooled", {"component": "cryoprecipitate", "modifications": ["pooled"]}, 17),
    ("sdp", SDP, 14),
    ("sdp-irradiated", {**SDP, "modifications": ["irradiated"]}, 14),
    ("rdp", RDP, 23),
    ("rdp-pooled", {**RDP, "modifications": ["pooled"]}, 23),
    ("granulocytes", {"component": "granulocytes"}, "ERAKTKOSH_NO_COMPONENT_CODE"),
]

# Group text → code: subgroups by ABO, weak D as positive (§1.10), unknown RhD has none.
GROUP_TO_CODE: list[tuple[str, Any, str]] = [
    ("A1+", 11, S63), ("A2+", 11, S63), ("A1-", 12, S63), ("A2-", 12, S63),
    ("A1B+", 17, S63), ("A2B-", 18, S63), ("A+Ve", 11, S63), ("O POS", 15, S63),
    ("O+ weak D", 15, S110), ("O- weak D", 15, S110), ("B weak D", 13, S110),
    ("A2B- weak D", 17, S110), ("Oh- weak D", 22, S110), ("O- Du negative", 16, S110),
    ("O", "ERAKTKOSH_NO_GROUP_CODE", S63), ("Bombay", "ERAKTKOSH_NO_GROUP_CODE", S63),
    ("A2", "ERAKTKOSH_NO_GROUP_CODE", S63),
]

# Unknown codes: the neighbours of the known ones and the ends of a 32-bit signed integer (the
# Kotlin API takes Int), all refused the same way.
BAD_COMPONENT_CODES = [0, 1, 10, 15, 22, 24, 27, 31, 99, -1, 2147483647, -2147483648]
BAD_GROUP_CODES = [0, 10, 19, 20, 21, 24, 99, -1, 2147483647, -2147483648]


def code_cases() -> list[Case]:
    out: list[Case] = []
    for code, name in COMPONENTS.items():
        out.append({"id": f"erk-component-{code}", "op": "eraktkosh_component_from_code",
                    "input": {"code": code}, "expect": {"code": code, "name": name}, "source": S63})
        product = PRODUCTS[code]
        expect = ({"product": product} if product is not None
                  else {"error": "NotApplicable", "error_code": "ERAKTKOSH_NO_RAKT_PRODUCT"})
        out.append({"id": f"erk-product-{code}", "op": "eraktkosh_component_product",
                    "input": {"code": code}, "expect": expect, "source": S63})
    for code in BAD_COMPONENT_CODES:
        out.append({"id": f"erk-component-bad-{code}", "op": "eraktkosh_component_from_code",
                    "input": {"code": code},
                    "expect": {"error": "InvalidCode", "error_position": 1, "error_contains": f"{COMPONENT} \"{code}\""},
                    "source": S63})
    for code, (label, group) in GROUPS.items():
        out.append({"id": f"erk-group-{code}", "op": "eraktkosh_blood_group_from_code",
                    "input": {"code": code}, "expect": {"group": group, "label": label}, "source": S63})
        out.append({"id": f"erk-group-to-{group}", "op": "eraktkosh_blood_group_to_code",
                    "input": {"group": group}, "expect": {"code": code}, "source": S63})
    for code in BAD_GROUP_CODES:
        out.append({"id": f"erk-group-bad-{code}", "op": "eraktkosh_blood_group_from_code",
                    "input": {"code": code},
                    "expect": {"error": "InvalidCode", "error_position": 1, "error_contains": f"{GROUP} \"{code}\""},
                    "source": S63})
    for text, want, source in GROUP_TO_CODE:
        expect = {"code": want} if isinstance(want, int) else {"error": "NotApplicable", "error_code": want}
        out.append({"id": f"erk-group-to-{text}", "op": "eraktkosh_blood_group_to_code",
                    "input": {"group": text}, "expect": expect, "source": source})
    for name, product, want in FOR_PRODUCT:
        expect = {"code": want} if isinstance(want, int) else {"error": "NotApplicable", "error_code": want}
        out.append({"id": f"erk-for-product-{name}", "op": "eraktkosh_component_for_product",
                    "input": {"product": product}, "expect": expect, "source": S63})
    return out


def released(din: str, group: str, product: dict[str, Any], reverse: str) -> dict[str, Any]:
    """Collected at T0, screened for the India markers and released at +2 h."""
    events = ([e(at(30), "quarantine")]
              + [e(at(60), "record_test", marker=m, result="non_reactive") for m in INDIA_MARKERS]
              + [e(at(70), "record_grouping", forward=group, reverse=reverse), e(at(120), "release")])
    return {"collection": collection(din, product, group), "events": events}


def stock_cases() -> list[Case]:
    def u(centre: str, din: str, group: str, product: dict[str, Any] = SAGM, reverse: str = "",
          extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        unit = released(din, group, product, reverse or group.rstrip("+-"))
        unit["events"] += extra or []
        return {"centre": centre, "unit": unit}

    FFP = {"component": "fresh_frozen_plasma"}
    mixed = [
        u("BC-2", "S1", "B+"), u("BC-2", "S2", "B+"), u("BC-2", "S3", "B+"), u("BC-2", "S4", "O-"),
        u("BC-2", "S5", "A+"), u("BC-2", "S6", "O- weak D", reverse="O"),
        u("BC-2", "P1", "AB-", SDP), u("BC-2", "P2", "Oh+", RDP, reverse="Oh"),
        u("BC-1", "F1", "A-", FFP),
        u("BC-2", "G1", "O+", {"component": "granulocytes"}),
        u("BC-3", "I1", "O+", extra=[e(at(180), "issue", patient="P-9")]),
        u("BC-2", "S1", "B+"),
    ]
    day1 = "2026-11-01T15:00:00+05:30"
    out = [
        {"id": "erk-stock-mixed", "op": "eraktkosh_stock_summary", "input": {"units": mixed, "as_of": day1},
         "expect": {"centres": [
             {"centre": "BC-1", "components": [
                 {"code": 13, "name": "Fresh Frozen Plasma", "total": 1, "availability": "A-Ve : 1",
                  "groups": [[12, "A-Ve", 1]]}],
              "uncounted": []},
             {"centre": "BC-2", "components": [
                 {"code": 14, "name": "Single Donor Platelet", "total": 1, "availability": "AB-Ve : 1",
                  "groups": [[18, "AB-Ve", 1]]},
                 {"code": 23, "name": "Random Donor Platelets", "total": 1, "availability": "Oh+Ve : 1",
                  "groups": [[22, "Oh+Ve", 1]]},
                 {"code": 28, "name": "Sagm Packed Red Blood Cells", "total": 6,
                  "availability": "A+Ve : 1, B+Ve : 3, O+Ve : 1, O-Ve : 1",
                  "groups": [[11, "A+Ve", 1], [13, "B+Ve", 3], [15, "O+Ve", 1], [16, "O-Ve", 1]]}],
              "uncounted": [{"unit": "G1", "code": "ERAKTKOSH_NO_COMPONENT_CODE"},
                            {"unit": "S1", "code": "DUPLICATE_UNIT"}]},
             {"centre": "BC-3", "components": [], "uncounted": []}]},
         "source": S62 + "; " + S63 + "; " + S110},
    ]
    # The same stock at other times: 6 days on the platelets (5 days) and granulocytes (24 h)
    # have expired; before the releases every unit has events after as_of.
    day6 = "2026-11-07T09:00:00+05:30"
    out.append({"id": "erk-stock-day6", "op": "eraktkosh_stock_summary",
                "input": {"units": mixed[:9], "as_of": day6},
                "expect": {"centres": [
                    {"centre": "BC-1", "components": [
                        {"code": 13, "name": "Fresh Frozen Plasma", "total": 1, "availability": "A-Ve : 1",
                         "groups": [[12, "A-Ve", 1]]}], "uncounted": []},
                    {"centre": "BC-2", "components": [
                        {"code": 28, "name": "Sagm Packed Red Blood Cells", "total": 6,
                         "availability": "A+Ve : 1, B+Ve : 3, O+Ve : 1, O-Ve : 1",
                         "groups": [[11, "A+Ve", 1], [13, "B+Ve", 3], [15, "O+Ve", 1], [16, "O-Ve", 1]]}],
                     "uncounted": []}]},
                "source": S62 + "; research/blood.md §2.1 (platelets 5 days)"})
    out.append({"id": "erk-stock-before-release", "op": "eraktkosh_stock_summary",
                "input": {"units": mixed[:1] + mixed[8:9], "as_of": at(100)},
                "expect": {"centres": [
                    {"centre": "BC-1", "components": [], "uncounted": [{"unit": "F1", "code": "EVENTS_AFTER_AS_OF"}]},
                    {"centre": "BC-2", "components": [], "uncounted": [{"unit": "S1", "code": "EVENTS_AFTER_AS_OF"}]}]},
                "source": S62})
    out.append({"id": "erk-stock-before-collection", "op": "eraktkosh_stock_summary",
                "input": {"units": mixed[:1], "as_of": "2026-11-01T08:00:00+05:30"},
                "expect": {"centres": [{"centre": "BC-2", "components": [], "uncounted": []}]},
                "source": S62})
    out.append({"id": "erk-stock-reserved-until-lapsed", "op": "eraktkosh_stock_summary",
                "input": {"units": [u("BC", "R1", "AB+", extra=[
                    e(at(180), "reserve", patient="P-1", until="2026-11-02T09:00:00+05:30")])],
                    "as_of": "2026-11-02T09:00:00+05:30"},
                "expect": {"centres": [{"centre": "BC", "components": [
                    {"code": 28, "name": "Sagm Packed Red Blood Cells", "total": 1, "availability": "AB+Ve : 1",
                     "groups": [[17, "AB+Ve", 1]]}], "uncounted": []}]},
                "source": S62 + "; research/blood.md §4.4 (a lapsed reservation is released)"})
    out.append({"id": "erk-stock-reserved", "op": "eraktkosh_stock_summary",
                "input": {"units": [u("BC", "R1", "AB+", extra=[
                    e(at(180), "reserve", patient="P-1", until="2026-11-02T09:00:00+05:30")])],
                    "as_of": "2026-11-02T08:59:00+05:30"},
                "expect": {"centres": [{"centre": "BC", "components": [], "uncounted": []}]},
                "source": S62})
    out.append({"id": "erk-stock-empty", "op": "eraktkosh_stock_summary",
                "input": {"units": [], "as_of": day1}, "expect": {"centres": []}, "source": S62})
    out.append({"id": "erk-stock-blank-centre", "op": "eraktkosh_stock_summary",
                "input": {"units": [u(" ", "S1", "B+")], "as_of": day1},
                "expect": {"error": "InvalidInput", "error_field": "centre"}, "source": S62})
    return out


FILES = {
    "eraktkosh.json": ("e-RaktKosh component and blood-group codes both ways, product choices and stock summaries.",
                       lambda: code_cases() + stock_cases()),
}
