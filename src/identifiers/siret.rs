//! SIREN (legal unit) and SIRET (establishment) numbers.
//!
//! There is no SIRET crate on crates.io, so the rules are implemented here, exactly as INSEE
//! states them: the SIREN (9 digits) carries a Luhn key, the SIRET (SIREN + 5-digit NIC) carries
//! a second Luhn key over its 14 digits, and La Poste establishments (SIREN `356000000`), too
//! numerous for the NIC's key space, are valid when the sum of their 14 digits is a multiple of 5
//! (INSEE's `validinsee` fallback rule).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::digits::{DigitsError, luhn, scan_digits};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::text::TRIM;

/// The SIREN of La Poste, whose SIRETs may use the digit-sum rule instead of the SIRET Luhn key.
const LA_POSTE_SIREN: &[u8; 9] = b"356000000";

/// A SIREN number: the 9-digit identifier of a legal unit, with a valid Luhn key.
///
/// Parsing accepts the forms people type (`732 829 320`, `732.829.320`) and stores the 9 digits.
///
/// ```
/// use datapass_psc::Siren;
/// let siren: Siren = "732 829 320".parse()?;
/// assert_eq!(siren.as_str(), "732829320");
/// assert_eq!(siren.grouped(), "732 829 320");
/// # Ok::<(), datapass_psc::SirenError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siren([u8; 9]);

/// A SIRET number: the 14-digit identifier of an establishment (SIREN + NIC).
///
/// Valid when its SIREN passes the Luhn check and either its 14 digits pass the Luhn check or it
/// is a La Poste SIRET (SIREN `356000000`) whose digit sum is a multiple of 5.
///
/// Parsing trims the input and removes spaces, no-break spaces (U+00A0, U+202F) and dots between
/// digits; the 14 digits are stored, and are what `Display`, `as_str()` and JSON give back.
///
/// ```
/// use datapass_psc::Siret;
/// let siret: Siret = "732 829 320 00074".parse()?;
/// assert_eq!(siret.as_str(), "73282932000074");
/// assert_eq!(siret.siren().as_str(), "732829320");
/// assert_eq!(siret.nic(), "00074");
/// assert_eq!(siret.grouped(), "732 829 320 00074");
/// # Ok::<(), datapass_psc::SiretError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siret([u8; 14]);

/// Why a string is not a valid [`Siren`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SirenError {
    /// The digits could not be read: blank, a character that is not allowed, not 9 digits.
    #[error("invalid SIREN: {0}")]
    Digits(DigitsError),
    /// The 9 digits fail the Luhn check.
    #[error("invalid SIREN checksum")]
    Checksum,
}

/// Why a string is not a valid [`Siret`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SiretError {
    /// The digits could not be read: blank, a character that is not allowed, not 14 digits.
    #[error("invalid SIRET: {0}")]
    Digits(DigitsError),
    /// The first 9 digits (the SIREN) fail the Luhn check.
    #[error("invalid SIREN checksum")]
    SirenChecksum,
    /// The SIREN is valid but the 14 digits fail the Luhn check, and the La Poste rule does not
    /// apply. Carries the valid SIREN.
    #[error("invalid SIRET checksum")]
    SiretChecksum {
        /// The first 9 digits, which are a valid SIREN.
        siren: Siren,
    },
}

impl From<DigitsError> for SirenError {
    fn from(error: DigitsError) -> Self {
        Self::Digits(error)
    }
}

impl From<DigitsError> for SiretError {
    fn from(error: DigitsError) -> Self {
        Self::Digits(error)
    }
}

fn digits_str(digits: &[u8]) -> &str {
    // The arrays only ever hold ASCII digits (checked by `scan_digits`), so this never fails.
    std::str::from_utf8(digits).unwrap_or_default()
}

impl Siren {
    /// Parses a SIREN; same as [`FromStr`].
    ///
    /// # Errors
    /// `""`, `"73282932A"` and `"73282932"` ([`SirenError::Digits`]: blank, a character that
    /// is not allowed, not 9 digits), `"732829321"` ([`SirenError::Checksum`]).
    pub fn parse(input: &str) -> Result<Self, SirenError> {
        input.parse()
    }

    /// The 9 digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        digits_str(&self.0)
    }

    /// The form for people: `732 829 320`.
    #[must_use]
    pub fn grouped(&self) -> String {
        let s = self.as_str();
        format!("{} {} {}", &s[..3], &s[3..6], &s[6..])
    }

    /// Whether this is La Poste's SIREN, `356000000`.
    #[must_use]
    pub fn is_la_poste(&self) -> bool {
        &self.0 == LA_POSTE_SIREN
    }
}

impl FromStr for Siren {
    type Err = SirenError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let digits = scan_digits::<9>(input)?;
        if luhn(&digits) {
            Ok(Self(digits))
        } else {
            Err(SirenError::Checksum)
        }
    }
}

impl Siret {
    /// Parses a SIRET; same as [`FromStr`].
    ///
    /// # Errors
    /// `""`, `"1234567891234A"` (a character that is not allowed at index 13) and
    /// `"7328293200007"` ([`SiretError::Digits`]), `"12345678901234"` and
    /// `"11122233344455"` ([`SiretError::SirenChecksum`]), `"35600000049838"`
    /// ([`SiretError::SiretChecksum`]).
    pub fn parse(input: &str) -> Result<Self, SiretError> {
        input.parse()
    }

    /// The 14 digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        digits_str(&self.0)
    }

    /// The SIREN: the first 9 digits.
    #[must_use]
    pub fn siren(&self) -> Siren {
        let mut siren = [0u8; 9];
        siren.copy_from_slice(&self.0[..9]);
        Siren(siren)
    }

    /// The NIC (establishment number): the last 5 digits.
    #[must_use]
    pub fn nic(&self) -> &str {
        &self.as_str()[9..]
    }

    /// The form for people, in groups of 3-3-3-5: `732 829 320 00074`.
    #[must_use]
    pub fn grouped(&self) -> String {
        let s = self.as_str();
        format!("{} {} {} {}", &s[..3], &s[3..6], &s[6..9], &s[9..])
    }
}

impl FromStr for Siret {
    type Err = SiretError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let digits = scan_digits::<14>(input)?;
        let head = Self(digits).siren();
        if !luhn(&head.0) {
            return Err(SiretError::SirenChecksum);
        }
        let la_poste_sum = || {
            digits
                .iter()
                .map(|d| u32::from(d - b'0'))
                .sum::<u32>()
                .is_multiple_of(5)
        };
        if luhn(&digits) || (head.is_la_poste() && la_poste_sum()) {
            Ok(Self(digits))
        } else {
            Err(SiretError::SiretChecksum { siren: head })
        }
    }
}

string_newtype!(as_str Siren, SirenError, "a SIREN number (9 digits)");
string_newtype!(as_str Siret, SiretError, "a SIRET number (14 digits)");

impl fmt::Debug for Siren {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Siren({})", self.as_str())
    }
}

impl fmt::Debug for Siret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Siret({})", self.as_str())
    }
}

/// Between two digits: any number of spaces (U+0020, U+00A0, U+202F), or one dot.
const SEP: &str = "(?:[ \\u00A0\\u202F]*|\\.)";

impl JsonSchema for Siren {
    fn schema_name() -> Cow<'static, str> {
        "Siren".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::Siren".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^{TRIM}[0-9](?:{SEP}[0-9]){{8}}{TRIM}$"),
            "description": "SIREN number (numéro SIREN): 9 digits, spaces or dots between digits \
                            accepted; written back as 9 digits. The schema cannot check the Luhn \
                            key: the crate does.",
        })
    }
}

impl JsonSchema for Siret {
    fn schema_name() -> Cow<'static, str> {
        "Siret".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::Siret".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^{TRIM}[0-9](?:{SEP}[0-9]){{13}}{TRIM}$"),
            "description": "SIRET number (numéro SIRET): 14 digits, spaces or dots between digits \
                            accepted; written back as 14 digits. The schema cannot check the SIREN \
                            and SIRET Luhn keys nor La Poste's digit-sum rule: the crate does.",
        })
    }
}

/// The description of a digits error, for a number whose codes are given in the order empty,
/// invalid character, length.
fn describe_digits(
    error: DigitsError,
    subject: (&'static str, &'static str),
    [empty, character, length]: [Code; 3],
) -> Description {
    let (fr, en) = error.predicates();
    match error {
        DigitsError::Empty => Description::new(empty, subject, fr, en),
        DigitsError::InvalidCharacter {
            character: c,
            index,
        } => Description::new(character, subject, fr, en)
            .with("index", index)
            .with("character", c.to_string()),
        DigitsError::InvalidLength { expected, found } => Description::new(length, subject, fr, en)
            .with("expected", expected)
            .with("found", found),
    }
}

const SIREN: (&str, &str) = ("le numéro SIREN", "the SIREN number");
const SIRET: (&str, &str) = ("le numéro SIRET", "the SIRET number");

impl Diagnostic for SirenError {
    fn describe(&self) -> Description {
        match *self {
            Self::Digits(e) => describe_digits(
                e,
                SIREN,
                [
                    Code::SirenEmpty,
                    Code::SirenInvalidCharacter,
                    Code::SirenLength,
                ],
            ),
            Self::Checksum => Description::new(
                Code::SirenChecksum,
                SIREN,
                "n'est pas valide : sa clé ne respecte pas la formule de Luhn",
                "is not valid: its check digit fails the Luhn formula",
            ),
        }
    }
}

impl Diagnostic for SiretError {
    fn describe(&self) -> Description {
        match *self {
            Self::Digits(e) => describe_digits(
                e,
                SIRET,
                [
                    Code::SiretEmpty,
                    Code::SiretInvalidCharacter,
                    Code::SiretLength,
                ],
            ),
            Self::SirenChecksum => Description::new(
                Code::SiretChecksum,
                SIRET,
                "n'est pas valide : la clé du SIREN (les 9 premiers chiffres) ne respecte pas la \
                 formule de Luhn",
                "is not valid: the SIREN check digit (first 9 digits) fails the Luhn formula",
            )
            .with("key", "siren"),
            Self::SiretChecksum { .. } => Description::new(
                Code::SiretChecksum,
                SIRET,
                "n'est pas valide : la clé du SIRET ne respecte pas la formule de Luhn ou n'est \
                 pas un SIRET de La Poste",
                "is not valid: the SIRET check digit fails the Luhn formula and it is not a La \
                 Poste SIRET",
            )
            .with("key", "siret"),
        }
    }
}
