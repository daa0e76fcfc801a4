//! Benchmarks of the hot paths: identifier parsing, JSON reading and full validation.
//! Run with `cargo bench`.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use datapass_psc::{Email, PhoneNumber, RequestDraft, Siret, validate_json};

fn identifiers(c: &mut Criterion) {
    c.bench_function("siret_parse_spaced", |b| {
        b.iter(|| black_box("732 829 320 00074").parse::<Siret>());
    });
    c.bench_function("email_parse", |b| {
        b.iter(|| black_box(" Jean.Dupont@Exemple.FR ").parse::<Email>());
    });
    // Warm the phone metadata once: the first parse of a process builds it (about 150 ms).
    let _ = "06 12 34 56 78".parse::<PhoneNumber>();
    c.bench_function("phone_parse_fr_mobile", |b| {
        b.iter(|| black_box("06 12 34 56 78").parse::<PhoneNumber>());
    });
    c.bench_function("phone_parse_overseas", |b| {
        b.iter(|| black_box("0692 12 34 56").parse::<PhoneNumber>());
    });
}

fn requests(c: &mut Criterion) {
    let text = std::fs::read_to_string("examples/requests/hospiconnect.json").unwrap();
    let draft = RequestDraft::from_json(&text).unwrap();
    c.bench_function("draft_from_json", |b| {
        b.iter(|| RequestDraft::from_json(black_box(&text)));
    });
    c.bench_function("validate_sample", |b| {
        b.iter(|| black_box(&draft).validate());
    });
    c.bench_function("validate_json_sample", |b| {
        b.iter(|| validate_json(black_box(&text)));
    });
    c.bench_function("validate_json_empty", |b| {
        b.iter(|| validate_json(black_box("{}")));
    });
}

criterion_group!(benches, identifiers, requests);
criterion_main!(benches);
