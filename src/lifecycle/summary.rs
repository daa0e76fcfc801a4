//! What a person or a tool wants to know about a record at a glance.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::habilitation::HabilitationState;
use super::history::HistoryEntry;
use super::numbers::{HabilitationNumber, RequestNumber};
use super::record::RequestRecord;
use super::state::RequestState;

/// A record at a glance: where the request stands, its habilitations without their snapshots,
/// its history with DataPass's French summaries and their English counterparts, and the number
/// to give Pro Santé Connect.
///
/// Holds no personal data (the request content and the snapshots are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
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
#[non_exhaustive]
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

/// A history entry with its French and English summaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct HistorySummary {
    /// The entry.
    #[serde(flatten)]
    pub entry: HistoryEntry,
    /// DataPass's French summary (« L'instructeur a approuvé la demande. »).
    pub summary_fr: String,
    /// The same in English ("The instructor approved the request.").
    pub summary_en: String,
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
                    summary_en: entry.summary_en(),
                    entry: entry.clone(),
                })
                .collect(),
        }
    }
}
