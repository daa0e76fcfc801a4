//! The request state machine: states, actors, events, and the one transition function.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::habilitation::{Habilitation, HabilitationEvent, HabilitationState};
use super::numbers::HabilitationNumber;
use crate::diagnostic::{Diagnostic, params};
use crate::{AuthorizationRequest, RequestDraft, ValidationReport};

/// The state of an authorization request (DataPass `AuthorizationRequest#state`).
///
/// A request being reopened stays in these states ([`Draft`](Self::Draft),
/// [`ChangesRequested`](Self::ChangesRequested), [`Submitted`](Self::Submitted)) with the
/// record's `reopening` flag set (DataPass's « Mise à jour » badge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// « Brouillon »: being filled in (initial state).
    Draft,
    /// « En cours d'instruction »: waiting for an instructor's decision.
    Submitted,
    /// « A modifier »: sent back to the applicant with a reason.
    ChangesRequested,
    /// « Validée »: approved, with an active habilitation.
    Validated,
    /// « Refusée »: refused with a reason.
    Refused,
    /// « Supprimée »: archived by the applicant, an instructor or the system.
    Archived,
    /// « Révoquée »: access withdrawn.
    Revoked,
}

impl RequestState {
    /// Every state, in DataPass's order.
    pub const ALL: [Self; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::ChangesRequested,
        Self::Validated,
        Self::Refused,
        Self::Archived,
        Self::Revoked,
    ];

    /// The key used in JSON (`changes_requested`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::ChangesRequested => "changes_requested",
            Self::Validated => "validated",
            Self::Refused => "refused",
            Self::Archived => "archived",
            Self::Revoked => "revoked",
        }
    }

    /// DataPass's French label (« En cours d'instruction »).
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::Submitted => "En cours d'instruction",
            Self::ChangesRequested => "A modifier",
            Self::Validated => "Validée",
            Self::Refused => "Refusée",
            Self::Archived => "Supprimée",
            Self::Revoked => "Révoquée",
        }
    }

    /// Whether the applicant may edit the request's data in this state (`draft` and
    /// `changes_requested`, reopening or not).
    #[must_use]
    pub const fn applicant_may_edit(self) -> bool {
        matches!(self, Self::Draft | Self::ChangesRequested)
    }

    /// English words for messages ("changes requested").
    const fn words_en(self) -> &'static str {
        match self {
            Self::Draft => "a draft",
            Self::Submitted => "submitted",
            Self::ChangesRequested => "sent back for changes",
            Self::Validated => "validated",
            Self::Refused => "refused",
            Self::Archived => "archived",
            Self::Revoked => "revoked",
        }
    }
}

impl fmt::Display for RequestState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who triggers an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The signed-in user who owns the request (« le demandeur »).
    Applicant,
    /// ANS staff with the instructor role for API Pro Santé Connect (« l'instructeur »).
    Instructor,
    /// Automatic effects and jobs (« le système »).
    System,
}

impl Actor {
    /// Every actor.
    pub const ALL: [Self; 3] = [Self::Applicant, Self::Instructor, Self::System];

    /// The key used in JSON (`instructor`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Applicant => "applicant",
            Self::Instructor => "instructor",
            Self::System => "system",
        }
    }

    /// The role in French, as the subject of a sentence (« Le demandeur »): history summaries
    /// use it where DataPass writes the user's name.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::Applicant => "Le demandeur",
            Self::Instructor => "L'instructeur",
            Self::System => "Le système",
        }
    }

    /// « au demandeur », « à l'instructeur », « au système ».
    const fn dative_fr(self) -> &'static str {
        match self {
            Self::Applicant => "au demandeur",
            Self::Instructor => "à l'instructeur",
            Self::System => "au système",
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name of a request event, without its data: what errors and the history name.
///
/// The names are DataPass v2's (`etalab/data_pass:app/models/authorization_request_event.rb`),
/// except [`RevokeHabilitation`](Self::RevokeHabilitation), the crate's name for revoking one
/// habilitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventName {
    /// `submit`.
    Submit,
    /// `update`.
    Update,
    /// `request_changes`.
    RequestChanges,
    /// `approve`.
    Approve,
    /// `refuse`.
    Refuse,
    /// `archive`.
    Archive,
    /// `reopen`.
    Reopen,
    /// `cancel_reopening`.
    CancelReopening,
    /// `revoke` (the request).
    Revoke,
    /// `revoke_habilitation` (one habilitation).
    RevokeHabilitation,
}

impl EventName {
    /// Every event name.
    pub const ALL: [Self; 10] = [
        Self::Submit,
        Self::Update,
        Self::RequestChanges,
        Self::Approve,
        Self::Refuse,
        Self::Archive,
        Self::Reopen,
        Self::CancelReopening,
        Self::Revoke,
        Self::RevokeHabilitation,
    ];

    /// The key used in JSON (`request_changes`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Update => "update",
            Self::RequestChanges => "request_changes",
            Self::Approve => "approve",
            Self::Refuse => "refuse",
            Self::Archive => "archive",
            Self::Reopen => "reopen",
            Self::CancelReopening => "cancel_reopening",
            Self::Revoke => "revoke",
            Self::RevokeHabilitation => "revoke_habilitation",
        }
    }

    /// The action as DataPass's buttons name it, with its article: « l'action « Valider la
    /// demande » ».
    #[must_use]
    pub const fn action_fr(self) -> &'static str {
        match self {
            Self::Submit => "l'action « Soumettre la demande »",
            Self::Update => "l'action « Enregistrer les modifications »",
            Self::RequestChanges => "l'action « Demander des modifications »",
            Self::Approve => "l'action « Valider la demande »",
            Self::Refuse => "l'action « Refuser la demande »",
            Self::Archive => "l'action « Supprimer la demande »",
            Self::Reopen => "l'action « Mettre à jour »",
            Self::CancelReopening => "l'action « Annuler la mise à jour »",
            Self::Revoke => "l'action « Révoquer la demande »",
            Self::RevokeHabilitation => "l'action « Révoquer l'habilitation »",
        }
    }

    /// The action in English, with its article ("the \"approve\" action").
    #[must_use]
    pub const fn action_en(self) -> &'static str {
        match self {
            Self::Submit => "the \"submit\" action",
            Self::Update => "the \"update\" action",
            Self::RequestChanges => "the \"request changes\" action",
            Self::Approve => "the \"approve\" action",
            Self::Refuse => "the \"refuse\" action",
            Self::Archive => "the \"archive\" action",
            Self::Reopen => "the \"reopen\" action",
            Self::CancelReopening => "the \"cancel reopening\" action",
            Self::Revoke => "the \"revoke\" action",
            Self::RevokeHabilitation => "the \"revoke habilitation\" action",
        }
    }
}

impl fmt::Display for EventName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happens to a request, with the data each event needs.
///
/// Reasons are optional in the type so that a missing reason is refused by the transition with
/// `transition.reason_required` (an error with a code and messages) rather than by the JSON
/// parser. A **required** reason must be non-blank after trimming; reasons and messages are
/// stored trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// The applicant submits the request: draft or changes_requested → submitted.
    Submit,
    /// The applicant replaces the request's data (draft, changes_requested).
    Update {
        /// The new content.
        request: Box<RequestDraft>,
    },
    /// An instructor sends the request back: submitted → changes_requested. Reason required.
    RequestChanges {
        /// Why (« motif »), shown to the applicant.
        reason: Option<String>,
    },
    /// An instructor approves: submitted or changes_requested → validated, with a new
    /// habilitation.
    Approve {
        /// The number DataPass gave the new habilitation.
        habilitation_number: HabilitationNumber,
        /// « Message complémentaire (optionnel) ».
        message: Option<String>,
    },
    /// An instructor refuses: → refused, or back to validated during a reopening. Reason
    /// required.
    Refuse {
        /// Why.
        reason: Option<String>,
    },
    /// Anyone archives (deletes) the request: draft, refused or revoked → archived.
    Archive,
    /// The applicant reopens a validated request to change it (« Mettre à jour »).
    Reopen,
    /// The applicant or an instructor cancels a reopening: back to validated. Reason required
    /// from an instructor.
    CancelReopening {
        /// Why (required from an instructor).
        reason: Option<String>,
    },
    /// An instructor revokes the request and all its habilitations: validated → revoked.
    /// Reason required.
    Revoke {
        /// Why.
        reason: Option<String>,
    },
    /// An instructor revokes one habilitation; revoking the active one revokes the request.
    /// Reason required.
    RevokeHabilitation {
        /// The habilitation to revoke.
        habilitation_number: HabilitationNumber,
        /// Why.
        reason: Option<String>,
    },
}

impl EventKind {
    /// The event's name.
    #[must_use]
    pub const fn name(&self) -> EventName {
        match self {
            Self::Submit => EventName::Submit,
            Self::Update { .. } => EventName::Update,
            Self::RequestChanges { .. } => EventName::RequestChanges,
            Self::Approve { .. } => EventName::Approve,
            Self::Refuse { .. } => EventName::Refuse,
            Self::Archive => EventName::Archive,
            Self::Reopen => EventName::Reopen,
            Self::CancelReopening { .. } => EventName::CancelReopening,
            Self::Revoke { .. } => EventName::Revoke,
            Self::RevokeHabilitation { .. } => EventName::RevokeHabilitation,
        }
    }

    /// The reason given, if the event has one.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::RequestChanges { reason }
            | Self::Refuse { reason }
            | Self::CancelReopening { reason }
            | Self::Revoke { reason }
            | Self::RevokeHabilitation { reason, .. } => reason.as_deref(),
            Self::Submit
            | Self::Update { .. }
            | Self::Approve { .. }
            | Self::Archive
            | Self::Reopen => None,
        }
    }
}

/// One event of a request: when, who, and what.
///
/// JSON, internally tagged by `"event"`, unknown keys rejected:
///
/// ```json
/// {"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
///  "habilitation_number": "H60501"}
/// ```
///
/// The other events: `{"event": "submit"}`, `{"event": "update", "request": {…draft…}}`,
/// `{"event": "request_changes", "reason": "…"}`, `{"event": "approve",
/// "habilitation_number": "H60501", "message": "…"}` (`message` optional),
/// `{"event": "refuse", "reason": "…"}`, `{"event": "archive"}`, `{"event": "reopen"}`,
/// `{"event": "cancel_reopening", "reason": "…"}` (`reason` optional),
/// `{"event": "revoke", "reason": "…"}`, `{"event": "revoke_habilitation",
/// "habilitation_number": "H60501", "reason": "…"}`, each with `at` and `actor`.
///
/// ```
/// use datapass_psc::lifecycle::{Actor, Event, EventKind};
/// let event: Event = serde_json::from_str(
///     r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
///         "habilitation_number": "H60501"}"#,
/// )?;
/// assert_eq!(event.actor, Actor::Instructor);
/// assert!(matches!(event.kind, EventKind::Approve { message: None, .. }));
/// assert!(serde_json::from_str::<Event>(
///     r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant", "event": "submit", "x": 1}"#
/// ).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "EventWire", into = "EventWire")]
#[schemars(
    description = "A request event: `at` (RFC 3339), `actor` (applicant, instructor, system) and `event` (submit, update, request_changes, approve, refuse, archive, reopen, cancel_reopening, revoke, revoke_habilitation) with that event's fields; unknown keys are rejected. A missing or blank required reason is refused when the event is applied (transition.reason_required), not by this schema."
)]
pub struct Event {
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// Who triggered it.
    pub actor: Actor,
    /// What happened, with its data.
    pub kind: EventKind,
}

impl Event {
    /// An event.
    #[must_use]
    pub fn new(at: DateTime<Utc>, actor: Actor, kind: EventKind) -> Self {
        Self { at, actor, kind }
    }

    /// The event's name.
    #[must_use]
    pub const fn name(&self) -> EventName {
        self.kind.name()
    }
}

/// The JSON form of [`Event`].
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
#[schemars(rename = "Event")]
#[allow(clippy::large_enum_variant)]
enum EventWire {
    /// The applicant submits the request.
    Submit {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant replaces the request's data.
    Update {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        request: Box<RequestDraft>,
    },
    /// An instructor requests changes (reason required).
    RequestChanges {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor approves: a new habilitation with this number.
    Approve {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        habilitation_number: HabilitationNumber,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// An instructor refuses (reason required).
    Refuse {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Anyone archives the request.
    Archive {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant reopens the validated request.
    Reopen {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
    },
    /// The applicant or an instructor cancels the reopening (reason required from an
    /// instructor).
    CancelReopening {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor revokes the request (reason required).
    Revoke {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An instructor revokes one habilitation (reason required).
    RevokeHabilitation {
        #[schemars(schema_with = "super::time_schema")]
        at: DateTime<Utc>,
        actor: Actor,
        habilitation_number: HabilitationNumber,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

impl From<EventWire> for Event {
    fn from(wire: EventWire) -> Self {
        use EventKind as K;
        use EventWire as W;
        let (at, actor, kind) = match wire {
            W::Submit { at, actor } => (at, actor, K::Submit),
            W::Update { at, actor, request } => (at, actor, K::Update { request }),
            W::RequestChanges { at, actor, reason } => (at, actor, K::RequestChanges { reason }),
            W::Approve {
                at,
                actor,
                habilitation_number,
                message,
            } => (
                at,
                actor,
                K::Approve {
                    habilitation_number,
                    message,
                },
            ),
            W::Refuse { at, actor, reason } => (at, actor, K::Refuse { reason }),
            W::Archive { at, actor } => (at, actor, K::Archive),
            W::Reopen { at, actor } => (at, actor, K::Reopen),
            W::CancelReopening { at, actor, reason } => (at, actor, K::CancelReopening { reason }),
            W::Revoke { at, actor, reason } => (at, actor, K::Revoke { reason }),
            W::RevokeHabilitation {
                at,
                actor,
                habilitation_number,
                reason,
            } => (
                at,
                actor,
                K::RevokeHabilitation {
                    habilitation_number,
                    reason,
                },
            ),
        };
        Self { at, actor, kind }
    }
}

impl From<Event> for EventWire {
    fn from(event: Event) -> Self {
        use EventKind as K;
        let Event { at, actor, kind } = event;
        match kind {
            K::Submit => Self::Submit { at, actor },
            K::Update { request } => Self::Update { at, actor, request },
            K::RequestChanges { reason } => Self::RequestChanges { at, actor, reason },
            K::Approve {
                habilitation_number,
                message,
            } => Self::Approve {
                at,
                actor,
                habilitation_number,
                message,
            },
            K::Refuse { reason } => Self::Refuse { at, actor, reason },
            K::Archive => Self::Archive { at, actor },
            K::Reopen => Self::Reopen { at, actor },
            K::CancelReopening { reason } => Self::CancelReopening { at, actor, reason },
            K::Revoke { reason } => Self::Revoke { at, actor, reason },
            K::RevokeHabilitation {
                habilitation_number,
                reason,
            } => Self::RevokeHabilitation {
                at,
                actor,
                habilitation_number,
                reason,
            },
        }
    }
}

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

impl Diagnostic for TransitionError {
    fn code(&self) -> &'static str {
        match self {
            Self::TimeWentBackwards { .. } => "transition.time_went_backwards",
            Self::NotAllowed { .. } => "transition.not_allowed",
            Self::ForbiddenActor { .. } => "transition.forbidden_actor",
            Self::ReasonRequired { .. } => "transition.reason_required",
            Self::InvalidRequest { .. } => "transition.invalid_request",
            Self::UnchangedReopening { .. } => "transition.unchanged_reopening",
            Self::DuplicateHabilitationNumber { .. } => "transition.duplicate_habilitation_number",
        }
    }

    fn subject_fr(&self) -> &'static str {
        self.event().action_fr()
    }

    fn subject_en(&self) -> &'static str {
        self.event().action_en()
    }

    fn predicate_fr(&self) -> String {
        match self {
            Self::TimeWentBackwards { at, previous, .. } => format!(
                "est datée du {}, avant le dernier événement de la demande ({})",
                rfc3339(at),
                rfc3339(previous)
            ),
            Self::NotAllowed { state, cause, .. } => match cause {
                NotAllowedCause::NotInTable => format!(
                    "n'est pas permise quand la demande est « {} »",
                    state.label_fr()
                ),
                NotAllowedCause::ActiveHabilitation => {
                    "n'est pas permise tant que la demande a une habilitation active".to_owned()
                }
                NotAllowedCause::NotReopenable => "n'est pas permise : la demande est déjà en \
                                                   cours de mise à jour ou sa dernière \
                                                   habilitation n'est pas active"
                    .to_owned(),
                NotAllowedCause::NotReopening => {
                    "n'est permise que pendant une mise à jour de la demande".to_owned()
                }
                NotAllowedCause::UnknownHabilitation {
                    habilitation_number,
                } => format!(
                    "n'est pas permise : la demande n'a pas d'habilitation {habilitation_number}"
                ),
                NotAllowedCause::HabilitationState {
                    habilitation_number,
                    state,
                } => format!(
                    "n'est pas permise : l'habilitation {habilitation_number} est « {} »",
                    state.label_fr()
                ),
            },
            Self::ForbiddenActor { state, actor, .. } => format!(
                "n'est pas permise {} quand la demande est « {} »",
                actor.dative_fr(),
                state.label_fr()
            ),
            Self::ReasonRequired { .. } => "exige un motif".to_owned(),
            Self::InvalidRequest { report, .. } => {
                let n = report.errors().len();
                format!(
                    "n'est pas permise : la demande comporte {n} erreur{}",
                    plural(n)
                )
            }
            Self::UnchangedReopening {
                habilitation_number,
                ..
            } => format!(
                "n'est pas permise : les données n'ont pas changé depuis l'habilitation \
                 {habilitation_number}"
            ),
            Self::DuplicateHabilitationNumber {
                habilitation_number,
                ..
            } => format!(
                "n'est pas permise : la demande a déjà une habilitation {habilitation_number}"
            ),
        }
    }

    fn predicate_en(&self) -> String {
        match self {
            Self::TimeWentBackwards { at, previous, .. } => format!(
                "is dated {}, before the previous event of the request ({})",
                rfc3339(at),
                rfc3339(previous)
            ),
            Self::NotAllowed { state, cause, .. } => match cause {
                NotAllowedCause::NotInTable => {
                    format!("is not allowed when the request is {}", state.words_en())
                }
                NotAllowedCause::ActiveHabilitation => {
                    "is not allowed while the request has an active habilitation".to_owned()
                }
                NotAllowedCause::NotReopenable => "is not allowed: the request is already being \
                                                   reopened or its latest habilitation is not \
                                                   active"
                    .to_owned(),
                NotAllowedCause::NotReopening => {
                    "is only allowed while the request is being reopened".to_owned()
                }
                NotAllowedCause::UnknownHabilitation {
                    habilitation_number,
                } => {
                    format!("is not allowed: the request has no habilitation {habilitation_number}")
                }
                NotAllowedCause::HabilitationState {
                    habilitation_number,
                    state,
                } => format!("is not allowed: habilitation {habilitation_number} is {state}"),
            },
            Self::ForbiddenActor { state, actor, .. } => format!(
                "is not allowed for the {actor} when the request is {}",
                state.words_en()
            ),
            Self::ReasonRequired { .. } => "requires a reason".to_owned(),
            Self::InvalidRequest { report, .. } => {
                let n = report.errors().len();
                format!("is not allowed: the request has {n} error{}", plural(n))
            }
            Self::UnchangedReopening {
                habilitation_number,
                ..
            } => format!(
                "is not allowed: the data have not changed since habilitation \
                 {habilitation_number}"
            ),
            Self::DuplicateHabilitationNumber {
                habilitation_number,
                ..
            } => format!(
                "is not allowed: the request already has a habilitation {habilitation_number}"
            ),
        }
    }

    fn params(&self) -> Map<String, Value> {
        let mut map = params([
            ("state", json!(self.state())),
            ("event", json!(self.event())),
        ]);
        let mut put = |key: &str, value: Value| {
            map.insert(key.to_owned(), value);
        };
        match self {
            Self::TimeWentBackwards { at, previous, .. } => {
                put("at", json!(rfc3339(at)));
                put("previous", json!(rfc3339(previous)));
            }
            Self::NotAllowed { cause, .. } => match cause {
                NotAllowedCause::NotInTable => put("cause", json!("not_in_table")),
                NotAllowedCause::ActiveHabilitation => put("cause", json!("active_habilitation")),
                NotAllowedCause::NotReopenable => put("cause", json!("not_reopenable")),
                NotAllowedCause::NotReopening => put("cause", json!("not_reopening")),
                NotAllowedCause::UnknownHabilitation {
                    habilitation_number,
                } => {
                    put("cause", json!("unknown_habilitation"));
                    put("habilitation_number", json!(habilitation_number));
                }
                NotAllowedCause::HabilitationState {
                    habilitation_number,
                    state,
                } => {
                    put("cause", json!("habilitation_state"));
                    put("habilitation_number", json!(habilitation_number));
                    put("habilitation_state", json!(state));
                }
            },
            Self::ForbiddenActor { actor, .. } => put("actor", json!(actor)),
            Self::ReasonRequired { .. } => {}
            Self::InvalidRequest { report, .. } => {
                put("error_count", json!(report.errors().len()));
                put(
                    "codes",
                    report.errors().iter().map(|i| json!(i.code)).collect(),
                );
            }
            Self::UnchangedReopening {
                habilitation_number,
                ..
            }
            | Self::DuplicateHabilitationNumber {
                habilitation_number,
                ..
            } => put("habilitation_number", json!(habilitation_number)),
        }
        map
    }
}

/// What the record knows when it decides on an event.
pub(crate) struct Facts<'a> {
    /// The current state.
    pub state: RequestState,
    /// Whether the request is being reopened.
    pub reopening: bool,
    /// The current content.
    pub content: &'a RequestDraft,
    /// The habilitations, oldest first (the active one, if any, is the last).
    pub habilitations: &'a [Habilitation],
    /// The time of the previous recorded event.
    pub previous_at: Option<DateTime<Utc>>,
}

/// What an accepted event does besides setting the state.
#[derive(Debug)]
pub(crate) enum Effect {
    /// Nothing else.
    None,
    /// `submit`: sets `last_submitted_at`.
    Submitted,
    /// `update`: the content becomes the event's draft.
    ReplaceContent,
    /// `approve`: every older habilitation takes its new state and a new active one holds this
    /// snapshot.
    Approve {
        snapshot: Box<AuthorizationRequest>,
        older: Vec<HabilitationState>,
    },
    /// `refuse` or `cancel_reopening` during a reopening: the content is restored from the
    /// active habilitation (at this index) and the reopening ends.
    Restore { active: usize },
    /// `reopen`: starts a reopening, sets `reopened_at`.
    Reopen,
    /// `revoke`: every habilitation takes its new state.
    RevokeAll { states: Vec<HabilitationState> },
    /// `revoke_habilitation`: one habilitation takes its new state; when it was active the
    /// request is revoked and any reopening ends.
    RevokeOne {
        index: usize,
        state: HabilitationState,
    },
}

/// An accepted event: the new state and what else changes.
#[derive(Debug)]
pub(crate) struct Transition {
    pub to: RequestState,
    pub effect: Effect,
}

/// Builds the errors of one (state, event) pair.
struct Refusal {
    state: RequestState,
    event: EventName,
}

impl Refusal {
    fn not_allowed(&self, cause: NotAllowedCause) -> TransitionError {
        TransitionError::NotAllowed {
            state: self.state,
            event: self.event,
            cause,
        }
    }

    fn not_in_table(&self) -> Result<Transition, TransitionError> {
        Err(self.not_allowed(NotAllowedCause::NotInTable))
    }

    /// `forbidden_actor` unless `actor` is one of `allowed`.
    fn actor(&self, actor: Actor, allowed: &[Actor]) -> Result<(), TransitionError> {
        if allowed.contains(&actor) {
            Ok(())
        } else {
            Err(TransitionError::ForbiddenActor {
                state: self.state,
                event: self.event,
                actor,
            })
        }
    }

    /// `reason_required` unless `reason` is non-blank after trimming.
    fn reason(&self, reason: Option<&String>) -> Result<(), TransitionError> {
        if reason.is_some_and(|r| !r.trim().is_empty()) {
            Ok(())
        } else {
            Err(TransitionError::ReasonRequired {
                state: self.state,
                event: self.event,
            })
        }
    }

    /// `invalid_request` unless the content validates.
    fn valid(&self, content: &RequestDraft) -> Result<AuthorizationRequest, TransitionError> {
        content
            .validate()
            .map_err(|report| TransitionError::InvalidRequest {
                state: self.state,
                event: self.event,
                report,
            })
    }
}

/// The index of the active habilitation, which the invariant places last.
fn active_index(habilitations: &[Habilitation]) -> Option<usize> {
    habilitations
        .iter()
        .rposition(Habilitation::is_active)
        .filter(|&i| i + 1 == habilitations.len())
}

/// Applies a habilitation event to every habilitation, or names the first that refuses it.
fn all_habilitations(
    habilitations: &[Habilitation],
    event: HabilitationEvent,
) -> Result<Vec<HabilitationState>, NotAllowedCause> {
    habilitations
        .iter()
        .map(|h| {
            h.state()
                .apply(event)
                .map_err(|_| NotAllowedCause::HabilitationState {
                    habilitation_number: h.number(),
                    state: h.state(),
                })
        })
        .collect()
}

/// The request transition function: one exhaustive `match` over (state, event), listing every
/// state on each side, with no catch-all arm.
///
/// Checks run in the order of the refusal codes: time, then (in the arm) table and state
/// guards, actor, reason, content validity, unchanged reopening, duplicate habilitation number.
// Each event's refused states are listed next to its allowed arm, so the table reads event by
// event; merging the identical `not_in_table` arms would scatter it.
#[allow(clippy::match_same_arms)]
pub(crate) fn transition(facts: &Facts<'_>, event: &Event) -> Result<Transition, TransitionError> {
    use Actor::{Applicant, Instructor, System};
    use EventKind as E;
    use RequestState as S;

    let state = facts.state;
    let no = Refusal {
        state,
        event: event.name(),
    };
    if let Some(previous) = facts.previous_at
        && event.at < previous
    {
        return Err(TransitionError::TimeWentBackwards {
            state,
            event: event.name(),
            at: event.at,
            previous,
        });
    }
    let actor = event.actor;
    let active = active_index(facts.habilitations);
    let to = |to: RequestState, effect: Effect| Ok(Transition { to, effect });

    match (state, &event.kind) {
        // submit: draft, changes_requested → submitted (applicant).
        (S::Draft | S::ChangesRequested, E::Submit) => {
            // During a reopening, the data must differ from the active (latest) snapshot.
            let latest = if facts.reopening {
                let Some(i) = active else {
                    return Err(no.not_allowed(NotAllowedCause::NotReopenable));
                };
                Some(&facts.habilitations[i])
            } else {
                None
            };
            no.actor(actor, &[Applicant])?;
            let request = no.valid(facts.content)?;
            if let Some(latest) = latest
                && latest.request() == &request
            {
                return Err(TransitionError::UnchangedReopening {
                    state,
                    event: event.name(),
                    habilitation_number: latest.number(),
                });
            }
            to(S::Submitted, Effect::Submitted)
        }
        (S::Submitted | S::Validated | S::Refused | S::Archived | S::Revoked, E::Submit) => {
            no.not_in_table()
        }

        // update: draft, changes_requested → unchanged (applicant).
        (S::Draft | S::ChangesRequested, E::Update { .. }) => {
            no.actor(actor, &[Applicant])?;
            to(state, Effect::ReplaceContent)
        }
        (S::Submitted | S::Validated | S::Refused | S::Archived | S::Revoked, E::Update { .. }) => {
            no.not_in_table()
        }

        // request_changes: submitted → changes_requested (instructor, reason).
        (S::Submitted, E::RequestChanges { reason }) => {
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            to(S::ChangesRequested, Effect::None)
        }
        (
            S::Draft | S::ChangesRequested | S::Validated | S::Refused | S::Archived | S::Revoked,
            E::RequestChanges { .. },
        ) => no.not_in_table(),

        // approve: submitted, changes_requested → validated (instructor), new habilitation.
        (
            S::Submitted | S::ChangesRequested,
            E::Approve {
                habilitation_number,
                ..
            },
        ) => {
            let older = all_habilitations(facts.habilitations, HabilitationEvent::Deprecate)
                .map_err(|cause| no.not_allowed(cause))?;
            no.actor(actor, &[Instructor])?;
            let snapshot = no.valid(facts.content)?;
            if facts
                .habilitations
                .iter()
                .any(|h| h.number() == *habilitation_number)
            {
                return Err(TransitionError::DuplicateHabilitationNumber {
                    state,
                    event: event.name(),
                    habilitation_number: *habilitation_number,
                });
            }
            to(
                S::Validated,
                Effect::Approve {
                    snapshot: Box::new(snapshot),
                    older,
                },
            )
        }
        (S::Draft | S::Validated | S::Refused | S::Archived | S::Revoked, E::Approve { .. }) => {
            no.not_in_table()
        }

        // refuse: submitted, changes_requested → refused, or → validated during a reopening
        // (instructor, reason).
        (S::Submitted | S::ChangesRequested, E::Refuse { reason }) => {
            let restore = if facts.reopening {
                Some(active.ok_or_else(|| no.not_allowed(NotAllowedCause::NotReopenable))?)
            } else {
                None
            };
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            match restore {
                Some(active) => to(S::Validated, Effect::Restore { active }),
                None => to(S::Refused, Effect::None),
            }
        }
        (S::Draft | S::Validated | S::Refused | S::Archived | S::Revoked, E::Refuse { .. }) => {
            no.not_in_table()
        }

        // archive: draft, refused, revoked → archived (anyone), without an active habilitation.
        (S::Draft | S::Refused | S::Revoked, E::Archive) => {
            if active.is_some() || facts.reopening {
                return Err(no.not_allowed(NotAllowedCause::ActiveHabilitation));
            }
            no.actor(actor, &[Applicant, Instructor, System])?;
            to(S::Archived, Effect::None)
        }
        (S::Submitted | S::ChangesRequested | S::Validated | S::Archived, E::Archive) => {
            no.not_in_table()
        }

        // reopen: validated → draft (applicant), the latest habilitation active.
        (S::Validated, E::Reopen) => {
            if facts.reopening || active.is_none() {
                return Err(no.not_allowed(NotAllowedCause::NotReopenable));
            }
            no.actor(actor, &[Applicant])?;
            to(S::Draft, Effect::Reopen)
        }
        (
            S::Draft | S::Submitted | S::ChangesRequested | S::Refused | S::Archived | S::Revoked,
            E::Reopen,
        ) => no.not_in_table(),

        // cancel_reopening: draft, changes_requested, submitted → validated during a reopening
        // (applicant except while submitted; instructor with a reason).
        (S::Draft | S::ChangesRequested | S::Submitted, E::CancelReopening { reason }) => {
            let Some(active) = active.filter(|_| facts.reopening) else {
                return Err(no.not_allowed(NotAllowedCause::NotReopening));
            };
            let allowed: &[Actor] = match state {
                S::Submitted => &[Instructor],
                S::Draft
                | S::ChangesRequested
                | S::Validated
                | S::Refused
                | S::Archived
                | S::Revoked => &[Applicant, Instructor],
            };
            no.actor(actor, allowed)?;
            if actor == Instructor {
                no.reason(reason.as_ref())?;
            }
            to(S::Validated, Effect::Restore { active })
        }
        (S::Validated | S::Refused | S::Archived | S::Revoked, E::CancelReopening { .. }) => {
            no.not_in_table()
        }

        // revoke: validated → revoked (instructor, reason), every habilitation revoked.
        (S::Validated, E::Revoke { reason }) => {
            let states = all_habilitations(facts.habilitations, HabilitationEvent::Revoke)
                .map_err(|cause| no.not_allowed(cause))?;
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            to(S::Revoked, Effect::RevokeAll { states })
        }
        (
            S::Draft | S::Submitted | S::ChangesRequested | S::Refused | S::Archived | S::Revoked,
            E::Revoke { .. },
        ) => no.not_in_table(),

        // revoke_habilitation: validated or reopening; revoking the active habilitation revokes
        // the request (instructor, reason).
        (
            S::Validated | S::Draft | S::ChangesRequested | S::Submitted,
            E::RevokeHabilitation {
                habilitation_number,
                reason,
            },
        ) => {
            let Some(index) = facts
                .habilitations
                .iter()
                .position(|h| h.number() == *habilitation_number)
            else {
                return Err(no.not_allowed(NotAllowedCause::UnknownHabilitation {
                    habilitation_number: *habilitation_number,
                }));
            };
            let target = &facts.habilitations[index];
            let new_state = target
                .state()
                .apply(HabilitationEvent::Revoke)
                .map_err(|_| {
                    no.not_allowed(NotAllowedCause::HabilitationState {
                        habilitation_number: target.number(),
                        state: target.state(),
                    })
                })?;
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            let request_to = if target.is_active() {
                S::Revoked
            } else {
                state
            };
            to(
                request_to,
                Effect::RevokeOne {
                    index,
                    state: new_state,
                },
            )
        }
        (S::Refused | S::Archived | S::Revoked, E::RevokeHabilitation { .. }) => no.not_in_table(),
    }
}
