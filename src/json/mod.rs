//! The crate's one JSON reader: structure is checked while the bytes are parsed, with no
//! intermediate tree.
//!
//! Every document the crate reads (requests, stored records, event logs, eligibility answers and
//! decisions) goes through [`read`], and the `Deserialize` impls of those documents go through
//! [`deserialize`], so reading with `serde_json` directly behaves the same. The reader wraps
//! `serde_json`'s deserializer ([`wrap::WrapDe`]) and, as the bytes go by:
//!
//! - checks each value's JSON type against what the format asks for (`json.invalid_type`), so a
//!   struct is read from an object only, never from serde's positional array;
//! - refuses a key seen twice in one object (`json.duplicate_key`), a key the format does not
//!   have (`json.unknown_field`, or a warning, or nothing, as the format's policy says), a
//!   missing required key (`json.missing_field`), arrays and objects nested too deep, skipped
//!   values included (`json.too_deep`);
//! - records the first problem with its JSON Pointer, in document order, and stops there.
//!
//! Problems carry typed data from the `serde::de::Error` constructors serde's derived code calls
//! (`unknown_field`, `missing_field`…); no message text is ever read. Malformed JSON is the only
//! error left to `serde_json`, which reports its line and column (`json.syntax`).

mod context;
mod de;
mod error;
pub(crate) mod format;
mod kind;
mod problem;
mod seen;
#[cfg(test)]
mod tests;

use serde::de::{Deserialize, Deserializer};

use crate::options::{DocumentKind, Options};
use context::{Cx, Failure};
use de::WrapDe;
use error::ReadError;
pub(crate) use format::Segment;
use problem::Problem;

use crate::report::Issue;

/// A document of a format the crate reads.
pub(crate) trait Readable: Sized {
    /// What serde's derived code reads: the document's structure.
    type Wire;

    /// The format.
    const FORMAT: &'static format::Format;

    /// Reads the structure with serde's derived code (never through a new reader).
    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Wire, D::Error>;

    /// Checks what the structure cannot say (a record's invariants, a log's length).
    fn finish(wire: Self::Wire, options: &Options) -> Result<Self, Issue>;

    /// Keeps the reader's warnings (unknown keys of a third party's format) in the document.
    /// A strict format refuses unknown keys, so its reader has none to give.
    fn with_warnings(self, warnings: Vec<Issue>) -> Self {
        debug_assert!(warnings.is_empty(), "a strict format has no warnings");
        self
    }
}

/// Reads a document from JSON bytes, its reader's warnings kept in it: what the public
/// `from_json_slice_with` of every document does.
pub(crate) fn read_document<T: Readable>(
    bytes: &[u8],
    options: &Options,
) -> Result<T, crate::report::ValidationReport> {
    read::<T>(bytes, options)
        .map(|read| read.value.with_warnings(read.warnings))
        .map_err(crate::report::ValidationReport::single)
}

/// The two public readers of a document, `from_json_slice` (documented by the caller, with its
/// errors) and `from_json_slice_with`, the same with the given limits.
macro_rules! readers {
    ($(#[$doc:meta])*) => {
        $(#[$doc])*
        pub fn from_json_slice(bytes: &[u8]) -> Result<Self, $crate::report::ValidationReport> {
            Self::from_json_slice_with(bytes, &$crate::options::Options::default())
        }

        /// Reads with the given limits ([`Options`](crate::Options)); see
        /// [`Self::from_json_slice`].
        ///
        /// # Errors
        /// As [`Self::from_json_slice`].
        pub fn from_json_slice_with(
            bytes: &[u8],
            options: &$crate::options::Options,
        ) -> Result<Self, $crate::report::ValidationReport> {
            $crate::json::read_document(bytes, options)
        }
    };
}
pub(crate) use readers;

/// A document read, with the warnings of its reading (unknown keys of a third party's format).
#[derive(Debug)]
pub(crate) struct Read<T> {
    pub value: T,
    pub warnings: Vec<Issue>,
}

/// Reads a document from JSON bytes: the first structural problem, in document order, or the
/// document. A leading UTF-8 byte-order mark is accepted.
pub(crate) fn read<T: Readable>(bytes: &[u8], options: &Options) -> Result<Read<T>, Issue> {
    let format = T::FORMAT;
    let issue = |problem: Problem, path: &str| {
        Issue::from_description(path.to_owned(), problem.describe(format.kind))
    };
    let max = options.max_bytes_for(format.kind);
    if bytes.len() > max {
        let found = u64::try_from(bytes.len()).ok();
        return Err(issue(Problem::TooLarge { max, found }, ""));
    }
    if let Some(encoding) = foreign_encoding(bytes) {
        return Err(issue(Problem::Encoding { encoding }, ""));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let syntax = |e: &serde_json::Error| {
        issue(
            Problem::Syntax {
                line: e.line(),
                column: e.column(),
            },
            "",
        )
    };
    let mut cx = Cx::new(format, options.max_depth());
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let wire = T::read_wire(WrapDe {
        de: &mut de,
        cx: &mut cx,
    });
    let wire = match wire {
        Ok(wire) => wire,
        Err(ReadError::Inner(e)) => return Err(syntax(&e)),
        Err(ReadError::Found(problem)) => {
            cx.record(problem);
            return Err(failure_issue(&mut cx));
        }
        Err(ReadError::Recorded) => return Err(failure_issue(&mut cx)),
    };
    de.end().map_err(|e| syntax(&e))?;
    let warnings = cx.take_warnings();
    let value = T::finish(wire, options)?;
    Ok(Read { value, warnings })
}

fn failure_issue(cx: &mut Cx<'_>) -> Issue {
    let Failure { problem, path } = cx.take_failure().unwrap_or(Failure {
        problem: Problem::InvalidValue,
        path: crate::report::Pointer::root(),
    });
    Issue::from_description(path.as_str(), problem.describe(cx.format.kind))
}

/// The `Deserialize` impl of a document: the same checks as [`read`] on any deserializer (no size
/// limit: the deserializer owns the input). The error's message gives the code and the path,
/// never a value of the document.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Readable>(
    deserializer: D,
) -> Result<T, D::Error> {
    let options = Options::default();
    let mut cx = Cx::new(T::FORMAT, options.max_depth());
    let wire = T::read_wire(WrapDe {
        de: deserializer,
        cx: &mut cx,
    });
    let wire = match wire {
        Ok(wire) => wire,
        Err(ReadError::Inner(e)) => return Err(e),
        Err(ReadError::Found(problem)) => {
            cx.record(problem);
            return Err(issue_error(&failure_issue(&mut cx)));
        }
        Err(ReadError::Recorded) => return Err(issue_error(&failure_issue(&mut cx))),
    };
    T::finish(wire, &options).map_err(|issue| issue_error(&issue))
}

/// The description of a key a document must have, for readers that check it themselves.
pub(crate) fn missing_field(
    field: &'static str,
    kind: DocumentKind,
) -> crate::diagnostic::Description {
    Problem::MissingField { field }.describe(kind)
}

/// The description of a value that does not fit a format.
pub(crate) fn invalid_value(kind: DocumentKind) -> crate::diagnostic::Description {
    Problem::InvalidValue.describe(kind)
}

/// A serde error saying what an issue says, without quoting the document.
fn issue_error<E: serde::de::Error>(issue: &Issue) -> E {
    E::custom(format_args!(
        "{} at {:?}: {}",
        issue.code, issue.path, issue.message_en
    ))
}

/// A document inside another: read with the enclosing reader (its path, its limits), then
/// finished as a document of its own.
pub(crate) struct Nested<T>(pub T);

impl<'de, T: Readable> Deserialize<'de> for Nested<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = T::read_wire(deserializer)?;
        T::finish(wire, &Options::default())
            .map(Nested)
            .map_err(|issue| issue_error(&issue))
    }
}

/// `deserialize_with` for a document inside another.
pub(crate) fn nested<'de, D: Deserializer<'de>, T: Readable>(
    deserializer: D,
) -> Result<T, D::Error> {
    Nested::<T>::deserialize(deserializer).map(|Nested(value)| value)
}

/// `deserialize_with` for a list of documents inside another.
pub(crate) fn nested_vec<'de, D: Deserializer<'de>, T: Readable>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    Vec::<Nested<T>>::deserialize(deserializer)
        .map(|list| list.into_iter().map(|Nested(value)| value).collect())
}

/// `deserialize_with` for an optional document inside another.
pub(crate) fn nested_option<'de, D: Deserializer<'de>, T: Readable>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<Nested<T>>::deserialize(deserializer).map(|n| n.map(|Nested(value)| value))
}

/// The encoding of a document that is not UTF-8, from its byte-order mark or, without one,
/// from the zero bytes around its first character, which JSON keeps in ASCII (RFC 4627,
/// section 3).
fn foreign_encoding(bytes: &[u8]) -> Option<&'static str> {
    match *bytes {
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some("UTF-32BE"),
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some("UTF-32LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0x00, 0x00, 0x00, c, ..] if c != 0 => Some("UTF-32BE"),
        [c, 0x00, 0x00, 0x00, ..] if c != 0 => Some("UTF-32LE"),
        [0x00, c, ..] if c != 0 => Some("UTF-16BE"),
        [c, 0x00, ..] if c != 0 => Some("UTF-16LE"),
        _ => None,
    }
}
