//! [`Error`]: one error type for callers that mix several parses.

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic, Params};
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
/// use datapass_psc::{Code, Email, Error, PhoneNumber, Siret};
///
/// fn parse_all(siret: &str, email: &str, phone: &str) -> Result<(Siret, Email, PhoneNumber), Error> {
///     Ok((siret.parse()?, email.parse()?, phone.parse()?))
/// }
/// let err = parse_all("13002526500013", "a@b", "06 12 34 56 78").unwrap_err();
/// assert!(matches!(err, Error::Email(_)));
/// assert_eq!(datapass_psc::Diagnostic::code(&err), Code::EmailInvalid);
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

/// For [`Error::Request`], the report is summed up: `request.invalid`, with the number of
/// errors.
impl Diagnostic for Error {
    fn describe(&self) -> Description {
        match (self.inner(), self) {
            (Some(e), _) => e.describe(),
            (None, Self::Request(report)) => {
                let n = report.errors().len();
                Description::new(
                    Code::RequestInvalid,
                    ("la demande", "the request"),
                    format!("n'est pas valide ({n} erreur(s))"),
                    format!("is not valid ({n} error(s))"),
                )
                .with("error_count", n)
            }
            (None, _) => Description::new(
                Code::RequestInvalid,
                ("la demande", "the request"),
                "n'est pas valide",
                "is not valid",
            )
            .with("error_count", 0),
        }
    }

    fn params(&self) -> Params {
        self.describe().params
    }
}
