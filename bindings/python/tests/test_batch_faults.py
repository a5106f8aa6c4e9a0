"""Bad columns and bad cells in the batch functions (issue 17): a bad value is an error on its
row, worded as the per-record API words it, while the other rows decide as usual; a table whose
shape is wrong (two columns of one name) is refused with a typed error naming the column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

import rakt

AS_OF = dt.date(2026, 10, 1)
LMP = dt.date(2026, 3, 1)
EDD = dt.date(2026, 12, 6)  # LMP + 280 days
EPOCH = dt.date(1970, 1, 1)
LMP_DAYS = (LMP - EPOCH).days
RANGE = "is outside the years 1 to 9999"
I64_MAX = 2**63 - 1
I64_MIN = -(2**63)
UTC = dt.timezone.utc
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def days_to(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date, beyond Python's year 9999 too."""

    def before_year(y: int) -> int:
        y -= 1
        return y * 365 + y // 4 - y // 100 + y // 400

    start = dt.date(2001, month, day).toordinal() - dt.date(2001, 1, 1).toordinal()
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return before_year(year) + start + (1 if leap and month > 2 else 0) - before_year(1970)


# The first and last days of rakt's calendar (years 1 to 9999, in every language).
MAX_DAYS = days_to(9999, 12, 31)
MIN_DAYS = days_to(1, 1, 1)


def per_record_error(call: Any) -> str:
    """The message the per-record API raises."""
    with pytest.raises(rakt.RaktError) as e:
        call()
    return str(e.value)


def lmp_rows(column: pa.Array) -> list[dict[str, Any]]:
    """id, edd and error of each row of an ANC table with `column` as lmp."""
    t = pa.table({"id": [f"r{i}" for i in range(len(column))], "lmp": column})
    return [{k: r[k] for k in ("id", "edd", "error")} for r in rakt.assess_pregnancies(t, AS_OF).to_pylist()]


def good(i: int, edd: dt.date = EDD) -> dict[str, Any]:
    return {"id": f"r{i}", "edd": edd, "error": None}


def bad(i: int, error: str) -> dict[str, Any]:
    return {"id": f"r{i}", "edd": None, "error": error}


# ---- duplicate column names -----------------------------------------------------------------


def test_duplicate_column_is_refused_naming_it() -> None:
    t = pa.Table.from_arrays(
        [pa.array(["a"]), pa.array([LMP]), pa.array([dt.date(2026, 4, 1)])], names=["id", "lmp", "lmp"]
    )
    with pytest.raises(KeyError) as e:
        rakt.assess_pregnancies(t, AS_OF)
    assert str(e.value) == (
        "'assess_pregnancies: the table has 2 columns named \"lmp\" (read for field lmp); which one "
        "to read is ambiguous: rename or drop the others'"
    )
    with pytest.raises(KeyError, match='2 columns named "lmp"'):
        rakt.assess_pregnancies(t.to_batches()[0], AS_OF)
    with pytest.raises(KeyError, match='2 columns named "lmp"'):
        rakt.assess_pregnancies(pa.RecordBatchReader.from_batches(t.schema, t.to_batches()), AS_OF)


def test_duplicate_mapped_column_is_refused_naming_it() -> None:
    t = pa.Table.from_arrays([pa.array([Decimal("6.9")]), pa.array(["7"])], names=["hb", "hb"])
    with pytest.raises(KeyError, match='2 columns named "hb" \\(read for field hb_g_dl\\)'):
        rakt.assess_pregnancies(t, AS_OF, columns={"hb_g_dl": "hb"})


def test_duplicate_column_in_every_batch_function() -> None:
    t = pa.Table.from_arrays([pa.array(["red_cells"])] * 2, names=["component", "component"])
    with pytest.raises(KeyError, match='expiries: the table has 2 columns named "component"'):
        rakt.expiries(t)
    with pytest.raises(KeyError, match='compatibilities: the table has 2 columns named "component"'):
        rakt.compatibilities(t.append_column("donor", pa.array(["O+"])))


def test_duplicate_column_that_is_not_read_is_harmless() -> None:
    t = pa.Table.from_arrays(
        [pa.array(["a"]), pa.array([LMP]), pa.array(["x"]), pa.array(["y"])],
        names=["id", "lmp", "note", "note"],
    )
    assert lmp_rows_from(t) == [{"id": "a", "edd": EDD, "error": None}]


def lmp_rows_from(t: pa.Table) -> list[dict[str, Any]]:
    return [{k: r[k] for k in ("id", "edd", "error")} for r in rakt.assess_pregnancies(t, AS_OF).to_pylist()]


# ---- dates out of range ---------------------------------------------------------------------


def date32(days: list[int | None]) -> pa.Array:
    return pa.array(days, pa.int32()).cast(pa.date32())


@pytest.mark.parametrize("days", [2**31 - 1, -(2**31), MAX_DAYS + 1, MIN_DAYS - 1])
def test_date32_out_of_range_is_an_error_on_its_row(days: int) -> None:
    assert lmp_rows(date32([LMP_DAYS, days, LMP_DAYS])) == [
        good(0),
        bad(1, f"invalid input: lmp: {days} days after 1970-01-01 {RANGE}"),
        good(2),
    ]


def test_date32_out_of_range_in_edd_and_in_other_functions() -> None:
    t = pa.table({"id": ["a", "b"], "edd": date32([(EDD - EPOCH).days, 2**31 - 1])})
    out = rakt.assess_pregnancies(t, AS_OF).to_pylist()
    assert (out[0]["edd"], out[0]["error"]) == (EDD, None)
    assert out[1]["error"] == f"invalid input: edd: {2**31 - 1} days after 1970-01-01 {RANGE}"
    donors = rakt.assess_donors(
        pa.table({**donor_base(1), "date_of_birth": date32([2**31 - 1])}), AS_OF, "whole_blood_450"
    ).to_pylist()
    assert donors[0]["error"] == f"invalid input: date_of_birth: {2**31 - 1} days after 1970-01-01 {RANGE}"


def test_date32_boundaries_are_read() -> None:
    # The last and first days rakt holds are read (and then judged by the rule, not the reader).
    for days in (MAX_DAYS, MIN_DAYS):
        row = lmp_rows(date32([days]))[0]
        assert RANGE not in (row["error"] or ""), row
    assert lmp_rows(date32([None])) == [{"id": "r0", "edd": None, "error": None}]


def test_date64_values_are_errors_on_their_rows() -> None:
    ms = LMP_DAYS * 86_400_000
    col = pa.array([ms, I64_MAX, ms, 1, I64_MIN], pa.int64()).cast(pa.date64())
    assert lmp_rows(col) == [
        good(0),
        bad(1, f"invalid input: lmp: {I64_MAX} ms after 1970-01-01 {RANGE}"),
        good(2),
        # A date64 is a whole number of days; one that is not is a time of day, not a day.
        bad(3, "invalid input: lmp: 1970-01-01 00:00:00.001 is a time of day; lmp is a day, not an instant: "
               "give a date or a timestamp at midnight"),
        bad(4, f"invalid input: lmp: {I64_MIN} ms after 1970-01-01 {RANGE}"),
    ]


def donor_base(n: int) -> dict[str, list[Any]]:
    """The donor columns every row needs, n rows of a healthy adult."""
    return {
        "date_of_birth": [dt.date(1990, 1, 1)] * n, "sex": ["male"] * n, "weight_kg": [60] * n,
        "hb_g_dl": ["13.5"] * n, "systolic_mmhg": [120] * n, "diastolic_mmhg": [80] * n,
        "pulse_bpm": [72] * n, "temperature_c": ["36.8"] * n,
    }


def test_date64_in_a_list_of_days() -> None:
    ms = (dt.date(2026, 5, 1) - EPOCH).days * 86_400_000
    dates = pa.array([[ms], [I64_MAX], [ms, None]], pa.list_(pa.date64()))
    kinds = [["whole_blood_450"], ["whole_blood_450"], ["whole_blood_450"] * 2]
    out = rakt.assess_donors(
        pa.table({**donor_base(3), "previous_donation_kinds": kinds, "previous_donation_dates": dates}),
        dt.date(2026, 6, 1),
        "whole_blood_450",
    ).to_pylist()
    assert out[0]["error"] is None and out[0]["eligible"] is False
    assert out[1]["error"] == f"invalid input: previous_donation_dates[0]: {I64_MAX} ms after 1970-01-01 {RANGE}"
    assert out[2]["error"] == "invalid input: previous_donation_dates[1]: is empty"


# ---- timestamps -----------------------------------------------------------------------------


def test_timestamp_extremes_are_errors_on_their_rows() -> None:
    midnight = LMP_DAYS * 86_400
    # Seconds beyond chrono's range, or too many to convert to a finer unit.
    s = pa.array([midnight, I64_MAX, midnight, I64_MIN], pa.timestamp("s"))
    assert lmp_rows(s) == [
        good(0),
        bad(1, f"invalid input: lmp: {I64_MAX} s after 1970-01-01 {RANGE}"),
        good(2),
        bad(3, f"invalid input: lmp: {I64_MIN} s after 1970-01-01 {RANGE}"),
    ]
    ms = pa.array([midnight * 1000, I64_MAX], pa.timestamp("ms"))
    assert lmp_rows(ms) == [good(0), bad(1, f"invalid input: lmp: {I64_MAX} ms after 1970-01-01 {RANGE}")]
    us = pa.array([midnight * 10**6, I64_MAX], pa.timestamp("us"))
    assert lmp_rows(us) == [good(0), bad(1, f"invalid input: lmp: {I64_MAX} µs after 1970-01-01 {RANGE}")]
    # Every nanosecond count is a time chrono holds; the extremes are not at midnight.
    ns = pa.array([midnight * 10**9, I64_MAX, I64_MIN, midnight * 10**9 + 1], pa.timestamp("ns"))
    time_of_day = "is a time of day; lmp is a day, not an instant: give a date or a timestamp at midnight"
    assert lmp_rows(ns) == [
        good(0),
        bad(1, f"invalid input: lmp: 2262-04-11 23:47:16.854775807 {time_of_day}"),
        bad(2, f"invalid input: lmp: 1677-09-21 00:12:43.145224192 {time_of_day}"),
        # One nanosecond past midnight is not midnight (it is not truncated to it).
        bad(3, f"invalid input: lmp: 2026-03-01 00:00:00.000000001 {time_of_day}"),
    ]


def test_timestamp_boundaries_are_read() -> None:
    # The last midnight a nanosecond count holds, and the last day chrono holds in seconds.
    last_ns = (dt.date(2262, 4, 11) - EPOCH).days * 86_400 * 10**9
    as_of = dt.date(2262, 10, 1)
    out = rakt.assess_pregnancies(pa.table({"lmp": pa.array([last_ns], pa.timestamp("ns"))}), as_of)
    assert out.to_pylist()[0]["edd"] == dt.date(2262, 4, 11) + dt.timedelta(days=280)
    row = lmp_rows(pa.array([MAX_DAYS * 86_400], pa.timestamp("s")))[0]
    assert RANGE not in (row["error"] or ""), row
    assert lmp_rows(pa.array([(MAX_DAYS + 1) * 86_400], pa.timestamp("s")))[0]["error"] == (
        f"invalid input: lmp: {(MAX_DAYS + 1) * 86_400} s after 1970-01-01 {RANGE}"
    )


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_zoned_timestamp_extremes_are_errors_on_their_rows(unit: str) -> None:
    collected = dt.datetime(2026, 1, 1, 10, 0, tzinfo=IST)
    per_unit = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[unit]
    value = int(collected.timestamp()) * per_unit
    t = pa.table({
        "id": ["a", "b", "c"],
        "component": ["red_cells"] * 3,
        "preservative": ["additive_solution"] * 3,
        "collected_at": pa.array([value, I64_MAX, value], pa.timestamp(unit, tz="Asia/Kolkata")),
    })
    out = rakt.expiries(t).to_pylist()
    want = rakt.expiry(rakt.Product("red_cells", "additive_solution"), collected).expires_at
    assert [(r["expires_at"], r["error"]) for r in (out[0], out[2])] == [(want, None)] * 2
    name = {"us": "µs"}.get(unit, unit)
    if unit == "ns":
        # 2262-04-11T23:47:16.854775807Z is a time rakt holds.
        assert out[1]["error"] is None and out[1]["expires_at"] is not None
    else:
        assert out[1]["error"] == f"invalid input: collected_at: {I64_MAX} {name} after 1970-01-01 {RANGE}"


# ---- uint64 ---------------------------------------------------------------------------------


def test_uint64_above_i64_max_is_an_error_on_its_row() -> None:
    t = pa.table({
        "id": ["a", "b", "c", "d"],
        "age_years": pa.array([28, 2**63, 30, 2**64 - 1], pa.uint64()),
        "lmp": [LMP] * 4,
    })
    out = [(r["edd"], r["error"]) for r in rakt.assess_pregnancies(t, AS_OF).to_pylist()]
    assert out == [
        (EDD, None),
        (None, per_record_error(lambda: rakt.assess_pregnancy({"age_years": 2**63}, AS_OF))),
        (EDD, None),
        (None, per_record_error(lambda: rakt.assess_pregnancy({"age_years": 2**64 - 1}, AS_OF))),
    ]
    assert out[1][1] == "invalid input: age_years: 9223372036854775808 is not a whole number from 0 to 4294967295"


def test_uint64_ids_and_measures_are_their_values() -> None:
    t = pa.table({"id": pa.array([2**63, 2**64 - 1], pa.uint64()), "lmp": [LMP, LMP]})
    assert rakt.assess_pregnancies(t, AS_OF).column("id").to_pylist() == [str(2**63), str(2**64 - 1)]
    # Read as the number it is: the rule then finds it implausible, as the per-record call does.
    hb = pa.table({"hb_g_dl": pa.array([2**63], pa.uint64())})
    per = per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": 2**63}, AS_OF))
    assert per == "invalid input: hb_g_dl: 9223372036854775808 is not plausible (expected 1 to 25)"
    assert rakt.assess_pregnancies(hb, AS_OF).to_pylist()[0]["error"] == per


def test_uint64_count_boundary() -> None:
    t = pa.table({"heart_rate": pa.array([2**32 - 1, 2**32], pa.uint64())})
    out = rakt.early_warnings(t).to_pylist()
    # The largest count is read; the rule then judges it.
    assert out[0]["error"] == "invalid input: heart_rate: 4294967295 is not plausible (expected 0 to 300)"
    assert out[1]["error"] == "invalid input: heart_rate: 4294967296 is not a whole number from 0 to 4294967295"


# ---- decimals -------------------------------------------------------------------------------

HBS = [Decimal("6.9"), Decimal("10.9"), Decimal("11.0")]


def anaemia(column: pa.Array) -> list[tuple[Any, Any]]:
    out = rakt.assess_pregnancies(pa.table({"hb_g_dl": column}), AS_OF).to_pylist()
    return [(r["anaemia"], r["error"]) for r in out]


@pytest.mark.parametrize("t", [pa.decimal32(4, 1), pa.decimal64(10, 2), pa.decimal256(40, 3)])
def test_every_decimal_width_reads_as_decimal128(t: pa.DataType) -> None:
    want = anaemia(pa.array(HBS, pa.decimal128(3, 1)))
    assert want == [(rakt.assess_pregnancy({"hb_g_dl": h}, AS_OF).anaemia, None) for h in HBS]
    assert want[0][0] != want[2][0]
    assert anaemia(pa.array(HBS, t)) == want


def test_decimal_beyond_28_places_is_an_error_on_its_row() -> None:
    tiny = Decimal("6.900000000000000000000000000001")  # 30 places: would round to 6.9
    for t in (pa.decimal128(38, 30), pa.decimal256(60, 30)):
        table = pa.table({"id": ["a", "b", "c"], "lmp": [LMP] * 3, "hb_g_dl": pa.array([None, tiny, None], t)})
        out = [{k: r[k] for k in ("id", "edd", "error")} for r in rakt.assess_pregnancies(table, AS_OF).to_pylist()]
        error = per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": tiny}, AS_OF))
        assert error == (
            "invalid input: hb_g_dl: 6.900000000000000000000000000001 is not a finite decimal that rakt "
            "can hold exactly (at most 28 digits)"
        )
        assert out == [
            {"id": "a", "edd": EDD, "error": None},
            {"id": "b", "edd": None, "error": error},
            {"id": "c", "edd": EDD, "error": None},
        ]
    # One rule for every way a decimal arrives: what the per-record call refuses (more than 28
    # places, trailing zeros included), a table refuses too, and what it holds a table holds.
    zeros = Decimal("6.900000000000000000000000000000")
    assert anaemia(pa.array([zeros], pa.decimal128(38, 30))) == [
        (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": zeros}, AS_OF)))
    ]
    places28 = Decimal("6.9000000000000000000000000000")
    assert anaemia(pa.array([places28], pa.decimal128(38, 28))) == anaemia(pa.array([Decimal("6.9")]))


def test_decimal_beyond_96_bits_is_an_error_on_its_row() -> None:
    largest = 2**96 - 1
    huge = 10**40
    over = "invalid input: hb_g_dl: {} is not a finite decimal that rakt can hold exactly (at most 28 digits)"
    for t in (pa.decimal128(38, 0), pa.decimal256(76, 0)):
        out = anaemia(pa.array([Decimal(largest), Decimal(2**96), Decimal(huge) if t.precision > 40 else None], t))
        # The largest is read (the rule then finds it implausible, as the per-record call does).
        assert out[0] == (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": largest}, AS_OF))), t
        assert "not plausible" in str(out[0][1]), t
        assert out[1] == (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": 2**96}, AS_OF))), t
        assert out[1][1] == over.format(2**96), t
        assert out[2] == ((None, over.format(huge)) if t.precision > 40 else (None, None)), t
    # With places, the digits count: the same rule as for a Decimal given to the per-record call.
    text = "79228162514264337593543950335.00"
    out = anaemia(pa.array([Decimal(text), Decimal("-12.50")], pa.decimal256(76, 2)))
    assert out[0] == (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": Decimal(text)}, AS_OF)))
    assert out[0][1] == over.format(text)
    assert out[1] == (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": Decimal("-12.50")}, AS_OF)))


def test_decimal_with_negative_scale() -> None:
    col = pa.array([Decimal("1E+2")], pa.decimal128(5, -2))
    assert anaemia(col) == anaemia(pa.array([Decimal("100")]))


def test_decimal_strings_and_floats_are_never_rounded() -> None:
    text = "12.4999999999999999999999999999999"
    out = anaemia(pa.array(["12.5", text, "1.25e1"]))
    assert out[0] == out[2] == anaemia(pa.array([Decimal("12.5")]))[0]
    assert out[1] == (None, per_record_error(lambda: rakt.assess_pregnancy({"hb_g_dl": Decimal(text)}, AS_OF)).replace(text, f'"{text}"'))
    floats = anaemia(pa.array([1e-30, 10.9]))
    assert floats[0][1] == (
        "invalid input: hb_g_dl: 0.000000000000000000000000000001 is not a finite decimal that rakt "
        "can hold exactly (at most 28 digits)"
    )
    assert floats[1] == anaemia(pa.array([Decimal("10.9")]))[0]


def test_list_of_days_items_out_of_range_or_not_whole_days() -> None:
    may = (dt.date(2026, 5, 1) - EPOCH).days
    kinds = [["whole_blood_450"]] * 3
    for dates, error in (
        (pa.array([[may], [2**31 - 1], [may]], pa.large_list(pa.date32())),
         f"invalid input: previous_donation_dates[0]: {2**31 - 1} days after 1970-01-01 {RANGE}"),
        (pa.array([[may * 86_400_000], [1], [may * 86_400_000]], pa.list_(pa.date64())),
         "invalid input: previous_donation_dates[0]: date64 value 1 ms is not a whole number of days "
         "(it is 1970-01-01 00:00:00.001)"),
    ):
        t = pa.table({**donor_base(3), "previous_donation_kinds": kinds, "previous_donation_dates": dates})
        out = rakt.assess_donors(t, dt.date(2026, 6, 1), "whole_blood_450").to_pylist()
        assert [(r["eligible"], r["error"]) for r in out] == [(False, None), (None, error), (False, None)]
