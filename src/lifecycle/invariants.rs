//! The invariants a stored record must hold, checked when it is loaded: [`RecordError`].

use super::habilitation::{Habilitation, HabilitationState};
use super::numbers::HabilitationNumber;
use super::record::RequestRecord;
use super::state::RequestState;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};

impl RequestRecord {
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
    fn describe(&self) -> Description {
        const SUBJECT: (&str, &str) = ("l'enregistrement de la demande", "the request record");
        match *self {
            Self::DuplicateHabilitationNumber {
                habilitation_number,
            } => Description::new(
                Code::RecordDuplicateHabilitationNumber,
                SUBJECT,
                format!("contient deux fois l'habilitation {habilitation_number}"),
                format!("holds habilitation {habilitation_number} twice"),
            )
            .with("habilitation_number", habilitation_number.to_string()),
            Self::SeveralActiveHabilitations { count } => Description::new(
                Code::RecordSeveralActiveHabilitations,
                SUBJECT,
                format!("contient {count} habilitations actives (une au plus)"),
                format!("holds {count} active habilitations (at most one allowed)"),
            )
            .with("count", count),
            Self::ActiveNotLatest {
                habilitation_number,
            } => Description::new(
                Code::RecordActiveNotLatest,
                SUBJECT,
                format!(
                    "a une habilitation active ({habilitation_number}) qui n'est pas la dernière"
                ),
                format!(
                    "has an active habilitation ({habilitation_number}) that is not the latest"
                ),
            )
            .with("habilitation_number", habilitation_number.to_string()),
            Self::MissingActiveHabilitation { state, reopening } => Description::new(
                Code::RecordMissingActiveHabilitation,
                SUBJECT,
                format!(
                    "n'a pas d'habilitation active alors que la demande est « {} »",
                    state.label_fr()
                ),
                format!("has no active habilitation although the request is {state}"),
            )
            .with("state", state.as_str())
            .with("reopening", reopening),
            Self::UnexpectedHabilitation {
                state,
                reopening,
                habilitation_number,
            } => Description::new(
                Code::RecordUnexpectedHabilitation,
                SUBJECT,
                format!(
                    "contient l'habilitation {habilitation_number}, impossible quand la demande \
                     est « {} »",
                    state.label_fr()
                ),
                format!(
                    "holds habilitation {habilitation_number}, impossible when the request is \
                     {state}"
                ),
            )
            .with("state", state.as_str())
            .with("reopening", reopening)
            .with("habilitation_number", habilitation_number.to_string()),
            Self::ReopeningState { state } => Description::new(
                Code::RecordReopeningState,
                SUBJECT,
                format!(
                    "indique une mise à jour en cours alors que la demande est « {} »",
                    state.label_fr()
                ),
                format!("is marked as reopening although the request is {state}"),
            )
            .with("state", state.as_str()),
            Self::MissingTimestamp { state, field } => Description::new(
                Code::RecordMissingTimestamp,
                SUBJECT,
                format!(
                    "n'a pas de date {field} alors que la demande est « {} »",
                    state.label_fr()
                ),
                format!("has no {field} although the request is {state}"),
            )
            .with("state", state.as_str())
            .with("field", field),
            Self::HistoryOutOfOrder { index } => Description::new(
                Code::RecordHistoryOutOfOrder,
                SUBJECT,
                format!("a un historique dans le désordre (entrée {})", index + 1),
                format!("has its history out of order (entry {})", index + 1),
            )
            .with("index", index),
        }
    }
}
