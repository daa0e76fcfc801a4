//! Full validation of the shipped sample from bytes, beside a plain `serde_json::Value` parse of
//! the same bytes, in one group so that the ratio is visible. Run with
//! `cargo bench -p datapass-psc-benches --bench validation`.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use datapass_psc::{RequestDraft, validate_json};

/// examples/requests/hospiconnect.json: a valid request with four French phone numbers.
const SAMPLE: &[u8] = include_bytes!("../examples/requests/hospiconnect.json");

fn validation(c: &mut Criterion) {
    let text = std::str::from_utf8(SAMPLE).expect("UTF-8 sample");
    let draft = RequestDraft::from_json_slice(SAMPLE).expect("sample reads");
    // Also builds the phone metadata, so that no measurement pays for it.
    assert!(draft.validate().is_ok(), "the sample is valid");
    assert!(validate_json(text).is_valid());

    let mut group = c.benchmark_group("validation_hospiconnect");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(SAMPLE)));
    });
    group.bench_function("draft_from_json_slice", |b| {
        b.iter(|| RequestDraft::from_json_slice(black_box(SAMPLE)));
    });
    group.bench_function("validate_only", |b| {
        b.iter(|| black_box(&draft).validate());
    });
    group.bench_function("from_json_slice_then_validate", |b| {
        b.iter(|| RequestDraft::from_json_slice(black_box(SAMPLE)).map(|d| d.validate()));
    });
    group.bench_function("validate_json", |b| {
        b.iter(|| validate_json(black_box(text)));
    });
    group.finish();

    c.bench_function("validate_json_empty", |b| {
        b.iter(|| validate_json(black_box("{}")));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = validation
}
criterion_main!(benches);
