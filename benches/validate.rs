//! Benchmarks of the hot paths: identifier parsing and request validation.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn siret(c: &mut Criterion) {
    c.bench_function("siret_parse", |b| {
        b.iter(|| black_box("732 829 320 00074").parse::<datapass_psc::Siret>());
    });
}

criterion_group!(benches, siret);
criterion_main!(benches);
