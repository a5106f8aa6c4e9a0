"""Inventory vectors: FEFO allocation, preference tiers, the O-negative policy, shortfall reasons,
reservations and their lapse, emergency release, stock levels and days of stock.

Every expected value is written out literally below, from research/blood.md §1.2–§1.3 (red-cell
ABO/RhD choices), §1.5 (platelet order), §1.8 (emergency release), §8 (FEFO, 24-hour
reservation, days of stock) and research/maternal.md §5.3 (blood storage centre stock norm).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from gen_units import INDIA_MARKERS, e

Case = dict[str, Any]

S12 = "research/blood.md §1.2–§1.3 (red-cell ABO and RhD choices, RhD-positive recipients take RhD-positive first)"
S15 = "research/blood.md §1.5 (platelet ABO order, policy table)"
S18 = "research/blood.md §1.8 (emergency release: group O, RhD-negative for girls and women of child-bearing age)"
S8 = "research/blood.md §8 (FEFO issue; 24-hour crossmatch reservation; days of stock)"
S110 = "research/blood.md §1.10 (A2 subgroup; a weak-D donor is RhD positive)"
SCARCE = "rakt issue 5: O RhD-negative not spent on a patient who could take another group unless nothing else is available or it expires first"
BSC = "research/maternal.md §5.3 (G.S.R. 909(E): blood storage centre stock A, B, O+ 5 each; AB+ 2; A, B, O- 1 each)"

SAGM = {"component": "red_cells", "preservative": "additive_solution"}
RDP = {"component": "platelets", "platelet_source": "random_donor"}
IST = "+05:30"


def ts(day: int, hour: int = 9, minute: int = 0) -> str:
    """Day `day` counted from 1 November 2026 (day 31 is 1 December), facility time."""
    t = datetime(2026, 11, 1, hour, minute) + timedelta(days=day - 1)
    return t.strftime("%Y-%m-%dT%H:%M:00") + IST


def unit(din: str, group: str, day: int, product: dict[str, Any] = SAGM, released: bool = True,
         extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Collected on `day` at 09:00; screened, grouped and released at 11:00 (or only quarantined)."""
    # The reverse group is the ABO group alone: "A2+" → "A", "O- weak D" → "O".
    abo = group.split()[0].rstrip("+-").replace("A1", "A").replace("A2", "A")
    events = [e(ts(day, 10), "quarantine")]
    if released:
        events += [e(ts(day, 10), "record_test", marker=m, result="non_reactive") for m in INDIA_MARKERS]
        events += [e(ts(day, 10, 30), "record_grouping", forward=group, reverse=abo), e(ts(day, 11), "release")]
    events += extra or []
    collection = {"din": din, "product": product, "group": group, "volume_ml": 280,
                  "donation_type": "voluntary", "first_donation": False, "collected_at": ts(day)}
    return {"collection": collection, "events": events}


def man(group: str | None, age: int = 40) -> dict[str, Any]:
    return {"group": group, "sex": "male", "age_years": age}


def woman(group: str | None, age: int = 28) -> dict[str, Any]:
    return {"group": group, "sex": "female", "age_years": age}


def req(patient: str, recipient: dict[str, Any], quantity: int, component: str = "red_cells",
        **extra: Any) -> dict[str, Any]:
    return {"patient": patient, "recipient": recipient, "component": component, "quantity": quantity, **extra}


NOW = ts(20)
GROUPS = ["O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+"]

# Red cells for a man of 40, one unit of every group in stock, all collected the same day: the
# order of choice. RhD-positive recipients take RhD-positive first; O comes last among the
# compatible ABO groups; RhD-positive red cells for an RhD-negative man are allowed with a
# caveat and come after every choice without one; O- is kept back for the patients who need it
# (it goes last among the choices of its rank) unless the patient is O- himself.
MALE_ORDER = {
    "O+": ["O+", "O-"],
    "O-": ["O-", "O+"],
    "A+": ["A+", "A-", "O+", "O-"],
    "A-": ["A-", "O-", "A+", "O+"],
    "B+": ["B+", "B-", "O+", "O-"],
    "B-": ["B-", "O-", "B+", "O+"],
    "AB+": ["AB+", "AB-", "A+", "A-", "B+", "B-", "O+", "O-"],
    "AB-": ["AB-", "A-", "B-", "O-", "AB+", "A+", "B+", "O+"],
}
# The same for a woman of 28 (child-bearing potential): no RhD-positive red cells for an
# RhD-negative woman.
WOMAN_NEG_ORDER = {
    "O-": ["O-"],
    "A-": ["A-", "O-"],
    "B-": ["B-", "O-"],
    "AB-": ["AB-", "A-", "B-", "O-"],
}


def dn(group: str) -> str:
    """A DIN-safe spelling of a group: O+ → OPOS, AB- → ABNEG."""
    return group.replace("+", "POS").replace("-", "NEG")


def one_of_each(day: int = 5) -> list[dict[str, Any]]:
    return [unit(f"U-{dn(g)}", g, day) for g in GROUPS]


def allocate(cid: str, units: list[dict[str, Any]], request: dict[str, Any], expect: dict[str, Any],
             source: str, as_of: str = NOW, steps: list[dict[str, Any]] | None = None,
             policy: Any = None) -> Case:
    inp: dict[str, Any] = {"units": units, "request": request, "as_of": as_of}
    if steps:
        inp["steps"] = steps
    if policy is not None:
        inp["policy"] = policy
    return {"id": cid, "op": "inventory_allocate", "input": inp, "expect": expect, "source": source}


def allocation_cases() -> list[Case]:
    out: list[Case] = []
    # FEFO within the patient's own group.
    for g in GROUPS:
        d = dn(g)
        # Ids run against expiry: ordering by id would give the wrong units.
        stock = [unit(f"{d}-A", g, 3), unit(f"{d}-C", g, 1), unit(f"{d}-B", g, 2)]
        out.append(allocate(f"inv-fefo-{g}", stock, req("P1", man(g), 2),
                            {"units": [f"{d}-C", f"{d}-B"], "tiers": [1, 1], "shortfall": 0}, S8))
    # Preference tiers: one unit of every group, the whole order.
    for g, order in MALE_ORDER.items():
        out.append(allocate(f"inv-tiers-male-{g}", one_of_each(), req("P1", man(g), 8),
                            {"units": [f"U-{dn(x)}" for x in order], "shortfall": 8 - len(order)},
                            S12 + "; " + SCARCE))
    for g, order in WOMAN_NEG_ORDER.items():
        out.append(allocate(f"inv-tiers-woman-{g}", one_of_each(), req("P1", woman(g), 8),
                            {"units": [f"U-{dn(x)}" for x in order], "shortfall": 8 - len(order)}, S12))
    # The O-negative policy: an O- unit that expires first is used before the patient's own
    # group; one that expires later is kept; under last_resort it is kept either way.
    strict = {"name": "strict", "extends": "india", "inventory": {"scarce_use": "last_resort"}}
    for g in ["O+", "A+", "B+", "AB+"]:
        early = [unit("ONEG", "O-", 1), unit("OWN", g, 3)]
        late = [unit("ONEG", "O-", 5), unit("OWN", g, 3)]
        out.append(allocate(f"inv-oneg-expires-first-{g}", early, req("P1", man(g), 1),
                            {"units": ["ONEG"], "unit_codes": [["UNIT_ALLOCATED", "SCARCE_UNIT_EXPIRES_FIRST"]]},
                            SCARCE))
        out.append(allocate(f"inv-oneg-kept-{g}", late, req("P1", man(g), 1), {"units": ["OWN"]}, SCARCE))
        out.append(allocate(f"inv-oneg-last-resort-{g}", early, req("P1", man(g), 2),
                            {"units": ["OWN", "ONEG"],
                             "unit_codes": [["UNIT_ALLOCATED"], ["UNIT_ALLOCATED", "SCARCE_UNIT_LAST_RESORT"]]},
                            SCARCE, policy=strict))
    out.append(allocate("inv-oneg-own-group", [unit("ONEG", "O-", 5)], req("P1", man("O-"), 1),
                        {"units": ["ONEG"], "unit_codes": [["UNIT_ALLOCATED"]]}, SCARCE))
    # Ties in expiry go by unit id, whatever the order of the stock.
    out.append(allocate("inv-tie-by-id", [unit("X-2", "A+", 1), unit("X-1", "A+", 1)], req("P1", man("A+"), 1),
                        {"units": ["X-1"]}, S8))
    # The minute of expiry: red cells in additive solution collected on 1 November expire on
    # 13 December at 23:59 (42 days).
    exp = "2026-12-13T23:59:00+05:30"
    out.append(allocate("inv-needed-at-expiry", [unit("A1", "A+", 1)],
                        req("P1", man("A+"), 1, needed_by=exp),
                        {"units": [], "shortfall": 1, "skipped": {"A+": ["EXPIRES_BEFORE_NEEDED"]}}, S8))
    out.append(allocate("inv-needed-minute-before-expiry", [unit("A1", "A+", 1)],
                        req("P1", man("A+"), 1, needed_by="2026-12-13T23:58:00+05:30"),
                        {"units": ["A1"], "expires_at": [exp]}, S8))
    # Shortfall reasons per donor group.
    held = unit("OPOS-H", "O+", 4, extra=[e(ts(20, 8), "reserve", patient="OTHER", until=ts(20, 14))])
    stock = [unit("APOS-1", "A+", 10), unit("APOS-Q", "A+", 18, released=False), held, unit("ANEG-OLD", "A-", 1)]
    out.append(allocate("inv-shortfall-reasons", stock,
                        req("P1", man("A+"), 3, needed_by="2026-12-14T00:00:00+05:30"),
                        {"units": ["APOS-1"], "shortfall": 2,
                         "skipped": {"A+": ["ALL_TAKEN", "NOT_RELEASED"], "A-": ["EXPIRES_BEFORE_NEEDED"],
                                     "O+": ["HELD_FOR_OTHER_PATIENTS"], "O-": ["NO_STOCK"],
                                     "B+": ["INCOMPATIBLE"], "AB+": ["INCOMPATIBLE"], "Oh+": ["NO_STOCK"]}},
                        S12 + "; " + S8))
    # The hold ends at 14:00: from that minute the unit is stock again.
    out.append(allocate("inv-hold-not-lapsed", [held], req("P1", man("O+"), 1), {"units": [], "shortfall": 1},
                        S8, as_of=ts(20, 13, 59)))
    out.append(allocate("inv-hold-lapsed", [held], req("P1", man("O+"), 1), {"units": ["OPOS-H"]},
                        S8, as_of=ts(20, 14)))
    # Subgroups and weak D: each variant is judged on its own. An O- weak D unit is RhD positive
    # as a donor: an RhD-negative man gets it after every unit without a caveat, though it
    # expires first; a woman of child-bearing age never gets it. An A2 unit serves group A.
    weak = [unit("WEAKD", "O- weak D", 1), unit("ONEG", "O-", 5)]
    out.append(allocate("inv-weak-d-donor-after-units-without-caveat", weak, req("P1", man("O-"), 2),
                        {"units": ["ONEG", "WEAKD"],
                         "unit_codes": [["UNIT_ALLOCATED"],
                                        ["UNIT_ALLOCATED", "RHD_POSITIVE_TO_RHD_NEGATIVE", "ABO_IDENTICAL",
                                         "WEAK_D_DONOR"]]}, S110))
    out.append(allocate("inv-weak-d-donor-not-for-woman", weak, req("P1", woman("O-"), 2),
                        {"units": ["ONEG"], "shortfall": 1}, S110))
    out.append(allocate("inv-a2-donor-for-group-a", [unit("A2POS", "A2+", 1)], req("P1", man("A+"), 1),
                        {"units": ["A2POS"], "unit_codes": [["UNIT_ALLOCATED"]]}, S110))
    # Special requirements.
    irr = unit("IRR", "A+", 15, extra=[e(ts(16), "irradiate")])
    out.append(allocate("inv-irradiated-required", [unit("PLAIN", "A+", 1), irr],
                        req("P1", man("A+"), 2, requirements=["irradiated"]),
                        {"units": ["IRR"], "shortfall": 1, "skipped": {"A+": ["ALL_TAKEN", "LACKS_REQUIREMENTS"]}},
                        "research/blood.md §1.12 (irradiated components)"))
    out.append(allocate("inv-irradiated-not-required", [unit("PLAIN", "A+", 1), irr], req("P1", man("A+"), 2),
                        {"units": ["PLAIN", "IRR"]}, S8))
    out.append(allocate("inv-requirement-not-special", [unit("PLAIN", "A+", 1)],
                        req("P1", man("A+"), 1, requirements=["thawed"]),
                        {"error": "InvalidInput", "error_field": "requirements"}, S8))
    # Emergency release rules for a recipient of unknown group.
    emergency_stock = [unit("E-APOS", "A+", 1), unit("E-OPOS", "O+", 3), unit("E-ONEG", "O-", 5)]
    for cid, recipient, want in [
        ("man", man(None, 35), ["E-OPOS", "E-ONEG"]),
        ("woman-25", woman(None, 25), ["E-ONEG"]),
        ("woman-60", woman(None, 60), ["E-OPOS", "E-ONEG"]),
        ("boy-10", man(None, 10), ["E-ONEG"]),
        ("sex-unknown", {"group": None}, ["E-ONEG"]),
    ]:
        out.append(allocate(f"inv-emergency-{cid}", emergency_stock, req("T1", recipient, 3),
                            {"units": want, "emergency": True, "shortfall": 3 - len(want)}, S18))
    # Platelets: the patient's own group first.
    # The O+ platelets expire first: first-expiry across groups would wrongly choose them.
    plt = [unit("P-O", "O+", 18, RDP), unit("P-A", "A+", 19, RDP), unit("P-AB", "AB+", 19, RDP)]
    out.append(allocate("inv-platelets-A+", plt, req("P1", man("A+"), 1, "platelets"), {"units": ["P-A"]}, S15))
    out.append(allocate("inv-platelets-AB+", plt, req("P1", man("AB+"), 1, "platelets"), {"units": ["P-AB"]}, S15))
    out.append(allocate("inv-platelets-not-red-cells", plt, req("P1", man("A+"), 1), {"units": [], "shortfall": 1},
                        S8))
    # Reservations made earlier in the same inventory: the held unit is skipped for another
    # patient until its 24 hours have passed.
    stock = [unit("A1", "A+", 1), unit("A2", "A+", 2)]
    step = {"reserve": req("P1", man("A+"), 1), "at": NOW, "actor": "clerk"}
    out.append(allocate("inv-reserved-for-another", stock, req("P2", man("A+"), 2), {"units": ["A2"], "shortfall": 1},
                        S8, as_of=ts(21, 8, 59), steps=[step]))
    out.append(allocate("inv-reservation-lapsed-after-24h", stock, req("P2", man("A+"), 2),
                        {"units": ["A1", "A2"]}, S8, as_of=ts(21, 9), steps=[step]))
    issued = {"reserve": req("P1", man("A+"), 1), "at": NOW, "actor": "clerk", "issue": True}
    out.append(allocate("inv-issued-never-offered", stock, req("P2", man("A+"), 2), {"units": ["A2"], "shortfall": 1},
                        S8, as_of=ts(30), steps=[issued]))
    # Bad requests.
    out.append(allocate("inv-quantity-zero", stock, req("P1", man("A+"), 0),
                        {"error": "InvalidInput", "error_field": "quantity"}, S8))
    out.append(allocate("inv-needed-before-request", stock, req("P1", man("A+"), 1, needed_by=ts(19)),
                        {"error": "InvalidInput", "error_field": "needed_by"}, S8))
    out.append(allocate("inv-patient-blank", stock, req(" ", man("A+"), 1),
                        {"error": "InvalidInput", "error_field": "patient"}, S8))
    return out


def stock_cases() -> list[Case]:
    out: list[Case] = []
    full = ([unit(f"AP{i}", "A+", 10) for i in range(5)] + [unit(f"BP{i}", "B+", 10) for i in range(5)]
            + [unit(f"OP{i}", "O+", 10) for i in range(5)] + [unit(f"ABP{i}", "AB+", 10) for i in range(2)]
            + [unit("AN0", "A-", 10), unit("BN0", "B-", 10), unit("ON0", "O-", 10)])
    out.append({"id": "inv-bsc-norm-met", "op": "inventory_storage_centre_check",
                "input": {"units": full, "as_of": NOW}, "expect": {"met": True, "gaps": []}, "source": BSC})
    short = full[:4] + full[5:9] + full[10:15] + full[15:16] + full[17:18] + full[19:]
    out.append({"id": "inv-bsc-norm-gaps", "op": "inventory_storage_centre_check",
                "input": {"units": short, "as_of": NOW},
                "expect": {"met": False, "gaps": [["A+", 5, 4, 1], ["B+", 5, 4, 1], ["AB+", 2, 1, 1], ["B-", 1, 0, 1]]},
                "source": BSC})
    # Units held for a patient or not yet released do not count.
    held = [unit(f"OP{i}", "O+", 10, extra=[e(ts(20, 8), "reserve", patient="P", until=ts(21))]) for i in range(5)]
    out.append({"id": "inv-bsc-norm-held-not-counted", "op": "inventory_storage_centre_check",
                "input": {"units": full[:10] + held + full[15:], "as_of": NOW},
                "expect": {"met": False, "gaps": [["O+", 5, 0, 5]]}, "source": BSC})
    out.append({"id": "inv-bsc-norm-expired-not-counted", "op": "inventory_storage_centre_check",
                "input": {"units": full, "as_of": "2026-12-23T00:00:00+05:30"},
                "expect": {"met": False, "gaps": [["A+", 5, 0, 5], ["B+", 5, 0, 5], ["O+", 5, 0, 5], ["AB+", 2, 0, 2],
                                                   ["A-", 1, 0, 1], ["B-", 1, 0, 1], ["O-", 1, 0, 1]]},
                "source": BSC + "; research/blood.md §2.1 (42 days)"})
    out.append({"id": "inv-bsc-norm-not-in-policy", "op": "inventory_storage_centre_check",
                "input": {"units": full, "as_of": NOW,
                          "policy": {"name": "no-norm", "extends": "india", "inventory": {"storage_centre_norm": None}}},
                "expect": {"error": "PolicyValueMissing", "error_path": "inventory.storage_centre_norm"}, "source": BSC})
    # Days of stock: 7 A+ units, 3 issued in the week before day 20 → 4 on hand ÷ (3/7 a day).
    week = [unit(f"A{i}", "A+", i) for i in range(1, 8)]
    steps = [{"reserve": req(f"P{i}", man("A+"), 1), "at": ts(d), "actor": "clerk", "issue": True}
             for i, d in [(1, 14), (2, 16), (3, 18)]]
    out.append({"id": "inv-days-of-stock", "op": "inventory_days_of_stock",
                "input": {"units": week, "steps": steps, "as_of": NOW, "window_days": 7},
                "expect": {"rows": [["red_cells", "A+", 4, 3, "0.43", "9.3"]]}, "source": S8})
    out.append({"id": "inv-days-of-stock-no-issues", "op": "inventory_days_of_stock",
                "input": {"units": week, "as_of": NOW, "window_days": 7},
                "expect": {"rows": [["red_cells", "A+", 7, 0, "0", None]]}, "source": S8})
    out.append({"id": "inv-days-of-stock-window-edge", "op": "inventory_days_of_stock",
                "input": {"units": week, "steps": steps, "as_of": ts(21, 9, 0), "window_days": 7},
                "expect": {"rows": [["red_cells", "A+", 4, 3, "0.43", "9.3"]]},
                "source": S8 + " (window [as_of − 7 days, as_of): the issue at day 14 09:00 counts)"})
    out.append({"id": "inv-days-of-stock-zero-window", "op": "inventory_days_of_stock",
                "input": {"units": week, "as_of": NOW, "window_days": 0},
                "expect": {"error": "InvalidInput", "error_field": "window_days"}, "source": S8})
    return out


TRANSPORT = "research/blood.md §2.2–§2.3 (transport boxes 2–10 °C in India; red cells 1–10 °C in Pennsylvania)"


def transfer_cases() -> list[Case]:
    out: list[Case] = []
    hub = [unit("R1", "A+", 10), unit("R2", "O-", 10), unit("PL1", "B+", 19, RDP)]

    def tr(cid: str, ids: list[str], lo: str, hi: str, expect: dict[str, Any], at: str = ts(20, 12),
           policy: Any = None, source: str = TRANSPORT) -> Case:
        inp: dict[str, Any] = {"units": hub, "ids": ids, "to": "BSC-1", "dispatched_at": ts(20, 9),
                               "min_celsius": lo, "max_celsius": hi, "at": at}
        if policy is not None:
            inp["to_policy"] = policy
        return {"id": cid, "op": "inventory_transfer", "input": inp, "expect": expect, "source": source}

    # Refrigerated red cells, India range 2–10 °C inclusive.
    for lo, hi, ok in [("2", "10", True), ("4", "6", True), ("1.9", "6", False), ("4", "10.1", False),
                       ("-1", "4", False), ("9.9", "10", True)]:
        want = {"received": ["R1", "R2"], "discarded": []} if ok else {"received": [], "discarded": ["R1", "R2"]}
        out.append(tr(f"inv-transfer-red-cells-{lo}-{hi}", ["R1", "R2"], lo, hi, want))
    # The receiver's policy decides: the US range starts at 1 °C.
    out.append(tr("inv-transfer-us-receiver-1", ["R1"], "1", "6", {"received": ["R1"], "discarded": []}, policy="us"))
    out.append(tr("inv-transfer-us-receiver-0.9", ["R1"], "0.9", "6", {"received": [], "discarded": ["R1"]},
                  policy="us"))
    # Platelets travel at room temperature; the storage range 20–24 °C is borrowed (unverified).
    out.append(tr("inv-transfer-platelets-22", ["PL1"], "21", "23", {"received": ["PL1"], "discarded": []},
                  source=TRANSPORT + "; research/blood.md §2.1 (platelets 22 ± 2 °C)"))
    out.append(tr("inv-transfer-platelets-cold", ["PL1"], "4", "6", {"received": [], "discarded": ["PL1"]},
                  source=TRANSPORT + "; research/blood.md §2.1 (platelets 22 ± 2 °C)"))
    # Refusals: nothing moves.
    out.append(tr("inv-transfer-readings-reversed", ["R1"], "6", "4", {"error": "InvalidInput",
                                                                        "error_field": "min_celsius"}))
    out.append(tr("inv-transfer-dispatched-after-receipt", ["R1"], "4", "6",
                  {"error": "InvalidInput", "error_field": "dispatched_at"}, at=ts(20, 8)))
    out.append(tr("inv-transfer-expired-on-arrival", ["R1"], "4", "6",
                  {"error": "NotApplicable", "error_code": "UNIT_EXPIRED"}, at="2026-12-23T00:00:00+05:30"))
    out.append(tr("inv-transfer-unknown-unit", ["NOPE"], "4", "6", {"error": "InvalidInput", "error_field": "unit"}))
    out.append(tr("inv-transfer-twice-listed", ["R1", "R1"], "4", "6", {"error": "InvalidInput", "error_field": "ids"}))
    return out


FILES = {
    "inventory.json": ("Inventory: FEFO allocation, preference tiers, O-negative policy, shortfall reasons, holds, "
                       "emergency release, storage-centre norm, days of stock and transfers with cold-chain checks.",
                       lambda: allocation_cases() + stock_cases() + transfer_cases()),
}
