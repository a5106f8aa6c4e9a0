"""Every Arrow layout a column may arrive in reads as the plain one: large, view and dictionary
strings; narrow and unsigned integers; float16 and float32; decimal32 and decimal64; date64 and
timestamps; large lists, list views (items shared or out of order) and lists of dictionaries;
sliced tables; a record batch offered only through `__arrow_c_array__`. rakt rewrites these
layouts itself (`batch/layout.rs`), so each is compared with the result on the plain type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

import rakt

AS_OF = dt.date(2026, 10, 1)
N = 24


def base() -> dict[str, pa.Array]:
    """Plain columns: some values in every row pattern, nulls included."""
    ids = [f"P{i}" if i % 7 else None for i in range(N)]
    lmp = [AS_OF - dt.timedelta(days=30 + 9 * i) if i % 5 else None for i in range(N)]
    age = [[16, 18, 25, 36, 41][i % 5] if i % 6 else None for i in range(N)]
    gravida = [[1, 2, 5][i % 3] for i in range(N)]
    hb = [[Decimal("6.9"), Decimal("8.0"), Decimal("10.9"), Decimal("11.0"), Decimal("12.5"), None][i % 6]
          for i in range(N)]
    presentation = [["cephalic", "breech", None, "transverse_or_oblique"][i % 4] for i in range(N)]
    conditions = [[["heart_disease"], [], None, ["diabetes", "previous_pph"], ["asthma", None]][i % 5]
                  for i in range(N)]
    return {
        "id": pa.array(ids, pa.string()),
        "lmp": pa.array(lmp, pa.date32()),
        "age_years": pa.array(age, pa.int64()),
        "gravida": pa.array(gravida, pa.int64()),
        "hb_g_dl": pa.array(hb, pa.decimal128(5, 1)),
        "presentation": pa.array(presentation, pa.string()),
        "conditions": pa.array(conditions, pa.list_(pa.string())),
    }


def list_view(lists: pa.Array) -> pa.Array:
    """A list column as a list view of the same rows (pyarrow does not cast to list views)."""
    offsets = lists.offsets.to_pylist()
    return pa.ListViewArray.from_arrays(
        offsets[:-1], [b - a for a, b in zip(offsets, offsets[1:])], lists.values,
        mask=lists.is_null())


def layout(lists: pa.Array, t: pa.DataType) -> pa.Array:
    """`lists` in layout `t`, list views included."""
    if pa.types.is_list_view(t):
        return list_view(lists.cast(pa.list_(t.value_type)))
    return lists.cast(t)


def assess(columns: dict[str, pa.Array]) -> list[dict[str, Any]]:
    return rakt.assess_pregnancies(pa.table(columns), AS_OF).to_pylist()  # type: ignore[no-any-return]


WANT = assess(base())


def test_the_plain_table_gives_distinct_answers() -> None:
    # So that a layout read wrongly cannot pass by chance.
    assert len({r["risk_level"] for r in WANT}) >= 2
    assert {r["anaemia"] for r in WANT} >= {"severe", "moderate", "mild", "none"}
    assert any("PREVIOUS_PPH" in (r["flags"] or []) for r in WANT)
    assert WANT[1]["id"] == "P1" and WANT[0]["id"] is None


STRINGS = [pa.large_string(), pa.string_view(), pa.dictionary(pa.int8(), pa.string()),
           pa.dictionary(pa.uint32(), pa.large_string())]


@pytest.mark.parametrize("t", STRINGS, ids=str)
@pytest.mark.parametrize("column", ["id", "presentation"])
def test_string_layouts(column: str, t: pa.DataType) -> None:
    cols = base()
    cols[column] = cols[column].cast(t)
    assert assess(cols) == WANT


@pytest.mark.parametrize("t", [pa.int8(), pa.int16(), pa.int32(), pa.uint8(), pa.uint16(), pa.uint32()],
                         ids=str)
def test_integer_widths(t: pa.DataType) -> None:
    cols = base()
    cols["age_years"] = cols["age_years"].cast(t)
    cols["gravida"] = cols["gravida"].cast(t)
    assert assess(cols) == WANT


@pytest.mark.parametrize("t", [pa.float16(), pa.float32()], ids=str)
def test_float_widths_read_as_their_float64_values(t: pa.DataType) -> None:
    # 6.9 is not exact in either width: the narrow float reads as the same float widened.
    narrow = pa.array([1.5, 6.9, 10.9, 12.5, None], t)
    wide = narrow.cast(pa.float64())
    got = rakt.assess_pregnancies(pa.table({"hb_g_dl": narrow}), AS_OF).to_pylist()
    assert got == rakt.assess_pregnancies(pa.table({"hb_g_dl": wide}), AS_OF).to_pylist()
    assert [r["anaemia"] for r in got] == ["severe", "severe", "mild", "none", None]


@pytest.mark.parametrize("t", [pa.decimal32(5, 1), pa.decimal64(12, 1), pa.decimal128(38, 1)],
                         ids=str)
def test_decimal_widths(t: pa.DataType) -> None:
    cols = base()
    cols["hb_g_dl"] = cols["hb_g_dl"].cast(t)
    assert assess(cols) == WANT


def test_date64_and_midnight_timestamps_read_as_days() -> None:
    for t in (pa.date64(), pa.timestamp("s"), pa.timestamp("ns")):
        cols = base()
        cols["lmp"] = cols["lmp"].cast(t)
        assert assess(cols) == WANT, t


@pytest.mark.parametrize("t", [
    pa.large_list(pa.string()),
    pa.list_(pa.large_string()),
    pa.list_(pa.dictionary(pa.int16(), pa.string())),
    pa.large_list(pa.string_view()),
    pa.list_view(pa.string()),
    pa.large_list(pa.dictionary(pa.int8(), pa.large_string())),
], ids=str)
def test_list_layouts(t: pa.DataType) -> None:
    cols = base()
    cols["conditions"] = layout(cols["conditions"], t)
    assert assess(cols) == WANT


def test_a_list_view_whose_rows_share_and_reorder_items() -> None:
    values = pa.array(["diabetes", "heart_disease", "previous_pph", "asthma"])
    # Row 0 reads items 2..4, row 1 items 0..2, row 2 is null, row 3 shares row 1's first item.
    view = pa.ListViewArray.from_arrays([2, 0, 0, 0], [2, 2, 0, 1], values,
                                        mask=pa.array([False, False, True, False]))
    plain = pa.array([["previous_pph", "asthma"], ["diabetes", "heart_disease"], None, ["diabetes"]],
                     pa.list_(pa.string()))
    got = rakt.assess_pregnancies(pa.table({"conditions": view}), AS_OF).to_pylist()
    assert got == rakt.assess_pregnancies(pa.table({"conditions": plain}), AS_OF).to_pylist()
    assert [r["flags"] for r in got] == [["PREVIOUS_PPH", "MEDICAL_CONDITION"], ["MEDICAL_CONDITION"] * 2, [],
                                         ["MEDICAL_CONDITION"]]


def test_list_views_and_large_lists_of_days() -> None:
    may = dt.date(2026, 5, 1)
    dates = pa.array([[may], [may, may - dt.timedelta(days=200)], None], pa.list_(pa.date32()))
    kinds = [["whole_blood_450"], ["whole_blood_450"] * 2, None]
    donors = {
        "date_of_birth": [dt.date(1990, 1, 1)] * 3, "sex": ["male"] * 3, "weight_kg": [60] * 3,
        "hb_g_dl": ["13.5"] * 3, "systolic_mmhg": [120] * 3, "diastolic_mmhg": [80] * 3,
        "pulse_bpm": [72] * 3, "temperature_c": ["36.8"] * 3, "previous_donation_kinds": kinds,
    }

    def run(d: pa.Array) -> list[dict[str, Any]]:
        t = pa.table({**donors, "previous_donation_dates": d})
        return rakt.assess_donors(t, dt.date(2026, 6, 1), "whole_blood_450").to_pylist()  # type: ignore[no-any-return]

    want = run(dates)
    assert [r["eligible"] for r in want] == [False, False, True]
    for t in (pa.large_list(pa.date32()), pa.list_view(pa.date32()), pa.list_(pa.date64())):
        assert run(layout(dates, t)) == want, t


def test_sliced_tables_read_their_own_rows() -> None:
    table = pa.table(base())
    for t in (pa.large_list(pa.string()), pa.list_view(pa.string()), pa.list_(pa.string())):
        cols = base()
        cols["conditions"] = layout(cols["conditions"], t)
        cols["id"] = cols["id"].cast(pa.dictionary(pa.int8(), pa.string()))
        sliced = pa.table(cols).slice(5, 11)
        got = rakt.assess_pregnancies(sliced, AS_OF).to_pylist()
        assert got == rakt.assess_pregnancies(table.slice(5, 11), AS_OF).to_pylist() == WANT[5:16], t


def test_a_sliced_batch_of_a_stream() -> None:
    batch = pa.table(base()).to_batches()[0].slice(3, 10)
    reader = pa.RecordBatchReader.from_batches(batch.schema, [batch, batch.slice(4)])
    out = rakt.assess_pregnancies(reader, AS_OF)
    assert isinstance(out, pa.RecordBatchReader)
    assert out.read_all().to_pylist() == WANT[3:13] + WANT[7:13]


class ArrayOnly:
    """A producer that offers one record batch through `__arrow_c_array__` only."""

    def __init__(self, batch: pa.RecordBatch) -> None:
        self.batch = batch

    def __arrow_c_array__(self, requested_schema: object = None) -> object:
        return self.batch.__arrow_c_array__(requested_schema)


def test_a_record_batch_through_arrow_c_array() -> None:
    batch = pa.table(base()).to_batches()[0]
    assert not hasattr(ArrayOnly(batch), "__arrow_c_stream__")
    out = rakt.assess_pregnancies(ArrayOnly(batch), AS_OF)
    assert isinstance(out, pa.Table) and out.to_pylist() == WANT


def test_an_object_without_the_interface_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match=r"^assess_pregnancies: data must be a table with the Arrow "
                                        r"PyCapsule interface .* not dict$"):
        rakt.assess_pregnancies({"lmp": [AS_OF]}, AS_OF)


class BadCapsule:
    """A producer whose stream method returns a capsule of another kind."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return pa.array([1]).__arrow_c_array__()[1]


def test_a_capsule_of_the_wrong_kind_is_an_error_not_a_crash() -> None:
    with pytest.raises((ValueError, TypeError)):
        rakt.assess_pregnancies(BadCapsule(), AS_OF)


def test_the_result_stream_is_read_once() -> None:
    out = rakt.assess_pregnancies(pa.RecordBatchReader.from_batches(
        pa.table(base()).schema, pa.table(base()).to_batches()), AS_OF)
    assert out.read_all().num_rows == N
    with pytest.raises(Exception):
        out.read_next_batch()
