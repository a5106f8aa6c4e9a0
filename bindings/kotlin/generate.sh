#!/usr/bin/env bash
# Generate the Kotlin bindings of a built librakt_ffi.so (UniFFI library mode) into OUT_DIR.
#
#   bindings/kotlin/generate.sh BINDGEN LIBRARY OUT_DIR [CONFIG]
#
# CONFIG replaces the crate's uniffi.toml (android/build-aar.sh passes one with android = true).
#
# test.sh, demo.sh and bench.sh all generate through this script, so the bindings are the same
# everywhere. After generation one line of UniFFI's string converter is changed: a Kotlin
# string with a lone surrogate (half of a UTF-16 pair) cannot be UTF-8 and UniFFI throws
# java.nio.charset.MalformedInputException for it, outside RaktException. It is rethrown as
# RaktException.InvalidInput (built by invalidText() in Extensions.kt). The script fails if
# the line is not found, so a UniFFI upgrade that changes it cannot slip through.
set -euo pipefail
BINDGEN=$1
LIB=$2
OUT=$3
CONFIG=(${4:+--config "$4"})
rm -rf "$OUT"
"$BINDGEN" generate --library "$LIB" --language kotlin --out-dir "$OUT" --no-format "${CONFIG[@]}" >/dev/null
KT=$OUT/org/rakt/rakt_ffi.kt
LINE='            encode(CharBuffer.wrap(value))'
if [ "$(grep -cxF "$LINE" "$KT")" != 1 ]; then
    echo "generate.sh: UniFFI's string encoder line not found once in $KT; update the patch" >&2
    exit 1
fi
sed -i "s/^            encode(CharBuffer.wrap(value))\$/            try { encode(CharBuffer.wrap(value)) } catch (e: java.nio.charset.CharacterCodingException) { throw invalidText(value) }/" "$KT"
