"""Maternal workloads of compare.py (ANC visits, ward observations, births): seeded data, a
Python loop and polars expressions. Throughput anchors, not clinical truth (see references.py)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

from references import ANC_AS_OF, bool_counts, clamp, counts, GROUP_WEIGHTS, GROUPS, pl

# ==== ANC → assess_pregnancies ===============================================================
#
# india policy, HRP (hrp.rs, HrpVariant::Hmis): young age < 18, old age > 35, short stature
# < 140 cm, grand multiparity parity > 3, any previous caesarean, more than one fetus; anaemia
# (one line in every trimester) severe Hb <= 7.0, moderate < 10.0, mild < 11.0 g/dL; raised BP the
# same component on both readings (systolic >= 140 on both, or diastolic >= 90 on both), severe
# >= 160 / >= 110 on both, pre-eclampsia raised with urine protein ++ or more; GDM DIPSI 2-hour
# >= 140 mg/dL; HIV, syphilis, HBsAg positive; RhD negative; convulsions (danger sign); vaginal
# bleeding after 20 completed weeks (antepartum haemorrhage).

ANC_YOUNG_AGE = 18
ANC_OLD_AGE = 35
ANC_SHORT_STATURE_CM = 140.0
ANC_GRAND_MULTIPARITY = 3
ANC_SEVERE_HB = 7.0
ANC_MODERATE_HB = 10.0
ANC_MILD_HB = 11.0
ANC_SYSTOLIC, ANC_DIASTOLIC = 140, 90
ANC_SEVERE_SYSTOLIC, ANC_SEVERE_DIASTOLIC = 160, 110
ANC_PROTEINURIA = ("++", "+++", "++++")
ANC_GDM_OGTT_2H = 140
ANC_APH_FROM_DAYS = 21 * 7  # more than 20 completed weeks

ANC_SCHEMA = pa.schema([
    ("id", pa.string()), ("age_years", pa.int64()), ("height_cm", pa.float64()),
    ("weight_kg", pa.float64()), ("gravida", pa.int64()), ("parity", pa.int64()),
    ("previous_caesareans", pa.int64()), ("lmp", pa.date32()), ("fetuses", pa.int64()),
    ("hb_g_dl", pa.float64()), ("bp_systolic", pa.int64()), ("bp_diastolic", pa.int64()),
    ("bp_repeat_systolic", pa.int64()), ("bp_repeat_diastolic", pa.int64()),
    ("urine_protein", pa.string()), ("ogtt_2h_mg_dl", pa.int64()), ("hiv", pa.string()),
    ("syphilis", pa.string()), ("hbsag", pa.string()), ("blood_group", pa.string()),
    ("danger_signs", pa.list_(pa.string())), ("vaginal_bleeding", pa.bool_()),
])


def anc_table(n: int, seed: int = 7) -> pa.Table:
    """ANC visits with every column assess_pregnancies' reference reads, all of them valid:
    parity < gravida, previous caesareans <= parity, diastolic < systolic on both readings,
    LMP 6 to 41 weeks before ANC_AS_OF."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in ANC_SCHEMA}

    def positive(p: float) -> str:
        return "positive" if rng.random() < p else "negative"

    for i in range(n):
        cols["id"].append(f"M{i:07d}")
        cols["age_years"].append(int(clamp(rng.gauss(25.0, 5.0), 15, 46)))
        cols["height_cm"].append(round(clamp(rng.gauss(152.0, 6.5), 130.0, 180.0), 1))
        cols["weight_kg"].append(round(clamp(rng.gauss(55.0, 9.0), 35.0, 110.0), 1))
        parity = rng.choices([0, 1, 2, 3, 4, 5, 6], [38, 32, 16, 8, 3, 2, 1])[0]
        cols["parity"].append(parity)
        cols["gravida"].append(parity + 1 + rng.choices([0, 1, 2], [85, 12, 3])[0])
        cols["previous_caesareans"].append(
            min(parity, rng.choices([0, 1, 2], [80, 15, 5])[0]) if parity else 0)
        cols["lmp"].append(ANC_AS_OF - dt.timedelta(days=rng.randint(42, 290)))
        cols["fetuses"].append(2 if rng.random() < 0.015 else 1)
        cols["hb_g_dl"].append(round(clamp(rng.gauss(10.9, 1.5), 5.0, 15.5), 1))
        for first in (True, False):
            s = int(clamp(rng.gauss(118.0 if first else 117.0, 14.0), 85.0, 190.0))
            d = int(clamp(rng.gauss(75.0, 10.0), 50.0, 125.0))
            d = min(d, s - 20)
            prefix = "bp" if first else "bp_repeat"
            cols[f"{prefix}_systolic"].append(s)
            cols[f"{prefix}_diastolic"].append(d)
        cols["urine_protein"].append(
            rng.choices(["nil", "trace", "+", "++", "+++"], [80, 10, 5, 3, 2])[0])
        cols["ogtt_2h_mg_dl"].append(int(clamp(rng.gauss(115.0, 22.0), 60.0, 300.0)))
        cols["hiv"].append(positive(0.003))
        cols["syphilis"].append(positive(0.005))
        cols["hbsag"].append(positive(0.01))
        cols["blood_group"].append(rng.choices(GROUPS, GROUP_WEIGHTS)[0])
        danger: list[str] = []
        if rng.random() < 0.002:
            danger.append("convulsing")
        if rng.random() < 0.01:
            danger.append(rng.choice(["fever", "severe_pain", "looks_very_ill"]))
        cols["danger_signs"].append(danger)
        cols["vaginal_bleeding"].append(rng.random() < 0.01)
    return pa.table(cols, schema=ANC_SCHEMA)


def anc_loop(rows: list[dict[str, Any]]) -> list[list[str]]:
    """The HRP flags of every row, one row at a time."""
    out: list[list[str]] = []
    append = out.append
    for r in rows:
        f: list[str] = []
        age = r["age_years"]
        if age < ANC_YOUNG_AGE:
            f.append("YOUNG_AGE")
        if age > ANC_OLD_AGE:
            f.append("OLD_AGE")
        if r["height_cm"] < ANC_SHORT_STATURE_CM:
            f.append("SHORT_STATURE")
        if r["parity"] > ANC_GRAND_MULTIPARITY:
            f.append("GRAND_MULTIPARA")
        if r["previous_caesareans"] > 0:
            f.append("PREVIOUS_CAESAREAN")
        if r["fetuses"] > 1:
            f.append("MULTIPLE_PREGNANCY")
        hb = r["hb_g_dl"]
        if hb <= ANC_SEVERE_HB:
            f.append("SEVERE_ANAEMIA")
        elif hb < ANC_MODERATE_HB:
            f.append("MODERATE_ANAEMIA")
        elif hb < ANC_MILD_HB:
            f.append("MILD_ANAEMIA")
        s1, d1 = r["bp_systolic"], r["bp_diastolic"]
        s2, d2 = r["bp_repeat_systolic"], r["bp_repeat_diastolic"]
        if (s1 >= ANC_SEVERE_SYSTOLIC and s2 >= ANC_SEVERE_SYSTOLIC) or (
                d1 >= ANC_SEVERE_DIASTOLIC and d2 >= ANC_SEVERE_DIASTOLIC):
            f.append("SEVERE_HYPERTENSION")
        elif (s1 >= ANC_SYSTOLIC and s2 >= ANC_SYSTOLIC) or (
                d1 >= ANC_DIASTOLIC and d2 >= ANC_DIASTOLIC):
            f.append("PRE_ECLAMPSIA" if r["urine_protein"] in ANC_PROTEINURIA else "HYPERTENSION")
        if r["ogtt_2h_mg_dl"] >= ANC_GDM_OGTT_2H:
            f.append("GDM")
        if r["hiv"] == "positive":
            f.append("HIV")
        if r["syphilis"] == "positive":
            f.append("SYPHILIS")
        if r["hbsag"] == "positive":
            f.append("HBSAG")
        if r["blood_group"].endswith("-"):
            f.append("RHD_NEGATIVE")
        if "convulsing" in r["danger_signs"]:
            f.append("CONVULSIONS")
        if r["vaginal_bleeding"] and (ANC_AS_OF - r["lmp"]).days >= ANC_APH_FROM_DAYS:
            f.append("APH")
        append(f)
    return out


def anc_polars(df: Any) -> Any:
    """The same flags as boolean columns."""
    c = pl.col
    severe = (((c("bp_systolic") >= ANC_SEVERE_SYSTOLIC) & (c("bp_repeat_systolic") >= ANC_SEVERE_SYSTOLIC))
              | ((c("bp_diastolic") >= ANC_SEVERE_DIASTOLIC)
                 & (c("bp_repeat_diastolic") >= ANC_SEVERE_DIASTOLIC)))
    raised = (((c("bp_systolic") >= ANC_SYSTOLIC) & (c("bp_repeat_systolic") >= ANC_SYSTOLIC))
              | ((c("bp_diastolic") >= ANC_DIASTOLIC) & (c("bp_repeat_diastolic") >= ANC_DIASTOLIC)))
    protein = c("urine_protein").is_in(list(ANC_PROTEINURIA))
    hb = c("hb_g_dl")
    gestation_days = (pl.lit(ANC_AS_OF) - c("lmp")).dt.total_days()
    return df.select(
        (c("age_years") < ANC_YOUNG_AGE).alias("YOUNG_AGE"),
        (c("age_years") > ANC_OLD_AGE).alias("OLD_AGE"),
        (c("height_cm") < ANC_SHORT_STATURE_CM).alias("SHORT_STATURE"),
        (c("parity") > ANC_GRAND_MULTIPARITY).alias("GRAND_MULTIPARA"),
        (c("previous_caesareans") > 0).alias("PREVIOUS_CAESAREAN"),
        (c("fetuses") > 1).alias("MULTIPLE_PREGNANCY"),
        (hb <= ANC_SEVERE_HB).alias("SEVERE_ANAEMIA"),
        ((hb > ANC_SEVERE_HB) & (hb < ANC_MODERATE_HB)).alias("MODERATE_ANAEMIA"),
        ((hb >= ANC_MODERATE_HB) & (hb < ANC_MILD_HB)).alias("MILD_ANAEMIA"),
        severe.alias("SEVERE_HYPERTENSION"),
        (~severe & raised & protein).alias("PRE_ECLAMPSIA"),
        (~severe & raised & ~protein).alias("HYPERTENSION"),
        (c("ogtt_2h_mg_dl") >= ANC_GDM_OGTT_2H).alias("GDM"),
        (c("hiv") == "positive").alias("HIV"),
        (c("syphilis") == "positive").alias("SYPHILIS"),
        (c("hbsag") == "positive").alias("HBSAG"),
        c("blood_group").str.ends_with("-").alias("RHD_NEGATIVE"),
        c("danger_signs").list.contains("convulsing").alias("CONVULSIONS"),
        (c("vaginal_bleeding") & (gestation_days >= ANC_APH_FROM_DAYS)).alias("APH"),
    )


def anc_loop_summary(out: list[list[str]]) -> dict[str, int]:
    return counts(out)


def anc_polars_summary(df: Any) -> dict[str, int]:
    return bool_counts(df)


# ==== vitals → early_warnings ================================================================
#
# india policy, early warning (early_warning.rs, WarningVariant::Chart): red respiratory rate
# < 10 or > 30, yellow > 20; red SpO2 < 95; red temperature < 35 or > 38, yellow < 36 or > 37.4;
# red systolic < 90 or > 160, yellow < 100 or > 150; red diastolic > 100, yellow > 90; red heart
# rate < 40 or > 120, yellow < 50 or > 100; red consciousness voice, pain or unresponsive; the
# chart triggers on 1 red or 2 yellows.

EW_RED: dict[str, tuple[float | None, float | None]] = {
    "respiratory_rate": (10, 30), "spo2": (95, None), "temperature_c": (35.0, 38.0),
    "systolic_bp": (90, 160), "diastolic_bp": (None, 100), "heart_rate": (40, 120),
}  # (red below, red above)
EW_YELLOW: dict[str, tuple[float | None, float | None]] = {
    "respiratory_rate": (None, 20), "spo2": (None, None), "temperature_c": (36.0, 37.4),
    "systolic_bp": (100, 150), "diastolic_bp": (None, 90), "heart_rate": (50, 100),
}
EW_RED_CONSCIOUSNESS = ("voice", "pain", "unresponsive")
EW_TRIGGER_REDS, EW_TRIGGER_YELLOWS = 1, 2

VITALS_SCHEMA = pa.schema([
    ("id", pa.string()), ("respiratory_rate", pa.int64()), ("spo2", pa.int64()),
    ("temperature_c", pa.float64()), ("systolic_bp", pa.int64()), ("diastolic_bp", pa.int64()),
    ("heart_rate", pa.int64()), ("consciousness", pa.string()),
])


def vitals_table(n: int, seed: int = 11) -> pa.Table:
    """Post-natal and antenatal ward observations, every sign present, diastolic < systolic."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in VITALS_SCHEMA}
    for i in range(n):
        cols["id"].append(f"V{i:07d}")
        cols["respiratory_rate"].append(int(clamp(rng.gauss(17.0, 3.5), 6.0, 40.0)))
        cols["spo2"].append(int(clamp(rng.gauss(97.5, 1.6), 82.0, 100.0)))
        cols["temperature_c"].append(round(clamp(rng.gauss(36.9, 0.5), 34.0, 40.5), 1))
        s = int(clamp(rng.gauss(118.0, 15.0), 70.0, 200.0))
        cols["systolic_bp"].append(s)
        cols["diastolic_bp"].append(min(int(clamp(rng.gauss(75.0, 10.0), 40.0, 130.0)), s - 20))
        cols["heart_rate"].append(int(clamp(rng.gauss(86.0, 13.0), 35.0, 160.0)))
        cols["consciousness"].append(
            rng.choices(["alert", "voice", "pain", "unresponsive"], [985, 10, 4, 1])[0])
    return pa.table(cols, schema=VITALS_SCHEMA)


def _band(v: float, red: tuple[float | None, float | None],
          yellow: tuple[float | None, float | None]) -> int:
    """2 red, 1 yellow, 0 green."""
    if (red[0] is not None and v < red[0]) or (red[1] is not None and v > red[1]):
        return 2
    if (yellow[0] is not None and v < yellow[0]) or (yellow[1] is not None and v > yellow[1]):
        return 1
    return 0


EW_SIGNS = tuple(EW_RED)


def vitals_loop(rows: list[dict[str, Any]]) -> list[list[str]]:
    """The codes of every chart: one per red or yellow sign, and TRIGGERED."""
    out: list[list[str]] = []
    append = out.append
    for r in rows:
        f: list[str] = []
        reds = yellows = 0
        for sign in EW_SIGNS:
            b = _band(r[sign], EW_RED[sign], EW_YELLOW[sign])
            if b == 2:
                reds += 1
                f.append(f"{sign}:red")
            elif b == 1:
                yellows += 1
                f.append(f"{sign}:yellow")
        if r["consciousness"] in EW_RED_CONSCIOUSNESS:
            reds += 1
            f.append("consciousness:red")
        if reds >= EW_TRIGGER_REDS or yellows >= EW_TRIGGER_YELLOWS:
            f.append("TRIGGERED")
        append(f)
    return out


def vitals_polars(df: Any) -> Any:
    """The same codes as boolean columns."""
    c = pl.col

    def outside(sign: str, limits: tuple[float | None, float | None]) -> Any:
        e = pl.lit(False)
        if limits[0] is not None:
            e = e | (c(sign) < limits[0])
        if limits[1] is not None:
            e = e | (c(sign) > limits[1])
        return e

    cols: list[Any] = []
    reds: list[Any] = []
    yellows: list[Any] = []
    for sign in EW_SIGNS:
        red = outside(sign, EW_RED[sign])
        yellow = ~red & outside(sign, EW_YELLOW[sign])
        cols += [red.alias(f"{sign}:red"), yellow.alias(f"{sign}:yellow")]
        reds.append(red.cast(pl.Int32))
        yellows.append(yellow.cast(pl.Int32))
    conscious_red = c("consciousness").is_in(list(EW_RED_CONSCIOUSNESS))
    reds.append(conscious_red.cast(pl.Int32))
    triggered = ((pl.sum_horizontal(reds) >= EW_TRIGGER_REDS)
                 | (pl.sum_horizontal(yellows) >= EW_TRIGGER_YELLOWS))
    return df.select(*cols, conscious_red.alias("consciousness:red"), triggered.alias("TRIGGERED"))


def vitals_loop_summary(out: list[list[str]]) -> dict[str, int]:
    return counts(out)


def vitals_polars_summary(df: Any) -> dict[str, int]:
    return bool_counts(df)


# ==== births → robson_groups =================================================================
#
# The Ten Group Classification (robson.rs): more than one fetus 8; transverse or oblique 9;
# breech 6 (nulliparous) or 7; preterm (below the policy's early_term_from, 37 weeks) 10; a
# previous caesarean 5; then nulliparous 1 / 2a / 2b and multiparous 3 / 4a / 4b by onset
# (spontaneous / induced / caesarean before labour).

ROBSON_TERM_WEEKS = 37

ROBSON_SCHEMA = pa.schema([
    ("id", pa.string()), ("parity", pa.int64()), ("previous_caesareans", pa.int64()),
    ("onset", pa.string()), ("fetuses", pa.int64()), ("presentation", pa.string()),
    ("gestation_weeks", pa.int64()),
])


def births_table(n: int, seed: int = 12) -> pa.Table:
    """Births with every Robson variable given, previous caesareans <= parity."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in ROBSON_SCHEMA}
    for i in range(n):
        parity = rng.choices([0, 1, 2, 3, 4], [42, 33, 15, 7, 3])[0]
        cols["id"].append(f"B{i:07d}")
        cols["parity"].append(parity)
        cols["previous_caesareans"].append(
            min(parity, rng.choices([0, 1, 2], [78, 17, 5])[0]))
        cols["onset"].append(
            rng.choices(["spontaneous", "induced", "caesarean_before_labour"], [60, 25, 15])[0])
        cols["fetuses"].append(2 if rng.random() < 0.015 else 1)
        cols["presentation"].append(
            rng.choices(["cephalic", "breech", "transverse_or_oblique"], [94, 5, 1])[0])
        cols["gestation_weeks"].append(rng.choices(list(range(28, 43)),
                                                   [1, 1, 1, 1, 2, 2, 3, 5, 10, 20, 25, 18, 8, 2, 1])[0])
    return pa.table(cols, schema=ROBSON_SCHEMA)


ROBSON_BY_ONSET = {(True, "spontaneous"): "1", (True, "induced"): "2a",
                   (True, "caesarean_before_labour"): "2b", (False, "spontaneous"): "3",
                   (False, "induced"): "4a", (False, "caesarean_before_labour"): "4b"}


def births_loop(rows: list[dict[str, Any]]) -> list[str]:
    """The Robson group of every birth."""
    out: list[str] = []
    append = out.append
    for r in rows:
        presentation = r["presentation"]
        if r["fetuses"] >= 2:
            g = "8"
        elif presentation == "transverse_or_oblique":
            g = "9"
        elif presentation == "breech":
            g = "6" if r["parity"] == 0 else "7"
        elif r["gestation_weeks"] < ROBSON_TERM_WEEKS:
            g = "10"
        elif r["previous_caesareans"] > 0:
            g = "5"
        else:
            g = ROBSON_BY_ONSET[(r["parity"] == 0, r["onset"])]
        append(g)
    return out


def births_polars(df: Any) -> Any:
    """The same group as a string column."""
    c = pl.col
    nullip = c("parity") == 0
    onset = c("onset")
    chain: Any = (pl.when(c("fetuses") >= 2).then(pl.lit("8"))
                  .when(c("presentation") == "transverse_or_oblique").then(pl.lit("9"))
                  .when(c("presentation") == "breech")
                  .then(pl.when(nullip).then(pl.lit("6")).otherwise(pl.lit("7")))
                  .when(c("gestation_weeks") < ROBSON_TERM_WEEKS).then(pl.lit("10"))
                  .when(c("previous_caesareans") > 0).then(pl.lit("5")))
    for (nulliparous, o), g in ROBSON_BY_ONSET.items():
        chain = chain.when((nullip if nulliparous else ~nullip) & (onset == o)).then(pl.lit(g))
    return df.select(chain.alias("group"))


def births_loop_summary(out: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(out).items()))


def births_polars_summary(df: Any) -> dict[str, int]:
    counts = df.get_column("group").value_counts()
    return dict(sorted((str(g), int(k)) for g, k in counts.iter_rows()))
