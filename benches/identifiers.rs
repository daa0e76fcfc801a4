//! Identifier parsing, one identifier at a time. Run with `cargo bench -p datapass-psc-benches --bench identifiers`.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use datapass_psc::lifecycle::RequestNumber;
use datapass_psc::{Email, PhoneNumber, RetentionPeriod, Siren, Siret};

fn identifiers(c: &mut Criterion) {
    // The first phone parse of a process builds the metadata; keep it out of the measurements.
    assert!("06 12 34 56 78".parse::<PhoneNumber>().is_ok());

    let mut group = c.benchmark_group("identifiers");
    group.bench_function("siret_spaced", |b| {
        b.iter(|| black_box("732 829 320 00074").parse::<Siret>());
    });
    group.bench_function("siren", |b| {
        b.iter(|| black_box("732829320").parse::<Siren>());
    });
    group.bench_function("email", |b| {
        b.iter(|| black_box(" Jean.Dupont@Exemple.FR ").parse::<Email>());
    });
    for (name, input) in [
        ("phone_fr_mobile", "06 12 34 56 78"),
        ("phone_overseas", "0692 12 34 56"),
        ("phone_foreign", "+49 30 1234567"),
    ] {
        assert!(input.parse::<PhoneNumber>().is_ok(), "{name}: {input}");
        group.bench_function(name, |b| {
            b.iter(|| black_box(input).parse::<PhoneNumber>());
        });
    }
    group.bench_function("retention_period", |b| {
        b.iter(|| RetentionPeriod::new(black_box(12)));
    });
    group.bench_function("request_number", |b| {
        b.iter(|| black_box("D60501").parse::<RequestNumber>());
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = identifiers
}
criterion_main!(benches);
