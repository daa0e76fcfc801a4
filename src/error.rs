//! [`Error`]: one error type for callers that mix several parses.

use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;
use crate::eligibility::RequesterKindError;
use crate::identifiers::{
    EmailError, PhoneNumberError, RetentionPeriodError, SirenError, SiretError,
};
use crate::lifecycle::{
    HabilitationNumberError, RecordError, ReplayError, RequestNumberError, TransitionError,
};
use crate::report::ValidationReport;
use crate::text::TextError;

/// Any error of this crate, for code that parses several kinds of values with `?`.
///
/// ```
/// use datapass_psc::{Email, Error, PhoneNumber, Siret};
///
/// fn parse_all(siret: &str, email: &str, phone: &str) -> Result<(Siret, Email, PhoneNumber), Error> {
///     Ok((siret.parse()?, email.parse()?, phone.parse()?))
/// }
/// let err = parse_all("13002526500013", "a@b", "06 12 34 56 78").unwrap_err();
/// assert!(matches!(err, Error::Email(_)));
/// assert_eq!(datapass_psc::Diagnostic::code(&err), "email.invalid");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A SIREN was refused.
    #[error(transparent)]
    Siren(#[from] SirenError),
    /// A SIRET was refused.
    #[error(transparent)]
    Siret(#[from] SiretError),
    /// An email address was refused.
    #[error(transparent)]
    Email(#[from] EmailError),
    /// A phone number was refused.
    #[error(transparent)]
    Phone(#[from] PhoneNumberError),
    /// A retention period was refused.
    #[error(transparent)]
    Retention(#[from] RetentionPeriodError),
    /// A text was refused.
    #[error(transparent)]
    Text(#[from] TextError),
    /// A requester kind was refused.
    #[error(transparent)]
    RequesterKind(#[from] RequesterKindError),
    /// A request was refused, with every problem.
    #[error(transparent)]
    Request(#[from] ValidationReport),
    /// A request number was refused.
    #[error(transparent)]
    RequestNumber(#[from] RequestNumberError),
    /// A habilitation number was refused.
    #[error(transparent)]
    HabilitationNumber(#[from] HabilitationNumberError),
    /// A lifecycle event was refused.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// An event log could not be replayed.
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// A request record contradicts itself.
    #[error(transparent)]
    Record(#[from] RecordError),
}

impl Error {
    fn error_count(&self) -> usize {
        match self {
            Self::Request(report) => report.errors().len(),
            _ => 1,
        }
    }

    fn inner(&self) -> Option<&dyn Diagnostic> {
        Some(match self {
            Self::Siren(e) => e,
            Self::Siret(e) => e,
            Self::Email(e) => e,
            Self::Phone(e) => e,
            Self::Retention(e) => e,
            Self::Text(e) => e,
            Self::RequesterKind(e) => e,
            Self::RequestNumber(e) => e,
            Self::HabilitationNumber(e) => e,
            Self::Transition(e) => e,
            Self::Replay(e) => e,
            Self::Record(e) => e,
            Self::Request(_) => return None,
        })
    }
}

/// For [`Error::Request`], the first error of the report is described.
impl Diagnostic for Error {
    fn code(&self) -> &'static str {
        self.inner().map_or("request.invalid", Diagnostic::code)
    }

    fn subject_fr(&self) -> &'static str {
        self.inner().map_or("la demande", Diagnostic::subject_fr)
    }

    fn subject_en(&self) -> &'static str {
        self.inner().map_or("the request", Diagnostic::subject_en)
    }

    fn predicate_fr(&self) -> String {
        match self.inner() {
            Some(e) => e.predicate_fr(),
            None => format!("n'est pas valide ({} erreur(s))", self.error_count()),
        }
    }

    fn predicate_en(&self) -> String {
        match self.inner() {
            Some(e) => e.predicate_en(),
            None => format!("is not valid ({} error(s))", self.error_count()),
        }
    }

    fn params(&self) -> Map<String, Value> {
        self.inner().map(Diagnostic::params).unwrap_or_default()
    }
}
