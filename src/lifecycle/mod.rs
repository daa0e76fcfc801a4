//! The lifecycle of a request: request and habilitation numbers, the request and habilitation
//! state machines, [`RequestRecord`] with its history, and [`EventLog`] with replay.
//!
//! A record starts in `draft` and changes only through [`RequestRecord::apply`], which runs the
//! one exhaustive transition function over (state, event) and either applies an [`Event`]
//! completely or refuses it with a [`TransitionError`].

use schemars::{Schema, SchemaGenerator, json_schema};

mod event;
mod event_log;
mod event_log_wire;
mod event_wire;
mod format_version;
mod habilitation;
mod habilitation_wire;
mod history;
mod history_wire;
mod invariants;
mod numbers;
mod record;
mod record_wire;
mod replay_error;
mod state;
mod summary;
mod transition;
mod transition_error;

pub use event::{Event, EventKind, EventName};
pub use event_log::EventLog;
pub use habilitation::{
    Habilitation, HabilitationEvent, HabilitationState, HabilitationTransitionError,
};
pub use history::HistoryEntry;
pub use invariants::RecordError;
pub use numbers::{HabilitationNumber, HabilitationNumberError, RequestNumber, RequestNumberError};
pub use record::RequestRecord;
pub use replay_error::ReplayError;
pub use state::{Actor, RequestState};
pub use summary::{HabilitationSummary, HistorySummary, RecordSummary};
pub use transition_error::{NotAllowedCause, TransitionError};

/// The schema of a time. No `format: date-time`: chrono also accepts forms that format rejects
/// (a space instead of `T`, a leap second), and a schema never rejects what the crate accepts.
pub(crate) fn time_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "description": "Date and time, RFC 3339 (`2024-04-30T13:00:00Z`, or with an offset); \
                        written back in UTC with `Z`."
    })
}

/// [`time_schema`], or `null`.
pub(crate) fn optional_time_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "null"],
        "description": "Date and time, RFC 3339 (`2024-04-30T13:00:00Z`, or with an offset); \
                        written back in UTC with `Z`; `null` when it has not happened."
    })
}
