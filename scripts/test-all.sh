#!/usr/bin/env bash
# `make test`: run every step even after a failure, then print one line `N passed, N failed`
# (scripts/summary.py) and exit non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
REPORTS=target/test-reports
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

step() {
    local name=$1
    shift
    echo
    echo "=== $name"
    if make --no-print-directory "$@"; then
        echo "$name ok" >>"$REPORTS/steps.txt"
    else
        echo "$name failed" >>"$REPORTS/steps.txt"
        echo "=== $name FAILED"
    fi
}

step lint lint
step msrv msrv
step fuzz-build fuzz-build
step rust rust
step python python
step mypy mypy
step kotlin kotlin
# The artifacts as users install them (make dist, make dist-test): CI sets RAKT_DIST=1.
if [ "${RAKT_DIST:-0}" = 1 ]; then
    export RAKT_REPORTS=$REPORTS
    step dist dist
    step dist-test dist-test
fi

echo
echo "=== summary"
python3 scripts/summary.py "$REPORTS"
