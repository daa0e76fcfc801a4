//! Property tests over random event sequences: valid and invalid content (the sample request
//! with a generated project name, the sample itself, an empty draft), random actors (mostly
//! the usual one), random reasons (sometimes missing or blank), random habilitation numbers
//! from a small range (so duplicates happen), and times that mostly increase.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::support::lifecycle::{d, sample, situation_of, t};
use datapass_psc::RequestDraft;
use datapass_psc::lifecycle::{Actor, Event, EventKind, EventName, HabilitationState};
use datapass_psc::lifecycle::{
    EventLog, Habilitation, HabilitationNumber, RequestRecord, TransitionError,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

static SAMPLE: LazyLock<RequestDraft> = LazyLock::new(sample);

/// One generated event: minutes after the previous one (sometimes negative), what, and who
/// (`None`: the usual actor for the event).
#[derive(Debug, Clone)]
struct Spec {
    minutes: i64,
    kind: EventKind,
    actor: Option<Actor>,
}

fn reason() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => "[A-Za-zéè' ]{0,12}[a-z]".prop_map(Some),
        1 => Just(None),
        1 => "[ \t\n]{0,3}".prop_map(Some),
    ]
}

fn number() -> impl Strategy<Value = HabilitationNumber> {
    (1u64..8).prop_map(|n| HabilitationNumber::new(n).unwrap())
}

fn content() -> impl Strategy<Value = RequestDraft> {
    prop_oneof![
        6 => "[A-Za-z][A-Za-z0-9 ]{0,15}".prop_map(|name| {
            let mut draft = SAMPLE.clone();
            draft.project.as_mut().unwrap().name = Some(name);
            draft
        }),
        1 => Just(SAMPLE.clone()),
        1 => Just(RequestDraft::default()),
    ]
}

fn kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        4 => Just(EventKind::Submit),
        2 => content().prop_map(|c| EventKind::Update { request: Box::new(c) }),
        2 => reason().prop_map(|reason| EventKind::RequestChanges { reason }),
        3 => (number(), proptest::option::of("[a-z ]{0,10}")).prop_map(
            |(habilitation_number, message)| EventKind::Approve { habilitation_number, message }
        ),
        1 => reason().prop_map(|reason| EventKind::Refuse { reason }),
        1 => Just(EventKind::Archive),
        2 => Just(EventKind::Reopen),
        1 => reason().prop_map(|reason| EventKind::CancelReopening { reason }),
        1 => reason().prop_map(|reason| EventKind::Revoke { reason }),
        1 => (number(), reason()).prop_map(|(habilitation_number, reason)| {
            EventKind::RevokeHabilitation { habilitation_number, reason }
        }),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop_oneof![9 => 0i64..3000, 1 => -600i64..0],
        kind(),
        prop_oneof![8 => Just(None), 2 => prop::sample::select(Actor::ALL.to_vec()).prop_map(Some)],
    )
        .prop_map(|(minutes, kind, actor)| Spec {
            minutes,
            kind,
            actor,
        })
}

fn specs() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(spec(), 0..40)
}

fn usual_actor(name: EventName) -> Actor {
    match name {
        EventName::Submit | EventName::Update | EventName::Reopen | EventName::Archive => {
            Actor::Applicant
        }
        EventName::RequestChanges
        | EventName::Approve
        | EventName::Refuse
        | EventName::CancelReopening
        | EventName::Revoke
        | EventName::RevokeHabilitation => Actor::Instructor,
    }
}

/// The events of a generated sequence, with their times.
fn events(specs: &[Spec]) -> Vec<Event> {
    let mut minutes = 0;
    specs
        .iter()
        .map(|spec| {
            minutes += spec.minutes;
            let actor = spec.actor.unwrap_or_else(|| usual_actor(spec.kind.name()));
            Event::new(
                t(0) + chrono::Duration::minutes(minutes),
                actor,
                spec.kind.clone(),
            )
        })
        .collect()
}

/// One step of a run: the record before, the event, the outcome, the record after.
struct Step<'a> {
    before: &'a RequestRecord,
    event: &'a Event,
    outcome: &'a Result<(), TransitionError>,
    after: &'a RequestRecord,
}

/// Runs the sequence from a record created with the sample, calling `check` at every step.
fn run(
    specs: &[Spec],
    mut check: impl FnMut(&Step<'_>) -> Result<(), TestCaseError>,
) -> Result<RequestRecord, TestCaseError> {
    let mut record = RequestRecord::new(d("D60501"), Some(SAMPLE.clone()));
    for event in events(specs) {
        let before = record.clone();
        let outcome = record.apply(event.clone());
        check(&Step {
            before: &before,
            event: &event,
            outcome: &outcome,
            after: &record,
        })?;
    }
    Ok(record)
}

proptest! {
    #[test]
    fn prop_at_most_one_active_habilitation(specs in specs()) {
        run(&specs, |step| {
            let active = step.after.habilitations().iter().filter(|h| h.is_active()).count();
            prop_assert!(active <= 1, "{} active habilitations", active);
            prop_assert_eq!(step.after.check_invariants(), Ok(()));
            Ok(())
        })?;
    }

    #[test]
    fn prop_an_obsolete_habilitation_never_becomes_active_again(specs in specs()) {
        let mut retired = HashSet::new();
        run(&specs, |step| {
            for habilitation in step.after.habilitations() {
                if habilitation.is_active() {
                    prop_assert!(
                        !retired.contains(&habilitation.number()),
                        "{} active again", habilitation.number()
                    );
                } else {
                    retired.insert(habilitation.number());
                }
            }
            // A habilitation never disappears and keeps its snapshot.
            let before = step.before.habilitations();
            prop_assert_eq!(
                before.iter().map(|h| (h.number(), h.request())).collect::<Vec<_>>(),
                step.after.habilitations()[..before.len()]
                    .iter()
                    .map(|h| (h.number(), h.request()))
                    .collect::<Vec<_>>()
            );
            // A revoked habilitation stays revoked.
            let stays_revoked = step.before.habilitations().iter().all(|h| {
                h.state() != HabilitationState::Revoked
                    || step.after.habilitation(h.number()).map(Habilitation::state)
                        == Some(HabilitationState::Revoked)
            });
            prop_assert!(stays_revoked);
            Ok(())
        })?;
    }

    #[test]
    fn prop_a_refused_or_cancelled_reopening_restores_the_active_snapshot(specs in specs()) {
        run(&specs, |step| {
            let ends_reopening = matches!(
                step.event.kind,
                EventKind::Refuse { .. } | EventKind::CancelReopening { .. }
            );
            if step.before.is_reopening() && ends_reopening && step.outcome.is_ok() {
                let active = step.after.active_habilitation();
                prop_assert!(active.is_some());
                let active = active.unwrap();
                prop_assert_eq!(Some(active), step.before.active_habilitation());
                prop_assert_eq!(situation_of(step.after), "validated");
                prop_assert_eq!(step.after.content(), &active.request().to_draft());
                prop_assert_eq!(&step.after.content().validate().unwrap(), active.request());
            }
            Ok(())
        })?;
    }

    #[test]
    fn prop_a_refused_event_changes_nothing(specs in specs()) {
        run(&specs, |step| {
            if step.outcome.is_err() {
                prop_assert_eq!(step.after, step.before);
                prop_assert_eq!(
                    serde_json::to_string(step.after).unwrap(),
                    serde_json::to_string(step.before).unwrap()
                );
            } else {
                prop_assert_eq!(step.after.history().len(), step.before.history().len() + 1);
            }
            Ok(())
        })?;
    }

    #[test]
    fn prop_the_record_round_trips_through_json_at_every_step(specs in specs()) {
        run(&specs, |step| {
            let json = serde_json::to_string(step.after).unwrap();
            let read: RequestRecord = serde_json::from_str(&json)
                .map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
            prop_assert_eq!(&read, step.after);
            prop_assert_eq!(serde_json::to_string(&read).unwrap(), json);
            Ok(())
        })?;
    }

    #[test]
    fn prop_replay_agrees_with_applying_one_by_one(specs in specs()) {
        let mut accepted = Vec::new();
        let mut first_refused = None;
        let mut index = 0;
        let record = run(&specs, |step| {
            match step.outcome {
                Ok(()) => accepted.push(step.event.clone()),
                Err(error) => {
                    first_refused.get_or_insert((index, error.clone()));
                }
            }
            index += 1;
            Ok(())
        })?;
        let replayed = EventLog::new(d("D60501"), Some(SAMPLE.clone()), accepted).replay();
        prop_assert_eq!(replayed.as_ref(), Ok(&record));
        let all = EventLog::new(d("D60501"), Some(SAMPLE.clone()), events(&specs)).replay();
        match first_refused {
            None => prop_assert_eq!(all.as_ref(), Ok(&record)),
            Some((index, error)) => {
                let got = all.unwrap_err();
                prop_assert_eq!(got.index(), index);
                prop_assert_eq!(got.error(), &error);
            }
        }
    }
}

/// The generator is not vacuous: over the default number of cases it reaches every situation
/// and every event is accepted at least once (including approvals during a reopening).
#[test]
fn the_generator_reaches_every_situation_and_event() {
    let mut runner = TestRunner::deterministic();
    let mut situations = HashSet::new();
    let mut accepted = HashSet::new();
    let mut reapproved = false;
    for _ in 0..256 {
        let specs = specs().new_tree(&mut runner).unwrap().current();
        run(&specs, |step| {
            if step.outcome.is_ok() {
                accepted.insert(step.event.name());
                reapproved |= step.event.name() == EventName::Approve && step.before.is_reopening();
            }
            situations.insert(situation_of(step.after));
            Ok(())
        })
        .unwrap();
    }
    assert_eq!(situations.len(), 10, "{situations:?}");
    assert_eq!(accepted.len(), EventName::ALL.len(), "{accepted:?}");
    assert!(reapproved);
}
