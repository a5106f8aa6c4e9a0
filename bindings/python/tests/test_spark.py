"""rakt inside PySpark: ``DataFrame.mapInArrow`` over the batch functions gives, row for row,
what the plain batch call and the per-record API give (issue 7, distributed runs).

Spark runs in local mode with two worker processes; the rakt module imports in each of them
and the policy reaches them by pickling. ``assess_in_spark`` is the function the Spark example
(``examples/python/spark_hrp.py``) exports, so this also tests the example.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import rakt
from test_batch import AS_OF, expected, generated, got

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"
if not (EXAMPLES / "spark_hrp.py").is_file():
    pytest.skip("not a source checkout", allow_module_level=True)
sys.path.insert(0, str(EXAMPLES))
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from spark_hrp import AS_OF as EXAMPLE_AS_OF  # noqa: E402
from spark_hrp import assess_in_spark, decoded, generate  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rakt-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def by_id(t: pa.Table) -> pa.Table:
    return t.sort_by("id")


@pytest.fixture(scope="module")
def table() -> pa.Table:
    return generated()


def spread(spark: SparkSession, t: pa.Table, partitions: int = 4) -> DataFrame:
    """``t`` as a DataFrame over several partitions, so several tasks and workers share it."""
    return spark.createDataFrame(t).repartition(partitions)


def test_spark_input_keeps_the_column_types(spark: SparkSession, table: pa.Table) -> None:
    assert spark.createDataFrame(table).toArrow().schema == table.schema


def test_spark_equals_batch_and_per_record(spark: SparkSession, table: pa.Table) -> None:
    policy = rakt.Policy.builtin("india")
    out = by_id(assess_in_spark(spread(spark, table), AS_OF, policy).toArrow())
    plain = by_id(decoded(rakt.assess_pregnancies(table, AS_OF, policy)))
    assert out.num_rows == table.num_rows == 400
    assert out.schema == plain.schema
    assert out.equals(plain)
    want = sorted((expected(r) for r in table.to_pylist()), key=lambda r: str(r["id"]))
    assert got(out) == want
    errors = [r for r in want if r["error"]]
    assert 50 < len(errors) < 350, "the dataset has good and bad rows"


def test_renamed_columns_in_spark(spark: SparkSession, table: pa.Table) -> None:
    renamed = table.rename_columns(["mother" if n == "id" else "hb" if n == "hb_g_dl" else n for n in table.column_names])
    mapping = {"id": "mother", "hb_g_dl": "hb"}
    out = assess_in_spark(spread(spark, renamed), AS_OF, columns=mapping).toArrow().sort_by("id")
    assert out.equals(by_id(decoded(rakt.assess_pregnancies(table, AS_OF))))


def test_a_missing_column_fails_on_the_driver(spark: SparkSession, table: pa.Table) -> None:
    df = spark.createDataFrame(table)
    with pytest.raises(KeyError, match='column "hb" \\(mapped to field hb_g_dl\\) is not in the table'):
        assess_in_spark(df, AS_OF, columns={"hb_g_dl": "hb"})


def test_the_generated_national_table(spark: SparkSession) -> None:
    df = generate(spark, rows=3000, partitions=3)
    local: pa.Table = df.toArrow()
    assert local.schema.field("hb_g_dl").type == pa.decimal128(4, 1)
    out = by_id(assess_in_spark(df, EXAMPLE_AS_OF).toArrow())
    assert out.equals(by_id(decoded(rakt.assess_pregnancies(local, EXAMPLE_AS_OF))))
    rows: list[dict[str, Any]] = out.to_pylist()
    refused = [r for r in rows if r["error"]]
    assert len(refused) > 10
    assert {r["error"] for r in refused} == {
        "invalid input: age_years: -1 is not a whole number from 0 to 4294967295"
    }
    assert {r["risk_level"] for r in rows if not r["error"]} == {"low", "high", "emergency"}
