"""Blood-bank workloads of compare.py (donor visits, compatibility pairs, units): seeded data, a
Python loop and polars expressions. Throughput anchors, not clinical truth (see references.py)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

from references import (
    bool_counts,
    clamp,
    counts,
    DEFAULT_DONATION_KIND,
    DONOR_AS_OF,
    EXPIRY_AS_OF,
    GROUP_WEIGHTS,
    GROUPS,
    IST,
    IST_NAME,
    pl,
)

# ==== donors → assess_donors =================================================================
#
# india policy, donor (donor_india.rs): age 18 to 65 (a first-time donor to 60); weight
# whole_blood_450 > 55 kg, whole_blood_350 >= 45 kg, apheresis >= 50 kg; Hb >= 12.5 g/dL; systolic
# 100 to 140, diastolic 60 to 90 mmHg; pulse 60 to 100/min; temperature <= 37.6 °C; whole blood
# every 90 days (male) or 120 days (female); apheresis 28 days after whole blood, else 2 days;
# deferral events (tattoo 12 months, malaria 3 months, dengue 6 months, minor surgery 6 months,
# tooth extraction 6 months, killed vaccine none here); permanent conditions; pregnant or
# breastfeeding. Months are counted as 30 days here (a simplification of the reference only).

DONOR_MIN_AGE, DONOR_MAX_AGE, DONOR_MAX_AGE_FIRST = 18, 65, 60
DONOR_MIN_WEIGHT = {"whole_blood_450": (55.0, False), "whole_blood_350": (45.0, True),
                    "plateletpheresis": (50.0, True)}  # (kg, inclusive)
DONOR_MIN_HB = 12.5
DONOR_SYSTOLIC = (100, 140)
DONOR_DIASTOLIC = (60, 90)
DONOR_PULSE = (60, 100)
DONOR_MAX_TEMPERATURE = 37.6
DONOR_WB_INTERVAL_DAYS = {"male": 90, "female": 120, "other": 90}
DONOR_APHERESIS_AFTER_WB_DAYS = 28
DONOR_APHERESIS_AFTER_APHERESIS_DAYS = 2
DONOR_EVENT_DAYS = {"tattoo": 360, "malaria": 90, "dengue": 180, "surgery_minor": 180,
                    "tooth_extraction": 180, "vaccine_killed": 0}
DONOR_PERMANENT = ("heart_disease", "epilepsy", "hepatitis_b", "insulin_treated_diabetes", "hiv")
DONOR_DEFERRING_STATES = ("pregnant", "breastfeeding")

DONOR_SCHEMA = pa.schema([
    ("id", pa.string()), ("date_of_birth", pa.date32()), ("sex", pa.string()),
    ("previous_donation_dates", pa.list_(pa.date32())),
    ("previous_donation_kinds", pa.list_(pa.string())),
    ("deferral_event_kinds", pa.list_(pa.string())),
    ("deferral_event_dates", pa.list_(pa.date32())),
    ("deferral_event_markers", pa.list_(pa.string())),
    ("conditions", pa.list_(pa.string())),
    ("weight_kg", pa.float64()), ("hb_g_dl", pa.float64()),
    ("systolic_mmhg", pa.int64()), ("diastolic_mmhg", pa.int64()), ("pulse_bpm", pa.int64()),
    ("temperature_c", pa.float64()), ("states", pa.list_(pa.string())), ("kind", pa.string()),
])
DONOR_CONDITIONS: list[list[str]] = [[]] * 190 + [["asthma"]] * 4 + [["epilepsy"]] + [
    ["hepatitis_b"]] + [["insulin_treated_diabetes"]] + [["heart_disease"]]
DONOR_EVENTS = ["tattoo", "surgery_minor", "malaria", "dengue", "vaccine_killed",
                "tooth_extraction"]


def donors_table(n: int, seed: int = 8) -> pa.Table:
    """Donor visits, all valid: earlier donations newest first and before the visit, at most one
    deferral event (with no marker), a donation kind on every row."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in DONOR_SCHEMA}
    for i in range(n):
        cols["id"].append(f"D{i:07d}")
        age_days = int(rng.uniform(17.8, 66.0) * 365.25)
        cols["date_of_birth"].append(DONOR_AS_OF - dt.timedelta(days=age_days))
        sex = rng.choices(["male", "female", "other"], [82, 17.5, 0.5])[0]
        cols["sex"].append(sex)
        k = rng.choices([0, 1, 2, 3, 4], [45, 25, 15, 10, 5])[0]
        dates = sorted((DONOR_AS_OF - dt.timedelta(days=rng.randint(1, 1500)) for _ in range(k)),
                       reverse=True)
        cols["previous_donation_dates"].append(dates)
        cols["previous_donation_kinds"].append(rng.choices(
            ["whole_blood_450", "whole_blood_350", "plateletpheresis"], [75, 20, 5], k=k))
        event = [rng.choice(DONOR_EVENTS)] if rng.random() < 0.06 else []
        cols["deferral_event_kinds"].append(event)
        cols["deferral_event_dates"].append(
            [DONOR_AS_OF - dt.timedelta(days=rng.randint(5, 900)) for _ in event])
        cols["deferral_event_markers"].append(["" for _ in event])
        cols["conditions"].append(rng.choice(DONOR_CONDITIONS))
        weight = clamp(rng.gauss(68.0 if sex == "male" else 57.0, 10.0), 40.0, 130.0)
        cols["weight_kg"].append(round(weight, 1))
        hb = clamp(rng.gauss(14.3 if sex == "male" else 12.9, 1.1), 8.0, 18.5)
        cols["hb_g_dl"].append(round(hb, 1))
        s = int(clamp(rng.gauss(122.0, 12.0), 92.0, 175.0))
        cols["systolic_mmhg"].append(s)
        cols["diastolic_mmhg"].append(min(int(clamp(rng.gauss(79.0, 8.0), 55.0, 110.0)), s - 25))
        cols["pulse_bpm"].append(int(clamp(rng.gauss(76.0, 9.0), 48.0, 115.0)))
        cols["temperature_c"].append(round(rng.choice([36.4, 36.5, 36.6, 36.7, 36.8, 36.9, 37.0])
                                           + (0.8 if rng.random() < 0.01 else 0.0), 1))
        states: list[str] = []
        if sex == "female":
            states = rng.choices([[], ["menstruating"], ["breastfeeding"], ["pregnant"]],
                                 [90, 6, 3, 1])[0]
        cols["states"].append(states)
        cols["kind"].append(rng.choices(
            ["whole_blood_450", "whole_blood_350", "plateletpheresis"], [85, 10, 5])[0])
    return pa.table(cols, schema=DONOR_SCHEMA)


def _age_years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def donors_loop(rows: list[dict[str, Any]]) -> list[list[str]]:
    """The deferral reasons of every visit, one visit at a time (empty: eligible)."""
    out: list[list[str]] = []
    append = out.append
    as_of = DONOR_AS_OF
    for r in rows:
        f: list[str] = []
        kind = r["kind"] or DEFAULT_DONATION_KIND
        previous = r["previous_donation_dates"]
        age = _age_years(r["date_of_birth"], as_of)
        if age < DONOR_MIN_AGE:
            f.append("AGE_BELOW_MINIMUM")
        elif age > (DONOR_MAX_AGE if previous else DONOR_MAX_AGE_FIRST):
            f.append("AGE_ABOVE_MAXIMUM")
        least, inclusive = DONOR_MIN_WEIGHT[kind]
        w = r["weight_kg"]
        if w < least or (w == least and not inclusive):
            f.append("WEIGHT_BELOW_MINIMUM")
        if r["hb_g_dl"] < DONOR_MIN_HB:
            f.append("HB_BELOW_MINIMUM")
        if not DONOR_SYSTOLIC[0] <= r["systolic_mmhg"] <= DONOR_SYSTOLIC[1]:
            f.append("SYSTOLIC_OUT_OF_RANGE")
        if not DONOR_DIASTOLIC[0] <= r["diastolic_mmhg"] <= DONOR_DIASTOLIC[1]:
            f.append("DIASTOLIC_OUT_OF_RANGE")
        if not DONOR_PULSE[0] <= r["pulse_bpm"] <= DONOR_PULSE[1]:
            f.append("PULSE_OUT_OF_RANGE")
        if r["temperature_c"] > DONOR_MAX_TEMPERATURE:
            f.append("FEBRILE")
        if previous:
            since = (as_of - previous[0]).days
            last_whole_blood = r["previous_donation_kinds"][0] != "plateletpheresis"
            if kind == "plateletpheresis":
                need = (DONOR_APHERESIS_AFTER_WB_DAYS if last_whole_blood
                        else DONOR_APHERESIS_AFTER_APHERESIS_DAYS)
            else:
                need = DONOR_WB_INTERVAL_DAYS[r["sex"]]
            if since < need:
                f.append("DONATION_INTERVAL")
        for ev, on in zip(r["deferral_event_kinds"], r["deferral_event_dates"]):
            if (as_of - on).days < DONOR_EVENT_DAYS[ev]:
                f.append("DEFERRAL_EVENT")
        for cond in r["conditions"]:
            if cond in DONOR_PERMANENT:
                f.append("PERMANENT_CONDITION")
        for state in r["states"]:
            if state in DONOR_DEFERRING_STATES:
                f.append("DEFERRING_STATE")
        append(f)
    return out


def donors_polars(df: Any) -> Any:
    """The same reasons as boolean columns (the generator gives at most one deferral event and
    at most one permanent condition per visit, so list.first() / list contains are enough)."""
    c = pl.col
    as_of = DONOR_AS_OF
    dob = c("date_of_birth")
    birthday_ahead = ((dob.dt.month().cast(pl.Int32) * 100 + dob.dt.day().cast(pl.Int32))
                      > (as_of.month * 100 + as_of.day))
    age = pl.lit(as_of.year) - dob.dt.year().cast(pl.Int32) - birthday_ahead.cast(pl.Int32)
    has_previous = c("previous_donation_dates").list.len() > 0
    kind = c("kind").fill_null(DEFAULT_DONATION_KIND)
    w = c("weight_kg")
    weight_low = (pl.when(kind == "whole_blood_450").then(w <= DONOR_MIN_WEIGHT["whole_blood_450"][0])
                  .when(kind == "whole_blood_350").then(w < DONOR_MIN_WEIGHT["whole_blood_350"][0])
                  .otherwise(w < DONOR_MIN_WEIGHT["plateletpheresis"][0]))
    since = (pl.lit(as_of) - c("previous_donation_dates").list.first()).dt.total_days()
    last_whole_blood = c("previous_donation_kinds").list.first() != "plateletpheresis"
    need = (pl.when(kind == "plateletpheresis")
            .then(pl.when(last_whole_blood).then(DONOR_APHERESIS_AFTER_WB_DAYS)
                  .otherwise(DONOR_APHERESIS_AFTER_APHERESIS_DAYS))
            .when(c("sex") == "female").then(DONOR_WB_INTERVAL_DAYS["female"])
            .otherwise(DONOR_WB_INTERVAL_DAYS["male"]))
    event_days = c("deferral_event_kinds").list.first().replace_strict(
        DONOR_EVENT_DAYS, default=0, return_dtype=pl.Int64)
    event_age = (pl.lit(as_of) - c("deferral_event_dates").list.first()).dt.total_days()
    permanent = pl.any_horizontal(
        [c("conditions").list.contains(x) for x in DONOR_PERMANENT])
    deferring_state = pl.any_horizontal(
        [c("states").list.contains(x) for x in DONOR_DEFERRING_STATES])
    return df.select(
        (age < DONOR_MIN_AGE).alias("AGE_BELOW_MINIMUM"),
        ((age >= DONOR_MIN_AGE) & (age > pl.when(has_previous).then(DONOR_MAX_AGE)
                                   .otherwise(DONOR_MAX_AGE_FIRST))).alias("AGE_ABOVE_MAXIMUM"),
        weight_low.alias("WEIGHT_BELOW_MINIMUM"),
        (c("hb_g_dl") < DONOR_MIN_HB).alias("HB_BELOW_MINIMUM"),
        (~c("systolic_mmhg").is_between(*DONOR_SYSTOLIC)).alias("SYSTOLIC_OUT_OF_RANGE"),
        (~c("diastolic_mmhg").is_between(*DONOR_DIASTOLIC)).alias("DIASTOLIC_OUT_OF_RANGE"),
        (~c("pulse_bpm").is_between(*DONOR_PULSE)).alias("PULSE_OUT_OF_RANGE"),
        (c("temperature_c") > DONOR_MAX_TEMPERATURE).alias("FEBRILE"),
        (has_previous & (since < need)).alias("DONATION_INTERVAL"),
        (event_age < event_days).fill_null(False).alias("DEFERRAL_EVENT"),
        permanent.alias("PERMANENT_CONDITION"),
        deferring_state.alias("DEFERRING_STATE"),
    )


def donors_loop_summary(out: list[list[str]]) -> dict[str, int]:
    return counts(out)


def donors_polars_summary(df: Any) -> dict[str, int]:
    return bool_counts(df)


# ==== compatibility pairs → compatibilities ==================================================
#
# Red cells: donor ABO antigens within the recipient's; whole blood: ABO identical; plasma, FFP
# and cryoprecipitate: recipient ABO antigens within the donor's (the antibodies go the other
# way); platelets: any ABO. RhD: a RhD-positive red-cell or whole-blood unit for a RhD-negative
# recipient is refused for a female of child-bearing potential (age <= 50, profiles.rs
# child_bearing_potential_max_age), a child (age <= 17, paediatric_max_age) or a recipient with
# anti-D, else allowed with a warning; the same for platelets with a warning only. Group unknown
# (emergency release): red cells and whole blood O only (O- for a protected recipient), plasma
# AB only (emergency_plasma), platelets A or O (emergency_platelets).

COMPAT_CBP_MAX_AGE = 50
COMPAT_PAEDIATRIC_MAX_AGE = 17
COMPAT_COMPONENTS = ["red_cells", "whole_blood", "fresh_frozen_plasma", "platelets",
                     "cryoprecipitate"]
COMPAT_RED = ("red_cells", "whole_blood")
COMPAT_PLASMA = ("fresh_frozen_plasma", "cryoprecipitate")
ABO_ANTIGENS = {"O": "", "A": "A", "B": "B", "AB": "AB"}

COMPAT_SCHEMA = pa.schema([
    ("id", pa.string()), ("component", pa.string()), ("donor", pa.string()),
    ("recipient_group", pa.string()), ("recipient_sex", pa.string()),
    ("recipient_age_years", pa.int64()), ("recipient_anti_d", pa.bool_()),
])


def pairs_table(n: int, seed: int = 9) -> pa.Table:
    """Component, donor group and recipient; 3% of recipients of unknown group (emergency)."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in COMPAT_SCHEMA}
    for i in range(n):
        cols["id"].append(f"P{i:07d}")
        cols["component"].append(rng.choices(COMPAT_COMPONENTS, [60, 5, 20, 12, 3])[0])
        cols["donor"].append(rng.choices(GROUPS, GROUP_WEIGHTS)[0])
        cols["recipient_group"].append(
            None if rng.random() < 0.03 else rng.choices(GROUPS, GROUP_WEIGHTS)[0])
        cols["recipient_sex"].append(rng.choice(["female", "male"]))
        cols["recipient_age_years"].append(rng.randint(0, 90))
        cols["recipient_anti_d"].append(rng.random() < 0.01)
    return pa.table(cols, schema=COMPAT_SCHEMA)


def pairs_loop(rows: list[dict[str, Any]]) -> list[list[str]]:
    """The reasons of every pair, one pair at a time (no INCOMPATIBLE_* code: compatible)."""
    out: list[list[str]] = []
    append = out.append
    for r in rows:
        f: list[str] = []
        comp = r["component"]
        donor = r["donor"]
        d_abo, d_pos = donor[:-1], donor[-1] == "+"
        group = r["recipient_group"]
        age = r["recipient_age_years"]
        protected = (r["recipient_anti_d"] or age <= COMPAT_PAEDIATRIC_MAX_AGE
                     or (r["recipient_sex"] == "female" and age <= COMPAT_CBP_MAX_AGE))
        if group is None:
            f.append("EMERGENCY")
            if comp in COMPAT_RED:
                if d_abo != "O":
                    f.append("INCOMPATIBLE_ABO")
                if d_pos and protected:
                    f.append("INCOMPATIBLE_RHD")
            elif comp in COMPAT_PLASMA:
                if d_abo != "AB":
                    f.append("INCOMPATIBLE_ABO")
            elif d_abo not in ("A", "O"):
                f.append("INCOMPATIBLE_ABO")
            append(f)
            continue
        r_abo, r_pos = group[:-1], group[-1] == "+"
        d_ag, r_ag = ABO_ANTIGENS[d_abo], ABO_ANTIGENS[r_abo]
        if comp == "whole_blood":
            if d_abo != r_abo:
                f.append("INCOMPATIBLE_ABO")
        elif comp == "red_cells":
            if any(a not in r_ag for a in d_ag):
                f.append("INCOMPATIBLE_ABO")
        elif comp in COMPAT_PLASMA:
            if any(a not in d_ag for a in r_ag):
                f.append("INCOMPATIBLE_ABO")
        elif d_abo != r_abo:
            f.append("PLATELETS_ABO_NON_IDENTICAL")
        if d_pos and not r_pos and comp not in COMPAT_PLASMA:
            if comp in COMPAT_RED and protected:
                f.append("INCOMPATIBLE_RHD")
            else:
                f.append("RHD_POSITIVE_TO_NEGATIVE")
        append(f)
    return out


def pairs_polars(df: Any) -> Any:
    """The same reasons as boolean columns."""
    c = pl.col
    comp = c("component")
    d_abo = c("donor").str.slice(0, c("donor").str.len_chars() - 1)
    d_pos = c("donor").str.ends_with("+")
    group = c("recipient_group")
    r_abo = group.str.slice(0, group.str.len_chars() - 1)
    r_pos = group.str.ends_with("+")
    emergency = group.is_null()
    age = c("recipient_age_years")
    protected = (c("recipient_anti_d") | (age <= COMPAT_PAEDIATRIC_MAX_AGE)
                 | ((c("recipient_sex") == "female") & (age <= COMPAT_CBP_MAX_AGE)))
    red, plasma = comp.is_in(list(COMPAT_RED)), comp.is_in(list(COMPAT_PLASMA))
    d_a, d_b = d_abo.str.contains("A"), d_abo.str.contains("B")
    r_a, r_b = r_abo.str.contains("A"), r_abo.str.contains("B")
    known_abo = (pl.when(comp == "whole_blood").then(d_abo != r_abo)
                 .when(comp == "red_cells").then((d_a & ~r_a) | (d_b & ~r_b))
                 .when(plasma).then((r_a & ~d_a) | (r_b & ~d_b))
                 .otherwise(False))
    emergency_abo = (pl.when(red).then(d_abo != "O")
                     .when(plasma).then(d_abo != "AB")
                     .otherwise(~d_abo.is_in(["A", "O"])))
    rh_mismatch = d_pos & ~r_pos & ~plasma
    return df.select(
        emergency.alias("EMERGENCY"),
        pl.when(emergency).then(emergency_abo).otherwise(known_abo).alias("INCOMPATIBLE_ABO"),
        pl.when(emergency).then(red & d_pos & protected)
        .otherwise(rh_mismatch & red & protected).alias("INCOMPATIBLE_RHD"),
        (~emergency & (comp == "platelets") & (d_abo != r_abo)).alias("PLATELETS_ABO_NON_IDENTICAL"),
        (~emergency & rh_mismatch & ~(red & protected)).alias("RHD_POSITIVE_TO_NEGATIVE"),
    )


def pairs_loop_summary(out: list[list[str]]) -> dict[str, int]:
    return counts(out)


def pairs_polars_summary(df: Any) -> dict[str, int]:
    return bool_counts(df)


# ==== units → expiries =======================================================================
#
# india policy shelf lives (profiles.rs: cfr_shelf_life with India's platelets): whole blood CPD
# 21 days, CPDA-1 35 days; red cells CPD 21, CPDA-1 35, additive solution 42 days; platelets
# (random donor or apheresis) 3 days; FFP and cryoprecipitate 12 months. The unit expires at
# 23:59 local time (expiry_time_of_day, UTC+05:30) of the collection day plus the shelf life;
# expired when that instant is at or before EXPIRY_AS_OF. Months are calendar months.

EXPIRY_DAYS = {("whole_blood", "cpd"): 21, ("whole_blood", "cpda1"): 35,
               ("red_cells", "cpd"): 21, ("red_cells", "cpda1"): 35,
               ("red_cells", "additive_solution"): 42, ("platelets", None): 3}
EXPIRY_MONTHS = {"fresh_frozen_plasma": 12, "cryoprecipitate": 12}
EXPIRY_TIME = dt.time(23, 59)
UNIT_PRODUCTS: list[tuple[str, str | None, str | None]] = [
    ("red_cells", "additive_solution", None), ("red_cells", "cpda1", None),
    ("red_cells", "cpd", None), ("whole_blood", "cpda1", None), ("whole_blood", "cpd", None),
    ("platelets", None, "random_donor"), ("platelets", None, "apheresis"),
    ("fresh_frozen_plasma", None, None), ("cryoprecipitate", None, None),
]
UNIT_WEIGHTS = [40, 10, 3, 5, 2, 15, 5, 17, 3]

UNIT_SCHEMA = pa.schema([
    ("id", pa.string()), ("component", pa.string()), ("preservative", pa.string()),
    ("platelet_source", pa.string()), ("modifications", pa.list_(pa.string())),
    ("collected_at", pa.timestamp("us", tz="UTC")),
])


def units_table(n: int, seed: int = 10) -> pa.Table:
    """Units collected over the 150 days before EXPIRY_AS_OF, at any minute of the day."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {f.name: [] for f in UNIT_SCHEMA}
    start = EXPIRY_AS_OF.astimezone(dt.timezone.utc) - dt.timedelta(days=150)
    for i in range(n):
        comp, pres, source = rng.choices(UNIT_PRODUCTS, UNIT_WEIGHTS)[0]
        cols["id"].append(f"U{i:07d}")
        cols["component"].append(comp)
        cols["preservative"].append(pres)
        cols["platelet_source"].append(source)
        cols["modifications"].append(rng.choices([[], ["leucoreduced"]], [80, 20])[0])
        cols["collected_at"].append(start + dt.timedelta(minutes=rng.randint(0, 150 * 24 * 60)))
    return pa.table(cols, schema=UNIT_SCHEMA)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = d.day
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def units_loop(rows: list[dict[str, Any]]) -> list[tuple[dt.datetime, bool]]:
    """The expiry instant and whether the unit has expired at EXPIRY_AS_OF, unit by unit."""
    out: list[tuple[dt.datetime, bool]] = []
    append = out.append
    as_of = EXPIRY_AS_OF
    for r in rows:
        comp = r["component"]
        day = r["collected_at"].astimezone(IST).date()
        months = EXPIRY_MONTHS.get(comp)
        if months is not None:
            last = _add_months(day, months)
        else:
            key = (comp, None if comp == "platelets" else r["preservative"])
            last = day + dt.timedelta(days=EXPIRY_DAYS[key])
        expires = dt.datetime.combine(last, EXPIRY_TIME, IST)
        append((expires, expires <= as_of))
    return out


def units_polars(df: Any) -> Any:
    """The same expiry day and expired flag as columns."""
    c = pl.col
    day = c("collected_at").dt.convert_time_zone(IST_NAME).dt.date()
    comp, pres = c("component"), c("preservative")
    last = pl.lit(None, dtype=pl.Date)
    chain: Any = pl.when(comp.is_in(list(EXPIRY_MONTHS))).then(day.dt.offset_by("12mo"))
    for (component, preservative), days in EXPIRY_DAYS.items():
        cond = comp == component
        if preservative is not None:
            cond = cond & (pres == preservative)
        chain = chain.when(cond).then(day + pl.duration(days=days))
    last = chain.otherwise(last)
    expires = (last.cast(pl.Datetime("us")) + pl.duration(hours=EXPIRY_TIME.hour,
                                                           minutes=EXPIRY_TIME.minute))
    expires = expires.dt.replace_time_zone(IST_NAME)
    return df.select(
        last.alias("expiry_day"),
        (expires <= pl.lit(EXPIRY_AS_OF).dt.convert_time_zone(IST_NAME)).alias("EXPIRED"),
    )


def units_loop_summary(out: list[tuple[dt.datetime, bool]]) -> dict[str, int]:
    epoch = dt.date(1970, 1, 1)
    return {"EXPIRED": sum(1 for _, e in out if e),
            "sum_of_expiry_days": sum((x.date() - epoch).days for x, _ in out)}


def units_polars_summary(df: Any) -> dict[str, int]:
    s = df.select(c_sum=pl.col("EXPIRED").sum(),
                  d_sum=pl.col("expiry_day").cast(pl.Int64).sum()).row(0)
    return {"EXPIRED": int(s[0]), "sum_of_expiry_days": int(s[1])}
