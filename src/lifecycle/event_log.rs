//! [`EventLog`]: a request's number, initial content and events, replayed into a record.

use schemars::JsonSchema;
use serde::Serialize;

use super::event::Event;
use super::format_version::FormatVersion;
use super::numbers::RequestNumber;
use super::record::RequestRecord;
use super::replay_error::ReplayError;
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
    pub(super) format_version: FormatVersion,
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

    /// Replays the log into a record: a new record in `draft` with the log's number and
    /// content ([`RequestRecord::new`]), then each event [applied](RequestRecord::apply) in
    /// order.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use datapass_psc::Diagnostic;
    /// use datapass_psc::lifecycle::{Actor, Event, EventKind, EventLog};
    ///
    /// let at = Utc.with_ymd_and_hms(2024, 4, 15, 9, 0, 0).unwrap();
    /// let events = vec![
    ///     Event::new(at, Actor::Applicant, EventKind::Archive),
    ///     Event::new(at, Actor::Applicant, EventKind::Submit),
    /// ];
    /// let error = EventLog::new("D1".parse()?, None, events).replay().unwrap_err();
    /// assert_eq!(error.index(), 1);
    /// assert_eq!(error.code(), "transition.not_allowed");
    /// # Ok::<(), datapass_psc::lifecycle::RequestNumberError>(())
    /// ```
    ///
    /// # Errors
    /// The first refused event: its index (0-based in `events`) and the
    /// [`TransitionError`](super::TransitionError).
    pub fn replay(&self) -> Result<RequestRecord, ReplayError> {
        let mut record = RequestRecord::new(self.request_number, self.request.clone());
        for (index, event) in self.events.iter().enumerate() {
            record
                .apply(event.clone())
                .map_err(|error| ReplayError { index, error })?;
        }
        Ok(record)
    }
}
