"""High-risk pregnancy vectors (assess_pregnancy) and blood-readiness vectors (blood_readiness).

The expected values come from a small reference model written here from research/maternal.md
(§1 thresholds and conflicts, §4 gestation, §5.2 CMQCC tiers, §6.3 routing), not by calling
rakt: each cut-off is written out literally per profile with its boundary (< or <=), so a
vector fails when the library's boundary or profile differs from the sources.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from gen_units import RBC, collection, e

Case = dict[str, Any]
AS_OF = date(2026, 11, 23)
S1 = "research/maternal.md §1.3-§1.5, §8 (HRP cut-offs per profile)"
S15 = ("research/maternal.md §1.5 (WHO ANC DAK ANC.DT.17: the same component raised on both readings; a severe "
       "symptom is severe pre-eclampsia whatever the protein; chronic before 20+0 weeks; rakt's reading of the "
       "table's inconsistency)")
S_UK_HB = ("research/maternal.md §1.5 (RCOG Green-top 47: Hb < 11.0 g/dL first trimester, < 10.5 second and third; "
           "no severity bands); ICD-10-CM trimesters (second from 14+0, third from 28+0)")
S_US_HB = ("CDC MMWR 1998;47(RR-3) as adopted by ACOG PB 95/233: Hb < 11.0 first trimester, < 10.5 second, "
           "< 11.0 third; no severity bands; ICD-10-CM trimesters")
S_GDM = "NICE NG3 (UK) and US OGTTs need a fasting value the record lacks: GDM not configured; DIPSI is India's"
S16 = "research/maternal.md §1.6 (WHO ANC DAK danger signs)"
S52 = "research/maternal.md §5.2 (CMQCC tiers: high ⇒ crossmatch 2, medium ⇒ group and screen)"
S63 = "research/maternal.md §6.3 (derived routing; rakt's table)"
S4 = "research/maternal.md §4 (post-term ≥ 42+0)"
READY = "research/maternal.md §5.2 with research/blood.md (allocation rules); units valid through the due date"

# Flag codes in declaration order (the order of flags of equal severity).
ORDER = [
    "YOUNG_AGE", "OLD_AGE", "SHORT_STATURE", "LOW_WEIGHT", "GRAND_MULTIPARITY", "SHORT_BIRTH_INTERVAL",
    "PREVIOUS_CAESAREAN", "PREVIOUS_STILLBIRTH", "PREVIOUS_NEONATAL_DEATH", "RECURRENT_ABORTION",
    "PREVIOUS_PPH", "MULTIPLE_PREGNANCY", "MALPRESENTATION", "POST_TERM", "PLACENTA_PRAEVIA",
    "SUSPECTED_ACCRETA", "OBSTETRIC_CONDITION", "RAISED_BP_UNCONFIRMED", "CHRONIC_HYPERTENSION",
    "GESTATIONAL_HYPERTENSION", "SEVERE_HYPERTENSION", "PRE_ECLAMPSIA", "SEVERE_PRE_ECLAMPSIA",
    "ECLAMPSIA", "SEVERE_ANAEMIA", "GDM", "HIV_POSITIVE", "SYPHILIS_POSITIVE", "HBSAG_POSITIVE",
    "THYROID_DISORDER", "RH_NEGATIVE", "COAGULOPATHY", "MEDICAL_CONDITION", "VAGINAL_BLEEDING",
    "ANTEPARTUM_HAEMORRHAGE", "DANGER_SIGN", "NEEDS_HIGH_DEPENDENCY", "NEEDS_INTENSIVE_CARE",
]
EMERGENCY = {"ECLAMPSIA", "VAGINAL_BLEEDING", "ANTEPARTUM_HAEMORRHAGE", "DANGER_SIGN",
             "NEEDS_HIGH_DEPENDENCY", "NEEDS_INTENSIVE_CARE"}
LEVELS = ["l1", "l2", "l3", "dh_hdu", "mc_icu"]
URGENCY = ["planned", "urgent", "emergency"]
L3_PLANNED = {"PREVIOUS_CAESAREAN", "MULTIPLE_PREGNANCY", "MALPRESENTATION", "PLACENTA_PRAEVIA",
              "SUSPECTED_ACCRETA", "COAGULOPATHY", "PREVIOUS_PPH", "SEVERE_ANAEMIA", "PRE_ECLAMPSIA"}
ROUTE = {c: ("l2", "planned") for c in ORDER}
ROUTE.update({c: ("l3", "planned") for c in L3_PLANNED})
ROUTE.update({
    "SEVERE_HYPERTENSION": ("l3", "urgent"), "SEVERE_PRE_ECLAMPSIA": ("l3", "urgent"),
    "ECLAMPSIA": ("l3", "emergency"), "VAGINAL_BLEEDING": ("l2", "emergency"),
    "ANTEPARTUM_HAEMORRHAGE": ("l3", "emergency"), "DANGER_SIGN": ("l3", "emergency"),
    "NEEDS_HIGH_DEPENDENCY": ("dh_hdu", "emergency"), "NEEDS_INTENSIVE_CARE": ("mc_icu", "emergency"),
})

# Cut-offs per profile: (flag test on the value).
PROFILES: dict[str, dict[str, Any]] = {
    "india": {
        "young": lambda a: a < 18, "old": lambda a: a > 35, "short": lambda h: h < 140,
        "low_weight": None, "multi": ("parity", lambda n: n > 3), "severe_hb": lambda hb: hb <= 7,
    },
    "india_flw": {
        "young": lambda a: a < 18, "old": lambda a: a > 35, "short": lambda h: h < 140,
        "low_weight": None, "multi": ("parity", lambda n: n > 3), "severe_hb": lambda hb: hb < 7,
    },
    "india_openchs": {
        "young": lambda a: a < 18, "old": lambda a: a > 30, "short": lambda h: h <= 145,
        "low_weight": lambda w: w <= 35, "multi": ("gravida", lambda n: n >= 5), "severe_hb": lambda hb: hb < 7,
    },
}
# uk and us keep india's other cut-offs but have their own anaemia lines (by trimester: first
# from 0, second from 14+0, third from 28+0 weeks), no severity bands and no GDM rule.
PROFILES["us"] = dict(PROFILES["india"], severe_hb=None, moderate_hb=None, gdm=None,
                      anaemia_by_trimester=(Decimal("11.0"), Decimal("10.5"), Decimal("11.0")))
PROFILES["uk"] = dict(PROFILES["india"], severe_hb=None, moderate_hb=None, gdm=None,
                      anaemia_by_trimester=(Decimal("11.0"), Decimal("10.5"), Decimal("10.5")))
for _india in ("india", "india_flw", "india_openchs"):
    PROFILES[_india].update(moderate_hb=lambda hb: hb < 10, gdm=lambda g: g >= 140,
                            anaemia_by_trimester=(Decimal(11), Decimal(11), Decimal(11)))

OBSTETRIC = {"large_fibroids", "previous_uterine_surgery", "chorioamnionitis", "polyhydramnios",
             "oligohydramnios", "bad_obstetric_history", "previous_home_delivery"}
MEDICAL = {"heart_disease", "diabetes", "kidney_disease", "epilepsy", "tuberculosis", "sickle_cell_disease",
           "thalassaemia", "malaria", "asthma"}
CONDITION_FLAG = {"placenta_praevia": "PLACENTA_PRAEVIA", "suspected_accreta": "SUSPECTED_ACCRETA",
                  "coagulopathy": "COAGULOPATHY", "previous_pph": "PREVIOUS_PPH"}
PROTEIN = ["nil", "trace", "+", "++", "+++", "++++"]
HIGH_BLOOD = {"placenta_praevia", "suspected_accreta", "low_haematocrit_with_other_factor", "low_platelets",
              "active_bleeding", "coagulopathy"}
MEDIUM_BLOOD = {"previous_uterine_surgery", "multiple_pregnancy", "many_previous_births", "chorioamnionitis",
                "previous_pph", "large_fibroids", "severe_anaemia"}
BLOOD_ORDER = ["placenta_praevia", "suspected_accreta", "low_haematocrit_with_other_factor", "low_platelets",
               "active_bleeding", "coagulopathy", "previous_uterine_surgery", "multiple_pregnancy",
               "many_previous_births", "chorioamnionitis", "previous_pph", "large_fibroids", "severe_anaemia"]


def gestation(r: dict[str, Any]) -> tuple[int, int] | None:
    edd = r.get("edd")
    if edd is None and r.get("lmp") is not None:
        edd = (date.fromisoformat(r["lmp"]) + timedelta(days=280)).isoformat()
    if edd is None:
        return None
    days = (AS_OF - (date.fromisoformat(edd) - timedelta(days=280))).days
    return divmod(days, 7)


def hypertension(r: dict[str, Any], ga: tuple[int, int] | None) -> tuple[str | None, list[str]]:
    """(class, flags) by WHO ANC DAK ANC.DT.17: the same component ≥ 140 (systolic) or ≥ 90
    (diastolic) on both readings; severe: the same component ≥ 160 or ≥ 110 on both; a severe
    symptom makes severe pre-eclampsia whatever the protein; ++ protein pre-eclampsia; chronic
    before 20+0 weeks; convulsions with a raised first reading make eclampsia."""
    known = "chronic_hypertension" in r.get("conditions", [])
    bp = r.get("bp")
    if bp is None:
        return None, (["CHRONIC_HYPERTENSION"] if known else [])
    readings = [bp] + ([r["bp_repeat"]] if r.get("bp_repeat") else [])

    def on_all(sys_from: int, dia_from: int, rs: list[dict[str, int]]) -> bool:
        return all(b["systolic"] >= sys_from for b in rs) or all(b["diastolic"] >= dia_from for b in rs)

    chronic = ["CHRONIC_HYPERTENSION"] if known else []
    if not on_all(140, 90, [bp]):
        return "normal", chronic
    if "convulsing" in r.get("danger_signs", []):
        return "eclampsia", chronic + ["ECLAMPSIA"]
    if r.get("bp_repeat") is None:
        return "raised_unconfirmed", chronic + ["RAISED_BP_UNCONFIRMED"]
    if not on_all(140, 90, readings):
        return "normal", chronic
    both_severe = on_all(160, 110, readings)
    if ga is not None and ga[0] < 20:
        cls = "severe" if both_severe else "chronic"
        return cls, ["CHRONIC_HYPERTENSION"] + (["SEVERE_HYPERTENSION"] if both_severe else [])
    protein = r.get("urine_protein")
    proteinuria = protein is not None and PROTEIN.index(protein) >= PROTEIN.index("++")
    symptoms = set(r.get("symptoms", []))
    signs = set(r.get("danger_signs", []))
    symptoms |= {s for s in ("severe_headache", "visual_disturbance") if s in signs}
    if "severe_vomiting" in signs:
        symptoms.add("vomiting")
    if symptoms or (proteinuria and both_severe):
        return "severe_pre_eclampsia", chronic + ["SEVERE_PRE_ECLAMPSIA"]
    if proteinuria:
        return "pre_eclampsia", chronic + ["PRE_ECLAMPSIA"]
    if both_severe:
        return "severe", chronic + ["SEVERE_HYPERTENSION"]
    if known:
        return "chronic", chronic
    return "gestational", ["GESTATIONAL_HYPERTENSION"]


def anaemia(hb: Decimal, ga: tuple[int, int] | None, p: dict[str, Any]) -> str:
    """The trimester's line (first before 14+0, second before 28+0, third after); with the
    gestation unknown, the line of any trimester. Grades only where the profile has bands."""
    lines = p["anaemia_by_trimester"]
    if ga is None:
        anaemic = any(hb < line for line in lines)
    else:
        anaemic = hb < lines[0 if ga[0] < 14 else 1 if ga[0] < 28 else 2]
    if p["severe_hb"] and p["severe_hb"](hb):
        return "severe"
    if p["moderate_hb"] and p["moderate_hb"](hb):
        return "moderate"
    if not anaemic:
        return "none"
    return "mild" if p["severe_hb"] and p["moderate_hb"] else "ungraded"


def blood_plan(r: dict[str, Any], grade: str | None) -> list[Any]:
    cond = set(r.get("conditions", []))
    found = set()
    for c in ("placenta_praevia", "suspected_accreta", "coagulopathy", "chorioamnionitis", "previous_pph",
              "large_fibroids"):
        if c in cond:
            found.add(c)
    if r.get("platelets_per_ul") is not None and r["platelets_per_ul"] < 100_000:
        found.add("low_platelets")
    bleeding = r.get("vaginal_bleeding") or "bleeding_vaginally" in r.get("danger_signs", [])
    if bleeding:
        found.add("active_bleeding")
    if (r.get("previous_caesareans") or 0) > 0 or "previous_uterine_surgery" in cond:
        found.add("previous_uterine_surgery")
    if (r.get("fetuses") or 1) >= 2:
        found.add("multiple_pregnancy")
    if r.get("parity") is not None and r["parity"] > 4:
        found.add("many_previous_births")
    if grade == "severe":
        found.add("severe_anaemia")
    if r.get("haematocrit_pct") is not None and Decimal(r["haematocrit_pct"]) < 30 and found:
        found.add("low_haematocrit_with_other_factor")
    factors = sorted(found, key=lambda f: (f not in HIGH_BLOOD, BLOOD_ORDER.index(f)))
    if found & HIGH_BLOOD:
        tier, action, units = "high", "crossmatch", 2
    elif found:
        tier, action, units = "medium", "group_and_screen", 0
    else:
        tier, action, units = "low", "none", 0
    when = "not_needed" if action == "none" else ("now" if bleeding else "on_admission")
    return [tier, action, units, when, factors]


def expected(r: dict[str, Any], profile: str) -> dict[str, Any]:
    p = PROFILES[profile]
    codes: list[str] = []
    if r.get("age_years") is not None:
        codes += ["YOUNG_AGE"] if p["young"](r["age_years"]) else []
        codes += ["OLD_AGE"] if p["old"](r["age_years"]) else []
    if r.get("height_cm") is not None and p["short"](Decimal(r["height_cm"])):
        codes.append("SHORT_STATURE")
    if p["low_weight"] and r.get("weight_kg") is not None and p["low_weight"](Decimal(r["weight_kg"])):
        codes.append("LOW_WEIGHT")
    field, test = p["multi"]
    if r.get(field) is not None and test(r[field]):
        codes.append("GRAND_MULTIPARITY")
    if r.get("months_since_last_pregnancy") is not None and r["months_since_last_pregnancy"] < 18:
        codes.append("SHORT_BIRTH_INTERVAL")
    for key, code in [("previous_caesareans", "PREVIOUS_CAESAREAN"), ("previous_stillbirths", "PREVIOUS_STILLBIRTH"),
                      ("previous_neonatal_deaths", "PREVIOUS_NEONATAL_DEATH")]:
        if (r.get(key) or 0) > 0:
            codes.append(code)
    if (r.get("previous_abortions") or 0) >= 3:
        codes.append("RECURRENT_ABORTION")
    if (r.get("fetuses") or 1) >= 2:
        codes.append("MULTIPLE_PREGNANCY")
    if r.get("presentation") in ("breech", "transverse_or_oblique"):
        codes.append("MALPRESENTATION")
    ga = gestation(r)
    if ga is not None and ga[0] >= 42:
        codes.append("POST_TERM")
    htn, htn_codes = hypertension(r, ga)
    codes += htn_codes
    grade = anaemia(Decimal(r["hb_g_dl"]), ga, p) if r.get("hb_g_dl") is not None else None
    if grade == "severe":
        codes.append("SEVERE_ANAEMIA")
    gdm = None if r.get("ogtt_2h_mg_dl") is None or p["gdm"] is None else p["gdm"](Decimal(r["ogtt_2h_mg_dl"]))
    if gdm:
        codes.append("GDM")
    for key, code in [("hiv", "HIV_POSITIVE"), ("syphilis", "SYPHILIS_POSITIVE"), ("hbsag", "HBSAG_POSITIVE")]:
        if r.get(key) == "positive":
            codes.append(code)
    if r.get("thyroid") in ("hypothyroid", "hyperthyroid"):
        codes.append("THYROID_DISORDER")
    if r.get("blood_group", "").endswith("-"):
        codes.append("RH_NEGATIVE")
    for c in r.get("conditions", []):
        if c in CONDITION_FLAG:
            codes.append(CONDITION_FLAG[c])
        elif c in OBSTETRIC:
            codes.append("OBSTETRIC_CONDITION")
        elif c in MEDICAL:
            codes.append("MEDICAL_CONDITION")
    if r.get("vaginal_bleeding") or "bleeding_vaginally" in r.get("danger_signs", []):
        codes.append("VAGINAL_BLEEDING" if ga is not None and ga[0] <= 20 else "ANTEPARTUM_HAEMORRHAGE")
    for s in r.get("danger_signs", []):
        if s == "bleeding_vaginally" or (s == "convulsing" and htn == "eclampsia"):
            continue
        codes.append("DANGER_SIGN")
    support = r.get("organ_support")
    if support:
        codes.append("NEEDS_HIGH_DEPENDENCY" if support == "high_dependency" else "NEEDS_INTENSIVE_CARE")
    codes.sort(key=lambda c: (c not in EMERGENCY, ORDER.index(c)))
    risk = "emergency" if set(codes) & EMERGENCY else ("high" if codes else "low")
    routes = [ROUTE[c] for c in codes]
    level = max([LEVELS.index(lv) for lv, _ in routes] + [0])
    urgency = max([URGENCY.index(u) for _, u in routes] + [0])
    return {
        "risk_level": risk,
        "codes": codes,
        "hypertension": htn,
        "anaemia": grade,
        "gdm": gdm,
        "referral": [LEVELS[level], URGENCY[urgency]],
        "blood_plan": blood_plan(r, grade),
    }


def lmp_at(weeks: int, days: int = 0) -> str:
    return (AS_OF - timedelta(days=weeks * 7 + days)).isoformat()


# Every field a criterion reads, recorded and unremarkable, so `not_assessed` holds only what a
# profile leaves unconfigured.
COMPLETE: dict[str, Any] = {
    "age_years": 25, "height_cm": "155", "weight_kg": "55", "gravida": 1, "parity": 0, "lmp": lmp_at(30),
    "fetuses": 1, "bp": {"systolic": 118, "diastolic": 76}, "hb_g_dl": "12.0", "ogtt_2h_mg_dl": "110",
    "thyroid": "normal", "blood_group": "B+", "hiv": "negative", "syphilis": "negative", "hbsag": "negative",
}


def case(cid: str, record: dict[str, Any], profile: str, source: str, **extra: Any) -> Case:
    exp = expected(record, profile)
    exp.update(extra)
    return {"id": f"hrp-{cid}", "op": "assess_pregnancy", "source": source,
            "input": {"record": record, "as_of": AS_OF.isoformat(), "policy": profile}, "expect": exp}


def hrp_cases() -> list[Case]:
    out: list[Case] = []
    profiles = ["india", "india_flw", "india_openchs"]
    for p in profiles:
        for age in [15, 17, 18, 19, 30, 31, 35, 36, 42]:
            out.append(case(f"age-{p}-{age}", {"age_years": age}, p, S1))
        for h in ["135", "139.9", "140", "144.9", "145", "145.1", "152"]:
            out.append(case(f"height-{p}-{h}", {"height_cm": h}, p, S1))
        for w in ["30", "35", "35.1", "48"]:
            out.append(case(f"weight-{p}-{w}", {"weight_kg": w}, p, S1))
        for g, par in [(4, 3), (5, 3), (5, 4), (6, 5), (4, 0), (9, 1)]:
            out.append(case(f"births-{p}-g{g}p{par}", {"gravida": g, "parity": par}, p, S1))
        for hb in ["5.5", "6.9", "7", "7.0", "7.1", "9.9", "10.0", "10.9", "11", "12.4"]:
            out.append(case(f"hb-{p}-{hb}", {"hb_g_dl": hb}, p, S1))
    for m in [6, 17, 18, 30]:
        out.append(case(f"interval-{m}", {"months_since_last_pregnancy": m}, "india", S1))
    for n in [0, 2, 3, 5]:
        out.append(case(f"abortions-{n}", {"previous_abortions": n}, "india", S1))
    for g in ["100", "139", "139.9", "140", "140.1", "210"]:
        out.append(case(f"gdm-{g}", {"ogtt_2h_mg_dl": g}, "india", S1))
    for p, src in [("uk", S_UK_HB), ("us", S_US_HB)]:
        for hb, ga in [("10.9", (10, 0)), ("11.0", (10, 0)), ("10.9", (13, 6)), ("11.0", (13, 6)),
                       ("10.9", (14, 0)), ("10.4", (14, 0)), ("10.5", (14, 0)), ("10.4", (27, 6)),
                       ("10.5", (27, 6)), ("10.9", (27, 6)), ("10.4", (28, 0)), ("10.5", (28, 0)),
                       ("10.9", (28, 0)), ("11.0", (28, 0)), ("10.9", (36, 0)), ("6.0", (30, 0))]:
            out.append(case(f"hb-{p}-{hb}-at-{ga[0]}+{ga[1]}", {"hb_g_dl": hb, "lmp": lmp_at(*ga)}, p, src))
        for hb in ["10.9", "11.0"]:
            out.append(case(f"hb-{p}-{hb}-gestation-unknown", {"hb_g_dl": hb}, p, src))
        for g in ["139", "140", "200"]:
            out.append(case(f"gdm-{p}-not-configured-{g}", {**COMPLETE, "ogtt_2h_mg_dl": g}, p, S_GDM,
                            not_assessed=["gdm_not_configured"]))
    out.append(case("gdm-india-complete-record", {**COMPLETE, "ogtt_2h_mg_dl": "140"}, "india", S1,
                    not_assessed=[]))
    out.append(case("hb-uk-complete-record", {**COMPLETE, "hb_g_dl": "10.4"}, "uk", S_UK_HB,
                    not_assessed=["gdm_not_configured"]))
    bp = lambda s, d: {"systolic": s, "diastolic": d}  # noqa: E731
    htn_cases = [
        ("normal", 30, (139, 89), (139, 89), "nil", [], []),
        ("sys-140", 30, (140, 80), (140, 80), "nil", [], []),
        ("dia-90", 30, (130, 90), (128, 90), "nil", [], []),
        ("repeat-normal", 30, (140, 90), (130, 85), "nil", [], []),
        ("unconfirmed", 30, (140, 90), None, "nil", [], []),
        ("severe-159-109", 30, (159, 109), (159, 109), "trace", [], []),
        ("severe-160", 30, (160, 100), (160, 100), "trace", [], []),
        ("severe-110", 30, (150, 110), (150, 110), "trace", [], []),
        ("severe-one-reading", 30, (160, 100), (150, 100), "trace", [], []),
        ("protein-plus1", 30, (145, 95), (145, 95), "+", [], []),
        ("pe-plus2", 30, (145, 95), (145, 95), "++", [], []),
        ("pe-140-90", 30, (140, 90), (140, 90), "++", [], []),
        ("pe-plus4", 30, (145, 95), (145, 95), "++++", [], []),
        ("spe-severe", 30, (160, 95), (161, 95), "++", [], []),
        ("spe-symptom", 30, (145, 95), (145, 95), "+++", ["epigastric_pain"], []),
        ("symptom-no-protein", 30, (145, 95), (145, 95), "nil", ["dizziness"], []),
        ("symptom-protein-not-recorded", 30, (145, 95), (145, 95), None, ["severe_headache"], []),
        ("symptom-protein-plus1", 30, (145, 95), (145, 95), "+", ["vomiting"], []),
        ("no-symptom-protein-nil", 30, (145, 95), (145, 95), "nil", [], []),
        ("symptom-severe-range-nil", 30, (165, 112), (162, 110), "nil", ["visual_disturbance"], []),
        ("symptom-unconfirmed", 30, (145, 95), (130, 85), "nil", ["dizziness"], []),
        ("sign-vomiting-no-protein", 30, (145, 95), (145, 95), "nil", [], ["severe_vomiting"]),
        # ANC.DT.17 confirms the same component on both readings.
        ("confirm-cross-145-85-130-95", 30, (145, 85), (130, 95), "nil", [], []),
        ("confirm-140-85-138-92", 30, (140, 85), (138, 92), "nil", [], []),
        ("confirm-140-85-141-80", 30, (140, 85), (141, 80), "nil", [], []),
        ("confirm-139-90-130-90", 30, (139, 90), (130, 90), "nil", [], []),
        ("confirm-139-90-150-89", 30, (139, 90), (150, 89), "nil", [], []),
        ("confirm-139-89-150-95", 30, (139, 89), (150, 95), "nil", [], []),
        ("confirm-first-dia-only", 30, (120, 90), None, "nil", [], []),
        ("severe-cross-160-95-150-110", 30, (160, 95), (150, 110), "nil", [], []),
        ("severe-sys-160-160", 30, (160, 95), (160, 80), "nil", [], []),
        ("severe-dia-110-110", 30, (150, 110), (145, 110), "+", [], []),
        ("severe-cross-pe", 30, (160, 95), (150, 110), "++", [], []),
        ("spe-headache-sign", 30, (145, 95), (145, 95), "++", [], ["severe_headache"]),
        ("eclampsia", 36, (150, 100), None, None, [], ["convulsing"]),
        ("convulsions-normal-bp", 36, (120, 80), None, None, [], ["convulsing"]),
        ("chronic-19+6", (19, 6), (145, 95), (145, 95), "++", [], []),
        ("pe-20+0", (20, 0), (145, 95), (145, 95), "++", [], []),
        ("pe-20+6", (20, 6), (145, 95), (145, 95), "++", [], []),
        ("chronic-severe-19+6", (19, 6), (160, 95), (160, 95), "nil", [], []),
        ("gestational-20+0", (20, 0), (145, 95), (145, 95), "nil", [], []),
        ("after-21+0", (21, 0), (145, 95), (145, 95), "++", [], []),
        ("chronic-severe-18", 18, (165, 112), (162, 110), "nil", [], []),
        ("protein-untested", 30, (145, 95), (145, 95), None, [], []),
    ]
    for cid, ga, b1, b2, protein, symptoms, signs in htn_cases:
        w, d = ga if isinstance(ga, tuple) else (ga, 0)
        rec: dict[str, Any] = {"lmp": lmp_at(w, d), "bp": bp(*b1)}
        if b2:
            rec["bp_repeat"] = bp(*b2)
        if protein:
            rec["urine_protein"] = protein
        if symptoms:
            rec["symptoms"] = symptoms
        if signs:
            rec["danger_signs"] = signs
        out.append(case(f"htn-{cid}", rec, "india", S15))
    out.append(case("htn-known-chronic-pe", {"lmp": lmp_at(32), "bp": bp(145, 95), "bp_repeat": bp(145, 95),
                                              "urine_protein": "++", "conditions": ["chronic_hypertension"]},
                    "india", S15))
    out.append(case("htn-symptom-unknown-gestation", {"bp": bp(145, 95), "bp_repeat": bp(145, 95),
                                                       "symptoms": ["epigastric_pain"]}, "india", S15))
    out.append(case("htn-known-chronic-symptom", {"lmp": lmp_at(32), "bp": bp(145, 95), "bp_repeat": bp(145, 95),
                                                   "urine_protein": "nil", "symptoms": ["dizziness"],
                                                   "conditions": ["chronic_hypertension"]}, "india", S15))
    out.append(case("htn-known-chronic-no-bp", {"conditions": ["chronic_hypertension"]}, "india", S15))
    for w, d in [(41, 6), (42, 0), (42, 1)]:
        out.append(case(f"post-term-{w}+{d}", {"lmp": lmp_at(w, d)}, "india", S4))
    out.append(case("edd-wins", {"lmp": lmp_at(42), "edd": (AS_OF + timedelta(days=10)).isoformat()}, "india", S4))
    for label, ga in [("20+6", (20, 6)), ("21+0", (21, 0)), ("unknown", None)]:
        rec = {"vaginal_bleeding": True}
        if ga:
            rec["lmp"] = lmp_at(*ga)
        out.append(case(f"bleeding-{label}", rec, "india", S16))
    for sign in ["bleeding_vaginally", "central_cyanosis", "convulsing", "fever", "severe_headache",
                 "visual_disturbance", "imminent_delivery", "labour", "looks_very_ill", "severe_vomiting",
                 "severe_pain", "severe_abdominal_pain", "unconscious"]:
        out.append(case(f"sign-{sign}", {"danger_signs": [sign], "lmp": lmp_at(30)}, "india", S16))
    for cond in ["placenta_praevia", "suspected_accreta", "coagulopathy", "previous_pph", "large_fibroids",
                 "previous_uterine_surgery", "chorioamnionitis", "polyhydramnios", "oligohydramnios",
                 "bad_obstetric_history", "previous_home_delivery", "heart_disease", "diabetes", "kidney_disease",
                 "epilepsy", "tuberculosis", "sickle_cell_disease", "thalassaemia", "malaria", "asthma"]:
        out.append(case(f"condition-{cond}", {"conditions": [cond]}, "india", S1))
    out.append(case("infections", {"hiv": "positive", "syphilis": "positive", "hbsag": "positive",
                                   "thyroid": "hypothyroid", "blood_group": "O-"}, "india", S1))
    out.append(case("negatives", {"hiv": "negative", "syphilis": "negative", "hbsag": "negative",
                                  "thyroid": "normal", "blood_group": "AB+"}, "india", S1))
    out.append(case("twins-breech", {"fetuses": 2, "presentation": "breech"}, "india", S1))
    out.append(case("transverse", {"fetuses": 1, "presentation": "transverse_or_oblique"}, "india", S1))
    out.append(case("history", {"gravida": 3, "parity": 2, "previous_caesareans": 1, "previous_stillbirths": 1,
                                "previous_neonatal_deaths": 1}, "india", S1))
    for n in [99_999, 100_000]:
        out.append(case(f"platelets-{n}", {"platelets_per_ul": n}, "india", S52))
    for hct, cs in [("29.9", 0), ("30", 1), ("29.9", 1)]:
        out.append(case(f"hct-{hct}-cs{cs}", {"haematocrit_pct": hct, "gravida": 2, "parity": 1,
                                             "previous_caesareans": cs}, "india", S52))
    for par in [4, 5]:
        out.append(case(f"many-births-{par}", {"gravida": par + 1, "parity": par}, "india", S52))
    out.append(case("organ-hdu", {"organ_support": "high_dependency", "vaginal_bleeding": True,
                                  "lmp": lmp_at(36)}, "india", S63))
    out.append(case("organ-icu", {"organ_support": "intensive_care"}, "india", S63))
    out.append(case("young-with-signs", {"age_years": 16, "danger_signs": ["fever", "looks_very_ill"]}, "india", S63))
    # Messages in both languages, written out literally.
    out.append(case("message-old-age", {"age_years": 36}, "india", S1, messages={
        "OLD_AGE": ["Age 36 years (> 35): an older mother is at higher risk.",
                    "आयु 36 वर्ष (> 35): अधिक उम्र की माँ में जोखिम अधिक है।"]}))
    out.append(case("message-severe-anaemia", {"hb_g_dl": "6.8"}, "india", S1, messages={
        "SEVERE_ANAEMIA": ["Severe anaemia: Hb 6.8 g/dL (≤ 7). Refer to an FRU for treatment and possible transfusion.",
                           "गंभीर एनीमिया: Hb 6.8 g/dL (≤ 7)। उपचार और संभावित रक्त चढ़ाने के लिए FRU रेफर करें।"]}))
    out.append(case("message-aph-unknown", {"vaginal_bleeding": True}, "india", S16, messages={
        "ANTEPARTUM_HAEMORRHAGE": [
            "Antepartum haemorrhage (vaginal bleeding at an unknown gestation): emergency, refer to an FRU now.",
            "प्रसवपूर्व रक्तस्राव (अज्ञात गर्भावधि पर योनि से रक्तस्राव): आपातकाल, अभी FRU रेफर करें।"]}))
    out.append(case("message-pe", {"lmp": lmp_at(34), "bp": bp(150, 100), "bp_repeat": bp(148, 96),
                                   "urine_protein": "++"}, "india", S15, messages={
        "PRE_ECLAMPSIA": ["Pre-eclampsia: blood pressure 150/100; 148/96 with urine protein ++.",
                          "प्री-एक्लेम्पसिया: रक्तचाप 150/100; 148/96 और पेशाब में प्रोटीन ++।"]}))
    out.append(case("message-danger", {"danger_signs": ["convulsing"]}, "india", S16, messages={
        "DANGER_SIGN": ["Danger sign: convulsing. Refer urgently to hospital.",
                        "खतरे का संकेत: दौरे (झटके)। तुरंत अस्पताल रेफर करें।"]}))
    out.append(case("message-openchs-gravida", {"gravida": 5, "parity": 1}, "india_openchs", S1, messages={
        "GRAND_MULTIPARITY": ["5 pregnancies (≥ 5): grand multiparity, risk of haemorrhage.",
                              "5 गर्भधारण (≥ 5): अधिक प्रसव, रक्तस्राव का जोखिम।"]}))
    # Refusals, naming the field.
    for cid, rec, field in [
        ("parity-not-below-gravida", {"gravida": 2, "parity": 2}, "parity"),
        ("gravida-zero", {"gravida": 0, "parity": 0}, "gravida"),
        ("caesareans-above-parity", {"parity": 1, "previous_caesareans": 2}, "previous_caesareans"),
        ("diastolic-not-below-systolic", {"bp": bp(90, 90)}, "bp"),
        ("repeat-without-first", {"bp_repeat": bp(140, 90)}, "bp_repeat"),
        ("hb-implausible", {"hb_g_dl": "30"}, "hb_g_dl"),
        ("lmp-in-future", {"lmp": (AS_OF + timedelta(days=1)).isoformat()}, "lmp"),
        ("gestation-46-weeks", {"lmp": lmp_at(46)}, "lmp"),
        ("age-5", {"age_years": 5}, "age_years"),
    ]:
        out.append({"id": f"hrp-error-{cid}", "op": "assess_pregnancy", "source": "rakt: contradictory or implausible input",
                    "input": {"record": rec, "as_of": AS_OF.isoformat(), "policy": "india"},
                    "expect": {"error": "InvalidInput", "error_field": field}})
    return out


# --- blood readiness ---

def released(din: str, group: str, collected: str) -> dict[str, Any]:
    """A SAGM red-cell unit collected at `collected` (09:00 IST) and released two hours later."""
    t = f"{collected}T11:00:00+05:30"
    events = [e(t, "quarantine")]
    events += [e(t, "record_test", marker=m, result="non_reactive") for m in
               ["hiv", "hbsag", "hcv", "syphilis", "malaria"]]
    abo = group.rstrip("+-")
    events += [e(t, "record_grouping", forward=group, reverse=abo), e(t, "release")]
    c = collection(din, RBC, group)
    c["collected_at"] = f"{collected}T09:00:00+05:30"
    return {"collection": c, "events": events}


def expires(collected: str) -> date:
    """SAGM red cells: 42 days, day 0 the day of collection, expiring 23:59 on day 42."""
    return date.fromisoformat(collected) + timedelta(days=42)


def readiness_cases() -> list[Case]:
    as_of = "2026-11-23T10:00:00+05:30"
    due = date(2026, 12, 1)
    out: list[Case] = []

    def rc(din: str, group: str, collected: str) -> dict[str, Any]:
        return released(din, group, collected)

    def ready(cid: str, mother: dict[str, Any], plan: dict[str, Any], units: list[Any],
              nearby: list[Any], expect: dict[str, Any], due_date: date = due) -> None:
        out.append({"id": f"ready-{cid}", "op": "blood_readiness", "source": READY,
                    "input": {"mother": mother, "plan": plan, "facility": "FRU", "units": units,
                              "nearby": nearby, "due_date": due_date.isoformat(), "as_of": as_of},
                    "expect": expect})

    def valid(collected: str, d: date = due) -> bool:
        """Valid through the end of the due date: expires after the due date's last minute."""
        return expires(collected) > d

    b_neg = {"id": "M-1", "blood_group": "B-", "age_years": 29}
    xm2 = {"action": "crossmatch", "units": 2}
    # One unit expiring on the due date itself (23:59) does not count; the next day's does.
    fru = [rc("FRU-1", "B-", "2026-10-20"), rc("FRU-2", "B-", "2026-10-21"), rc("FRU-3", "B+", "2026-11-08")]
    assert not valid("2026-10-20") and valid("2026-10-21")
    dh = {"facility": "DH", "units": [rc("DH-1", "O-", "2026-11-12"), rc("DH-2", "B-", "2026-11-10")]}
    ready("praevia-short", b_neg, xm2, fru, [dh],
          {"units": ["FRU-2"], "missing": 1, "nearby": [["DH", ["DH-2"]]], "uncovered": 0, "ready": False,
           "needed_by": "2026-12-02T00:00:00+05:30", "suggested": 1,
           "shortfall": {"B-": ["ALL_TAKEN", "EXPIRES_BEFORE_NEEDED"], "B+": ["INCOMPATIBLE"]}})
    ready("praevia-no-nearby", b_neg, xm2, fru, [],
          {"units": ["FRU-2"], "missing": 1, "nearby": [], "uncovered": 1, "ready": False, "suggested": 1})
    ready("enough-locally", {"id": "M-2", "blood_group": "B+"}, xm2, fru, [dh],
          {"units": ["FRU-3", "FRU-2"], "missing": 0, "nearby": [], "uncovered": 0, "ready": True, "suggested": 2})
    ready("o-neg-last-resort", {"id": "M-3", "blood_group": "O-"}, xm2, fru, [dh],
          {"units": [], "missing": 2, "nearby": [["DH", ["DH-1"]]], "uncovered": 1, "ready": False,
           "suggested": None})
    ready("two-neighbours", b_neg, {"action": "crossmatch", "units": 3}, fru,
          [{"facility": "CHC", "units": [rc("CHC-1", "A-", "2026-11-15")]}, dh],
          {"units": ["FRU-2"], "missing": 2, "nearby": [["DH", ["DH-2", "DH-1"]]], "uncovered": 0,
           "ready": False, "suggested": 1})
    ready("group-and-screen", b_neg, {"action": "group_and_screen"}, fru, [dh],
          {"units": [], "missing": 0, "nearby": [], "uncovered": 0, "ready": True, "suggested": None,
           "required": 0})
    ready("none", b_neg, {"action": "none"}, [], [],
          {"units": [], "missing": 0, "uncovered": 0, "ready": True, "required": 0})
    ready("empty-facility", {"id": "M-4", "blood_group": "AB+"}, {"action": "crossmatch", "units": 3}, [], [],
          {"units": [], "missing": 3, "nearby": [], "uncovered": 3, "ready": False, "suggested": None,
           "shortfall": {"O-": ["NO_STOCK"], "AB+": ["NO_STOCK"]}})
    ready("due-date-passed", {"id": "M-5", "blood_group": "B-"}, {"action": "crossmatch", "units": 1},
          [rc("OLD-1", "B-", "2026-10-13")], [],
          {"units": ["OLD-1"], "missing": 0, "ready": True, "needed_by": "2026-11-24T00:00:00+05:30"},
          due_date=date(2026, 11, 20))
    ready("due-later-expired", {"id": "M-6", "blood_group": "B-"}, {"action": "crossmatch", "units": 1},
          [rc("OLD-1", "B-", "2026-10-13")], [],
          {"units": [], "missing": 1, "ready": False, "needed_by": "2026-12-11T00:00:00+05:30",
           "shortfall": {"B-": ["EXPIRES_BEFORE_NEEDED"]}},
          due_date=date(2026, 12, 10))
    ready("unknown-group", {"id": "M-7"}, {"action": "crossmatch", "units": 1},
          [rc("U-1", "A+", "2026-11-15"), rc("U-2", "O-", "2026-11-15")], [],
          {"units": ["U-2"], "missing": 0, "ready": True, "emergency": True})
    ready("rh-neg-mother-refuses-positive", {"id": "M-8", "blood_group": "A-", "age_years": 24},
          {"action": "crossmatch", "units": 1}, [rc("P-1", "A+", "2026-11-15")], [],
          {"units": [], "missing": 1, "ready": False, "shortfall": {"A+": ["INCOMPATIBLE"]}})
    out.append({"id": "ready-error-no-id", "op": "blood_readiness", "source": READY,
                "input": {"mother": {"id": " ", "blood_group": "A+"}, "plan": xm2, "facility": "FRU", "units": [],
                          "nearby": [], "due_date": due.isoformat(), "as_of": as_of},
                "expect": {"error": "InvalidInput", "error_field": "mother.id"}})
    return out


FILES = {
    "hrp.json": ("High-risk pregnancy flags, hypertension, anaemia, GDM, referral and blood plan "
                 "(assess_pregnancy), per profile", hrp_cases),
    "blood_readiness.json": ("Blood readiness for delivery against facility and nearby stock "
                             "(blood_readiness)", readiness_cases),
}
