//! Any bytes as a request: read, validated, written back.
#![no_main]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::properties::request_bytes(data));
