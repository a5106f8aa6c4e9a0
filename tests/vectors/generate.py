#!/usr/bin/env python3
"""Write the conformance vectors from literal tables.

The expected answers below are written out by hand from the sources (research/blood.md), not
computed by rakt: a wrong implementation disagrees with them. Run without arguments to rewrite the
JSON files next to this script; with --check to fail when a committed file differs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DONORS = ["O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+"]
RANK = {"I": "identical", "C": "compatible", "W": "compatible_with_caveat", "X": "incompatible"}

Case = dict[str, Any]

# --------------------------------------------------------------------------------------------
# Compatibility matrices. Rows: recipient; columns: donor in the DONORS order.
# I identical, C compatible, W compatible with a caveat, X incompatible.
# --------------------------------------------------------------------------------------------

# Red cells, recipient an adult man (40): ABO by antigens vs recipient antibodies (§1.2); RhD-pos
# to an RhD-neg man is a caveat (§1.3); Bombay recipients only Bombay (§1.9); Bombay units for
# others are a caveat (rare stock).
RED_CELLS_MAN = {
    "O-":  "I W X X X X X X W W",
    "O+":  "C I X X X X X X W W",
    "A-":  "C W I W X X X X W W",
    "A+":  "C C C I X X X X W W",
    "B-":  "C W X X I W X X W W",
    "B+":  "C C X X C I X X W W",
    "AB-": "C W C W C W I W W W",
    "AB+": "C C C C C C C I W W",
    "Oh-": "X X X X X X X X I W",
    "Oh+": "X X X X X X X X C I",
}

# Red cells, recipient a woman of 30 (child-bearing potential): RhD-pos to RhD-neg is a stop.
RED_CELLS_WOMAN = {
    "O-":  "I X X X X X X X W X",
    "O+":  "C I X X X X X X W W",
    "A-":  "C X I X X X X X W X",
    "A+":  "C C C I X X X X W W",
    "B-":  "C X X X I X X X W X",
    "B+":  "C C X X C I X X W W",
    "AB-": "C X C X C X I X W X",
    "AB+": "C C C C C C C I W W",
    "Oh-": "X X X X X X X X I X",
    "Oh+": "X X X X X X X X C I",
}

# Whole blood: ABO-identical only (§1.7), RhD as red cells.
WHOLE_BLOOD_MAN = {
    "O-":  "I W X X X X X X X X",
    "O+":  "C I X X X X X X X X",
    "A-":  "X X I W X X X X X X",
    "A+":  "X X C I X X X X X X",
    "B-":  "X X X X I W X X X X",
    "B+":  "X X X X C I X X X X",
    "AB-": "X X X X X X I W X X",
    "AB+": "X X X X X X C I X X",
    "Oh-": "X X X X X X X X I W",
    "Oh+": "X X X X X X X X C I",
}
WHOLE_BLOOD_WOMAN = {
    "O-":  "I X X X X X X X X X",
    "O+":  "C I X X X X X X X X",
    "A-":  "X X I X X X X X X X",
    "A+":  "X X C I X X X X X X",
    "B-":  "X X X X I X X X X X",
    "B+":  "X X X X C I X X X X",
    "AB-": "X X X X X X I X X X",
    "AB+": "X X X X X X C I X X",
    "Oh-": "X X X X X X X X I X",
    "Oh+": "X X X X X X X X C I",
}

# Plasma family (FFP, plasma, cryo-poor plasma, cryoprecipitate): donor plasma antibodies vs
# recipient red cells (§1.4, §1.6); RhD not required; Bombay donor plasma (anti-H) only for
# Bombay recipients, any plasma for Bombay recipients (§1.9, inference).
PLASMA = {
    "O-":  "I I C C C C C C X X",
    "O+":  "I I C C C C C C X X",
    "A-":  "X X I I X X C C X X",
    "A+":  "X X I I X X C C X X",
    "B-":  "X X X X I I C C X X",
    "B+":  "X X X X I I C C X X",
    "AB-": "X X X X X X I I X X",
    "AB+": "X X X X X X I I X X",
    "Oh-": "C C C C C C C C I I",
    "Oh+": "C C C C C C C C I I",
}

# Plasma family in the uk profile: the UK table (§1.4) lists A/AB/B* for A, B/AB/A* for B and
# AB/A*/B* for AB recipients, * = emergency use only, a unit tested negative for high-titre ABO
# antibodies. The starred groups are a caveat (W); O plasma stays refused for A, B and AB.
PLASMA_UK = {
    "O-":  "I I C C C C C C X X",
    "O+":  "I I C C C C C C X X",
    "A-":  "X X I I W W C C X X",
    "A+":  "X X I I W W C C X X",
    "B-":  "X X W W I I C C X X",
    "B+":  "X X W W I I C C X X",
    "AB-": "X X W W W W I I X X",
    "AB+": "X X W W W W I I X X",
    "Oh-": "C C C C C C C C I I",
    "Oh+": "C C C C C C C C I I",
}

# Platelets, adult man, india order (§1.5): O: O, A, AB; A: A, O, B, AB; B: B, O, A, AB;
# AB: AB, A, B, O; Oh: Oh. Non-identical ABO is a caveat; a group not listed is refused.
PLATELETS_MAN = {
    "O-":  "I C W W X X W W X X",
    "O+":  "C I W W X X W W X X",
    "A-":  "W W I C W W W W X X",
    "A+":  "W W C I W W W W X X",
    "B-":  "W W W W I C W W X X",
    "B+":  "W W W W C I W W X X",
    "AB-": "W W W W W W I C X X",
    "AB+": "W W W W W W C I X X",
    "Oh-": "X X X X X X X X I C",
    "Oh+": "X X X X X X X X C I",
}


def matrix_cases(
    prefix: str,
    components: list[str],
    table: dict[str, str],
    person: dict[str, Any],
    source: str,
    policy: str | None = None,
) -> list[Case]:
    out: list[Case] = []
    for component in components:
        for recipient, row in table.items():
            cells = row.split()
            assert len(cells) == 10, (prefix, recipient)
            for donor, cell in zip(DONORS, cells):
                inp: dict[str, Any] = {
                    "component": component,
                    "donor": donor,
                    "recipient": {"group": recipient, **person},
                }
                if policy is not None:
                    inp["policy"] = policy
                out.append(
                    {
                        "id": f"{prefix}-{component}-{donor}_to_{recipient}",
                        "op": "compatibility",
                        "input": inp,
                        "expect": {"compatible": cell != "X", "rank": RANK[cell]},
                        "source": source,
                    }
                )
    return out


MAN = {"sex": "male", "age_years": 40}
WOMAN = {"sex": "female", "age_years": 30}
PLASMA_COMPONENTS = ["fresh_frozen_plasma", "plasma", "cryo_poor_plasma", "cryoprecipitate"]


def compat(
    id_: str,
    component: str,
    donor: str,
    recipient: dict[str, Any],
    expect: dict[str, Any],
    source: str,
    policy: Any = None,
) -> Case:
    inp: dict[str, Any] = {"component": component, "donor": donor, "recipient": recipient}
    if policy is not None:
        inp["policy"] = policy
    return {"id": id_, "op": "compatibility", "input": inp, "expect": expect, "source": source}


def rhd_cases() -> list[Case]:
    S13 = "research/blood.md §1.3"
    neg = lambda **kw: {"group": "O-", **kw}  # noqa: E731
    stop = lambda protection, limit=None: {  # noqa: E731
        "compatible": False,
        "rank": "incompatible",
        "codes": ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL"],
        "facts": {
            "RHD_NEGATIVE_REQUIRED": {"protection": protection}
            | ({"age_limit": str(limit)} if limit is not None else {})
        },
    }
    caveat = {
        "compatible": True,
        "rank": "compatible_with_caveat",
        "codes": ["RHD_POSITIVE_TO_RHD_NEGATIVE", "ABO_IDENTICAL"],
    }
    cases = [
        compat("rhd-india-woman-50-is-child-bearing", "red_cells", "O+", neg(sex="female", age_years=50),
               stop("female_child_bearing_potential", 50), S13),
        compat("rhd-india-woman-51-is-not", "red_cells", "O+", neg(sex="female", age_years=51), caveat, S13),
        compat("rhd-us-woman-49-is-child-bearing", "red_cells", "O+", neg(sex="female", age_years=49),
               stop("female_child_bearing_potential", 49), S13 + " (Bloodworks NW: < 50)", "us"),
        compat("rhd-us-woman-50-is-not", "red_cells", "O+", neg(sex="female", age_years=50), caveat, S13, "us"),
        compat("rhd-uk-woman-50-is-child-bearing", "red_cells", "O+", neg(sex="female", age_years=50),
               stop("female_child_bearing_potential", 50), S13, "uk"),
        compat("rhd-india-boy-17-is-a-child", "red_cells", "O+", neg(sex="male", age_years=17), stop("child", 17), S13),
        compat("rhd-india-man-18-is-not", "red_cells", "O+", neg(sex="male", age_years=18), caveat, S13),
        compat("rhd-us-boy-15-is-a-child", "red_cells", "O+", neg(sex="male", age_years=15), stop("child", 15), S13, "us"),
        compat("rhd-us-man-16-is-not", "red_cells", "O+", neg(sex="male", age_years=16), caveat, S13, "us"),
        compat("rhd-girl-10", "red_cells", "O+", neg(sex="female", age_years=10), stop("child", 17), S13),
        compat("rhd-anti-d-man-70", "red_cells", "O+", neg(sex="male", age_years=70, anti_d=True), stop("anti_d"), S13),
        compat("rhd-chronic-man-70", "red_cells", "O+", neg(sex="male", age_years=70, chronically_transfused=True),
               stop("chronically_transfused"), S13),
        compat("rhd-anti-d-woman-80", "red_cells", "O+", neg(sex="female", age_years=80, anti_d=True), stop("anti_d"), S13),
        compat("rhd-old-woman-80", "red_cells", "O+", neg(sex="female", age_years=80), caveat, S13),
        compat("rhd-unknown-age-and-sex", "red_cells", "O+", neg(),
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "PROTECTION_ASSUMED", "ABO_IDENTICAL"],
                "facts": {"PROTECTION_ASSUMED": {"missing": "age_and_sex", "protection": "female_child_bearing_potential"}}},
               S13 + " (cautious default)"),
        compat("rhd-man-unknown-age", "red_cells", "O+", neg(sex="male"),
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "PROTECTION_ASSUMED", "ABO_IDENTICAL"],
                "facts": {"RHD_NEGATIVE_REQUIRED": {"protection": "child"}, "PROTECTION_ASSUMED": {"missing": "age"}}},
               S13 + " (cautious default)"),
        compat("rhd-woman-unknown-age", "red_cells", "O+", neg(sex="female"),
               {"compatible": False, "facts": {"PROTECTION_ASSUMED": {"missing": "age"}}}, S13 + " (cautious default)"),
        compat("rhd-sex-other-age-30", "red_cells", "O+", neg(sex="other", age_years=30),
               {"compatible": False, "facts": {"PROTECTION_ASSUMED": {"missing": "sex"}}}, S13 + " (cautious default)"),
        compat("rhd-unknown-sex-age-60", "red_cells", "O+", neg(age_years=60), caveat, S13),
        compat("rhd-policy-override-55", "red_cells", "O+", neg(sex="female", age_years=54),
               stop("female_child_bearing_potential", 55), S13 + " (UTMB < 55 as a local policy)",
               {"name": "local-55", "extends": "india", "compatibility": {"child_bearing_potential_max_age": 55}}),
        compat("rhd-negative-recipient-positive-needs-nothing", "red_cells", "O-", {"group": "O+", **WOMAN},
               {"compatible": True, "rank": "compatible", "codes": ["ABO_IDENTICAL"]}, S13),
        # Weak D (§1.10)
        compat("weak-d-recipient-as-negative", "red_cells", "O+", {"group": "O+ weak D", **WOMAN},
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL", "WEAK_D_RECIPIENT"],
                "facts": {"WEAK_D_RECIPIENT": {"as": "negative"}}}, "research/blood.md §1.10"),
        compat("weak-d-recipient-as-positive-by-policy", "red_cells", "O+", {"group": "O+ weak D", **WOMAN},
               {"compatible": True, "rank": "identical", "codes": ["ABO_IDENTICAL", "WEAK_D_RECIPIENT"],
                "facts": {"WEAK_D_RECIPIENT": {"as": "positive"}}}, "research/blood.md §1.10 (weak D types 1-3 after genotyping)",
               {"name": "genotyped", "extends": "india", "compatibility": {"weak_d_recipient_as": "positive"}}),
        compat("weak-d-donor-as-positive", "red_cells", "O- weak D", {"group": "O-", **WOMAN},
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL", "WEAK_D_DONOR"]},
               "research/blood.md §1.10"),
        compat("donor-rhd-unknown", "red_cells", "O", {"group": "O-", **MAN},
               {"compatible": False, "codes": ["DONOR_RHD_UNKNOWN", "ABO_IDENTICAL"]}, S13),
        compat("donor-rhd-unknown-to-positive", "red_cells", "O", {"group": "O+", **MAN},
               {"compatible": True, "rank": "compatible", "codes": ["ABO_IDENTICAL"]}, S13),
        compat("recipient-rhd-unknown", "red_cells", "O-", {"group": "O", **MAN},
               {"compatible": True, "rank": "compatible_with_caveat", "codes": ["RECIPIENT_RHD_UNKNOWN", "ABO_IDENTICAL"]}, S13),
        compat("recipient-rhd-unknown-positive-donor", "red_cells", "O+", {"group": "O", **MAN},
               {"compatible": True, "codes": ["RECIPIENT_RHD_UNKNOWN", "RHD_POSITIVE_TO_RHD_NEGATIVE", "ABO_IDENTICAL"]}, S13),
        compat("recipient-rhd-unknown-woman", "red_cells", "O+", {"group": "O", **WOMAN},
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "RECIPIENT_RHD_UNKNOWN", "ABO_IDENTICAL"]}, S13),
    ]
    return cases


def abo_cases() -> list[Case]:
    S12, S14, S19 = "research/blood.md §1.2", "research/blood.md §1.4", "research/blood.md §1.9"
    return [
        compat("rbc-A+_to_O+-anti-A", "red_cells", "A+", {"group": "O+", **MAN},
               {"compatible": False, "codes": ["RED_CELLS_ABO_INCOMPATIBLE"], "facts": {"RED_CELLS_ABO_INCOMPATIBLE": {"antibodies": "anti-A"}}}, S12),
        compat("rbc-AB+_to_O+-anti-A-and-B", "red_cells", "AB+", {"group": "O+", **MAN},
               {"codes": ["RED_CELLS_ABO_INCOMPATIBLE"], "facts": {"RED_CELLS_ABO_INCOMPATIBLE": {"antibodies": "anti-A,anti-B"}}}, S12),
        compat("rbc-B-_to_A--anti-B", "red_cells", "B-", {"group": "A-", **WOMAN},
               {"codes": ["RED_CELLS_ABO_INCOMPATIBLE"], "facts": {"RED_CELLS_ABO_INCOMPATIBLE": {"antibodies": "anti-B"}}}, S12),
        compat("rbc-O-_to_AB+-codes", "red_cells", "O-", {"group": "AB+", **WOMAN},
               {"compatible": True, "rank": "compatible", "codes": ["RED_CELLS_ABO_COMPATIBLE"]}, S12),
        compat("rbc-A2_to_A-subgroup-is-a-detail", "red_cells", "A2+", {"group": "A1+", **MAN},
               {"compatible": True, "rank": "identical", "codes": ["ABO_IDENTICAL"]}, "research/blood.md §1.10"),
        compat("rbc-bombay-recipient-refuses-O", "red_cells", "O+", {"group": "Oh+", "sex": "female", "age_years": 33},
               {"compatible": False, "codes": ["BOMBAY_RECIPIENT_NEEDS_BOMBAY"]}, S19),
        compat("rbc-bombay-donor-for-O", "red_cells", "Oh+", {"group": "O+", **MAN},
               {"compatible": True, "rank": "compatible_with_caveat", "codes": ["BOMBAY_UNIT_FOR_NON_BOMBAY"]}, S19),
        compat("rbc-bombay-recipient-spelled-bombay", "red_cells", "Oh-", {"group": "Bombay", **MAN},
               {"compatible": True, "rank": "compatible_with_caveat", "codes": ["RECIPIENT_RHD_UNKNOWN", "ABO_IDENTICAL"]}, S19),
        compat("ffp-O+_to_A+-anti-A", "fresh_frozen_plasma", "O+", {"group": "A+", **MAN},
               {"compatible": False, "codes": ["PLASMA_ABO_INCOMPATIBLE"], "facts": {"PLASMA_ABO_INCOMPATIBLE": {"antibodies": "anti-A"}}}, S14),
        compat("ffp-O-_to_AB+-anti-A-and-B", "fresh_frozen_plasma", "O-", {"group": "AB+", **MAN},
               {"compatible": False, "codes": ["PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"],
                "facts": {"PLASMA_ABO_INCOMPATIBLE": {"antibodies": "anti-A,anti-B"}}}, S14),
        compat("ffp-AB-_to_O+-rhd-not-required", "fresh_frozen_plasma", "AB-", {"group": "O+", **WOMAN},
               {"compatible": True, "rank": "compatible", "codes": ["PLASMA_ABO_COMPATIBLE", "RHD_NOT_REQUIRED"]}, S14),
        compat("cryo-A+_to_O--woman-rhd-not-required", "cryoprecipitate", "A+", {"group": "O-", "sex": "female", "age_years": 22},
               {"compatible": True, "rank": "compatible", "codes": ["PLASMA_ABO_COMPATIBLE", "RHD_NOT_REQUIRED"]}, "research/blood.md §1.4, §1.6"),
        compat("ffp-bombay-recipient-any-plasma", "fresh_frozen_plasma", "O+", {"group": "Oh+", **WOMAN},
               {"compatible": True, "rank": "compatible", "codes": ["BOMBAY_RECIPIENT_PLASMA"]}, S19),
        compat("ffp-bombay-donor-anti-H", "fresh_frozen_plasma", "Oh+", {"group": "AB+", **MAN},
               {"compatible": False, "codes": ["BOMBAY_DONOR_PLASMA_ANTI_H"]}, S19),
        compat("wb-A+_to_A--woman", "whole_blood", "A+", {"group": "A-", **WOMAN},
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL"]}, "research/blood.md §1.7, §1.3"),
        compat("wb-O-_to_A+", "whole_blood", "O-", {"group": "A+", **MAN},
               {"compatible": False, "codes": ["WHOLE_BLOOD_NOT_ABO_IDENTICAL"]}, "research/blood.md §1.7"),
        compat("wb-O+_to_A--woman-two-stops", "whole_blood", "O+", {"group": "A-", **WOMAN},
               {"compatible": False, "codes": ["WHOLE_BLOOD_NOT_ABO_IDENTICAL", "RHD_NEGATIVE_REQUIRED"]}, "research/blood.md §1.7, §1.3"),
        compat("gran-follows-red-cells", "granulocytes", "O-", {"group": "A+", **MAN},
               {"compatible": True, "rank": "compatible", "codes": ["GRANULOCYTES_FOLLOW_RED_CELL_RULES", "RED_CELLS_ABO_COMPATIBLE"]},
               "no published rule; red-cell rules (cautious)"),
    ]


def platelet_cases() -> list[Case]:
    S15 = "research/blood.md §1.5"
    return [
        compat("plt-O+_to_A+-caveats", "platelets", "O+", {"group": "A+", **MAN},
               {"compatible": True, "rank": "compatible_with_caveat",
                "codes": ["PLATELET_ABO_NON_IDENTICAL", "PLATELET_PLASMA_INCOMPATIBLE"],
                "facts": {"PLATELET_ABO_NON_IDENTICAL": {"position": "2", "order": "A, O, B, AB"},
                          "PLATELET_PLASMA_INCOMPATIBLE": {"antibodies": "anti-A"}}}, S15),
        compat("plt-B+_to_O+-not-in-order", "platelets", "B+", {"group": "O+", **MAN},
               {"compatible": False, "codes": ["PLATELET_ABO_NOT_IN_POLICY"], "facts": {"PLATELET_ABO_NOT_IN_POLICY": {"order": "O, A, AB"}}}, S15),
        compat("plt-A2_to_O+", "platelets", "A2+", {"group": "O+", **MAN},
               {"compatible": True, "codes": ["PLATELET_ABO_NON_IDENTICAL", "PLATELET_A2_PREFERRED"]}, "research/blood.md §1.10"),
        compat("plt-A2_to_B+", "platelets", "A2+", {"group": "B+", **MAN},
               {"compatible": True, "codes": ["PLATELET_ABO_NON_IDENTICAL", "PLATELET_PLASMA_INCOMPATIBLE", "PLATELET_A2_PREFERRED"],
                "facts": {"PLATELET_ABO_NON_IDENTICAL": {"position": "3"}, "PLATELET_PLASMA_INCOMPATIBLE": {"antibodies": "anti-B"}}},
               "research/blood.md §1.5, §1.10"),
        compat("plt-A+_to_A--young-woman-anti-D", "platelets", "A+", {"group": "A-", "sex": "female", "age_years": 25},
               {"compatible": True, "rank": "compatible_with_caveat", "codes": ["PLATELET_RHD_ANTI_D_PROPHYLAXIS", "ABO_IDENTICAL"],
                "facts": {"PLATELET_RHD_ANTI_D_PROPHYLAXIS": {"protection": "female_child_bearing_potential"}}}, S15),
        compat("plt-A+_to_A--girl-anti-D", "platelets", "A+", {"group": "A-", "sex": "female", "age_years": 9},
               {"compatible": True, "codes": ["PLATELET_RHD_ANTI_D_PROPHYLAXIS", "ABO_IDENTICAL"],
                "facts": {"PLATELET_RHD_ANTI_D_PROPHYLAXIS": {"protection": "child"}}}, S15),
        compat("plt-A+_to_A--old-man", "platelets", "A+", {"group": "A-", "sex": "male", "age_years": 70},
               {"compatible": True, "rank": "compatible", "codes": ["ABO_IDENTICAL"]}, S15),
        compat("plt-order-override", "platelets", "B+", {"group": "O+", **MAN},
               {"compatible": True, "rank": "compatible_with_caveat", "codes": ["PLATELET_ABO_NON_IDENTICAL"],
                "facts": {"PLATELET_ABO_NON_IDENTICAL": {"position": "3", "order": "O, A, B, AB"}}},
               "local policy", {"name": "local-plt", "extends": "india", "compatibility": {"platelet_order": {"O": ["O", "A", "B", "AB"]}}}),
        compat("plt-bombay-recipient-only-bombay", "platelets", "O-", {"group": "Oh-", **MAN},
               {"compatible": False, "codes": ["PLATELET_ABO_NOT_IN_POLICY"]}, "no source; cautious policy choice"),
    ]


def emergency_cases() -> list[Case]:
    S18 = "research/blood.md §1.8"
    unknown = lambda **kw: {"group": None, **kw}  # noqa: E731
    release = {"compatible": True, "rank": "compatible_with_caveat", "emergency": True, "codes": ["EMERGENCY_RELEASE"]}
    return [
        compat("emergency-rbc-O-_young-woman", "red_cells", "O-", unknown(sex="female", age_years=24), release, S18),
        compat("emergency-rbc-O+_young-woman", "red_cells", "O+", unknown(sex="female", age_years=24),
               {"compatible": False, "emergency": True, "codes": ["RHD_NEGATIVE_REQUIRED", "EMERGENCY_RELEASE"]}, S18),
        compat("emergency-rbc-O+_man", "red_cells", "O+", unknown(sex="male", age_years=45), release, S18),
        compat("emergency-rbc-O+_nothing-known", "red_cells", "O+", unknown(),
               {"compatible": False, "codes": ["RHD_NEGATIVE_REQUIRED", "EMERGENCY_RELEASE", "PROTECTION_ASSUMED"]}, S18),
        compat("emergency-rbc-O-_nothing-known", "red_cells", "O-", unknown(), release, S18),
        compat("emergency-rbc-A-_refused", "red_cells", "A-", unknown(sex="male", age_years=45),
               {"compatible": False, "emergency": True, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"],
                "facts": {"EMERGENCY_GROUP_NOT_PERMITTED": {"allowed": "O"}}}, S18),
        compat("emergency-rbc-Oh-_refused", "red_cells", "Oh-", unknown(sex="male", age_years=45),
               {"compatible": False, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"]}, S18),
        compat("emergency-ffp-india-AB", "fresh_frozen_plasma", "AB+", unknown(sex="male", age_years=45), release, "research/blood.md §1.4"),
        compat("emergency-ffp-india-A-refused", "fresh_frozen_plasma", "A+", unknown(sex="male", age_years=45),
               {"compatible": False, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"], "facts": {"EMERGENCY_GROUP_NOT_PERMITTED": {"allowed": "AB"}}},
               "research/blood.md §1.4"),
        compat("emergency-ffp-uk-A", "fresh_frozen_plasma", "A-", unknown(sex="male", age_years=45),
               {**release, "codes": ["EMERGENCY_RELEASE", "PLASMA_HIGH_TITRE_NEGATIVE_ONLY"],
                "facts": {"PLASMA_HIGH_TITRE_NEGATIVE_ONLY": {"antibodies": "anti-B", "recipient": "unknown"}}},
               "research/blood.md §1.4 (UK: group A when unknown; the recipient may be AB, so the UK table's A* caveat)", "uk"),
        compat("emergency-ffp-uk-AB", "fresh_frozen_plasma", "AB-", unknown(sex="male", age_years=45), release, "research/blood.md §1.4 (UK)", "uk"),
        compat("emergency-ffp-uk-O-refused", "fresh_frozen_plasma", "O-", unknown(sex="male", age_years=45),
               {"compatible": False, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"], "facts": {"EMERGENCY_GROUP_NOT_PERMITTED": {"allowed": "A or AB"}}},
               "research/blood.md §1.4 (UK)", "uk"),
        compat("emergency-cryo-india-AB", "cryoprecipitate", "AB-", unknown(), release, "research/blood.md §1.4, §1.6"),
        compat("emergency-plt-india-A", "platelets", "A+", unknown(sex="male", age_years=45), release, "research/blood.md §1.5"),
        compat("emergency-plt-india-O", "platelets", "O+", unknown(sex="male", age_years=45), release, "research/blood.md §1.5"),
        compat("emergency-plt-india-B-refused", "platelets", "B+", unknown(sex="male", age_years=45),
               {"compatible": False, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"], "facts": {"EMERGENCY_GROUP_NOT_PERMITTED": {"allowed": "A or O"}}},
               "research/blood.md §1.5"),
        compat("emergency-plt-uk-O-refused", "platelets", "O+", unknown(sex="male", age_years=45),
               {"compatible": False, "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"]}, "research/blood.md §1.5 (UK)", "uk"),
        compat("emergency-plt-young-woman-anti-D", "platelets", "A+", unknown(sex="female", age_years=24),
               {"compatible": True, "codes": ["EMERGENCY_RELEASE", "PLATELET_RHD_ANTI_D_PROPHYLAXIS"]}, "research/blood.md §1.5"),
        compat("emergency-wb-refused", "whole_blood", "O-", unknown(sex="male", age_years=45),
               {"compatible": False, "emergency": True, "codes": ["WHOLE_BLOOD_GROUP_UNKNOWN"]}, "research/blood.md §1.7, §1.8"),
        compat("emergency-gran-O-", "granulocytes", "O-", unknown(sex="female", age_years=24),
               {"compatible": True, "codes": ["EMERGENCY_RELEASE", "GRANULOCYTES_FOLLOW_RED_CELL_RULES"]}, S18),
    ]


def plasma_profile_cases() -> list[Case]:
    """A known AB recipient and a recipient of unknown group, every plasma group, every profile.

    An unknown recipient may be AB, so the emergency rule must agree with the AB rule: the UK gives
    group A plasma in both (the UK table's A* for AB; learnhaem's group A when unknown) with one
    caveat; India and the US give AB only in both (§1.4: AB for unknown in AU/Canada; compatible
    plasma only, the cautious reading, without a source of their own).
    """
    S14 = "research/blood.md §1.4"
    ht = "PLASMA_HIGH_TITRE_NEGATIVE_ONLY"
    caveat = lambda abs_: {"compatible": True, "rank": "compatible_with_caveat"} | ({"facts": {ht: {"antibodies": abs_}}})  # noqa: E731
    refused = {"compatible": False, "rank": "incompatible", "codes": ["PLASMA_ABO_INCOMPATIBLE"]}
    identical = {"compatible": True, "rank": "identical", "codes": ["ABO_IDENTICAL"]}
    ab = {"group": "AB+", **MAN}
    out = [
        compat("ffp-uk-AB+_to_AB+", "fresh_frozen_plasma", "AB+", ab, identical, S14 + " (UK table)", "uk"),
        compat("ffp-uk-A+_to_AB+-caveat", "fresh_frozen_plasma", "A+", ab, caveat("anti-B") | {"codes": [ht]},
               S14 + " (UK table: AB / A* / B*)", "uk"),
        compat("ffp-uk-B-_to_AB+-caveat", "fresh_frozen_plasma", "B-", ab, caveat("anti-A") | {"codes": [ht, "RHD_NOT_REQUIRED"]},
               S14 + " (UK table: AB / A* / B*)", "uk"),
        compat("ffp-uk-O+_to_AB+-refused", "fresh_frozen_plasma", "O+", ab,
               refused | {"facts": {"PLASMA_ABO_INCOMPATIBLE": {"antibodies": "anti-A,anti-B"}}}, S14 + " (no table lists O for AB)", "uk"),
        compat("cryo-uk-A-_to_AB--caveat", "cryoprecipitate", "A-", {"group": "AB-", **WOMAN}, caveat("anti-B") | {"codes": [ht]},
               S14 + " (UK table, cryo: AB / A* / B*)", "uk"),
    ]
    for policy in ["india", "us"]:
        out += [
            compat(f"ffp-{policy}-AB+_to_AB+", "fresh_frozen_plasma", "AB+", ab, identical, S14, policy),
            compat(f"ffp-{policy}-A+_to_AB+-refused", "fresh_frozen_plasma", "A+", ab,
                   refused | {"facts": {"PLASMA_ABO_INCOMPATIBLE": {"antibodies": "anti-B"}}},
                   S14 + " (compatible plasma only; the AU 'A if AB unobtainable' is an alternative)", policy),
            compat(f"ffp-{policy}-B+_to_AB+-refused", "fresh_frozen_plasma", "B+", ab,
                   refused | {"facts": {"PLASMA_ABO_INCOMPATIBLE": {"antibodies": "anti-A"}}}, S14, policy),
            compat(f"ffp-{policy}-O+_to_AB+-refused", "fresh_frozen_plasma", "O+", ab, refused, S14, policy),
        ]
    unknown = {"group": None, "sex": "female", "age_years": 30}
    not_permitted = lambda allowed: {"compatible": False, "rank": "incompatible", "emergency": True,  # noqa: E731
                                     "codes": ["EMERGENCY_GROUP_NOT_PERMITTED"],
                                     "facts": {"EMERGENCY_GROUP_NOT_PERMITTED": {"allowed": allowed}}}
    release = {"compatible": True, "rank": "compatible_with_caveat", "emergency": True}
    expected = {
        "uk": {"O": not_permitted("A or AB"), "A": release | {"codes": ["EMERGENCY_RELEASE", ht], "facts": {ht: {"antibodies": "anti-B"}}},
               "B": not_permitted("A or AB"), "AB": release | {"codes": ["EMERGENCY_RELEASE"]}, "Oh": not_permitted("A or AB")},
        "india": {"O": not_permitted("AB"), "A": not_permitted("AB"), "B": not_permitted("AB"),
                  "AB": release | {"codes": ["EMERGENCY_RELEASE"]}, "Oh": not_permitted("AB")},
    }
    expected["us"] = expected["india"]
    for policy, rows in expected.items():
        for abo, expect in rows.items():
            for rhd in ["+", "-"]:
                out.append(compat(f"emergency-ffp-{policy}-{abo}{rhd}-woman30", "fresh_frozen_plasma", abo + rhd, unknown, expect,
                                  S14 + (" (UK: group A when unknown, with the A* caveat)" if policy == "uk" else " (AB when unknown)"), policy))
    return out


def preference(id_: str, component: str, recipient: dict[str, Any], groups: list[str], source: str,
               policy: Any = None, ranks: list[str] | None = None) -> Case:
    inp: dict[str, Any] = {"component": component, "recipient": recipient}
    if policy is not None:
        inp["policy"] = policy
    expect: dict[str, Any] = {"groups": groups}
    if ranks is not None:
        expect["ranks"] = ranks
    return {"id": id_, "op": "donor_preference", "input": inp, "expect": expect, "source": source}


def preference_cases() -> list[Case]:
    S12, S14, S15 = "research/blood.md §1.2", "research/blood.md §1.4", "research/blood.md §1.5"
    return [
        preference("pref-rbc-AB+-man", "red_cells", {"group": "AB+", **MAN},
                   ["AB+", "AB-", "A+", "A-", "B+", "B-", "O+", "O-", "Oh+", "Oh-"], S12 + " (B or A before O; keep RhD-neg)",
                   ranks=["identical"] + ["compatible"] * 7 + ["compatible_with_caveat"] * 2),
        preference("pref-rbc-A--man", "red_cells", {"group": "A-", **MAN}, ["A-", "O-", "A+", "O+", "Oh-", "Oh+"], S12),
        preference("pref-rbc-A--woman", "red_cells", {"group": "A-", **WOMAN}, ["A-", "O-", "Oh-"], S12),
        preference("pref-rbc-O--young-woman", "red_cells", {"group": "O neg", "sex": "female", "age_years": 28}, ["O-", "Oh-"], S12),
        preference("pref-rbc-bombay", "red_cells", {"group": "Oh+", **WOMAN}, ["Oh+", "Oh-"], "research/blood.md §1.9"),
        preference("pref-rbc-unknown-man", "red_cells", {"group": None, "sex": "male", "age_years": 45}, ["O+", "O-"],
                   "research/blood.md §1.8 (O-pos for men, keep O-neg)"),
        preference("pref-rbc-unknown-woman", "red_cells", {"group": None, "sex": "female", "age_years": 24}, ["O-"], "research/blood.md §1.8"),
        preference("pref-rbc-unknown-nothing-known", "red_cells", {"group": None}, ["O-"], "research/blood.md §1.8"),
        preference("pref-ffp-O+", "fresh_frozen_plasma", {"group": "O+", **MAN}, ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"], S14),
        preference("pref-ffp-AB-", "fresh_frozen_plasma", {"group": "AB-", **MAN}, ["AB-", "AB+"], S14),
        preference("pref-ffp-bombay", "fresh_frozen_plasma", {"group": "Oh+", **MAN},
                   ["Oh+", "Oh-", "AB+", "AB-", "A+", "A-", "B+", "B-", "O+", "O-"], "research/blood.md §1.9 (inference)"),
        preference("pref-ffp-unknown-india", "fresh_frozen_plasma", {"group": None}, ["AB+", "AB-"], S14),
        preference("pref-ffp-unknown-uk", "fresh_frozen_plasma", {"group": None}, ["A+", "A-", "AB+", "AB-"], S14 + " (UK)", "uk",
                   ranks=["compatible_with_caveat"] * 4),
        preference("pref-ffp-AB+-uk", "fresh_frozen_plasma", {"group": "AB+", **MAN}, ["AB+", "AB-", "A+", "A-", "B+", "B-"],
                   S14 + " (UK table: AB / A* / B*; RhD irrelevant)", "uk", ranks=["identical"] * 2 + ["compatible_with_caveat"] * 4),
        preference("pref-ffp-A--uk", "fresh_frozen_plasma", {"group": "A-", **MAN}, ["A-", "A+", "AB-", "AB+", "B-", "B+"],
                   S14 + " (UK table: A / AB / B*; RhD irrelevant)", "uk",
                   ranks=["identical"] * 2 + ["compatible"] * 2 + ["compatible_with_caveat"] * 2),
        preference("pref-ffp-AB+-us", "fresh_frozen_plasma", {"group": "AB+", **MAN}, ["AB+", "AB-"], S14, "us"),
        preference("pref-plt-A+-man", "platelets", {"group": "A+", **MAN}, ["A+", "A-", "O+", "O-", "B+", "B-", "AB+", "AB-"], S15),
        preference("pref-plt-O--young-woman", "platelets", {"group": "O-", "sex": "female", "age_years": 25},
                   ["O-", "O+", "A-", "A+", "AB-", "AB+"], S15),
        preference("pref-wb-B+-man", "whole_blood", {"group": "B+", **MAN}, ["B+", "B-"], "research/blood.md §1.7"),
        preference("pref-wb-B--woman", "whole_blood", {"group": "B-", **WOMAN}, ["B-"], "research/blood.md §1.7"),
        preference("pref-wb-unknown", "whole_blood", {"group": None, **MAN}, [], "research/blood.md §1.7"),
        preference("pref-gran-O+-man", "granulocytes", {"group": "O+", **MAN}, ["O+", "O-", "Oh+", "Oh-"], S12),
    ]


# --------------------------------------------------------------------------------------------
# Expiry (research/blood.md §2). Collected 2026-01-01 10:00 facility time; day 0 = that day.
# --------------------------------------------------------------------------------------------

PRODUCTS = {
    "whole_blood_cpd": {"component": "whole_blood", "preservative": "cpd"},
    "whole_blood_cpda1": {"component": "whole_blood", "preservative": "cpda1"},
    "red_cells_cpd": {"component": "red_cells", "preservative": "cpd"},
    "red_cells_cpda1": {"component": "red_cells", "preservative": "cpda1"},
    "red_cells_additive_solution": {"component": "red_cells", "preservative": "additive_solution"},
    "platelets_random_donor": {"component": "platelets", "platelet_source": "random_donor"},
    "platelets_apheresis": {"component": "platelets", "platelet_source": "apheresis"},
    "fresh_frozen_plasma": {"component": "fresh_frozen_plasma"},
    "plasma": {"component": "plasma"},
    "cryo_poor_plasma": {"component": "cryo_poor_plasma"},
    "cryoprecipitate": {"component": "cryoprecipitate"},
    "granulocytes": {"component": "granulocytes"},
}

# Expected expiry (date, or a full time for hours) per profile; None = the profile's sources give
# no value (PolicyValueMissing).
SHELF = {
    "india": {  # India: CPDA-1 35 d, additive 42 d (Sched. F/PMC); platelets 3 d (NACO); rest US, unverified
        "whole_blood_cpd": "2026-01-22", "whole_blood_cpda1": "2026-02-05", "red_cells_cpd": "2026-01-22",
        "red_cells_cpda1": "2026-02-05", "red_cells_additive_solution": "2026-02-12",
        "platelets_random_donor": "2026-01-04", "platelets_apheresis": "2026-01-04",
        "fresh_frozen_plasma": "2027-01-01", "plasma": "2031-01-01", "cryo_poor_plasma": "2027-01-01",
        "cryoprecipitate": "2027-01-01", "granulocytes": "2026-01-02T10:00:00+05:30",
    },
    "us": {  # 21 CFR 610.53(b)
        "whole_blood_cpd": "2026-01-22", "whole_blood_cpda1": "2026-02-05", "red_cells_cpd": "2026-01-22",
        "red_cells_cpda1": "2026-02-05", "red_cells_additive_solution": "2026-02-12",
        "platelets_random_donor": "2026-01-06", "platelets_apheresis": "2026-01-06",
        "fresh_frozen_plasma": "2027-01-01", "plasma": "2031-01-01", "cryo_poor_plasma": "2027-01-01",
        "cryoprecipitate": "2027-01-01", "granulocytes": "2026-01-02T10:00:00+00:00",
    },
    "uk": {  # JPAC Red Book; EU Annex IV; no UK value for CPD/CPDA-1 products
        "whole_blood_cpd": None, "whole_blood_cpda1": None, "red_cells_cpd": None, "red_cells_cpda1": None,
        "red_cells_additive_solution": "2026-02-05",
        "platelets_random_donor": "2026-01-06", "platelets_apheresis": "2026-01-06",
        "fresh_frozen_plasma": "2029-01-01", "plasma": "2029-01-01", "cryo_poor_plasma": "2029-01-01",
        "cryoprecipitate": "2029-01-01", "granulocytes": "2026-01-02T10:00:00+00:00",
    },
}
OFFSET = {"india": "+05:30", "us": "+00:00", "uk": "+00:00"}


def expiry(id_: str, product: dict[str, Any], collected_at: str, expect: dict[str, Any], source: str,
           policy: Any = None, events: list[dict[str, Any]] | None = None, as_of: str | None = None,
           within_minutes: int | None = None) -> Case:
    inp: dict[str, Any] = {"product": product, "collected_at": collected_at}
    if policy is not None:
        inp["policy"] = policy
    if events:
        inp["events"] = events
    if as_of is not None:
        inp["as_of"] = as_of
    if within_minutes is not None:
        inp["within_minutes"] = within_minutes
    return {"id": id_, "op": "expiry", "input": inp, "expect": expect, "source": source}


def shelf_life_cases() -> list[Case]:
    out = []
    for policy, table in SHELF.items():
        off = OFFSET[policy]
        for key, want in table.items():
            collected = f"2026-01-01T10:00:00{off}"
            if want is None:
                expect: dict[str, Any] = {"error": "PolicyValueMissing", "error_path": f"shelf_life.{key}"}
            else:
                at = want if "T" in want else f"{want}T23:59:00{off}"
                expect = {"expires_at": at, "codes": ["SHELF_LIFE"]}
            out.append(expiry(f"shelf-{policy}-{key}", PRODUCTS[key], collected, expect,
                              f"research/blood.md §2.1 ({policy})", policy))
    return out


def expiry_cases() -> list[Case]:
    S0, S21 = "research/blood.md §0 item 2", "research/blood.md §2.1"
    rbc = PRODUCTS["red_cells_additive_solution"]
    cpda1 = PRODUCTS["red_cells_cpda1"]
    ffp = PRODUCTS["fresh_frozen_plasma"]
    cryo = PRODUCTS["cryoprecipitate"]
    rdp = PRODUCTS["platelets_random_donor"]
    sdp = PRODUCTS["platelets_apheresis"]
    c_in = "2026-01-01T10:00:00+05:30"
    c_utc = "2026-01-01T10:00:00+00:00"
    irr = lambda at: {"kind": "irradiated", "at": at}  # noqa: E731
    washed = lambda at: {"kind": "washed", "at": at}  # noqa: E731
    opened = lambda at: {"kind": "opened", "at": at}  # noqa: E731
    thawed = lambda at, storage="refrigerated": {"kind": "thawed", "at": at, "storage": storage}  # noqa: E731
    midnight = "2026-01-01T00:00:00+05:30"
    return [
        # The minute of expiry: expired at the expiry instant, not before.
        expiry("minute-of-expiry-one-second-before", rbc, midnight, {"expires_at": "2026-02-12T23:59:00+05:30", "expired": False}, S0, as_of="2026-02-12T23:58:59+05:30"),
        expiry("minute-of-expiry-at-the-minute", rbc, midnight, {"expired": True}, S0, as_of="2026-02-12T23:59:00+05:30"),
        expiry("minute-of-expiry-same-instant-in-utc", rbc, midnight, {"expired": True}, S0, as_of="2026-02-12T18:29:00+00:00"),
        expiry("minute-of-expiry-utc-one-second-before", rbc, midnight, {"expired": False}, S0, as_of="2026-02-12T18:28:59+00:00"),
        expiry("day-0-is-the-collection-day", rbc, "2026-01-01T23:59:59+05:30", {"expires_at": "2026-02-12T23:59:00+05:30"}, S0),
        expiry("day-0-is-the-local-day", cpda1, "2026-01-31T20:00:00+00:00", {"expires_at": "2026-03-08T23:59:00+05:30"},
               S0 + " (20:00 UTC is already 1 Feb in India)"),
        expiry("months-clamp-to-month-end", ffp, "2028-02-29T10:00:00+05:30", {"expires_at": "2029-02-28T23:59:00+05:30"}, S21),
        expiry("hours-reported-in-facility-time", PRODUCTS["granulocytes"], c_in, {"expires_at": "2026-01-02T04:30:00+00:00"}, S21, "us"),
        expiry("within-exactly-at-the-horizon", sdp, "2026-05-01T08:00:00+05:30", {"expires_at": "2026-05-04T23:59:00+05:30", "within": True},
               S0, as_of="2026-05-04T17:59:00+05:30", within_minutes=360),
        expiry("within-one-second-short", sdp, "2026-05-01T08:00:00+05:30", {"within": False}, S0, as_of="2026-05-04T17:58:59+05:30", within_minutes=360),
        expiry("within-already-expired-is-false", sdp, "2026-05-01T08:00:00+05:30", {"within": False, "expired": True},
               S0, as_of="2026-05-04T23:59:00+05:30", within_minutes=360),
        # Irradiation: min(original, irradiation + N).
        expiry("irradiated-late-cannot-extend", rbc, c_in, {"expires_at": "2026-02-12T23:59:00+05:30", "codes": ["SHELF_LIFE", "REDATING_CANNOT_EXTEND"], "modifications": ["irradiated"]},
               S21 + " (28 days from irradiation or original, whichever earlier)", events=[irr("2026-01-20T09:00:00+05:30")]),
        expiry("irradiated-early-redates", rbc, c_in, {"expires_at": "2026-02-02T23:59:00+05:30", "codes": ["SHELF_LIFE", "REDATED"]},
               S21, events=[irr("2026-01-05T09:00:00+05:30")]),
        expiry("irradiated-then-washed", rbc, c_in, {"expires_at": "2026-01-22T09:30:00+05:30", "codes": ["SHELF_LIFE", "REDATING_CANNOT_EXTEND", "REDATED"], "modifications": ["irradiated", "washed"]},
               S21 + " (open system 24 h)", events=[irr("2026-01-20T09:00:00+05:30"), washed("2026-01-21T09:30:00+05:30")]),
        expiry("us-irradiated", rbc, c_utc, {"expires_at": "2026-01-31T23:59:00+00:00"}, "21 CFR 610.53(b)", "us", [irr("2026-01-03T12:00:00+00:00")]),
        expiry("uk-irradiated-day-14", rbc, c_utc, {"expires_at": "2026-01-29T23:59:00+00:00"}, "JPAC Red Book §8.28", "uk", [irr("2026-01-15T23:00:00+00:00")]),
        expiry("uk-irradiated-day-15-refused", rbc, c_utc, {"error": "NotApplicable", "error_code": "IRRADIATION_TOO_LATE"}, "JPAC Red Book §8.28", "uk", [irr("2026-01-16T00:30:00+00:00")]),
        expiry("irradiated-platelets-unchanged", rdp, c_in, {"expires_at": "2026-01-04T23:59:00+05:30", "codes": ["SHELF_LIFE", "NO_REDATING"]}, "BSH 2020", events=[irr("2026-01-02T10:00:00+05:30")]),
        expiry("irradiated-ffp-no-rule", ffp, c_in, {"error": "PolicyValueMissing", "error_path": "redating.irradiated.fresh_frozen_plasma"}, "no source", events=[irr("2026-01-02T10:00:00+05:30")]),
        expiry("irradiated-twice-refused", rbc, c_in, {"error": "NotApplicable", "error_code": "ALREADY_MODIFIED"}, S21,
               events=[irr("2026-01-05T09:00:00+05:30"), irr("2026-01-06T09:00:00+05:30")]),
        expiry("opened-late-cannot-extend", cpda1, c_in, {"expires_at": "2026-02-05T23:59:00+05:30", "codes": ["SHELF_LIFE", "REDATING_CANNOT_EXTEND"]}, S21, events=[opened("2026-02-05T20:00:00+05:30")]),
        expiry("opened-24-hours", cpda1, c_in, {"expires_at": "2026-01-11T08:00:00+05:30"}, S21, events=[opened("2026-01-10T08:00:00+05:30")]),
        expiry("washed-platelets-4-hours", rdp, c_in, {"expires_at": "2026-01-02T14:00:00+05:30"}, "Vitalant (research/blood.md §1.12)", events=[washed("2026-01-02T10:00:00+05:30")]),
        expiry("uk-washed-red-cells-no-value", rbc, c_utc, {"error": "PolicyValueMissing", "error_path": "redating.washed.red_cells"}, "not found for the UK", "uk", [washed("2026-01-02T10:00:00+00:00")]),
        expiry("washed-before-collection-refused", rbc, c_in, {"error": "NotApplicable", "error_code": "EVENT_BEFORE_COLLECTION"}, S0, events=[washed("2025-12-31T08:00:00+05:30")]),
        expiry("washed-at-expiry-refused", rbc, c_in, {"error": "NotApplicable", "error_code": "UNIT_ALREADY_EXPIRED"}, S0, events=[washed("2026-02-12T23:59:00+05:30")]),
        expiry("washed-a-minute-before-expiry", rbc, c_in, {"expires_at": "2026-02-12T23:59:00+05:30", "codes": ["SHELF_LIFE", "REDATING_CANNOT_EXTEND"]}, S0, events=[washed("2026-02-12T23:58:00+05:30")]),
        # Thawing.
        expiry("thawed-ffp-refrigerated", ffp, c_in, {"expires_at": "2026-03-02T08:15:00+05:30", "modifications": ["thawed"]}, S21, events=[thawed("2026-03-01T08:15:00+05:30")]),
        expiry("thawed-ffp-expired-next-day", ffp, c_in, {"expired": True}, S21, events=[thawed("2026-03-01T08:15:00+05:30")], as_of="2026-03-02T08:15:00+05:30"),
        expiry("thawed-ffp-room-temperature-no-value", ffp, c_in, {"error": "PolicyValueMissing", "error_path": "redating.thawed.fresh_frozen_plasma.room_temperature"},
               "no source for India", events=[thawed("2026-03-01T08:15:00+05:30", "room_temperature")]),
        expiry("uk-thawed-ffp-room-temperature", ffp, c_utc, {"expires_at": "2026-03-01T12:15:00+00:00"}, "learnhaem (UK)", "uk", [thawed("2026-03-01T08:15:00+00:00", "room_temperature")]),
        expiry("thawed-cryo-6-hours", cryo, c_in, {"expires_at": "2026-03-01T14:15:00+05:30"}, "CBAHI LB.60.3", events=[thawed("2026-03-01T08:15:00+05:30", "room_temperature")]),
        expiry("thawed-red-cells-refused", rbc, c_in, {"error": "NotApplicable", "error_code": "NOT_FROZEN"}, S21, events=[thawed("2026-01-02T08:00:00+05:30")]),
        expiry("thawed-twice-refused", ffp, c_in, {"error": "NotApplicable", "error_code": "ALREADY_MODIFIED"}, S21,
               events=[thawed("2026-03-01T08:15:00+05:30"), thawed("2026-03-01T09:15:00+05:30")]),
        expiry("thawed-into-frozen-storage-refused", ffp, c_in, {"error": "InvalidInput", "error_field": "storage"}, S21, events=[thawed("2026-03-01T08:15:00+05:30", "frozen")]),
        # Bad products.
        expiry("product-without-preservative", {"component": "red_cells"}, c_in, {"error": "InvalidInput", "error_field": "product.preservative"}, "input validation"),
        expiry("product-already-irradiated", {**rbc, "modifications": ["irradiated"]}, c_in, {"error": "InvalidInput", "error_field": "product.modifications"}, "input validation"),
        expiry("product-leucoreduced-is-fine", {**rbc, "modifications": ["leucoreduced"]}, c_in, {"expires_at": "2026-02-12T23:59:00+05:30", "modifications": ["leucoreduced"]}, S21),
        # Policy overrides reach expiry.
        expiry("policy-platelets-5-days", rdp, c_in, {"expires_at": "2026-01-06T23:59:00+05:30"}, "NACO 2007 (extended-storage bags) as a local policy",
               {"name": "ext-bags", "extends": "india", "shelf_life": {"platelets_random_donor": {"days": 5}}}),
        expiry("policy-null-removes-a-value", PRODUCTS["whole_blood_cpd"], c_in, {"error": "PolicyValueMissing", "error_path": "shelf_life.whole_blood_cpd"}, "local policy",
               {"name": "no-cpd", "extends": "india", "shelf_life": {"whole_blood_cpd": None}}),
        expiry("policy-expiry-time-of-day", rbc, c_in, {"expires_at": "2026-02-12T23:00:00+05:30"}, "local policy",
               {"name": "eleven", "extends": "india", "expiry_time_of_day": "23:00"}),
    ]


def pool(id_: str, units: list[dict[str, Any]], pooled_at: str, expect: dict[str, Any], source: str,
         policy: Any = None, as_of: str | None = None) -> Case:
    inp: dict[str, Any] = {"units": units, "pooled_at": pooled_at}
    if policy is not None:
        inp["policy"] = policy
    if as_of is not None:
        inp["as_of"] = as_of
    return {"id": id_, "op": "pool_expiry", "input": inp, "expect": expect, "source": source}


def pool_cases() -> list[Case]:
    S0 = "research/blood.md §0 item 2 (earliest constituent)"
    rdp = PRODUCTS["platelets_random_donor"]
    cryo = PRODUCTS["cryoprecipitate"]
    unit = lambda product, at, events=None: {"product": product, "collected_at": at} | ({"events": events} if events else {})  # noqa: E731
    irr = {"kind": "irradiated", "at": "2026-01-02T12:00:00+05:30"}
    return [
        pool("pool-india-platelets-earliest", [unit(rdp, "2026-01-02T10:00:00+05:30"), unit(rdp, "2026-01-01T10:00:00+05:30")], "2026-01-03T10:00:00+05:30",
             {"expires_at": "2026-01-04T23:59:00+05:30", "codes": ["POOL_EARLIEST_CONSTITUENT"], "modifications": ["pooled"]}, S0),
        pool("pool-uk-platelets-6-hours", [unit(rdp, "2026-01-01T10:00:00+00:00"), unit(rdp, "2026-01-02T10:00:00+00:00")], "2026-01-03T10:00:00+00:00",
             {"expires_at": "2026-01-03T16:00:00+00:00", "codes": ["POOL_EARLIEST_CONSTITUENT", "REDATED"]}, S0 + "; UK open-system pools 6 h", "uk"),
        pool("pool-us-cryo-4-hours", [unit(cryo, "2026-01-01T10:00:00+00:00"), unit(cryo, "2026-02-01T10:00:00+00:00")], "2026-06-01T10:00:00+00:00",
             {"expires_at": "2026-06-01T14:00:00+00:00", "codes": ["POOL_EARLIEST_CONSTITUENT", "REDATED"]}, "CBAHI LB.60.3 (pooled 4 h)", "us"),
        pool("pool-expired-at-horizon", [unit(cryo, "2026-01-01T10:00:00+00:00"), unit(cryo, "2026-02-01T10:00:00+00:00")], "2026-06-01T10:00:00+00:00",
             {"expired": True}, "CBAHI LB.60.3", "us", "2026-06-01T14:00:00+00:00"),
        pool("pool-keeps-common-modifications-only", [unit(rdp, "2026-01-01T10:00:00+05:30", [irr]), unit(rdp, "2026-01-01T11:00:00+05:30")], "2026-01-03T10:00:00+05:30",
             {"modifications": ["pooled"]}, S0),
        pool("pool-all-irradiated", [unit(rdp, "2026-01-01T10:00:00+05:30", [irr]), unit(rdp, "2026-01-01T11:00:00+05:30", [irr])], "2026-01-03T10:00:00+05:30",
             {"modifications": ["irradiated", "pooled"], "expires_at": "2026-01-04T23:59:00+05:30"}, S0),
        pool("pool-one-unit-refused", [unit(rdp, "2026-01-01T10:00:00+05:30")], "2026-01-03T10:00:00+05:30",
             {"error": "InvalidInput", "error_field": "constituents"}, "input validation"),
        pool("pool-mixed-products-refused", [unit(rdp, "2026-01-01T10:00:00+05:30"), unit(cryo, "2026-01-01T10:00:00+05:30")], "2026-01-03T10:00:00+05:30",
             {"error": "InvalidInput", "error_field": "constituents[1]"}, "input validation"),
        pool("pool-expired-unit-refused", [unit(rdp, "2026-01-01T10:00:00+05:30"), unit(rdp, "2026-01-03T10:00:00+05:30")], "2026-01-05T10:00:00+05:30",
             {"error": "NotApplicable", "error_code": "UNIT_ALREADY_EXPIRED"}, S0),
    ]


# --------------------------------------------------------------------------------------------
# Blood-group spellings.
# --------------------------------------------------------------------------------------------

ACCEPTED = [
    # text, display, notation, abo, rhd, a_subgroup, weak_d
    ("O+", "O+", "O+", "O", "positive", None, False),
    ("O-", "O-", "O-", "O", "negative", None, False),
    ("O POS", "O+", "O+", "O", "positive", None, False),
    ("o neg", "O-", "O-", "O", "negative", None, False),
    ("O Rh positive", "O+", "O+", "O", "positive", None, False),
    ("O+ve", "O+", "O+", "O", "positive", None, False),
    ("AB-Ve", "AB-", "AB-", "AB", "negative", None, False),
    ("A+Ve", "A+", "A+", "A", "positive", None, False),
    ("AB RhD negative", "AB-", "AB-", "AB", "negative", None, False),
    ("Oh+", "Oh+", "Oh+", "Oh", "positive", None, False),
    ("Bombay", "Oh", "Oh", "Oh", None, None, False),
    ("Bombay Rh negative", "Oh-", "Oh-", "Oh", "negative", None, False),
    ("Bombay (Oh) positive", "Oh+", "Oh+", "Oh", "positive", None, False),
    ("B Rh(D) Positive", "B+", "B+", "B", "positive", None, False),
    ("b +ve", "B+", "B+", "B", "positive", None, False),
    ("AB POSITIVE", "AB+", "AB+", "AB", "positive", None, False),
    ("A NEGATIVE", "A-", "A-", "A", "negative", None, False),
    ("  ab  +  ", "AB+", "AB+", "AB", "positive", None, False),
    ("A \u2212", "A-", "A-", "A", "negative", None, False),
    ("O Rh -ve", "O-", "O-", "O", "negative", None, False),
    ("O(+)", "O+", "O+", "O", "positive", None, False),
    ("A", "A", "A", "A", None, None, False),
    ("A1+", "A+", "A1+", "A", "positive", "A1", False),
    ("A2 neg", "A-", "A2-", "A", "negative", "A2", False),
    ("A2B+", "AB+", "A2B+", "AB", "positive", "A2", False),
    ("A1B RhD negative", "AB-", "A1B-", "AB", "negative", "A1", False),
    ("O+ weak D", "O+", "O+ weak D", "O", "positive", None, True),
    ("O pos Du", "O+", "O+ weak D", "O", "positive", None, True),
    ("B- Du+", "B-", "B- weak D", "B", "negative", None, True),
    ("B- Du negative", "B-", "B-", "B", "negative", None, False),
]
REFUSED = ["", "   ", "C+", "+", "O Rh", "A++", "AB+-", "O pos neg", "0+", "Rh+ O", "ABO", "A B C",
           "O positve", "O+ weak", "O1+", "B2+", "unknown", "O+ -", "AB +ve +"]


def blood_group_cases() -> list[Case]:
    out: list[Case] = []
    for i, (text, display, notation, abo, rhd, sub, weak) in enumerate(ACCEPTED):
        out.append({"id": f"bg-accept-{i:02d}", "op": "parse_blood_group", "input": {"text": text},
                    "expect": {"display": display, "notation": notation, "abo": abo, "rhd": rhd, "a_subgroup": sub, "weak_d": weak},
                    "source": "spellings in Indian records; issue 2"})
    for i, text in enumerate(REFUSED):
        out.append({"id": f"bg-refuse-{i:02d}", "op": "parse_blood_group", "input": {"text": text},
                    "expect": {"error": "InvalidBloodGroup", "error_contains": json.dumps(text, ensure_ascii=False)},
                    "source": "anything else is refused, quoting the input"})
    return out


# --------------------------------------------------------------------------------------------
# Policy files.
# --------------------------------------------------------------------------------------------

def policy_case(id_: str, fmt: str, text: str, expect: dict[str, Any], source: str = "issue 2: policy validation") -> Case:
    return {"id": id_, "op": "policy_load", "input": {"format": fmt, "text": text}, "expect": expect, "source": source}


def policy_cases() -> list[Case]:
    head = 'name = "t"\nextends = "india"\n'
    bad = [
        ("negative-days", "[shelf_life.platelets_random_donor]\ndays = -3", "shelf_life.platelets_random_donor.days", "must be > 0"),
        ("zero-days", "[shelf_life.platelets_random_donor]\ndays = 0", "shelf_life.platelets_random_donor.days", "must be > 0"),
        ("unknown-product", "[shelf_life.platelets]\ndays = 5", "shelf_life.platelets", "unknown field"),
        ("two-units", "[shelf_life.granulocytes]\ndays = 1\nhours = 24", "shelf_life.granulocytes", "exactly one of days"),
        ("age-not-a-number", "[compatibility]\npaediatric_max_age = \"seventeen\"", "compatibility.paediatric_max_age", "invalid type"),
        ("emergency-plasma-O", "[compatibility]\nemergency_plasma = [\"O\"]", "compatibility.emergency_plasma", "anti-A"),
        ("emergency-plasma-empty", "[compatibility]\nemergency_plasma = []", "compatibility.emergency_plasma", "at least one"),
        ("platelet-order-duplicate", "[compatibility.platelet_order]\nA = [\"A\", \"A\"]", "compatibility.platelet_order.A", "listed twice"),
        ("emergency-plasma-A-not-for-AB", "[compatibility]\nemergency_plasma = [\"A\", \"AB\"]",
         "compatibility.emergency_plasma", "not acceptable for a group AB recipient"),
        ("plasma-order-duplicate", "[compatibility.plasma_order]\nB = [\"B\", \"AB\", \"B\"]", "compatibility.plasma_order.B", "listed twice"),
        ("plasma-order-O-for-A", "[compatibility.plasma_order]\nA = [\"A\", \"AB\", \"O\"]", "compatibility.plasma_order.A", "anti-A and anti-B"),
        ("plasma-order-bombay", "[compatibility.plasma_order]\nO = [\"O\", \"Oh\"]", "compatibility.plasma_order.O", "anti-H"),
        ("plasma-order-empty", "[compatibility.plasma_order]\nAB = []", "compatibility.plasma_order.AB", "at least one"),
        ("plasma-order-unknown-recipient", "[compatibility.plasma_order]\nOh = [\"Oh\"]", "compatibility.plasma_order.Oh", "unknown field"),
        ("storage-min-above-max", "[storage.refrigerated]\nmin_celsius = 6\nmax_celsius = 2", "storage.refrigerated.min_celsius", "must not exceed"),
        ("thaw-red-cells", "[redating.thawed.red_cells]\nrefrigerated = { hours = 24 }", "redating.thawed.red_cells", "not stored frozen"),
        ("redate-word", "[redating.irradiated]\nred_cells = \"never\"", "redating.irradiated.red_cells", "not a re-dating rule"),
        ("utc-offset", "utc_offset = \"IST\"", "utc_offset", "not a UTC offset"),
        ("unknown-top-level", "colour = \"red\"", "colour", "unknown field"),
        ("age-implausible", "[compatibility]\nchild_bearing_potential_max_age = 500", "compatibility.child_bearing_potential_max_age", "plausible"),
    ]
    out = [policy_case(f"policy-toml-{name}", "toml", head + body, {"error": "InvalidPolicy", "error_path": path, "error_contains": reason})
           for name, body, path, reason in bad]
    out += [
        policy_case("policy-uk-plasma-AB-without-A", "toml", 'name = "t"\nextends = "uk"\n[compatibility.plasma_order]\nAB = ["AB"]',
                    {"error": "InvalidPolicy", "error_path": "compatibility.emergency_plasma", "error_contains": "compatibility.plasma_order.AB"},
                    "issue 16: an unknown recipient may be AB, so emergency plasma must be acceptable for AB"),
        policy_case("policy-uk-plasma-AB-only-emergency", "toml",
                    'name = "t"\nextends = "uk"\n[compatibility]\nemergency_plasma = ["AB"]\n[compatibility.plasma_order]\nAB = ["AB"]',
                    {"name": "t", "values": {"compatibility.emergency_plasma": ["AB"], "compatibility.plasma_order.AB": ["AB"]},
                     "confidence": {"compatibility.plasma_order.AB": "local", "compatibility.plasma_order.A": "low"}},
                    "issue 16: dropping A from both lists is consistent"),
        policy_case("policy-india-emergency-A-with-its-order", "json",
                    '{"name": "t", "extends": "india", "compatibility": {"emergency_plasma": ["A", "AB"],'
                    ' "plasma_order": {"AB": ["AB", "A"], "B": ["B", "AB", "A"]}}}',
                    {"values": {"compatibility.emergency_plasma": ["A", "AB"], "compatibility.plasma_order.AB": ["AB", "A"],
                                "compatibility.plasma_order.O": ["O", "A", "B", "AB"]}},
                    "issue 16: emergency A is accepted once A is acceptable for AB and B recipients"),
        policy_case("policy-json-negative-days", "json",
                    '{"name": "t", "extends": "india", "shelf_life": {"platelets_apheresis": {"days": -1}}}',
                    {"error": "InvalidPolicy", "error_path": "shelf_life.platelets_apheresis.days", "error_contains": "must be > 0"}),
        policy_case("policy-json-unknown-field", "json", '{"name": "t", "extends": "us", "compatibility": {"childbearing_age": 50}}',
                    {"error": "InvalidPolicy", "error_path": "compatibility.childbearing_age", "error_contains": "unknown field"}),
        policy_case("policy-missing-name", "toml", 'extends = "india"', {"error": "InvalidPolicy", "error_path": "name"}),
        policy_case("policy-unknown-base", "toml", 'name = "x"\nextends = "mars"', {"error": "InvalidPolicy", "error_path": "extends"}),
        policy_case("policy-incomplete-without-extends", "toml", 'name = "x"', {"error": "InvalidPolicy", "error_path": "utc_offset", "error_contains": "missing"}),
        policy_case("policy-not-toml", "toml", 'name = [', {"error": "InvalidPolicy", "error_path": "", "error_contains": "line 1"}),
        policy_case("policy-not-json", "json", '{"name": ', {"error": "InvalidPolicy", "error_path": "", "error_contains": "line 1"}),
        policy_case("policy-source-for-nothing", "toml", head + '[sources."shelf_life.nonsense"]\ncitation = "a"\nconfidence = "low"',
                    {"error": "InvalidPolicy", "error_path": "sources.shelf_life.nonsense"}),
        policy_case("policy-override-marks-local", "toml", 'name = "pgimer"\nextends = "india"\n[compatibility]\nchild_bearing_potential_max_age = 55',
                    {"name": "pgimer",
                     "values": {"compatibility.child_bearing_potential_max_age": 55, "compatibility.paediatric_max_age": 17,
                                "shelf_life.red_cells_additive_solution": {"days": 42}},
                     "confidence": {"compatibility.child_bearing_potential_max_age": "local",
                                    "compatibility.paediatric_max_age": "unverified",
                                    "shelf_life.red_cells_additive_solution": "medium"}}),
        policy_case("policy-override-with-own-source", "json",
                    '{"name": "sop", "extends": "india", "redating": {"thawed": {"fresh_frozen_plasma": {"refrigerated": {"hours": 120}}}},'
                    ' "sources": {"redating.thawed.fresh_frozen_plasma.refrigerated": {"citation": "hospital SOP 12", "confidence": "medium"}}}',
                    {"name": "sop", "values": {"redating.thawed.fresh_frozen_plasma.refrigerated": {"hours": 120}},
                     "confidence": {"redating.thawed.fresh_frozen_plasma.refrigerated": "medium"}}),
        policy_case("policy-shelf-life-unit-replaced", "toml", 'name = "x"\nextends = "india"\n[shelf_life.red_cells_cpda1]\nhours = 48',
                    {"values": {"shelf_life.red_cells_cpda1": {"hours": 48}}}),
        policy_case("policy-builtin-values-india", "toml", 'name = "same"\nextends = "india"',
                    {"name": "same", "values": {"utc_offset": "+05:30", "expiry_time_of_day": "23:59",
                                                "compatibility.emergency_plasma": ["AB"],
                                                "compatibility.plasma_order.AB": ["AB"], "compatibility.plasma_order.A": ["A", "AB"],
                                                "shelf_life.platelets_random_donor": {"days": 3},
                                                "storage.refrigerated": {"min_celsius": "2", "max_celsius": "6"}},
                     "confidence": {"shelf_life.platelets_random_donor": "low", "shelf_life.fresh_frozen_plasma": "unverified",
                                    "compatibility.plasma_order.AB": "unverified"}}),
        policy_case("policy-builtin-values-uk", "toml", 'name = "same-uk"\nextends = "uk"',
                    {"values": {"compatibility.emergency_plasma": ["A", "AB"], "shelf_life.red_cells_additive_solution": {"days": 35},
                                "compatibility.plasma_order.AB": ["AB", "A", "B"], "compatibility.plasma_order.B": ["B", "AB", "A"],
                                "redating.irradiate_within_days_of_collection": 14},
                     "confidence": {"shelf_life.red_cells_additive_solution": "high", "compatibility.plasma_order.AB": "low",
                                    "compatibility.emergency_plasma": "medium"}}),
    ]
    return out


FILES: dict[str, tuple[str, Any]] = {
    "blood_groups.json": ("Blood-group spellings accepted and refused.", blood_group_cases),
    "compatibility_matrix.json": ("Every donor x recipient pair of the ten groups, per component, for an adult man and a woman of 30.",
                                  lambda: matrix_cases("rbc-man40", ["red_cells"], RED_CELLS_MAN, MAN, "research/blood.md §1.2, §1.3, §1.9")
                                  + matrix_cases("rbc-woman30", ["red_cells"], RED_CELLS_WOMAN, WOMAN, "research/blood.md §1.2, §1.3, §1.9")
                                  + matrix_cases("gran-man40", ["granulocytes"], RED_CELLS_MAN, MAN, "red-cell rules (no published rule)")
                                  + matrix_cases("wb-man40", ["whole_blood"], WHOLE_BLOOD_MAN, MAN, "research/blood.md §1.7, §1.3")
                                  + matrix_cases("wb-woman30", ["whole_blood"], WHOLE_BLOOD_WOMAN, WOMAN, "research/blood.md §1.7, §1.3")
                                  + matrix_cases("plasma-man40", PLASMA_COMPONENTS, PLASMA, MAN, "research/blood.md §1.4, §1.6, §1.9")
                                  + matrix_cases("plasma-uk-man40", PLASMA_COMPONENTS, PLASMA_UK, MAN,
                                                 "research/blood.md §1.4 (UK table), §1.6, §1.9", "uk")
                                  + matrix_cases("plt-man40", ["platelets"], PLATELETS_MAN, MAN, "research/blood.md §1.5")),
    "compatibility_rules.json": ("RhD protection, weak D, unknown RhD, ABO reasons, platelets and emergency release, with exact reason codes.",
                                 lambda: rhd_cases() + abo_cases() + platelet_cases() + emergency_cases() + plasma_profile_cases()),
    "donor_preference.json": ("Acceptable donor groups in order of preference.", preference_cases),
    "expiry.json": ("Shelf life per component and profile, re-dating, pools, boundaries.",
                    lambda: shelf_life_cases() + expiry_cases() + pool_cases()),
    "policy.json": ("Policy files: refused with the field path, overrides marked local.", policy_cases),
}


# Vector families written by their own modules next to this script (gen_*.py, each with FILES).
sys.path.insert(0, str(HERE))
import gen_donors  # noqa: E402
import gen_units  # noqa: E402
import gen_isbt128  # noqa: E402
import gen_isbt128_scan  # noqa: E402
import gen_eraktkosh  # noqa: E402
import gen_fhir  # noqa: E402
import gen_inventory  # noqa: E402
import gen_kpi  # noqa: E402
import gen_tariff  # noqa: E402
import gen_hrp  # noqa: E402
import gen_early_warning  # noqa: E402
import gen_robson  # noqa: E402

FILES.update(gen_donors.FILES)
FILES.update(gen_units.FILES)
FILES.update(gen_isbt128.FILES)
FILES.update(gen_isbt128_scan.FILES)
FILES.update(gen_eraktkosh.FILES)
FILES.update(gen_fhir.FILES)
FILES.update(gen_inventory.FILES)
FILES.update(gen_kpi.FILES)
FILES.update(gen_tariff.FILES)
FILES.update(gen_hrp.FILES)
FILES.update(gen_early_warning.FILES)
FILES.update(gen_robson.FILES)


def render(description: str, cases: list[Case]) -> str:
    return json.dumps({"description": description, "cases": cases}, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    ids: set[str] = set()
    stale = []
    total = 0
    for name, (description, build) in FILES.items():
        cases = build()
        for case in cases:
            assert case["id"] not in ids, f"duplicate id {case['id']}"
            ids.add(case["id"])
        total += len(cases)
        text = render(description, cases)
        path = HERE / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale vector files (run tests/vectors/generate.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    print(f"{total} cases in {len(FILES)} files{' (up to date)' if check else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
