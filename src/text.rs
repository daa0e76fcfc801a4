//! Bounded, trimmed free text without control characters: names, titles, descriptions.
//!
//! [`Text<MAX, MULTILINE>`](Text) is trimmed (Rust [`str::trim`]), holds at most `MAX` characters
//! (Unicode scalar values, counted after trimming) and no control character: Unicode Cc, the
//! bidirectional controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and, in single-line
//! text, the line and paragraph separators U+2028/U+2029. Multi-line text also accepts line feed
//! and carriage return. The text is otherwise kept exactly as given: no case change, no HTML
//! stripping.

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

/// Trimmed text of at most `MAX` characters, on one line unless `MULTILINE`.
///
/// ```
/// use datapass_psc::text::ProjectName;
/// let name: ProjectName = "  HospiConnect ".parse()?;
/// assert_eq!(name.as_str(), "HospiConnect");
/// assert!("Hospi\nConnect".parse::<ProjectName>().is_err());
/// # Ok::<(), datapass_psc::text::TextError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<const MAX: usize, const MULTILINE: bool>(String);

/// A project name (« nom du projet », DataPass `intitule`): one line, at most 200 characters.
pub type ProjectName = Text<200, false>;
/// A project description: several lines, at most 10,000 characters.
pub type Description = Text<10_000, true>;
/// The nature of the legal basis (« nature du cadre juridique »): one line, at most 500.
pub type LegalNature = Text<500, false>;
/// One recipient of the data (« destinataire »): one line, at most 500 characters.
pub type Recipient = Text<500, false>;
/// The justification of a retention period above 36 months: several lines, at most 2,000.
pub type Justification = Text<2_000, true>;
/// A contact's job title (« fonction »): one line, at most 100 characters.
pub type JobTitle = Text<100, false>;

/// Why a string is not a valid [`Text`].
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

impl<const MAX: usize, const MULTILINE: bool> Text<MAX, MULTILINE> {
    /// The maximum number of characters.
    pub const MAX_CHARS: usize = MAX;

    /// Parses text; same as [`FromStr`].
    ///
    /// # Errors
    /// A blank string ([`TextError::Empty`]), more than `MAX` characters after trimming
    /// ([`TextError::TooLong`]), a control character ([`TextError::ControlCharacter`]).
    pub fn parse(input: &str) -> Result<Self, TextError> {
        input.parse()
    }

    /// The trimmed text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps a constant known to satisfy the rules (checked by the crate's tests).
    pub(crate) fn from_trusted(text: &str) -> Self {
        debug_assert!(parse_text(text, MAX, MULTILINE).is_ok());
        Self(text.to_owned())
    }
}

impl<const MAX: usize, const MULTILINE: bool> FromStr for Text<MAX, MULTILINE> {
    type Err = TextError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        parse_text(input, MAX, MULTILINE).map(|t| Self(t.to_owned()))
    }
}

/// Free text may hold anything a person typed: `Debug` shows its length only
/// (`Text(<12 chars>)`); `Display` and `as_str()` give it whole.
impl<const MAX: usize, const MULTILINE: bool> fmt::Debug for Text<MAX, MULTILINE> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text(<{} chars>)", self.0.chars().count())
    }
}

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
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

impl PersonName {
    /// The maximum number of characters.
    pub const MAX_CHARS: usize = 100;

    /// Parses a name; same as [`FromStr`].
    ///
    /// # Errors
    /// As [`Text::parse`], with a maximum of 100 characters on one line.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        input.parse()
    }

    /// The trimmed name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The masked form used by `Debug`: first letter and `***`.
    #[must_use]
    pub fn masked(&self) -> String {
        mask_name(&self.0)
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

impl FromStr for PersonName {
    type Err = TextError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        parse_text(input, Self::MAX_CHARS, false).map(|t| Self(t.to_owned()))
    }
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonName({})", self.masked())
    }
}

string_newtype!(as_str @[const MAX: usize, const MULTILINE: bool] Text<MAX, MULTILINE>, TextError, "a text");
string_newtype!(as_str PersonName, TextError, "a name");

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

impl<const MAX: usize, const MULTILINE: bool> JsonSchema for Text<MAX, MULTILINE> {
    fn schema_name() -> Cow<'static, str> {
        format!("Text{MAX}{}", if MULTILINE { "Multiline" } else { "" }).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text_schema(MAX, MULTILINE)
    }
}

impl JsonSchema for PersonName {
    fn schema_name() -> Cow<'static, str> {
        "PersonName".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text_schema(Self::MAX_CHARS, false)
    }
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
