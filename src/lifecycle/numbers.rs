//! Request numbers (`D60501`) and habilitation numbers (`H118386`).
//!
//! DataPass numbers requests and habilitations from two **independent** sequences: the same
//! digits can name a request and an unrelated habilitation. The two types below are therefore
//! distinct, with no conversion between them, and each parser rejects the other's prefix.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU64;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::text::TRIM;

/// The largest number accepted: 12 digits.
const MAX_DIGITS: usize = 12;
/// `10^12 - 1`, the largest 12-digit number.
const MAX_VALUE: u64 = 999_999_999_999;

/// A DataPass request number (« numéro de demande »), displayed `D60501`.
///
/// It never changes: a reopened request keeps its number. That is why Pro Santé Connect
/// onboarding asks for it (see [`RequestRecord::psc_connection_reference`]).
///
/// Parsing trims surrounding whitespace and accepts `D60501`, `d60501` and `60501`: a positive
/// integer of at most 12 digits, without leading zero. `Display` (and so `to_string()`) and
/// `Serialize` give the display form `D60501`.
///
/// ```
/// use datapass_psc::lifecycle::RequestNumber;
/// let number: RequestNumber = " d60501 ".parse()?;
/// assert_eq!(number.to_string(), "D60501");
/// assert_eq!(number.get(), 60501);
/// assert_eq!(number, "60501".parse()?);
/// assert!("H60501".parse::<RequestNumber>().is_err());
/// assert!("D-123".parse::<RequestNumber>().is_err());
/// # Ok::<(), datapass_psc::lifecycle::RequestNumberError>(())
/// ```
///
/// A habilitation number is a different type: passing one where a request number is expected
/// does not compile.
///
/// ```compile_fail,E0308
/// // Proves that `HabilitationNumber` and `RequestNumber` are distinct types with no implicit
/// // conversion: a habilitation number cannot open a request record.
/// use datapass_psc::lifecycle::{HabilitationNumber, RequestRecord};
/// let habilitation: HabilitationNumber = "H118386".parse().unwrap();
/// let record = RequestRecord::new(habilitation, None);
/// ```
///
/// [`RequestRecord::psc_connection_reference`]: super::RequestRecord::psc_connection_reference
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestNumber(NonZeroU64);

/// A DataPass habilitation number (« numéro d'habilitation »), displayed `H118386`.
///
/// Each approval of a request creates a habilitation with a new number, from a sequence
/// independent of request numbers.
///
/// Parsing trims surrounding whitespace and accepts `H118386`, `h118386` and `118386`: a
/// positive integer of at most 12 digits, without leading zero. `Display` and `Serialize` give
/// `H118386`.
///
/// ```
/// use datapass_psc::lifecycle::HabilitationNumber;
/// let number: HabilitationNumber = "h118386".parse()?;
/// assert_eq!(number.to_string(), "H118386");
/// assert!("D118386".parse::<HabilitationNumber>().is_err());
/// # Ok::<(), datapass_psc::lifecycle::HabilitationNumberError>(())
/// ```
///
/// ```compile_fail,E0308
/// // Proves that a `RequestNumber` is not accepted where a `HabilitationNumber` is expected:
/// // an approval cannot be given the request's own number by mistake.
/// use datapass_psc::lifecycle::{HabilitationNumber, RequestNumber};
/// fn habilitation(number: HabilitationNumber) -> HabilitationNumber { number }
/// let request: RequestNumber = "D60501".parse().unwrap();
/// habilitation(request);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HabilitationNumber(NonZeroU64);

/// What went wrong while scanning a number, before choosing the type's error.
enum ScanError {
    Empty,
    OtherPrefix(char),
    InvalidCharacter { character: char, index: usize },
    NoDigits,
    Zero,
    LeadingZero,
    TooLong { found: usize },
}

/// Parses `[prefix]digits` after trimming; `prefix` is matched case-insensitively, `other` is
/// the prefix of the other kind of number.
fn scan(input: &str, prefix: char, other: char) -> Result<NonZeroU64, ScanError> {
    let trimmed = input.trim_start();
    // Index of the first kept character in the input as given.
    let mut index = input[..input.len() - trimmed.len()].chars().count();
    let trimmed = trimmed.trim_end();
    let Some(first) = trimmed.chars().next() else {
        return Err(ScanError::Empty);
    };
    let digits = if first.eq_ignore_ascii_case(&prefix) {
        index += 1;
        &trimmed[first.len_utf8()..]
    } else if first.eq_ignore_ascii_case(&other) {
        return Err(ScanError::OtherPrefix(first));
    } else {
        trimmed
    };
    if let Some((i, character)) = digits
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(ScanError::InvalidCharacter {
            character,
            index: index + i,
        });
    }
    // Only ASCII digits are left, so the byte length is the number of digits.
    if digits.is_empty() {
        return Err(ScanError::NoDigits);
    }
    if digits.starts_with('0') {
        return Err(if digits.bytes().all(|b| b == b'0') {
            ScanError::Zero
        } else {
            ScanError::LeadingZero
        });
    }
    if digits.len() > MAX_DIGITS {
        return Err(ScanError::TooLong {
            found: digits.len(),
        });
    }
    // At most 12 digits, the first non-zero: always a positive `u64`.
    digits
        .parse::<u64>()
        .ok()
        .and_then(NonZeroU64::new)
        .ok_or(ScanError::Zero)
}

/// Implements a number type, its error enum and their traits. The arguments name the type, its
/// error, its prefix and the other kind's prefix, its error code prefix, an example, and the
/// wording (generic subject in French and English, the other kind's name).
macro_rules! number_type {
    (
        $ty:ident, $err:ident, $prefix:literal, $other:literal, [$empty:ident, $invalid:ident],
        $example:literal,
        $subject_fr:literal, $noun_en:literal, $other_fr:literal, $other_en:literal,
        $schema_name:literal, $description:literal
    ) => {
        #[doc = concat!("Why a string is not a valid [`", stringify!($ty), "`].")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
        #[non_exhaustive]
        pub enum $err {
            /// Nothing is left after trimming.
            #[error("empty {}", $noun_en)]
            Empty,
            #[doc = concat!("The input starts with `", $other, "`, the prefix of ", $other_en, "s.")]
            #[error("{} prefix {found:?} in a {}", $other_en, $noun_en)]
            WrongPrefix {
                /// The prefix found (`H` or `h` in a request number, `D` or `d` in a
                /// habilitation number).
                found: char,
            },
            /// A character other than an ASCII digit after the optional prefix.
            #[error("unexpected character {character:?} at index {index}")]
            InvalidCharacter {
                /// The offending character.
                character: char,
                /// Its 0-based character index in the input as given.
                index: usize,
            },
            #[doc = concat!("The prefix `", $prefix, "` alone, without digits.")]
            #[error("missing digits after the prefix {:?}", $prefix)]
            NoDigits,
            /// The number is zero.
            #[error("{} zero is not allowed", $noun_en)]
            Zero,
            /// The digits start with a zero (`060501`).
            #[error("leading zero")]
            LeadingZero,
            /// More than 12 digits.
            #[error("too many digits: expected at most {}, found {found}", MAX_DIGITS)]
            TooLong {
                /// How many digits were found.
                found: usize,
            },
        }

        impl From<ScanError> for $err {
            fn from(error: ScanError) -> Self {
                match error {
                    ScanError::Empty => Self::Empty,
                    ScanError::OtherPrefix(found) => Self::WrongPrefix { found },
                    ScanError::InvalidCharacter { character, index } => {
                        Self::InvalidCharacter { character, index }
                    }
                    ScanError::NoDigits => Self::NoDigits,
                    ScanError::Zero => Self::Zero,
                    ScanError::LeadingZero => Self::LeadingZero,
                    ScanError::TooLong { found } => Self::TooLong { found },
                }
            }
        }

        impl $ty {
            /// Parses a number; same as [`FromStr`].
            ///
            /// # Errors
            #[doc = concat!(
                "`\"\"` ([`", stringify!($err), "::Empty`]), `\"", $other, "1\"` ([`",
                stringify!($err), "::WrongPrefix`]), `\"", $prefix, "-123\"` ([`",
                stringify!($err), "::InvalidCharacter`]), `\"", $prefix, "\"` ([`",
                stringify!($err), "::NoDigits`]), `\"", $prefix, "0\"` ([`",
                stringify!($err), "::Zero`]), `\"", $prefix, "060501\"` ([`",
                stringify!($err), "::LeadingZero`]), `\"", $prefix, "1234567890123\"` ([`",
                stringify!($err), "::TooLong`])."
            )]
            pub fn parse(input: &str) -> Result<Self, $err> {
                input.parse()
            }

            /// Checks that `id` is a positive integer of at most 12 digits.
            ///
            /// # Errors
            #[doc = concat!("[`", stringify!($err), "::Zero`] for 0, [`", stringify!($err),
                "::TooLong`] from 10¹² up.")]
            pub const fn new(id: u64) -> Result<Self, $err> {
                if id > MAX_VALUE {
                    return Err($err::TooLong {
                        found: id.ilog10() as usize + 1,
                    });
                }
                match NonZeroU64::new(id) {
                    Some(id) => Ok(Self(id)),
                    None => Err($err::Zero),
                }
            }

            #[doc = concat!("The number without its prefix (`", $example, "` gives ",
                "the integer after the `", $prefix, "`).")]
            #[must_use]
            pub const fn get(self) -> u64 {
                self.0.get()
            }
        }

        impl FromStr for $ty {
            type Err = $err;

            fn from_str(input: &str) -> Result<Self, Self::Err> {
                Ok(Self(scan(input, $prefix, $other)?))
            }
        }

        impl TryFrom<u64> for $ty {
            type Error = $err;
            fn try_from(value: u64) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$ty> for u64 {
            fn from(number: $ty) -> Self {
                number.get()
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($ty), "(", $prefix, "{})"), self.0)
            }
        }

        string_newtype!($ty, $err, concat!("a ", $noun_en, " such as ", $example));

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $schema_name.into()
            }

            fn schema_id() -> Cow<'static, str> {
                concat!("datapass_psc::", $schema_name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let prefix = $prefix;
                let lower = prefix.to_ascii_lowercase();
                json_schema!({
                    "type": "string",
                    "pattern": format!(
                        "^{TRIM}[{prefix}{lower}]?[1-9][0-9]{{0,11}}{TRIM}$"
                    ),
                    "description": $description,
                    "examples": [$example],
                })
            }
        }

        impl Diagnostic for $err {
            fn describe(&self) -> Description {
                const SUBJECT: (&str, &str) = ($subject_fr, concat!("the ", $noun_en));
                let invalid = |fr: String, en: String| {
                    Description::new(Code::$invalid, SUBJECT, fr, en)
                };
                match *self {
                    Self::Empty => Description::new(
                        Code::$empty,
                        SUBJECT,
                        "doit être rempli",
                        "must be filled in",
                    ),
                    Self::WrongPrefix { found } => invalid(
                        format!(
                            concat!("commence par « {} », le préfixe des ", $other_fr,
                                " (attendu : un numéro comme ", $example, ")"),
                            found
                        ),
                        format!(
                            concat!("starts with '{}', the prefix of ", $other_en,
                                "s (expected a number such as ", $example, ")"),
                            found
                        ),
                    )
                    .with("found", found.to_string()),
                    Self::InvalidCharacter { character, index } => invalid(
                        format!(
                            "contient un caractère non autorisé (« {character} », position {})",
                            index + 1
                        ),
                        format!(
                            "contains a character that is not allowed ('{character}', position {})",
                            index + 1
                        ),
                    )
                    .with("index", index)
                    .with("character", character.to_string()),
                    Self::NoDigits => invalid(
                        concat!("doit comporter des chiffres après le préfixe « ", $prefix, " »")
                            .to_owned(),
                        concat!("must have digits after the prefix '", $prefix, "'").to_owned(),
                    ),
                    Self::Zero => invalid(
                        "doit être un nombre strictement positif".to_owned(),
                        "must be a positive number".to_owned(),
                    ),
                    Self::LeadingZero => invalid(
                        "ne doit pas commencer par un zéro".to_owned(),
                        "must not start with a zero".to_owned(),
                    ),
                    Self::TooLong { found } => invalid(
                        format!("comporte trop de chiffres ({MAX_DIGITS} au plus, {found} trouvés)"),
                        format!("has too many digits (at most {MAX_DIGITS}, found {found})"),
                    )
                    .with("max", MAX_DIGITS)
                    .with("found", found),
                }
            }
        }
    };
}

number_type!(
    RequestNumber,
    RequestNumberError,
    'D',
    'H',
    [RequestNumberEmpty, RequestNumberInvalid],
    "D60501",
    "le numéro de demande",
    "request number",
    "numéros d'habilitation",
    "habilitation number",
    "RequestNumber",
    "DataPass request number (numéro de demande), written `D60501`. Also accepted on input: \
     a lowercase `d` or no prefix (`d60501`, `60501`) and surrounding whitespace. A positive \
     integer of at most 12 digits, without leading zero."
);

number_type!(
    HabilitationNumber,
    HabilitationNumberError,
    'H',
    'D',
    [HabilitationNumberEmpty, HabilitationNumberInvalid],
    "H118386",
    "le numéro d'habilitation",
    "habilitation number",
    "numéros de demande",
    "request number",
    "HabilitationNumber",
    "DataPass habilitation number (numéro d'habilitation), written `H118386`. Also accepted \
     on input: a lowercase `h` or no prefix (`h118386`, `118386`) and surrounding whitespace. \
     A positive integer of at most 12 digits, without leading zero."
);
