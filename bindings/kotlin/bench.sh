#!/usr/bin/env bash
# Benchmark the Kotlin batch functions against per-record calls, on the RELEASE build of the
# library: 1,000,000 ANC records (assessPregnancies vs assessPregnancy) and 1,000,000 donor checks
# (assessDonors vs assessDonor), batches of 10,000 records per call, plus a chunk-size sweep.
#
#   bindings/kotlin/bench.sh [extra mvn args...]        # from the repository root
#   bindings/kotlin/bench.sh -Drakt.bench.records=100000 -Drakt.bench.chunk=1000 -Drakt.bench.sweep=
#
# Runs the JUnit test BatchBench (tagged `bench`, which `mvn test` and test.sh exclude) with
# `-Drakt.bench.excluded=none`. Results: printed, and written as markdown to
# $RAKT_BENCH_OUT (default bindings/kotlin/jvm/target/bench/batch.md) with the machine's notes.
# Takes a few minutes; the numbers depend on the machine and its load (printed with them).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
LIB_DIR=$TARGET_DIR/release
JVM=$ROOT/bindings/kotlin/jvm
OUT=$JVM/target/generated-sources/uniffi
MD=${RAKT_BENCH_OUT:-$JVM/target/bench/batch.md}
mkdir -p "$(dirname "$MD")"
MD=$(cd "$(dirname "$MD")" && pwd)/$(basename "$MD")

cargo build -q --release -p rakt-kotlin
cargo build -q -p uniffi-bindgen
# Bindings and library must come from the same build: generate from the release library.
rm -rf "$JVM/target/classes" "$JVM/target/test-classes"
bindings/kotlin/generate.sh "$TARGET_DIR/debug/uniffi-bindgen" "$LIB_DIR/librakt_ffi.so" "$OUT"

notes() {
    echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sm), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) $1"
}
before=$(notes "before")
body=$(mktemp)
trap 'rm -f "$body"' EXIT
(cd "$JVM" && mvn -B -q test -Drakt.lib.dir="$LIB_DIR" -Dtest=BatchBench -Drakt.bench.excluded=none \
    -Drakt.bench.out="$body" "$@" </dev/null) | sed $'s/\e\\[0m//g'
after=$(notes "after")
{
    echo "Release build (\`cargo build --release -p rakt-kotlin\`: opt-level 3, thin LTO), UniFFI $(grep -A1 '^name = "uniffi"$' "$ROOT/Cargo.lock" | sed -n 's/version = "\(.*\)"/\1/p'), JNA from the Maven build."
    echo
    echo "$before"
    echo "$after"
    echo
    cat "$body"
} >"$MD"
echo "bench: results in $MD"
