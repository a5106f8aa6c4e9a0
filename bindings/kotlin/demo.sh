#!/usr/bin/env bash
# Run a Kotlin example, from the repository root:
#   bindings/kotlin/demo.sh                  examples/kotlin/HospitalDemo.kt on the bundled CSVs
#   bindings/kotlin/demo.sh DonorAndUnit     examples/kotlin/DonorAndUnit.kt (donor, unit lifecycle)
#   bindings/kotlin/demo.sh LabelsAndCodes   examples/kotlin/LabelsAndCodes.kt (ISBT 128, e-RaktKosh, FHIR)
#   bindings/kotlin/demo.sh StockDemo        examples/kotlin/StockDemo.kt (inventory, transfers, norms)
#   bindings/kotlin/demo.sh MaternalDemo     examples/kotlin/MaternalDemo.kt (HRP flags, referral, blood readiness)
# Builds what it needs: the Rust library and uniffi-bindgen (cargo), the generated bindings,
# then compiles with Maven and runs the example with `exec:exec` (a forked `java`).
set -euo pipefail
case "${1:-HospitalDemo}" in
    HospitalDemo) MAIN=org.rakt.examples.HospitalDemoKt ;;
    DonorAndUnit) MAIN=org.rakt.examples.lifecycle.DonorAndUnitKt ;;
    LabelsAndCodes) MAIN=org.rakt.examples.labels.LabelsAndCodesKt ;;
    StockDemo) MAIN=org.rakt.examples.stock.StockDemoKt ;;
    MaternalDemo) MAIN=org.rakt.examples.maternal.MaternalDemoKt ;;
    *) echo "usage: $0 [HospitalDemo|DonorAndUnit|LabelsAndCodes|StockDemo|MaternalDemo]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
JVM=$ROOT/bindings/kotlin/jvm
OUT=$JVM/target/generated-sources/uniffi

cargo build -q -p rakt-kotlin -p uniffi-bindgen
bindings/kotlin/generate.sh "$TARGET_DIR/debug/uniffi-bindgen" "$TARGET_DIR/debug/librakt_ffi.so" "$OUT"
cd "$JVM"
# (Debian's Maven 3.8 with -q prints bare colour resets: strip them.)
mvn -B -q compile exec:exec -Drakt.lib.dir="$TARGET_DIR/debug" -Drakt.example.main="$MAIN" </dev/null | sed $'s/\e\\[0m//g'
