//! [`ReplayError`]: the first event of a log that a replay refused, with its index.

use serde::{Serialize, Serializer};

use super::event::EventName;
use super::state::RequestState;
use super::transition_error::TransitionError;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic, Params};

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
