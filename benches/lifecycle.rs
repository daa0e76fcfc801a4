//! Replay of an event log of 1,000 accepted events, with and without reading its JSON. Run with
//! `cargo bench -p datapass-psc-benches --bench lifecycle`.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use datapass_psc::RequestDraft;
use datapass_psc::lifecycle::{Actor, Event, EventKind, EventLog, RequestState};

const SAMPLE: &[u8] = include_bytes!("../examples/requests/hospiconnect.json");
const EVENTS: usize = 1_000;

/// A log of D60501 created with the sample and `EVENTS` accepted events, one minute apart:
/// submit, request_changes, update (with the sample), submit, …
fn log_json() -> Vec<u8> {
    let draft = RequestDraft::from_json_slice(SAMPLE).expect("sample reads");
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let events = (0..EVENTS)
        .map(|i| {
            let at = start + chrono::Duration::minutes(i64::try_from(i).unwrap() + 1);
            match i % 3 {
                0 => Event::new(at, Actor::Applicant, EventKind::Submit),
                1 => Event::new(
                    at,
                    Actor::Instructor,
                    EventKind::RequestChanges {
                        reason: Some("Précisez le cadre juridique".into()),
                    },
                ),
                _ => Event::new(
                    at,
                    Actor::Applicant,
                    EventKind::Update {
                        request: Box::new(draft.clone()),
                    },
                ),
            }
        })
        .collect();
    let log = EventLog::new("D60501".parse().unwrap(), Some(draft), events);
    serde_json::to_vec(&log).expect("log serializes")
}

fn lifecycle(c: &mut Criterion) {
    let bytes = log_json();
    let log = EventLog::from_json_slice(&bytes).expect("log reads");
    assert_eq!(log.events.len(), EVENTS);
    let record = log.replay().expect("every event is accepted");
    assert_eq!(record.state(), RequestState::Submitted);
    assert_eq!(record.history().len(), EVENTS);

    let mut group = c.benchmark_group("lifecycle_1000_events");
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("read_and_replay", |b| {
        b.iter(|| {
            EventLog::from_json_slice(black_box(&bytes))
                .expect("log reads")
                .replay()
        });
    });
    group.bench_function("replay_only", |b| {
        b.iter(|| black_box(&log).replay());
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(10);
    targets = lifecycle
}
criterion_main!(benches);
