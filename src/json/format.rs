//! What a reader knows of the format it reads: its name (for messages and the code of a value
//! that does not fit), its default size limit, and its policy for keys it does not know.

use std::borrow::Cow;

use crate::codes::Code;
use crate::options::DocumentKind;

/// One step of a path: an object key (borrowed from the input when it has no escape) or an
/// array index.
#[derive(Debug, Clone)]
pub(crate) enum Segment<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

/// What to do with a key the format does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnknownKeys {
    /// Refuse the document (`json.unknown_field`): the crate's own formats.
    Refuse,
    /// Read on, and report a `json.unknown_field` warning at the key's path: business data of a
    /// third party's format, which may gain fields the crate should look at.
    Warn,
    /// Read on silently: the envelope of a third party's format.
    Ignore,
}

/// A JSON format the crate reads.
#[derive(Debug)]
pub(crate) struct Format {
    /// The kind of document, for messages and its default size limit.
    pub kind: DocumentKind,
    /// The policy for an unknown key, given the path of that key.
    pub unknown_keys: fn(&[Segment<'_>]) -> UnknownKeys,
}

/// Unknown keys are refused everywhere.
pub(crate) fn refuse_unknown(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Refuse
}

impl Format {
    /// A crate format: unknown keys refused.
    const fn strict(kind: DocumentKind) -> Self {
        Self {
            kind,
            unknown_keys: refuse_unknown,
        }
    }

    /// A third party's format: `unknown_keys` says, by path, which unknown keys are reported.
    pub(crate) const fn datapass(unknown_keys: fn(&[Segment<'_>]) -> UnknownKeys) -> Self {
        Self {
            kind: DocumentKind::DataPass,
            unknown_keys,
        }
    }

    // The crate's own formats, one row each: strict.
    /// A request, complete or draft: at most 1 MiB by default.
    pub(crate) const REQUEST: Self = Self::strict(DocumentKind::Request);
    /// A stored request record and its parts (habilitations, history): 16 MiB.
    pub(crate) const RECORD: Self = Self::strict(DocumentKind::Record);
    /// An event log and its events: 16 MiB.
    pub(crate) const EVENT_LOG: Self = Self::strict(DocumentKind::EventLog);
    /// Answers to the eligibility questionnaire: 1 MiB.
    pub(crate) const ELIGIBILITY_ANSWERS: Self = Self::strict(DocumentKind::EligibilityAnswers);
    /// An eligibility decision read back: 1 MiB.
    pub(crate) const ELIGIBILITY_DECISION: Self = Self::strict(DocumentKind::EligibilityDecision);
    /// A validation report read back: 1 MiB.
    pub(crate) const REPORT: Self = Self::strict(DocumentKind::Report);
}

/// The wording and codes of structural problems, per kind of document.
impl DocumentKind {
    /// « de la demande » / "the request": completes « le format … ».
    pub(crate) const fn of(self) -> (&'static str, &'static str) {
        match self {
            Self::Request => ("de la demande", "the request"),
            Self::Record => ("de l'enregistrement de la demande", "the request record"),
            Self::EventLog => ("du journal d'événements", "the event log"),
            Self::EligibilityAnswers => ("des réponses d'éligibilité", "the eligibility answers"),
            Self::EligibilityDecision => {
                ("de la décision d'éligibilité", "the eligibility decision")
            }
            Self::DataPass => ("de DataPass", "DataPass's"),
            Self::Report => ("du rapport de validation", "the validation report"),
        }
    }

    /// The code of a value that does not fit the format (a bad number, state or time).
    pub(crate) const fn invalid_value(self) -> Code {
        match self {
            // A draft holds raw strings, numbers and booleans only: no value can fail to read.
            // A complete request read through serde fails as a whole.
            Self::Request => Code::RequestInvalid,
            Self::Record => Code::RecordUnreadable,
            Self::EventLog => Code::EventLogInvalid,
            Self::EligibilityAnswers => Code::EligibilityUnknownRequester,
            Self::EligibilityDecision => Code::EligibilityInvalidDecision,
            Self::DataPass => Code::DataPassInvalid,
            Self::Report => Code::ReportInvalid,
        }
    }
}
