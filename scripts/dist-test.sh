#!/usr/bin/env bash
# `make dist-test`: the artifacts of `make dist` (target/dist/) used the way users meet them.
#
# 1. Python: a fresh venv installs the x86_64 wheel with its extras from target/dist, with no
#    Rust on PATH, and runs the Python test suite and the README's quick start against it.
# 2. JVM: the jar and its pom go into a temporary Maven repository (target/dist-test/m2); a
#    separate consumer project (bindings/kotlin/consumer) that only declares org.rakt:rakt
#    compiles and runs the README's Kotlin quick start, with no Rust on PATH.
# 3. Rust: a fresh Cargo project depends on the unpacked rakt-<v>.crate and runs every Rust
#    block of the README.
#
# Prints `dist-test: N passed, N failed` (one per step) and exits non-zero on a failure; with
# RAKT_REPORTS=DIR it also writes DIR/dist-test.xml (JUnit) for scripts/summary.py.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIST=$ROOT/target/dist
T=$ROOT/target/dist-test
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
PY=$(command -v python3)
# A PATH with the system tools (java, mvn, git) and nothing of Rust's.
NO_RUST=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
passed=0
failed=0
step() {
    local name=$1
    shift
    echo "=== dist-test: $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "=== dist-test: $name ok"
    else
        failed=$((failed + 1))
        echo "=== dist-test: $name FAILED"
    fi
}

rm -rf "$T"
mkdir -p "$T"
if ! ls "$DIST"/rakt-"$VERSION"-*manylinux*x86_64*.whl >/dev/null 2>&1; then
    echo "dist-test: no x86_64 wheel in $DIST; run make dist first" >&2
    exit 2
fi

no_rust() {
    env -i HOME="$HOME" LANG=C.UTF-8 PATH="$NO_RUST" "$@"
}

python_wheel() {
    no_rust sh -c '! command -v cargo && ! command -v rustc' >/dev/null || {
        echo "Rust is on the restricted PATH" >&2
        return 1
    }
    "$PY" -m venv "$T/venv" || return 1
    local wheel
    wheel=$(ls "$DIST"/rakt-"$VERSION"-*manylinux*x86_64*.whl)
    no_rust "$T/venv/bin/python" -m pip install --quiet "$wheel[pandas,polars,spark]" pytest mypy || return 1
    # The installed package, not the sources: run from outside the repository's python/ dir.
    no_rust "$T/venv/bin/python" -c 'import rakt, sys; assert "site-packages" in rakt.__file__, rakt.__file__' ||
        return 1
    (cd "$T" && no_rust "$T/venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/bindings/python/tests") ||
        return 1
    python3 scripts/readme_snippets.py python README.md >"$T/quickstart.py"
    (cd "$T" && no_rust "$T/venv/bin/python" quickstart.py) | tee "$T/quickstart.out"
    grep -qx "C+" "$T/quickstart.out"
}

jvm_jar() {
    local repo=$T/m2/org/rakt/rakt/$VERSION
    mkdir -p "$repo"
    cp "$DIST/rakt-$VERSION.jar" "$DIST/rakt-$VERSION-sources.jar" "$DIST/rakt-$VERSION.pom" "$repo/"
    # Maven caches what it resolves in ~/.m2: drop an earlier copy so that this run reads the new one.
    rm -rf "$HOME/.m2/repository/org/rakt/rakt/$VERSION"
    local app=$T/consumer
    cp -r bindings/kotlin/consumer "$app"
    mkdir -p "$app/src/main/kotlin"
    python3 scripts/readme_snippets.py kotlin README.md >"$app/src/main/kotlin/QuickStart.kt"
    (cd "$app" && no_rust mvn -B -q -Dstyle.color=never package exec:exec -Drakt.version="$VERSION" \
        -Drakt.repo="file://$T/m2" </dev/null) | sed 's/\x1b\[[0-9;]*m//g' | tee "$T/kotlin.out"
    rm -rf "$HOME/.m2/repository/org/rakt/rakt/$VERSION"
    # Not loaded from anywhere but the jar: the consumer sets no library path.
    grep -qx "false" "$T/kotlin.out" && grep -qx "RHD_NEGATIVE_REQUIRED" "$T/kotlin.out"
}

rust_crate() {
    mkdir -p "$T/crate" "$T/rust-consumer/src"
    tar -xzf "$DIST/rakt-$VERSION.crate" -C "$T/crate" || return 1
    cat >"$T/rust-consumer/Cargo.toml" <<EOF
[package]
name = "readme-snippets"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
rakt = { path = "../crate/rakt-$VERSION" }

[workspace]
EOF
    python3 scripts/readme_snippets.py rust README.md >"$T/rust-consumer/src/main.rs"
    (cd "$T/rust-consumer" && CARGO_TARGET_DIR="$T/rust-target" cargo run --quiet) | tee "$T/rust.out"
    grep -q "^rust snippets: [0-9]* ran$" "$T/rust.out"
}

step "Python wheel in a fresh venv, no Rust" python_wheel
step "JVM jar from a Maven repository, no Rust" jvm_jar
step "Rust crate from its package" rust_crate
echo "dist-test: $passed passed, $failed failed"
# For `make test` with RAKT_DIST=1 (scripts/test-all.sh): the steps as a JUnit suite.
if [ -n "${RAKT_REPORTS:-}" ]; then
    printf '<testsuite name="dist-test" tests="%d" failures="%d" errors="0" skipped="0"/>\n' \
        $((passed + failed)) "$failed" >"$RAKT_REPORTS/dist-test.xml"
fi
[ "$failed" -eq 0 ]
