#!/usr/bin/env bash
# Test the Kotlin bindings on the JVM against the host build of the Rust library.
#
#   cargo build -p rakt-kotlin -p uniffi-bindgen     # once: librakt_ffi.so + uniffi-bindgen
#   bindings/kotlin/test.sh [extra mvn args...]       # from the repository root
#
# 1. generates the Kotlin bindings from target/debug/librakt_ffi.so (library mode) into
#    bindings/kotlin/jvm/target/generated-sources/uniffi (never committed);
# 2. runs `mvn -B -q test` (JUnit 5: ApiTest + one dynamic test per conformance vector);
#    reports in bindings/kotlin/jvm/target/surefire-reports/TEST-*.xml;
# 3. prints `kotlin: N passed, N failed` and exits non-zero if any test failed.
#
# Environment: RAKT_LIB_DIR (default $CARGO_TARGET_DIR/debug or target/debug),
# RAKT_EXTRA_VECTORS (more vector files, read by VectorsTest).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
LIB_DIR=${RAKT_LIB_DIR:-$TARGET_DIR/debug}
LIB_DIR=$(cd "$LIB_DIR" && pwd)
LIB=$LIB_DIR/librakt_ffi.so
BINDGEN=$TARGET_DIR/debug/uniffi-bindgen
JVM=$ROOT/bindings/kotlin/jvm
OUT=$JVM/target/generated-sources/uniffi

for f in "$LIB" "$BINDGEN"; do
    if [ ! -e "$f" ]; then
        echo "test.sh: $f not found; run: cargo build -p rakt-kotlin -p uniffi-bindgen" >&2
        exit 2
    fi
done

# Bindings and library must come from the same build: regenerate every time (0.3 s).
bindings/kotlin/generate.sh "$BINDGEN" "$LIB" "$OUT"

# No stale classes or reports from an earlier run (the Kotlin plugin is not incremental anyway).
rm -rf "$JVM/target/classes" "$JVM/target/test-classes" "$JVM/target/surefire-reports"

rc=0
(cd "$JVM" && mvn -B -q test -Drakt.lib.dir="$LIB_DIR" "$@" </dev/null) || rc=$?
# Maven 3.8 with -q leaves colour resets without a newline: start a fresh line.
echo

# Sum the <testsuite tests= failures= errors= skipped=> attributes of the JUnit XML reports.
set -- "$JVM"/target/surefire-reports/TEST-*.xml
if [ ! -e "$1" ]; then
    echo "kotlin: 0 passed, 1 failed (no test reports: the build failed)"
    exit 1
fi
counts=$(for f in "$@"; do tr '\n' ' ' <"$f" | grep -o '<testsuite [^>]*>' | head -n 1 || true; done | awk '
    function attr(s, name,   m) {
        if (match(s, " " name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
        return 0
    }
    { t += attr($0, "tests"); f += attr($0, "failures") + attr($0, "errors"); s += attr($0, "skipped") }
    END { print t - f - s, f, s }')
read -r passed failed skipped <<<"$counts"
echo "kotlin: $passed passed, $failed failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    [ "$rc" -eq 0 ] && rc=1
fi
exit "$rc"
