"""Obstetric early-warning vectors: the MEOWS-style chart and the aggregate-score profile
(early_warning), the shock index, the ICMR PPH red flags and the PPH classification.

Expectations come from a reference model written here from research/maternal.md §2 (the band
table of §2.1, Nathan 2015/2016 for the shock index, the ICMR STW red flags, RCOG GTG 52 and
Chavan 2013 for PPH), not from rakt.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

Case = dict[str, Any]
S21 = "research/maternal.md §2.1 (MEOWS bands, one red or two yellows; weak provenance)"
S21S = "research/maternal.md §2.1 (aggregate-weighted MEOWS; other signs scored from the chart, unverified)"
S22 = "research/maternal.md §2.2 (ICMR STW PPH red flags; tachypnoea rate unverified)"
S23 = "research/maternal.md §2.3 (shock index 0.9 and 1.7, Nathan 2015/2016)"
S24 = "research/maternal.md §2.4 (RCOG GTG 52; caesarean > 1000 mL, massive > 1500 mL, Chavan 2013; ICMR STW)"

SIGNS = ["respiratory_rate", "spo2", "temperature_c", "systolic_bp", "diastolic_bp", "heart_rate", "consciousness"]
# (red test, yellow test) per sign, from the §2.1 table.
CHART = {
    "respiratory_rate": (lambda x: x < 10 or x > 30, lambda x: x > 20),
    "spo2": (lambda x: x < 95, lambda x: False),
    "temperature_c": (lambda x: x < 35 or x > 38, lambda x: x < 36 or x > Decimal("37.4")),
    "systolic_bp": (lambda x: x < 90 or x > 160, lambda x: x < 100 or x > 150),
    "diastolic_bp": (lambda x: x > 100, lambda x: x > 90),
    "heart_rate": (lambda x: x < 40 or x > 120, lambda x: x < 50 or x > 100),
}


def sbp_points(x: Decimal) -> int:
    if x <= 90 or x >= 160:
        return 3
    if x >= 150 or x <= 100:
        return 2
    if x >= 140:
        return 1
    return 0


def expected(vitals: dict[str, Any], mode: str) -> dict[str, Any]:
    bands: dict[str, str] = {}
    total = 0
    single = False
    for sign in SIGNS:
        if sign not in vitals:
            bands[sign] = "not_assessed"
            continue
        if sign == "consciousness":
            band = "green" if vitals[sign] == "alert" else "red"
            points = 0 if vitals[sign] == "alert" else 3
        else:
            x = Decimal(str(vitals[sign]))
            red, yellow = CHART[sign]
            band = "red" if red(x) else ("yellow" if yellow(x) else "green")
            if sign == "systolic_bp":
                points = sbp_points(x)
            else:
                points = {"red": 3, "yellow": 1, "green": 0}[band]
        bands[sign] = band
        total += points
        single = single or points >= 3
    reds = sum(1 for b in bands.values() if b == "red")
    yellows = sum(1 for b in bands.values() if b == "yellow")
    if mode == "chart":
        level = "red" if reds >= 1 else ("yellow" if yellows >= 2 else "green")
        score = None
    else:
        level = "red" if single or total >= 5 else ("yellow" if total >= 3 else "green")
        score = total
    if all(b == "not_assessed" for b in bands.values()):
        level = "not_assessed"
    return {"triggered": level in ("red", "yellow"), "level": level, "bands": bands, "reds": reds,
            "yellows": yellows, "score": score}


def ews_cases() -> list[Case]:
    out: list[Case] = []

    def add(cid: str, vitals: dict[str, Any], policy: str = "india") -> None:
        mode = "score" if policy == "india_meows_score" else "chart"
        doc = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in vitals.items()}
        out.append({"id": f"ews-{cid}", "op": "early_warning", "source": S21S if mode == "score" else S21,
                    "input": {"vitals": doc, "policy": policy}, "expect": expected(vitals, mode)})

    edges = {
        "respiratory_rate": [9, 10, 20, 21, 30, 31],
        "spo2": [94, 95, 100],
        "temperature_c": [Decimal("34.9"), Decimal("35.0"), Decimal("35.9"), Decimal("36.0"), Decimal("37.4"),
                          Decimal("37.5"), Decimal("38.0"), Decimal("38.1")],
        "systolic_bp": [89, 90, 99, 100, 140, 149, 150, 151, 159, 160, 161],
        "diastolic_bp": [90, 91, 100, 101],
        "heart_rate": [39, 40, 49, 50, 100, 101, 120, 121],
        "consciousness": ["alert", "voice", "pain", "unresponsive"],
    }
    for policy in ["india", "india_meows_score"]:
        for sign, values in edges.items():
            for v in values:
                # Diastolic alone needs no systolic; systolic alone is fine too.
                add(f"{policy}-{sign}-{v}", {sign: v}, policy)
    combos = [
        ("one-yellow", {"heart_rate": 101, "systolic_bp": 120}),
        ("two-yellows", {"heart_rate": 101, "respiratory_rate": 21}),
        ("one-red", {"spo2": 94, "heart_rate": 80}),
        ("red-and-yellow", {"heart_rate": 125, "temperature_c": Decimal("37.6")}),
        ("all-normal", {"respiratory_rate": 16, "spo2": 98, "temperature_c": Decimal("36.8"), "systolic_bp": 118,
                        "diastolic_bp": 76, "heart_rate": 84, "consciousness": "alert"}),
        ("score-four", {"heart_rate": 101, "respiratory_rate": 21, "systolic_bp": 100}),
        ("score-five", {"heart_rate": 101, "respiratory_rate": 21, "diastolic_bp": 91, "systolic_bp": 150}),
        ("nothing", {}),
    ]
    for cid, v in combos:
        for policy in ["india", "india_meows_score"]:
            add(f"{policy}-{cid}", v, policy)
    out.append({"id": "ews-error-spo2", "op": "early_warning", "source": "rakt: implausible input",
                "input": {"vitals": {"spo2": 101}, "policy": "india"},
                "expect": {"error": "InvalidInput", "error_field": "spo2"}})
    out.append({"id": "ews-error-diastolic", "op": "early_warning", "source": "rakt: implausible input",
                "input": {"vitals": {"systolic_bp": 80, "diastolic_bp": 80}, "policy": "india"},
                "expect": {"error": "InvalidInput", "error_field": "diastolic_bp"}})
    return out


def si_cases() -> list[Case]:
    out: list[Case] = []
    for hr, sbp in [(89, 100), (90, 100), (98, 109), (99, 110), (66, 100), (169, 100), (170, 100), (171, 100),
                    (120, 80), (140, 82), (45, 90), (200, 100)]:
        exact = Decimal(hr) / Decimal(sbp)
        value = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out.append({"id": f"si-{hr}-{sbp}", "op": "shock_index", "source": S23,
                    "input": {"heart_rate": hr, "systolic_bp": sbp},
                    "expect": {"value": str(value), "alert": hr >= Decimal("0.9") * sbp,
                               "high": hr >= Decimal("1.7") * sbp}})
    for cid, hr, sbp, field in [("sbp-zero", 90, 0, "systolic_bp"), ("hr-zero", 0, 100, "heart_rate"),
                                ("hr-absurd", 400, 100, "heart_rate")]:
        out.append({"id": f"si-error-{cid}", "op": "shock_index", "source": "rakt: implausible input",
                    "input": {"heart_rate": hr, "systolic_bp": sbp},
                    "expect": {"error": "InvalidInput", "error_field": field}})
    return out


def red_flag_cases() -> list[Case]:
    out: list[Case] = []

    def add(cid: str, vitals: dict[str, Any], messages: dict[str, list[str]] | None = None) -> None:
        codes = []
        if vitals.get("heart_rate", 0) > 120:
            codes.append("tachycardia")
        if "systolic_bp" in vitals and vitals["systolic_bp"] < 100:
            codes.append("hypotension")
        if "spo2" in vitals and vitals["spo2"] < 95:
            codes.append("hypoxia")
        if vitals.get("respiratory_rate", 0) > 20:
            codes.append("tachypnoea")
        if vitals.get("consciousness", "alert") != "alert":
            codes.append("sensorium")
        expect: dict[str, Any] = {"codes": codes}
        if messages:
            expect["messages"] = messages
        out.append({"id": f"redflag-{cid}", "op": "pph_red_flags", "source": S22,
                    "input": {"vitals": vitals}, "expect": expect})

    add("none-at-edges", {"heart_rate": 120, "systolic_bp": 100, "diastolic_bp": 60, "spo2": 95,
                          "respiratory_rate": 20, "consciousness": "alert"})
    add("pulse-121", {"heart_rate": 121}, {"tachycardia": ["Pulse 121/min (> 120): red flag.",
                                                          "नाड़ी 121/मिनट (> 120): खतरे का संकेत।"]})
    add("sbp-99", {"systolic_bp": 99, "diastolic_bp": 60},
        {"hypotension": ["Systolic blood pressure 99 mmHg (< 100): red flag.",
                         "सिस्टोलिक रक्तचाप 99 mmHg (< 100): खतरे का संकेत।"]})
    add("spo2-94", {"spo2": 94})
    add("rr-21", {"respiratory_rate": 21})
    add("voice", {"consciousness": "voice"},
        {"sensorium": ["Consciousness responds to voice only: deteriorating sensorium, red flag.",
                       "चेतना केवल आवाज़ पर प्रतिक्रिया: होश में गिरावट, खतरे का संकेत।"]})
    add("all", {"heart_rate": 130, "systolic_bp": 80, "diastolic_bp": 50, "spo2": 90, "respiratory_rate": 28,
                "consciousness": "unresponsive"})
    add("nothing-measured", {})
    return out


def pph_cases() -> list[Case]:
    out: list[Case] = []

    def expect(ml: int, mode: str, hours: int, deranged: bool) -> dict[str, Any]:
        by_volume = ml >= 500 if mode == "vaginal" else ml > 1000
        pph = by_volume or deranged
        if not pph:
            severity = "none"
        elif ml > 2000:
            severity = "severe"
        elif ml > 1000:
            severity = "moderate"
        elif ml >= 500:
            severity = "minor"
        else:
            severity = "below_minor"
        return {"pph": pph, "severity": severity, "major": severity in ("moderate", "severe"),
                "massive": pph and ml > 1500, "timing": "primary" if hours <= 24 else "secondary"}

    for ml in [499, 500, 501, 999, 1000, 1001, 1499, 1500, 1501, 1999, 2000, 2001, 3500]:
        out.append({"id": f"pph-vaginal-{ml}", "op": "classify_pph", "source": S24,
                    "input": {"blood_loss_ml": ml, "mode": "vaginal", "hours_after_birth": 1,
                              "vitals_deranged": False},
                    "expect": expect(ml, "vaginal", 1, False)})
    for ml in [800, 1000, 1001, 1600, 2500]:
        out.append({"id": f"pph-caesarean-{ml}", "op": "classify_pph", "source": S24,
                    "input": {"blood_loss_ml": ml, "mode": "caesarean", "hours_after_birth": 1,
                              "vitals_deranged": False},
                    "expect": expect(ml, "caesarean", 1, False)})
    for ml, mode in [(300, "vaginal"), (800, "caesarean"), (0, "vaginal")]:
        out.append({"id": f"pph-deranged-{mode}-{ml}", "op": "classify_pph", "source": S24,
                    "input": {"blood_loss_ml": ml, "mode": mode, "hours_after_birth": 3, "vitals_deranged": True},
                    "expect": expect(ml, mode, 3, True)})
    for hours in [0, 24, 25, 2016]:
        out.append({"id": f"pph-timing-{hours}h", "op": "classify_pph", "source": S24,
                    "input": {"blood_loss_ml": 700, "mode": "vaginal", "hours_after_birth": hours,
                              "vitals_deranged": False},
                    "expect": expect(700, "vaginal", hours, False)})
    for cid, inp, field in [("after-12-weeks", {"blood_loss_ml": 700, "hours_after_birth": 2017}, "hours_after_birth"),
                            ("absurd-loss", {"blood_loss_ml": 25000, "hours_after_birth": 1}, "blood_loss_ml")]:
        out.append({"id": f"pph-error-{cid}", "op": "classify_pph", "source": "rakt: outside the definitions",
                    "input": {**inp, "mode": "vaginal", "vitals_deranged": False},
                    "expect": {"error": "InvalidInput", "error_field": field}})
    return out


FILES = {
    "early_warning.json": ("Obstetric early warning (chart and score), shock index, ICMR PPH red flags and PPH "
                           "classification", lambda: ews_cases() + si_cases() + red_flag_cases() + pph_cases()),
}
