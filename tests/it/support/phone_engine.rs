//! The reference for phone tests: libphonenumber (the `rlibphonenumber` crate) called directly,
//! on the text as typed, with the region the crate's rule picks. The crate must give the same
//! verdict, E.164 form, region and mobile flag, except for the two refusals it documents (more
//! than 15 digits, an E.164 form that does not read back).

use datapass_psc::PhoneNumber;
use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat, PhoneNumberType, Region};

/// What the engine says of a valid number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub e164: String,
    pub region: Option<String>,
    pub mobile: bool,
}

impl Verdict {
    /// The crate's view of a parsed number, to compare with the engine's.
    pub fn of(phone: &PhoneNumber) -> Self {
        Self {
            e164: phone.as_str().to_owned(),
            region: phone.region().map(str::to_owned),
            mobile: phone.is_mobile(),
        }
    }

    /// Whether the E.164 form can be stored: at most 15 digits, and it parses back, valid, to
    /// itself.
    pub fn is_storable(&self) -> bool {
        self.e164.len() <= 16 && engine(&self.e164, None).is_some_and(|again| again == *self)
    }
}

/// The crate's rule for the region of a number without a country code: the overseas department
/// that a 10-digit domestic number's prefix designates, else France.
pub fn default_region(input: &str) -> Region {
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let plus = input.trim_start().starts_with('+');
    if plus || digits.len() != 10 || !digits.starts_with('0') {
        return Region::FR;
    }
    match &digits[..4] {
        "0590" | "0690" | "0691" => Region::GP,
        "0596" | "0696" | "0697" => Region::MQ,
        "0594" | "0694" => Region::GF,
        "0262" | "0263" | "0268" | "0692" | "0693" => Region::RE,
        "0269" | "0639" => Region::YT,
        _ => Region::FR,
    }
}

/// The engine's verdict on `input` as typed (whitespace read as spaces), or `None` when it does
/// not parse or is not valid.
pub fn engine(input: &str, region: Option<Region>) -> Option<Verdict> {
    let text: String = input
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let util = &*PHONE_NUMBER_UTIL;
    let number = util.parse(&text, region).ok()?;
    let number_type = util.get_number_type(&number);
    if number_type == PhoneNumberType::Unknown {
        return None;
    }
    assert!(
        util.is_valid_number(&number),
        "type without validity: {text:?}"
    );
    Some(Verdict {
        e164: util.format(&number, PhoneNumberFormat::E164).into_owned(),
        region: util
            .get_region_for_number(&number)
            .filter(|r| *r != Region::World)
            .map(|r| r.to_string()),
        mobile: matches!(
            number_type,
            PhoneNumberType::Mobile | PhoneNumberType::FixedLineOrMobile
        ),
    })
}

/// What the crate must answer for `input` (an input its grammar admits, without extension): the
/// engine's verdict with the crate's region rule, when its E.164 form can be stored.
pub fn expected(input: &str) -> Option<Verdict> {
    engine(input, Some(default_region(input))).filter(Verdict::is_storable)
}

/// Every example number of libphonenumber's metadata, in E.164: each type of each region, and
/// each non-geographic calling code (`+800`, `+808`…).
pub fn example_numbers() -> Vec<String> {
    let util = &*PHONE_NUMBER_UTIL;
    let mut examples = Vec::new();
    let mut regions: Vec<Region> = util.get_supported_regions().collect();
    regions.sort();
    for region in regions {
        let types = util
            .get_supported_types_for_region(region)
            .unwrap_or_default();
        for number_type in ALL_TYPES {
            if !types.contains(&number_type) {
                continue;
            }
            if let Ok(number) = util.get_example_number_for_type_and_region(region, number_type) {
                examples.push(util.format(&number, PhoneNumberFormat::E164).into_owned());
            }
        }
    }
    let mut codes: Vec<i32> = util.get_supported_global_network_calling_codes().collect();
    codes.sort_unstable();
    for code in codes {
        if let Ok(number) = util.get_example_number_for_non_geo_entity(code) {
            examples.push(util.format(&number, PhoneNumberFormat::E164).into_owned());
        }
    }
    examples
}

/// Every country calling code of the metadata.
pub fn calling_codes() -> Vec<String> {
    let mut codes: Vec<i32> = PHONE_NUMBER_UTIL.get_supported_calling_codes().collect();
    codes.sort_unstable();
    codes.into_iter().map(|code| code.to_string()).collect()
}

/// The number types of libphonenumber, in a fixed order.
const ALL_TYPES: [PhoneNumberType; 11] = [
    PhoneNumberType::FixedLine,
    PhoneNumberType::Mobile,
    PhoneNumberType::FixedLineOrMobile,
    PhoneNumberType::TollFree,
    PhoneNumberType::PremiumRate,
    PhoneNumberType::SharedCost,
    PhoneNumberType::VoIP,
    PhoneNumberType::PersonalNumber,
    PhoneNumberType::Pager,
    PhoneNumberType::UAN,
    PhoneNumberType::VoiceMail,
];
