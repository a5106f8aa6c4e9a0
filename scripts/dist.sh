#!/usr/bin/env bash
# `make dist`: the artifacts users install, built into target/dist/:
#
#   rakt-<v>-cp39-abi3-manylinux_2_17_{x86_64,aarch64}.manylinux2014_*.whl   Python wheels (zig)
#   rakt-<v>.tar.gz                                                       Python sdist
#   rakt-<v>.jar, rakt-<v>-sources.jar, rakt-<v>.pom                       JVM (org.rakt:rakt), with
#                                  librakt_ffi.so for linux-x86-64 and linux-aarch64 as JNA resources
#   rakt-<v>.crate                                                        the Rust crate
#   SIZES.txt                                                             the native libraries' sizes
#
# What it needs beyond the toolchains it installs itself: ziglang into .venv (the linker for
# manylinux2014, glibc 2.17, and for aarch64), the aarch64 Rust target, cargo-zigbuild.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIST=$ROOT/target/dist
BUILD=$ROOT/target/dist-build
VPY=$ROOT/.venv/bin/python
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
ZIGLANG=0.17.1
# glibc 2.17 (manylinux2014) for every Linux library we ship
TARGETS="x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu"

say() { echo "=== dist: $*"; }

rm -rf "$BUILD"
mkdir -p "$DIST" "$BUILD"
rm -f "$DIST"/*.whl "$DIST"/*.tar.gz "$DIST"/*.jar "$DIST"/*.pom "$DIST"/*.crate "$DIST"/SIZES.txt

say "tools"
"$VPY" -m pip install --quiet "ziglang==$ZIGLANG"
rustup target add $TARGETS >/dev/null
command -v cargo-zigbuild >/dev/null || cargo install --quiet --locked cargo-zigbuild
# cargo-zigbuild runs `python3 -m ziglang` when there is no `zig`: the venv's python has it.
export PATH="$ROOT/.venv/bin:$PATH"

say "Python wheels and sdist"
for t in $TARGETS; do
    "$VPY" -m maturin build --quiet --profile dist --zig --compatibility manylinux2014 --target "$t" \
        -m bindings/python/Cargo.toml --out "$DIST"
done
"$VPY" -m maturin sdist -m bindings/python/Cargo.toml --out "$DIST"

say "JVM jar"
# The Kotlin sources are generated from a host build (library mode reads the metadata symbols);
# the shipped libraries are the `dist` profile, stripped, one per JNA platform directory.
cargo build --quiet -p rakt-kotlin -p uniffi-bindgen
bindings/kotlin/generate.sh target/debug/uniffi-bindgen target/debug/librakt_ffi.so "$BUILD/kotlin"
for t in $TARGETS; do
    cargo zigbuild --quiet --profile dist -p rakt-kotlin --target "$t.2.17"
    case $t in
        x86_64-*) jna=linux-x86-64 ;;
        aarch64-*) jna=linux-aarch64 ;;
    esac
    mkdir -p "$BUILD/native/$jna"
    cp "target/$t/dist/librakt_ffi.so" "$BUILD/native/$jna/"
done
mkdir -p "$BUILD/native/META-INF"
cp LICENSE "$BUILD/native/META-INF/LICENSE"
(cd bindings/kotlin/dist && mvn -B -q package -Drakt.version="$VERSION" \
    -Drakt.generated.dir="$BUILD/kotlin" -Drakt.native.dir="$BUILD/native" \
    -Drakt.build.dir="$BUILD/maven" </dev/null)
cp "$BUILD/maven/rakt-$VERSION.jar" "$DIST/"
sed "s/@VERSION@/$VERSION/" bindings/kotlin/dist/rakt.pom >"$DIST/rakt-$VERSION.pom"
mkdir -p "$BUILD/sources/org/rakt"
cp -r "$BUILD/kotlin/." "$BUILD/sources/"
cp bindings/kotlin/jvm/src/main/kotlin/org/rakt/*.kt "$BUILD/sources/org/rakt/"
mkdir -p "$BUILD/sources/META-INF" && cp LICENSE "$BUILD/sources/META-INF/LICENSE"
(cd "$BUILD/sources" && jar --create --file "$DIST/rakt-$VERSION-sources.jar" .)

say "Rust crate"
cargo package --quiet -p rakt --allow-dirty --no-verify
cp "target/package/rakt-$VERSION.crate" "$DIST/"

say "sizes"
{
    echo "# Native libraries in the artifacts (bytes, as shipped: stripped)"
    for w in "$DIST"/*.whl; do
        unzip -l "$w" | awk -v w="$(basename "$w")" '/_rakt\.abi3\.so$/ {print $1, w ": rakt/_rakt.abi3.so"}'
    done
    unzip -l "$DIST/rakt-$VERSION.jar" | awk '/librakt_ffi\.so$/ {print $1, "jar: " $4}'
} | tee "$DIST/SIZES.txt"

say "done"
ls -l "$DIST"
