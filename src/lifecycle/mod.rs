//! The lifecycle of a request: request and habilitation numbers, the request and habilitation
//! state machines, and [`RequestRecord`] with its history.
//!
//! - [`numbers`]: [`RequestNumber`] (`D60501`, stable) and [`HabilitationNumber`] (`H118386`,
//!   a new one at each approval), distinct types.
//! - [`request_state`]: [`RequestState`], [`Actor`], [`Event`] and the one transition function.
//! - [`habilitation`]: [`Habilitation`] and [`HabilitationState`].
//! - [`record`]: [`RequestRecord`], [`HistoryEntry`], [`EventLog`], replay.
//! - [`summary`]: [`RecordSummary`], a record at a glance.
//!
//! Module dependencies: `numbers` ← `habilitation` ← `request_state` ← `record`.

use schemars::{Schema, SchemaGenerator, json_schema};

pub mod habilitation;
pub mod numbers;
mod reading;
pub mod record;
pub mod request_state;
pub mod summary;

pub use habilitation::{
    Habilitation, HabilitationEvent, HabilitationState, HabilitationTransitionError,
};
pub use numbers::{HabilitationNumber, HabilitationNumberError, RequestNumber, RequestNumberError};
pub use record::{EventLog, HistoryEntry, RecordError, ReplayError, RequestRecord};
pub use request_state::{
    Actor, Event, EventKind, EventName, NotAllowedCause, RequestState, TransitionError,
};
pub use summary::{HabilitationSummary, HistorySummary, RecordSummary};

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
