//! How an [`EventLog`] is read: its structure, read inside the crate's reader (each event
//! through its own reader), then its length checked.

use serde::{Deserialize, Deserializer};

use super::event::Event;
use super::event_log::EventLog;
use super::format_version::FormatVersion;
use super::numbers::RequestNumber;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;
use crate::request::draft::RequestDraft;

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

impl Readable for EventLog {
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

/// A log with more events than [`Options::max_events`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many events: {found}, at most {max}")]
struct TooManyEvents {
    max: usize,
    found: usize,
}

impl Diagnostic for TooManyEvents {
    fn describe(&self) -> Description {
        let Self { max, found } = *self;
        Description::new(
            Code::EventLogTooLong,
            ("le journal", "the log"),
            format!("compte trop d'événements ({found}, {max} au plus)"),
            format!("holds too many events ({found}, at most {max})"),
        )
        .with("max", max)
        .with("found", found)
    }
}
