//! The libphonenumber engine (the `rlibphonenumber` crate and its metadata), loaded on first use.

use std::sync::OnceLock;

use rlibphonenumber::{
    PHONE_NUMBER_UTIL, PhoneNumberFormat, PhoneNumberType, PhoneNumberUtil, Region,
};

use super::{E164, PhoneNumber, PhoneNumberError};

/// The engine, once this crate has asked for it.
static ENGINE: OnceLock<&'static PhoneNumberUtil> = OnceLock::new();

/// The engine; its metadata is decoded on the first call of the process.
fn engine() -> &'static PhoneNumberUtil {
    ENGINE.get_or_init(|| &PHONE_NUMBER_UTIL)
}

/// Whether this crate has loaded the engine in this process.
pub(super) fn is_loaded() -> bool {
    ENGINE.get().is_some()
}

/// Parses `digits` (ASCII digits, after a `+` when `plus`) with libphonenumber, reading a number
/// written without a country code in `default_region`.
///
/// The number is accepted when the metadata gives it a type (which is libphonenumber's
/// validity), its E.164 form has at most 15 digits, and that form parses back to itself (some
/// valid numbers do not: see `round_trips`).
pub(super) fn parse(
    plus: bool,
    digits: &str,
    default_region: &str,
) -> Result<PhoneNumber, PhoneNumberError> {
    let util = engine();
    let region = Region::from_code(default_region).map_err(|_| PhoneNumberError::Invalid)?;
    let text = if plus {
        format!("+{digits}")
    } else {
        digits.to_owned()
    };
    let parsed = util
        .parse(&text, Some(region))
        .map_err(|_| PhoneNumberError::Invalid)?;
    // `get_number_type` is `Unknown` exactly when `is_valid_number` is false: one pass gives both
    // the verdict and the mobile flag.
    let number_type = util.get_number_type(&parsed);
    if number_type == PhoneNumberType::Unknown {
        return Err(PhoneNumberError::Invalid);
    }
    let e164 = E164::new(&util.format(&parsed, PhoneNumberFormat::E164))
        .ok_or(PhoneNumberError::Invalid)?;
    // The same text parses the same way: only a number read in national form, or whose national
    // prefix libphonenumber stripped, needs the check that its E.164 form reads back.
    let as_written = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    if as_written != Some(e164.digits()) && !round_trips(util, &e164) {
        return Err(PhoneNumberError::Invalid);
    }
    let country_code_len = match parsed.country_code {
        0..10 => 1,
        10..100 => 2,
        _ => 3,
    };
    Ok(PhoneNumber {
        e164,
        country_code_len,
        region: util.get_region_for_number(&parsed).and_then(region_code),
        mobile: matches!(
            number_type,
            PhoneNumberType::Mobile | PhoneNumberType::FixedLineOrMobile
        ),
    })
}

/// Whether `e164` parses to a valid number whose E.164 form is `e164` again.
///
/// libphonenumber strips a national prefix from the national number even after a country code:
/// `+375 0 8100234825` is a valid Belarusian number, `+3758100234825`, but parsing that E.164
/// form strips `8` (Belarus's `nationalPrefixForParsing` is `0|80?`) and finds an invalid
/// number. Storing such a number would write a request that no longer reads.
fn round_trips(util: &PhoneNumberUtil, e164: &E164) -> bool {
    util.parse(e164.as_str(), None).is_ok_and(|again| {
        util.get_number_type(&again) != PhoneNumberType::Unknown
            && util.format(&again, PhoneNumberFormat::E164) == e164.as_str()
    })
}

/// The number of digits of the country calling code `digits` starts with, as libphonenumber
/// reads it (the first 1, 2 or 3 digits that are a known calling code).
pub(super) fn country_code_len(digits: &str) -> Option<u8> {
    let util = engine();
    (1..=3u8).find(|&len| {
        digits
            .get(..usize::from(len))
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| util.get_region_for_country_code(code).is_some())
    })
}

/// Every two-letter code, `AA` to `ZZ`, so that the region of a number read by the engine is a
/// `&'static str`.
static LETTER_PAIRS: [u8; 26 * 26 * 2] = letter_pairs();

#[allow(clippy::cast_possible_truncation)] // `i / 26` and `i % 26` are below 26.
const fn letter_pairs() -> [u8; 26 * 26 * 2] {
    let mut pairs = [0; 26 * 26 * 2];
    let mut i = 0;
    while i < 26 * 26 {
        pairs[2 * i] = b'A' + (i / 26) as u8;
        pairs[2 * i + 1] = b'A' + (i % 26) as u8;
        i += 1;
    }
    pairs
}

/// The ISO 3166 code of a region; `None` for libphonenumber's "world" (`001`, non-geographic
/// numbers such as `+800`).
fn region_code(region: Region) -> Option<&'static str> {
    if region == Region::World {
        return None;
    }
    let code = region.as_region_str();
    let &[first, second] = code.as_str().as_bytes() else {
        return None;
    };
    if !first.is_ascii_uppercase() || !second.is_ascii_uppercase() {
        return None;
    }
    let at = 2 * (usize::from(first - b'A') * 26 + usize::from(second - b'A'));
    std::str::from_utf8(&LETTER_PAIRS[at..at + 2]).ok()
}
