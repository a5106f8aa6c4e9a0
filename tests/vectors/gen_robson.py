"""Robson ten-group vectors (robson_group) and gestation/birth-outcome vectors (edd_from_lmp,
gestational_age, birth_weight, fetal_death, newborn_death, maternal_death_window).

Expectations come from the WHO Robson table and the definitions of research/maternal.md §3 and
§4, written out here, not from rakt.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from itertools import product
from typing import Any

Case = dict[str, Any]
S3 = "research/maternal.md §3 (WHO Robson Classification Implementation Manual 2017; order 8, 9, 6/7, 10, 5, 1-4)"
S4 = "research/maternal.md §4 (Naegele LMP + 280 days; gestation categories; birth weight; HMIS stillbirth and death bins)"
VARS = ["fetuses", "presentation", "gestation_weeks", "previous_caesareans", "parity", "onset"]


def robson(i: dict[str, Any]) -> dict[str, Any]:
    """The table of §3 in the order of §10, naming what a singleton cephalic birth still needs."""
    missing: list[str] = []

    def done(group: str) -> dict[str, Any]:
        return {"missing": missing} if missing else {"group": group}

    f = i.get("fetuses")
    if f is None:
        missing.append("fetuses")
    elif f >= 2:
        return done("8")
    p = i.get("presentation")
    if p is None:
        missing.append("presentation")
    elif p == "transverse_or_oblique":
        return done("9")
    elif p == "breech":
        if i.get("parity") is None:
            missing.append("parity")
            return done("6")
        return done("6" if i["parity"] == 0 else "7")
    w = i.get("gestation_weeks")
    if w is None:
        missing.append("gestation_weeks")
    elif w < 37:
        return done("10")
    cs = i.get("previous_caesareans")
    if cs is None:
        missing.append("previous_caesareans")
    elif cs > 0:
        return done("5")
    if i.get("parity") is None:
        missing.append("parity")
    if i.get("onset") is None:
        missing.append("onset")
    if missing:
        return {"missing": missing}
    nullip = i["parity"] == 0
    sub = {"spontaneous": "", "induced": "a", "caesarean_before_labour": "b"}[i["onset"]]
    if sub == "":
        return {"group": "1" if nullip else "3"}
    return {"group": ("2" if nullip else "4") + sub}


def robson_cases() -> list[Case]:
    out: list[Case] = []
    onsets = ["spontaneous", "induced", "caesarean_before_labour"]
    presentations = ["cephalic", "breech", "transverse_or_oblique"]
    seen = set()
    for parity, cs, onset, fetuses, pres, weeks in product([0, 1, 3], [0, 1], onsets, [1, 2], presentations,
                                                           [30, 36, 37, 41]):
        if cs > parity:
            continue
        i = {"parity": parity, "previous_caesareans": cs, "onset": onset, "fetuses": fetuses,
             "presentation": pres, "gestation_weeks": weeks}
        exp = robson(i)
        key = (exp["group"], parity, cs, onset, fetuses, pres, weeks)
        # Keep the table exhaustive for singletons; for twins keep one per presentation.
        if fetuses == 2 and (parity, cs, onset, weeks) != (1, 1, "caesarean_before_labour", 30):
            continue
        if key in seen:
            continue
        seen.add(key)
        cid = f"p{parity}-cs{cs}-{onset}-f{fetuses}-{pres}-{weeks}w"
        out.append({"id": f"robson-{cid}", "op": "robson_group", "source": S3, "input": i, "expect": exp})
    partial = [
        ("nothing", {}),
        ("twins-only", {"fetuses": 2}),
        ("breech-no-parity", {"fetuses": 1, "presentation": "breech"}),
        ("transverse-no-fetuses", {"presentation": "transverse_or_oblique"}),
        ("preterm-only", {"fetuses": 1, "presentation": "cephalic", "gestation_weeks": 34}),
        ("previous-cs-term", {"fetuses": 1, "presentation": "cephalic", "gestation_weeks": 39,
                              "previous_caesareans": 1}),
        ("no-onset", {"fetuses": 1, "presentation": "cephalic", "gestation_weeks": 39, "previous_caesareans": 0,
                      "parity": 0}),
        ("no-parity", {"fetuses": 1, "presentation": "cephalic", "gestation_weeks": 39, "previous_caesareans": 0,
                       "onset": "induced"}),
        ("no-presentation", {"fetuses": 1, "gestation_weeks": 39, "previous_caesareans": 0, "parity": 1,
                             "onset": "induced"}),
    ]
    for cid, i in partial:
        out.append({"id": f"robson-partial-{cid}", "op": "robson_group", "source": S3, "input": i,
                    "expect": robson(i)})
    for cid, i, field in [
        ("nullipara-with-cs", {"parity": 0, "previous_caesareans": 1}, "previous_caesareans"),
        ("more-cs-than-births", {"parity": 1, "previous_caesareans": 2, "fetuses": 2}, "previous_caesareans"),
        ("no-fetus", {"fetuses": 0}, "fetuses"),
        ("19-weeks", {"gestation_weeks": 19}, "gestation_weeks"),
        ("46-weeks", {"gestation_weeks": 46}, "gestation_weeks"),
        ("nine-fetuses", {"fetuses": 9}, "fetuses"),
        ("int-max-fetuses", {"fetuses": 2147483647}, "fetuses"),
        ("parity-31", {"parity": 31}, "parity"),
    ]:
        out.append({"id": f"robson-error-{cid}", "op": "robson_group", "source": "rakt: contradictory input",
                    "input": i, "expect": {"error": "InvalidInput", "error_field": field}})
    return out


CATEGORIES = [(28, "extremely_preterm"), (32, "very_preterm"), (34, "moderate_preterm"), (37, "late_preterm"),
              (39, "early_term"), (41, "full_term"), (42, "late_term")]


def category(weeks: int) -> str:
    for below, name in CATEGORIES:
        if weeks < below:
            return name
    return "post_term"


def gestation_cases() -> list[Case]:
    out: list[Case] = []
    for lmp in ["2026-02-10", "2028-02-29", "2027-05-25", "2025-12-31", "2024-03-01"]:
        edd = date.fromisoformat(lmp) + timedelta(days=280)
        out.append({"id": f"edd-{lmp}", "op": "edd_from_lmp", "source": S4, "input": {"lmp": lmp},
                    "expect": {"edd": edd.isoformat()}})
    lmp = date(2026, 2, 10)
    for weeks, days in [(0, 0), (27, 6), (28, 0), (31, 6), (32, 0), (33, 6), (34, 0), (36, 6), (37, 0), (38, 6),
                        (39, 0), (40, 6), (41, 0), (41, 6), (42, 0), (43, 2)]:
        as_of = lmp + timedelta(days=weeks * 7 + days)
        out.append({"id": f"ga-{weeks}+{days}", "op": "gestational_age", "source": S4,
                    "input": {"lmp": lmp.isoformat(), "as_of": as_of.isoformat()},
                    "expect": {"weeks": weeks, "days": days, "category": category(weeks)}})
    out.append({"id": "ga-error-before-lmp", "op": "gestational_age", "source": S4,
                "input": {"lmp": "2026-02-10", "as_of": "2026-02-09"},
                "expect": {"error": "InvalidInput", "error_field": "as_of"}})
    for grams in [1, 999, 1000, 1499, 1500, 1799, 1800, 2499, 2500, 4200, 15000]:
        cat = "extremely_low" if grams < 1000 else "very_low" if grams < 1500 else "low" if grams < 2500 else "normal"
        out.append({"id": f"weight-{grams}", "op": "birth_weight", "source": S4, "input": {"grams": grams},
                    "expect": {"category": cat, "below_hmis_line": grams < 1800}})
    out.append({"id": "weight-error-zero", "op": "birth_weight", "source": S4, "input": {"grams": 0},
                "expect": {"error": "InvalidInput", "error_field": "grams"}})
    for grams in [15001, 4294967295]:
        out.append({"id": f"weight-error-implausible-{grams}", "op": "birth_weight",
                    "source": "rakt: data-entry bound (1 to 15000 g), not a clinical threshold",
                    "input": {"grams": grams}, "expect": {"error": "InvalidInput", "error_field": "grams"}})
    for weeks, days in [(23, 6), (24, 0), (27, 6), (28, 0), (40, 0)]:
        for timing in ["intrapartum", "antepartum"]:
            if weeks >= 28:
                cls = "fresh_stillbirth" if timing == "intrapartum" else "macerated_stillbirth"
            elif weeks >= 24:
                cls = "foetal_death"
            else:
                cls = "not_counted"
            out.append({"id": f"fetal-{weeks}+{days}-{timing}", "op": "fetal_death", "source": S4,
                        "input": {"weeks": weeks, "days": days, "timing": timing}, "expect": {"class": cls}})
    ist = timezone(timedelta(hours=5, minutes=30))
    born = datetime(2026, 11, 1, 10, 0, tzinfo=ist)
    for label, delta in [("23h59", timedelta(hours=23, minutes=59)), ("24h", timedelta(hours=24)),
                         ("7d23h", timedelta(days=7, hours=23)), ("8d", timedelta(days=8)),
                         ("27d23h", timedelta(days=27, hours=23)), ("28d", timedelta(days=28)),
                         ("29d", timedelta(days=29)), ("364d", timedelta(days=364)), ("365d", timedelta(days=365))]:
        died = born + delta
        days = delta.days
        if delta < timedelta(hours=24):
            hmis = "within_24_hours"
        elif days <= 7:
            hmis = "days_1_to_7"
        elif days <= 28:
            hmis = "days_8_to_28"
        elif died < born.replace(year=born.year + 1):
            hmis = "infant"
        else:
            hmis = None
        out.append({"id": f"newborn-{label}", "op": "newborn_death", "source": S4,
                    "input": {"born": born.isoformat(), "died": died.isoformat()},
                    "expect": {"completed_days": days, "neonatal": days < 28, "hmis_bin": hmis}})
    for ended, died in [("2026-10-01", "2026-10-01"), ("2026-10-01", "2026-11-12"), ("2026-10-01", "2026-11-13"),
                        ("2028-02-01", "2028-03-14"), ("2028-02-01", "2028-03-15")]:
        within = (date.fromisoformat(died) - date.fromisoformat(ended)).days <= 42
        out.append({"id": f"maternal-window-{ended}-{died}", "op": "maternal_death_window", "source": S4,
                    "input": {"ended": ended, "died": died}, "expect": {"within": within}})
    return out


FILES = {
    "robson.json": ("Robson ten-group classification with subgroups 2a/2b/4a/4b (robson_group)", robson_cases),
    "maternal_gestation.json": ("Due date, gestational age and categories, birth weight, fetal and newborn deaths, "
                                "the maternal-death window", gestation_cases),
}
