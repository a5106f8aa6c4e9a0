"""Blood-bank KPI vectors (kpis, and policy_load for the kpi section). See generate.py and
README.md.

The definitions are those of research/blood.md §8 as rakt::kpi documents what it counts
(half-open period; distinct unit-patient crossmatches; issued units counted once; a return that
ends in a discard is a discard). Every expected count, value (2 decimals, half away from zero)
and verdict below is worked out by hand from the unit histories of the case and written out
literally; none is computed."""
from __future__ import annotations

from typing import Any

from gen_units import INDIA_MARKERS, RBC, T0, UK_MARKERS, US_MARKERS, at, collection, e

Case = dict[str, Any]
S8 = "research/blood.md §8 (KPI definitions and targets)"
CLH = "research/blood.md §8: C/T 1.3, 2.0, 2.15 in three hospitals (Clin Lab Haematol 1983;5:379)"
S44 = "research/blood.md §4.4 (discard reasons)"
FROM = "2026-11-01T00:00:00+05:30"
TO = "2026-12-01T00:00:00+05:30"
RDP = {"component": "platelets", "platelet_source": "random_donor"}
FFP = {"component": "fresh_frozen_plasma"}
DAY = 24 * 60
BUILTIN_TARGETS = {
    "ct_ratio": ["at_most", "2.5"],
    "transfusion_probability": ["at_least", "30"],
    "transfusion_index": ["at_least", "0.5"],
    "discard_rate": None,
    "wapi": None,
    "outdate_rate": None,
}


MARKERS = {"india": INDIA_MARKERS, "us": US_MARKERS, "uk": UK_MARKERS}


def released(din: str, product: dict[str, Any] = RBC, markers: list[str] = INDIA_MARKERS) -> dict[str, Any]:
    """Group O+, collected at T0 (09:00 on 1 November), screened for `markers` and released at
    11:00."""
    events = ([e(at(30), "quarantine")]
              + [e(at(60), "record_test", marker=m, result="non_reactive") for m in markers]
              + [e(at(70), "record_grouping", forward="O+", reverse="O"), e(at(120), "release")])
    return {"collection": collection(din, product, "O+"), "events": events}


def unit(din: str, *events: dict[str, Any], product: dict[str, Any] = RBC, facility: str = "BC-1",
         markers: list[str] = INDIA_MARKERS) -> dict[str, Any]:
    """Released at 11:00 (see `released`), then `events`."""
    u = released(din, product, markers)
    u["events"] += list(events)
    return {"facility": facility, "unit": u}


def xm(minutes: int, patient: str) -> dict[str, Any]:
    return e(at(minutes), "crossmatch", patient=patient, until=at(minutes + DAY))


def issue(minutes: int, patient: str) -> dict[str, Any]:
    return e(at(minutes), "issue", patient=patient)


def tx(minutes: int) -> dict[str, Any]:
    return e(at(minutes), "transfuse")


def cancel(minutes: int) -> dict[str, Any]:
    return e(at(minutes), "cancel_reservation")


def ret(minutes: int, out: int, keep: bool = False) -> dict[str, Any]:
    return e(at(minutes), "return", minutes_out_of_storage=out, keep_for_patient=keep)


def discard(minutes: int, reason: Any) -> dict[str, Any]:
    return e(at(minutes), "discard", reason=reason)


def transfused(din: str, patient: str, facility: str = "BC-1",
               markers: list[str] = INDIA_MARKERS) -> dict[str, Any]:
    """Crossmatched at 12:00, issued at 13:00, transfused at 14:00."""
    return unit(din, xm(180, patient), issue(240, patient), tx(300), facility=facility, markers=markers)


def crossmatched_only(din: str, patient: str, facility: str = "BC-1",
                      markers: list[str] = INDIA_MARKERS) -> dict[str, Any]:
    """Crossmatched at 12:00, the crossmatch cancelled at 19:00."""
    return unit(din, xm(180, patient), cancel(600), facility=facility, markers=markers)


def hospital(crossmatched: int, transfused_n: int, markers: list[str] = INDIA_MARKERS) -> list[dict[str, Any]]:
    """One patient per unit; the first `transfused_n` units transfused."""
    return [transfused(f"H{i}", f"P{i}", markers=markers) if i < transfused_n
            else crossmatched_only(f"H{i}", f"P{i}", markers=markers)
            for i in range(crossmatched)]


def case(cid: str, units: list[dict[str, Any]], expect: dict[str, Any], source: str = S8,
         period: tuple[str, str] = (FROM, TO), policy: Any = None) -> Case:
    inp: dict[str, Any] = {"units": units, "from": period[0], "to": period[1]}
    if policy is not None:
        inp["policy"] = policy
    return {"id": cid, "op": "kpis", "input": inp, "expect": expect, "source": source}


def bc1(**kpis: Any) -> dict[str, Any]:
    """Expected KPIs of facility BC-1 as [numerator, denominator, value, met]."""
    return {"BC-1": kpis}


def ct_cases() -> list[Case]:
    strict = {"name": "audit", "extends": "india", "kpi": {"ct_ratio_max": "2.0"}}
    out = [
        # 13 / 10 = 1.3; 10 of 13 patients = 76.923…%; TI 10/13 = 0.769… .
        case("kpi-ct-clh1983-1.3", hospital(13, 10), {"facilities": ["BC-1"], "kpis": bc1(
            ct_ratio=[13, 10, "1.30", True], transfusion_probability=[10, 13, "76.92", True],
            transfusion_index=[10, 13, "0.77", True])}, CLH),
        case("kpi-ct-clh1983-2.0", hospital(20, 10), {"kpis": bc1(
            ct_ratio=[20, 10, "2.00", True], transfusion_probability=[10, 20, "50.00", True],
            transfusion_index=[10, 20, "0.50", True])}, CLH),
        # 43 / 20 = 2.15; 20/43 = 46.511…%; TI 20/43 = 0.465… < 0.5.
        case("kpi-ct-clh1983-2.15", hospital(43, 20), {"kpis": bc1(
            ct_ratio=[43, 20, "2.15", True], transfusion_probability=[20, 43, "46.51", True],
            transfusion_index=[20, 43, "0.47", False])}, CLH),
        case("kpi-ct-clh1983-1.3-target-2.0", hospital(13, 10), {
            "kpis": bc1(ct_ratio=[13, 10, "1.30", True]),
            "targets": {**BUILTIN_TARGETS, "ct_ratio": ["at_most", "2.0"]}}, CLH + "; alternative ≤ 2.0", policy=strict),
        case("kpi-ct-clh1983-2.0-target-2.0", hospital(20, 10), {"kpis": bc1(ct_ratio=[20, 10, "2.00", True])},
             CLH + "; alternative ≤ 2.0 (inclusive)", policy=strict),
        case("kpi-ct-clh1983-2.15-target-2.0", hospital(43, 20), {"kpis": bc1(ct_ratio=[43, 20, "2.15", False])},
             CLH + "; alternative ≤ 2.0", policy=strict),
        case("kpi-ct-exactly-2.5", hospital(5, 2), {"kpis": bc1(ct_ratio=[5, 2, "2.50", True])},
             S8 + ": C:T ≤ 2.5, inclusive"),
        case("kpi-ct-2.67", hospital(8, 3), {"kpis": bc1(ct_ratio=[8, 3, "2.67", False])}),
        case("kpi-ti-exactly-0.5",
             [transfused("A", "P1"), crossmatched_only("B", "P1"), crossmatched_only("C", "P2")],
             {"kpis": bc1(transfusion_index=[1, 2, "0.50", True], transfusion_probability=[1, 2, "50.00", True],
                          ct_ratio=[3, 1, "3.00", False])}, S8 + ": TI ≥ 0.5, inclusive (Sarma 1980)"),
        case("kpi-ti-one-third", hospital(3, 1), {"kpis": bc1(
            transfusion_index=[1, 3, "0.33", False], transfusion_probability=[1, 3, "33.33", True],
            ct_ratio=[3, 1, "3.00", False])}),
        case("kpi-pt-exactly-30", hospital(10, 3), {"kpis": bc1(
            transfusion_probability=[3, 10, "30.00", True], transfusion_index=[3, 10, "0.30", False],
            ct_ratio=[10, 3, "3.33", False])}, S8 + ": %T ≥ 30%, inclusive (threshold not verified)"),
        case("kpi-pt-28.57", hospital(7, 2), {"kpis": bc1(
            transfusion_probability=[2, 7, "28.57", False], ct_ratio=[7, 2, "3.50", False])}),
        case("kpi-pt-66.67-half-away", hospital(3, 2), {"kpis": bc1(
            transfusion_probability=[2, 3, "66.67", True], transfusion_index=[2, 3, "0.67", True],
            ct_ratio=[3, 2, "1.50", True])}),
    ]
    return out


def period_cases() -> list[Case]:
    one = [transfused("A", "P1")]  # crossmatch 12:00, issue 13:00, transfusion 14:00
    return [
        case("kpi-period-transfusion-at-to", one, {"kpis": bc1(
            ct_ratio=[1, 0, None, None], wapi=[0, 1, "0.00", None], discard_rate=[0, 0, None, None])},
             S8 + "; the period is half-open: an event at `to` is out", period=(at(180), at(300))),
        case("kpi-period-transfusion-at-from", one, {"kpis": bc1(
            ct_ratio=[0, 1, "0.00", True], transfusion_index=[1, 0, None, None],
            transfusion_probability=[0, 0, None, None], wapi=[0, 0, None, None])},
             S8 + "; an event at `from` is in", period=(at(300), at(360))),
        case("kpi-period-collection-at-from", one, {"kpis": bc1(discard_rate=[0, 1, "0.00", None])},
             S8 + "; a collection at `from` is in", period=(T0, at(60))),
        case("kpi-period-collection-at-to", one, {
            "kpis": bc1(discard_rate=[0, 0, None, None], ct_ratio=[0, 0, None, None]),
            "component_list": {"BC-1": []}},
             S8 + "; a collection at `to` is out", period=(at(-60), T0)),
        case("kpi-nothing-to-divide", [unit("A")], {
            "kpis": bc1(ct_ratio=[0, 0, None, None], transfusion_probability=[0, 0, None, None],
                        transfusion_index=[0, 0, None, None], discard_rate=[0, 1, "0.00", None],
                        wapi=[0, 0, None, None], outdate_rate=[0, 0, None, None]),
            "discard_reasons": {"BC-1": []}, "component_list": {"BC-1": ["red_cells"]},
            "targets": BUILTIN_TARGETS}),
        case("kpi-empty", [], {"facilities": []}),
    ]


def definition_cases() -> list[Case]:
    return [
        case("kpi-cancelled-crossmatch-counts", [crossmatched_only("A", "P1")], {"kpis": bc1(
            ct_ratio=[1, 0, None, None], transfusion_probability=[0, 1, "0.00", False],
            transfusion_index=[0, 1, "0.00", False])}, S8 + "; a crossmatch later cancelled still counts"),
        case("kpi-recrossmatch-same-patient-once",
             [unit("A", xm(180, "P1"), cancel(300), xm(360, "P1"), cancel(600))],
             {"kpis": bc1(ct_ratio=[1, 0, None, None], transfusion_probability=[0, 1, "0.00", False])},
             S8 + "; distinct unit-patient crossmatches"),
        case("kpi-crossmatch-two-patients",
             [unit("A", xm(180, "P1"), cancel(300), xm(360, "P2"), cancel(600))],
             {"kpis": bc1(ct_ratio=[2, 0, None, None], transfusion_probability=[0, 2, "0.00", False])}),
        case("kpi-emergency-issue",
             [transfused("A", "P1"), unit("E", issue(240, "P9"), tx(300))],
             {"kpis": bc1(ct_ratio=[1, 2, "0.50", True], transfusion_probability=[1, 1, "100.00", True],
                          transfusion_index=[2, 1, "2.00", True], wapi=[0, 2, "0.00", None])},
             S8 + "; an uncrossmatched transfusion counts as transfused, its patient not as crossmatched"),
        case("kpi-transfused-with-reaction",
             [unit("A", xm(180, "P1"), issue(240, "P1"), e(at(300), "transfuse_with_reaction", details="fever"))],
             {"kpis": bc1(ct_ratio=[1, 1, "1.00", True], transfusion_probability=[1, 1, "100.00", True])},
             S8 + "; " + S44),
        case("kpi-returned-and-reissued-once",
             [unit("A", xm(180, "P1"), issue(240, "P1"), ret(250, 10, keep=True), issue(260, "P1"), tx(300))],
             {"kpis": bc1(wapi=[0, 1, "0.00", None], ct_ratio=[1, 1, "1.00", True])},
             S8 + "; units issued are units, a re-issue is not a new unit"),
        case("kpi-returned-too-late", [unit("A", issue(240, "P1"), ret(300, 45))], {
            "kpis": bc1(wapi=[1, 1, "100.00", None], discard_rate=[1, 1, "100.00", None],
                        outdate_rate=[0, 1, "0.00", None]),
            "discard_reasons": {"BC-1": [["returned_too_late", 1, 1, "100.00"]]}},
             S8 + "; research/blood.md §2.3 (30 minutes out of storage)"),
        # India's random-donor platelets expire at 23:59 on day 3 (4 November).
        case("kpi-returned-after-expiry", [unit("P", issue(3 * DAY, "P1"), ret(5 * DAY, 5), product=RDP)], {
            "kpis": bc1(outdate_rate=[1, 1, "100.00", None], wapi=[1, 1, "100.00", None]),
            "discard_reasons": {"BC-1": [["expired", 1, 1, "100.00"]]},
            "component_list": {"BC-1": ["platelets"]}}, S8 + ": outdate rate = units expired ÷ units issued"),
        # Red cells in additive solution: 42 days, expired on 14 December.
        case("kpi-expired-discard",
             [unit("A", e("2026-12-14T09:00:00+05:30", "discard", reason="expired")),
              unit("B", issue(300, "P1"))],
             {"kpis": bc1(outdate_rate=[1, 1, "100.00", None], wapi=[1, 1, "100.00", None],
                          discard_rate=[1, 2, "50.00", None]),
              "discard_reasons": {"BC-1": [["expired", 1, 2, "50.00"]]}},
             S8 + "; expiry 86–88% of discards (Chavan 2017)",
             period=(FROM, "2027-01-01T00:00:00+05:30")),
        case("kpi-expired-after-the-period",
             [unit("A", e("2026-12-14T09:00:00+05:30", "discard", reason="expired"))],
             {"kpis": bc1(outdate_rate=[0, 0, None, None], discard_rate=[0, 1, "0.00", None]),
              "discard_reasons": {"BC-1": []}}),
        case("kpi-discard-reasons", mixed_discards(), {
            "kpis": bc1(discard_rate=[5, 8, "62.50", None], wapi=[5, 3, "166.67", None],
                        outdate_rate=[0, 3, "0.00", None]),
            "discard_reasons": {"BC-1": [["haemolysed", 1, 8, "12.50"], ["leakage", 2, 8, "25.00"],
                                         ["other", 1, 8, "12.50"], ["tti_reactive", 1, 8, "12.50"]]}},
             S8 + ": discard rate by reason; " + S44),
        case("kpi-by-component", by_component(), {
            "component_list": {"BC-1": ["red_cells", "fresh_frozen_plasma", "platelets"]},
            "kpis": bc1(discard_rate=[2, 5, "40.00", None], wapi=[2, 3, "66.67", None],
                        ct_ratio=[1, 2, "0.50", True], transfusion_index=[2, 1, "2.00", True],
                        transfusion_probability=[1, 1, "100.00", True]),
            "components": {"BC-1": {
                "red_cells": {"ct_ratio": [1, 1, "1.00", True], "wapi": [1, 2, "50.00", None],
                              "discard_rate": [1, 2, "50.00", None]},
                "platelets": {"ct_ratio": [0, 1, "0.00", True], "transfusion_index": [1, 0, None, None],
                              "wapi": [1, 1, "100.00", None], "discard_rate": [1, 2, "50.00", None]},
                "fresh_frozen_plasma": {"discard_rate": [0, 1, "0.00", None], "wapi": [0, 0, None, None]}}}},
             S8 + ": by component (WAPI per component as at SCTIMST)"),
    ]


def mixed_discards() -> list[dict[str, Any]]:
    quarantined = {"collection": released("D")["collection"],
                   "events": [e(at(30), "quarantine"), discard(60, "tti_reactive")]}
    return [
        unit("A", discard(300, "leakage")),
        unit("B", discard(300, "haemolysed")),
        unit("C", discard(400, "leakage")),
        {"facility": "BC-1", "unit": quarantined},
        unit("E", discard(300, {"other": "bag label torn"})),
        unit("F", issue(300, "P1")),
        unit("G", issue(300, "P2")),
        unit("H", issue(300, "P3")),
    ]


def by_component() -> list[dict[str, Any]]:
    return [
        transfused("R1", "P1"),
        unit("R2", issue(240, "P2"), ret(300, 45)),
        unit("PL1", discard(300, "leakage"), product=RDP),
        unit("PL2", issue(300, "P3"), tx(360), product=RDP),
        unit("F1", product=FFP),
    ]


def facility_cases() -> list[Case]:
    a2 = transfused("A", "P1", facility="BC-2")
    return [
        case("kpi-facilities-sorted-and-separate",
             [a2, crossmatched_only("B", "P1", facility="BC-1"), unit("C", facility="BC-3")],
             {"facilities": ["BC-1", "BC-2", "BC-3"], "kpis": {
                 "BC-1": {"ct_ratio": [1, 0, None, None], "transfusion_probability": [0, 1, "0.00", False]},
                 "BC-2": {"ct_ratio": [1, 1, "1.00", True], "transfusion_probability": [1, 1, "100.00", True]},
                 "BC-3": {"discard_rate": [0, 1, "0.00", None], "ct_ratio": [0, 0, None, None]}},
              "skipped": {"BC-1": [], "BC-2": [], "BC-3": []}}),
        case("kpi-duplicate-unit", [a2, unit("B", facility="BC-1"), a2], {
            "facilities": ["BC-1", "BC-2"], "skipped": {"BC-1": [], "BC-2": [["A", "DUPLICATE_UNIT"]]},
            "kpis": {"BC-2": {"ct_ratio": [1, 1, "1.00", True]}}}),
        case("kpi-duplicate-at-another-facility", [transfused("A", "P1"), transfused("A", "P1", facility="BC-2")], {
            "facilities": ["BC-1", "BC-2"], "skipped": {"BC-1": [], "BC-2": [["A", "DUPLICATE_UNIT"]]},
            "kpis": {"BC-1": {"ct_ratio": [1, 1, "1.00", True]}, "BC-2": {"ct_ratio": [0, 0, None, None]}},
            "component_list": {"BC-1": ["red_cells"], "BC-2": []}}),
        case("kpi-blank-facility", [unit("A", facility=" ")], {"error": "InvalidInput", "error_field": "facility"}),
        case("kpi-period-reversed", [], {"error": "InvalidInput", "error_field": "period"}, period=(TO, FROM)),
        case("kpi-period-empty", [], {"error": "InvalidInput", "error_field": "period"}, period=(FROM, FROM)),
    ]


def policy_cases() -> list[Case]:
    out = [
        case(f"kpi-policy-{name}-targets", hospital(5, 2, MARKERS[name]), {
            "kpis": bc1(ct_ratio=[5, 2, "2.50", True], transfusion_probability=[2, 5, "40.00", True],
                        transfusion_index=[2, 5, "0.40", False]),
            "targets": BUILTIN_TARGETS}, S8 + ": audit benchmarks, the same in every built-in profile",
             policy=name)
        for name in ("india", "us", "uk")
    ]
    sixteen = [unit(f"I{i}", issue(300, "P1")) for i in range(15)] + [unit("W", issue(300, "P1"), ret(360, 40))]
    out += [
        case("kpi-policy-local-wapi-target", sixteen, {
            "kpis": bc1(wapi=[1, 16, "6.25", False], discard_rate=[1, 16, "6.25", None]),
            "targets": {**BUILTIN_TARGETS, "wapi": ["at_most", "6.14"]}},
             S8 + ": SCTIMST's observed 6.14% as a local target",
             policy={"name": "sctimst", "extends": "india", "kpi": {"wapi_max_percent": "6.14"}}),
        case("kpi-policy-local-wapi-target-exact", sixteen[14:], {
            "kpis": bc1(wapi=[1, 2, "50.00", True], outdate_rate=[0, 2, "0.00", True])},
             S8 + ": a ceiling is inclusive",
             policy={"name": "x", "extends": "india", "kpi": {"wapi_max_percent": "50", "outdate_rate_max_percent": "0"}}),
        case("kpi-policy-local-discard-target", mixed_discards(), {
            "kpis": bc1(discard_rate=[5, 8, "62.50", False])},
             policy={"name": "x", "extends": "india", "kpi": {"discard_rate_max_percent": "16"}}),
        case("kpi-policy-no-ct-target", hospital(5, 2), {
            "kpis": bc1(ct_ratio=[5, 2, "2.50", None]), "targets": {**BUILTIN_TARGETS, "ct_ratio": None}},
             policy={"name": "x", "extends": "india", "kpi": {"ct_ratio_max": None}}),
        case("kpi-policy-pt-50", hospital(4, 2), {
            "kpis": bc1(transfusion_probability=[2, 4, "50.00", True])},
             S8 + ": the Indian audit's 50% cut as a local floor",
             policy={"name": "x", "extends": "india", "kpi": {"transfusion_probability_min_percent": "50"}}),
    ]
    head = 'name = "t"\nextends = "india"\n[kpi]\n'
    loads = [
        ("kpi-policy-negative", head + 'ct_ratio_max = "-1"',
         {"error": "InvalidPolicy", "error_path": "kpi.ct_ratio_max", "error_contains": "negative"}),
        ("kpi-policy-over-100", head + "wapi_max_percent = 101",
         {"error": "InvalidPolicy", "error_path": "kpi.wapi_max_percent", "error_contains": "more than 100 percent"}),
        ("kpi-policy-unknown-field", head + "colour = 1",
         {"error": "InvalidPolicy", "error_path": "kpi.colour", "error_contains": "unknown field"}),
        ("kpi-policy-override-is-local", head + 'ct_ratio_max = "2.0"',
         {"name": "t", "values": {"kpi.ct_ratio_max": "2.0", "kpi.transfusion_index_min": "0.5"},
          "confidence": {"kpi.ct_ratio_max": "local", "kpi.transfusion_index_min": "medium",
                         "kpi.transfusion_probability_min_percent": "low", "kpi.wapi_max_percent": None}}),
    ]
    out += [{"id": cid, "op": "policy_load", "input": {"format": "toml", "text": text}, "expect": expect,
             "source": S8 + "; issue 5: KPI targets in the policy"} for cid, text, expect in loads]
    return out


FILES = {
    "kpi.json": ("Blood-bank KPIs per facility and component over a half-open period, with the policy's targets.",
                 lambda: ct_cases() + period_cases() + definition_cases() + facility_cases() + policy_cases()),
}
