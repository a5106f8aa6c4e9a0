"""Unit-lifecycle and screening vectors (unit_events, release_verdict, unit_hl7, handle_reactive,
split_unit, pool_units). See generate.py and README.md. Expected values are written out by hand
from research/blood.md §4 and the lifecycle rules in the README, not computed by rakt."""
from __future__ import annotations

from typing import Any

Case = dict[str, Any]
T0 = "2026-11-01T09:00:00+05:30"
S44 = "research/blood.md §4.4 (statuses, HL7 v2 tables 0510/0513)"
S42 = "research/blood.md §4.2 (quarantine and release)"
S41 = "research/blood.md §4.1 (mandatory markers)"
INDIA_MARKERS = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]
US_MARKERS = ["hiv", "hiv_nat", "hbsag", "anti_hbc", "hbv_nat", "hcv", "hcv_nat", "htlv", "syphilis", "wnv"]
UK_MARKERS = ["hbsag", "hiv", "hiv_nat", "hcv", "hcv_nat", "htlv", "syphilis"]
RBC = {"component": "red_cells", "preservative": "additive_solution"}
FFP = {"component": "fresh_frozen_plasma"}


def at(minutes: int, base: str = T0) -> str:
    """base + minutes, written by hand-free arithmetic on the +05:30 day of 2026-11-01."""
    h, m = divmod(9 * 60 + minutes, 60)
    d, h = divmod(h, 24)
    assert base == T0
    return f"2026-11-{1 + d:02d}T{h:02d}:{m:02d}:00+05:30"


def collection(din: str = "DIN-1", product: dict[str, Any] = RBC, group: str = "O+", collected_at: str = T0,
               **extra: Any) -> dict[str, Any]:
    c = {"din": din, "product": product, "group": group, "volume_ml": 280, "donation_type": "voluntary",
         "donor_id": "D-1", "first_donation": False, "collected_at": collected_at}
    c.update(extra)
    return c


def e(when: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {"at": when, "actor": "tech", "kind": {"type": kind, **fields}}


def screen(group: str = "O+", markers: list[str] = INDIA_MARKERS, t: int = 30) -> list[dict[str, Any]]:
    abo = group.rstrip("+-")
    return ([e(at(t), "quarantine")]
            + [e(at(t + 30), "record_test", marker=m, result="non_reactive") for m in markers]
            + [e(at(t + 40), "record_grouping", forward=group, reverse=abo)])


UNTIL = at(2 * 24 * 60)
TO = {
    "collected": [],
    "quarantined": screen(),
    "released": screen() + [e(at(120), "release")],
}
TO["reserved"] = TO["released"] + [e(at(180), "reserve", patient="P-1", until=UNTIL)]
TO["crossmatched"] = TO["released"] + [e(at(180), "crossmatch", patient="P-1", until=UNTIL)]
TO["issued"] = TO["crossmatched"] + [e(at(240), "issue", patient="P-1")]
TO["returned"] = TO["issued"] + [e(at(250), "return", keep_for_patient=True)]
TO["transfused"] = TO["issued"] + [e(at(300), "transfuse")]
TO["transfused_with_reaction"] = TO["issued"] + [e(at(300), "transfuse_with_reaction", details="fever")]
TO["discarded"] = TO["released"] + [e(at(180), "discard", reason="leakage")]

EVENTS = {
    "quarantine": {"type": "quarantine"},
    "record_test": {"type": "record_test", "marker": "hiv_nat", "result": "non_reactive"},
    "record_grouping": {"type": "record_grouping", "historical": "O+"},
    "release": {"type": "release"},
    "reserve": {"type": "reserve", "patient": "P-1", "until": UNTIL},
    "crossmatch": {"type": "crossmatch", "patient": "P-1", "until": UNTIL},
    "cancel": {"type": "cancel_reservation"},
    "issue": {"type": "issue", "patient": "P-1"},
    "transfuse": {"type": "transfuse"},
    "reaction": {"type": "transfuse_with_reaction", "details": "rigors"},
    "return": {"type": "return", "minutes_out_of_storage": 10},
    "discard": {"type": "discard", "reason": "haemolysed"},
    "irradiate": {"type": "irradiate"},
    "fractionate": {"type": "send_for_fractionation"},
}
# Rows: status; columns: EVENTS in order; x = INVALID_TRANSITION (status unchanged).
TRANSITIONS = {
    "collected":    "quarantined collected collected x x x x x x x x discarded collected x",
    "quarantined":  "x quarantined quarantined released x x x x x x x discarded quarantined x",
    "released":     "x x x x reserved crossmatched x issued x x x discarded released NOT_PLASMA",
    "reserved":     "x x x x x crossmatched released issued x x x discarded reserved x",
    "crossmatched": "x x x x x x released issued x x x discarded crossmatched x",
    "issued":       "x x x x x x x x transfused transfused_with_reaction released discarded x x",
    "returned":     "x x x x x x released issued x x x discarded x x",
    "transfused":   "x x x x x x x x x x x x x x",
    "transfused_with_reaction": "x x x x x x x x x x x x x x",
    "discarded":    "x x x x x x x x x x x x x x",
}


def unit_case(id_: str, events: list[dict[str, Any]], expect: dict[str, Any], source: str,
              coll: dict[str, Any] | None = None, policy: Any = None, as_of: str | None = None) -> Case:
    inp: dict[str, Any] = {"collection": coll or collection(), "events": events}
    if policy is not None:
        inp["policy"] = policy
    if as_of is not None:
        inp["as_of"] = as_of
    return {"id": id_, "op": "unit_events", "input": inp, "expect": expect, "source": source}


def transition_cases() -> list[Case]:
    out = []
    for status, row in TRANSITIONS.items():
        for (name, kind), cell in zip(EVENTS.items(), row.split()):
            events = TO[status] + [{"at": at(400), "actor": "tech", "kind": kind}]
            if cell == "x":
                expect = {"error": "NotApplicable", "error_code": "INVALID_TRANSITION", "status": status}
            elif cell.isupper():
                expect = {"error": "NotApplicable", "error_code": cell, "status": status}
            else:
                expect = {"status": cell, "history_len": 1 + len(events)}
            out.append(unit_case(f"unit-{status}-{name}", events, expect, S44))
    return out


def lifecycle_cases() -> list[Case]:
    rel = TO["released"]
    exp = "2026-12-13T23:59:00+05:30"  # SAGM red cells collected 1 Nov: day 0 + 42
    cases = [
        unit_case("unit-collected-expiry", [], {"status": "collected", "expires_at": exp, "history_len": 1, "event_codes": ["SHELF_LIFE"]},
                  "research/blood.md §2.1"),
        unit_case("unit-issue-at-expiry-refused", rel + [e(exp, "issue", patient="P")], {"error": "NotApplicable", "error_code": "UNIT_EXPIRED", "status": "released"}, "no path issues an expired unit"),
        unit_case("unit-issue-minute-before-expiry", rel + [e("2026-12-13T23:58:00+05:30", "issue", patient="P")], {"status": "issued"}, "the minute of expiry"),
        unit_case("unit-reserve-expired-refused", rel + [e(exp, "reserve", patient="P", until="2026-12-14T10:00:00+05:30")],
                  {"error": "NotApplicable", "error_code": "UNIT_EXPIRED", "status": "released"}, "issue 3: reserving an expired unit is refused"),
        unit_case("unit-discard-expired", rel + [e(exp, "discard", reason="expired")], {"status": "discarded", "discard_reason": "expired", "event_codes": ["DISCARDED"]}, S44),
        unit_case("unit-discard-expired-too-early", rel + [e(at(300), "discard", reason="expired")], {"error": "InvalidInput", "error_field": "reason", "status": "released"}, "input validation"),
        unit_case("unit-discard-other-text", rel + [e(at(300), "discard", reason={"other": "label torn"})], {"status": "discarded", "discard_reason": {"other": "label torn"}}, S44),
        unit_case("unit-discard-other-empty", rel + [e(at(300), "discard", reason={"other": " "})], {"error": "InvalidInput", "error_field": "reason"}, "input validation"),
        unit_case("unit-issue-wrong-patient", TO["crossmatched"] + [e(at(300), "issue", patient="P-2")], {"error": "NotApplicable", "error_code": "WRONG_PATIENT", "status": "crossmatched"}, "a hold is for one patient"),
        unit_case("unit-issue-after-hold-lapsed", TO["crossmatched"] + [e(UNTIL, "issue", patient="P-1")], {"error": "NotApplicable", "error_code": "RESERVATION_EXPIRED", "status": "crossmatched"}, "a hold lapses at its time"),
        unit_case("unit-status-at-hold-lapsed", TO["crossmatched"], {"status": "crossmatched", "status_at": "released", "reservation_patient": "P-1"}, "a lapsed hold counts as released", as_of=UNTIL),
        unit_case("unit-status-at-hold-live", TO["crossmatched"], {"status_at": "crossmatched"}, "a hold lapses at its time", as_of="2026-11-03T08:59:59+05:30"),
        unit_case("unit-reserve-until-not-after", rel + [e(at(300), "reserve", patient="P", until=at(300))], {"error": "InvalidInput", "error_field": "until"}, "input validation"),
        unit_case("unit-crossmatch-other-patient", TO["reserved"] + [e(at(300), "crossmatch", patient="P-9", until=UNTIL)], {"error": "NotApplicable", "error_code": "WRONG_PATIENT"}, "a hold is for one patient"),
        unit_case("unit-return-at-30-minutes", TO["issued"] + [e(at(270), "return")], {"status": "released", "event_codes": ["RETURNED_TO_STOCK"], "event_facts": {"RETURNED_TO_STOCK": {"minutes": "30", "limit": "30"}}},
                  "research/blood.md §2.3 (≤ 30 minutes)"),
        unit_case("unit-return-at-30-minutes-1-second", TO["issued"] + [e("2026-11-01T13:30:01+05:30", "return")],
                  {"status": "discarded", "discard_reason": "returned_too_late", "event_codes": ["RETURNED_TOO_LATE"], "event_facts": {"RETURNED_TOO_LATE": {"minutes": "31"}}}, "research/blood.md §2.3"),
        unit_case("unit-return-stated-30", TO["issued"] + [e(at(600), "return", minutes_out_of_storage=30)], {"status": "released"}, "research/blood.md §2.3"),
        unit_case("unit-return-stated-31", TO["issued"] + [e(at(260), "return", minutes_out_of_storage=31)], {"status": "discarded", "discard_reason": "returned_too_late"}, "research/blood.md §2.3"),
        unit_case("unit-return-kept-for-patient", TO["issued"] + [e(at(250), "return", keep_for_patient=True)], {"status": "returned", "reservation_patient": "P-1"}, "HL7 RL"),
        unit_case("unit-return-expired", TO["issued"] + [e("2026-12-14T00:10:00+05:30", "return", minutes_out_of_storage=5)], {"status": "discarded", "discard_reason": "expired"}, S44),
        unit_case("unit-return-reissue-same-patient", TO["returned"] + [e(at(300), "issue", patient="P-1")], {"status": "issued"}, "HL7 RL"),
        unit_case("unit-return-reissue-other-patient", TO["returned"] + [e(at(300), "issue", patient="P-2")], {"error": "NotApplicable", "error_code": "WRONG_PATIENT", "status": "returned"}, "HL7 RL"),
        unit_case("unit-event-out-of-order", rel + [e(at(100), "reserve", patient="P", until=UNTIL)], {"error": "NotApplicable", "error_code": "EVENT_OUT_OF_ORDER", "status": "released"}, "history is in time order"),
        unit_case("unit-reaction-needs-details", TO["issued"] + [e(at(300), "transfuse_with_reaction", details=" ")], {"error": "InvalidInput", "error_field": "details", "status": "issued"}, "input validation"),
        unit_case("unit-release-refused-lists-what-is-missing", [e(at(30), "quarantine"), e(at(60), "release")],
                  {"error": "NotApplicable", "error_code": "RELEASE_NOT_ALLOWED", "error_contains": "TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, GROUPING_NOT_CONFIRMED", "status": "quarantined"}, S42),
        unit_case("unit-release-event-explains", rel, {"status": "released", "event_codes": ["RELEASE_ALLOWED"]}, S42),
        unit_case("unit-wash-redates", TO["crossmatched"] + [e(at(300), "wash")], {"status": "crossmatched", "expires_at": "2026-11-02T14:00:00+05:30", "event_codes": ["REDATED"], "modifications": ["washed"]}, "21 CFR 610.53 open system 24 h (india, unverified)"),
        unit_case("unit-irradiate-late-keeps-expiry", rel + [e("2026-12-01T10:00:00+05:30", "irradiate")], {"expires_at": exp, "event_codes": ["REDATING_CANNOT_EXTEND"]}, "research/blood.md §2.1"),
        unit_case("unit-thaw-red-cells-refused", rel + [e(at(300), "thaw", storage="refrigerated")], {"error": "NotApplicable", "error_code": "NOT_FROZEN", "status": "released"}, "research/blood.md §2.1"),
        unit_case("unit-ffp-thaw", screen("AB+") + [e(at(120), "release"), e(at(300), "thaw", storage="refrigerated")], {"status": "released", "expires_at": "2026-11-02T14:00:00+05:30"},
                  "AABB thawed FFP 24 h (india, unverified)", coll=collection("DIN-P", FFP, "AB+")),
        unit_case("unit-ffp-fractionation", screen("AB+") + [e(at(120), "release"), e(at(300), "send_for_fractionation")], {"status": "fractionated"}, "research/blood.md §7 (surplus plasma)", coll=collection("DIN-P", FFP, "AB+")),
        unit_case("unit-repeat-negative-then-release", [e(at(30), "quarantine")] + [e(at(60), "record_test", marker=m, result="non_reactive") for m in INDIA_MARKERS if m != "hcv"]
                  + [e(at(60), "record_test", marker="hcv", result="initially_reactive"), e(at(90), "record_repeat", marker="hcv", first="non_reactive", second="non_reactive"),
                     e(at(100), "record_grouping", forward="O+", reverse="O"), e(at(120), "release")], {"status": "released"}, S42),
        unit_case("unit-record-after-final-refused", TO["quarantined"] + [e(at(200), "record_test", marker="hiv", result="non_reactive")],
                  {"error": "NotApplicable", "error_code": "RESULT_FINAL", "status": "quarantined"}, "a final result is final"),
        unit_case("unit-record-over-initial-reactive-refused", [e(at(30), "quarantine"), e(at(60), "record_test", marker="hiv", result="initially_reactive"), e(at(70), "record_test", marker="hiv", result="non_reactive")],
                  {"error": "NotApplicable", "error_code": "REPEAT_REQUIRED"}, "initially reactive needs a duplicate repeat"),
        unit_case("unit-repeat-without-initial-refused", [e(at(30), "quarantine"), e(at(60), "record_repeat", marker="hiv", first="non_reactive", second="non_reactive")],
                  {"error": "NotApplicable", "error_code": "REPEAT_WITHOUT_INITIAL_REACTIVE"}, "initially reactive needs a duplicate repeat"),
        unit_case("unit-bad-din", [], {"error": "InvalidInput", "error_field": "din"}, "input validation", coll=collection(" DIN")),
        unit_case("unit-din-with-slash", [], {"error": "InvalidInput", "error_field": "din"}, "'/' separates the DIN from the division", coll=collection("A/B0")),
        unit_case("unit-lapsed-hold-reserved-for-another", TO["crossmatched"] + [e(UNTIL, "reserve", patient="P-2", until="2026-11-04T09:00:00+05:30")],
                  {"status": "reserved", "reservation_patient": "P-2"}, "a lapsed hold frees the unit"),
        unit_case("unit-lapsed-hold-issued-to-another", TO["crossmatched"] + [e(UNTIL, "issue", patient="P-2")],
                  {"status": "issued", "reservation_patient": "P-2"}, "a lapsed hold frees the unit"),
        unit_case("unit-lapsed-hold-recrossmatched", TO["crossmatched"] + [e(UNTIL, "crossmatch", patient="P-1", until="2026-11-04T09:00:00+05:30")],
                  {"status": "crossmatched"}, "the same patient is crossmatched again"),
        unit_case("unit-live-hold-refuses-another", TO["reserved"] + [e("2026-11-03T08:59:00+05:30", "reserve", patient="P-2", until="2026-11-04T09:00:00+05:30")],
                  {"error": "NotApplicable", "error_code": "INVALID_TRANSITION", "status": "reserved"}, "a live hold is for one patient"),
        unit_case("unit-transfused-after-expiry-recorded", TO["issued"] + [e("2026-12-14T08:00:00+05:30", "transfuse")],
                  {"status": "transfused", "event_codes": ["TRANSFUSED_AFTER_EXPIRY"]}, "history is what happened; flagged for follow-up"),
        unit_case("unit-transfused-in-date", TO["issued"] + [e(at(300), "transfuse")], {"status": "transfused", "event_codes": []}, S44),
        unit_case("unit-record-not-tested-refused", [e(at(30), "quarantine"), e(at(60), "record_test", marker="hiv", result="not_tested")],
                  {"error": "InvalidInput", "error_field": "result", "status": "quarantined"}, "not_tested is the absence of a result"),
        unit_case("unit-zero-volume", [], {"error": "InvalidInput", "error_field": "volume_ml"}, "input validation", coll=collection(volume_ml=0)),
    ]
    return cases


def verdict(id_: str, events: list[dict[str, Any]], as_of: str, expect: dict[str, Any], source: str,
            coll: dict[str, Any] | None = None, policy: Any = None) -> Case:
    inp: dict[str, Any] = {"collection": coll or collection(), "events": events, "as_of": as_of}
    if policy is not None:
        inp["policy"] = policy
    return {"id": id_, "op": "release_verdict", "input": inp, "expect": expect, "source": source}


def verdict_cases() -> list[Case]:
    q = [e(at(30), "quarantine")]
    tests = lambda markers, result="non_reactive": [e(at(60), "record_test", marker=m, result=result) for m in markers]  # noqa: E731
    grp = lambda fwd="O+", rev="O", hist=None: [e(at(70), "record_grouping", forward=fwd, reverse=rev, **({"historical": hist} if hist else {}))]  # noqa: E731
    now = at(120)
    us_c = collection(collected_at=T0)
    return [
        verdict("release-nothing-done", q, now, {"releasable": False, "codes": ["TTI_NOT_TESTED"] * 5 + ["GROUPING_NOT_CONFIRMED"],
                "facts": {"GROUPING_NOT_CONFIRMED": {"missing": "forward_and_reverse"}}}, S42),
        verdict("release-all-done", q + tests(INDIA_MARKERS) + grp(), now, {"releasable": True, "codes": ["RELEASE_ALLOWED"]}, S42),
        verdict("release-malaria-missing", q + tests(INDIA_MARKERS[:4]) + grp(), now, {"releasable": False, "codes": ["TTI_NOT_TESTED"], "facts": {"TTI_NOT_TESTED": {"marker": "malaria"}}}, S41),
        verdict("release-awaiting-repeat", q + tests(INDIA_MARKERS[:4]) + [e(at(60), "record_test", marker="malaria", result="initially_reactive")] + grp(), now,
                {"releasable": False, "codes": ["TTI_AWAITING_REPEAT"]}, S42),
        verdict("release-reactive-comes-first", q + [e(at(60), "record_test", marker="hbsag", result="repeat_reactive")] + grp(), now,
                {"releasable": False, "codes": ["TTI_REACTIVE", "TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED"],
                 "facts": {"TTI_REACTIVE": {"marker": "hbsag", "result": "repeat_reactive"}}}, S42),
        verdict("release-indeterminate-is-reactive", q + tests(INDIA_MARKERS[1:]) + [e(at(60), "record_test", marker="hiv", result="indeterminate")] + grp(), now,
                {"releasable": False, "codes": ["TTI_REACTIVE"], "facts": {"TTI_REACTIVE": {"result": "indeterminate"}}}, "issue 3: indeterminate discards"),
        verdict("release-optional-marker-reactive", q + tests(INDIA_MARKERS) + [e(at(60), "record_test", marker="hiv_nat", result="repeat_reactive")] + grp(), now,
                {"releasable": False, "codes": ["TTI_REACTIVE"], "facts": {"TTI_REACTIVE": {"marker": "hiv_nat"}}}, S42),
        verdict("release-reverse-missing", q + tests(INDIA_MARKERS) + [e(at(70), "record_grouping", forward="O+")], now,
                {"releasable": False, "codes": ["GROUPING_NOT_CONFIRMED"], "facts": {"GROUPING_NOT_CONFIRMED": {"missing": "reverse"}}}, S42),
        verdict("release-rhd-missing", q + tests(INDIA_MARKERS) + grp("O", "O"), now,
                {"releasable": False, "codes": ["GROUPING_NOT_CONFIRMED"], "facts": {"GROUPING_NOT_CONFIRMED": {"missing": "rhd"}}}, S42),
        verdict("release-bombay-discrepancy", q + tests(INDIA_MARKERS) + grp("O+", "Oh"), now,
                {"releasable": False, "codes": ["GROUPING_FORWARD_REVERSE_MISMATCH"], "facts": {"GROUPING_FORWARD_REVERSE_MISMATCH": {"forward": "O+", "reverse": "Oh"}}},
                "research/blood.md §1.9 (Bombay reads as O on forward typing)"),
        verdict("release-label-mismatch", q + tests(INDIA_MARKERS) + grp("A+", "A"), now,
                {"releasable": False, "codes": ["GROUPING_LABEL_MISMATCH"], "facts": {"GROUPING_LABEL_MISMATCH": {"label": "O+", "forward": "A+"}}}, S42),
        verdict("release-history-mismatch", q + tests(INDIA_MARKERS) + grp(hist="O-"), now,
                {"releasable": False, "codes": ["GROUPING_HISTORY_MISMATCH"]}, "research/blood.md §4.2 (matches the donor's historical group)"),
        verdict("release-history-match", q + tests(INDIA_MARKERS) + grp(hist="O+"), now, {"releasable": True}, S42),
        verdict("release-weak-d-forward", q + tests(INDIA_MARKERS) + grp("O+ weak D"), now, {"releasable": True}, "research/blood.md §1.10"),
        verdict("release-expired", q + tests(INDIA_MARKERS) + grp(), "2026-12-13T23:59:00+05:30",
                {"releasable": False, "codes": ["UNIT_EXPIRED"], "facts": {"UNIT_EXPIRED": {"expires_at": "2026-12-13T23:59:00+05:30"}}}, S42),
        verdict("release-one-second-before-expiry", q + tests(INDIA_MARKERS) + grp(), "2026-12-13T23:58:59+05:30", {"releasable": True}, S42),
        verdict("release-uk-needs-nat", q + tests(INDIA_MARKERS) + grp(), now,
                {"releasable": False, "codes": ["TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED"]}, "JPAC Handbook §3.2.1", policy="uk"),
        verdict("release-uk-complete", q + tests(UK_MARKERS) + grp(), now, {"releasable": True}, "JPAC Handbook §3.2.1", policy="uk"),
        verdict("release-us-repeat-donor", q + tests(US_MARKERS) + grp(), now, {"releasable": True}, "21 CFR 610.40", coll=us_c, policy="us"),
        verdict("release-us-first-donation-needs-chagas", q + tests(US_MARKERS) + grp(), now,
                {"releasable": False, "codes": ["TTI_NOT_TESTED"], "facts": {"TTI_NOT_TESTED": {"marker": "chagas"}}}, "CDC: anti-T. cruzi for first-time donors",
                coll=collection(first_donation=True), policy="us"),
        verdict("release-us-first-donation-complete", q + tests(US_MARKERS + ["chagas"]) + grp(), now, {"releasable": True}, "CDC",
                coll=collection(first_donation=True), policy="us"),
        verdict("release-policy-adds-nat", q + tests(INDIA_MARKERS) + grp(), now,
                {"releasable": False, "codes": ["TTI_NOT_TESTED"], "facts": {"TTI_NOT_TESTED": {"marker": "hiv_nat"}}}, "a centre that NAT-tests every unit",
                policy={"name": "nat-centre", "extends": "india", "screening": {"mandatory_markers": INDIA_MARKERS + ["hiv_nat"]}}),
    ]


def hl7_cases() -> list[Case]:
    out: list[Case] = []
    to_code = {"released": "CR", "reserved": "RS", "crossmatched": "RD", "issued": "DS", "transfused": "TX",
               "transfused_with_reaction": "TR", "returned": "RL", "discarded": "WA",
               "collected": None, "quarantined": None, "fractionated": None, "processed": None}
    for status, code in to_code.items():
        out.append({"id": f"hl7-from-{status}", "op": "unit_hl7", "input": {"status": status}, "expect": {"code": code}, "source": S44})
    from_code = {"CR": "released", "RE": "released", "RA": "released", "RI": "reserved", "RS": "reserved", "RD": "crossmatched",
                 "RQ": "crossmatched", "DS": "issued", "PT": "issued", "RL": "returned", "WA": "discarded", "TX": "transfused",
                 "TR": "transfused_with_reaction"}
    for code, status in from_code.items():
        out.append({"id": f"hl7-to-{code}", "op": "unit_hl7", "input": {"code": code}, "expect": {"status": status}, "source": S44})
    out.append({"id": "hl7-unknown", "op": "unit_hl7", "input": {"code": "XX"}, "expect": {"error": "InvalidInput"}, "source": S44})
    return out


def reactive_cases() -> list[Case]:
    reactive = [e(at(30), "quarantine"), e(at(60), "record_test", marker="hbsag", result="initially_reactive"),
                e(at(90), "record_repeat", marker="hbsag", first="repeat_reactive", second="non_reactive")]
    old = {"collection": collection("DIN-OLD", collected_at="2026-10-15T09:00:00+05:30"), "events": screen() + [e(at(120), "release")]}
    other_donor = {"collection": collection("DIN-X", collected_at="2026-10-15T09:00:00+05:30", donor_id="D-2"), "events": screen() + [e(at(120), "release")]}
    ffp = {"collection": collection("DIN-NEW", FFP, division="A0"), "events": []}
    issued_plt = {"collection": collection("DIN-NEW", {"component": "platelets", "platelet_source": "random_donor"}, division="B0"),
                  "events": screen() + [e(at(120), "release"), e(at(130), "issue", patient="P-7")]}
    me = {"collection": collection("DIN-NEW"), "events": reactive}
    return [
        {"id": "reactive-discards-refers-looks-back", "op": "handle_reactive",
         "input": {"unit": me, "stock": [old, other_donor, me, ffp, issued_plt], "at": at(120)},
         "expect": {"discarded": ["DIN-NEW", "DIN-NEW/A0"], "not_discarded": ["DIN-NEW/B0"], "lookback": ["DIN-OLD"],
                    "markers": ["hbsag"], "referral_date": "2026-11-01", "deferral_markers": ["hbsag"], "donor_id": "D-1",
                    "discard_reason": "tti_reactive"},
         "source": "issue 3; research/blood.md §4.2 (discard, donor referral, look-back)"},
        {"id": "reactive-needs-a-reactive-result", "op": "handle_reactive",
         "input": {"unit": {"collection": collection("DIN-NEW"), "events": [e(at(30), "quarantine")]}, "stock": [], "at": at(120)},
         "expect": {"error": "NotApplicable", "error_code": "NO_REACTIVE_RESULT"}, "source": "issue 3"},
        {"id": "reactive-date-in-facility-time", "op": "handle_reactive",
         "input": {"unit": me, "stock": [], "at": "2026-11-01T19:00:00+00:00"},
         "expect": {"referral_date": "2026-11-02", "discarded": ["DIN-NEW"], "lookback": []}, "source": "time is facility-local"},
    ]


def uk_screened(group: str) -> list[dict[str, Any]]:
    """Quarantine, the UK markers non-reactive, grouping and release, at explicit UTC times."""
    return ([e("2026-11-01T10:00:00+00:00", "quarantine")]
            + [e("2026-11-01T11:00:00+00:00", "record_test", marker=m, result="non_reactive") for m in UK_MARKERS]
            + [e("2026-11-01T11:00:00+00:00", "record_grouping", forward=group, reverse=group.rstrip("+-")),
               e("2026-11-01T12:00:00+00:00", "release")])


def split_pool_cases() -> list[Case]:
    rel = TO["released"]
    return [
        {"id": "split-three-parts", "op": "split_unit", "input": {"collection": collection(), "events": rel, "volumes_ml": [100, 90, 80], "at": at(300)},
         "expect": {"parent_status": "processed", "children": ["DIN-1/A0", "DIN-1/B0", "DIN-1/C0"], "volumes": [100, 90, 80],
                    "child_status": "released", "child_expires_at": "2026-12-13T23:59:00+05:30"}, "source": "ISBT 128 divisions (research/blood.md §5.4)"},
        {"id": "split-second-level", "op": "split_unit",
         "input": {"collection": collection(division="C0"), "events": rel, "volumes_ml": [50, 50], "at": at(300)},
         "expect": {"children": ["DIN-1/Ca", "DIN-1/Cb"]}, "source": "ISBT 128 divisions"},
        {"id": "split-too-much-volume", "op": "split_unit", "input": {"collection": collection(), "events": rel, "volumes_ml": [200, 100], "at": at(300)},
         "expect": {"error": "InvalidInput", "error_field": "volumes_ml"}, "source": "input validation"},
        {"id": "split-one-part", "op": "split_unit", "input": {"collection": collection(), "events": rel, "volumes_ml": [280], "at": at(300)},
         "expect": {"error": "InvalidInput", "error_field": "volumes_ml"}, "source": "input validation"},
        {"id": "split-issued-refused", "op": "split_unit", "input": {"collection": collection(), "events": TO["issued"], "volumes_ml": [100, 100], "at": at(300)},
         "expect": {"error": "NotApplicable", "error_code": "INVALID_TRANSITION"}, "source": S44},
        {"id": "pool-uk-platelets", "op": "pool_units",
         "input": {"policy": "uk", "pool_din": "POOL-1", "at": "2026-11-02T10:00:00+00:00",
                   "units": [{"collection": collection("P1", {"component": "platelets", "platelet_source": "random_donor"}, "A+", "2026-11-01T09:00:00+00:00"),
                              "events": uk_screened("A+")},
                             {"collection": collection("P2", {"component": "platelets", "platelet_source": "random_donor"}, "A+", "2026-11-01T09:30:00+00:00"),
                              "events": uk_screened("A+")}]},
         "expect": {"pool_status": "released", "constituent_status": "processed", "volume_ml": 560, "expires_at": "2026-11-02T16:00:00+00:00", "parents": ["P1", "P2"]},
         "source": "research/blood.md §2.1 (UK open-system pools within 6 h)"},
        {"id": "pool-mixed-groups-refused", "op": "pool_units",
         "input": {"pool_din": "POOL-2", "at": at(600),
                   "units": [{"collection": collection("F1", FFP, "A+"), "events": screen("A+") + [e(at(120), "release")]},
                             {"collection": collection("F2", FFP, "B+"), "events": screen("B+") + [e(at(120), "release")]}]},
         "expect": {"error": "InvalidInput", "error_field": "units[1]"}, "source": "transfusion.com.au: plasma of different groups is not pooled (research/blood.md §1.4)"},
        {"id": "pool-same-unit-twice-refused", "op": "pool_units",
         "input": {"pool_din": "POOL-4", "at": at(600),
                   "units": [{"collection": collection("F1", FFP, "A+"), "events": screen("A+") + [e(at(120), "release")]},
                             {"collection": collection("F1", FFP, "A+"), "events": screen("A+") + [e(at(120), "release")]}]},
         "expect": {"error": "InvalidInput", "error_field": "units[1]"}, "source": "a unit is pooled once"},
        {"id": "pool-red-cells-refused", "op": "pool_units",
         "input": {"pool_din": "POOL-5", "at": at(600),
                   "units": [{"collection": collection("R1"), "events": TO["released"]},
                             {"collection": collection("R2"), "events": TO["released"]}]},
         "expect": {"error": "NotApplicable", "error_code": "NOT_POOLABLE"}, "source": "red cells are not pooled for transfusion"},
        {"id": "pool-units-one-unit-refused", "op": "pool_units",
         "input": {"pool_din": "POOL-6", "at": at(600),
                   "units": [{"collection": collection("F1", FFP, "A+"), "events": screen("A+") + [e(at(120), "release")]}]},
         "expect": {"error": "InvalidInput", "error_field": "units"}, "source": "a pool needs at least two units"},
        {"id": "pool-unreleased-refused", "op": "pool_units",
         "input": {"pool_din": "POOL-3", "at": at(600),
                   "units": [{"collection": collection("F1", FFP, "A+"), "events": screen("A+") + [e(at(120), "release")]},
                             {"collection": collection("F2", FFP, "A+"), "events": [e(at(30), "quarantine")]}]},
         "expect": {"error": "NotApplicable", "error_code": "INVALID_TRANSITION"}, "source": "only screened units are pooled"},
    ]


FILES: dict[str, tuple[str, Any]] = {
    "units.json": ("Unit lifecycle: every status x event, holds, returns, modifications, HL7 codes, reactive results, split and pool.",
                   lambda: transition_cases() + lifecycle_cases() + hl7_cases() + reactive_cases() + split_pool_cases()),
    "screening.json": ("Release verdicts: markers per profile, repeat in duplicate, grouping, expiry.", verdict_cases),
}
