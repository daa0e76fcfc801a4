//! Phone numbers, stored in E.164.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, Type, country};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::text::TRIM;

/// Inputs longer than this (in characters, after trimming) are not phone numbers.
const MAX_INPUT_CHARS: usize = 64;

/// Extension markers, longest first at a given position (`ext.` before `ext`).
const EXTENSION_MARKERS: [&str; 6] = [";ext=", "poste", "ext.", "ext", "x", "#"];

/// A contact's phone number, validated with libphonenumber's metadata and stored in E.164
/// (`+33612345678`).
///
/// A number written in French domestic form (10 digits starting with `0`) is read in the region
/// its prefix designates: mainland France, or an overseas department whose domestic numbers use
/// their own country code (`0692 12 34 56` is Réunion, `+262692123456`). A number written with
/// `+` or `00` and a country code is read as written, so foreign numbers are accepted.
///
/// Accepted input: digits, spaces (including no-break spaces), `.`, `-`, `(`, `)`, a leading `+`
/// or `00`; `+33 (0)6 …` is accepted. An extension (`ext. 12`, `x12`, `poste 12`, `#12`,
/// `;ext=12`) is rejected with [`PhoneNumberError::Extension`], since E.164 cannot hold it; any
/// other character is rejected: nothing in the input is silently dropped.
///
/// `Debug` masks the number (`+336******78`); `Display` and `as_str()` give it whole.
///
/// ```
/// use datapass_psc::PhoneNumber;
/// let a: PhoneNumber = "06 12 34 56 78".parse()?;
/// let b: PhoneNumber = "+33 6 12 34 56 78".parse()?;
/// assert_eq!(a, b);
/// assert_eq!(a.as_str(), "+33612345678");
/// assert_eq!(a.region(), Some("FR"));
/// assert!(a.is_mobile());
/// assert_eq!(format!("{a:?}"), "PhoneNumber(+336******78)");
///
/// let reunion: PhoneNumber = "0692 12 34 56".parse()?;
/// assert_eq!(reunion.as_str(), "+262692123456");
/// assert_eq!(reunion.region(), Some("RE"));
/// # Ok::<(), datapass_psc::PhoneNumberError>(())
/// ```
#[derive(Clone)]
pub struct PhoneNumber {
    e164: String,
    /// Number of digits of the country code, for masking.
    country_code_len: usize,
    region: Option<&'static str>,
    mobile: bool,
}

/// Why a string is not a valid [`PhoneNumber`]. The messages never quote the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneNumberError {
    /// Nothing is left after trimming.
    #[error("empty phone number")]
    Empty,
    /// A character that has no place in a phone number.
    #[error("unexpected character in phone number at index {index}")]
    InvalidCharacter {
        /// Its 0-based character index in the input as given.
        index: usize,
    },
    /// Not a valid number for its region (wrong length, unassigned range, unknown country code).
    #[error("invalid phone number")]
    Invalid,
    /// A valid number followed by an extension, which E.164 cannot hold.
    #[error("phone number with an extension")]
    Extension,
}

/// Overseas departments whose domestic numbers (`0…`) belong to another country code.
fn overseas_region(prefix: &[u8]) -> Option<country::Id> {
    Some(match prefix {
        b"0590" | b"0690" | b"0691" => country::GP,
        b"0596" | b"0696" | b"0697" => country::MQ,
        b"0594" | b"0694" => country::GF,
        b"0262" | b"0263" | b"0268" | b"0692" | b"0693" => country::RE,
        b"0269" | b"0639" => country::YT,
        _ => return None,
    })
}

/// Splits `input` (trimmed) into the number part and whether an extension marker follows.
///
/// A marker not followed by digits only is not an extension: the whole input is returned, and the
/// character scan reports the first character that has no place in a phone number (the `F` of
/// `Fixe : 01 …`, not its `x`).
fn split_extension(input: &str) -> (&str, bool) {
    let lower = input.to_ascii_lowercase();
    let Some((at, marker)) = lower.char_indices().find_map(|(i, _)| {
        EXTENSION_MARKERS
            .iter()
            .find(|m| lower[i..].starts_with(**m))
            .map(|m| (i, *m))
    }) else {
        return (input, false);
    };
    let rest = input[at + marker.len()..].trim_start_matches([' ', '.', ':']);
    let rest = rest.trim_end();
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return (input, false);
    }
    (&input[..at], true)
}

impl PhoneNumber {
    /// Parses a phone number; same as [`FromStr`].
    ///
    /// # Errors
    /// `""` ([`PhoneNumberError::Empty`]), `"abc"` ([`PhoneNumberError::InvalidCharacter`]),
    /// `"06 12 34 56"` and `"07 00 12 34 56"` ([`PhoneNumberError::Invalid`]),
    /// `"06 12 34 56 78 ext. 12"` ([`PhoneNumberError::Extension`]).
    pub fn parse(input: &str) -> Result<Self, PhoneNumberError> {
        input.parse()
    }

    /// The number in E.164: `+`, country code, national number (`+33612345678`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.e164
    }

    /// The ISO 3166 code of the number's region (`FR`, `RE`, `US`), from libphonenumber's
    /// metadata; `None` for non-geographic numbers.
    #[must_use]
    pub fn region(&self) -> Option<&'static str> {
        self.region
    }

    /// Whether the metadata classifies the number as mobile (or "fixed line or mobile").
    #[must_use]
    pub fn is_mobile(&self) -> bool {
        self.mobile
    }

    /// A number stored earlier in E.164 (`+` and 8 to 15 digits), trusted without checking it
    /// against today's metadata: used when loading stored records, so that a metadata update
    /// cannot make them unreadable. Region and mobile flag come from the metadata when it still
    /// knows the number. `None` when the string is not E.164-shaped.
    #[must_use]
    pub fn from_stored(e164: &str) -> Option<Self> {
        let digits = e164.strip_prefix('+')?;
        if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Ok(valid) = e164.parse::<Self>() {
            return (valid.e164 == e164).then_some(valid);
        }
        let parsed = phonenumber::parse(None, e164).ok()?;
        let country_code_len = parsed.code().value().to_string().len();
        Some(Self {
            e164: e164.to_owned(),
            country_code_len,
            region: None,
            mobile: false,
        })
    }

    /// The masked form used by `Debug`: the country code and the first national digit, then
    /// stars, then the last two digits (`+336******78`).
    #[must_use]
    pub fn masked(&self) -> String {
        let digits = &self.e164[1..];
        let keep_head = self.country_code_len + 1;
        if digits.len() < keep_head + 4 {
            return "***".to_owned();
        }
        let stars = digits.len() - keep_head - 2;
        format!(
            "+{}{}{}",
            &digits[..keep_head],
            "*".repeat(stars),
            &digits[digits.len() - 2..]
        )
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneNumberError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim_start();
        let offset = input[..input.len() - trimmed.len()].chars().count();
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        if trimmed.chars().count() > MAX_INPUT_CHARS {
            return Err(PhoneNumberError::Invalid);
        }
        let (number, has_extension) = split_extension(trimmed);

        let mut digits = Vec::with_capacity(16);
        for (i, c) in number.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c as u8),
                '+' if i == 0 => {}
                ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' => {}
                _ => return Err(PhoneNumberError::InvalidCharacter { index: offset + i }),
            }
        }
        let international = number.starts_with('+');
        let domestic = !international && digits.len() == 10 && digits[0] == b'0';
        let region = if domestic {
            overseas_region(&digits[..4]).unwrap_or(country::FR)
        } else {
            country::FR
        };
        let spaced: String = number
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let parsed =
            phonenumber::parse(Some(region), spaced).map_err(|_| PhoneNumberError::Invalid)?;
        if !parsed.is_valid_with(&DATABASE) {
            return Err(PhoneNumberError::Invalid);
        }
        if has_extension || parsed.extension().is_some() {
            return Err(PhoneNumberError::Extension);
        }
        let metadata = parsed.metadata(&DATABASE);
        let region = metadata
            .map(phonenumber::metadata::Metadata::id)
            .filter(|id| *id != "001");
        let mobile = matches!(
            parsed.number_type(&DATABASE),
            Type::Mobile | Type::FixedLineOrMobile
        );
        let e164 = parsed.format().mode(Mode::E164).to_string();
        let country_code_len = parsed.code().value().to_string().len();
        Ok(Self {
            e164,
            country_code_len,
            region,
            mobile,
        })
    }
}

string_newtype!(as_str PhoneNumber, PhoneNumberError, "a phone number");

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.e164 == other.e164
    }
}

impl Eq for PhoneNumber {}

impl Hash for PhoneNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.e164.hash(state);
    }
}

impl PartialOrd for PhoneNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PhoneNumber {
    fn cmp(&self, other: &Self) -> Ordering {
        self.e164.cmp(&other.e164)
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl JsonSchema for PhoneNumber {
    fn schema_name() -> Cow<'static, str> {
        "PhoneNumber".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::PhoneNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^{TRIM}\\+?[0-9 \\u00A0\\u202F.()\\-]*[0-9][0-9 \\u00A0\\u202F.()\\-]*{TRIM}$"),
            "description": "Phone number, as typed (06 12 34 56 78, +33 6 12 34 56 78) or in E.164; \
                            written back in E.164 (+33612345678). The crate checks it against \
                            libphonenumber's metadata (French overseas departments by their domestic \
                            prefix); the pattern only checks the characters.",
        })
    }
}

impl Diagnostic for PhoneNumberError {
    fn describe(&self) -> Description {
        const SUBJECT: (&str, &str) = ("le numéro de téléphone", "the phone number");
        match *self {
            Self::Empty => Description::new(
                Code::PhoneEmpty,
                SUBJECT,
                "doit être rempli",
                "must be filled in",
            ),
            Self::InvalidCharacter { index } => Description::new(
                Code::PhoneInvalid,
                SUBJECT,
                format!(
                    "n'est pas valide : caractère non autorisé en position {}",
                    index + 1
                ),
                format!(
                    "is not valid: character not allowed at position {}",
                    index + 1
                ),
            )
            .with("index", index),
            Self::Invalid => Description::new(
                Code::PhoneInvalid,
                SUBJECT,
                "n'est pas valide. Exemple : 01 99 00 12 34 ou +33 1 99 00 12 34",
                "is not valid. Example: 01 99 00 12 34 or +33 1 99 00 12 34",
            ),
            Self::Extension => Description::new(
                Code::PhoneExtension,
                SUBJECT,
                "ne doit pas comporter de poste (extension) : indiquez un numéro direct",
                "must not include an extension: give a direct number",
            ),
        }
    }
}
