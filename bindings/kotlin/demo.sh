#!/usr/bin/env bash
# Run the Kotlin example (examples/kotlin/HospitalDemo.kt) on the bundled CSVs, from the
# repository root:  bindings/kotlin/demo.sh
# Builds what it needs: the Rust library and uniffi-bindgen (cargo), the generated bindings,
# then compiles with Maven and runs the example with `exec:exec` (a forked `java`).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
JVM=$ROOT/bindings/kotlin/jvm
OUT=$JVM/target/generated-sources/uniffi

cargo build -q -p rakt-kotlin -p uniffi-bindgen
rm -rf "$OUT"
"$TARGET_DIR/debug/uniffi-bindgen" generate --library "$TARGET_DIR/debug/librakt_ffi.so" \
    --language kotlin --out-dir "$OUT" --no-format >/dev/null
cd "$JVM"
# (Debian's Maven 3.8 with -q prints bare colour resets: strip them.)
mvn -B -q compile exec:exec -Drakt.lib.dir="$TARGET_DIR/debug" </dev/null | sed $'s/\e\\[0m//g'
