//! The fast path: French numbers and those of the overseas departments and
//! Saint-Pierre-et-Miquelon, decided from a table of numbering ranges, without regexes and
//! without loading the engine.
//!
//! The table is libphonenumber's metadata (v9.0.42, as shipped by `rlibphonenumber` 2.2.15) for
//! the country codes +33, +590, +596, +594, +262 and +508, classified by the engine itself: the
//! generator `print_the_range_table` in `tests/it/phone_fast_path.rs` asks it, for every
//! national prefix of 5 digits (2 for 6-digit numbers), the region and type of numbers of that
//! prefix (with 10 suffixes, which must agree), merges neighbouring prefixes of the same region
//! and mobility, and prints the rows below:
//!
//! ```text
//! cargo test --all-features --test it -- --ignored --nocapture print_the_range_table
//! ```
//!
//! Every number of a range is valid, of that region, mobile or not; a number in no range is
//! invalid. The differential tests of the same file check the table against the engine for
//! every 5-digit national prefix, and for 20 numbers of each 3-digit block in each common
//! spelling (spaces, dots, dashes, `+33`, `0033`, `+33 (0)`), so a metadata update that moves a
//! range fails the build, naming the block.

use super::{E164, PhoneNumber, PhoneNumberError};

/// A range of national numbers: those whose first digits are between `first` and `last`, both
/// taken as numbers of the plan's national length.
#[derive(Debug, Clone, Copy)]
struct Range {
    first: u32,
    last: u32,
    region: &'static str,
    mobile: bool,
}

/// A country code of the fast path: its national numbers of one length, and their ranges.
struct Plan {
    code: &'static str,
    len: usize,
    ranges: &'static [Range],
}

/// libphonenumber's types "mobile" and "fixed line or mobile".
const MOBILE: bool = true;
/// Every other type: fixed line, toll-free, premium rate, shared cost, VoIP, UAN.
const OTHER: bool = false;

const FR: &str = "FR";
const GP: &str = "GP";
const BL: &str = "BL";
const MF: &str = "MF";
const MQ: &str = "MQ";
const GF: &str = "GF";
const RE: &str = "RE";
const YT: &str = "YT";
const PM: &str = "PM";

/// The value of the ASCII digits `digits` followed by `len - digits.len()` copies of `fill`.
const fn padded(digits: &str, len: usize, fill: u32) -> u32 {
    let bytes = digits.as_bytes();
    assert!(!bytes.is_empty() && bytes.len() <= len);
    let mut value = 0;
    let mut i = 0;
    while i < len {
        let digit = if i < bytes.len() {
            assert!(bytes[i].is_ascii_digit());
            (bytes[i] - b'0') as u32
        } else {
            fill
        };
        value = value * 10 + digit;
        i += 1;
    }
    value
}

/// The ranges of a plan from rows `(first, last, region, mobile)`, checked at compile time to be
/// prefixes of equal length, in increasing order and disjoint.
const fn ranges<const N: usize>(
    len: usize,
    rows: [(&str, &str, &'static str, bool); N],
) -> [Range; N] {
    let empty = Range {
        first: 0,
        last: 0,
        region: "",
        mobile: false,
    };
    let mut out = [empty; N];
    let mut i = 0;
    while i < N {
        let (first, last, region, mobile) = rows[i];
        assert!(first.len() == last.len());
        out[i] = Range {
            first: padded(first, len, 0),
            last: padded(last, len, 9),
            region,
            mobile,
        };
        assert!(out[i].first <= out[i].last);
        assert!(i == 0 || out[i - 1].last < out[i].first);
        i += 1;
    }
    out
}

/// +33: Mainland France (FR).
const FRANCE: [Range; 16] = ranges(
    9,
    [
        ("100", "261", FR, OTHER),
        ("263", "399", FR, OTHER),
        ("41", "58", FR, OTHER),
        ("591", "593", FR, OTHER),
        ("595", "599", FR, OTHER),
        ("600", "638", FR, MOBILE),
        ("64", "68", FR, MOBILE),
        ("695", "695", FR, MOBILE),
        ("698", "699", FR, MOBILE),
        ("73", "79", FR, MOBILE),
        ("80000", "83603", FR, OTHER),
        ("83606", "84099", FR, OTHER),
        ("842", "842", FR, OTHER),
        ("844", "844", FR, OTHER),
        ("85", "86", FR, OTHER),
        ("88", "99", FR, OTHER),
    ],
);

/// +590: Guadeloupe (GP), Saint-Barthélemy (BL) and Saint-Martin (MF).
const GUADELOUPE: [Range; 39] = ranges(
    9,
    [
        ("59000", "59000", MF, OTHER),
        ("59001", "59006", GP, OTHER),
        ("59007", "59007", MF, OTHER),
        ("59008", "59008", GP, OTHER),
        ("59009", "59009", MF, OTHER),
        ("59010", "59012", GP, OTHER),
        ("59013", "59013", MF, OTHER),
        ("59014", "59026", GP, OTHER),
        ("59027", "59027", BL, OTHER),
        ("59028", "59028", GP, OTHER),
        ("59029", "59029", BL, OTHER),
        ("59030", "59030", MF, OTHER),
        ("59031", "59042", GP, OTHER),
        ("59043", "59043", MF, OTHER),
        ("59044", "59049", GP, OTHER),
        ("59050", "59050", MF, OTHER),
        ("59051", "59052", BL, OTHER),
        ("59053", "59055", GP, OTHER),
        ("59056", "59056", MF, OTHER),
        ("59057", "59057", GP, OTHER),
        ("59058", "59058", MF, OTHER),
        ("59059", "59066", GP, OTHER),
        ("59068", "59070", GP, OTHER),
        ("59077", "59077", MF, OTHER),
        ("59078", "59078", GP, OTHER),
        ("59079", "59079", MF, OTHER),
        ("59080", "59086", GP, OTHER),
        ("59087", "59087", BL, OTHER),
        ("59088", "59099", GP, OTHER),
        ("5987", "5987", GP, OTHER),
        ("690", "690", GP, MOBILE),
        ("69122", "69135", GP, MOBILE),
        ("70900", "70904", GP, MOBILE),
        ("80", "82", GP, OTHER),
        ("89", "89", GP, OTHER),
        ("9395", "9397", GP, OTHER),
        ("94750", "94756", GP, OTHER),
        ("9760", "9761", GP, OTHER),
        ("9768", "9768", GP, OTHER),
    ],
);

/// +596: Martinique (MQ).
const MARTINIQUE: [Range; 13] = ranges(
    9,
    [
        ("59600", "59610", MQ, OTHER),
        ("59615", "59615", MQ, OTHER),
        ("59627", "59683", MQ, OTHER),
        ("59689", "59690", MQ, OTHER),
        ("59694", "59699", MQ, OTHER),
        ("5989", "5989", MQ, OTHER),
        ("696", "697", MQ, MOBILE),
        ("70910", "70913", MQ, MOBILE),
        ("80", "82", MQ, OTHER),
        ("89", "89", MQ, OTHER),
        ("93970", "93973", MQ, OTHER),
        ("9477", "9477", MQ, OTHER),
        ("9766", "9767", MQ, OTHER),
    ],
);

/// +594: French Guiana (GF).
const GUIANA: [Range; 15] = ranges(
    9,
    [
        ("59400", "59415", GF, OTHER),
        ("5942", "5944", GF, OTHER),
        ("59456", "59463", GF, OTHER),
        ("59480", "59480", GF, OTHER),
        ("5949", "5949", GF, OTHER),
        ("5988", "5988", GF, OTHER),
        ("69400", "69438", GF, MOBILE),
        ("6944", "6944", GF, MOBILE),
        ("6949", "6949", GF, MOBILE),
        ("70930", "70933", GF, MOBILE),
        ("80", "82", GF, OTHER),
        ("89", "89", GF, OTHER),
        ("9396", "9396", GF, OTHER),
        ("94760", "94766", GF, OTHER),
        ("976", "976", GF, OTHER),
    ],
);

/// +262: Réunion (RE) and Mayotte (YT).
const REUNION: [Range; 46] = ranges(
    9,
    [
        ("26200", "26316", RE, OTHER),
        ("2688", "2688", RE, OTHER),
        ("26890", "26904", YT, OTHER),
        ("26906", "26907", YT, OTHER),
        ("26915", "26915", YT, OTHER),
        ("26950", "26954", YT, OTHER),
        ("26960", "26970", YT, OTHER),
        ("26980", "26980", YT, OTHER),
        ("63900", "63907", YT, MOBILE),
        ("63909", "63911", YT, MOBILE),
        ("63919", "63930", YT, MOBILE),
        ("63939", "63940", YT, MOBILE),
        ("63950", "63950", YT, MOBILE),
        ("63955", "63979", YT, MOBILE),
        ("63990", "63990", YT, MOBILE),
        ("63994", "63997", YT, MOBILE),
        ("63999", "63999", YT, MOBILE),
        ("69200", "69306", RE, MOBILE),
        ("69310", "69313", RE, MOBILE),
        ("69320", "69322", RE, MOBILE),
        ("69330", "69333", RE, MOBILE),
        ("69339", "69355", RE, MOBILE),
        ("69360", "69366", RE, MOBILE),
        ("69370", "69373", RE, MOBILE),
        ("69377", "69377", RE, MOBILE),
        ("69380", "69388", RE, MOBILE),
        ("69390", "69394", RE, MOBILE),
        ("69397", "69397", RE, MOBILE),
        ("69399", "69399", RE, MOBILE),
        ("70920", "70923", RE, MOBILE),
        ("70935", "70937", YT, MOBILE),
        ("800", "811", RE, OTHER),
        ("819", "821", RE, OTHER),
        ("825", "826", RE, OTHER),
        ("884", "884", RE, OTHER),
        ("890", "893", RE, OTHER),
        ("897", "899", RE, OTHER),
        ("93980", "93981", YT, OTHER),
        ("93990", "93993", RE, OTHER),
        ("94780", "94781", YT, OTHER),
        ("94790", "94796", RE, OTHER),
        ("97622", "97622", RE, OTHER),
        ("97627", "97628", RE, OTHER),
        ("97630", "97633", RE, OTHER),
        ("97637", "97637", RE, OTHER),
        ("9769", "9769", YT, OTHER),
    ],
);

/// +508: Saint-Pierre-et-Miquelon (PM), 6-digit numbers.
const SAINT_PIERRE_6: [Range; 7] = ranges(
    6,
    [
        ("20", "40", PM, MOBILE),
        ("41", "41", PM, OTHER),
        ("42", "44", PM, MOBILE),
        ("45", "47", PM, OTHER),
        ("48", "50", PM, MOBILE),
        ("51", "51", PM, OTHER),
        ("52", "99", PM, MOBILE),
    ],
);

/// +508: Saint-Pierre-et-Miquelon (PM), 9-digit numbers.
const SAINT_PIERRE_9: [Range; 4] = ranges(
    9,
    [
        ("70840", "70845", PM, MOBILE),
        ("70850", "70856", PM, MOBILE),
        ("80", "82", PM, OTHER),
        ("89", "89", PM, OTHER),
    ],
);
/// The plans, by country code then length.
const PLANS: [Plan; 7] = [
    Plan {
        code: "33",
        len: 9,
        ranges: &FRANCE,
    },
    Plan {
        code: "590",
        len: 9,
        ranges: &GUADELOUPE,
    },
    Plan {
        code: "596",
        len: 9,
        ranges: &MARTINIQUE,
    },
    Plan {
        code: "594",
        len: 9,
        ranges: &GUIANA,
    },
    Plan {
        code: "262",
        len: 9,
        ranges: &REUNION,
    },
    Plan {
        code: "508",
        len: 6,
        ranges: &SAINT_PIERRE_6,
    },
    Plan {
        code: "508",
        len: 9,
        ranges: &SAINT_PIERRE_9,
    },
];

/// The country code of the numbers written in domestic form with the overseas `region`'s
/// prefixes, or France's.
fn domestic_code(region: &str) -> &'static str {
    match region {
        GP => "590",
        MQ => "596",
        GF => "594",
        RE | YT => "262",
        _ => "33",
    }
}

/// Decides `digits` (ASCII digits, after a `+` when `plus`) when it has one of the fast path's
/// shapes, as libphonenumber does; `None` otherwise, for the engine.
///
/// The shapes: a domestic number (`0` and 9 digits, the second not `0`), read in the region its
/// prefix designates (`domestic_region`); a number written with `+` or `00` and a country code
/// of the table, then the national number, possibly after one trunk `0` (`+33 (0)6…`), which
/// libphonenumber strips. The national number must have a length of the plan and not start with
/// `0`.
pub(super) fn parse(
    plus: bool,
    digits: &str,
    domestic_region: impl FnOnce() -> &'static str,
) -> Option<Result<PhoneNumber, PhoneNumberError>> {
    let (code, national) = if !plus && digits.len() == 10 && digits.starts_with('0') {
        (domestic_code(domestic_region()), &digits[1..])
    } else {
        let international = if plus {
            digits
        } else {
            digits.strip_prefix("00")?
        };
        let plan = PLANS.iter().find(|p| international.starts_with(p.code))?;
        let national = &international[plan.code.len()..];
        (plan.code, national.strip_prefix('0').unwrap_or(national))
    };
    if national.starts_with('0') {
        return None;
    }
    let plan = PLANS
        .iter()
        .find(|p| p.code == code && p.len == national.len())?;
    let value: u32 = national.parse().ok()?;
    let at = plan.ranges.partition_point(|range| range.last < value);
    let Some(range) = plan.ranges.get(at).filter(|range| range.first <= value) else {
        return Some(Err(PhoneNumberError::Invalid));
    };
    Some(Ok(PhoneNumber {
        e164: E164::from_parts(code, national)?,
        country_code_len: u8::try_from(code.len()).ok()?,
        region: Some(range.region),
        mobile: range.mobile,
    }))
}

/// The length of the country code `digits` starts with, when it is one of the table's.
pub(super) fn country_code_len(digits: &str) -> Option<u8> {
    PLANS
        .iter()
        .find(|plan| digits.starts_with(plan.code))
        .and_then(|plan| u8::try_from(plan.code.len()).ok())
}
