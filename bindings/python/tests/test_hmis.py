"""The HMIS monthly report from Python: the same hand-built month as crates/rakt/tests/hmis.rs
(a subset), item by item, with its validation finding."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

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
    with pytest.raises(rakt.InvalidInput, match=r"records\[0\].births\[0\].gestation"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": at(1), "mode": "vaginal", "births": [{"live": False}]}])
    with pytest.raises(rakt.InvalidInput, match=r"records\[0\].colour"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": at(1), "mode": "vaginal", "colour": "red"}])
    with pytest.raises(rakt.InvalidInput, match="time zone"):
        hmis_monthly_reports([{"facility": "X", "delivered_at": datetime(2026, 11, 1), "mode": "vaginal"}])
