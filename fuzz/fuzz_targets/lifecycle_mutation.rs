//! The shipped event log with one value replaced or one member removed, replayed.
#![no_main]
mod common;

use std::sync::LazyLock;

static LOG: LazyLock<serde_json::Value> =
    LazyLock::new(|| common::sample("examples/lifecycle/d60501.json"));

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let doc = common::mutated(&LOG, data);
    common::properties::lifecycle_bytes(doc.to_string().as_bytes());
});
