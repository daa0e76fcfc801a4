//! The lifecycle of a request: request and habilitation numbers, the request and habilitation
//! state machines, and [`RequestRecord`] with its history.
//!
//! - [`numbers`]: [`RequestNumber`] (`D60501`, stable) and [`HabilitationNumber`] (`H118386`,
//!   a new one at each approval), distinct types.
//! - [`request_state`]: [`RequestState`], [`Actor`], [`Event`] and the one transition function.
//! - [`habilitation`]: [`Habilitation`] and [`HabilitationState`].
//! - [`record`]: [`RequestRecord`], [`HistoryEntry`], [`EventLog`], replay.
//!
//! Module dependencies: `numbers` ← `habilitation` ← `request_state` ← `record`.

pub mod habilitation;
pub mod numbers;
pub mod record;
pub mod request_state;

pub use habilitation::{
    Habilitation, HabilitationEvent, HabilitationState, HabilitationTransitionError,
};
pub use numbers::{HabilitationNumber, HabilitationNumberError, RequestNumber, RequestNumberError};
pub use record::{EventLog, HistoryEntry, RecordError, ReplayError, RequestRecord};
pub use request_state::{
    Actor, Event, EventKind, EventName, NotAllowedCause, RequestState, TransitionError,
};
