"""rakt in Spark: the high-risk-pregnancy assessment over a national-size ANC table.

India registers about 25 million pregnancies a year. This example generates an ANC table of that
shape in Spark (``--rows``, one million by default; ``--rows 25000000`` for a year), runs
``rakt.assess_pregnancies`` over it with ``DataFrame.mapInArrow`` (each Arrow batch goes to rakt
as it is, with no per-row Python), and summarises the verdicts: mothers by risk level, the most
common high-risk flags, the rows rakt refused and why.

``assess_in_spark`` is the reusable part: give it any DataFrame whose columns follow the
``assess_pregnancies`` contract (rename with ``columns=``) and it returns the verdict DataFrame,
one row per input row, in Spark. The policy travels to the executors by pickling, and the rakt
module imports in each Python worker; there is no global state to set up.

Run: ``python examples/python/spark_hrp.py [--rows N] [--partitions N]`` after
``pip install ./bindings/python pyspark`` (PySpark needs Java 17). Spark runs in local mode on
every core of this machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type hints
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

import rakt

AS_OF = date(2026, 11, 23)


def assess_in_spark(
    df: DataFrame,
    as_of: date,
    policy: rakt.Policy | None = None,
    columns: Mapping[str, str] | None = None,
) -> DataFrame:
    """The ``rakt.assess_pregnancies`` verdicts for every row of ``df``, as a Spark DataFrame.

    The output schema is the one rakt gives an empty table with ``df``'s schema, so a renamed or
    missing column fails here, on the driver, before any task runs. Within a partition each Arrow
    batch is assessed in one call; rakt does not use its own threads there (``parallel=False``),
    because Spark already runs one task per core. rakt writes its code columns
    dictionary-encoded; Spark has no dictionary type, so they are decoded to strings
    (:func:`decoded`) before Spark reads them.
    """
    policy = policy if policy is not None else rakt.Policy.builtin("india")
    mapping = dict(columns or {})
    empty = to_arrow_schema(df.schema).empty_table()
    schema = decoded(rakt.assess_pregnancies(empty, as_of, policy, columns=mapping)).schema

    def assess(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out = rakt.assess_pregnancies(batch, as_of, policy, columns=mapping, parallel=False)
            yield from out.cast(schema).to_batches()

    return df.mapInArrow(assess, from_arrow_schema(schema))


def _plain(t: pa.DataType) -> pa.DataType:
    """``t`` with its dictionaries (a code, or the codes of a list) replaced by their values."""
    if pa.types.is_dictionary(t):
        return t.value_type
    if pa.types.is_list(t):
        return pa.list_(_plain(t.value_type))
    return t


def decoded(table: pa.Table) -> pa.Table:
    """``table`` with its dictionary-encoded code columns cast to plain strings."""
    return table.cast(pa.schema([f.with_type(_plain(f.type)) for f in table.schema]))


def _pick(r: Column, choices: Sequence[object]) -> Column:
    """One of ``choices``, chosen by the uniform random column ``r`` in [0, 1)."""
    n = len(choices)
    expr = F.lit(choices[-1])
    for i in reversed(range(n - 1)):
        expr = F.when(r < (i + 1) / n, F.lit(choices[i])).otherwise(expr)
    return expr


def generate(spark: SparkSession, rows: int, partitions: int, seed: int = 2026) -> DataFrame:
    """An ANC table of ``rows`` mothers, with the mix of values and gaps an export has.

    The values are drawn to exercise the rules (ages from 14 to 41, haemoglobin from 6.9 to
    13.2 g/dL, pressures either side of 140/90 and 160/110, twins and breech), not to match
    India's prevalence; about one row in a hundred has an age of -1, which rakt refuses as a
    row error without failing the batch.
    """
    ids = spark.range(0, rows, numPartitions=partitions)

    def rand(k: int) -> Column:
        # A uniform draw in [0, 1) from a hash of the row id: unlike F.rand, it is the same
        # value wherever it appears in an expression (F.rand in a CASE branch draws only when
        # the branch is reached) and the same for any number of partitions.
        return F.pmod(F.xxhash64(F.col("id"), F.lit(seed + k)), F.lit(1_000_000)) / 1_000_000.0

    def maybe(value: Column, k: int, missing: float = 0.1) -> Column:
        return F.when(rand(100 + k) >= missing, value)

    systolic = _pick(rand(4), [100, 110, 118, 126, 139, 140, 150, 159, 160, 170])
    return ids.select(
        F.format_string("M%09d", F.col("id")).alias("id"),
        maybe(F.when(rand(12) < 0.01, -1).otherwise(_pick(rand(1), [14, 17, 18, 19, 20, 24, 28, 30, 34, 35, 36, 41])), 1, 0.02)
        .cast("int")
        .alias("age_years"),
        maybe((rand(2) * 6).cast("int"), 2).alias("parity"),
        maybe(_pick(rand(3), [6.9, 7.0, 8.5, 9.9, 10.0, 10.9, 11.0, 11.8, 12.5, 13.2]), 3)
        .cast("decimal(4,1)")
        .alias("hb_g_dl"),
        maybe(systolic, 4).cast("int").alias("bp_systolic"),
        maybe(systolic - _pick(rand(5), [30, 40, 49, 50, 60]), 4).cast("int").alias("bp_diastolic"),
        maybe(F.date_sub(F.lit(AS_OF), (rand(6) * 280 + 20).cast("int")), 6).alias("lmp"),
        maybe(_pick(rand(7), ["O+", "B+", "A+", "AB+", "O-", "B-", "A-", "AB-"]), 7).alias("blood_group"),
        maybe(_pick(rand(8), ["cephalic"] * 8 + ["breech", "transverse_or_oblique"]), 8, 0.5).alias("presentation"),
        F.when(rand(9) < 0.03, F.array(F.lit("heart_disease")))
        .when(rand(9) < 0.06, F.array(F.lit("diabetes")))
        .otherwise(F.array().cast("array<string>"))
        .alias("conditions"),
        maybe(rand(10) < 0.02, 10).alias("vaginal_bleeding"),
        maybe(F.when(rand(11) < 0.015, 2).otherwise(1), 11).alias("fetuses"),
    )


def summarise(verdicts: DataFrame) -> None:
    """Print mothers by risk level, the commonest flags and the refused rows."""
    total = verdicts.count()
    print(f"{total:,} mothers assessed")
    print("\nBy risk level")
    levels = verdicts.groupBy(F.coalesce("risk_level", F.lit("(row refused)")).alias("level")).count()
    for row in levels.orderBy(F.desc("count")).collect():
        print(f"  {row['level']:<14} {row['count']:>12,}  {100 * row['count'] / total:5.1f}%")
    print("\nCommonest high-risk flags")
    flags = verdicts.select(F.explode("flags").alias("flag")).groupBy("flag").count()
    for row in flags.orderBy(F.desc("count")).limit(8).collect():
        print(f"  {row['flag']:<34} {row['count']:>12,}")
    print("\nRows refused (first cause)")
    errors = verdicts.where(F.col("error").isNotNull()).groupBy("error").count()
    for row in errors.orderBy(F.desc("count")).limit(5).collect():
        print(f"  {row['count']:>10,}  {row['error']}")


def main(argv: list[str] | None = None) -> None:
    """Generate the table, assess it in Spark and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000, help="mothers to generate (default 1,000,000)")
    parser.add_argument("--partitions", type=int, default=8, help="Spark partitions (default 8)")
    parser.add_argument("--driver-memory", default="4g",
                        help="heap of Spark's local JVM (default 4g; Spark's own default, 1g, is too "
                             "small for a year of mothers)")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[*]")
        .appName("rakt-spark-hrp")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.partitions))
        .config("spark.driver.memory", args.driver_memory)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    # Only the columns the summary reads are kept in memory between its three queries.
    verdicts = assess_in_spark(generate(spark, args.rows, args.partitions), AS_OF)
    verdicts = verdicts.select("risk_level", "flags", "error").cache()
    summarise(verdicts)
    print(f"\nGenerated, assessed and summarised in {time.perf_counter() - started:.1f} s (Spark local mode)")
    spark.stop()


if __name__ == "__main__":
    main()
