//! [`Options`]: the limits a reader applies to a document, and the rule set a validation
//! applies: the one options value of every reader and validation.

use crate::rules::Rules;

/// Limits for reading a JSON document — its size, its nesting depth and, for event logs, how
/// many events it may hold — and the [`Rules`] a validation applies. Every reader of the crate
/// takes them (readers ignore the rules); [`Options::default`] gives each document kind its
/// own size limit (1 MiB for a request or an eligibility document, 16 MiB for a stored record or
/// an event log) and the strict rules.
///
/// ```
/// use datapass_psc::{Options, RequestDraft, Rules};
/// let small = Options::default().with_max_bytes(10);
/// let report = RequestDraft::from_json_slice_with(br#"{"scopes": ["idnat"]}"#, &small).unwrap_err();
/// assert_eq!(report.errors()[0].code, "json.too_large");
///
/// // DataPass's rules: the crate's stricter checks become warnings.
/// let datapass = Options::default().with_rules(Rules::DataPass);
/// let report = datapass_psc::validate_json_with(r#"{"scopes": ["idnat", "rpps"]}"#, &datapass);
/// assert!(report.warnings().iter().any(|i| i.code == "scopes.unknown"));
/// assert!(!report.errors().iter().any(|i| i.code == "scopes.unknown"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    bytes: Option<usize>,
    depth: usize,
    events: usize,
    rules: Rules,
}

impl Options {
    /// The default nesting depth: 64 levels of arrays and objects, counted by the crate's reader
    /// (skipped values included).
    pub const DEFAULT_MAX_DEPTH: usize = 64;
    /// The deepest nesting a reader can be asked to accept: 100 levels (`serde_json` itself
    /// stops at 128).
    pub const MAX_DEPTH_LIMIT: usize = 100;
    /// The default number of events an event log may hold.
    pub const DEFAULT_MAX_EVENTS: usize = 10_000;
    /// The default size limit of a request, an eligibility document or a DataPass document:
    /// 1 MiB, hundreds of times the size of a complete request.
    pub const DEFAULT_MAX_BYTES: usize = 1024 * 1024;
    /// The default size limit of a stored record or an event log: 16 MiB, room for
    /// [`Self::DEFAULT_MAX_EVENTS`] events.
    pub const DEFAULT_MAX_BYTES_STORED: usize = 16 * 1024 * 1024;

    /// The largest document accepted, in bytes; `None` leaves each document kind its default.
    #[must_use]
    pub const fn max_bytes(&self) -> Option<usize> {
        self.bytes
    }

    /// The deepest nesting of arrays and objects accepted.
    #[must_use]
    pub const fn max_depth(&self) -> usize {
        self.depth
    }

    /// The most events an event log may hold.
    #[must_use]
    pub const fn max_events(&self) -> usize {
        self.events
    }

    /// The size limit a reader applies to a document of `kind`: the one these options set, or
    /// the kind's default.
    #[must_use]
    pub const fn max_bytes_for(&self, kind: DocumentKind) -> usize {
        match self.bytes {
            Some(max) => max,
            None => kind.default_max_bytes(),
        }
    }

    /// The rule set a validation applies.
    #[must_use]
    pub const fn rules(&self) -> Rules {
        self.rules
    }

    /// These options with a rule set for validation.
    #[must_use]
    pub const fn with_rules(mut self, rules: Rules) -> Self {
        self.rules = rules;
        self
    }

    /// These options with a size limit in bytes, for every document kind.
    #[must_use]
    pub const fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.bytes = Some(max_bytes);
        self
    }

    /// These options with a nesting limit, capped at [`Self::MAX_DEPTH_LIMIT`].
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.depth = if max_depth > Self::MAX_DEPTH_LIMIT {
            Self::MAX_DEPTH_LIMIT
        } else {
            max_depth
        };
        self
    }

    /// These options with a limit on the number of events of an event log.
    #[must_use]
    pub const fn with_max_events(mut self, max_events: usize) -> Self {
        self.events = max_events;
        self
    }
}

/// The kinds of documents the crate reads, each with its default size limit
/// ([`DocumentKind::default_max_bytes`]); [`Options::max_bytes_for`] gives the limit a reader
/// applies to one.
///
/// ```
/// use datapass_psc::{DocumentKind, Options};
/// assert_eq!(Options::default().max_bytes_for(DocumentKind::EventLog), 16 * 1024 * 1024);
/// assert_eq!(Options::default().with_max_bytes(10).max_bytes_for(DocumentKind::Request), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// A request, complete or draft.
    Request,
    /// A stored request record.
    Record,
    /// An event log.
    EventLog,
    /// Answers to the eligibility questionnaire.
    EligibilityAnswers,
    /// An eligibility decision, read back.
    EligibilityDecision,
    /// A document DataPass sends or accepts.
    DataPass,
    /// A validation report, read back.
    Report,
}

impl DocumentKind {
    /// The size limit of this kind of document when the options set none:
    /// [`Options::DEFAULT_MAX_BYTES_STORED`] for a record or an event log,
    /// [`Options::DEFAULT_MAX_BYTES`] otherwise.
    #[must_use]
    pub const fn default_max_bytes(self) -> usize {
        match self {
            Self::Record | Self::EventLog => Options::DEFAULT_MAX_BYTES_STORED,
            Self::Request
            | Self::EligibilityAnswers
            | Self::EligibilityDecision
            | Self::DataPass
            | Self::Report => Options::DEFAULT_MAX_BYTES,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            bytes: None,
            depth: Self::DEFAULT_MAX_DEPTH,
            events: Self::DEFAULT_MAX_EVENTS,
            rules: Rules::Strict,
        }
    }
}
