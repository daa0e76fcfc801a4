//! The JSON form of a [`RequestRecord`] as read: its structure, read inside the crate's reader,
//! then its invariants checked; and its schema, which is that structure's.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};

use super::format_version::FormatVersion;
use super::habilitation::Habilitation;
use super::history::HistoryEntry;
use super::numbers::RequestNumber;
use super::record::RequestRecord;
use super::state::RequestState;
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;

/// The JSON form of [`RequestRecord`] as read, before the invariants are checked.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "RequestRecord",
    description = "The lifecycle record of a DataPass authorization request to API Pro Santé Connect (datapass-psc format 1): number, state, reopening flag, timestamps, current content (a draft, possibly incomplete), habilitations (oldest first; at most one active, always the latest) and history (accepted events, oldest first). The crate checks the record's invariants when loading it, and validates each habilitation's request like a complete request."
)]
pub(crate) struct RecordWire {
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
    #[serde(deserialize_with = "json::nested")]
    request: RequestDraft,
    /// The habilitations, oldest first.
    #[serde(deserialize_with = "json::nested_vec")]
    habilitations: Vec<Habilitation>,
    /// The accepted events, oldest first.
    #[serde(deserialize_with = "json::nested_vec")]
    history: Vec<HistoryEntry>,
}

impl RequestRecord {
    crate::json::readers! {
        /// Reads a stored record from JSON, with the guarantees of
        /// [`RequestDraft::from_json_slice`](crate::RequestDraft::from_json_slice): the first structural problem
        /// is reported at its path, and no message quotes the document.
        ///
        /// # Errors
        /// A report with one issue: `json.*` (malformed JSON, or a structural problem anywhere in
        /// the record, its content and its snapshots included), `record.unreadable` (a value that
        /// does not fit the format: a version other than 1, a bad number, state or time, a snapshot
        /// that does not validate, at its path), or a `record.*` invariant code (parts that
        /// contradict each other, at the root).
    }
}

impl Readable for RequestRecord {
    type Wire = RecordWire;

    const FORMAT: &'static Format = &Format::RECORD;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<RecordWire, D::Error> {
        RecordWire::deserialize(deserializer)
    }

    fn finish(wire: RecordWire, _: &Options) -> Result<Self, Issue> {
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
        match record.check_invariants() {
            Ok(()) => Ok(record),
            Err(e) => Err(Issue::from_error("", &e)),
        }
    }
}

impl<'de> Deserialize<'de> for RequestRecord {
    /// Reads a record through the crate's reader; see [`RequestRecord::from_json_slice`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

/// The schema of a record is the schema of what is read.
impl JsonSchema for RequestRecord {
    fn schema_name() -> Cow<'static, str> {
        "RequestRecord".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::lifecycle::RequestRecord".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        RecordWire::json_schema(generator)
    }
}
