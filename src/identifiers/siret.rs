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

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use super::{TRIM, string_newtype, string_schema};
use crate::diagnostic::{Diagnostic, params};

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
    /// Nothing is left after trimming.
    #[error("empty SIREN")]
    Empty,
    /// A character that is neither an ASCII digit nor an allowed separator.
    #[error("unexpected character {character:?} at index {index}")]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 0-based character index in the input as given.
        index: usize,
    },
    /// The number of digits is not 9.
    #[error("invalid length: expected 9 digits, found {found}")]
    InvalidLength {
        /// How many digits were found.
        found: usize,
    },
    /// The 9 digits fail the Luhn check.
    #[error("invalid SIREN checksum")]
    Checksum,
}

/// Why a string is not a valid [`Siret`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SiretError {
    /// Nothing is left after trimming.
    #[error("empty SIRET")]
    Empty,
    /// A character that is neither an ASCII digit nor an allowed separator.
    #[error("unexpected character {character:?} at index {index}")]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 0-based character index in the input as given.
        index: usize,
    },
    /// The number of digits is not 14.
    #[error("invalid length: expected 14 digits, found {found}")]
    InvalidLength {
        /// How many digits were found.
        found: usize,
    },
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

/// A failure of the shared digit scanner, before the type-specific checks.
#[derive(Clone, Copy)]
enum ScanError {
    Empty,
    InvalidCharacter { character: char, index: usize },
    InvalidLength { found: usize },
}

/// Extracts exactly `N` ASCII digits from `input`, dropping surrounding whitespace, inner spaces
/// (U+0020, U+00A0, U+202F) and dots that have a digit on each side.
fn scan_digits<const N: usize>(input: &str) -> Result<[u8; N], ScanError> {
    let trimmed = input.trim_start();
    // Index of the first kept character in the input as given.
    let offset = input[..input.len() - trimmed.len()].chars().count();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return Err(ScanError::Empty);
    }
    let mut digits = [0u8; N];
    let mut found = 0usize;
    let mut previous: Option<char> = None;
    let mut chars = trimmed.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '0'..='9' => {
                if let Some(slot) = digits.get_mut(found) {
                    *slot = c as u8;
                }
                found += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' => {}
            '.' if previous.is_some_and(|p| p.is_ascii_digit())
                && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit()) => {}
            _ => {
                return Err(ScanError::InvalidCharacter {
                    character: c,
                    index: offset + i,
                });
            }
        }
        previous = Some(c);
    }
    if found == N {
        Ok(digits)
    } else {
        Err(ScanError::InvalidLength { found })
    }
}

/// The Luhn sum of ASCII digits, doubling the digits whose 0-based position from the right has
/// the parity `doubled` (1 to check a number, 0 to compute the digit that completes it).
fn luhn_sum(digits: &[u8], doubled: usize) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == doubled {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum()
}

/// The Luhn check: doubling every second digit from the right, the sum is a multiple of 10.
fn luhn(digits: &[u8]) -> bool {
    luhn_sum(digits, 1).is_multiple_of(10)
}

/// The Luhn check digit that completes `digits` (used to build valid numbers in strategies).
#[cfg(feature = "proptest")]
pub(crate) fn luhn_check_digit(digits: &[u8]) -> u8 {
    let check = (10 - luhn_sum(digits, 0) % 10) % 10;
    b'0' + u8::try_from(check).unwrap_or(0)
}

fn digits_str(digits: &[u8]) -> &str {
    // The arrays only ever hold ASCII digits (checked by `scan_digits`), so this never fails.
    std::str::from_utf8(digits).unwrap_or_default()
}

impl Siren {
    /// Parses a SIREN; same as [`FromStr`].
    ///
    /// # Errors
    /// `""` ([`SirenError::Empty`]), `"73282932A"` ([`SirenError::InvalidCharacter`]),
    /// `"73282932"` ([`SirenError::InvalidLength`]), `"732829321"` ([`SirenError::Checksum`]).
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
        let digits = scan_digits::<9>(input).map_err(|e| match e {
            ScanError::Empty => SirenError::Empty,
            ScanError::InvalidCharacter { character, index } => {
                SirenError::InvalidCharacter { character, index }
            }
            ScanError::InvalidLength { found } => SirenError::InvalidLength { found },
        })?;
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
    /// `""` ([`SiretError::Empty`]), `"1234567891234A"` ([`SiretError::InvalidCharacter`] at
    /// index 13), `"7328293200007"` ([`SiretError::InvalidLength`]), `"12345678901234"` and
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
        let digits = scan_digits::<14>(input).map_err(|e| match e {
            ScanError::Empty => SiretError::Empty,
            ScanError::InvalidCharacter { character, index } => {
                SiretError::InvalidCharacter { character, index }
            }
            ScanError::InvalidLength { found } => SiretError::InvalidLength { found },
        })?;
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

string_newtype!(Siren, SirenError, "a SIREN number (9 digits)");
string_newtype!(Siret, SiretError, "a SIRET number (14 digits)");

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
        string_schema(
            &format!("^{TRIM}[0-9](?:{SEP}[0-9]){{8}}{TRIM}$"),
            "SIREN number (numéro SIREN): 9 digits, spaces or dots between digits accepted; \
             written back as 9 digits. The schema cannot check the Luhn key: the crate does.",
        )
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
        string_schema(
            &format!("^{TRIM}[0-9](?:{SEP}[0-9]){{13}}{TRIM}$"),
            "SIRET number (numéro SIRET): 14 digits, spaces or dots between digits accepted; \
             written back as 14 digits. The schema cannot check the SIREN and SIRET Luhn keys \
             nor La Poste's digit-sum rule: the crate does.",
        )
    }
}

/// Texts shared by [`SirenError`] and [`SiretError`] for the scanner's failures, for a number of
/// `expected` digits.
impl ScanError {
    fn predicate_fr(self, expected: usize) -> String {
        match self {
            Self::Empty => "doit être rempli".to_owned(),
            Self::InvalidCharacter { character, index } => format!(
                "contient un caractère non autorisé (« {character} », position {})",
                index + 1
            ),
            Self::InvalidLength { found } => {
                let s = if found > 1 { "s" } else { "" };
                format!("ne possède pas {expected} chiffres ({found} trouvé{s})")
            }
        }
    }

    fn predicate_en(self, expected: usize) -> String {
        match self {
            Self::Empty => "must be filled in".to_owned(),
            Self::InvalidCharacter { character, index } => format!(
                "contains a character that is not allowed ('{character}', position {})",
                index + 1
            ),
            Self::InvalidLength { found } => {
                format!("does not have {expected} digits ({found} found)")
            }
        }
    }

    fn params(self, expected: usize) -> serde_json::Map<String, Value> {
        match self {
            Self::Empty => serde_json::Map::new(),
            Self::InvalidCharacter { character, index } => {
                params([("index", json!(index)), ("character", json!(character))])
            }
            Self::InvalidLength { found } => {
                params([("expected", json!(expected)), ("found", json!(found))])
            }
        }
    }
}

impl SirenError {
    fn scan(self) -> Option<ScanError> {
        match self {
            Self::Empty => Some(ScanError::Empty),
            Self::InvalidCharacter { character, index } => {
                Some(ScanError::InvalidCharacter { character, index })
            }
            Self::InvalidLength { found } => Some(ScanError::InvalidLength { found }),
            Self::Checksum => None,
        }
    }
}

impl SiretError {
    fn scan(self) -> Option<ScanError> {
        match self {
            Self::Empty => Some(ScanError::Empty),
            Self::InvalidCharacter { character, index } => {
                Some(ScanError::InvalidCharacter { character, index })
            }
            Self::InvalidLength { found } => Some(ScanError::InvalidLength { found }),
            Self::SirenChecksum | Self::SiretChecksum { .. } => None,
        }
    }
}

impl Diagnostic for SirenError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty => "siren.empty",
            Self::InvalidCharacter { .. } => "siren.invalid_character",
            Self::InvalidLength { .. } => "siren.length",
            Self::Checksum => "siren.checksum",
        }
    }

    fn subject_fr(&self) -> &'static str {
        "le numéro SIREN"
    }

    fn subject_en(&self) -> &'static str {
        "the SIREN number"
    }

    fn predicate_fr(&self) -> String {
        self.scan().map_or_else(
            || "n'est pas valide : sa clé ne respecte pas la formule de Luhn".to_owned(),
            |scan| scan.predicate_fr(9),
        )
    }

    fn predicate_en(&self) -> String {
        self.scan().map_or_else(
            || "is not valid: its check digit fails the Luhn formula".to_owned(),
            |scan| scan.predicate_en(9),
        )
    }

    fn params(&self) -> serde_json::Map<String, Value> {
        self.scan().map(|scan| scan.params(9)).unwrap_or_default()
    }
}

impl Diagnostic for SiretError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty => "siret.empty",
            Self::InvalidCharacter { .. } => "siret.invalid_character",
            Self::InvalidLength { .. } => "siret.length",
            Self::SirenChecksum | Self::SiretChecksum { .. } => "siret.checksum",
        }
    }

    fn subject_fr(&self) -> &'static str {
        "le numéro SIRET"
    }

    fn subject_en(&self) -> &'static str {
        "the SIRET number"
    }

    fn predicate_fr(&self) -> String {
        match self {
            Self::SirenChecksum => "n'est pas valide : la clé du SIREN (les 9 premiers chiffres) \
                                    ne respecte pas la formule de Luhn"
                .to_owned(),
            Self::SiretChecksum { .. } => "n'est pas valide : la clé du SIRET ne respecte pas la \
                                           formule de Luhn ou n'est pas un SIRET de La Poste"
                .to_owned(),
            Self::Empty | Self::InvalidCharacter { .. } | Self::InvalidLength { .. } => self
                .scan()
                .map(|scan| scan.predicate_fr(14))
                .unwrap_or_default(),
        }
    }

    fn predicate_en(&self) -> String {
        match self {
            Self::SirenChecksum => {
                "is not valid: the SIREN check digit (first 9 digits) fails the Luhn formula"
                    .to_owned()
            }
            Self::SiretChecksum { .. } => "is not valid: the SIRET check digit fails the Luhn \
                                           formula and it is not a La Poste SIRET"
                .to_owned(),
            Self::Empty | Self::InvalidCharacter { .. } | Self::InvalidLength { .. } => self
                .scan()
                .map(|scan| scan.predicate_en(14))
                .unwrap_or_default(),
        }
    }

    fn params(&self) -> serde_json::Map<String, Value> {
        match self {
            Self::SirenChecksum => params([("key", json!("siren"))]),
            Self::SiretChecksum { .. } => params([("key", json!("siret"))]),
            Self::Empty | Self::InvalidCharacter { .. } | Self::InvalidLength { .. } => {
                self.scan().map(|scan| scan.params(14)).unwrap_or_default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_matches_the_rules_file_examples() {
        assert!(luhn(b"732829320"));
        assert!(luhn(b"73282932000074"));
        assert!(!luhn(b"35600000009075"));
        assert!(luhn(b"356000000"));
    }
}
