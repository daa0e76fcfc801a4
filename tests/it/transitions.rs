//! The request transition table, pair by pair: every situation (state, with or without a
//! reopening) × every event × every actor, against tables written here independently of the
//! implementation; then the guards and the order of the refusal codes.

use crate::support::lifecycle::*;
use datapass_psc::lifecycle::{
    Actor, Event, EventKind, EventName, HabilitationEvent, HabilitationState, NotAllowedCause,
};
use datapass_psc::lifecycle::{Habilitation, RequestRecord, RequestState, TransitionError};
use datapass_psc::{Diagnostic, RequestDraft};

const NA: &str = "!transition.not_allowed";

/// The events of the table, in the column order of [`EXPECTED`], as their usual actor sends
/// them (with a reason where one may be given), at hour 10.
fn events(actor: Option<Actor>) -> Vec<Event> {
    let mut events = vec![
        submit(10),
        update(10, renamed("Autre nom")),
        request_changes(10),
        approve(10, "H118386"),
        refuse(10),
        archive(10),
        reopen(10),
        cancel_reopening(10),
        revoke(10),
        revoke_habilitation(10, "H60501"),
    ];
    if let Some(actor) = actor {
        for event in &mut events {
            event.actor = actor;
        }
    }
    events
}

/// Columns: submit, update, request_changes, approve, refuse, archive, reopen,
/// cancel_reopening, revoke, revoke_habilitation (of H60501, the habilitation the approved
/// situations hold). A cell is the situation after the event, or `!code`; `+r` stands for
/// `+reopening`.
#[rustfmt::skip]
const EXPECTED: [(&str, [&str; 10]); 10] = [
    //                    submit         update         request_changes  approve      refuse       archive     reopen      cancel_reop. revoke     revoke_hab.
    ("draft",             ["submitted",  "draft",       NA,              NA,          NA,          "archived", NA,         NA,          NA,        NA]),
    ("draft+r",           ["submitted+r","draft+r",     NA,              NA,          NA,          NA,         NA,         "validated", NA,        "revoked"]),
    ("submitted",         [NA,           NA,            "changes_requested", "validated", "refused", NA,     NA,         NA,          NA,        NA]),
    ("submitted+r",       [NA,           NA,            "changes_requested+r", "validated", "validated", NA, NA,         "validated", NA,        "revoked"]),
    ("changes_requested", ["submitted",  "changes_requested", NA,        "validated", "refused",   NA,         NA,         NA,          NA,        NA]),
    ("changes_requested+r", ["submitted+r", "changes_requested+r", NA,   "validated", "validated", NA,         NA,         "validated", NA,        "revoked"]),
    ("validated",         [NA,           NA,            NA,              NA,          NA,          NA,         "draft+r",  NA,          "revoked", "revoked"]),
    ("refused",           [NA,           NA,            NA,              NA,          NA,          "archived", NA,         NA,          NA,        NA]),
    ("archived",          [NA,           NA,            NA,              NA,          NA,          NA,         NA,         NA,          NA,        NA]),
    ("revoked",           [NA,           NA,            NA,              NA,          NA,          "archived", NA,         NA,          NA,        NA]),
];

/// A cell of [`EXPECTED`] written in full (`+r` is `+reopening`).
fn full(cell: &str) -> String {
    cell.strip_suffix("+r")
        .map_or_else(|| cell.to_owned(), |state| format!("{state}+reopening"))
}

/// Who may send each event, in the column order of [`EXPECTED`].
fn allowed_actors(situation: Situation, event: EventName) -> &'static [Actor] {
    use Actor::{Applicant, Instructor, System};
    match event {
        EventName::Submit | EventName::Update | EventName::Reopen => &[Applicant],
        EventName::RequestChanges
        | EventName::Approve
        | EventName::Refuse
        | EventName::Revoke
        | EventName::RevokeHabilitation => &[Instructor],
        EventName::Archive => &[Applicant, Instructor, System],
        EventName::CancelReopening if situation == Situation::SubmittedReopening => &[Instructor],
        EventName::CancelReopening => &[Applicant, Instructor],
    }
}

/// Applies `event` to a fresh record in `situation`; returns the outcome in the table's form,
/// and checks that a refused event leaves the record unchanged and an accepted one is recorded.
fn outcome(situation: Situation, event: Event) -> String {
    let mut record = situation.record();
    let before = record.clone();
    let before_json = json(&record);
    let (name, actor) = (event.name(), event.actor);
    match record.apply(event) {
        Ok(()) => {
            let last = record.history().last().expect("history entry");
            assert_eq!((last.event, last.actor), (name, actor));
            assert_eq!(record.history().len(), before.history().len() + 1);
            record
                .check_invariants()
                .expect("invariants after an accepted event");
            situation_of(&record)
        }
        Err(error) => {
            assert_eq!(
                record,
                before,
                "{} {name}: record changed",
                situation.name()
            );
            assert_eq!(json(&record), before_json);
            assert_eq!(error.state(), before.state());
            assert_eq!(error.event(), name);
            format!("!{}", error.code())
        }
    }
}

#[test]
fn the_table_lists_every_situation_and_event() {
    let rows: Vec<String> = EXPECTED.iter().map(|(s, _)| full(s)).collect();
    let situations: Vec<&str> = Situation::ALL.iter().map(|s| s.name()).collect();
    assert_eq!(rows, situations);
    let names: Vec<EventName> = events(None).iter().map(Event::name).collect();
    assert_eq!(names, EventName::ALL);
    // Every state of the crate appears in the table.
    for state in RequestState::ALL {
        assert!(
            rows.iter()
                .any(|r| r.split('+').next() == Some(state.as_str()))
        );
    }
}

#[test]
fn every_pair_with_its_usual_actor() {
    let mut failures = Vec::new();
    for (situation, (row, expected)) in Situation::ALL.into_iter().zip(EXPECTED) {
        assert_eq!(situation.name(), full(row));
        for (event, expected) in events(None).into_iter().zip(expected) {
            let name = event.name();
            let expected = full(expected);
            let got = outcome(situation, event);
            if got != expected {
                failures.push(format!("{row} × {name}: expected {expected}, got {got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_pair_with_every_actor() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (situation, (row, expected)) in Situation::ALL.into_iter().zip(EXPECTED) {
        for actor in Actor::ALL {
            for (event, usual) in events(Some(actor)).into_iter().zip(expected) {
                let name = event.name();
                let expected = if usual == NA {
                    NA.to_owned()
                } else if allowed_actors(situation, name).contains(&actor) {
                    full(usual)
                } else {
                    "!transition.forbidden_actor".to_owned()
                };
                let got = outcome(situation, event);
                checked += 1;
                if got != expected {
                    failures.push(format!(
                        "{row} × {name} by {actor}: expected {expected}, got {got}"
                    ));
                }
            }
        }
    }
    assert_eq!(checked, 10 * 10 * 3);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn not_allowed_causes() {
    let cause = |situation: Situation, event: Event| match situation.record().apply(event) {
        Err(TransitionError::NotAllowed { cause, .. }) => cause,
        other => panic!("expected not_allowed, got {other:?}"),
    };
    assert_eq!(
        cause(Situation::Draft, approve(10, "H1")),
        NotAllowedCause::NotInTable
    );
    assert_eq!(
        cause(Situation::DraftReopening, archive(10)),
        NotAllowedCause::ActiveHabilitation
    );
    assert_eq!(
        cause(Situation::Draft, cancel_reopening(10)),
        NotAllowedCause::NotReopening
    );
    assert_eq!(
        cause(Situation::Submitted, cancel_reopening(10)),
        NotAllowedCause::NotReopening
    );
    assert_eq!(
        cause(Situation::Validated, revoke_habilitation(10, "H7")),
        NotAllowedCause::UnknownHabilitation {
            habilitation_number: h("H7")
        }
    );
    assert_eq!(
        cause(Situation::Draft, revoke_habilitation(10, "H60501")),
        NotAllowedCause::UnknownHabilitation {
            habilitation_number: h("H60501")
        }
    );
}

/// Events that require a reason, sent by their usual actor.
fn with_reason(reason: Option<&str>) -> Vec<(Situation, Event)> {
    let reason = reason.map(str::to_owned);
    let instructor = |kind| ev(t(10), Actor::Instructor, kind);
    vec![
        (
            Situation::Submitted,
            instructor(EventKind::RequestChanges {
                reason: reason.clone(),
            }),
        ),
        (
            Situation::Submitted,
            instructor(EventKind::Refuse {
                reason: reason.clone(),
            }),
        ),
        (
            Situation::SubmittedReopening,
            instructor(EventKind::Refuse {
                reason: reason.clone(),
            }),
        ),
        (
            Situation::DraftReopening,
            instructor(EventKind::CancelReopening {
                reason: reason.clone(),
            }),
        ),
        (
            Situation::Validated,
            instructor(EventKind::Revoke {
                reason: reason.clone(),
            }),
        ),
        (
            Situation::Validated,
            instructor(EventKind::RevokeHabilitation {
                habilitation_number: h("H60501"),
                reason,
            }),
        ),
    ]
}

#[test]
fn a_required_reason_must_be_non_blank() {
    for reason in [None, Some(""), Some("  \n\t ")] {
        for (situation, event) in with_reason(reason) {
            let name = event.name();
            assert_eq!(
                outcome(situation, event),
                "!transition.reason_required",
                "{} {name} {reason:?}",
                situation.name()
            );
        }
    }
    for (situation, event) in with_reason(Some("  Motif  ")) {
        assert!(!outcome(situation, event).starts_with('!'));
    }
}

#[test]
fn reasons_and_messages_are_stored_trimmed() {
    let mut record = Situation::Submitted.record();
    apply_all(
        &mut record,
        [ev(
            t(10),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h("H1"),
                message: Some("  Bienvenue \n".into()),
            },
        )],
    );
    assert_eq!(
        record.history().last().unwrap().message.as_deref(),
        Some("Bienvenue")
    );
    assert_eq!(
        record.active_habilitation().unwrap().message(),
        Some("Bienvenue")
    );

    let mut record = Situation::Submitted.record();
    apply_all(
        &mut record,
        [ev(
            t(10),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h("H1"),
                message: Some("   ".into()),
            },
        )],
    );
    assert_eq!(record.active_habilitation().unwrap().message(), None);

    let mut record = Situation::Submitted.record();
    apply_all(
        &mut record,
        [ev(
            t(10),
            Actor::Instructor,
            EventKind::Refuse {
                reason: Some("\tHors périmètre ".into()),
            },
        )],
    );
    assert_eq!(
        record.history().last().unwrap().reason.as_deref(),
        Some("Hors périmètre")
    );
}

#[test]
fn the_applicant_cancels_a_reopening_without_a_reason_but_not_while_submitted() {
    let applicant = ev(
        t(10),
        Actor::Applicant,
        EventKind::CancelReopening { reason: None },
    );
    assert_eq!(
        outcome(Situation::DraftReopening, applicant.clone()),
        "validated"
    );
    assert_eq!(
        outcome(Situation::ChangesRequestedReopening, applicant.clone()),
        "validated"
    );
    assert_eq!(
        outcome(Situation::SubmittedReopening, applicant),
        "!transition.forbidden_actor"
    );
}

// ---- The order of the refusal codes: the first failing check wins. ----

#[test]
fn time_is_checked_first() {
    // Dated before the previous event (hour 2) and not allowed, by the wrong actor.
    let mut event = approve(1, "H60501");
    event.actor = Actor::System;
    assert_eq!(
        outcome(Situation::Validated, event),
        "!transition.time_went_backwards"
    );
    // The same time as the previous event is allowed.
    assert_eq!(outcome(Situation::Validated, reopen(2)), "draft+reopening");
}

#[test]
fn refused_events_do_not_count_for_the_time_order() {
    let mut record = Situation::Draft.record();
    assert!(record.apply(approve(50, "H1")).is_err());
    apply_all(&mut record, [submit(20)]);
    assert_eq!(record.history().len(), 1);
}

#[test]
fn the_time_error_names_both_times() {
    let mut record = Situation::Submitted.record();
    let error = record.apply(refuse(0)).unwrap_err();
    assert_eq!(
        error,
        TransitionError::TimeWentBackwards {
            state: RequestState::Submitted,
            event: EventName::Refuse,
            at: t(0),
            previous: t(1),
        }
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Refuser la demande » est datée du 2024-01-01T00:00:00Z, avant le dernier \
         événement de la demande (2024-01-01T01:00:00Z)"
    );
}

#[test]
fn not_allowed_comes_before_the_actor() {
    let mut event = approve(10, "H1");
    event.actor = Actor::Applicant;
    assert_eq!(outcome(Situation::Draft, event), NA);
    // Archive during a reopening is refused by its guard whoever asks.
    for actor in Actor::ALL {
        let event = ev(t(10), actor, EventKind::Archive);
        assert_eq!(outcome(Situation::DraftReopening, event), NA);
    }
}

#[test]
fn the_actor_comes_before_the_reason() {
    let event = ev(t(10), Actor::Applicant, EventKind::Refuse { reason: None });
    assert_eq!(
        outcome(Situation::Submitted, event),
        "!transition.forbidden_actor"
    );
    let event = ev(
        t(10),
        Actor::System,
        EventKind::CancelReopening { reason: None },
    );
    assert_eq!(
        outcome(Situation::DraftReopening, event),
        "!transition.forbidden_actor"
    );
}

#[test]
fn the_actor_comes_before_the_content() {
    let mut record = RequestRecord::new(d("D1"), None);
    let error = record
        .apply(ev(t(1), Actor::Instructor, EventKind::Submit))
        .unwrap_err();
    assert_eq!(error.code(), "transition.forbidden_actor");
}

#[test]
fn submit_validates_the_content_and_carries_the_report() {
    let mut record = RequestRecord::new(d("D1"), None);
    let before = json(&record);
    let error = record.apply(submit(1)).unwrap_err();
    let TransitionError::InvalidRequest { report, .. } = &error else {
        panic!("expected invalid_request, got {error:?}");
    };
    assert_eq!(report, &RequestDraft::default().validate().unwrap_err());
    assert!(!report.is_valid());
    assert_eq!(json(&record), before);
    assert_eq!(
        error.params()["error_count"],
        serde_json::json!(report.errors().len())
    );
}

#[test]
fn approve_validates_the_content_before_the_number() {
    // Changes requested, then the applicant empties the draft: approving it is refused for
    // the content even with a duplicate number.
    let mut record = Situation::ChangesRequestedReopening.record();
    apply_all(&mut record, [update(10, RequestDraft::default())]);
    assert_eq!(
        record.apply(approve(11, "H60501")).unwrap_err().code(),
        "transition.invalid_request"
    );
    apply_all(&mut record, [update(12, renamed("Nouveau nom"))]);
    assert_eq!(
        record.apply(approve(13, "H60501")).unwrap_err().code(),
        "transition.duplicate_habilitation_number"
    );
    apply_all(&mut record, [approve(14, "H118386")]);
}

#[test]
fn submitting_a_reopening_requires_changed_data() {
    let mut record = Situation::Validated.record();
    apply_all(&mut record, [reopen(10)]);
    let error = record.apply(submit(11)).unwrap_err();
    assert_eq!(
        error,
        TransitionError::UnchangedReopening {
            state: RequestState::Draft,
            event: EventName::Submit,
            habilitation_number: h("H60501"),
        }
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Soumettre la demande » n'est pas permise : les données n'ont pas changé \
         depuis l'habilitation H60501"
    );
    // Changes the canonical form absorbs (spaces, case of the email) are no change.
    let mut same = sample();
    same.project.as_mut().unwrap().name = Some("  HospiConnect  ".into());
    apply_all(&mut record, [update(12, same)]);
    assert_eq!(
        record.apply(submit(13)).unwrap_err().code(),
        "transition.unchanged_reopening"
    );
    // Invalid content is reported before the comparison.
    apply_all(&mut record, [update(14, RequestDraft::default())]);
    assert_eq!(
        record.apply(submit(15)).unwrap_err().code(),
        "transition.invalid_request"
    );
    apply_all(
        &mut record,
        [update(16, renamed("HospiConnect 2")), submit(17)],
    );
    assert_eq!(situation_of(&record), "submitted+reopening");
}

#[test]
fn approve_refuses_a_number_the_record_already_holds() {
    let mut record = Situation::SubmittedReopening.record();
    let error = record.apply(approve(10, "60501")).unwrap_err();
    assert_eq!(
        error,
        TransitionError::DuplicateHabilitationNumber {
            state: RequestState::Submitted,
            event: EventName::Approve,
            habilitation_number: h("H60501"),
        }
    );
    assert_eq!(
        error.message_en(),
        "The \"approve\" action is not allowed: the request already has a habilitation H60501"
    );
}

// ---- Effects. ----

#[test]
fn approve_creates_an_active_habilitation_and_deprecates_the_others() {
    let mut record = Situation::SubmittedReopening.record();
    apply_all(&mut record, [approve(10, "H118386")]);
    let states: Vec<_> = record
        .habilitations()
        .iter()
        .map(|h| (h.number().to_string(), h.state()))
        .collect();
    assert_eq!(
        states,
        [
            ("H60501".to_owned(), HabilitationState::Obsolete),
            ("H118386".to_owned(), HabilitationState::Active)
        ]
    );
    let active = record.active_habilitation().unwrap();
    assert_eq!(active.created_at(), t(10));
    assert_eq!(
        active.request(),
        &renamed("HospiConnect v2").validate().unwrap()
    );
    assert_eq!(record.last_validated_at(), Some(t(10)));
    assert!(!record.is_reopening());
}

#[test]
fn refusing_or_cancelling_a_reopening_restores_the_active_snapshot() {
    for event in [refuse(10), cancel_reopening(10)] {
        for situation in [
            Situation::DraftReopening,
            Situation::SubmittedReopening,
            Situation::ChangesRequestedReopening,
        ] {
            let name = event.name();
            let mut record = situation.record();
            if record.apply(event.clone()).is_err() {
                assert_eq!(
                    (situation, name),
                    (Situation::DraftReopening, EventName::Refuse)
                );
                continue;
            }
            assert_eq!(situation_of(&record), "validated");
            let active = record.active_habilitation().unwrap();
            assert_eq!(active.number(), h("H60501"));
            assert_eq!(record.content(), &active.request().to_draft());
            assert_eq!(&record.content().validate().unwrap(), active.request());
            assert_eq!(record.habilitations().len(), 1);
        }
    }
}

#[test]
fn reopen_keeps_the_habilitation_active_and_records_its_number() {
    let mut record = Situation::Validated.record();
    apply_all(&mut record, [reopen(10)]);
    assert_eq!(situation_of(&record), "draft+reopening");
    assert_eq!(record.reopened_at(), Some(t(10)));
    assert_eq!(record.active_habilitation().unwrap().number(), h("H60501"));
    assert_eq!(
        record.history().last().unwrap().habilitation_number,
        Some(h("H60501"))
    );
}

#[test]
fn revoking_the_request_revokes_every_habilitation_obsolete_ones_stay_obsolete() {
    let mut record = Situation::SubmittedReopening.record();
    apply_all(&mut record, [approve(10, "H118386"), revoke(11)]);
    let states: Vec<_> = record
        .habilitations()
        .iter()
        .map(Habilitation::state)
        .collect();
    assert_eq!(
        states,
        [HabilitationState::Obsolete, HabilitationState::Revoked]
    );
    assert_eq!(record.state(), RequestState::Revoked);
    assert!(record.active_habilitation().is_none());
}

#[test]
fn revoking_the_active_habilitation_revokes_the_request_and_ends_a_reopening() {
    for situation in [
        Situation::Validated,
        Situation::DraftReopening,
        Situation::SubmittedReopening,
        Situation::ChangesRequestedReopening,
    ] {
        let mut record = situation.record();
        apply_all(&mut record, [revoke_habilitation(10, "H60501")]);
        assert_eq!(situation_of(&record), "revoked");
        assert_eq!(
            record.habilitations()[0].state(),
            HabilitationState::Revoked
        );
        let entry = record.history().last().unwrap();
        assert_eq!(entry.habilitation_number, Some(h("H60501")));
        assert_eq!(entry.reason.as_deref(), Some("Accès retiré"));
    }
}

#[test]
fn revoking_an_obsolete_habilitation_changes_no_state() {
    let mut record = Situation::SubmittedReopening.record();
    apply_all(&mut record, [approve(10, "H118386")]);
    let before = record.habilitations().to_vec();
    apply_all(&mut record, [revoke_habilitation(11, "H60501")]);
    assert_eq!(record.state(), RequestState::Validated);
    assert_eq!(record.habilitations(), before.as_slice());
    assert_eq!(
        record.history().last().unwrap().event,
        EventName::RevokeHabilitation
    );
}

#[test]
fn the_habilitation_table() {
    use HabilitationEvent::{Deprecate, Revoke};
    use HabilitationState::{Active, Obsolete, Revoked};
    let expected = [
        ((Active, Deprecate), Some(Obsolete)),
        ((Active, Revoke), Some(Revoked)),
        ((Obsolete, Deprecate), Some(Obsolete)),
        ((Obsolete, Revoke), Some(Obsolete)),
        ((Revoked, Deprecate), None),
        ((Revoked, Revoke), None),
    ];
    for ((state, event), to) in expected {
        let got = state.apply(event);
        assert_eq!(got.ok(), to, "{state} × {event}");
        if let Err(error) = got {
            assert_eq!(error.code(), "habilitation_transition.not_allowed");
        }
    }
    assert_eq!(
        Revoked.apply(Revoke).unwrap_err().message_fr(),
        "L'habilitation ne peut pas être révoquée dans l'état « Révoquée »"
    );
    let labels: Vec<_> = HabilitationState::ALL
        .iter()
        .map(|s| s.label_fr())
        .collect();
    assert_eq!(labels, ["Active", "Obsolète", "Révoquée"]);
}

#[test]
fn state_labels() {
    let labels: Vec<_> = RequestState::ALL.iter().map(|s| s.label_fr()).collect();
    assert_eq!(
        labels,
        [
            "Brouillon",
            "En cours d'instruction",
            "A modifier",
            "Validée",
            "Refusée",
            "Supprimée",
            "Révoquée"
        ]
    );
}

// ---- Acceptance: refused with their codes, record unchanged (serialized before/after). ----

#[track_caller]
fn refused_unchanged(mut record: RequestRecord, event: Event, code: &str) -> TransitionError {
    let before = json(&record);
    let error = record.apply(event).unwrap_err();
    assert_eq!(error.code(), code);
    assert_eq!(json(&record), before);
    error
}

#[test]
fn acceptance_approve_on_a_draft() {
    let error = refused_unchanged(
        Situation::Draft.record(),
        approve(10, "H1"),
        "transition.not_allowed",
    );
    assert_eq!(error.state(), RequestState::Draft);
    assert_eq!(error.event(), EventName::Approve);
    assert_eq!(
        error.message_fr(),
        "L'action « Valider la demande » n'est pas permise quand la demande est « Brouillon »"
    );
    assert_eq!(
        error.message_en(),
        "The \"approve\" action is not allowed when the request is a draft"
    );
    assert_eq!(
        error.to_string(),
        "approve not allowed in state draft: not in the transition table"
    );
}

#[test]
fn acceptance_archive_with_an_active_habilitation() {
    let error = refused_unchanged(
        Situation::DraftReopening.record(),
        archive(10),
        "transition.not_allowed",
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Supprimer la demande » n'est pas permise tant que la demande a une \
         habilitation active"
    );
    // And from validated, where archive is not in the table at all.
    refused_unchanged(
        Situation::Validated.record(),
        archive(10),
        "transition.not_allowed",
    );
}

#[test]
fn acceptance_refuse_without_a_reason() {
    let event = ev(t(10), Actor::Instructor, EventKind::Refuse { reason: None });
    let error = refused_unchanged(
        Situation::Submitted.record(),
        event,
        "transition.reason_required",
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Refuser la demande » exige un motif"
    );
    assert_eq!(
        error.message_en(),
        "The \"refuse\" action requires a reason"
    );
}

#[test]
fn acceptance_instructor_submit() {
    let event = ev(t(10), Actor::Instructor, EventKind::Submit);
    let error = refused_unchanged(
        Situation::Draft.record(),
        event,
        "transition.forbidden_actor",
    );
    assert_eq!(
        error.message_fr(),
        "L'action « Soumettre la demande » n'est pas permise à l'instructeur quand la demande \
         est « Brouillon »"
    );
    assert_eq!(error.params()["actor"], "instructor");
    assert_eq!(error.params()["state"], "draft");
    assert_eq!(error.params()["event"], "submit");
}
