//! What a reader knows of the format it reads: its name (for messages and the code of a value
//! that does not fit), its default size limit, and its policy for keys it does not know.

use std::borrow::Cow;

use crate::codes::Code;
use crate::options::Options;

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
    /// The format, for messages.
    pub name: FormatName,
    /// The default size limit, in bytes.
    pub max_bytes: usize,
    /// The policy for an unknown key, given the path of that key.
    pub unknown_keys: fn(&[Segment<'_>]) -> UnknownKeys,
}

/// Unknown keys are refused everywhere.
pub(crate) fn refuse_unknown(_: &[Segment<'_>]) -> UnknownKeys {
    UnknownKeys::Refuse
}

impl Format {
    /// A crate format: unknown keys refused.
    const fn strict(name: FormatName, max_bytes: usize) -> Self {
        Self {
            name,
            max_bytes,
            unknown_keys: refuse_unknown,
        }
    }

    // The crate's own formats, one row each: strict, with their default size limit.
    /// A request, complete or draft: at most 1 MiB by default.
    pub(crate) const REQUEST: Self = Self::strict(FormatName::Request, Options::DEFAULT_MAX_BYTES);
    /// A stored request record and its parts (habilitations, history): 16 MiB.
    pub(crate) const RECORD: Self =
        Self::strict(FormatName::Record, Options::DEFAULT_MAX_BYTES_STORED);
    /// An event log and its events: 16 MiB.
    pub(crate) const EVENT_LOG: Self =
        Self::strict(FormatName::EventLog, Options::DEFAULT_MAX_BYTES_STORED);
    /// Answers to the eligibility questionnaire: 1 MiB.
    pub(crate) const ELIGIBILITY_ANSWERS: Self =
        Self::strict(FormatName::EligibilityAnswers, Options::DEFAULT_MAX_BYTES);
    /// An eligibility decision read back: 1 MiB.
    pub(crate) const ELIGIBILITY_DECISION: Self =
        Self::strict(FormatName::EligibilityDecision, Options::DEFAULT_MAX_BYTES);
    /// A validation report read back: 1 MiB.
    pub(crate) const REPORT: Self = Self::strict(FormatName::Report, Options::DEFAULT_MAX_BYTES);
}

/// The formats the crate reads, for the wording of structural problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormatName {
    /// A request (draft or complete).
    Request,
    /// A stored request record.
    Record,
    /// An event log.
    EventLog,
    /// Answers to the eligibility questionnaire.
    EligibilityAnswers,
    /// An eligibility decision.
    EligibilityDecision,
    /// A document DataPass sends or accepts.
    DataPass,
    /// A validation report, read back.
    Report,
}

impl FormatName {
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
