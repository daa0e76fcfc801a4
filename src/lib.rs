#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod codes;
pub mod diagnostic;
pub mod eligibility;
mod error;
pub mod identifiers;
pub mod lifecycle;
pub mod report;
pub mod request;
pub mod schema;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod text;

pub use diagnostic::Diagnostic;
pub use eligibility::{EligibilityAnswers, EligibilityDecision, RequesterKind, RequesterKindError};
pub use error::Error;
pub use identifiers::{
    Email, EmailError, PhoneNumber, PhoneNumberError, RetentionPeriod, RetentionPeriodError, Siren,
    SirenError, Siret, SiretError,
};
pub use lifecycle::{
    Actor, Event, EventKind, EventLog, EventName, Habilitation, HabilitationNumber,
    HabilitationNumberError, HabilitationState, HistoryEntry, RecordError, ReplayError,
    RequestNumber, RequestNumberError, RequestRecord, RequestState, TransitionError,
};
pub use report::{Issue, ValidationReport};
pub use request::json::validate_json;
pub use request::{AuthorizationRequest, RequestDraft};
