//! Reading the digits of a SIREN or SIRET, and the Luhn check both use.

/// Why the digits of a SIREN or SIRET could not be read, before any checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DigitsError {
    /// Nothing is left after trimming.
    #[error("empty number")]
    Empty,
    /// A character that is neither an ASCII digit nor an allowed separator.
    #[error("unexpected character {character:?} at index {index}")]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 0-based character index in the input as given.
        index: usize,
    },
    /// Not the expected number of digits.
    #[error("invalid length: expected {expected} digits, found {found}")]
    InvalidLength {
        /// How many digits the number has (9 or 14).
        expected: usize,
        /// How many digits were found.
        found: usize,
    },
}

impl DigitsError {
    /// What is wrong, in French and English, for a number named by its caller's subject.
    pub(crate) fn predicates(self) -> (String, String) {
        match self {
            Self::Empty => (
                "doit être rempli".to_owned(),
                "must be filled in".to_owned(),
            ),
            Self::InvalidCharacter { character, index } => (
                format!(
                    "contient un caractère non autorisé (« {character} », position {})",
                    index + 1
                ),
                format!(
                    "contains a character that is not allowed ('{character}', position {})",
                    index + 1
                ),
            ),
            Self::InvalidLength { expected, found } => {
                let s = if found > 1 { "s" } else { "" };
                (
                    format!("ne possède pas {expected} chiffres ({found} trouvé{s})"),
                    format!("does not have {expected} digits ({found} found)"),
                )
            }
        }
    }
}

/// Extracts exactly `N` ASCII digits from `input`, dropping surrounding whitespace, inner spaces
/// (U+0020, U+00A0, U+202F) and dots that have a digit on each side.
pub(crate) fn scan_digits<const N: usize>(input: &str) -> Result<[u8; N], DigitsError> {
    let trimmed = input.trim_start();
    // Index of the first kept character in the input as given.
    let offset = input[..input.len() - trimmed.len()].chars().count();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return Err(DigitsError::Empty);
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
                return Err(DigitsError::InvalidCharacter {
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
        Err(DigitsError::InvalidLength { expected: N, found })
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
pub(crate) fn luhn(digits: &[u8]) -> bool {
    luhn_sum(digits, 1).is_multiple_of(10)
}

/// The Luhn check digit that completes `digits` (used to build valid numbers in strategies).
#[cfg(feature = "proptest")]
pub(crate) fn luhn_check_digit(digits: &[u8]) -> u8 {
    let check = (10 - luhn_sum(digits, 0) % 10) % 10;
    b'0' + u8::try_from(check).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_matches_insee_examples() {
        assert!(luhn(b"732829320"));
        assert!(luhn(b"73282932000074"));
        assert!(!luhn(b"35600000009075"));
        assert!(luhn(b"356000000"));
    }
}
