//! What a person or a tool wants to know about a record at a glance, and the JSON forms of
//! event-log reading errors and replay refusals.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use serde_json::json;

use super::habilitation::HabilitationState;
use super::numbers::{HabilitationNumber, RequestNumber};
use super::reading::{read_checked, typed};
use super::record::{EventLog, HistoryEntry, ReplayError, RequestRecord};
use super::request_state::RequestState;
use crate::diagnostic::Diagnostic;
use crate::report::ValidationReport;

/// A record at a glance: where the request stands, its habilitations without their snapshots,
/// its history with DataPass's French summaries, and the number to give Pro Santé Connect.
///
/// Holds no personal data (the request content and the snapshots are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RecordSummary {
    /// The request number (`D60501`).
    pub request_number: RequestNumber,
    /// The number to give Pro Santé Connect onboarding: the request number.
    pub psc_connection_reference: RequestNumber,
    /// The request's state.
    pub state: RequestState,
    /// Its French label (« Validée »).
    pub state_fr: &'static str,
    /// Whether the validated request is being changed (« Mise à jour »).
    pub reopening: bool,
    /// The habilitations, oldest first.
    pub habilitations: Vec<HabilitationSummary>,
    /// The accepted events, oldest first.
    pub history: Vec<HistorySummary>,
}

/// A habilitation without its snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct HabilitationSummary {
    /// Its number (`H118386`).
    pub number: HabilitationNumber,
    /// Active, obsolete or revoked.
    pub state: HabilitationState,
    /// The approval time.
    pub created_at: DateTime<Utc>,
    /// « Habilitation H118386 du 19/06/2024 ».
    pub title_fr: String,
}

/// A history entry with its French summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct HistorySummary {
    /// The entry.
    #[serde(flatten)]
    pub entry: HistoryEntry,
    /// DataPass's French summary (« L'instructeur a approuvé la demande. »).
    pub summary_fr: String,
}

impl RequestRecord {
    /// The record at a glance (see [`RecordSummary`]).
    #[must_use]
    pub fn summary(&self) -> RecordSummary {
        RecordSummary {
            request_number: self.request_number(),
            psc_connection_reference: self.psc_connection_reference(),
            state: self.state(),
            state_fr: self.state().label_fr(),
            reopening: self.is_reopening(),
            habilitations: self
                .habilitations()
                .iter()
                .map(|h| HabilitationSummary {
                    number: h.number(),
                    state: h.state(),
                    created_at: h.created_at(),
                    title_fr: h.title_fr(),
                })
                .collect(),
            history: self
                .history()
                .iter()
                .map(|entry| HistorySummary {
                    summary_fr: entry.summary_fr(),
                    entry: entry.clone(),
                })
                .collect(),
        }
    }
}

/// Serialized as `{"code", "index", "state", "event", "message_fr", "message_en", "params"}`.
impl Serialize for ReplayError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json!({
            "code": self.code(),
            "index": self.index(),
            "state": self.error().state(),
            "event": self.error().event(),
            "message_fr": self.message_fr(),
            "message_en": self.message_en(),
            "params": self.params(),
        })
        .serialize(serializer)
    }
}

/// The code of an event log that does not fit the format.
pub const EVENT_LOG_INVALID: &str = "event_log.invalid";

impl EventLog {
    /// Reads an event log from JSON. A leading byte-order mark is accepted.
    ///
    /// # Errors
    /// A report with one issue, at the JSON Pointer where reading stopped: `json.syntax` (not
    /// JSON), `json.duplicate_key`, `json.unknown_field` or `json.invalid_type` inside a request
    /// (as [`RequestDraft::from_json`](crate::RequestDraft::from_json) reports them), or
    /// `event_log.invalid` (any other value or key that does not fit the format). The message
    /// never quotes the document.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, ValidationReport> {
        let value = read_checked(bytes, &[&["request"], &["events", "*", "request"]])?;
        typed(
            value,
            EVENT_LOG_INVALID,
            "Le journal d'événements ne respecte pas le format attendu à cet endroit",
            "The event log does not follow the expected format at this place",
        )
    }
}
