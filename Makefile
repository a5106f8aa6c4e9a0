# rakt — two commands are the contract with users:
#   make demo   runs the flagship example end to end on bundled data
#   make test   builds and runs every test: Rust, Python, Kotlin, the conformance vectors in all
#               three, and the lints; it ends with one line `N passed, N failed`.
# Everything else it needs (a local .venv with maturin/pytest/mypy, Maven artifacts) it installs
# itself; a fresh machine needs only Rust, Python 3, Java 17 and Maven.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
CARGO ?= cargo
VENV := .venv
VPY := $(VENV)/bin/python
REPORTS := target/test-reports
WHEELS := target/wheels
export CARGO_TERM_COLOR := never

.PHONY: help demo demo-python demo-kotlin test lint msrv dist dist-test rust python mypy kotlin venv wheel bench bench-scale bench-compare bench-kotlin vectors clean fuzz-build fuzz mutants

help:
	@echo "make demo    run the flagship example (Rust) on examples/data"
	@echo "make test    build and run every test and lint; ends with 'N passed, N failed'"
	@echo "make demo-python / demo-kotlin   the same scenario from Python / Kotlin"
	@echo "make dist    wheels (x86_64, aarch64), sdist, jar and crate into target/dist/"
	@echo "make dist-test   install those as users do (no Rust on PATH) and run the tests"
	@echo "make bench   criterion benchmarks (results go in BENCHMARKS.md by hand)"
	@echo "make bench-scale / bench-kotlin   1M ANC records and 1M donor checks: Python batch vs"
	@echo "             per-row loop vs native Rust, then bench-compare / Kotlin batch vs per-item"
	@echo "make bench-compare   1M rows per batch function: rakt batch vs a Python loop vs polars"
	@echo "make fuzz FUZZ_SECONDS=600   run every cargo-fuzz target (nightly; see FUZZING.md)"
	@echo "make mutants MUTANTS_FILES=tariff.rs   cargo-mutants on the rule files (see MUTANTS.md)"

demo:
	@$(CARGO) run --quiet -p rakt-demo --bin hospital_demo
	@echo
	@$(CARGO) run --quiet -p rakt-demo --bin label_scan
	@echo
	@$(CARGO) run --quiet -p rakt-demo --bin stock_demo
	@echo
	@$(CARGO) run --quiet -p rakt-demo --bin maternal_demo

demo-python: wheel
	@$(VPY) examples/python/hospital_demo.py

demo-kotlin:
	@$(CARGO) build --quiet -p rakt-kotlin -p uniffi-bindgen
	@bindings/kotlin/demo.sh

# Every step runs even when an earlier one fails, so the summary counts everything.
test:
	@scripts/test-all.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --quiet -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --quiet --no-deps -p rakt
	# The smallest feature set (a field app's library) must build warning-free too.
	$(CARGO) clippy --quiet -p rakt -p rakt-kotlin --lib --no-default-features -- -D warnings
	$(PYTHON) tests/vectors/generate.py --check

# The artifacts users install (target/dist/: wheels, sdist, jar, crate; scripts/dist.sh), and
# those artifacts used as users meet them, without Rust (scripts/dist-test.sh).
dist: venv
	@scripts/dist.sh

dist-test:
	@scripts/dist-test.sh

# The minimum supported Rust version of the rakt crate (`rust-version` in Cargo.toml) is checked
# with that toolchain, installed by rustup if missing. The bindings need newer Rust (README).
MSRV := $(shell sed -n 's/^rust-version = "\(.*\)"$$/\1/p' Cargo.toml)
msrv:
	rustup toolchain list | grep -q '^$(MSRV)' || rustup toolchain install $(MSRV) --profile minimal
	rustup run $(MSRV) cargo check --quiet --locked -p rakt --target-dir target/msrv

# The fuzz targets must keep building: `make test` builds them on stable (libFuzzer's driver
# compiles without nightly); running them needs nightly and cargo-fuzz (`make fuzz`).
fuzz-build:
	$(CARGO) build --quiet --manifest-path fuzz/Cargo.toml --bins

FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= $(shell sed -n 's/^name = "\(.*\)"$$/\1/p' fuzz/Cargo.toml | grep -v rakt-fuzz)
fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	$(PYTHON) fuzz/seed.py
	set -o pipefail; cd fuzz && for t in $(FUZZ_TARGETS); do \
	  echo "=== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | tail -25 || exit 1; \
	done

# Mutation testing of the files whose answers are clinical or financial (MUTANTS.md). Each file
# is a separate run, its report in target/mutants/<file>/mutants.out; MUTANTS_TESTS picks the test
# targets each mutant is tested with (all of rakt's by default).
MUTANTS_FILES ?= compatibility.rs expiry.rs donor/assess.rs maternal/hrp.rs maternal/hypertension.rs maternal/decision.rs maternal/record.rs inventory/allocate.rs tariff.rs
MUTANTS_TESTS ?= --lib --tests
mutants:
	command -v cargo-mutants >/dev/null || $(CARGO) install cargo-mutants --locked
	for f in $(MUTANTS_FILES); do \
	  env -u CARGO_TARGET_DIR $(CARGO) mutants -p rakt -f crates/rakt/src/$$f --jobs 1 --timeout 300 \
	    --output target/mutants/$$(echo $$f | tr / _) -- $(MUTANTS_TESTS) || true; \
	done

# The Python extension is built by maturin (below), not by cargo test.
rust:
	set -o pipefail; $(CARGO) test --workspace --exclude rakt-python 2>&1 | tee $(REPORTS)/rust.log

$(VENV)/.installed: bindings/python/requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -r bindings/python/requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

wheel: venv
	rm -rf $(WHEELS)
	$(VPY) -m maturin build --quiet --release -m bindings/python/Cargo.toml -o $(WHEELS)
	$(VPY) -m pip install --quiet --force-reinstall --no-deps $(WHEELS)/rakt-*.whl

python: wheel
	$(VPY) -m pytest -q bindings/python/tests --junitxml=$(REPORTS)/python.xml

mypy: wheel
	$(VPY) -m mypy --strict examples/python bench/python bindings/python/tests/typed_usage.py

# The JUnit XML is copied even when tests fail, so the summary counts the real failures.
kotlin:
	$(CARGO) build --quiet -p rakt-kotlin -p uniffi-bindgen
	status=0; bindings/kotlin/test.sh || status=$$?; \
	mkdir -p $(REPORTS)/kotlin; \
	cp bindings/kotlin/jvm/target/surefire-reports/TEST-*.xml $(REPORTS)/kotlin/ 2>/dev/null; \
	exit $$status

bench:
	$(CARGO) bench -p rakt --bench rules --bench inventory

# The scale benchmarks (minutes each; run them on a quiet machine): issue 7's batch vs per-row
# loop vs native Rust, then issue 18's side-by-side table (bench-compare).
bench-scale: wheel
	$(VPY) bench/python/scale.py --rows 1000000 --repeat 3
	$(VPY) bench/python/compare.py --rows 1000000 --repeat 3

# Every Python batch function against a pure-Python loop and polars expressions (the references
# in bench/python/references.py: throughput anchors, not clinical truth).
bench-compare: wheel
	$(VPY) bench/python/compare.py --rows 1000000 --repeat 3

bench-kotlin:
	bindings/kotlin/bench.sh

vectors:
	$(PYTHON) tests/vectors/generate.py

clean:
	$(CARGO) clean
	rm -rf $(VENV) bindings/kotlin/jvm/target
