//! [`RequestRecord`]: a request's number, content, state, habilitations and history, driven by
//! [`Event`]s.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::event::{Event, EventKind};
use super::format_version::FormatVersion;
use super::habilitation::Habilitation;
use super::history::HistoryEntry;
use super::numbers::{HabilitationNumber, RequestNumber};
use super::state::RequestState;
use super::transition::{Effect, Standing, Transition, transition};
use super::transition_error::TransitionError;
use crate::report::ValidationReport;
use crate::request::draft::RequestDraft;

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
/// use datapass_psc::{RequestDraft};
/// use datapass_psc::lifecycle::{RequestRecord, RequestState};
///
/// let json = std::fs::read_to_string("examples/requests/hospiconnect.json")?;
/// let mut record = RequestRecord::new("D60501".parse()?, Some(RequestDraft::from_json_slice(json.as_bytes())?));
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestRecord {
    pub(super) format_version: FormatVersion,
    pub(super) request_number: RequestNumber,
    pub(super) state: RequestState,
    pub(super) reopening: bool,
    pub(super) last_submitted_at: Option<DateTime<Utc>>,
    pub(super) last_validated_at: Option<DateTime<Utc>>,
    pub(super) reopened_at: Option<DateTime<Utc>>,
    pub(super) request: RequestDraft,
    pub(super) habilitations: Vec<Habilitation>,
    pub(super) history: Vec<HistoryEntry>,
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
    pub fn revalidate(&self) -> ValidationReport {
        let mut report = self.request.report().under("/request");
        for (i, habilitation) in self.habilitations.iter().enumerate() {
            let snapshot = habilitation.request().to_draft().report();
            report.merge(snapshot.under(&format!("/habilitations/{i}/request")));
        }
        report
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
        let facts = Standing {
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
