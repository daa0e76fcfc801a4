//! Helpers shared by the lifecycle tests: the sample request, times, events, and records in
//! each situation of the transition table.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use datapass_psc::lifecycle::{Actor, Event, EventKind};
use datapass_psc::lifecycle::{HabilitationNumber, RequestNumber, RequestRecord};
use datapass_psc::{Diagnostic, RequestDraft};

/// The shipped valid sample request.
pub fn sample() -> RequestDraft {
    super::request::sample_draft()
}

/// The sample with another project name (still valid when `name` is a valid project name).
pub fn renamed(name: &str) -> RequestDraft {
    let mut draft = sample();
    draft.project.as_mut().expect("project").name = Some(name.to_owned());
    draft
}

/// `2024-01-01T00:00:00Z` plus `hours`.
pub fn t(hours: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap() + Duration::hours(hours)
}

#[track_caller]
pub fn d(number: &str) -> RequestNumber {
    number.parse().expect("request number")
}

#[track_caller]
pub fn h(number: &str) -> HabilitationNumber {
    number.parse().expect("habilitation number")
}

pub fn ev(at: DateTime<Utc>, actor: Actor, kind: EventKind) -> Event {
    Event::new(at, actor, kind)
}

pub fn submit(at: i64) -> Event {
    ev(t(at), Actor::Applicant, EventKind::Submit)
}

pub fn update(at: i64, request: RequestDraft) -> Event {
    ev(
        t(at),
        Actor::Applicant,
        EventKind::Update {
            request: Box::new(request),
        },
    )
}

pub fn request_changes(at: i64) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::RequestChanges {
            reason: Some("Précisez le cadre juridique".into()),
        },
    )
}

pub fn approve(at: i64, number: &str) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::Approve {
            habilitation_number: h(number),
            message: None,
        },
    )
}

pub fn refuse(at: i64) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::Refuse {
            reason: Some("Hors périmètre".into()),
        },
    )
}

pub fn archive(at: i64) -> Event {
    ev(t(at), Actor::Applicant, EventKind::Archive)
}

pub fn reopen(at: i64) -> Event {
    ev(t(at), Actor::Applicant, EventKind::Reopen)
}

pub fn cancel_reopening(at: i64) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::CancelReopening {
            reason: Some("Demande abandonnée".into()),
        },
    )
}

pub fn revoke(at: i64) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::Revoke {
            reason: Some("Service fermé".into()),
        },
    )
}

pub fn revoke_habilitation(at: i64, number: &str) -> Event {
    ev(
        t(at),
        Actor::Instructor,
        EventKind::RevokeHabilitation {
            habilitation_number: h(number),
            reason: Some("Accès retiré".into()),
        },
    )
}

/// Applies events that must all be accepted.
#[track_caller]
pub fn apply_all(record: &mut RequestRecord, events: impl IntoIterator<Item = Event>) {
    for event in events {
        let name = event.name();
        if let Err(e) = record.apply(event) {
            panic!("{name} refused: {} ({e})", e.code());
        }
    }
}

/// A situation of the transition table: a state, with or without a reopening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situation {
    Draft,
    DraftReopening,
    Submitted,
    SubmittedReopening,
    ChangesRequested,
    ChangesRequestedReopening,
    Validated,
    Refused,
    Archived,
    Revoked,
}

impl Situation {
    pub const ALL: [Self; 10] = [
        Self::Draft,
        Self::DraftReopening,
        Self::Submitted,
        Self::SubmittedReopening,
        Self::ChangesRequested,
        Self::ChangesRequestedReopening,
        Self::Validated,
        Self::Refused,
        Self::Archived,
        Self::Revoked,
    ];

    /// The name used in the expected tables (`draft`, `draft+reopening`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::DraftReopening => "draft+reopening",
            Self::Submitted => "submitted",
            Self::SubmittedReopening => "submitted+reopening",
            Self::ChangesRequested => "changes_requested",
            Self::ChangesRequestedReopening => "changes_requested+reopening",
            Self::Validated => "validated",
            Self::Refused => "refused",
            Self::Archived => "archived",
            Self::Revoked => "revoked",
        }
    }

    /// A record of D60501 in this situation, built from the sample; its events are dated at
    /// hours 1 to 9, so a test event at hour 10 or later is in order. The records that went
    /// through an approval hold H60501 (active unless revoked).
    pub fn record(self) -> RequestRecord {
        let mut record = RequestRecord::new(d("D60501"), Some(sample()));
        let validated = [submit(1), approve(2, "H60501")];
        let reopened = [reopen(3), update(4, renamed("HospiConnect v2"))];
        let events: Vec<Event> = match self {
            Self::Draft => vec![],
            Self::Submitted => vec![submit(1)],
            Self::ChangesRequested => vec![submit(1), request_changes(2)],
            Self::Validated => validated.to_vec(),
            Self::Refused => vec![submit(1), refuse(2)],
            Self::Archived => vec![archive(1)],
            Self::Revoked => [validated.to_vec(), vec![revoke(3)]].concat(),
            Self::DraftReopening => [validated.to_vec(), reopened.to_vec()].concat(),
            Self::SubmittedReopening => {
                [validated.to_vec(), reopened.to_vec(), vec![submit(5)]].concat()
            }
            Self::ChangesRequestedReopening => [
                validated.to_vec(),
                reopened.to_vec(),
                vec![submit(5), request_changes(6)],
            ]
            .concat(),
        };
        apply_all(&mut record, events);
        record
    }
}

/// `state` or `state+reopening`, the form of the expected tables.
pub fn situation_of(record: &RequestRecord) -> String {
    if record.is_reopening() {
        format!("{}+reopening", record.state())
    } else {
        record.state().to_string()
    }
}

/// The record as JSON, to compare before and after a refused event.
pub fn json(record: &RequestRecord) -> String {
    serde_json::to_string(record).expect("record serializes")
}
