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
mod options;
mod report;
mod report_wire;
pub mod request;
mod rules;
pub mod schema;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod text;
mod unquoted;
mod vocabulary;

pub use codes::{Code, UnknownCode};
pub use diagnostic::{Description, Diagnostic, Params};
pub use error::Error;
pub use identifiers::{
    DigitsError, Email, EmailError, PhoneNumber, PhoneNumberError, RetentionPeriod,
    RetentionPeriodError, Siren, SirenError, Siret, SiretError,
};
pub use options::{DocumentKind, Options};
pub use report::{Issue, ValidationReport};
pub use request::authorization::{AuthorizationRequest, validate_json, validate_json_with};
pub use request::draft::RequestDraft;
pub use rules::{Check, Origin, Rules};
pub use vocabulary::UnknownWord;

/// Not part of the API: hooks for this crate's own tests, which may change in any release.
#[doc(hidden)]
pub mod __private {
    /// The phone fast path's verdict on `input`; `None` when the engine would decide.
    #[must_use]
    pub fn phone_fast_path(
        input: &str,
    ) -> Option<Result<crate::PhoneNumber, crate::PhoneNumberError>> {
        crate::identifiers::phone_fast_path(input)
    }

    /// Whether this process has loaded the phone engine (libphonenumber's metadata).
    #[must_use]
    pub fn phone_engine_loaded() -> bool {
        crate::identifiers::phone_engine_loaded()
    }
}
