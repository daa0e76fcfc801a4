//! [`EventLog`]: a request's number, initial content and events, replayed into a record; and
//! [`ReplayError`], the first event refused.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::event::Event;
use super::event::EventName;
use super::format_version::FormatVersion;
use super::numbers::RequestNumber;
use super::record::RequestRecord;
use super::state::RequestState;
use super::transition_error::TransitionError;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic, Params};
use crate::json::format::Format;
use crate::json::{self, Document};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;

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
/// use datapass_psc::lifecycle::{EventLog, RequestState};
/// let log = EventLog::from_json_slice(
///     br#"{"request_number": "60501", "events": [
///         {"at": "2024-03-02T09:00:00Z", "actor": "system", "event": "archive"}]}"#,
/// )?;
/// let record = log.replay()?;
/// assert_eq!(record.state(), RequestState::Archived);
/// assert_eq!(record.history_fr()[0], "La demande d'habilitation a été archivée par le système.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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

impl EventLog {
    crate::json::readers! {
        /// Reads an event log from JSON. A leading byte-order mark is accepted.
        ///
        /// # Errors
        /// A report with one issue, at the JSON Pointer where reading stopped: `json.*` for a
        /// structural problem anywhere in the log (as [`RequestDraft::from_json_slice`] reports them),
        /// `event_log.invalid` for a value that does not fit the format (a version other than 1, a
        /// bad number, actor, event or time), `event_log.too_long` for more events than
        /// [`Options::max_events`]. The message never quotes the document.
    }
}

/// The structure of an [`EventLog`], read inside the crate's reader.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventLogWire {
    #[serde(default)]
    format_version: FormatVersion,
    request_number: RequestNumber,
    #[serde(default, deserialize_with = "json::nested_option")]
    request: Option<RequestDraft>,
    #[serde(deserialize_with = "json::nested_vec")]
    events: Vec<Event>,
}

/// An event log longer than the reader allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many events: at most {max}, found {found}")]
struct TooManyEvents {
    max: usize,
    found: usize,
}

impl crate::diagnostic::Diagnostic for TooManyEvents {
    fn describe(&self) -> crate::diagnostic::Description {
        let (max, found) = (self.max, self.found);
        crate::diagnostic::Description::new(
            Code::EventLogTooLong,
            ("le journal", "the log"),
            format!("compte trop d'événements ({found}, {max} au plus)"),
            format!("holds too many events ({found}, at most {max})"),
        )
        .with("max", max)
        .with("found", found)
    }
}

impl Document for EventLog {
    type Wire = EventLogWire;

    const FORMAT: &'static Format = &Format::EVENT_LOG;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<EventLogWire, D::Error> {
        EventLogWire::deserialize(deserializer)
    }

    fn finish(wire: EventLogWire, options: &Options) -> Result<Self, Issue> {
        let (max, found) = (options.max_events(), wire.events.len());
        if found > max {
            return Err(Issue::from_error("/events", &TooManyEvents { max, found }));
        }
        Ok(Self {
            format_version: wire.format_version,
            request_number: wire.request_number,
            request: wire.request,
            events: wire.events,
        })
    }
}

impl<'de> Deserialize<'de> for EventLog {
    /// Reads a log through the crate's reader; see [`EventLog::from_json_slice`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

/// An event log that could not be replayed: the index of the first refused event (0-based in
/// the `events` list; creation is not an event) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {index} refused: {error}")]
pub struct ReplayError {
    pub(super) index: usize,
    #[source]
    pub(super) error: TransitionError,
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
    fn describe(&self) -> Description {
        let d = self.error.describe();
        let mut params = d.params.clone();
        params.insert("index", self.index);
        Description {
            predicate_fr: format!(
                "{} (événement n° {} du journal)",
                d.predicate_fr,
                self.index + 1
            )
            .into(),
            predicate_en: format!("{} (event #{} of the log)", d.predicate_en, self.index + 1)
                .into(),
            params,
            ..d
        }
    }
}

/// The JSON form of a refusal: `{"code", "index", "state", "event", "message_fr",
/// "message_en", "params"}`.
#[derive(Serialize)]
struct ReplayErrorWire {
    code: Code,
    index: usize,
    state: RequestState,
    event: EventName,
    message_fr: String,
    message_en: String,
    params: Params,
}

impl Serialize for ReplayError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.describe();
        ReplayErrorWire {
            code: d.code,
            index: self.index,
            state: self.error.state(),
            event: self.error.event(),
            message_fr: d.message_fr(),
            message_en: d.message_en(),
            params: d.params,
        }
        .serialize(serializer)
    }
}
