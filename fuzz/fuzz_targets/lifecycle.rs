//! Any bytes as an event log (replayed) and as a stored record.
#![no_main]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::properties::lifecycle_bytes(data));
