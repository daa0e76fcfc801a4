//! Any bytes through every DataPass reader and `import`.
#![no_main]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::properties::datapass_bytes(data));
