"""The batch functions over Arrow tables give, row by row, what the per-record API gives,
bad rows included, for pyarrow, pandas and polars inputs and for streams."""

from __future__ import annotations

import datetime as dt
import pickle
import random
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

import rakt

AS_OF = dt.date(2026, 10, 1)


def generated(n: int = 400, seed: int = 7) -> pa.Table:
    """ANC rows with every kind of value, some of them wrong."""
    rng = random.Random(seed)

    def maybe(v: Any, p: float = 0.2) -> Any:
        return None if rng.random() < p else v

    rows: dict[str, list[Any]] = {k: [] for k in (
        "id", "age_years", "parity", "hb_g_dl", "bp_systolic", "bp_diastolic", "lmp",
        "blood_group", "presentation", "conditions", "vaginal_bleeding", "fetuses",
    )}
    for i in range(n):
        rows["id"].append(f"M{i:04d}")
        rows["age_years"].append(maybe(rng.choice([14, 17, 18, 19, 20, 28, 34, 35, 36, 41, -1])))
        rows["parity"].append(maybe(rng.randint(0, 6)))
        rows["hb_g_dl"].append(maybe(rng.choice([6.9, 7.0, 7.1, 9.9, 10.0, 10.9, 11.0, 12.5, 13.2])))
        s = maybe(rng.choice([110, 139, 140, 159, 160, 170]))
        d = maybe(rng.choice([70, 89, 90, 109, 110, 115]))
        rows["bp_systolic"].append(s)
        rows["bp_diastolic"].append(d)
        rows["lmp"].append(maybe(AS_OF - dt.timedelta(days=rng.randint(20, 300))))
        rows["blood_group"].append(maybe(rng.choice(["O+", "A-", "B+", "AB-", "Q+"]), 0.3))
        rows["presentation"].append(maybe(rng.choice(["cephalic", "breech", "transverse", "sideways"]), 0.5))
        rows["conditions"].append(maybe(rng.choice([[], ["heart_disease"], ["diabetes", "hiv_positive"]]), 0.5))
        rows["vaginal_bleeding"].append(maybe(rng.random() < 0.1))
        rows["fetuses"].append(maybe(rng.choice([1, 1, 1, 2, 3])))
    return pa.table(rows)


# The AncRecord fields in the order the per-record API checks them (bp stands for its pair).
ORDER = ("id", "age_years", "parity", "lmp", "fetuses", "presentation", "hb_g_dl", "bp",
         "blood_group", "conditions", "vaginal_bleeding")


def expected(row: dict[str, Any]) -> dict[str, Any]:
    """What the per-record API says about one table row.

    Values are converted field by field in ORDER first, then the record is checked; so a
    blood pressure with one half missing (which only a table can hold) is reported after the
    conversion errors of the fields before it (a negative count) and before any other.
    """
    fields: dict[str, Any] = {}
    for k in ORDER:
        v: Any = (row["bp_systolic"], row["bp_diastolic"]) if k == "bp" else row[k]
        if k == "bp" and v == (None, None) or v is None:
            continue
        fields[k] = Decimal(repr(v)) if isinstance(v, float) else v
    try:
        bp = fields.get("bp")
        if bp is not None and None in bp:
            for k in ORDER[: ORDER.index("bp")]:
                if isinstance(fields.get(k), int) and fields[k] < 0:
                    rakt.AncRecord(**{k: fields[k]})
            given, missing = ("systolic", "diastolic") if bp[0] is not None else ("diastolic", "systolic")
            raise rakt.InvalidInput(f"invalid input: bp: bp_{given} is given without bp_{missing}")
        a = rakt.assess_pregnancy(fields, AS_OF)
    except rakt.RaktError as e:
        return {"id": row["id"], "error": str(e)}
    gestation = a.gestation
    return {
        "id": a.id,
        "risk_level": a.risk_level,
        "flags": a.codes,
        "referral_level": a.referral.level,
        "referral_urgency": a.referral.urgency,
        "blood_tier": a.blood_plan.tier,
        "blood_action": a.blood_plan.action,
        "blood_units": a.blood_plan.units,
        "gestation_weeks": gestation[0] if gestation else None,
        "gestation_days": gestation[1] if gestation else None,
        "edd": a.edd,
        "hypertension": a.hypertension,
        "anaemia": a.anaemia,
        "gdm": a.gdm,
        "not_assessed": a.not_assessed,
        "error": None,
    }


def got(out: pa.Table) -> list[dict[str, Any]]:
    rows = out.to_pylist()
    return [{"id": r["id"], "error": r["error"]} if r["error"] else r for r in rows]


@pytest.fixture(scope="module")
def table() -> pa.Table:
    return generated()


@pytest.fixture(scope="module")
def want(table: pa.Table) -> list[dict[str, Any]]:
    return [expected(r) for r in table.to_pylist()]


def test_dataset_has_good_and_bad_rows(want: list[dict[str, Any]]) -> None:
    errors = [w["error"] for w in want if w["error"]]
    assert 50 < len(errors) < 350
    assert any("age_years: -1 is not a whole number" in e for e in errors)
    assert any("bp_systolic is given without bp_diastolic" in e for e in errors)
    assert any("presentation" in e for e in errors)
    assert any(w.get("risk_level") == "high" for w in want)
    assert any(w.get("risk_level") == "low" for w in want)


def test_pyarrow_table_equals_per_record(table: pa.Table, want: list[dict[str, Any]]) -> None:
    out = rakt.assess_pregnancies(table, AS_OF)
    assert isinstance(out, pa.Table)
    assert out.num_rows == table.num_rows
    assert got(out) == want


def test_record_batch_equals_per_record(table: pa.Table, want: list[dict[str, Any]]) -> None:
    batch = table.combine_chunks().to_batches()[0]
    assert got(rakt.assess_pregnancies(batch, AS_OF)) == want


def test_pandas_equals_per_record(table: pa.Table, want: list[dict[str, Any]]) -> None:
    df = table.to_pandas()  # integer columns with gaps become float64 with NaN
    assert str(df["age_years"].dtype) == "float64"
    out = rakt.assess_pregnancies(df, AS_OF)
    assert got(out) == want
    assert list(out.to_pandas()["id"]) == [w["id"] for w in want]


def test_polars_equals_per_record(table: pa.Table, want: list[dict[str, Any]]) -> None:
    pl = pytest.importorskip("polars")
    out = rakt.assess_pregnancies(pl.from_arrow(table), AS_OF)
    assert got(out) == want
    assert pl.from_arrow(out).height == table.num_rows


def test_stream_in_stream_out(table: pa.Table, want: list[dict[str, Any]]) -> None:
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=64))
    out = rakt.assess_pregnancies(reader, AS_OF)
    assert isinstance(out, pa.RecordBatchReader)
    batches = list(out)
    assert [b.num_rows for b in batches] == [64] * 6 + [16]
    assert got(pa.Table.from_batches(batches)) == want


def test_parallel_output_equals_one_thread() -> None:
    big = generated(20_000, seed=11)
    assert rakt.assess_pregnancies(big, AS_OF).equals(
        rakt.assess_pregnancies(big, AS_OF, parallel=False)
    )


CODE = pa.dictionary(pa.int16(), pa.string())


def test_code_columns_are_dictionary_encoded(table: pa.Table, want: list[dict[str, Any]]) -> None:
    big = pa.concat_tables([table] * 25)  # 10,000 rows: three pieces, each its own dictionary
    out = rakt.assess_pregnancies(big, AS_OF)
    types = {f.name: f.type for f in out.schema}
    for name in ("risk_level", "referral_level", "referral_urgency", "blood_tier", "blood_action",
                 "hypertension", "anaemia"):
        assert types[name] == CODE, name
    assert types["flags"] == types["not_assessed"] == pa.list_(CODE)
    assert types["id"] == types["error"] == pa.string()
    assert got(out) == want * 25
    # Each chunk's dictionary holds the codes of that chunk, once each.
    for chunk in out.column("risk_level").chunks:
        codes = chunk.dictionary.to_pylist()
        assert len(codes) == len(set(codes))
        assert set(codes) == {v for v in chunk.to_pylist() if v is not None}
    df = out.to_pandas()
    assert str(df["risk_level"].dtype) == "category"
    assert (df["risk_level"] == "high").sum() == 25 * sum(w.get("risk_level") == "high" for w in want)
    assert set(df["risk_level"].cat.categories) == {"low", "high", "emergency"}
    pl = pytest.importorskip("polars")
    assert pl.from_arrow(out)["risk_level"].dtype == pl.Categorical


def test_other_batch_code_columns_are_dictionary_encoded() -> None:
    vitals = rakt.early_warnings(pa.table({"id": ["V1"], "respiratory_rate": [35], "spo2": [90]}))
    assert vitals.schema.field("level").type == vitals.schema.field("spo2_band").type == CODE
    assert vitals.schema.field("alerts").type == pa.list_(CODE)
    assert vitals.column("alerts").to_pylist() == [["respiratory_rate:red", "spo2:red"]]
    pairs = rakt.compatibilities(pa.table({"component": ["red_cells"], "donor": ["A+"],
                                           "recipient_group": ["O+"]}))
    assert pairs.schema.field("rank").type == CODE
    assert pairs.schema.field("reasons").type == pa.list_(CODE)
    assert pairs.column("reasons").to_pylist() == [["RED_CELLS_ABO_INCOMPATIBLE"]]
    robson = rakt.robson_groups(pa.table({"parity": [0]}))
    assert robson.schema.field("group").type == CODE
    assert robson.column("group").to_pylist() == [None]
    assert robson.schema.field("missing").type == pa.list_(CODE)


def test_renamed_columns() -> None:
    t = pa.table({"mother": ["X1"], "hb": [Decimal("6.9")], "age": [17]})
    out = rakt.assess_pregnancies(t, AS_OF, columns={"id": "mother", "hb_g_dl": "hb", "age_years": "age"})
    row = out.to_pylist()[0]
    assert row["id"] == "X1"
    assert row["anaemia"] == "severe"
    assert row["flags"] == ["YOUNG_AGE", "SEVERE_ANAEMIA"]


def test_hb_boundary_from_float_decimal_and_string() -> None:
    # 7.0 g/dL is severe anaemia (< 7 is very severe? no: the policy's bands), whatever the type.
    per = rakt.assess_pregnancy({"hb_g_dl": Decimal("7.0")}, AS_OF).anaemia
    for col in (pa.array([7.0]), pa.array([Decimal("7.0")]), pa.array(["7.0"])):
        out = rakt.assess_pregnancies(pa.table({"hb_g_dl": col}), AS_OF)
        assert out.column("anaemia").to_pylist() == [per]


def test_mapped_column_missing_is_named() -> None:
    t = pa.table({"id": ["a"]})
    with pytest.raises(KeyError, match='column "hb" \\(mapped to field hb_g_dl\\) is not in the table'):
        rakt.assess_pregnancies(t, AS_OF, columns={"hb_g_dl": "hb"})


def test_unknown_field_in_mapping() -> None:
    with pytest.raises(KeyError, match='"haemoglobin" is not an input of assess_pregnancies'):
        rakt.assess_pregnancies(pa.table({"id": ["a"]}), AS_OF, columns={"haemoglobin": "hb"})


def test_table_without_any_input_column() -> None:
    with pytest.raises(KeyError, match="none of the table"):
        rakt.assess_pregnancies(pa.table({"x": [1]}), AS_OF)


def test_wrong_column_type_names_it() -> None:
    with pytest.raises(TypeError, match='column "lmp" \\(field lmp\\) is of type Boolean'):
        rakt.assess_pregnancies(pa.table({"lmp": [True]}), AS_OF)


def test_date_columns_from_strings_and_midnight_timestamps() -> None:
    t = pa.table({
        "id": ["a", "b", "c"],
        "lmp": pa.array([dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 1, 10), None], pa.timestamp("ns")),
    })
    out = rakt.assess_pregnancies(t, AS_OF).to_pylist()
    assert out[0]["edd"] == dt.date(2026, 12, 6)
    assert out[1]["error"] == (
        "invalid input: lmp: 2026-03-01 10:00:00 is a time of day; lmp is a day, not an instant: "
        "give a date or a timestamp at midnight"
    )
    s = rakt.assess_pregnancies(pa.table({"lmp": ["2026-03-01", "01/03/2026"]}), AS_OF).to_pylist()
    assert s[0]["edd"] == dt.date(2026, 12, 6)
    assert s[1]["error"] == 'invalid input: lmp: "01/03/2026" is not a date (YYYY-MM-DD)'


def test_not_a_table() -> None:
    with pytest.raises(TypeError, match="data must be a table with the Arrow PyCapsule interface"):
        rakt.assess_pregnancies([{"id": "a"}], AS_OF)


def test_works_in_a_process_pool_after_fork(table: pa.Table) -> None:
    import multiprocessing as mp

    rakt.assess_pregnancies(generated(5000), AS_OF)  # the pool exists in the parent
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        outs = pool.map(_assess_ipc, [_ipc(table), _ipc(generated(5000, seed=3))])
    assert pa.ipc.open_stream(outs[0]).read_all().equals(rakt.assess_pregnancies(table, AS_OF))
    assert pickle.loads(pickle.dumps(rakt.Policy.builtin("india"))) == rakt.Policy.builtin("india")


def _ipc(t: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, t.schema) as w:
        w.write_table(t)
    return sink.getvalue().to_pybytes()


def _assess_ipc(data: bytes) -> bytes:
    out = rakt.assess_pregnancies(pa.ipc.open_stream(data).read_all(), AS_OF)
    return _ipc(out)


def test_a_bp_column_is_refused_not_ignored() -> None:
    with pytest.raises(ValueError, match='column "bp" is not read: give the pressure as two integer columns'):
        rakt.assess_pregnancies(pa.table({"id": ["a"], "bp": ["150/100"]}), AS_OF)
