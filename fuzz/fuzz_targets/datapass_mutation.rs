//! The DataPass fixtures (demandes, webhooks, v1, error body) with one value replaced or one
//! member removed; the first byte picks the fixture.
#![no_main]
mod common;

use std::sync::LazyLock;

static FIXTURES: LazyLock<Vec<serde_json::Value>> = LazyLock::new(|| {
    common::properties::DATAPASS_FIXTURES
        .iter()
        .map(|name| common::sample(&format!("tests/fixtures/datapass/{name}")))
        .collect()
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let doc = &FIXTURES[usize::from(which) % FIXTURES.len()];
    let mutated = common::mutated(doc, rest);
    common::properties::datapass_bytes(mutated.to_string().as_bytes());
});
