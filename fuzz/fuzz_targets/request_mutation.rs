//! The shipped sample request with one value replaced or one member removed.
#![no_main]
mod common;

use std::sync::LazyLock;

static SAMPLE: LazyLock<serde_json::Value> =
    LazyLock::new(|| common::sample("examples/requests/hospiconnect.json"));

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let doc = common::mutated(&SAMPLE, data);
    common::properties::request_bytes(doc.to_string().as_bytes());
});
