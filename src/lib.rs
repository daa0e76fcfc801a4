#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod diagnostic;
pub mod eligibility;
pub mod identifiers;

pub use diagnostic::Diagnostic;
pub use eligibility::{EligibilityAnswers, EligibilityDecision, RequesterKind, RequesterKindError};
pub use identifiers::{
    Email, EmailError, PhoneNumber, PhoneNumberError, RetentionPeriod, RetentionPeriodError, Siren,
    SirenError, Siret, SiretError,
};
