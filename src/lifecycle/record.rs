//! [`RequestRecord`]: a request's number, content, state, habilitations and history, driven by
//! [`Event`]s; [`EventLog`] and replay.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::habilitation::{Habilitation, HabilitationState};
use super::numbers::{HabilitationNumber, RequestNumber};
use super::request_state::{
    Actor, Effect, Event, EventKind, EventName, Facts, RequestState, Transition, TransitionError,
    transition,
};
use crate::RequestDraft;
use crate::diagnostic::{Diagnostic, params};

/// The version of the record and event log JSON formats: always `1`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct FormatVersion;

impl FormatVersion {
    const CURRENT: u64 = 1;
}

impl Serialize for FormatVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(Self::CURRENT)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = u64::deserialize(deserializer)?;
        if found == Self::CURRENT {
            Ok(Self)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported format_version {found}: expected 1"
            )))
        }
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> Cow<'static, str> {
        "FormatVersion".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "const": 1,
            "description": "Version of this JSON format: 1."
        })
    }
}

/// One line of a request's history: an accepted event.
///
/// `event` uses DataPass's event names (`submit`, `approve`…; `revoke_habilitation` is the
/// crate's). Refused events are not recorded. JSON: `{"event": "approve", "actor":
/// "instructor", "at": "2024-04-30T13:00:00Z", "habilitation_number": "H60501"}`, with `reason`,
/// `message` and `habilitation_number` left out when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "An accepted event of the request's history, named as in DataPass (revoke_habilitation is the crate's name), with its actor, time, and the reason, approval message or habilitation number it concerns."
)]
#[non_exhaustive]
pub struct HistoryEntry {
    /// The event.
    pub event: EventName,
    /// Who triggered it.
    pub actor: Actor,
    /// When.
    #[schemars(schema_with = "super::time_schema")]
    pub at: DateTime<Utc>,
    /// The reason given (request changes, refusal, revocation, cancelled reopening), trimmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The approval message, trimmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The habilitation concerned: created (`approve`), reopened (`reopen`) or revoked
    /// (`revoke_habilitation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub habilitation_number: Option<HabilitationNumber>,
}

impl HistoryEntry {
    /// The French summary DataPass shows for this event
    /// (`etalab/data_pass:config/locales/instruction.fr.yml`), with the actor's role where
    /// DataPass writes the user's name: « Le demandeur a soumis la demande. ».
    ///
    /// The crate keeps no per-field diff, so a later submission reads like the first one.
    #[must_use]
    pub fn summary_fr(&self) -> String {
        let user = self.actor.label_fr();
        let reason = self.reason.as_deref().unwrap_or_default();
        match self.event {
            EventName::Submit => format!("{user} a soumis la demande."),
            EventName::Update => format!("{user} a mis à jour la demande."),
            EventName::RequestChanges => {
                format!("{user} a demandé des modifications sur la demande : {reason}")
            }
            EventName::Approve => match self.habilitation_number {
                Some(number) => format!(
                    "{user} a approuvé la demande. Consulter l'habilitation API Pro Santé \
                     Connect {number}."
                ),
                None => format!("{user} a approuvé la demande."),
            },
            EventName::Refuse => format!("{user} a refusé la demande : {reason}"),
            EventName::Revoke => format!("{user} a révoqué la demande : {reason}"),
            EventName::RevokeHabilitation => match self.habilitation_number {
                Some(number) => format!("{user} a révoqué l'habilitation {number} : {reason}"),
                None => format!("{user} a révoqué l'habilitation : {reason}"),
            },
            EventName::Reopen => format!("{user} a réouvert l'habilitation."),
            EventName::CancelReopening => match self.actor {
                Actor::Instructor => format!(
                    "{user} a annulé la réouverture de l'habilitation pour la raison suivante : \
                     {reason}"
                ),
                Actor::Applicant | Actor::System => {
                    format!("{user} a annulé la réouverture de l'habilitation.")
                }
            },
            EventName::Archive => match self.actor {
                Actor::System => "La demande d'habilitation a été archivée par le système.".into(),
                Actor::Applicant | Actor::Instructor => format!("{user} a supprimé la demande."),
            },
        }
    }
}

/// A request and everything that happened to it: its number, current content, state,
/// reopening flag, habilitations, history and timestamps.
///
/// A record starts in `draft` ([`RequestRecord::new`]) and changes only through
/// [`RequestRecord::apply`], which either applies an [`Event`] completely or refuses it with a
/// [`TransitionError`] and leaves the record unchanged.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use datapass_psc::lifecycle::{Actor, Event, EventKind};
/// use datapass_psc::{RequestDraft, RequestRecord, RequestState};
///
/// let json = std::fs::read_to_string("examples/requests/hospiconnect.json")?;
/// let mut record = RequestRecord::new("D60501".parse()?, Some(RequestDraft::from_json(&json)?));
/// let at = |d| Utc.with_ymd_and_hms(2024, 4, d, 13, 0, 0).unwrap();
/// record.apply(Event::new(at(15), Actor::Applicant, EventKind::Submit))?;
/// record.apply(Event::new(at(30), Actor::Instructor, EventKind::Approve {
///     habilitation_number: "H60501".parse()?,
///     message: None,
/// }))?;
/// assert_eq!(record.state(), RequestState::Validated);
/// assert_eq!(record.active_habilitation().map(|h| h.number().to_string()).as_deref(), Some("H60501"));
/// assert_eq!(record.psc_connection_reference().to_string(), "D60501");
/// assert_eq!(record.history_fr()[0], "Le demandeur a soumis la demande.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # JSON
///
/// ```json
/// {"format_version": 1, "request_number": "D60501", "state": "validated", "reopening": false,
///  "last_submitted_at": "2024-06-10T09:00:00Z", "last_validated_at": "2024-06-19T10:00:00Z",
///  "reopened_at": "2024-06-05T09:00:00Z", "request": {…draft…},
///  "habilitations": [{"number": "H60501", "state": "obsolete", "created_at": "…", "request": {…}},
///                    {"number": "H118386", "state": "active", "created_at": "…", "request": {…}}],
///  "history": [{"event": "submit", "actor": "applicant", "at": "…"}, …]}
/// ```
///
/// Loading a record checks `format_version` (must be `1`) and the record's invariants
/// ([`RequestRecord::check_invariants`]). The current content loads as a [`RequestDraft`]
/// (whatever its values); each habilitation snapshot loads as an
/// [`AuthorizationRequest`](crate::AuthorizationRequest), whose deserialization validates it.
/// Nothing else re-runs business rules: the transitions are not replayed and history entries
/// are trusted as stored (apart from their time order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "RecordWire")]
#[schemars(
    description = "The lifecycle record of a DataPass authorization request to API Pro Santé Connect (datapass-psc format 1): number, state, reopening flag, timestamps, current content (a draft, possibly incomplete), habilitations (oldest first; at most one active, always the latest) and history (accepted events, oldest first). The crate checks the record's invariants when loading it, and validates each habilitation's request like a complete request."
)]
pub struct RequestRecord {
    format_version: FormatVersion,
    request_number: RequestNumber,
    state: RequestState,
    reopening: bool,
    last_submitted_at: Option<DateTime<Utc>>,
    last_validated_at: Option<DateTime<Utc>>,
    reopened_at: Option<DateTime<Utc>>,
    request: RequestDraft,
    habilitations: Vec<Habilitation>,
    history: Vec<HistoryEntry>,
}

/// The JSON form of [`RequestRecord`] as read, before the invariants are checked.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "RequestRecord")]
struct RecordWire {
    /// Version of the format: 1.
    format_version: FormatVersion,
    /// The request number (`D60501`).
    request_number: RequestNumber,
    /// The request's state.
    state: RequestState,
    /// Whether the validated request is being changed (« Mise à jour »).
    reopening: bool,
    /// The last accepted submission.
    #[serde(default)]
    #[schemars(schema_with = "super::optional_time_schema")]
    last_submitted_at: Option<DateTime<Utc>>,
    /// The last approval.
    #[serde(default)]
    #[schemars(schema_with = "super::optional_time_schema")]
    last_validated_at: Option<DateTime<Utc>>,
    /// The last reopening.
    #[serde(default)]
    #[schemars(schema_with = "super::optional_time_schema")]
    reopened_at: Option<DateTime<Utc>>,
    /// The current content (a draft: it may be incomplete).
    request: RequestDraft,
    /// The habilitations, oldest first.
    habilitations: Vec<Habilitation>,
    /// The accepted events, oldest first.
    history: Vec<HistoryEntry>,
}

impl RequestRecord {
    /// Reads a stored record from JSON, with the guarantees of
    /// [`RequestDraft::from_json`](crate::RequestDraft::from_json): the first structural problem
    /// is reported at its path, and no message quotes the document (serde's own messages, which
    /// `serde_json::from_str` would give, may quote personal values).
    ///
    /// # Errors
    /// A report with one issue: `json.*` (malformed JSON, or a structural problem inside the
    /// current content or a snapshot), `record.unreadable` (any other value or key that does not
    /// fit the format, at its path), or a `record.*` invariant code (parts that contradict each
    /// other, at the root).
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, crate::ValidationReport> {
        let value = super::reading::read_checked(
            bytes,
            &[&["request"], &["habilitations", "*", "request"]],
        )?;
        let wire: RecordWire = super::reading::typed(
            value,
            RECORD_UNREADABLE,
            "L'enregistrement de la demande ne respecte pas le format attendu à cet endroit",
            "The stored record does not follow the expected format at this place",
        )?;
        Self::try_from(wire).map_err(|e| {
            crate::ValidationReport::single(crate::Issue::from_diagnostic(
                &crate::report::Pointer::root(),
                &e,
                e.subject_fr(),
                e.subject_en(),
            ))
        })
    }
}

impl RequestRecord {
    /// What today's rules say of this record: the current content's full report (paths under
    /// `/request`) followed by each habilitation snapshot's (paths under
    /// `/habilitations/<i>/request`).
    ///
    /// Loading a record trusts the E.164 phone numbers of its snapshots (see
    /// [`AuthorizationRequest::from_stored`](crate::AuthorizationRequest::from_stored)); this
    /// tells which of them today's metadata refuses. A draft's current content is reported even
    /// when it is incomplete, as [`RequestDraft::report`] does.
    #[must_use]
    pub fn revalidate(&self) -> crate::ValidationReport {
        let mut report = crate::ValidationReport::new();
        let mut add = |prefix: String, part: crate::ValidationReport| {
            let moved = |issue: &crate::Issue| crate::Issue {
                path: format!("{prefix}{}", issue.path),
                ..issue.clone()
            };
            for issue in part.errors() {
                report.push_error(moved(issue));
            }
            for issue in part.warnings() {
                report.push_warning(moved(issue));
            }
        };
        add("/request".to_owned(), self.request.report());
        for (i, habilitation) in self.habilitations.iter().enumerate() {
            add(
                format!("/habilitations/{i}/request"),
                habilitation.request().to_draft().report(),
            );
        }
        report
    }
}

/// The code of a stored record that does not follow its format.
pub const RECORD_UNREADABLE: &str = "record.unreadable";

impl TryFrom<RecordWire> for RequestRecord {
    type Error = RecordError;

    fn try_from(wire: RecordWire) -> Result<Self, Self::Error> {
        let record = Self {
            format_version: wire.format_version,
            request_number: wire.request_number,
            state: wire.state,
            reopening: wire.reopening,
            last_submitted_at: wire.last_submitted_at,
            last_validated_at: wire.last_validated_at,
            reopened_at: wire.reopened_at,
            request: wire.request,
            habilitations: wire.habilitations,
            history: wire.history,
        };
        record.check_invariants()?;
        Ok(record)
    }
}

/// A stored record whose parts contradict each other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// Two habilitations share a number.
    #[error("duplicate habilitation number {habilitation_number}")]
    DuplicateHabilitationNumber {
        /// The repeated number.
        habilitation_number: HabilitationNumber,
    },
    /// More than one habilitation is active.
    #[error("{count} active habilitations: at most one allowed")]
    SeveralActiveHabilitations {
        /// How many are active.
        count: usize,
    },
    /// The active habilitation is not the latest one.
    #[error("active habilitation {habilitation_number} is not the latest")]
    ActiveNotLatest {
        /// The active habilitation.
        habilitation_number: HabilitationNumber,
    },
    /// A validated or reopening request without an active habilitation.
    #[error("request in state {state} (reopening: {reopening}) without an active habilitation")]
    MissingActiveHabilitation {
        /// The request's state.
        state: RequestState,
        /// The reopening flag.
        reopening: bool,
    },
    /// A request with habilitations it cannot have in its state (an active habilitation on a
    /// revoked or archived request, any habilitation on a request never approved).
    #[error(
        "request in state {state} (reopening: {reopening}) with unexpected habilitation {habilitation_number}"
    )]
    UnexpectedHabilitation {
        /// The request's state.
        state: RequestState,
        /// The reopening flag.
        reopening: bool,
        /// The habilitation that should not be there (or not in its state).
        habilitation_number: HabilitationNumber,
    },
    /// `reopening` set in a state where a request cannot be reopening.
    #[error("request in state {state} cannot be reopening")]
    ReopeningState {
        /// The request's state.
        state: RequestState,
    },
    /// A timestamp that the state requires is absent.
    #[error("request in state {state} without {field}")]
    MissingTimestamp {
        /// The request's state.
        state: RequestState,
        /// The missing field (`last_validated_at`).
        field: &'static str,
    },
    /// A history entry dated before the previous one.
    #[error("history entry {index} dated before the previous entry")]
    HistoryOutOfOrder {
        /// The 0-based index of the entry.
        index: usize,
    },
}

impl Diagnostic for RecordError {
    fn code(&self) -> &'static str {
        match self {
            Self::DuplicateHabilitationNumber { .. } => "record.duplicate_habilitation_number",
            Self::SeveralActiveHabilitations { .. } => "record.several_active_habilitations",
            Self::ActiveNotLatest { .. } => "record.active_not_latest",
            Self::MissingActiveHabilitation { .. } => "record.missing_active_habilitation",
            Self::UnexpectedHabilitation { .. } => "record.unexpected_habilitation",
            Self::ReopeningState { .. } => "record.reopening_state",
            Self::MissingTimestamp { .. } => "record.missing_timestamp",
            Self::HistoryOutOfOrder { .. } => "record.history_out_of_order",
        }
    }

    fn subject_fr(&self) -> &'static str {
        "l'enregistrement de la demande"
    }

    fn subject_en(&self) -> &'static str {
        "the request record"
    }

    fn predicate_fr(&self) -> String {
        match self {
            Self::DuplicateHabilitationNumber {
                habilitation_number,
            } => format!("contient deux fois l'habilitation {habilitation_number}"),
            Self::SeveralActiveHabilitations { count } => {
                format!("contient {count} habilitations actives (une au plus)")
            }
            Self::ActiveNotLatest {
                habilitation_number,
            } => format!(
                "a une habilitation active ({habilitation_number}) qui n'est pas la dernière"
            ),
            Self::MissingActiveHabilitation { state, .. } => format!(
                "n'a pas d'habilitation active alors que la demande est « {} »",
                state.label_fr()
            ),
            Self::UnexpectedHabilitation {
                state,
                habilitation_number,
                ..
            } => format!(
                "contient l'habilitation {habilitation_number}, impossible quand la demande est \
                 « {} »",
                state.label_fr()
            ),
            Self::ReopeningState { state } => format!(
                "indique une mise à jour en cours alors que la demande est « {} »",
                state.label_fr()
            ),
            Self::MissingTimestamp { state, field } => format!(
                "n'a pas de date {field} alors que la demande est « {} »",
                state.label_fr()
            ),
            Self::HistoryOutOfOrder { index } => {
                format!("a un historique dans le désordre (entrée {})", index + 1)
            }
        }
    }

    fn predicate_en(&self) -> String {
        match self {
            Self::DuplicateHabilitationNumber {
                habilitation_number,
            } => format!("holds habilitation {habilitation_number} twice"),
            Self::SeveralActiveHabilitations { count } => {
                format!("holds {count} active habilitations (at most one allowed)")
            }
            Self::ActiveNotLatest {
                habilitation_number,
            } => {
                format!("has an active habilitation ({habilitation_number}) that is not the latest")
            }
            Self::MissingActiveHabilitation { state, .. } => {
                format!("has no active habilitation although the request is {state}")
            }
            Self::UnexpectedHabilitation {
                state,
                habilitation_number,
                ..
            } => format!(
                "holds habilitation {habilitation_number}, impossible when the request is {state}"
            ),
            Self::ReopeningState { state } => {
                format!("is marked as reopening although the request is {state}")
            }
            Self::MissingTimestamp { state, field } => {
                format!("has no {field} although the request is {state}")
            }
            Self::HistoryOutOfOrder { index } => {
                format!("has its history out of order (entry {})", index + 1)
            }
        }
    }

    fn params(&self) -> Map<String, Value> {
        match self {
            Self::DuplicateHabilitationNumber {
                habilitation_number,
            }
            | Self::ActiveNotLatest {
                habilitation_number,
            } => params([("habilitation_number", json!(habilitation_number))]),
            Self::SeveralActiveHabilitations { count } => params([("count", json!(count))]),
            Self::MissingActiveHabilitation { state, reopening } => {
                params([("state", json!(state)), ("reopening", json!(reopening))])
            }
            Self::UnexpectedHabilitation {
                state,
                reopening,
                habilitation_number,
            } => params([
                ("state", json!(state)),
                ("reopening", json!(reopening)),
                ("habilitation_number", json!(habilitation_number)),
            ]),
            Self::ReopeningState { state } => params([("state", json!(state))]),
            Self::MissingTimestamp { state, field } => {
                params([("state", json!(state)), ("field", json!(field))])
            }
            Self::HistoryOutOfOrder { index } => params([("index", json!(index))]),
        }
    }
}

/// An event log that could not be replayed: the index of the first refused event (0-based in
/// the `events` list; creation is not an event) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {index} refused: {error}")]
pub struct ReplayError {
    index: usize,
    #[source]
    error: TransitionError,
}

impl ReplayError {
    /// The 0-based index of the refused event in the events list.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// Why it was refused.
    #[must_use]
    pub fn error(&self) -> &TransitionError {
        &self.error
    }

    /// The refusal, by value.
    #[must_use]
    pub fn into_error(self) -> TransitionError {
        self.error
    }
}

impl Diagnostic for ReplayError {
    fn code(&self) -> &'static str {
        self.error.code()
    }

    fn subject_fr(&self) -> &'static str {
        self.error.subject_fr()
    }

    fn subject_en(&self) -> &'static str {
        self.error.subject_en()
    }

    fn predicate_fr(&self) -> String {
        format!(
            "{} (événement n° {} du journal)",
            self.error.predicate_fr(),
            self.index + 1
        )
    }

    fn predicate_en(&self) -> String {
        format!(
            "{} (event #{} of the log)",
            self.error.predicate_en(),
            self.index + 1
        )
    }

    fn params(&self) -> Map<String, Value> {
        let mut map = self.error.params();
        map.insert("index".to_owned(), json!(self.index));
        map
    }
}

/// Trims `text`; `None` when blank.
fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

impl RequestRecord {
    /// A new request in `draft`, with its number and optional initial content (an empty draft
    /// otherwise). Creation is not an event: the history starts empty.
    #[must_use]
    pub fn new(request_number: RequestNumber, content: Option<RequestDraft>) -> Self {
        Self {
            format_version: FormatVersion,
            request_number,
            state: RequestState::Draft,
            reopening: false,
            last_submitted_at: None,
            last_validated_at: None,
            reopened_at: None,
            request: content.unwrap_or_default(),
            habilitations: Vec::new(),
            history: Vec::new(),
        }
    }

    /// Folds an event log into a new record with no initial content.
    ///
    /// # Errors
    /// The first refused event: its index (0-based in `events`) and the [`TransitionError`].
    pub fn replay(
        request_number: RequestNumber,
        events: impl IntoIterator<Item = Event>,
    ) -> Result<Self, ReplayError> {
        Self::replay_from(request_number, None, events)
    }

    /// Folds an event log into a new record created with `content`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use datapass_psc::lifecycle::{Actor, Event, EventKind};
    /// use datapass_psc::{Diagnostic, RequestRecord};
    ///
    /// let at = Utc.with_ymd_and_hms(2024, 4, 15, 9, 0, 0).unwrap();
    /// let events = [
    ///     Event::new(at, Actor::Applicant, EventKind::Archive),
    ///     Event::new(at, Actor::Applicant, EventKind::Submit),
    /// ];
    /// let error = RequestRecord::replay_from("D1".parse()?, None, events).unwrap_err();
    /// assert_eq!(error.index(), 1);
    /// assert_eq!(error.code(), "transition.not_allowed");
    /// # Ok::<(), datapass_psc::RequestNumberError>(())
    /// ```
    ///
    /// # Errors
    /// The first refused event: its index (0-based in `events`) and the [`TransitionError`].
    pub fn replay_from(
        request_number: RequestNumber,
        content: Option<RequestDraft>,
        events: impl IntoIterator<Item = Event>,
    ) -> Result<Self, ReplayError> {
        let mut record = Self::new(request_number, content);
        for (index, event) in events.into_iter().enumerate() {
            record
                .apply(event)
                .map_err(|error| ReplayError { index, error })?;
        }
        Ok(record)
    }

    /// Applies an event, or refuses it and leaves the record unchanged.
    ///
    /// # Errors
    /// A [`TransitionError`] naming the state, the event and the first failing check, in this
    /// order: `transition.time_went_backwards` (dated before the previous event),
    /// `transition.not_allowed` (`approve` on a draft, `archive` with an active habilitation),
    /// `transition.forbidden_actor` (an instructor's `submit`), `transition.reason_required`
    /// (`refuse` without a reason), `transition.invalid_request` (`submit` of an incomplete
    /// draft), `transition.unchanged_reopening` (submitting a reopening without changes),
    /// `transition.duplicate_habilitation_number` (`approve` with a number already held).
    pub fn apply(&mut self, event: Event) -> Result<(), TransitionError> {
        let facts = Facts {
            state: self.state,
            reopening: self.reopening,
            content: &self.request,
            habilitations: &self.habilitations,
            previous_at: self.history.last().map(|h| h.at),
        };
        let Transition { to, effect } = transition(&facts, &event)?;
        // Everything below is infallible: the record changes only once the event is accepted.
        let Event { at, actor, kind } = event;
        let mut entry = HistoryEntry {
            event: kind.name(),
            actor,
            at,
            reason: trimmed(kind.reason()),
            message: None,
            habilitation_number: None,
        };
        match effect {
            Effect::None => {}
            Effect::Submitted => self.last_submitted_at = Some(at),
            Effect::ReplaceContent => {
                if let EventKind::Update { request } = kind {
                    self.request = *request;
                }
            }
            Effect::Approve { snapshot, older } => {
                if let EventKind::Approve {
                    habilitation_number,
                    message,
                } = kind
                {
                    for (habilitation, state) in self.habilitations.iter_mut().zip(older) {
                        habilitation.set_state(state);
                    }
                    let message = trimmed(message.as_deref());
                    entry.message.clone_from(&message);
                    entry.habilitation_number = Some(habilitation_number);
                    self.habilitations.push(Habilitation::new(
                        habilitation_number,
                        at,
                        message,
                        *snapshot,
                    ));
                    self.last_validated_at = Some(at);
                    self.reopening = false;
                }
            }
            Effect::Restore { active } => {
                if let Some(habilitation) = self.habilitations.get(active) {
                    self.request = habilitation.request().to_draft();
                }
                self.reopening = false;
            }
            Effect::Reopen => {
                entry.habilitation_number = self.active_habilitation().map(Habilitation::number);
                self.reopening = true;
                self.reopened_at = Some(at);
            }
            Effect::RevokeAll { states } => {
                for (habilitation, state) in self.habilitations.iter_mut().zip(states) {
                    habilitation.set_state(state);
                }
                self.reopening = false;
            }
            Effect::RevokeOne { index, state } => {
                if let Some(habilitation) = self.habilitations.get_mut(index) {
                    habilitation.set_state(state);
                    entry.habilitation_number = Some(habilitation.number());
                }
                if to == RequestState::Revoked {
                    self.reopening = false;
                }
            }
        }
        self.state = to;
        self.history.push(entry);
        Ok(())
    }

    /// The request number (`D60501`).
    #[must_use]
    pub fn request_number(&self) -> RequestNumber {
        self.request_number
    }

    /// The number to give Pro Santé Connect onboarding: the **request** number.
    ///
    /// DataPass's approval email for API Pro Santé Connect says: « Votre habilitation a été
    /// validée. Votre numéro de demande DataPass est D60501. Ce numéro devra être renseigné lors
    /// de vos prochaines démarches dans le cadre de votre parcours de raccordement à Pro Santé
    /// Connect » (`etalab/data_pass:app/views/authorization_request_mailer/api_pro_sante_connect/approve.text.erb`).
    /// The request number is the right key because it is stable across reopenings, while a
    /// new habilitation number is created at each approval (D60501 went from H60501 to
    /// H118386 and stayed D60501).
    #[must_use]
    pub fn psc_connection_reference(&self) -> RequestNumber {
        self.request_number
    }

    /// The current content: a draft, possibly incomplete while the request is a draft or has
    /// changes requested.
    #[must_use]
    pub fn content(&self) -> &RequestDraft {
        &self.request
    }

    /// The state.
    #[must_use]
    pub fn state(&self) -> RequestState {
        self.state
    }

    /// Whether the validated request is being changed (DataPass `reopening`, badge « Mise à
    /// jour »): reopened and not yet approved again, refused, cancelled or revoked.
    #[must_use]
    pub fn is_reopening(&self) -> bool {
        self.reopening
    }

    /// The habilitations, oldest first.
    #[must_use]
    pub fn habilitations(&self) -> &[Habilitation] {
        &self.habilitations
    }

    /// The active habilitation, if any (at most one; always the latest).
    #[must_use]
    pub fn active_habilitation(&self) -> Option<&Habilitation> {
        self.habilitations.iter().find(|h| h.is_active())
    }

    /// The latest habilitation, whatever its state.
    #[must_use]
    pub fn latest_habilitation(&self) -> Option<&Habilitation> {
        self.habilitations.last()
    }

    /// The habilitation with this number.
    #[must_use]
    pub fn habilitation(&self, number: HabilitationNumber) -> Option<&Habilitation> {
        self.habilitations.iter().find(|h| h.number() == number)
    }

    /// The accepted events, oldest first (DataPass lists them newest first).
    #[must_use]
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    /// The French summary of each history entry, oldest first ([`HistoryEntry::summary_fr`]).
    #[must_use]
    pub fn history_fr(&self) -> Vec<String> {
        self.history.iter().map(HistoryEntry::summary_fr).collect()
    }

    /// The last accepted submission.
    #[must_use]
    pub fn last_submitted_at(&self) -> Option<DateTime<Utc>> {
        self.last_submitted_at
    }

    /// The last approval.
    #[must_use]
    pub fn last_validated_at(&self) -> Option<DateTime<Utc>> {
        self.last_validated_at
    }

    /// The last reopening.
    #[must_use]
    pub fn reopened_at(&self) -> Option<DateTime<Utc>> {
        self.reopened_at
    }

    /// Checks the record's invariants; loading a stored record runs this.
    ///
    /// - habilitation numbers are unique; at most one habilitation is active, and it is the
    ///   latest;
    /// - `validated` has an active habilitation; a reopening request is in `draft`,
    ///   `changes_requested` or `submitted` and has an active habilitation;
    /// - a request never approved (`draft`, `changes_requested`, `submitted` without
    ///   reopening, or `refused`) has no habilitation; `revoked` and `archived` have no active
    ///   one; only `revoked` and `archived` may hold a revoked habilitation;
    /// - `submitted` has `last_submitted_at`; a request with habilitations has
    ///   `last_validated_at`; a reopening one has `reopened_at`;
    /// - history entries are in time order.
    ///
    /// # Errors
    /// The first broken invariant, as a [`RecordError`].
    pub fn check_invariants(&self) -> Result<(), RecordError> {
        use RequestState as S;
        let (state, reopening) = (self.state, self.reopening);
        for (i, h) in self.habilitations.iter().enumerate() {
            if self.habilitations[..i]
                .iter()
                .any(|o| o.number() == h.number())
            {
                return Err(RecordError::DuplicateHabilitationNumber {
                    habilitation_number: h.number(),
                });
            }
        }
        let count = self.habilitations.iter().filter(|h| h.is_active()).count();
        if count > 1 {
            return Err(RecordError::SeveralActiveHabilitations { count });
        }
        if let Some(active) = self.active_habilitation()
            && self.latest_habilitation() != Some(active)
        {
            return Err(RecordError::ActiveNotLatest {
                habilitation_number: active.number(),
            });
        }
        let unexpected = |h: &Habilitation| RecordError::UnexpectedHabilitation {
            state,
            reopening,
            habilitation_number: h.number(),
        };
        let missing_active = RecordError::MissingActiveHabilitation { state, reopening };
        match (state, reopening) {
            (S::Draft | S::ChangesRequested | S::Submitted, true) | (S::Validated, false) => {
                if count == 0 {
                    return Err(missing_active);
                }
                if let Some(h) = self
                    .habilitations
                    .iter()
                    .find(|h| h.state() == HabilitationState::Revoked)
                {
                    return Err(unexpected(h));
                }
            }
            (S::Draft | S::ChangesRequested | S::Submitted | S::Refused, false) => {
                if let Some(h) = self.habilitations.first() {
                    return Err(unexpected(h));
                }
            }
            (S::Revoked | S::Archived, false) => {
                if let Some(h) = self.active_habilitation() {
                    return Err(unexpected(h));
                }
            }
            (S::Validated | S::Refused | S::Revoked | S::Archived, true) => {
                return Err(RecordError::ReopeningState { state });
            }
        }
        let missing = |field| Err(RecordError::MissingTimestamp { state, field });
        if state == S::Submitted && self.last_submitted_at.is_none() {
            return missing("last_submitted_at");
        }
        if !self.habilitations.is_empty() && self.last_validated_at.is_none() {
            return missing("last_validated_at");
        }
        if reopening && self.reopened_at.is_none() {
            return missing("reopened_at");
        }
        if let Some(index) = self
            .history
            .windows(2)
            .position(|pair| pair[1].at < pair[0].at)
        {
            return Err(RecordError::HistoryOutOfOrder { index: index + 1 });
        }
        Ok(())
    }
}

impl fmt::Display for RequestRecord {
    /// `D60501 (validated)`, with `, reopening` during a reopening.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}", self.request_number, self.state)?;
        if self.reopening {
            f.write_str(", reopening")?;
        }
        f.write_str(")")
    }
}

/// A request's event log: its number, optional initial content, and the events after its
/// creation, oldest first.
///
/// ```json
/// {"format_version": 1, "request_number": "D60501", "request": {…optional draft…},
///  "events": [{"at": "2024-04-15T09:00:00Z", "actor": "applicant", "event": "submit"}]}
/// ```
///
/// `format_version` may be left out on input (it is written as `1`); `request` may be left out
/// (the record starts with an empty draft).
///
/// ```
/// use datapass_psc::{EventLog, RequestState};
/// let log: EventLog = serde_json::from_str(
///     r#"{"request_number": "60501", "events": [
///         {"at": "2024-03-02T09:00:00Z", "actor": "system", "event": "archive"}]}"#,
/// )?;
/// let record = log.replay()?;
/// assert_eq!(record.state(), RequestState::Archived);
/// assert_eq!(record.history_fr()[0], "La demande d'habilitation a été archivée par le système.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The event log of a DataPass authorization request (datapass-psc format 1; format_version may be left out): the request number, the optional content it was created with (a draft), and the events after its creation, oldest first. Replaying it gives a RequestRecord."
)]
pub struct EventLog {
    #[serde(default)]
    format_version: FormatVersion,
    /// The request number.
    pub request_number: RequestNumber,
    /// The content the request was created with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RequestDraft>,
    /// The events after the creation, oldest first.
    pub events: Vec<Event>,
}

impl EventLog {
    /// An event log.
    #[must_use]
    pub fn new(
        request_number: RequestNumber,
        request: Option<RequestDraft>,
        events: Vec<Event>,
    ) -> Self {
        Self {
            format_version: FormatVersion,
            request_number,
            request,
            events,
        }
    }

    /// Replays the log into a record ([`RequestRecord::replay_from`]).
    ///
    /// # Errors
    /// The first refused event, with its index in `events`.
    pub fn replay(&self) -> Result<RequestRecord, ReplayError> {
        RequestRecord::replay_from(
            self.request_number,
            self.request.clone(),
            self.events.iter().cloned(),
        )
    }
}
