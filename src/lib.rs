#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod codes;
pub mod datapass;
mod diagnostic;
pub mod eligibility;
mod error;
mod identifiers;
mod json;
pub mod lifecycle;
mod newtype;
mod report;
pub mod request;
pub mod schema;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod text;
mod vocabulary;

pub use codes::{Code, UnknownCode};
pub use diagnostic::{Description, Diagnostic, Params};
pub use error::Error;
pub use identifiers::{
    DigitsError, Email, EmailError, PhoneNumber, PhoneNumberError, RetentionPeriod,
    RetentionPeriodError, Siren, SirenError, Siret, SiretError,
};
pub use json::ReadOptions;
pub use report::{Issue, ValidationReport};
pub use request::authorization::{AuthorizationRequest, validate_json};
pub use request::draft::RequestDraft;
pub use vocabulary::UnknownWord;
