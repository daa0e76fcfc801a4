//! Generation of every JSON Schema shipped by the crate. Run with `cargo bench -p datapass-psc-benches --bench schema`.
#![allow(missing_docs)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn schema(c: &mut Criterion) {
    assert!(!datapass_psc::schema::all().is_empty());
    c.bench_function("schema_all", |b| b.iter(datapass_psc::schema::all));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    targets = schema
}
criterion_main!(benches);
