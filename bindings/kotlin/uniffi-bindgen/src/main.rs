//! `uniffi-bindgen`: generates the Kotlin bindings of `rakt-kotlin` from the built library
//! (library mode), with the same uniffi version as the library itself.
//!
//! ```sh
//! target/debug/uniffi-bindgen generate --library target/debug/librakt_ffi.so \
//!     --language kotlin --out-dir bindings/kotlin/jvm/target/generated-sources/uniffi --no-format
//! ```

fn main() {
    uniffi::uniffi_bindgen_main()
}
