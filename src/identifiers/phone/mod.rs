//! Phone numbers, stored in E.164.

mod engine;
mod ranges;

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
/// French numbers (domestic, `+33`, `0033`) and those of the overseas departments and
/// Saint-Pierre-et-Miquelon (domestic, `+590`, `+596`, `+594`, `+262`, `+508`) are decided from a
/// table of numbering ranges derived from that metadata, in well under a microsecond and without
/// loading it; any other number loads libphonenumber's metadata on first use (about 10 ms, once
/// per process). Both ways give the same answers, which the crate's tests check for every
/// 5-digit prefix of those country codes.
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
        Self::from_parts(text.strip_prefix('+')?, "")
    }

    /// `+`, `code` and `national`, if they are 1 to 15 ASCII digits in all.
    fn from_parts(code: &str, national: &str) -> Option<Self> {
        let len = code.len() + national.len();
        if len == 0 || len > MAX_E164_DIGITS {
            return None;
        }
        let mut bytes = [b'+'; 1 + MAX_E164_DIGITS];
        bytes[1..=code.len()].copy_from_slice(code.as_bytes());
        bytes[1 + code.len()..=len].copy_from_slice(national.as_bytes());
        if !bytes[1..=len].iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(Self {
            len: u8::try_from(1 + len).ok()?,
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
    // Every marker starts with one of these: most inputs have none.
    if !bytes
        .iter()
        .any(|b| matches!(b.to_ascii_lowercase(), b';' | b'p' | b'e' | b'x' | b'#'))
    {
        return (input, false);
    }
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

    /// Whether the metadata classifies the number as mobile (or "fixed line or mobile"). Known
    /// from the parse that validated the number: asking costs nothing.
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
            country_code_len: ranges::country_code_len(digits)
                .or_else(|| engine::country_code_len(digits))?,
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

/// A phone number as typed, read with the crate's grammar: its digits, whether they follow a
/// `+`, and whether an extension follows them.
struct Typed {
    plus: bool,
    /// The digits, at most one per character of the input.
    buffer: [u8; MAX_INPUT_CHARS],
    len: usize,
    extension: bool,
}

impl Typed {
    fn read(input: &str) -> Result<Self, PhoneNumberError> {
        let trimmed = input.trim_start();
        let offset = input[..input.len() - trimmed.len()].chars().count();
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        if trimmed.chars().count() > MAX_INPUT_CHARS {
            return Err(PhoneNumberError::Invalid);
        }
        let (number, extension) = split_extension(trimmed);
        let mut typed = Self {
            plus: number.starts_with('+'),
            buffer: [0; MAX_INPUT_CHARS],
            len: 0,
            extension,
        };
        for (i, c) in number.chars().enumerate() {
            match c {
                '0'..='9' => {
                    typed.buffer[typed.len] = c as u8;
                    typed.len += 1;
                }
                '+' if i == 0 => {}
                ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' => {}
                _ => return Err(PhoneNumberError::InvalidCharacter { index: offset + i }),
            }
        }
        Ok(typed)
    }

    fn digits(&self) -> &str {
        // Only ASCII digits are ever written: never the empty fallback.
        std::str::from_utf8(&self.buffer[..self.len]).unwrap_or_default()
    }

    /// The region a number without country code is read in: for a domestic number (10 digits
    /// starting with `0`), the overseas department its prefix designates, else France.
    fn default_region(&self) -> &'static str {
        let digits = self.digits().as_bytes();
        if !self.plus && digits.len() == 10 && digits[0] == b'0' {
            overseas_region(&digits[..4]).unwrap_or("FR")
        } else {
            "FR"
        }
    }

    /// The fast path's verdict, `None` when the number is not of its shapes.
    fn fast_path(&self) -> Option<Result<PhoneNumber, PhoneNumberError>> {
        ranges::parse(self.plus, self.digits(), || self.default_region())
            .map(|verdict| self.finish(verdict))
    }

    /// The verdict on the number, then on its extension: one error per value, the number's first.
    fn finish(
        &self,
        verdict: Result<PhoneNumber, PhoneNumberError>,
    ) -> Result<PhoneNumber, PhoneNumberError> {
        let phone = verdict?;
        if self.extension {
            return Err(PhoneNumberError::Extension);
        }
        Ok(phone)
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneNumberError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let typed = Typed::read(input)?;
        typed.fast_path().unwrap_or_else(|| {
            let verdict = engine::parse(typed.plus, typed.digits(), typed.default_region());
            typed.finish(verdict)
        })
    }
}

/// The fast path's verdict on `input` (`None` when the engine would decide), for the crate's
/// tests.
pub(crate) fn fast_path(input: &str) -> Option<Result<PhoneNumber, PhoneNumberError>> {
    match Typed::read(input) {
        Ok(typed) => typed.fast_path(),
        Err(error) => Some(Err(error)),
    }
}

/// Whether this process has loaded the engine, for the crate's tests.
pub(crate) fn engine_loaded() -> bool {
    engine::is_loaded()
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
