//! Phone numbers, stored in E.164.

mod engine;

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::text::TRIM;

/// Inputs longer than this (in characters, after trimming) are not phone numbers.
const MAX_INPUT_CHARS: usize = 64;

/// E.164's limit on the digits of a number, country code included.
const MAX_E164_DIGITS: usize = 15;

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
/// The verdict and the E.164 form are libphonenumber's (the `rlibphonenumber` crate), with two
/// refusals that keep the stored form a number: a number of more than 15 digits (E.164's limit,
/// which libphonenumber's metadata exceeds for some toll-free ranges), and a number whose E.164
/// form would not read back as the same number. So the stored form always parses back to the
/// same `PhoneNumber`, and a national number's leading zeros (Italian fixed lines, `+39 06 …`)
/// are kept.
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
///
/// let rome: PhoneNumber = "+39 06 1234 5678".parse()?;
/// assert_eq!(rome.as_str(), "+390612345678");
/// assert_eq!(rome.as_str().parse::<PhoneNumber>()?, rome);
/// # Ok::<(), datapass_psc::PhoneNumberError>(())
/// ```
#[derive(Clone)]
pub struct PhoneNumber {
    e164: E164,
    /// Number of digits of the country code, for masking.
    country_code_len: u8,
    region: Option<&'static str>,
    mobile: bool,
}

/// `+` and at most 15 digits, held inline.
#[derive(Clone, Copy)]
struct E164 {
    len: u8,
    bytes: [u8; 1 + MAX_E164_DIGITS],
}

impl E164 {
    /// `text` if it is `+` and 1 to 15 ASCII digits.
    fn new(text: &str) -> Option<Self> {
        let digits = text.strip_prefix('+')?;
        if digits.is_empty()
            || digits.len() > MAX_E164_DIGITS
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut bytes = [0; 1 + MAX_E164_DIGITS];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(Self {
            len: u8::try_from(text.len()).ok()?,
            bytes,
        })
    }

    fn as_str(&self) -> &str {
        // Only `+` and ASCII digits are ever written: never the empty fallback.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The digits, without the `+`.
    fn digits(&self) -> &str {
        &self.as_str()[1..]
    }
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
    /// Not a valid number for its region (wrong length, unassigned range, unknown country code),
    /// or a number that E.164 cannot hold (more than 15 digits).
    #[error("invalid phone number")]
    Invalid,
    /// A valid number followed by an extension, which E.164 cannot hold.
    #[error("phone number with an extension")]
    Extension,
}

/// Overseas departments whose domestic numbers (`0…`) belong to another country code.
fn overseas_region(prefix: &[u8]) -> Option<&'static str> {
    Some(match prefix {
        b"0590" | b"0690" | b"0691" => "GP",
        b"0596" | b"0696" | b"0697" => "MQ",
        b"0594" | b"0694" => "GF",
        b"0262" | b"0263" | b"0268" | b"0692" | b"0693" => "RE",
        b"0269" | b"0639" => "YT",
        _ => return None,
    })
}

/// Whether `text` starts with the ASCII `marker`, ignoring ASCII case.
fn starts_with_marker(text: &[u8], marker: &str) -> bool {
    text.get(..marker.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(marker.as_bytes()))
}

/// Splits `input` (trimmed) into the number part and whether an extension marker follows.
///
/// A marker not followed by digits only is not an extension: the whole input is returned, and the
/// character scan reports the first character that has no place in a phone number (the `F` of
/// `Fixe : 01 …`, not its `x`).
fn split_extension(input: &str) -> (&str, bool) {
    let bytes = input.as_bytes();
    let Some((at, marker)) = input.char_indices().find_map(|(i, _)| {
        EXTENSION_MARKERS
            .iter()
            .find(|m| starts_with_marker(&bytes[i..], m))
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

    /// The number in E.164: `+`, country code, national number (`+33612345678`), at most 15
    /// digits. It parses back to the same number.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.e164.as_str()
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
        if !(8..=MAX_E164_DIGITS).contains(&digits.len())
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        if let Ok(valid) = e164.parse::<Self>() {
            return (valid.as_str() == e164).then_some(valid);
        }
        Some(Self {
            e164: E164::new(e164)?,
            country_code_len: engine::country_code_len(digits)?,
            region: None,
            mobile: false,
        })
    }

    /// The masked form used by `Debug`: the country code and the first national digit, then
    /// stars, then the last two digits (`+336******78`).
    #[must_use]
    pub fn masked(&self) -> String {
        let digits = self.e164.digits();
        let keep_head = usize::from(self.country_code_len) + 1;
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

        // At most `MAX_INPUT_CHARS` characters, so at most that many digits.
        let mut buffer = [0; MAX_INPUT_CHARS];
        let mut len = 0;
        for (i, c) in number.chars().enumerate() {
            match c {
                '0'..='9' => {
                    buffer[len] = c as u8;
                    len += 1;
                }
                '+' if i == 0 => {}
                ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' => {}
                _ => return Err(PhoneNumberError::InvalidCharacter { index: offset + i }),
            }
        }
        let digits = std::str::from_utf8(&buffer[..len]).unwrap_or_default();
        let plus = number.starts_with('+');
        let domestic = !plus && digits.len() == 10 && digits.starts_with('0');
        let region = if domestic {
            overseas_region(&digits.as_bytes()[..4]).unwrap_or("FR")
        } else {
            "FR"
        };
        let phone = engine::parse(plus, digits, region)?;
        if has_extension {
            return Err(PhoneNumberError::Extension);
        }
        Ok(phone)
    }
}

string_newtype!(as_str PhoneNumber, PhoneNumberError, "a phone number");

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for PhoneNumber {}

impl Hash for PhoneNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for PhoneNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PhoneNumber {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
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
