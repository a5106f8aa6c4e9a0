"""Processing-charge vectors: the NBTC ceilings by date, sector and item; centre tariffs checked
against them; bills exact to the paisa with statutory and per-centre exemptions.

Every expected value is written out literally from research/blood.md §7.
"""

from __future__ import annotations

from typing import Any

Case = dict[str, Any]

S7 = "research/blood.md §7 (NBTC Revised Guidelines-2022 via APSACS / New Indian Express 2022-07-20; IRCS Delhi rates)"
S7_OLD = "research/blood.md §7 (previous ceilings: government ₹1,050, private ₹1,450; Times of Bengal, July 2022)"
S7_EXEMPT = "research/blood.md §7 (Telangana DCA 2024-02-29 citing NBTC: free for thalassaemia, haemophilia, sickle-cell anaemia and other dyscrasias)"
ROUNDING = "rakt: each line rounded to the paisa half away from zero (no source fixes the rule)"

ITEMS = ["whole_blood", "packed_red_cells", "fresh_frozen_plasma", "platelet_concentrate", "cryoprecipitate",
         "single_donor_platelets", "surplus_plasma_for_fractionation", "irradiation", "leucoreduction",
         "antibody_screening", "grouping_and_crossmatching", "rh_phenotyping"]

# (government, private) ceilings in rupees; None where the schedule sets none.
NBTC_2022 = {
    "whole_blood": ("1100", "1550"),
    "packed_red_cells": ("1100", "1550"),
    "fresh_frozen_plasma": ("300", "400"),
    "platelet_concentrate": ("300", "400"),
    "cryoprecipitate": ("200", "250"),
    "surplus_plasma_for_fractionation": ("1600", "1600"),
}
BEFORE_2022 = {
    "whole_blood": ("1050", "1450"),
    "packed_red_cells": ("1050", "1450"),
}


def ceiling_cases() -> list[Case]:
    out: list[Case] = []
    for schedule, table, on, source in [("nbtc-2022", NBTC_2022, "2026-11-23", S7),
                                        ("nbtc-before-2022", BEFORE_2022, "2021-06-01", S7_OLD)]:
        for item in ITEMS:
            for i, sector in enumerate(["government", "private"]):
                want = table.get(item)
                out.append({"id": f"tariff-ceiling-{schedule}-{sector}-{item}", "op": "tariff_ceiling",
                            "input": {"date": on, "sector": sector, "item": item},
                            "expect": {"schedule": schedule, "amount": want[i] if want else None},
                            "source": source})
    for on, schedule in [("2022-07-19", "nbtc-before-2022"), ("2022-07-20", "nbtc-2022")]:
        out.append({"id": f"tariff-schedule-on-{on}", "op": "tariff_ceiling",
                    "input": {"date": on, "sector": "private", "item": "packed_red_cells"},
                    "expect": {"schedule": schedule, "amount": "1450" if schedule == "nbtc-before-2022" else "1550"},
                    "source": S7 + " (2022-07-20 is the date of the report of the revision)"})
    return out


def tariff(sector: str, prices: dict[str, str], since: str = "2024-04-01",
           exemptions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    t: dict[str, Any] = {"centre": "Test Blood Centre", "sector": sector, "effective_from": since, "prices": prices}
    if exemptions:
        t["exemptions"] = exemptions
    return t


GOVT = tariff("government", {"whole_blood": "1100", "packed_red_cells": "1100", "fresh_frozen_plasma": "300",
                             "platelet_concentrate": "300", "cryoprecipitate": "200",
                             "surplus_plasma_for_fractionation": "1600", "grouping_and_crossmatching": "120"},
              exemptions=[{"code": "nfsa_card", "description": "NFSA card holders", "percent": "100"},
                          {"code": "donor_card", "description": "a third off red cells",
                           "items": ["packed_red_cells"], "percent": "33.33"}])
SURAT = tariff("private", {"whole_blood": "1450", "packed_red_cells": "1400", "platelet_concentrate": "700",
                           "fresh_frozen_plasma": "700", "cryoprecipitate": "500",
                           "single_donor_platelets": "11000"}, since="2023-02-01")


def validate_cases() -> list[Case]:
    v = "tariff_validate"
    return [
        {"id": "tariff-validate-government-at-ceilings", "op": v, "input": {"tariff": GOVT},
         "expect": {"schedule": "nbtc-2022"}, "source": S7},
        {"id": "tariff-validate-surat-private", "op": v, "input": {"tariff": SURAT},
         "expect": {"error": "NotApplicable", "error_code": "TARIFF_ABOVE_CEILING",
                    "error_contains": "fresh_frozen_plasma ₹700.00 (ceiling ₹400.00), platelet_concentrate ₹700.00 (ceiling ₹400.00), cryoprecipitate ₹500.00 (ceiling ₹250.00)"},
         "source": S7 + " (Surat Raktadan Kendra tariff, 2023)"},
        {"id": "tariff-validate-one-paisa-above", "op": v,
         "input": {"tariff": tariff("government", {"packed_red_cells": "1100.01"})},
         "expect": {"error": "NotApplicable", "error_code": "TARIFF_ABOVE_CEILING",
                    "error_contains": "packed_red_cells ₹1100.01 (ceiling ₹1100.00)"}, "source": S7},
        {"id": "tariff-validate-private-at-1550", "op": v,
         "input": {"tariff": tariff("private", {"packed_red_cells": "1550.00"})},
         "expect": {"schedule": "nbtc-2022"}, "source": S7},
        {"id": "tariff-validate-old-schedule", "op": v,
         "input": {"tariff": tariff("private", {"packed_red_cells": "1500"}, since="2021-01-01")},
         "expect": {"error": "NotApplicable", "error_code": "TARIFF_ABOVE_CEILING",
                    "error_contains": "NBTC (before 2022) ceilings for private centres: packed_red_cells ₹1500.00 (ceiling ₹1450.00)"},
         "source": S7_OLD},
        {"id": "tariff-validate-three-decimals", "op": v,
         "input": {"tariff": tariff("government", {"whole_blood": "1099.999"})},
         "expect": {"error": "InvalidInput", "error_field": "prices.whole_blood"}, "source": S7},
        {"id": "tariff-validate-negative", "op": v,
         "input": {"tariff": tariff("government", {"whole_blood": "-1"})},
         "expect": {"error": "InvalidInput", "error_field": "prices.whole_blood"}, "source": S7},
        {"id": "tariff-validate-percent-over-100", "op": v,
         "input": {"tariff": tariff("government", {"whole_blood": "1000"},
                                    exemptions=[{"code": "x", "description": "x", "percent": "100.01"}])},
         "expect": {"error": "InvalidInput", "error_field": "exemptions.x.percent"}, "source": S7},
    ]


def bill_case(cid: str, lines: list[list[str]], expect: dict[str, Any], source: str,
              statutory: list[str] | None = None, centre: list[str] | None = None, on: str = "2026-11-23",
              t: dict[str, Any] = GOVT) -> Case:
    return {"id": cid, "op": "tariff_bill",
            "input": {"tariff": t, "lines": lines, "statutory": statutory or [], "centre_exemptions": centre or [],
                      "date": on},
            "expect": expect, "source": source}


def bill_cases() -> list[Case]:
    out = [
        bill_case("tariff-bill-2-prbc-1-ffp", [["packed_red_cells", "2"], ["fresh_frozen_plasma", "1"]],
                  {"lines": [["2200.00", "0.00", "2200.00", None], ["300.00", "0.00", "300.00", None]],
                   "gross_total": "2500.00", "waived_total": "0.00", "total": "2500.00"}, S7),
        bill_case("tariff-bill-wb-crossmatch", [["whole_blood", "1"], ["grouping_and_crossmatching", "1"]],
                  {"total": "1220.00"}, S7 + " (grouping and crossmatching ₹120, IRCS Delhi)"),
    ]
    # Surplus plasma by the litre: 1,600 × litres, to the paisa.
    for litres, total in [("0.2347", "375.52"), ("0.23453125", "375.25"), ("0.000003125", "0.01"),
                          ("0.0000031", "0.00"), ("12.5", "20000.00"), ("0.000015625", "0.03")]:
        out.append(bill_case(f"tariff-bill-plasma-{litres}-litres", [["surplus_plasma_for_fractionation", litres]],
                             {"total": total}, S7 + "; " + ROUNDING))
    for category in ["thalassaemia", "haemophilia", "sickle_cell_anaemia", "other_dyscrasia_repeated_transfusion"]:
        out.append(bill_case(f"tariff-bill-free-{category}", [["packed_red_cells", "1"], ["grouping_and_crossmatching", "1"]],
                             {"lines": [["1100.00", "1100.00", "0.00", category], ["120.00", "120.00", "0.00", category]],
                              "gross_total": "1220.00", "waived_total": "1220.00", "total": "0.00"},
                             S7_EXEMPT, statutory=[category]))
    out += [
        bill_case("tariff-bill-donor-card-third-off", [["packed_red_cells", "1"], ["fresh_frozen_plasma", "1"]],
                  {"lines": [["1100.00", "366.63", "733.37", "donor_card"], ["300.00", "0.00", "300.00", None]],
                   "total": "1033.37"}, S7 + " (per-centre concessions, e.g. Surat donor-card prices); " + ROUNDING,
                  centre=["donor_card"]),
        bill_case("tariff-bill-nfsa-free", [["packed_red_cells", "2"]], {"total": "0.00", "waived_total": "2200.00"},
                  S7 + " (IRCS Delhi exempts NFSA card holders)", centre=["nfsa_card"]),
        bill_case("tariff-bill-half-unit", [["packed_red_cells", "0.5"]],
                  {"error": "InvalidInput", "error_field": "quantity"}, S7),
        bill_case("tariff-bill-unpriced", [["irradiation", "1"]],
                  {"error": "NotApplicable", "error_code": "TARIFF_ITEM_NOT_PRICED"}, S7),
        bill_case("tariff-bill-unknown-exemption", [["packed_red_cells", "1"]],
                  {"error": "InvalidInput", "error_field": "centre_exemptions"}, S7, centre=["vip"]),
        bill_case("tariff-bill-before-tariff", [["packed_red_cells", "1"]],
                  {"error": "InvalidInput", "error_field": "date"}, S7, on="2024-03-31"),
    ]
    return out


FILES = {
    "tariff.json": ("Processing charges: NBTC ceilings by date and sector, tariff validation, bills to the paisa.",
                    lambda: ceiling_cases() + validate_cases() + bill_cases()),
}
