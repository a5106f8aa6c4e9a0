"""The HMIS monthly report from Python: the same hand-built month as crates/rakt/tests/hmis.rs
(a subset), item by item, with its validation finding."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pyarrow as pa
import pytest

import rakt
from rakt import GestationalAge, hmis_monthly_reports

IST = timezone(timedelta(hours=5, minutes=30))


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=IST)


def test_a_month_item_by_item_with_a_finding() -> None:
    records = [
        {"facility": "CHC-1", "delivered_at": at(1), "mode": "vaginal",
         "births": [{"live": True, "sex": "male", "gestation": (39, 0), "weight_grams": 3100}]},
        {"facility": "CHC-1", "delivered_at": at(2), "mode": "caesarean", "complications": ["pph"],
         "births": [{"live": True, "sex": "female", "gestation": GestationalAge(34), "weight_grams": 1750}]},
        {"facility": "CHC-1", "delivered_at": at(15), "mode": "vaginal", "complications": ["obstructed_labour", "pph"],
         "births": [{"live": False, "gestation": (28, 0), "death_timing": "intrapartum"}]},
        {"facility": "CHC-1", "delivered_at": at(30), "mode": "vaginal",
         "births": [{"live": True, "gestation": (40, 0), "weight_grams": 2500}]},
        {"facility": "PHC-2", "delivered_at": at(3), "mode": "vaginal", "institutional": False, "births": []},
    ]
    reports = hmis_monthly_reports(records)
    assert [(r.facility, r.month) for r in reports] == [("CHC-1", 11), ("PHC-2", 11)]
    chc = reports[0]
    got = {k: chc.items[k] for k in ["2.2", "3.1", "4.1.1.a", "4.1.1.b", "4.1.2", "4.1.3.a", "4.4.1", "4.4.2",
                                     "4.4.2.a", "1.9.1", "1.9.1.a", "1.9.1.e"]}
    assert got == {"2.2": 4, "3.1": 1, "4.1.1.a": 1, "4.1.1.b": 1, "4.1.2": 1, "4.1.3.a": 1, "4.4.1": 3,
                   "4.4.2": 1, "4.4.2.a": 1, "1.9.1": 2, "1.9.1.a": 1, "1.9.1.e": 1}
    assert [(f.rule, f.left, f.right) for f in chc.findings] == [("4.4.1 <= 4.1.1.a + 4.1.1.b", 3, 2)]
    assert chc.format == "hmis-facility-newest"
    assert reports[1].items["2.2"] == 0 and reports[1].findings == []


def test_bad_records_are_refused_by_path() -> None:
    with pytest.raises(rakt.InvalidInput, match=r"deliveries\[0\].births\[0\].gestation"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": at(1), "mode": "vaginal", "births": [{"live": False}]}])
    with pytest.raises(rakt.InvalidInput, match=r"deliveries\[0\].colour"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": at(1), "mode": "vaginal", "colour": "red"}])
    with pytest.raises(rakt.InvalidInput, match="time zone"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": datetime(2026, 11, 1), "mode": "vaginal"}])


# The ANC, maternal-death and newborn-death part of crates/rakt/tests/hmis_month.rs, as dicts
# and as tables: the same month, item by item.
PHC = "PHC-Dewa"
DH = "DH-Lucknow"
ANC_ROWS = [
    # (facility, date, registration, record fields)
    (PHC, "2026-11-02", True, {"id": "M1", "age_years": 14, "lmp": "2026-08-20", "hb_g_dl": "10.5"}),
    (PHC, "2026-11-05", True, {"id": "M2", "age_years": 19, "lmp": "2026-08-08", "hb_g_dl": "7.0"}),
    (PHC, "2026-11-06", True, {"id": "M3", "age_years": 25, "lmp": "2026-08-06", "bp_systolic": 150,
                               "bp_diastolic": 100, "bp_repeat_systolic": 150, "bp_repeat_diastolic": 100,
                               "hbsag": "negative"}),
    (PHC, "2026-11-10", True, {"id": "M4", "age_years": 50, "ogtt_2h_mg_dl": "140", "thyroid": "hypothyroid",
                               "hbsag": "positive"}),
    (PHC, "2026-11-20", False, {"id": "M1", "age_years": 14, "lmp": "2026-08-20", "hb_g_dl": "10.5"}),
    (PHC, "2026-10-15", True, {"id": "M5", "age_years": 30, "lmp": "2026-05-01", "bp_systolic": 140,
                               "bp_diastolic": 90, "bp_repeat_systolic": 140, "bp_repeat_diastolic": 90}),
    (PHC, "2026-11-12", False, {"id": "M5", "age_years": 30, "lmp": "2026-05-01", "bp_systolic": 150,
                                "bp_diastolic": 100, "bp_repeat_systolic": 150, "bp_repeat_diastolic": 100,
                                "urine_protein": "++"}),
    (PHC, "2026-11-25", False, {"hb_g_dl": "12.0"}),
]
UTC = timezone.utc
MATERNAL_DEATHS = [
    {"facility": DH, "died_at": datetime(2026, 11, 30, 23, 50, tzinfo=IST), "age_years": 19, "cause": "pph"},
    {"facility": DH, "died_at": datetime(2026, 11, 30, 18, 40, tzinfo=UTC), "age_years": 35, "cause": "hypertension"},
    {"facility": DH, "died_at": datetime(2026, 11, 14, 11, 0, tzinfo=IST), "age_years": None, "cause": "other"},
]


def nb(born: datetime, died: datetime, place: str, cause: str | None) -> dict[str, object]:
    return {"facility": DH, "born_at": born, "died_at": died, "place": place, "cause": cause}


NEWBORN_DEATHS = [
    nb(datetime(2026, 11, 1, 10, tzinfo=IST), datetime(2026, 11, 2, 9, 59, tzinfo=IST), "facility", "asphyxia"),
    nb(datetime(2026, 11, 1, 10, tzinfo=IST), datetime(2026, 11, 2, 10, 0, tzinfo=IST), "community", "sepsis"),
    nb(datetime(2026, 10, 25, 10, tzinfo=IST), datetime(2026, 11, 2, 10, 0, tzinfo=IST), "facility", "prematurity"),
    nb(datetime(2026, 10, 4, 10, tzinfo=IST), datetime(2026, 11, 1, 10, 0, tzinfo=IST), "facility", None),
    nb(datetime(2026, 10, 3, 10, tzinfo=IST), datetime(2026, 11, 1, 10, 0, tzinfo=IST), "facility", "other"),
]
WANT = {
    (DH, 2026, 11): {"16.1.1.a": 1, "16.1.2.b": 1, "16.1.3.a": 2, "16.1.4.a": 1, "16.2.1": 1, "16.2.2": 1,
                     "16.2.3": 1, "16.5.2": 1, "16.5.7": 1, "16.5.8": 2, "16.5.8.b": 1},
    (DH, 2026, 12): {"16.5.6": 1, "16.5.8": 1, "16.5.8.c": 1},
    (PHC, 2026, 10): {"1.1": 1, "1.1.c": 1, "1.3.1": 1, "1.9.2": 1},
    (PHC, 2026, 11): {"1.1": 4, "1.1.a": 1, "1.1.b": 1, "1.1.c": 1, "1.1.d": 1, "1.1.1": 2, "1.3.1": 1, "1.3.3": 1,
                      "1.4.2": 3, "1.4.3": 1, "1.4.4": 1, "1.5.1": 1, "1.5.2": 1, "1.7.1": 1, "1.9.2": 4,
                      "14.20.3.a": 2, "14.20.3.b": 1},
}


def nonzero(reports: list[rakt.HmisReport]) -> dict[tuple[str, int, int], dict[str, int]]:
    return {(r.facility, r.year, r.month): {k: v for k, v in r.items.items() if v} for r in reports}


def record_of(fields: dict[str, object]) -> dict[str, object]:
    """The per-record form: blood pressure as (systolic, diastolic) pairs."""
    out = {k: v for k, v in fields.items() if not k.startswith("bp_")}
    for name in ("bp", "bp_repeat"):
        if f"{name}_systolic" in fields:
            out[name] = (fields[f"{name}_systolic"], fields[f"{name}_diastolic"])
    for k in ("lmp",):
        if k in out:
            out[k] = date.fromisoformat(str(out[k]))
    for k in ("hb_g_dl", "ogtt_2h_mg_dl"):
        if k in out:
            out[k] = Decimal(str(out[k]))
    return out


def test_the_whole_month_from_dicts() -> None:
    anc = [{"facility": f, "date": date.fromisoformat(d), "registration": reg, "record": record_of(rec)}
           for f, d, reg, rec in ANC_ROWS]
    # An AncRecord object is as good as a dict of its fields.
    anc[0]["record"] = rakt.AncRecord(**record_of(ANC_ROWS[0][3]))
    reports = hmis_monthly_reports(anc=anc, maternal_deaths=MATERNAL_DEATHS, newborn_deaths=NEWBORN_DEATHS)
    assert nonzero(reports) == WANT
    assert all(r.findings == [] for r in reports)
    assert all(len(r.items) == 58 for r in reports)


def anc_table() -> pa.Table:
    columns = sorted({k for *_, rec in ANC_ROWS for k in rec})
    data: dict[str, list[object]] = {
        "facility": [f for f, *_ in ANC_ROWS],
        "date": [date.fromisoformat(d) for _, d, _, _ in ANC_ROWS],
        "registration": [reg for _, _, reg, _ in ANC_ROWS],
    }
    for c in columns:
        data[c] = [rec.get(c) for *_, rec in ANC_ROWS]
    for c in ("lmp",):
        data[c] = [None if v is None else date.fromisoformat(str(v)) for v in data[c]]
    for c in ("hb_g_dl", "ogtt_2h_mg_dl"):
        data[c] = [None if v is None else float(str(v)) for v in data[c]]
    return pa.table(data)


def test_the_whole_month_from_tables() -> None:
    anc = anc_table()
    deaths = pa.Table.from_pylist(
        [{**d, "died_at": d["died_at"].astimezone(IST)} for d in MATERNAL_DEATHS]  # type: ignore[attr-defined]
    )
    newborn = pa.Table.from_pylist(NEWBORN_DEATHS)
    assert nonzero(hmis_monthly_reports(anc=anc, maternal_deaths=deaths, newborn_deaths=newborn)) == WANT
    # pandas and polars frames are tables too.
    import polars as pl

    # polars wants a named time zone.
    kolkata = deaths.set_column(1, "died_at", deaths["died_at"].cast(pa.timestamp("us", "Asia/Kolkata")))
    assert nonzero(hmis_monthly_reports(anc=anc.to_pandas(), maternal_deaths=pl.from_arrow(kolkata),
                                        newborn_deaths=newborn.to_pandas())) == WANT


def test_deliveries_as_a_table_with_nested_births() -> None:
    t = pa.Table.from_pylist([
        {"facility": "CHC-1", "delivered_at": at(2), "mode": "caesarean", "complications": ["pph"],
         "births": [{"live": True, "sex": "female", "gestation": {"weeks": 34, "days": 2}, "weight_grams": 1750}]},
        {"facility": "CHC-1", "delivered_at": at(9), "mode": "vaginal", "complications": [],
         "births": [{"live": False, "sex": None, "gestation": {"weeks": 30, "days": 0}, "weight_grams": None,
                     "death_timing": "antepartum"}]},
    ])
    r = hmis_monthly_reports(t)[0]
    got = {k: v for k, v in r.items.items() if v}
    assert got == {"1.9.1": 1, "1.9.1.a": 1, "2.2": 2, "3.1": 1, "4.1.1.b": 1, "4.1.2": 1, "4.1.3.b": 1,
                   "4.4.1": 1, "4.4.2": 1, "4.4.2.a": 1}


def test_bad_rows_of_every_list_are_named() -> None:
    bad_anc = anc_table().slice(0, 2).to_pylist()
    bad_anc[1]["bp_diastolic"] = 150
    bad_anc[1]["bp_systolic"] = 140
    with pytest.raises(rakt.InvalidInput, match=r"anc\[1\]\.record\.bp"):
        hmis_monthly_reports(anc=pa.Table.from_pylist(bad_anc))
    one_half = anc_table().slice(0, 1).drop_columns(
        ["bp_systolic", "bp_diastolic", "bp_repeat_systolic", "bp_repeat_diastolic"]
    ).append_column("bp_systolic", pa.array([150]))
    with pytest.raises(rakt.InvalidInput, match=r"anc\[0\]\.record\.bp: bp_systolic is given without bp_diastolic"):
        hmis_monthly_reports(anc=one_half)
    with pytest.raises(rakt.InvalidInput, match=r"anc\[0\]\.record\.hb_g_dl: -1 is not plausible"):
        hmis_monthly_reports(anc=[{"facility": PHC, "date": date(2026, 11, 1), "record": {"hb_g_dl": Decimal(-1)}}])
    with pytest.raises(rakt.InvalidInput, match=r"anc\[0\]\.record\.colour: is not an AncRecord field"):
        hmis_monthly_reports(anc=[{"facility": PHC, "date": date(2026, 11, 1), "record": {"colour": "red"}}])
    with pytest.raises(rakt.InvalidInput, match=r"anc\[0\]\.colour: is not an ANC contact field"):
        hmis_monthly_reports(anc=[{"facility": PHC, "date": date(2026, 11, 1), "record": {}, "colour": 1}])
    with pytest.raises(rakt.InvalidInput, match=r"newborn_deaths\[0\]\.died_at: .* is before the birth"):
        hmis_monthly_reports(newborn_deaths=[nb(datetime(2026, 11, 2, tzinfo=IST), datetime(2026, 11, 1, tzinfo=IST),
                                                "facility", None)])
    with pytest.raises(rakt.InvalidInput, match=r"maternal_deaths\[0\]"):
        hmis_monthly_reports(maternal_deaths=[{"facility": DH, "died_at": at(1), "cause": "snakebite"}])
    with pytest.raises(rakt.InvalidInput, match="time zone"):
        hmis_monthly_reports(maternal_deaths=[{"facility": DH, "died_at": datetime(2026, 11, 1), "cause": "pph"}])


def test_bad_table_rows_and_columns_are_named() -> None:
    deaths = pa.Table.from_pylist([{**MATERNAL_DEATHS[0], "cause": "snakebite"}])
    with pytest.raises(rakt.InvalidInput, match=r'maternal_deaths\[0\]\.cause: "snakebite" is not a known code'):
        hmis_monthly_reports(maternal_deaths=deaths)
    no_place = pa.Table.from_pylist(NEWBORN_DEATHS).drop_columns(["place"])
    with pytest.raises(KeyError, match='needs a column "place"'):
        hmis_monthly_reports(newborn_deaths=no_place)
    no_date = anc_table().slice(0, 2).set_column(1, "date", pa.array([date(2026, 11, 1), None]))
    with pytest.raises(rakt.InvalidInput, match=r"anc\[1\]\.date: is required; the cell is empty"):
        hmis_monthly_reports(anc=no_date)
    with pytest.raises(ValueError, match='column "bp" is not read'):
        hmis_monthly_reports(anc=anc_table().append_column("bp", pa.array(["150/100"] * len(ANC_ROWS))))
