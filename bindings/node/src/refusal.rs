//! How the crate's refusals cross into JavaScript: a thrown error whose `code` tells `index.js`
//! what to throw in its place, and whose message is the refusal as JSON (the crate's wire
//! names). `index.js` turns a [`Thrown::Refusal`] into a `DatapassPscError` and a
//! [`Thrown::Type`] into a `TypeError`; any other error (a panic caught by `catch_unwind`)
//! passes through unchanged.

use datapass_psc::lifecycle::ReplayError;
use datapass_psc::{Diagnostic, Issue, ValidationReport};
use serde::Serialize;

/// What `index.js` throws in place of a native error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thrown {
    /// A `DatapassPscError`: the message is the refusal, as JSON.
    Refusal,
    /// A `TypeError`: the message is its message.
    Type,
    /// Neither: a failure of the binding itself, thrown as a plain `Error`.
    Internal,
}

impl AsRef<str> for Thrown {
    fn as_ref(&self) -> &str {
        match self {
            Self::Refusal => "DATAPASS_PSC_REFUSAL",
            Self::Type => "DATAPASS_PSC_TYPE_ERROR",
            Self::Internal => "DATAPASS_PSC_INTERNAL",
        }
    }
}

/// A native function's result: its value, or what `index.js` throws.
pub type Result<T> = std::result::Result<T, napi::Error<Thrown>>;

/// A refusal: one issue (`code`, `path`, `message_fr`, `message_en`, `params`, `origin`), or a
/// replay's refusal (`code`, `index`, `state`, `event`, …), with the report it comes from when
/// there is one.
#[derive(Serialize)]
struct Refusal<'a, T: Serialize> {
    #[serde(flatten)]
    refusal: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a ValidationReport>,
}

fn refuse<T: Serialize>(refusal: &T, report: Option<&ValidationReport>) -> napi::Error<Thrown> {
    match serde_json::to_string(&Refusal { refusal, report }) {
        Ok(json) => napi::Error::new(Thrown::Refusal, json),
        Err(error) => internal(&error),
    }
}

/// An error of the crate, as the issue it gives at the root (`""`): an identifier, a
/// requester kind, a webhook signature.
pub fn diagnostic(error: &dyn Diagnostic) -> napi::Error<Thrown> {
    refuse(&Issue::from_error("", error), None)
}

/// A document that could not be read (an event log, a DataPass document): the first problem,
/// the one the reader stops at, with the report.
pub fn unreadable(report: &ValidationReport) -> napi::Error<Thrown> {
    match report.errors().first() {
        Some(first) => refuse(first, Some(report)),
        None => request(report.clone()),
    }
}

/// A request that does not validate: `request.invalid`, with the report of every problem.
pub fn request(report: ValidationReport) -> napi::Error<Thrown> {
    let error = datapass_psc::Error::from(report);
    let issue = Issue::from_error("", &error);
    match &error {
        datapass_psc::Error::Request(report) => refuse(&issue, Some(report)),
        _ => refuse(&issue, None),
    }
}

/// A refused event of a replayed log, as the command line prints it: `code`, `index`,
/// `state`, `event`, `message_fr`, `message_en`, `params`.
pub fn replay(error: &ReplayError) -> napi::Error<Thrown> {
    refuse(error, None)
}

/// A `TypeError`: an option that is not one of the crate's words.
pub fn type_error(message: impl std::fmt::Display) -> napi::Error<Thrown> {
    napi::Error::new(Thrown::Type, message.to_string())
}

/// A failure of the binding itself (a result that cannot be written as JSON).
pub fn internal(error: &impl std::fmt::Display) -> napi::Error<Thrown> {
    napi::Error::new(Thrown::Internal, format!("datapass-psc: {error}"))
}
