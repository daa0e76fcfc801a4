//! Bounded, trimmed free text without control characters: one type per field of the form
//! ([`ProjectName`], [`ProjectDescription`], [`LegalNature`], [`Recipient`], [`Justification`],
//! [`JobTitle`], [`PersonName`]), so that a legal nature is never taken for a recipient.
//!
//! Each is trimmed (Rust [`str::trim`]), holds at most its `MAX_CHARS` characters (Unicode scalar
//! values, counted after trimming) and no control character: Unicode Cc, the bidirectional
//! controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and, in single-line text, the line and
//! paragraph separators U+2028/U+2029. Multi-line text also accepts line feed and carriage
//! return. The text is otherwise kept exactly as given: no case change, no HTML stripping.
//!
//! The types are distinct, even where their limits agree:
//!
//! ```compile_fail
//! // A legal nature (500 characters, one line) is not a recipient (500 characters, one line).
//! let nature: datapass_psc::text::LegalNature = "Arrêté du 24 mars 2021".parse().unwrap();
//! let recipient: datapass_psc::text::Recipient = nature;
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{self, Diagnostic};
use crate::newtype::string_newtype;

/// JSON Schema (ECMA-262) class of the whitespace [`str::trim`] removes around a value: `\s`
/// plus NEXT LINE (U+0085), a Unicode White_Space character that ECMA-262's `\s` lacks.
pub(crate) const TRIM: &str = "[\\s\\u0085]*";

/// The bidirectional-text controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): invisible
/// characters that reorder what is displayed, refused in every text the crate stores.
pub(crate) const fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Why a string is not a valid text of the crate ([`ProjectName`], [`PersonName`]…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// Nothing is left after trimming.
    #[error("empty text")]
    Empty,
    /// More characters than allowed, after trimming.
    #[error("text too long: at most {max} characters, found {found}")]
    TooLong {
        /// The maximum number of characters.
        max: usize,
        /// The number found after trimming.
        found: usize,
    },
    /// A control character.
    #[error("control character at index {index}")]
    ControlCharacter {
        /// Its 0-based character index in the input as given.
        index: usize,
    },
}

/// `text` with its control characters (C0, C1) and bidirectional controls written as Rust
/// escapes (`\u{1b}`), so that printing text from a document can never drive a terminal
/// (move the cursor, change colours, reorder what is shown); borrowed when there is nothing to
/// escape.
///
/// ```
/// use datapass_psc::text::escape_controls;
/// assert_eq!(escape_controls("HospiConnect"), "HospiConnect");
/// assert_eq!(escape_controls("\u{1b}[2J\u{202e}abc"), "\\u{1b}[2J\\u{202e}abc");
/// ```
#[must_use]
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is refused in text (`multiline` allows line feed and carriage return).
fn is_forbidden(c: char, multiline: bool) -> bool {
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => !multiline,
        c => c.is_control() || is_bidi_control(c),
    }
}

/// Checks and trims `input` under the text rules; the shared parser of [`Text`] and [`PersonName`].
fn parse_text(input: &str, max: usize, multiline: bool) -> Result<&str, TextError> {
    let start = input.trim_start();
    let trimmed = start.trim_end();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    // One pass: the length in characters and the first forbidden one.
    let (mut found, mut forbidden) = (0, None);
    for c in trimmed.chars() {
        if forbidden.is_none() && is_forbidden(c, multiline) {
            forbidden = Some(found);
        }
        found += 1;
    }
    if found > max {
        return Err(TextError::TooLong { max, found });
    }
    if let Some(i) = forbidden {
        let offset = input[..input.len() - start.len()].chars().count();
        return Err(TextError::ControlCharacter { index: offset + i });
    }
    Ok(trimmed)
}

/// Defines a text type: its checked way in (`FromStr`), its limit, conversions, serde, schema and
/// a `Debug` that shows its length only (free text may name a person).
macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident, $max:expr, $multiline:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The maximum number of characters, after trimming.
            pub const MAX_CHARS: usize = $max;

            /// Parses the text; same as [`FromStr`].
            ///
            /// # Errors
            /// A blank string ([`TextError::Empty`]), more than [`Self::MAX_CHARS`] characters
            /// after trimming ([`TextError::TooLong`]), a control character
            /// ([`TextError::ControlCharacter`]).
            pub fn parse(input: &str) -> Result<Self, TextError> {
                input.parse()
            }

            /// The trimmed text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = TextError;

            fn from_str(input: &str) -> Result<Self, Self::Err> {
                parse_text(input, Self::MAX_CHARS, $multiline).map(|t| Self(t.to_owned()))
            }
        }

        string_newtype!(as_str $name, TextError, "a text");

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                text_schema(Self::MAX_CHARS, $multiline)
            }
        }
    };
}

/// Free text may hold anything a person typed: `Debug` shows its length only
/// (`ProjectName(<12 chars>)`); `Display` and `as_str()` give it whole.
macro_rules! length_debug {
    ($($name:ident),*) => {$(
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(<{} chars>)"), self.0.chars().count())
            }
        }
    )*};
}

text_type! {
    /// A project name (« nom du projet », DataPass `intitule`, made public by DataPass): one line,
    /// at most 200 characters.
    ///
    /// ```
    /// use datapass_psc::text::ProjectName;
    /// let name: ProjectName = "  HospiConnect ".parse()?;
    /// assert_eq!(name.as_str(), "HospiConnect");
    /// assert!("Hospi\nConnect".parse::<ProjectName>().is_err());
    /// assert_eq!(format!("{name:?}"), "ProjectName(<12 chars>)");
    /// # Ok::<(), datapass_psc::text::TextError>(())
    /// ```
    ProjectName, 200, false
}

text_type! {
    /// A project description (« description du projet »): several lines, at most 10,000
    /// characters.
    ProjectDescription, 10_000, true
}

text_type! {
    /// The nature of the legal basis (« nature du cadre juridique »): one line, at most 500
    /// characters.
    LegalNature, 500, false
}

text_type! {
    /// One recipient of the data (« destinataire »): one line, at most 500 characters.
    Recipient, 500, false
}

text_type! {
    /// The justification of a retention period above 36 months: several lines, at most 2,000
    /// characters.
    Justification, 2_000, true
}

text_type! {
    /// A contact's job title (« fonction »): one line, at most 100 characters.
    JobTitle, 100, false
}

text_type! {
    /// A contact's given name or family name: one line, at most 100 characters.
    ///
    /// `Debug` masks it to its first letter (`J***`); `Display` and `as_str()` give it whole.
    ///
    /// ```
    /// use datapass_psc::text::PersonName;
    /// let name: PersonName = " Jeanne ".parse()?;
    /// assert_eq!(name.as_str(), "Jeanne");
    /// assert_eq!(format!("{name:?}"), "PersonName(J***)");
    /// # Ok::<(), datapass_psc::text::TextError>(())
    /// ```
    PersonName, 100, false
}

length_debug!(
    ProjectName,
    ProjectDescription,
    LegalNature,
    Recipient,
    Justification,
    JobTitle
);

impl PersonName {
    /// The masked form used by `Debug`: first letter and `***`.
    #[must_use]
    pub fn masked(&self) -> String {
        mask_name(&self.0)
    }
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonName({})", self.masked())
    }
}

impl LegalNature {
    /// Wraps a constant known to satisfy the rules (checked by the crate's tests).
    pub(crate) fn from_trusted(text: &str) -> Self {
        debug_assert!(parse_text(text, Self::MAX_CHARS, false).is_ok());
        Self(text.to_owned())
    }
}

/// Masks a name to its first character followed by `***`; `***` alone when the name has fewer
/// than two characters, since its first letter would give it away.
pub(crate) fn mask_name(name: &str) -> String {
    let name = name.trim();
    match name.chars().next() {
        Some(first) if name.chars().count() > 1 => format!("{first}***"),
        _ => "***".to_owned(),
    }
}

/// The schema of a text of at most `max` characters.
fn text_schema(max: usize, multiline: bool) -> Schema {
    let lines = if multiline {
        "several lines"
    } else {
        "one line"
    };
    json_schema!({
        "type": "string",
        "pattern": "\\S",
        "description": format!(
            "Free text, {lines}, at most {max} characters after trimming, without control \
             characters; written back trimmed."
        ),
    })
}

impl Diagnostic for TextError {
    fn describe(&self) -> diagnostic::Description {
        const SUBJECT: (&str, &str) = ("le texte", "the text");
        match *self {
            Self::Empty => diagnostic::Description::new(
                Code::TextEmpty,
                SUBJECT,
                "doit être renseigné",
                "must be filled in",
            ),
            Self::TooLong { max, found } => diagnostic::Description::new(
                Code::TextTooLong,
                SUBJECT,
                format!("ne doit pas dépasser {max} caractères ({found} saisis)"),
                format!("must not exceed {max} characters ({found} entered)"),
            )
            .with("max", max)
            .with("found", found),
            Self::ControlCharacter { index } => diagnostic::Description::new(
                Code::TextControlCharacter,
                SUBJECT,
                format!(
                    "contient un caractère de contrôle ou un retour à la ligne non autorisé \
                     (position {})",
                    index + 1
                ),
                format!(
                    "contains a control character or a line break that is not allowed (position {})",
                    index + 1
                ),
            )
            .with("index", index),
        }
    }
}
