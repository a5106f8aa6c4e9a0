"""Donor-eligibility vectors (assess_donor). See generate.py.

Every expected value below is written out by hand from the sources (research/blood.md §3 and the
profiles' citations), with the date arithmetic worked in the comments; none is computed by rakt.

Conventions of assess_donor that the expectations rely on (documented on the Rust function):
- A failed check on the day (weight, Hb, blood pressure, pulse, temperature, a deferring state)
  may be rechecked after the profile's `recheck_after`, 1 day in all three profiles.
- Intervals and deferrals end on date + period: days are added; calendar months are added and
  clamped to the end of the month; the next donation is allowed ON that day.
- Reasons are ordered stop first, then caution (referrals), then info, and otherwise in the
  order: age, weight, Hb, systolic, diastolic, pulse, temperature, intervals, counting windows,
  deferral events, states, conditions.
- The UK profile sets no blood-pressure, pulse or temperature limits, so every UK verdict ends
  with four DONOR_CRITERION_NOT_CONFIGURED (info) reasons.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

Case = dict[str, Any]

S31 = "research/blood.md §3.1 (NBTC 2017)"
S32 = "research/blood.md §3.2 (Drugs and Cosmetics Rules 2020)"
DCR = "G.S.R. 166(E) (2020) donor criteria, as transcribed (research/blood.md §3.2), item "
WHO_T = "WHO Blood donor selection (2012) §4.5.2: febrile is more than 37.6 °C; reading of item 7 'afebrile' of the 2020 rules"
FDA_PLT = "FDA guidance Collection of Platelets by Automated Methods: 2 days apart, at most 2 in 7 days, 24 a year"
PR002 = "JPAC DSG PR002 Pregnancy: not less than 6 months after delivery or termination"
S33 = "research/blood.md §3.3 (Schedule F, pre-2020)"
S34 = "research/blood.md §3.4 (FDA/AABB)"
S35 = "research/blood.md §3.5 (JPAC)"
NACO = "research/blood.md §3.3 (NACO-era pulse 50–100)"
AABB_T = "research/blood.md §3.4 (AABB table: temperature ≤ 37.5 °C), borrowed by the india profile"
RECHECK = "; recheck after the profile's recheck_after (1 day)"
INPUT = "input validation: dates after as_of and negative measurements are refused"
OUTCOMES = "crates/rakt/src/donor/mod.rs outcome table"

NC = "DONOR_CRITERION_NOT_CONFIGURED"
UK_NC = [NC, NC, NC, NC]
ELIGIBLE = "DONOR_ELIGIBLE"
REFER = "DONOR_REFER_TO_MEDICAL_OFFICER"

FINE = {
    "weight_kg": "70",
    "hb_g_dl": "14.6",
    "systolic_mmhg": 120,
    "diastolic_mmhg": 80,
    "pulse_bpm": 72,
    "temperature_c": "36.8",
}


def checks(**over: Any) -> dict[str, Any]:
    return {**FINE, **over}


def person(dob: str = "1990-05-17", sex: str = "male", *, first_time: bool | None = None,
           gave: list[Any] | None = None, events: list[Any] | None = None,
           conditions: list[str] | None = None) -> dict[str, Any]:
    """gave: [(date, kind)] or [(date, kind, red_cells_returned)]; events: [(kind, date)] or
    [(kind, date, marker)]."""
    d: dict[str, Any] = {"date_of_birth": dob, "sex": sex}
    if first_time is not None:
        d["first_time"] = first_time
    if gave:
        d["previous_donations"] = [
            {"date": g[0], "kind": g[1], **({"red_cells_returned": g[2]} if len(g) > 2 else {})}
            for g in gave
        ]
    if events:
        d["deferral_events"] = [
            {"kind": e[0], "date": e[1], **({"marker": e[2]} if len(e) > 2 else {})} for e in events
        ]
    if conditions:
        d["conditions"] = conditions
    return d


def case(id_: str, donor: dict[str, Any], chk: dict[str, Any], kind: str, as_of: str,
         expect: dict[str, Any], source: str, policy: Any = None) -> Case:
    assert id_.startswith("donor-"), id_
    inp: dict[str, Any] = {"donor": donor, "checks": chk, "kind": kind, "as_of": as_of}
    if policy is not None:
        inp["policy"] = policy
    return {"id": id_, "op": "assess_donor", "input": inp, "expect": expect, "source": source}


def eligible(as_of: str, codes: list[str] | None = None, kind: str | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {"eligible": True, "permanent": False, "referred": False,
                         "deferred_until": None, "next_eligible": as_of,
                         "codes": codes if codes is not None else [ELIGIBLE]}
    if kind is not None:
        e["facts"] = {ELIGIBLE: {"kind": kind}}
    return e


def deferred(codes: list[str], until: str, facts: dict[str, Any] | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {"eligible": False, "permanent": False, "referred": False,
                         "deferred_until": until, "next_eligible": until, "codes": codes}
    if facts:
        e["facts"] = facts
    return e


def permanent(codes: list[str], facts: dict[str, Any] | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {"eligible": False, "permanent": True, "deferred_until": None,
                         "next_eligible": None, "codes": codes}
    if facts:
        e["facts"] = facts
    return e


def referred(codes: list[str], subject: str, deferred_until: str | None = None) -> dict[str, Any]:
    return {"eligible": False, "permanent": False, "referred": True,
            "deferred_until": deferred_until, "next_eligible": None, "codes": codes,
            "facts": {REFER: {"subject": subject}}}


def error(field: str) -> dict[str, Any]:
    return {"error": "InvalidInput", "error_field": field}


def fortnightly(start: str, n: int, kind: str) -> list[tuple[str, str]]:
    """n donations 14 days apart from start (the dates are listed in the comments where used)."""
    d0 = date.fromisoformat(start)
    return [((d0 + timedelta(days=14 * i)).isoformat(), kind) for i in range(n)]


# --------------------------------------------------------------------------------------------
# India
# --------------------------------------------------------------------------------------------

def india_age() -> list[Case]:
    wb = "whole_blood_450"
    return [
        # Born 2008-03-10: on 2026-03-09 17 years 364 days; 18 on 2026-03-10.
        case("donor-india-age-17y364d-too-young", person("2008-03-10"), FINE, wb, "2026-03-09",
             deferred(["DONOR_TOO_YOUNG"], "2026-03-10",
                      {"DONOR_TOO_YOUNG": {"age": "17", "limit": "18", "until": "2026-03-10"}}), S31 + ": min 18"),
        case("donor-india-age-18th-birthday", person("2008-03-10"), FINE, wb, "2026-03-10",
             eligible("2026-03-10", kind=wb), S31 + ": min 18"),
        # Born 29 Feb 2008: 2026 is not a leap year, so the 18th birthday counts from 1 March.
        case("donor-india-age-leap-day-born-feb28", person("2008-02-29", "female"), FINE, "whole_blood_350", "2026-02-28",
             deferred(["DONOR_TOO_YOUNG"], "2026-03-01", {"DONOR_TOO_YOUNG": {"age": "17", "until": "2026-03-01"}}),
             S31 + "; 29 February birthdays count from 1 March (conservative)"),
        case("donor-india-age-leap-day-born-mar1", person("2008-02-29", "female"), FINE, "whole_blood_350", "2026-03-01",
             eligible("2026-03-01"), S31 + "; 29 February birthdays count from 1 March"),
        # First-time donor born 1966-03-10: 60 on 2026-03-10, still 60 on 2027-03-09, 61 on 2027-03-10.
        case("donor-india-first-time-60", person("1966-03-10"), FINE, wb, "2026-03-10",
             eligible("2026-03-10"), S31 + ": first-time donor ≤ 60"),
        case("donor-india-first-time-60y364d", person("1966-03-10"), FINE, wb, "2027-03-09",
             eligible("2027-03-09"), S31 + ": first-time donor ≤ 60"),
        case("donor-india-first-time-61", person("1966-03-10"), FINE, wb, "2027-03-10",
             permanent(["DONOR_TOO_OLD"], {"DONOR_TOO_OLD": {"age": "61", "limit": "60", "donor_group": "first_time"}}),
             S31 + ": first-time donor ≤ 60"),
        # Repeat donor born 1961-03-10: 65 on 2026-03-10, 66 on 2027-03-10.
        case("donor-india-repeat-65", person("1961-03-10", gave=[("2024-01-01", wb)]), FINE, wb, "2026-03-10",
             eligible("2026-03-10"), S31 + ": repeat donor upper limit 65"),
        case("donor-india-repeat-65y364d", person("1961-03-10", gave=[("2024-01-01", wb)]), FINE, wb, "2027-03-09",
             eligible("2027-03-09"), S31 + ": repeat donor upper limit 65"),
        case("donor-india-repeat-66", person("1961-03-10", gave=[("2024-01-01", wb)]), FINE, wb, "2027-03-10",
             permanent(["DONOR_TOO_OLD"], {"DONOR_TOO_OLD": {"age": "66", "limit": "65", "donor_group": "repeat"}}),
             S31 + ": repeat donor upper limit 65"),
        # first_time given explicitly wins over the (empty or not) history. Born 1962-01-01: 64 on 2026-06-01.
        case("donor-india-first-time-false-without-history", person("1962-01-01", first_time=False), FINE, wb, "2026-06-01",
             eligible("2026-06-01"), S31 + ": a repeat donor of 64 is within 65"),
        case("donor-india-first-time-true-with-history", person("1962-01-01", first_time=True, gave=[("2020-01-01", wb)]),
             FINE, wb, "2026-06-01",
             permanent(["DONOR_TOO_OLD"], {"DONOR_TOO_OLD": {"age": "64", "limit": "60", "donor_group": "first_time"}}),
             S31 + ": first-time donor ≤ 60"),
        # Apheresis 18–60. Repeat donor born 1965-03-10 (last whole blood 2025-01-01, long past 28 days).
        case("donor-india-apheresis-age-60", person("1965-03-10", gave=[("2025-01-01", wb)]), FINE, "plateletpheresis", "2026-03-09",
             eligible("2026-03-09", kind="plateletpheresis"), S31 + ": apheresis donors 18–60"),
        case("donor-india-apheresis-age-61", person("1965-03-10", gave=[("2025-01-01", wb)]), FINE, "plateletpheresis", "2026-03-10",
             permanent(["DONOR_TOO_OLD"], {"DONOR_TOO_OLD": {"age": "61", "limit": "60", "donor_group": "apheresis"}}),
             S31 + ": apheresis donors 18–60"),
        case("donor-india-apheresis-age-61-whole-blood-ok", person("1965-03-10", gave=[("2025-01-01", wb)]), FINE, wb, "2026-03-10",
             eligible("2026-03-10"), S31 + ": the apheresis age limit does not apply to whole blood"),
        # A first-time donor of 61 for plasmapheresis fails both the first-time and the apheresis maximum.
        case("donor-india-apheresis-first-time-61", person("1965-03-10"), FINE, "plasmapheresis", "2026-03-10",
             permanent(["DONOR_TOO_OLD", "DONOR_TOO_OLD"], {"DONOR_TOO_OLD": {"donor_group": "first_time", "limit": "60"}}),
             S31 + ": first-time ≤ 60 and apheresis ≤ 60, both reported"),
        case("donor-india-apheresis-17", person("2008-09-01"), FINE, "plateletpheresis", "2026-06-01",
             deferred(["DONOR_TOO_YOUNG"], "2026-09-01", {"DONOR_TOO_YOUNG": {"age": "17", "limit": "18"}}),
             S31 + ": apheresis donors 18–60"),
    ]


def india_measurements() -> list[Case]:
    wb350, wb450 = "whole_blood_350", "whole_blood_450"
    d = "2026-03-01"
    nxt = "2026-03-02"
    man, woman, other = person(), person(sex="female"), person(sex="other")
    return [
        # Weight: 350 mL – 45 kg (≥); 450 mL – more than 55 kg (>); apheresis – 50 kg.
        case("donor-india-weight-45-for-350", man, checks(weight_kg="45"), wb350, d, eligible(d), S31 + ": 350 mL – 45 kg"),
        case("donor-india-weight-44.9-for-350", man, checks(weight_kg="44.9"), wb350, d,
             deferred(["DONOR_WEIGHT_TOO_LOW"], nxt,
                      {"DONOR_WEIGHT_TOO_LOW": {"measured": "44.9", "limit": "≥ 45", "kind": wb350, "until": nxt}}),
             S31 + ": 350 mL – 45 kg" + RECHECK),
        case("donor-india-weight-55-for-450", man, checks(weight_kg="55"), wb450, d,
             deferred(["DONOR_WEIGHT_TOO_LOW"], nxt,
                      {"DONOR_WEIGHT_TOO_LOW": {"measured": "55", "limit": "> 55", "kind": wb450, "until": nxt}}),
             S31 + ": 450 mL – more than 55 kg (strictly above)" + RECHECK),
        case("donor-india-weight-55.1-for-450", man, checks(weight_kg="55.1"), wb450, d, eligible(d),
             S31 + ": 450 mL – more than 55 kg"),
        case("donor-india-weight-55-for-350", man, checks(weight_kg="55"), wb350, d, eligible(d),
             S31 + ": 55 kg is enough for a 350 mL bag"),
        case("donor-india-weight-50-apheresis", man, checks(weight_kg="50"), "plateletpheresis", d, eligible(d),
             S31 + ": apheresis – 50 kg"),
        case("donor-india-weight-49.5-apheresis", man, checks(weight_kg="49.5"), "plasmapheresis", d,
             deferred(["DONOR_WEIGHT_TOO_LOW"], nxt, {"DONOR_WEIGHT_TOO_LOW": {"limit": "≥ 50", "kind": "plasmapheresis"}}),
             S31 + ": apheresis – 50 kg" + RECHECK),
        # Hb ≥ 12.5 g/dL for everyone in India.
        case("donor-india-hb-12.5-woman", woman, checks(hb_g_dl="12.5"), wb350, d, eligible(d), S33 + ": Hb ≥ 12.5 g"),
        case("donor-india-hb-12.4-woman", woman, checks(hb_g_dl="12.4"), wb350, d,
             deferred(["DONOR_HB_BELOW_MIN"], nxt,
                      {"DONOR_HB_BELOW_MIN": {"measured": "12.4", "limit": "≥ 12.5", "until": nxt}}),
             S33 + ": Hb ≥ 12.5 g" + RECHECK),
        case("donor-india-hb-12.5-man", man, checks(hb_g_dl="12.5"), wb450, d, eligible(d), S33 + ": Hb ≥ 12.5 g for all donors"),
        case("donor-india-hb-12.4-other", other, checks(hb_g_dl="12.4"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"], nxt, {"DONOR_HB_BELOW_MIN": {"limit": "≥ 12.5"}}),
             S33 + ": Hb ≥ 12.5 g; sex other must meet both limits"),
        # Blood pressure 100–140 / 60–90, inclusive.
        case("donor-india-bp-140-90", man, checks(systolic_mmhg=140, diastolic_mmhg=90), wb450, d, eligible(d),
             S31 + ": BP 100–140 / 60–90"),
        case("donor-india-bp-100-60", man, checks(systolic_mmhg=100, diastolic_mmhg=60), wb450, d, eligible(d),
             S31 + ": BP 100–140 / 60–90"),
        case("donor-india-bp-141-90", man, checks(systolic_mmhg=141, diastolic_mmhg=90), wb450, d,
             deferred(["DONOR_SYSTOLIC_OUT_OF_RANGE"], nxt,
                      {"DONOR_SYSTOLIC_OUT_OF_RANGE": {"measured": "141", "limit": "100–140", "until": nxt}}),
             S31 + ": systolic 100–140" + RECHECK),
        case("donor-india-bp-140-91", man, checks(systolic_mmhg=140, diastolic_mmhg=91), wb450, d,
             deferred(["DONOR_DIASTOLIC_OUT_OF_RANGE"], nxt,
                      {"DONOR_DIASTOLIC_OUT_OF_RANGE": {"measured": "91", "limit": "60–90", "until": nxt}}),
             S31 + ": diastolic 60–90" + RECHECK),
        case("donor-india-bp-99-systolic", man, checks(systolic_mmhg=99, diastolic_mmhg=70), wb450, d,
             deferred(["DONOR_SYSTOLIC_OUT_OF_RANGE"], nxt, {"DONOR_SYSTOLIC_OUT_OF_RANGE": {"measured": "99"}}),
             S31 + ": systolic 100–140"),
        case("donor-india-bp-59-diastolic", man, checks(diastolic_mmhg=59), wb450, d,
             deferred(["DONOR_DIASTOLIC_OUT_OF_RANGE"], nxt, {"DONOR_DIASTOLIC_OUT_OF_RANGE": {"measured": "59"}}),
             S31 + ": diastolic 60–90"),
        case("donor-india-bp-150-95-both", man, checks(systolic_mmhg=150, diastolic_mmhg=95), wb450, d,
             deferred(["DONOR_SYSTOLIC_OUT_OF_RANGE", "DONOR_DIASTOLIC_OUT_OF_RANGE"], nxt),
             S31 + ": both limits failed, both listed"),
        # Pulse 60–100 and regular (item 6 of the 2020 rules; the NACO-era 50–100 no longer holds).
        case("donor-india-pulse-100", man, checks(pulse_bpm=100), wb450, d, eligible(d), DCR + "6"),
        case("donor-india-pulse-101", man, checks(pulse_bpm=101), wb450, d,
             deferred(["DONOR_PULSE_OUT_OF_RANGE"], nxt, {"DONOR_PULSE_OUT_OF_RANGE": {"measured": "101", "limit": "60–100"}}),
             DCR + "6"),
        case("donor-india-pulse-60", man, checks(pulse_bpm=60), wb450, d, eligible(d), DCR + "6: 60–100"),
        case("donor-india-pulse-59", man, checks(pulse_bpm=59), wb450, d,
             deferred(["DONOR_PULSE_OUT_OF_RANGE"], nxt, {"DONOR_PULSE_OUT_OF_RANGE": {"measured": "59", "limit": "60–100"}}),
             DCR + "6: a pulse of 50–59 now defers"),
        case("donor-india-pulse-50", man, checks(pulse_bpm=50), wb450, d,
             deferred(["DONOR_PULSE_OUT_OF_RANGE"], nxt), DCR + "6 (the NACO-era 50–100 accepted this)"),
        # Temperature: "afebrile" (item 7), with WHO's line: febrile is more than 37.6 °C.
        case("donor-india-temperature-37.6", man, checks(temperature_c="37.6"), wb450, d, eligible(d), WHO_T),
        case("donor-india-temperature-37.7", man, checks(temperature_c="37.7"), wb450, d,
             deferred(["DONOR_TEMPERATURE_OUT_OF_RANGE"], nxt,
                      {"DONOR_TEMPERATURE_OUT_OF_RANGE": {"measured": "37.7", "limit": "≤ 37.6", "until": nxt}}), WHO_T),
    ]


def india_intervals() -> list[Case]:
    wb350, wb450, plt, pls = "whole_blood_350", "whole_blood_450", "plateletpheresis", "plasmapheresis"
    return [
        # Men 90 days: 2026-01-01 + 90 days = 2026-04-01 (Jan 30 + Feb 28 + Mar 31 + 1).
        case("donor-india-interval-man-day-89", person(gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-03-31",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-04-01",
                      {"DONOR_INTERVAL_NOT_MET": {"last_date": "2026-01-01", "last_kind": wb450, "kind": wb450,
                                                  "interval": "90 days", "until": "2026-04-01"}}),
             S31 + ": whole-blood interval 90 days for men"),
        case("donor-india-interval-man-day-90", person(gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-04-01",
             eligible("2026-04-01"), S31 + ": whole-blood interval 90 days for men"),
        # Women 120 days: 2026-01-01 + 120 days = 2026-05-01.
        case("donor-india-interval-woman-day-119", person(sex="female", gave=[("2026-01-01", wb350)]), FINE, wb350, "2026-04-30",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-05-01",
                      {"DONOR_INTERVAL_NOT_MET": {"interval": "120 days", "last_kind": wb350, "until": "2026-05-01"}}),
             S31 + ": whole-blood interval 120 days for women"),
        case("donor-india-interval-woman-day-120", person(sex="female", gave=[("2026-01-01", wb350)]), FINE, wb350, "2026-05-01",
             eligible("2026-05-01"), S31 + ": whole-blood interval 120 days for women"),
        case("donor-india-interval-woman-day-90", person(sex="female", gave=[("2026-01-01", wb350)]), FINE, wb350, "2026-04-01",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-05-01"), S31 + ": 90 days is the men's interval only"),
        # Sex other: the longer of 90 and 120.
        case("donor-india-interval-other-day-90", person(sex="other", gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-04-01",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-05-01", {"DONOR_INTERVAL_NOT_MET": {"interval": "120 days"}}),
             S31 + "; sex other: the longer interval"),
        case("donor-india-interval-other-day-120", person(sex="other", gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-05-01",
             eligible("2026-05-01"), S31 + "; sex other: the longer interval"),
        # The latest donation binds; one reason per interval parameter.
        case("donor-india-interval-latest-binds", person(gave=[("2025-12-01", wb450), ("2026-01-01", wb350)]), FINE, wb450, "2026-02-01",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-04-01",
                      {"DONOR_INTERVAL_NOT_MET": {"last_date": "2026-01-01", "last_kind": wb350}}),
             S31 + ": 90 days from the last donation"),
        # A donation earlier the same day is not an error, only too soon.
        case("donor-india-interval-same-day", person(gave=[("2026-03-01", wb450)]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-05-30"), S31 + ": 2026-03-01 + 90 days = 2026-05-30"),
        # Apheresis ≥ 48 h, counted as 2 calendar days: 2026-03-01 → 2026-03-03.
        case("donor-india-apheresis-48h-next-day", person(gave=[("2026-03-01", plt)]), FINE, plt, "2026-03-02",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-03-03",
                      {"DONOR_INTERVAL_NOT_MET": {"interval": "2 days", "last_kind": plt, "kind": plt, "until": "2026-03-03"}}),
             S31 + ": ≥ 48 h after platelet/plasma apheresis"),
        case("donor-india-apheresis-48h-two-days", person(gave=[("2026-03-01", plt)]), FINE, pls, "2026-03-03",
             eligible("2026-03-03", kind=pls), S31 + ": ≥ 48 h after platelet/plasma apheresis"),
        # Whole blood → plateletpheresis 28 days: 2026-03-01 + 28 = 2026-03-29.
        case("donor-india-wb-to-apheresis-day-27", person(gave=[("2026-03-01", wb450)]), FINE, plt, "2026-03-28",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-03-29",
                      {"DONOR_INTERVAL_NOT_MET": {"interval": "28 days", "last_kind": wb450, "kind": plt}}),
             S31 + ": WB → plateletpheresis not before 28 days"),
        case("donor-india-wb-to-apheresis-day-28", person(gave=[("2026-03-01", wb450)]), FINE, plt, "2026-03-29",
             eligible("2026-03-29"), S31 + ": WB → plateletpheresis not before 28 days"),
        # Plateletpheresis → whole blood: 28 days with reinfusion, 90 without (2026-03-01 + 90 = 2026-05-30).
        case("donor-india-apheresis-to-wb-day-27", person(gave=[("2026-03-01", plt)]), FINE, wb450, "2026-03-28",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-03-29", {"DONOR_INTERVAL_NOT_MET": {"interval": "28 days"}}),
             S31 + ": plateletpheresis → WB 28 days if red-cell reinfusion complete"),
        case("donor-india-apheresis-to-wb-day-28", person(gave=[("2026-03-01", plt)]), FINE, wb450, "2026-03-29",
             eligible("2026-03-29"), S31 + ": plateletpheresis → WB 28 days if red-cell reinfusion complete"),
        case("donor-india-no-reinfusion-day-89", person(gave=[("2026-03-01", plt, False)]), FINE, wb450, "2026-05-29",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-05-30", {"DONOR_INTERVAL_NOT_MET": {"interval": "90 days"}}),
             S31 + ": plateletpheresis → WB 90 days if reinfusion not complete"),
        case("donor-india-no-reinfusion-day-90", person(gave=[("2026-03-01", plt, False)]), FINE, wb450, "2026-05-30",
             eligible("2026-05-30"), S31 + ": plateletpheresis → WB 90 days if reinfusion not complete"),
        case("donor-india-no-reinfusion-next-apheresis", person(gave=[("2026-03-01", plt, False)]), FINE, plt, "2026-03-03",
             eligible("2026-03-03"), S31 + ": reinfusion matters only before whole blood"),
        # At most 2 apheresis in any 7 days (including this one): 03-01 and 03-04 leave no room on
        # 03-06 or 03-07; on 03-08 the window 03-02..03-08 holds one.
        case("donor-india-apheresis-2-per-week", person(gave=[("2026-03-01", plt), ("2026-03-04", pls)]), FINE, plt, "2026-03-06",
             deferred(["DONOR_DONATION_LIMIT_REACHED"], "2026-03-08",
                      {"DONOR_DONATION_LIMIT_REACHED": {"count": "2", "family": "apheresis", "window": "7 days",
                                                        "limit": "2", "until": "2026-03-08"}}),
             S31 + ": ≤ 2 apheresis per week"),
        case("donor-india-apheresis-2-per-week-day-7", person(gave=[("2026-03-01", plt), ("2026-03-04", pls)]), FINE, plt, "2026-03-07",
             deferred(["DONOR_DONATION_LIMIT_REACHED"], "2026-03-08"), S31 + ": ≤ 2 apheresis per week"),
        case("donor-india-apheresis-2-per-week-clears", person(gave=[("2026-03-01", plt), ("2026-03-04", pls)]), FINE, plt, "2026-03-08",
             eligible("2026-03-08"), S31 + ": ≤ 2 apheresis per week"),
        case("donor-india-apheresis-week-ignores-whole-blood",
             person(gave=[("2026-01-01", wb450), ("2026-03-04", pls)]), FINE, plt, "2026-03-06",
             eligible("2026-03-06"), S31 + ": the weekly count is of apheresis procedures"),
        # At most 24 a year: fortnightly from 2025-04-01, the 24th on 2026-02-17; on 2026-03-01 the
        # 365-day window (2025-03-02..2026-03-01) holds all 24; 2025-04-01 leaves it on 2026-04-01.
        case("donor-india-apheresis-24-per-year", person(gave=fortnightly("2025-04-01", 24, plt)), FINE, plt, "2026-03-01",
             deferred(["DONOR_DONATION_LIMIT_REACHED"], "2026-04-01",
                      {"DONOR_DONATION_LIMIT_REACHED": {"count": "24", "family": "apheresis", "window": "365 days",
                                                        "limit": "24", "until": "2026-04-01"}}),
             S31 + ": ≤ 24 apheresis per year"),
        case("donor-india-apheresis-24-per-year-clears", person(gave=fortnightly("2025-04-01", 24, plt)), FINE, plt, "2026-04-01",
             eligible("2026-04-01"), S31 + ": ≤ 24 apheresis per year"),
        case("donor-india-apheresis-23-per-year", person(gave=fortnightly("2025-04-15", 23, plt)), FINE, plt, "2026-03-01",
             eligible("2026-03-01"), S31 + ": the 24th donation of the year is allowed"),
        # No yearly whole-blood count in India (the 90/120-day interval is the limit).
        case("donor-india-no-whole-blood-count",
             person(gave=[("2025-03-15", wb450), ("2025-06-15", wb450), ("2025-09-15", wb450), ("2025-12-15", wb450)]),
             FINE, wb450, "2026-03-15", eligible("2026-03-15"),
             S31 + ": 2025-12-15 + 90 days = 2026-03-15; India sets no yearly count"),
        # Double red cells: no Indian weight or interval rule.
        case("donor-india-double-red-cells-referred", person(), FINE, "double_red_cells", "2026-03-01",
             referred([REFER], "weight:double_red_cells"), S32 + ": erythrocytapheresis defined, criteria not found"),
        case("donor-india-double-red-cells-after-wb", person(gave=[("2025-06-01", wb450)]), FINE, "double_red_cells", "2026-03-01",
             referred([REFER, REFER], "weight:double_red_cells"), S32 + ": no interval for double red cells either"),
    ]


def india_events() -> list[Case]:
    wb350, wb450 = "whole_blood_350", "whole_blood_450"
    return [
        # Delivery 12 months: 2025-06-15 → 2026-06-15.
        case("donor-india-delivery-11-months-30-days", person(sex="female", events=[("delivery", "2025-06-15")]), FINE, wb350, "2026-06-14",
             deferred(["DONOR_DEFERRED"], "2026-06-15",
                      {"DONOR_DEFERRED": {"event": "delivery", "date": "2025-06-15", "period": "12 months", "until": "2026-06-15"}}),
             S32 + ": 12 months after delivery"),
        case("donor-india-delivery-12-months", person(sex="female", events=[("delivery", "2025-06-15")]), FINE, wb350, "2026-06-15",
             eligible("2026-06-15"), S32 + ": 12 months after delivery"),
        case("donor-india-abortion-6-months", person(sex="female", events=[("abortion", "2025-10-15")]), FINE, wb350, "2026-04-14",
             deferred(["DONOR_DEFERRED"], "2026-04-15", {"DONOR_DEFERRED": {"period": "6 months"}}), S32 + ": 6 months after abortion"),
        # Tattoo 12 months (NBTC as commonly cited; unverified): 2025-02-10 → 2026-02-10.
        case("donor-india-tattoo-day-before", person(events=[("tattoo", "2025-02-10")]), FINE, wb450, "2026-02-09",
             deferred(["DONOR_DEFERRED"], "2026-02-10", {"DONOR_DEFERRED": {"event": "tattoo", "period": "12 months"}}),
             S33 + ": tattoo 12 months (NBTC 2017 as commonly cited)"),
        case("donor-india-tattoo-12-months", person(events=[("tattoo", "2025-02-10")]), FINE, wb450, "2026-02-10",
             eligible("2026-02-10"), S33 + ": tattoo 12 months"),
        # Malaria 3 months after recovery: 2026-01-31 + 3 months = 2026-04-30 (end of April).
        case("donor-india-malaria-month-end", person(events=[("malaria", "2026-01-31")]), FINE, wb450, "2026-04-29",
             deferred(["DONOR_DEFERRED"], "2026-04-30",
                      {"DONOR_DEFERRED": {"event": "malaria", "period": "3 months", "until": "2026-04-30"}}),
             S32 + ": malaria 3 months after recovery; months clamp to the month's end"),
        case("donor-india-malaria-3-months", person(events=[("malaria", "2026-01-31")]), FINE, wb450, "2026-04-30",
             eligible("2026-04-30"), S32 + ": malaria 3 months after recovery"),
        case("donor-india-zika-4-months", person(events=[("zika", "2026-01-10")]), FINE, wb450, "2026-05-09",
             deferred(["DONOR_DEFERRED"], "2026-05-10"), S32 + ": Zika 4 months"),
        case("donor-india-dengue-6-months", person(events=[("dengue", "2025-09-30")]), FINE, wb450, "2026-03-29",
             deferred(["DONOR_DEFERRED"], "2026-03-30"), S32 + ": dengue 6 months after recovery (30 Sep + 6 months = 30 Mar)"),
        case("donor-india-minor-surgery-6-months", person(events=[("surgery_minor", "2025-09-01")]), FINE, wb450, "2026-03-01",
             eligible("2026-03-01"), S32 + ": minor surgery 6 months"),
        case("donor-india-major-surgery-12-months", person(events=[("surgery_major", "2025-09-01")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-09-01"), S32 + ": major surgery 12 months"),
        case("donor-india-bone-marrow-harvest", person(events=[("bone_marrow_harvest", "2025-03-01")]), FINE, wb450, "2026-02-28",
             deferred(["DONOR_DEFERRED"], "2026-03-01"), S31 + ": 12 months after bone-marrow harvest"),
        case("donor-india-pbsc-harvest", person(events=[("pbsc_harvest", "2025-09-01")]), FINE, wb450, "2026-03-01",
             eligible("2026-03-01"), S31 + ": 6 months after peripheral stem-cell harvest"),
        # Inactivated vaccines 14 days (item 79; 15 days before 2020): 2026-02-20 + 14 = 2026-03-06.
        case("donor-india-killed-vaccine-day-13", person(events=[("vaccine_killed", "2026-02-20")]), FINE, wb450, "2026-03-05",
             deferred(["DONOR_DEFERRED"], "2026-03-06", {"DONOR_DEFERRED": {"period": "14 days"}}),
             DCR + "79: inactivated vaccines 14 days"),
        case("donor-india-killed-vaccine-day-14", person(events=[("vaccine_killed", "2026-02-20")]), FINE, wb450, "2026-03-06",
             eligible("2026-03-06"), DCR + "79: inactivated vaccines 14 days (the old 15 days would still defer)"),
        # Live attenuated vaccines 28 days (item 80): 2026-02-20 + 28 = 2026-03-20.
        case("donor-india-live-vaccine-day-27", person(events=[("vaccine_live", "2026-02-20")]), FINE, wb450, "2026-03-19",
             deferred(["DONOR_DEFERRED"], "2026-03-20", {"DONOR_DEFERRED": {"event": "vaccine_live", "period": "28 days"}}),
             DCR + "80: live attenuated vaccines 28 days"),
        case("donor-india-live-vaccine-day-28", person(events=[("vaccine_live", "2026-02-20")]), FINE, wb450, "2026-03-20",
             eligible("2026-03-20"), DCR + "80: live attenuated vaccines 28 days"),
        case("donor-india-rubella-vaccine-28-days", person(events=[("vaccine_rubella_varicella", "2026-02-20")]), FINE, wb450,
             "2026-03-19", deferred(["DONOR_DEFERRED"], "2026-03-20"), DCR + "80: rubella and varicella vaccines are live attenuated"),
        # Piercing, like tattoos, 12 months (item 48).
        case("donor-india-piercing-12-months", person(events=[("piercing", "2025-03-02")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-03-02", {"DONOR_DEFERRED": {"event": "piercing", "period": "12 months"}}),
             DCR + "48: tattoos, acupuncture, body piercing 12 months"),
        case("donor-india-piercing-done", person(events=[("piercing", "2025-03-01")]), FINE, wb450, "2026-03-01",
             eligible("2026-03-01"), DCR + "48"),
        # Tuberculosis: 2 years after confirmation of cure (item 62), no longer permanent.
        case("donor-india-tb-cured-23-months", person(events=[("tuberculosis", "2024-04-01")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-04-01", {"DONOR_DEFERRED": {"event": "tuberculosis", "period": "24 months"}}),
             DCR + "62: 2 years following confirmation of cure"),
        case("donor-india-tb-cured-24-months", person(events=[("tuberculosis", "2024-03-01")]), FINE, wb450, "2026-03-01",
             eligible("2026-03-01"), DCR + "62: 2 years following confirmation of cure"),
        case("donor-india-tb-condition-referred", person(conditions=["tuberculosis"]), FINE, wb450, "2026-03-01",
             referred([REFER], "condition:tuberculosis"),
             DCR + "62: no longer permanent; without the date of cure the medical officer decides"),
        # Hepatitis A or E 12 months (item 46).
        case("donor-india-hepatitis-a-e-11-months", person(events=[("hepatitis_a_e", "2025-04-01")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-04-01"), DCR + "46: hepatitis A or E 12 months"),
        case("donor-india-hepatitis-a-e-12-months", person(events=[("hepatitis_a_e", "2025-03-01")]), FINE, wb450, "2026-03-01",
             eligible("2026-03-01"), DCR + "46: hepatitis A or E 12 months"),
        # Antibiotics 2 weeks after the last dose (item 92): 2026-02-16 + 14 = 2026-03-02.
        case("donor-india-antibiotics-day-13", person(events=[("antibiotics", "2026-02-16")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-03-02", {"DONOR_DEFERRED": {"period": "14 days"}}), DCR + "92"),
        case("donor-india-antibiotics-day-14", person(events=[("antibiotics", "2026-02-16")]), FINE, wb450, "2026-03-02",
             eligible("2026-03-02"), DCR + "92"),
        # A change of antihypertensive medication within 28 days (item 5).
        case("donor-india-bp-medication-changed-27-days", person(events=[("antihypertensive_change", "2026-02-02")]), FINE, wb450,
             "2026-03-01", deferred(["DONOR_DEFERRED"], "2026-03-02"), DCR + "5: no change of drug or dose in the last 28 days"),
        case("donor-india-bp-medication-changed-28-days", person(events=[("antihypertensive_change", "2026-02-01")]), FINE, wb450,
             "2026-03-01", eligible("2026-03-01"), DCR + "5"),
        # Foreign nationals after 3 years' continuous stay (item 104).
        case("donor-india-foreign-national-35-months", person(events=[("foreign_national_stay", "2023-04-01")]), FINE, wb450,
             "2026-03-01", deferred(["DONOR_DEFERRED"], "2026-04-01", {"DONOR_DEFERRED": {"period": "36 months"}}), DCR + "104"),
        case("donor-india-foreign-national-36-months", person(events=[("foreign_national_stay", "2023-03-01")]), FINE, wb450,
             "2026-03-01", eligible("2026-03-01"), DCR + "104"),
        # Aspirin: 3 days if the blood is to be used for platelets (item 90). 2026-02-27 + 3 = 2026-03-02.
        case("donor-india-aspirin-plateletpheresis-day-2", person(events=[("aspirin", "2026-02-27")]), FINE, "plateletpheresis",
             "2026-03-01", deferred(["DONOR_DEFERRED"], "2026-03-02", {"DONOR_DEFERRED": {"event": "aspirin", "period": "3 days"}}),
             DCR + "90: aspirin, 3 days before platelet donation"),
        case("donor-india-aspirin-plateletpheresis-day-3", person(events=[("aspirin", "2026-02-27")]), FINE, "plateletpheresis",
             "2026-03-02", eligible("2026-03-02"), DCR + "90"),
        case("donor-india-aspirin-whole-blood", person(events=[("aspirin", "2026-02-27")]), FINE, wb450, "2026-03-01",
             {**eligible("2026-03-01", ["DONOR_NOT_FOR_PLATELETS", ELIGIBLE]),
              "facts": {"DONOR_NOT_FOR_PLATELETS": {"event": "aspirin", "until": "2026-03-02"}}},
             DCR + "90: whole blood is accepted, but no platelets are prepared from it"),
        case("donor-india-aspirin-plasmapheresis", person(events=[("aspirin", "2026-02-27")]), FINE, "plasmapheresis", "2026-03-01",
             eligible("2026-03-01"), DCR + "90: plasma is not affected"),
        # Reactive screening results.
        case("donor-india-tti-hiv-permanent", person(events=[("tti_reactive", "2024-01-01", "hiv")]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_DEFERRED_PERMANENTLY"],
                       {"DONOR_DEFERRED_PERMANENTLY": {"event": "tti_reactive:hiv", "date": "2024-01-01"}}),
             "21 CFR 610.41(a) (borrowed by the india profile, unverified): reactive donors deferred"),
        case("donor-india-tti-hbsag-permanent", person(events=[("tti_reactive", "2026-02-01", "hbsag")]), FINE, "plateletpheresis", "2026-03-01",
             permanent(["DONOR_DEFERRED_PERMANENTLY"]), "21 CFR 610.41(a) (borrowed by the india profile)"),
        case("donor-india-tti-malaria-3-months", person(events=[("tti_reactive", "2026-01-15", "malaria")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-04-15",
                      {"DONOR_DEFERRED": {"event": "tti_reactive:malaria", "period": "3 months", "until": "2026-04-15"}}),
             S32 + ": malaria 3 months"),
        case("donor-india-tti-without-marker", person(events=[("tti_reactive", "2026-01-15")]), FINE, wb450, "2026-03-01",
             error("donor.deferral_events[0].marker"), INPUT + "; a reactive result must name its marker"),
        # States and conditions.
        case("donor-india-pregnant", person(sex="female"), checks(states=["pregnant"]), wb350, "2026-03-01",
             deferred(["DONOR_STATE_DEFERS"], "2026-03-02", {"DONOR_STATE_DEFERS": {"state": "pregnant", "until": "2026-03-02"}}),
             S32 + ": not during pregnancy" + RECHECK),
        case("donor-india-breastfeeding", person(sex="female"), checks(states=["breastfeeding"]), wb350, "2026-03-01",
             deferred(["DONOR_STATE_DEFERS"], "2026-03-02"), S32 + ": not during breast-feeding"),
        case("donor-india-menstruating", person(sex="female"), checks(states=["menstruating"]), wb350, "2026-03-01",
             deferred(["DONOR_STATE_DEFERS"], "2026-03-02"), S32 + ": not during menstruation"),
        case("donor-india-cancer", person(conditions=["cancer"]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_PERMANENT_CONDITION"], {"DONOR_PERMANENT_CONDITION": {"condition": "cancer"}}), S33 + ": permanent"),
        case("donor-india-asthma", person(conditions=["asthma"]), FINE, wb450, "2026-03-01",
             referred([REFER], "condition:asthma"),
             DCR + "22/23: only asthmatics on steroids are deferred permanently; asthma alone goes to the medical officer"),
        case("donor-india-asthma-on-steroids", person(conditions=["asthma_on_steroids"]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_PERMANENT_CONDITION"], {"DONOR_PERMANENT_CONDITION": {"condition": "asthma_on_steroids"}}),
             DCR + "23: asthmatics on steroids, permanent"),
        case("donor-india-asthma-attack", person(), checks(states=["asthma_attack"]), wb450, "2026-03-01",
             deferred(["DONOR_STATE_DEFERS"], "2026-03-02", {"DONOR_STATE_DEFERS": {"state": "asthma_attack"}}),
             DCR + "22: asthmatic attack, deferred while it lasts" + RECHECK),
        case("donor-india-transplant-recipient", person(conditions=["transplant_recipient"]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_PERMANENT_CONDITION"]), DCR + "103: organ or stem-cell transplant, permanent"),
        case("donor-india-unexplained-weight-loss-referred", person(conditions=["unexplained_weight_loss"]), FINE, wb450,
             "2026-03-01", referred([REFER], "condition:unexplained_weight_loss"),
             "not on the 2020 permanent list (older Schedule F only): the medical officer decides"),
        case("donor-india-prion-risk-referred", person(conditions=["prion_risk"]), FINE, wb450, "2026-03-01",
             referred([REFER], "condition:prion_risk"), S33 + ": not on the Indian list: the medical officer decides"),
    ]


def india_combined() -> list[Case]:
    wb350, wb450 = "whole_blood_350", "whole_blood_450"
    return [
        # Ageing: a repeat donor of 65 (born 1960-12-01) with a tattoo on 2026-02-01 (12 months)
        # would be allowed again on 2027-02-01, when he is 66: above the repeat maximum of 65.
        case("donor-india-deferral-outlasts-maximum-age",
             person("1960-12-01", gave=[("2025-06-01", wb450)], events=[("tattoo", "2026-02-01")]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_DEFERRED", "DONOR_TOO_OLD_BY_THEN"], {"DONOR_TOO_OLD_BY_THEN": {"age": "66", "limit": "65", "until": "2027-02-01"}}),
             S31 + ": repeat donors up to 65"),
        # A tooth extraction on the same day (6 months → 2026-08-01) ends before the 66th birthday.
        case("donor-india-deferral-ends-before-maximum-age",
             person("1960-12-01", gave=[("2025-06-01", wb450)], events=[("tooth_extraction", "2026-02-01")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-08-01"), S32 + ": tooth extraction 6 months"),
        # Everything at once: listed stop first in rule order, then the referral.
        # Born 2008-03-10 (17), gave 350 mL on 2026-01-01 (120 days → 2026-05-01), tattoo 2025-12-01
        # (→ 2026-12-01, the latest), reactive West Nile virus (no rule), breast-feeding, every check failed.
        case("donor-india-every-failure-listed",
             person("2008-03-10", "female", gave=[("2026-01-01", wb350)],
                    events=[("tti_reactive", "2026-02-01", "wnv"), ("tattoo", "2025-12-01")]),
             {"weight_kg": "44", "hb_g_dl": "11.0", "systolic_mmhg": 150, "diastolic_mmhg": 95,
              "pulse_bpm": 110, "temperature_c": "38", "states": ["breastfeeding"]},
             wb350, "2026-03-01",
             {"eligible": False, "permanent": False, "referred": True, "deferred_until": "2026-12-01",
              "next_eligible": None,
              "codes": ["DONOR_TOO_YOUNG", "DONOR_WEIGHT_TOO_LOW", "DONOR_HB_BELOW_MIN", "DONOR_SYSTOLIC_OUT_OF_RANGE",
                        "DONOR_DIASTOLIC_OUT_OF_RANGE", "DONOR_PULSE_OUT_OF_RANGE", "DONOR_TEMPERATURE_OUT_OF_RANGE",
                        "DONOR_INTERVAL_NOT_MET", "DONOR_DEFERRED", "DONOR_STATE_DEFERS", REFER],
              "facts": {"DONOR_TOO_YOUNG": {"until": "2026-03-10"}, "DONOR_INTERVAL_NOT_MET": {"until": "2026-05-01"},
                        "DONOR_DEFERRED": {"until": "2026-12-01"}, REFER: {"subject": "marker:wnv"}}},
             S31 + ", " + S32 + "; " + OUTCOMES + ": referred, so no next_eligible"),
        # Temporary reasons: deferred_until is the latest of them (Hb tomorrow, interval 2026-04-01).
        case("donor-india-latest-until-wins", person(gave=[("2026-01-01", wb450)]), checks(hb_g_dl="12"), wb450, "2026-03-01",
             deferred(["DONOR_HB_BELOW_MIN", "DONOR_INTERVAL_NOT_MET"], "2026-04-01"), OUTCOMES),
        # A permanent reason clears deferred_until.
        case("donor-india-permanent-with-temporary", person(events=[("tattoo", "2026-01-01")], conditions=["epilepsy"]),
             checks(hb_g_dl="11"), wb450, "2026-03-01",
             permanent(["DONOR_HB_BELOW_MIN", "DONOR_DEFERRED", "DONOR_PERMANENT_CONDITION"]), OUTCOMES),
        # A policy file override: female Hb 12.5–16.5.
        case("donor-policy-hb-maximum", person(sex="female"), checks(hb_g_dl="16.6"), wb350, "2026-03-01",
             deferred(["DONOR_HB_ABOVE_MAX"], "2026-03-02", {"DONOR_HB_ABOVE_MAX": {"measured": "16.6", "limit": "12.5–16.5"}}),
             "policy override: Hb above the maximum",
             {"name": "hb-max", "extends": "india", "donor": {"hb_g_dl": {"female": {"min": "12.5", "max": "16.5"}}}}),
        case("donor-policy-transfusion-permanent", person(events=[("transfusion", "2000-01-01")]), FINE, wb450, "2026-03-01",
             permanent(["DONOR_DEFERRED_PERMANENTLY"], {"DONOR_DEFERRED_PERMANENTLY": {"event": "transfusion"}}),
             "policy override: a permanent deferral",
             {"name": "no-transfused", "extends": "india", "donor": {"deferrals": {"transfusion": "permanent"}}}),
        case("donor-policy-interval-in-hours", person(gave=[("2026-03-01", "plateletpheresis")]), FINE, "plateletpheresis", "2026-03-03",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-03-04", {"DONOR_INTERVAL_NOT_MET": {"interval": "49 hours"}}),
             "policy override: 49 hours, rounded up to 3 days because donations are dated",
             {"name": "hours", "extends": "india", "donor": {"intervals": {"apheresis": {"hours": 49}}}}),
        # Input validation.
        case("donor-invalid-born-after-as-of", person("2026-03-02"), FINE, wb450, "2026-03-01", error("donor.date_of_birth"), INPUT),
        case("donor-invalid-donation-after-as-of", person(gave=[("2026-01-01", wb450), ("2026-03-02", wb450)]), FINE, wb450,
             "2026-03-01", error("donor.previous_donations[1].date"), INPUT),
        case("donor-invalid-event-after-as-of", person(events=[("tattoo", "2026-03-02")]), FINE, wb450, "2026-03-01",
             error("donor.deferral_events[0].date"), INPUT),
        case("donor-invalid-negative-weight", person(), checks(weight_kg="-70"), wb450, "2026-03-01", error("checks.weight_kg"), INPUT),
        case("donor-invalid-negative-hb", person(), checks(hb_g_dl="-1"), wb450, "2026-03-01", error("checks.hb_g_dl"), INPUT),
        case("donor-invalid-negative-temperature", person(), checks(temperature_c="-36.8"), wb450, "2026-03-01",
             error("checks.temperature_c"), INPUT),
        # Values no person has: data-entry bounds, not clinical thresholds (typos are refused).
        case("donor-implausible-weight", person(), checks(weight_kg="79228162514264337593543950335"), wb450, "2026-03-01",
             error("checks.weight_kg"), INPUT + "; plausible weight is 20 to 250 kg"),
        case("donor-implausible-hb", person(), checks(hb_g_dl="25.1"), wb450, "2026-03-01", error("checks.hb_g_dl"),
             INPUT + "; plausible Hb is 1 to 25 g/dL"),
        case("donor-implausible-temperature", person(), checks(temperature_c="45.01"), wb450, "2026-03-01",
             error("checks.temperature_c"), INPUT + "; plausible temperature is 25 to 45 C"),
        case("donor-implausible-pulse", person(), checks(pulse_bpm=4294967295), wb450, "2026-03-01", error("checks.pulse_bpm"),
             INPUT + "; plausible pulse is 1 to 300 /min"),
        case("donor-diastolic-not-below-systolic", person(), checks(systolic_mmhg=80, diastolic_mmhg=80), wb450, "2026-03-01",
             error("checks.diastolic_mmhg"), INPUT + "; the diastolic must be below the systolic"),
        case("donor-same-day-event-is-valid", person(events=[("vaccine_killed", "2026-03-01")]), FINE, wb450, "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-03-15"), INPUT + "; the same day is fine (2026-03-01 + 14 days)"),
    ]


# --------------------------------------------------------------------------------------------
# US
# --------------------------------------------------------------------------------------------

def us_cases() -> list[Case]:
    wb450 = "whole_blood_450"
    us = "us"
    d = "2026-03-01"
    return [
        case("donor-us-age-17th-birthday", person("2009-06-01"), FINE, wb450, "2026-06-01", eligible("2026-06-01"), S34 + ": ≥ 17", us),
        case("donor-us-age-16", person("2009-06-01"), FINE, wb450, "2026-05-31",
             deferred(["DONOR_TOO_YOUNG"], "2026-06-01", {"DONOR_TOO_YOUNG": {"age": "16", "limit": "17"}}), S34 + ": ≥ 17", us),
        case("donor-us-first-time-80", person("1945-01-01"), FINE, wb450, d, eligible(d), S34 + ": no upper age limit", us),
        case("donor-us-hb-man-13.0", person(), checks(hb_g_dl="13.0"), wb450, d, eligible(d), S34 + ": ≥ 13.0 g/dL men", us),
        case("donor-us-hb-man-12.9", person(), checks(hb_g_dl="12.9"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"], "2026-03-02", {"DONOR_HB_BELOW_MIN": {"measured": "12.9", "limit": "≥ 13.0"}}),
             S34 + ": ≥ 13.0 g/dL men", us),
        case("donor-us-hb-woman-12.5", person(sex="female"), checks(hb_g_dl="12.5"), wb450, d, eligible(d), S34 + ": ≥ 12.5 g/dL women", us),
        case("donor-us-hb-woman-12.4", person(sex="female"), checks(hb_g_dl="12.4"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"], "2026-03-02", {"DONOR_HB_BELOW_MIN": {"limit": "≥ 12.5"}}), S34 + ": ≥ 12.5 g/dL women", us),
        case("donor-us-hb-other-12.9", person(sex="other"), checks(hb_g_dl="12.9"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"], "2026-03-02", {"DONOR_HB_BELOW_MIN": {"limit": "≥ 13.0"}}),
             S34 + "; sex other: the stricter (men's) limit", us),
        case("donor-us-weight-50", person(), checks(weight_kg="50"), "double_red_cells", d, eligible(d), S34 + ": ≥ 110 lb (50 kg)", us),
        case("donor-us-weight-49.9", person(), checks(weight_kg="49.9"), wb450, d,
             deferred(["DONOR_WEIGHT_TOO_LOW"], "2026-03-02", {"DONOR_WEIGHT_TOO_LOW": {"limit": "≥ 50"}}), S34 + ": ≥ 50 kg", us),
        case("donor-us-bp-180-100", person(), checks(systolic_mmhg=180, diastolic_mmhg=100), wb450, d, eligible(d),
             S34 + ": systolic 90–180, diastolic 50–100", us),
        case("donor-us-bp-181", person(), checks(systolic_mmhg=181), wb450, d,
             deferred(["DONOR_SYSTOLIC_OUT_OF_RANGE"], "2026-03-02", {"DONOR_SYSTOLIC_OUT_OF_RANGE": {"limit": "90–180"}}),
             S34 + ": systolic 90–180", us),
        case("donor-us-bp-89", person(), checks(systolic_mmhg=89), wb450, d,
             deferred(["DONOR_SYSTOLIC_OUT_OF_RANGE"], "2026-03-02"), S34 + ": systolic 90–180", us),
        case("donor-us-temperature-37.6", person(), checks(temperature_c="37.6"), wb450, d,
             deferred(["DONOR_TEMPERATURE_OUT_OF_RANGE"], "2026-03-02"), S34 + ": ≤ 37.5 °C", us),
        # 56 days: 2026-01-01 + 56 = 2026-02-26.
        case("donor-us-interval-day-55", person(sex="female", gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-02-25",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-02-26", {"DONOR_INTERVAL_NOT_MET": {"interval": "56 days"}}),
             S34 + ": 8 weeks (56 days)", us),
        case("donor-us-interval-day-56", person(sex="female", gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-02-26",
             eligible("2026-02-26"), S34 + ": 8 weeks (56 days)", us),
        # Double red cells 16 weeks: 2026-01-01 + 112 = 2026-04-23.
        case("donor-us-wb-to-double-red-cells", person(gave=[("2026-01-01", wb450)]), FINE, "double_red_cells", "2026-04-22",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-04-23",
                      {"DONOR_INTERVAL_NOT_MET": {"interval": "112 days", "kind": "double_red_cells", "last_kind": wb450}}),
             S34 + ": double red cells 16 weeks", us),
        case("donor-us-double-red-cells-to-wb", person(gave=[("2026-01-01", "double_red_cells")]), FINE, wb450, "2026-04-23",
             eligible("2026-04-23"), S34 + ": double red cells 16 weeks", us),
        case("donor-us-double-red-cells-to-wb-early", person(gave=[("2026-01-01", "double_red_cells")]), FINE, wb450, "2026-02-26",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-04-23"), S34 + ": double red cells 16 weeks, not 8", us),
        # Platelets at least 2 days apart: 2026-03-01 → 2026-03-03.
        case("donor-us-platelets-day-1", person(gave=[("2026-03-01", "plateletpheresis")]), FINE, "plateletpheresis", "2026-03-02",
             deferred(["DONOR_INTERVAL_NOT_MET"], "2026-03-03", {"DONOR_INTERVAL_NOT_MET": {"interval": "2 days"}}), FDA_PLT, us),
        case("donor-us-platelets-day-2", person(gave=[("2026-03-01", "plateletpheresis")]), FINE, "plateletpheresis", "2026-03-03",
             eligible("2026-03-03"), FDA_PLT, us),
        # At most twice in 7 days: gave 2026-03-01 and 03-03; a third on 03-07 is refused (the 7 days
        # ending 03-07 start 03-01); on 03-08 the first has left the window.
        case("donor-us-platelets-third-in-7-days",
             person(gave=[("2026-03-01", "plateletpheresis"), ("2026-03-03", "plateletpheresis")]), FINE,
             "plateletpheresis", "2026-03-07",
             deferred(["DONOR_DONATION_LIMIT_REACHED"], "2026-03-08", {"DONOR_DONATION_LIMIT_REACHED": {"limit": "2"}}),
             FDA_PLT, us),
        case("donor-us-platelets-third-on-day-8",
             person(gave=[("2026-03-01", "plateletpheresis"), ("2026-03-03", "plateletpheresis")]), FINE,
             "plateletpheresis", "2026-03-08", eligible("2026-03-08"), FDA_PLT, us),
        case("donor-us-aspirin-plateletpheresis", person(events=[("aspirin", "2026-02-28")]), FINE, "plateletpheresis", "2026-03-01",
             deferred(["DONOR_DEFERRED"], "2026-03-02", {"DONOR_DEFERRED": {"period": "2 days"}}),
             S34 + ": aspirin, platelet donors 48 hours", us),
        case("donor-us-apheresis-after-wb-referred", person(gave=[("2026-01-01", wb450)]), FINE, "plateletpheresis", "2026-06-01",
             referred([REFER], "interval:plateletpheresis"), S34 + ": no WB → apheresis interval in the sources", us),
        case("donor-us-delivery-6-weeks", person(sex="female", events=[("delivery", "2026-01-01")]), FINE, wb450, "2026-02-11",
             deferred(["DONOR_DEFERRED"], "2026-02-12", {"DONOR_DEFERRED": {"period": "42 days"}}),
             S34 + ": 6 weeks after pregnancy ends", us),
        case("donor-us-live-vaccine-2-weeks", person(events=[("vaccine_live", "2026-02-20")]), FINE, wb450, d,
             deferred(["DONOR_DEFERRED"], "2026-03-06", {"DONOR_DEFERRED": {"event": "vaccine_live", "period": "14 days"}}),
             S34 + ": live vaccines 2 weeks", us),
        case("donor-us-rubella-vaccine-4-weeks", person(events=[("vaccine_rubella_varicella", "2026-02-20")]), FINE, wb450, "2026-03-19",
             deferred(["DONOR_DEFERRED"], "2026-03-20"), S34 + ": rubella, varicella 4 weeks", us),
        case("donor-us-killed-vaccine-no-deferral", person(events=[("vaccine_killed", "2026-02-28")]), FINE, wb450, d,
             eligible(d), S34 + ": toxoid/killed vaccines: none", us),
        case("donor-us-tattoo-referred", person(events=[("tattoo", "2025-12-01")]), FINE, wb450, d,
             referred([REFER], "event:tattoo"), S34 + ": no tattoo rule in the sources", us),
        case("donor-us-asthma-referred", person(conditions=["asthma"]), FINE, wb450, d,
             referred([REFER], "condition:asthma"), S34 + ": no US permanent-deferral list in the sources", us),
        case("donor-us-wnv-referred", person(events=[("tti_reactive", "2026-01-15", "wnv")]), FINE, wb450, d,
             referred([REFER], "marker:wnv"), "21 CFR 610.41 (WNV deferral not in the sources)", us),
        case("donor-us-hiv-nat-permanent", person(events=[("tti_reactive", "2026-01-15", "hiv_nat")]), FINE, wb450, d,
             permanent(["DONOR_DEFERRED_PERMANENTLY"], {"DONOR_DEFERRED_PERMANENTLY": {"event": "tti_reactive:hiv_nat"}}),
             "21 CFR 610.41(a)", us),
        case("donor-us-menstruating-no-effect", person(sex="female"), checks(states=["menstruating"]), wb450, d,
             eligible(d), S34 + ": only pregnancy defers", us),
        case("donor-us-apheresis-24-per-year", person(gave=fortnightly("2025-04-01", 24, "plasmapheresis")), FINE, "plasmapheresis", d,
             deferred(["DONOR_DONATION_LIMIT_REACHED"], "2026-04-01", {"DONOR_DONATION_LIMIT_REACHED": {"limit": "24"}}),
             S34 + ": ≤ 24 a year", us),
    ]


# --------------------------------------------------------------------------------------------
# UK
# --------------------------------------------------------------------------------------------

def uk_cases() -> list[Case]:
    wb450 = "whole_blood_450"
    uk = "uk"
    d = "2026-03-01"
    three = [("2025-06-01", wb450), ("2025-09-01", wb450), ("2025-12-01", wb450)]
    four = [("2025-03-05", wb450)] + three
    return [
        case("donor-uk-eligible-vitals-not-configured", person(), checks(systolic_mmhg=200, diastolic_mmhg=120), wb450, d,
             {**eligible(d, [ELIGIBLE] + UK_NC), "facts": {NC: {"criterion": "systolic_mmhg"}}},
             S35 + ": no blood-pressure, pulse or temperature limit in the UK profile", uk),
        case("donor-uk-age-17", person("2009-03-01"), FINE, wb450, d, eligible(d, [ELIGIBLE] + UK_NC), S35 + ": min 17", uk),
        case("donor-uk-age-16", person("2009-03-02"), FINE, wb450, d,
             deferred(["DONOR_TOO_YOUNG"] + UK_NC, "2026-03-02"), S35 + ": min 17", uk),
        # First-time up to 65: born 1961-03-10 is 65 on 2026-03-10 and 66 on 2027-03-10.
        case("donor-uk-first-time-65", person("1961-03-10"), FINE, wb450, "2027-03-09", eligible("2027-03-09", [ELIGIBLE] + UK_NC),
             S35 + ": first-time donors up to 65", uk),
        case("donor-uk-first-time-66", person("1961-03-10"), FINE, wb450, "2027-03-10",
             permanent(["DONOR_TOO_OLD"] + UK_NC, {"DONOR_TOO_OLD": {"age": "66", "limit": "65", "donor_group": "first_time"}}),
             S35 + ": first-time donors up to 65", uk),
        case("donor-uk-regular-80", person("1945-06-01", gave=[("2025-06-01", wb450)]), FINE, wb450, d,
             eligible(d, [ELIGIBLE] + UK_NC), S35 + ": no upper limit for regular donors", uk),
        case("donor-uk-hb-man-13.4", person(), checks(hb_g_dl="13.4"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"] + UK_NC, "2026-03-02", {"DONOR_HB_BELOW_MIN": {"limit": "≥ 13.5"}}),
             S35 + ": ≥ 135 g/L men", uk),
        case("donor-uk-hb-man-13.5", person(), checks(hb_g_dl="13.5"), wb450, d, eligible(d, [ELIGIBLE] + UK_NC), S35 + ": ≥ 135 g/L men", uk),
        case("donor-uk-hb-woman-12.5", person(sex="female"), checks(hb_g_dl="12.5"), wb450, d,
             eligible(d, [ELIGIBLE] + UK_NC), S35 + ": ≥ 125 g/L women", uk),
        case("donor-uk-hb-other-13.0", person(sex="other"), checks(hb_g_dl="13.0"), wb450, d,
             deferred(["DONOR_HB_BELOW_MIN"] + UK_NC, "2026-03-02", {"DONOR_HB_BELOW_MIN": {"limit": "≥ 13.5"}}),
             S35 + "; sex other: both limits, so 135 g/L", uk),
        case("donor-uk-double-red-cells-hb-13.9", person(sex="female"), checks(hb_g_dl="13.9"), "double_red_cells", d,
             deferred(["DONOR_HB_BELOW_MIN"] + UK_NC, "2026-03-02", {"DONOR_HB_BELOW_MIN": {"limit": "≥ 14.0"}}),
             S35 + ": double red cells Hb ≥ 140 g/L", uk),
        case("donor-uk-double-red-cells-hb-14.0", person(sex="female"), checks(hb_g_dl="14.0"), "double_red_cells", d,
             eligible(d, [ELIGIBLE] + UK_NC), S35 + ": double red cells Hb ≥ 140 g/L", uk),
        case("donor-uk-weight-49.9", person(), checks(weight_kg="49.9"), wb450, d,
             deferred(["DONOR_WEIGHT_TOO_LOW"] + UK_NC, "2026-03-02"), S35 + ": min 50 kg", uk),
        # 12 weeks: 2026-01-01 + 84 = 2026-03-26.
        case("donor-uk-interval-day-83", person(gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-03-25",
             deferred(["DONOR_INTERVAL_NOT_MET"] + UK_NC, "2026-03-26", {"DONOR_INTERVAL_NOT_MET": {"interval": "84 days"}}),
             S35 + ": minimum 12 weeks", uk),
        case("donor-uk-interval-day-84", person(gave=[("2026-01-01", wb450)]), FINE, wb450, "2026-03-26",
             eligible("2026-03-26", [ELIGIBLE] + UK_NC), S35 + ": minimum 12 weeks", uk),
        # ≤ 3 a year for women, ≤ 4 for men, counted over 365 days (2025-03-02..2026-03-01) with this one.
        case("donor-uk-woman-3-per-year", person(sex="female", gave=three), FINE, wb450, d,
             deferred(["DONOR_DONATION_LIMIT_REACHED"] + UK_NC, "2026-06-01",
                      {"DONOR_DONATION_LIMIT_REACHED": {"count": "3", "family": "whole_blood", "window": "365 days",
                                                        "limit": "3", "until": "2026-06-01"}}),
             S35 + ": ≤ 3 donations a year for women (2025-06-01 + 365 days = 2026-06-01)", uk),
        case("donor-uk-man-3-per-year", person(gave=three), FINE, wb450, d, eligible(d, [ELIGIBLE] + UK_NC),
             S35 + ": ≤ 4 donations a year for men", uk),
        case("donor-uk-man-4-per-year", person(gave=four), FINE, wb450, d,
             deferred(["DONOR_DONATION_LIMIT_REACHED"] + UK_NC, "2026-03-05",
                      {"DONOR_DONATION_LIMIT_REACHED": {"count": "4", "limit": "4", "until": "2026-03-05"}}),
             S35 + ": ≤ 4 a year for men (2025-03-05 + 365 days = 2026-03-05)", uk),
        case("donor-uk-man-4-per-year-clears", person(gave=four), FINE, wb450, "2026-03-05", eligible("2026-03-05", [ELIGIBLE] + UK_NC),
             S35 + ": ≤ 4 a year for men", uk),
        case("donor-uk-other-3-per-year", person(sex="other", gave=three), FINE, wb450, d,
             deferred(["DONOR_DONATION_LIMIT_REACHED"] + UK_NC, "2026-06-01", {"DONOR_DONATION_LIMIT_REACHED": {"limit": "3"}}),
             S35 + "; sex other: the smaller count", uk),
        case("donor-uk-plateletpheresis-14-days", person(gave=[("2026-03-01", "plateletpheresis")]), FINE, "plateletpheresis", "2026-03-14",
             deferred(["DONOR_INTERVAL_NOT_MET"] + UK_NC, "2026-03-15", {"DONOR_INTERVAL_NOT_MET": {"interval": "14 days"}}),
             S35 + ": ≥ 2 weeks between plateletpheresis", uk),
        case("donor-uk-wb-to-apheresis-4-weeks", person(gave=[("2026-03-01", wb450)]), FINE, "plasmapheresis", "2026-03-28",
             deferred(["DONOR_INTERVAL_NOT_MET"] + UK_NC, "2026-03-29", {"DONOR_INTERVAL_NOT_MET": {"interval": "28 days"}}),
             S35 + ": 4 weeks after WB before apheresis", uk),
        case("donor-uk-apheresis-to-wb-referred", person(gave=[("2026-02-01", "plateletpheresis")]), FINE, wb450, d,
             referred([REFER] + UK_NC, "interval:whole_blood_450"), S35 + ": no apheresis → WB interval in the sources", uk),
        # Double red cells 26 weeks: 2026-01-01 + 182 = 2026-07-02.
        case("donor-uk-double-red-cells-26-weeks", person(gave=[("2026-01-01", "double_red_cells")]), FINE, "double_red_cells", "2026-07-01",
             deferred(["DONOR_INTERVAL_NOT_MET"] + UK_NC, "2026-07-02", {"DONOR_INTERVAL_NOT_MET": {"interval": "182 days"}}),
             S35 + ": double red cells interval ≥ 26 weeks", uk),
        case("donor-uk-tattoo-4-months", person(events=[("tattoo", "2025-11-15")]), FINE, wb450, "2026-03-14",
             deferred(["DONOR_DEFERRED"] + UK_NC, "2026-03-15", {"DONOR_DEFERRED": {"period": "4 months"}}),
             S35 + ": tattoo 4 months", uk),
        case("donor-uk-minor-surgery-7-days", person(events=[("surgery_minor", "2026-02-25")]), FINE, wb450, d,
             deferred(["DONOR_DEFERRED"] + UK_NC, "2026-03-04", {"DONOR_DEFERRED": {"period": "7 days"}}),
             S35 + ": other surgery 7 days", uk),
        case("donor-uk-major-surgery-4-months", person(events=[("surgery_major", "2025-11-01")]), FINE, wb450, d,
             eligible(d, [ELIGIBLE] + UK_NC), S35 + ": major surgery 4 months (2025-11-01 → 2026-03-01)", uk),
        case("donor-uk-hev-6-months", person(events=[("tti_reactive", "2026-01-15", "hev")]), FINE, wb450, d,
             deferred(["DONOR_DEFERRED"] + UK_NC, "2026-07-15", {"DONOR_DEFERRED": {"event": "tti_reactive:hev"}}),
             "JPAC via learnhaem: HEV RNA positive, defer six months", uk),
        case("donor-uk-prion-risk", person(conditions=["transfused_since_1980"]), FINE, wb450, d,
             permanent(["DONOR_PERMANENT_CONDITION"] + UK_NC), "JPAC Handbook §3.2.2: prion risk", uk),
        case("donor-uk-cancer-referred", person(conditions=["cancer"]), FINE, wb450, d,
             referred([REFER] + UK_NC, "condition:cancer"), S35 + ": not on the UK permanent list", uk),
        # Not less than 6 months after delivery or termination: 2025-09-02 + 6 months = 2026-03-02.
        case("donor-uk-delivery-5-months", person(sex="female", events=[("delivery", "2025-09-02")]), FINE, wb450, d,
             deferred(["DONOR_DEFERRED"] + UK_NC, "2026-03-02", {"DONOR_DEFERRED": {"event": "delivery", "period": "6 months"}}),
             PR002, uk),
        case("donor-uk-delivery-6-months", person(sex="female", events=[("delivery", "2025-09-01")]), FINE, wb450, d,
             eligible(d, [ELIGIBLE] + UK_NC), PR002, uk),
        case("donor-uk-termination-5-months", person(sex="female", events=[("abortion", "2025-09-02")]), FINE, wb450, d,
             deferred(["DONOR_DEFERRED"] + UK_NC, "2026-03-02", {"DONOR_DEFERRED": {"event": "abortion"}}), PR002, uk),
        case("donor-uk-pregnant", person(sex="female"), checks(states=["pregnant"]), wb450, d,
             deferred(["DONOR_STATE_DEFERS"] + UK_NC, "2026-03-02"), "pregnancy defers (universal practice)", uk),
    ]


FILES: dict[str, tuple[str, Any]] = {
    "donors.json": (
        "Donor eligibility (assess_donor): age, weight, Hb, vital signs, intervals, counting windows, "
        "deferral events, states and conditions in the india, us and uk profiles, with every boundary.",
        lambda: india_age() + india_measurements() + india_intervals() + india_events() + india_combined()
        + us_cases() + uk_cases(),
    ),
}
