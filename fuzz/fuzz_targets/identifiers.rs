//! Any text as every identifier: SIRET, SIREN, email, phone, request and habilitation numbers,
//! legal-basis URL, name, retention period.
#![no_main]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::properties::identifiers(text);
    }
});
