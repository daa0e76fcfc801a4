//! Why an event is refused: [`TransitionError`], with the cause of a `not_allowed` refusal.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};

use super::event::EventName;
use super::habilitation::HabilitationState;
use super::numbers::HabilitationNumber;
use super::state::{Actor, RequestState};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::report::ValidationReport;

/// Why a transition is not allowed although the event is known ([`TransitionError::NotAllowed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotAllowedCause {
    /// The (state, event) pair is not in the transition table.
    NotInTable,
    /// `archive` while the request has an active habilitation (during a reopening).
    ActiveHabilitation,
    /// `reopen` when the request is already being reopened or its latest habilitation is not
    /// active.
    NotReopenable,
    /// `cancel_reopening` outside a reopening.
    NotReopening,
    /// `revoke_habilitation` with a number the request does not hold.
    UnknownHabilitation {
        /// The number given.
        habilitation_number: HabilitationNumber,
    },
    /// A habilitation transition that its state does not allow (revoking a revoked
    /// habilitation).
    HabilitationState {
        /// The habilitation.
        habilitation_number: HabilitationNumber,
        /// Its state.
        state: HabilitationState,
    },
}

impl fmt::Display for NotAllowedCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotInTable => f.write_str("not in the transition table"),
            Self::ActiveHabilitation => f.write_str("the request has an active habilitation"),
            Self::NotReopenable => f.write_str("the request cannot be reopened"),
            Self::NotReopening => f.write_str("the request is not being reopened"),
            Self::UnknownHabilitation {
                habilitation_number,
            } => write!(f, "the request has no habilitation {habilitation_number}"),
            Self::HabilitationState {
                habilitation_number,
                state,
            } => write!(f, "habilitation {habilitation_number} is {state}"),
        }
    }
}

/// Why an event was refused. The record is left unchanged.
///
/// Checks run in this order and the first failing one wins: time, table and state guards,
/// actor, reason, request validity, unchanged reopening, duplicate habilitation number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransitionError {
    /// `transition.time_went_backwards`: the event is dated before the request's previous
    /// event (equal times are allowed).
    #[error("{event} in state {state} dated {at} before the previous event ({previous})")]
    TimeWentBackwards {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// The event's time.
        at: DateTime<Utc>,
        /// The time of the request's previous event.
        previous: DateTime<Utc>,
    },
    /// `transition.not_allowed`: the pair is not in the table, or a state guard fails.
    #[error("{event} not allowed in state {state}: {cause}")]
    NotAllowed {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// What failed.
        cause: NotAllowedCause,
    },
    /// `transition.forbidden_actor`: this actor may not trigger this event here.
    #[error("{event} by the {actor} not allowed in state {state}")]
    ForbiddenActor {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// The actor.
        actor: Actor,
    },
    /// `transition.reason_required`: a required reason is missing or blank.
    #[error("{event} in state {state} requires a non-blank reason")]
    ReasonRequired {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
    },
    /// `transition.invalid_request`: `submit` or `approve` with content that does not validate.
    #[error("{event} in state {state} with an invalid request ({} errors)", .report.errors().len())]
    InvalidRequest {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// Every problem of the content.
        report: ValidationReport,
    },
    /// `transition.unchanged_reopening`: submitting a reopening whose data equal the latest
    /// habilitation's snapshot.
    #[error("{event} in state {state} without changes since habilitation {habilitation_number}")]
    UnchangedReopening {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// The habilitation whose snapshot equals the data.
        habilitation_number: HabilitationNumber,
    },
    /// `transition.duplicate_habilitation_number`: `approve` with a number the record holds.
    #[error("{event} in state {state} with habilitation number {habilitation_number} already used")]
    DuplicateHabilitationNumber {
        /// The request's state.
        state: RequestState,
        /// The refused event.
        event: EventName,
        /// The number given.
        habilitation_number: HabilitationNumber,
    },
}

impl TransitionError {
    /// The request's state when the event was refused.
    #[must_use]
    pub fn state(&self) -> RequestState {
        match self {
            Self::TimeWentBackwards { state, .. }
            | Self::NotAllowed { state, .. }
            | Self::ForbiddenActor { state, .. }
            | Self::ReasonRequired { state, .. }
            | Self::InvalidRequest { state, .. }
            | Self::UnchangedReopening { state, .. }
            | Self::DuplicateHabilitationNumber { state, .. } => *state,
        }
    }

    /// The refused event.
    #[must_use]
    pub fn event(&self) -> EventName {
        match self {
            Self::TimeWentBackwards { event, .. }
            | Self::NotAllowed { event, .. }
            | Self::ForbiddenActor { event, .. }
            | Self::ReasonRequired { event, .. }
            | Self::InvalidRequest { event, .. }
            | Self::UnchangedReopening { event, .. }
            | Self::DuplicateHabilitationNumber { event, .. } => *event,
        }
    }
}

fn rfc3339(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

impl NotAllowedCause {
    /// The cause as a word for params (`not_in_table`).
    const fn key(self) -> &'static str {
        match self {
            Self::NotInTable => "not_in_table",
            Self::ActiveHabilitation => "active_habilitation",
            Self::NotReopenable => "not_reopenable",
            Self::NotReopening => "not_reopening",
            Self::UnknownHabilitation { .. } => "unknown_habilitation",
            Self::HabilitationState { .. } => "habilitation_state",
        }
    }
}

impl Diagnostic for TransitionError {
    fn describe(&self) -> Description {
        let (state, event) = (self.state(), self.event());
        let subject = (event.action_fr(), event.action_en());
        let d = match self {
            Self::TimeWentBackwards { at, previous, .. } => Description::new(
                Code::TransitionTimeWentBackwards,
                subject,
                format!(
                    "est datée du {}, avant le dernier événement de la demande ({})",
                    rfc3339(at),
                    rfc3339(previous)
                ),
                format!(
                    "is dated {}, before the previous event of the request ({})",
                    rfc3339(at),
                    rfc3339(previous)
                ),
            )
            .with("at", rfc3339(at))
            .with("previous", rfc3339(previous)),
            Self::NotAllowed { cause, .. } => {
                let (fr, en) = match *cause {
                    NotAllowedCause::NotInTable => (
                        format!(
                            "n'est pas permise quand la demande est « {} »",
                            state.label_fr()
                        ),
                        format!("is not allowed when the request is {}", state.words_en()),
                    ),
                    NotAllowedCause::ActiveHabilitation => (
                        "n'est pas permise tant que la demande a une habilitation active"
                            .to_owned(),
                        "is not allowed while the request has an active habilitation".to_owned(),
                    ),
                    NotAllowedCause::NotReopenable => (
                        "n'est pas permise : la demande est déjà en cours de mise à jour ou sa \
                         dernière habilitation n'est pas active"
                            .to_owned(),
                        "is not allowed: the request is already being reopened or its latest \
                         habilitation is not active"
                            .to_owned(),
                    ),
                    NotAllowedCause::NotReopening => (
                        "n'est permise que pendant une mise à jour de la demande".to_owned(),
                        "is only allowed while the request is being reopened".to_owned(),
                    ),
                    NotAllowedCause::UnknownHabilitation {
                        habilitation_number,
                    } => (
                        format!(
                            "n'est pas permise : la demande n'a pas d'habilitation \
                             {habilitation_number}"
                        ),
                        format!(
                            "is not allowed: the request has no habilitation {habilitation_number}"
                        ),
                    ),
                    NotAllowedCause::HabilitationState {
                        habilitation_number,
                        state,
                    } => (
                        format!(
                            "n'est pas permise : l'habilitation {habilitation_number} est « {} »",
                            state.label_fr()
                        ),
                        format!("is not allowed: habilitation {habilitation_number} is {state}"),
                    ),
                };
                let d = Description::new(Code::TransitionNotAllowed, subject, fr, en)
                    .with("cause", cause.key());
                match *cause {
                    NotAllowedCause::UnknownHabilitation {
                        habilitation_number,
                    } => d.with("habilitation_number", habilitation_number.to_string()),
                    NotAllowedCause::HabilitationState {
                        habilitation_number,
                        state,
                    } => d
                        .with("habilitation_number", habilitation_number.to_string())
                        .with("habilitation_state", state.as_str()),
                    NotAllowedCause::NotInTable
                    | NotAllowedCause::ActiveHabilitation
                    | NotAllowedCause::NotReopenable
                    | NotAllowedCause::NotReopening => d,
                }
            }
            Self::ForbiddenActor { actor, .. } => Description::new(
                Code::TransitionForbiddenActor,
                subject,
                format!(
                    "n'est pas permise {} quand la demande est « {} »",
                    actor.dative_fr(),
                    state.label_fr()
                ),
                format!(
                    "is not allowed for the {actor} when the request is {}",
                    state.words_en()
                ),
            )
            .with("actor", actor.as_str()),
            Self::ReasonRequired { .. } => Description::new(
                Code::TransitionReasonRequired,
                subject,
                "exige un motif",
                "requires a reason",
            ),
            Self::InvalidRequest { report, .. } => {
                let n = report.errors().len();
                let codes: Vec<&str> = report.errors().iter().map(|i| i.code.as_str()).collect();
                Description::new(
                    Code::TransitionInvalidRequest,
                    subject,
                    format!(
                        "n'est pas permise : la demande comporte {n} erreur{}",
                        plural(n)
                    ),
                    format!("is not allowed: the request has {n} error{}", plural(n)),
                )
                .with("error_count", n)
                .with("codes", codes)
            }
            Self::UnchangedReopening {
                habilitation_number,
                ..
            } => Description::new(
                Code::TransitionUnchangedReopening,
                subject,
                format!(
                    "n'est pas permise : les données n'ont pas changé depuis l'habilitation \
                     {habilitation_number}"
                ),
                format!(
                    "is not allowed: the data have not changed since habilitation \
                     {habilitation_number}"
                ),
            )
            .with("habilitation_number", habilitation_number.to_string()),
            Self::DuplicateHabilitationNumber {
                habilitation_number,
                ..
            } => Description::new(
                Code::TransitionDuplicateHabilitationNumber,
                subject,
                format!(
                    "n'est pas permise : la demande a déjà une habilitation {habilitation_number}"
                ),
                format!(
                    "is not allowed: the request already has a habilitation {habilitation_number}"
                ),
            )
            .with("habilitation_number", habilitation_number.to_string()),
        };
        // State and event come first in every refusal's params.
        let mut params = crate::diagnostic::Params::new()
            .with("state", state.as_str())
            .with("event", event.as_str());
        for (key, value) in d.params.iter() {
            params.insert(key.to_owned(), value.clone());
        }
        Description { params, ..d }
    }
}
