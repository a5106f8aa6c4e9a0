#!/usr/bin/env bash
# The Android library (AAR) of rakt. NOT RUN IN rakt's CI: its machines cannot obtain an Android
# NDK or SDK, so this script has never been run there. Run it where they exist:
#
#   ANDROID_NDK_HOME=/path/to/ndk  ANDROID_HOME=/path/to/sdk  bindings/kotlin/android/build-aar.sh
#
# Needs: an NDK r28 or later, an SDK with platform 35, cargo-ndk (cargo install cargo-ndk),
# Gradle 8.9 or later on PATH (or a wrapper), JDK 17. It:
#   1. builds librakt_ffi.so for arm64-v8a, armeabi-v7a and x86_64 with cargo-ndk, profile
#      release-mobile (size over speed), linked for 16 KB pages;
#   2. checks with the NDK's llvm-readelf that every LOAD segment is aligned to 16 KB (0x4000),
#      which Android 15+ devices with 16 KB pages and Google Play require;
#   3. generates the Kotlin bindings with `android = true` from the host build;
#   4. runs `gradle assembleRelease`: build/outputs/aar/rakt-android-release.aar.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
HERE=$ROOT/bindings/kotlin/android
OUT=$HERE/build/rakt
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to an NDK r28 or later}"
: "${ANDROID_HOME:?set ANDROID_HOME to an Android SDK}"
ABIS="arm64-v8a armeabi-v7a x86_64"

rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
command -v cargo-ndk >/dev/null || cargo install --locked cargo-ndk
rm -rf "$OUT"
mkdir -p "$OUT/jniLibs"

# 1. The libraries, 16 KB pages (NDK r28+ does this by default; the flag makes it explicit).
RUSTFLAGS="-C link-arg=-Wl,-z,max-page-size=16384" \
    cargo ndk $(printf -- '-t %s ' $ABIS) --platform 26 -o "$OUT/jniLibs" \
    build -p rakt-kotlin --profile release-mobile

# 2. Every LOAD segment aligned to 16 KB.
READELF=$(ls "$ANDROID_NDK_HOME"/toolchains/llvm/prebuilt/*/bin/llvm-readelf | head -n 1)
for abi in $ABIS; do
    lib=$OUT/jniLibs/$abi/librakt_ffi.so
    bad=$("$READELF" -lW "$lib" | awk '$1 == "LOAD" && $NF != "0x4000" {print $NF}')
    if [ -n "$bad" ]; then
        echo "build-aar: $lib has LOAD segments aligned to $bad, not 0x4000" >&2
        exit 1
    fi
    echo "build-aar: $abi $(stat -c %s "$lib") bytes, LOAD segments aligned to 16 KB"
done

# 3. The Kotlin, from the host build (UniFFI library mode reads the metadata symbols).
cargo build -p rakt-kotlin -p uniffi-bindgen
sed 's/^\[bindings.kotlin\]$/[bindings.kotlin]\nandroid = true/' bindings/kotlin/uniffi.toml >"$OUT/uniffi-android.toml"
bindings/kotlin/generate.sh target/debug/uniffi-bindgen target/debug/librakt_ffi.so "$OUT/kotlin" \
    "$OUT/uniffi-android.toml"

# 4. The AAR.
(cd "$HERE" && gradle --no-daemon assembleRelease)
ls -l "$HERE"/build/outputs/aar/
