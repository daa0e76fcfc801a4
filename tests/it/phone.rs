//! Phone parsing: the rules-file table, libphonenumber's example numbers for France and each
//! overseas region, the overseas-prefix rule, extensions, `region()`, `is_mobile()`, masking and
//! messages.

use crate::support::parse::{
    assert_err, assert_messages_complete, assert_never_quotes, assert_ok, params_of,
};

/// Parses a phone number, checking its E.164 form and its region.
#[track_caller]
fn assert_phone_ok(input: &str, e164: &str, region: Option<&str>) -> PhoneNumber {
    let phone = assert_ok::<PhoneNumber>(input, e164);
    assert_eq!(phone.region(), region, "region of {input:?}");
    phone
}
use datapass_psc::{Diagnostic, PhoneNumber, PhoneNumberError};
use serde_json::json;

const INVALID: &str = "phone.invalid";
const EXTENSION: &str = "phone.extension";

fn phone(input: &str) -> PhoneNumber {
    input
        .parse()
        .expect("a valid phone number in the test table")
}

fn phone_error(input: &str) -> PhoneNumberError {
    input
        .parse::<PhoneNumber>()
        .expect_err("an invalid phone number")
}

fn invalid_character(index: usize) -> PhoneNumberError {
    PhoneNumberError::InvalidCharacter { index }
}

// ---------------------------------------------------------------------------------------------
// Examples of the phone rule.
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_file_valid_examples() {
    for input in [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
    ] {
        let p = assert_phone_ok(input, "+33612345678", Some("FR"));
        assert!(p.is_mobile(), "{input:?}");
    }
    let fixed = assert_phone_ok("01 42 68 53 00", "+33142685300", Some("FR"));
    assert!(!fixed.is_mobile());
    // Invalid as FR, valid in the overseas region their prefix designates.
    assert_phone_ok("06 90 62 90 42", "+590690629042", Some("GP"));
    assert_phone_ok("06 92 12 34 56", "+262692123456", Some("RE"));
    assert_phone_ok("0596 30 12 34", "+596596301234", Some("MQ"));
    assert_phone_ok("0690 00 12 34", "+590690001234", Some("GP"));
    // International numbers are parsed as written.
    assert_phone_ok("+1 650 253 0000", "+16502530000", Some("US"));
    assert_phone_ok("+44 20 7946 0958", "+442079460958", Some("GB"));
}

#[test]
fn rules_file_extensions() {
    assert_err::<PhoneNumber>(
        "06 12 34 56 78 ext. 12",
        PhoneNumberError::Extension,
        EXTENSION,
    );
    // Domestic form is decided on the number part, before the marker: parsed with GP, valid,
    // then rejected for its extension.
    assert_err::<PhoneNumber>(
        "0690 00 12 34 ext. 5",
        PhoneNumberError::Extension,
        EXTENSION,
    );
}

#[test]
fn rules_file_invalid_examples() {
    for input in [
        "06 12 34 56",
        "07 00 12 34 56",
        "+33 7 00 12 34 56",
        "+32 2 123 45 67",
    ] {
        assert_err::<PhoneNumber>(input, PhoneNumberError::Invalid, INVALID);
    }
    assert_err::<PhoneNumber>("abc", invalid_character(0), INVALID);
}

#[test]
fn no_blind_retry_over_overseas_regions() {
    // `07 00 12 34 56` is invalid in France; a retry over every overseas region would turn it into
    // a "valid" Saint-Pierre-et-Miquelon number. Only the prefix table picks a region.
    assert_err::<PhoneNumber>("07 00 12 34 56", PhoneNumberError::Invalid, INVALID);
    assert_err::<PhoneNumber>("0700123456", PhoneNumberError::Invalid, INVALID);
}

#[test]
fn overseas_numbers_written_with_plus_33_are_parsed_as_written() {
    // python-phonenumbers #241: `+33690629042` is invalid, `+590690629042` valid.
    assert_err::<PhoneNumber>("+33 6 90 62 90 42", PhoneNumberError::Invalid, INVALID);
    assert_err::<PhoneNumber>("0033 6 90 62 90 42", PhoneNumberError::Invalid, INVALID);
    assert_phone_ok("+590 690 62 90 42", "+590690629042", Some("GP"));
    assert_phone_ok("00590 690 62 90 42", "+590690629042", Some("GP"));
}

#[test]
fn blank_is_empty() {
    for input in ["", " ", "\t\r\n", "\u{a0}\u{202f}"] {
        assert_err::<PhoneNumber>(input, PhoneNumberError::Empty, "phone.empty");
    }
}

// ---------------------------------------------------------------------------------------------
// libphonenumber's example numbers (`<exampleNumber>` of fixedLine and mobile) of its metadata
// (google/libphonenumber resources/PhoneNumberMetadata.xml, v9.0.42, the version the
// rlibphonenumber crate 2.2.15 ships; unchanged since v9.0.33).
// ---------------------------------------------------------------------------------------------

/// (region, country code, national number, mobile?) for each example number.
const EXAMPLES: [(&str, &str, &str, bool); 14] = [
    ("FR", "33", "123456789", false),
    ("FR", "33", "612345678", true),
    ("GP", "590", "590201234", false),
    ("GP", "590", "690001234", true),
    ("MQ", "596", "596301234", false),
    ("MQ", "596", "696201234", true),
    ("GF", "594", "594101234", false),
    ("GF", "594", "694201234", true),
    ("RE", "262", "262161234", false),
    ("RE", "262", "692123456", true),
    ("YT", "262", "269601234", false),
    ("YT", "262", "639012345", true),
    // Saint-Pierre-et-Miquelon: both examples match the fixed-line and the mobile patterns, so
    // the metadata calls them "fixed line or mobile", which `is_mobile` counts as mobile
    //.
    ("PM", "508", "430123", true),
    ("PM", "508", "551234", true),
];

#[test]
fn example_numbers_in_e164() {
    for (region, code, national, mobile) in EXAMPLES {
        let e164 = format!("+{code}{national}");
        let p = assert_phone_ok(&e164, &e164, Some(region));
        assert_eq!(p.is_mobile(), mobile, "{e164}");
        // Written with `00` and spaced out, too.
        let spaced = format!("00 {code} {national}");
        assert_phone_ok(&spaced, &e164, Some(region));
    }
}

#[test]
fn example_numbers_in_domestic_form() {
    // France and the five overseas departments: 0 + the 9-digit national number, read in the
    // region its 4-digit prefix designates.
    for (region, code, national, mobile) in EXAMPLES {
        if region == "PM" {
            continue;
        }
        let e164 = format!("+{code}{national}");
        for domestic in [
            format!("0{national}"),
            format!(
                "0{} {} {} {} {}",
                &national[..1],
                &national[1..3],
                &national[3..5],
                &national[5..7],
                &national[7..]
            ),
            format!(
                "0{}.{}.{}.{}",
                &national[..3],
                &national[3..5],
                &national[5..7],
                &national[7..]
            ),
        ] {
            let p = assert_phone_ok(&domestic, &e164, Some(region));
            assert_eq!(p.is_mobile(), mobile, "{domestic}");
        }
    }
}

#[test]
fn saint_pierre_et_miquelon_has_no_domestic_form() {
    // PM numbers are 6 digits, written `+508 …`; PM is not in the prefix table. `0` + the
    // national number is not a 10-digit domestic number, so it is read as FR, where it is invalid.
    assert_err::<PhoneNumber>("0430123", PhoneNumberError::Invalid, INVALID);
    assert_err::<PhoneNumber>("0551234", PhoneNumberError::Invalid, INVALID);
    assert_phone_ok("+508 43 01 23", "+508430123", Some("PM"));
}

#[test]
fn every_prefix_of_the_table() {
    // The overseas-departments trap: each prefix, with a number valid in
    // its region.
    for (domestic, e164, region) in [
        ("0590 20 12 34", "+590590201234", "GP"),
        ("0690 00 12 34", "+590690001234", "GP"),
        ("0691 22 12 34", "+590691221234", "GP"),
        ("0596 30 12 34", "+596596301234", "MQ"),
        ("0696 20 12 34", "+596696201234", "MQ"),
        ("0697 00 12 34", "+596697001234", "MQ"),
        ("0594 10 12 34", "+594594101234", "GF"),
        ("0694 20 12 34", "+594694201234", "GF"),
        ("0262 16 12 34", "+262262161234", "RE"),
        ("0263 10 12 34", "+262263101234", "RE"),
        ("0692 12 34 56", "+262692123456", "RE"),
        ("0693 00 12 34", "+262693001234", "RE"),
        ("0269 60 12 34", "+262269601234", "YT"),
        ("0639 01 23 45", "+262639012345", "YT"),
        // `0268` is shared: parsed with RE (+262 either way), the metadata tells `8…` (Réunion)
        // from `9…` (Mayotte).
        ("0268 88 12 34", "+262268881234", "RE"),
        ("0268 90 12 34", "+262268901234", "YT"),
    ] {
        assert_phone_ok(domestic, e164, Some(region));
    }
}

#[test]
fn overseas_ranges_outside_the_prefix_table_are_read_as_fr() {
    // The newer `0598 7…`–`0598 9…` fixed and `0709…` mobile ranges, VoIP
    // `09…`, written in domestic form, are parsed as FR. Written with their country code they are
    // parsed as written.
    //
    // `0598 71 23 45` falls in FR's fixed-line pattern (`59[1-35-9]…`): valid, as a +33 number.
    assert_phone_ok("0598 71 23 45", "+33598712345", Some("FR"));
    assert_phone_ok("+590 598 71 23 45", "+590598712345", Some("GP"));
    // `0709 00 12 34` is not an FR range: invalid. As +590 it is a GP mobile.
    assert_err::<PhoneNumber>("0709 00 12 34", PhoneNumberError::Invalid, INVALID);
    let gp_mobile = assert_phone_ok("+590 709 00 12 34", "+590709001234", Some("GP"));
    assert!(gp_mobile.is_mobile());
    // VoIP `0976…` is an FR VoIP number in domestic form, a GP one with +590.
    let voip = assert_phone_ok("09 76 01 23 45", "+33976012345", Some("FR"));
    assert!(!voip.is_mobile());
    assert_phone_ok("+590 976 01 23 45", "+590976012345", Some("GP"));
}

// ---------------------------------------------------------------------------------------------
// Accepted characters.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_national_number_without_its_trunk_zero_is_read_as_fr() {
    // libphonenumber's parsing is lenient:
    // `6 12 34 56 78` is the national number without its `0`, valid in FR.
    assert_phone_ok("612345678", "+33612345678", Some("FR"));
    assert_phone_ok("6 12 34 56 78", "+33612345678", Some("FR"));
}

#[test]
fn separators_are_accepted() {
    for input in [
        "0612345678",
        "06-12-34-56-78",
        "06 12.34-56 78",
        "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
        "06\u{202f}12\u{202f}34\u{202f}56\u{202f}78",
        "(06) 12 34 56 78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0) 6 12 34 56 78",
        "  06 12 34 56 78\n",
        "\u{a0}+33 6 12 34 56 78\u{202f}",
    ] {
        assert_phone_ok(input, "+33612345678", Some("FR"));
    }
}

#[test]
fn other_characters_are_invalid_at_their_index() {
    for (input, index) in [
        ("abc", 0),
        ("06 12 34 56 7a", 13),
        ("06/12/34/56/78", 2),
        ("06_12_34_56_78", 2),
        ("06 12 34 56 78+", 14),
        ("+33 6 12 34 56 78 +", 18),
        ("tel:+33612345678", 0),
        ("06,12,34,56,78", 2),
        ("06\t12 34 56 78", 2),
        // Non-ASCII digits are not digits.
        ("０６ 12 34 56 78", 0),
        // The index counts characters of the input as given, before trimming.
        ("  06/12/34/56/78", 4),
        ("\u{a0}\u{202f}06 12 34 56 7a", 15),
        // A marker not followed by digits is not an extension.
        ("06 12 34 56 78 ext.", 15),
        ("06 12 34 56 78 #", 15),
    ] {
        assert_err::<PhoneNumber>(input, invalid_character(index), INVALID);
    }
}

#[test]
fn the_index_is_the_first_character_not_allowed() {
    // `Fixe` holds an `x`, an extension marker: the error still points at the first character
    // that has no place in a phone number, `F`.
    assert_err::<PhoneNumber>("Fixe : 01 42 68 53 00", invalid_character(0), INVALID);
    assert_err::<PhoneNumber>("fax 01 42 68 53 00", invalid_character(0), INVALID);
    assert_err::<PhoneNumber>("01 42 68 53 00 (fixe)", invalid_character(16), INVALID);
}

#[test]
fn extension_markers() {
    for input in [
        "06 12 34 56 78 ext. 12",
        "06 12 34 56 78 ext 12",
        "06 12 34 56 78 EXT. 12",
        "06 12 34 56 78 x12",
        "06 12 34 56 78 X 12",
        "06 12 34 56 78 poste 12",
        "06 12 34 56 78 Poste: 12",
        "06 12 34 56 78 #12",
        "06 12 34 56 78;ext=12",
        "+33 6 12 34 56 78 ext. 12",
        "01 42 68 53 00 poste 4012",
    ] {
        assert_err::<PhoneNumber>(input, PhoneNumberError::Extension, EXTENSION);
    }
}

#[test]
fn an_invalid_number_with_an_extension_is_invalid() {
    // The number is checked first: one error per value, from the first failing check.
    assert_err::<PhoneNumber>("06 12 34 ext. 5", PhoneNumberError::Invalid, INVALID);
    assert_err::<PhoneNumber>("07 00 12 34 56 x 5", PhoneNumberError::Invalid, INVALID);
}

#[test]
fn numbers_that_are_not_valid_for_their_region() {
    for input in [
        "06 12 34 56 78 9",
        "06",
        "+33",
        "+",
        "+999 12 34 56",
        "00 00 00 00 00",
        "()",
        "---",
    ] {
        assert_err::<PhoneNumber>(input, PhoneNumberError::Invalid, INVALID);
    }
    // Longer than 64 characters after trimming: not a phone number.
    assert_err::<PhoneNumber>(&"0".repeat(65), PhoneNumberError::Invalid, INVALID);
    // Surrounding whitespace does not count towards that limit.
    let padded = format!("{0}06 12 34 56 78{0}", " ".repeat(100));
    assert_phone_ok(&padded, "+33612345678", Some("FR"));
}

// ---------------------------------------------------------------------------------------------
// region(), is_mobile(), equality.
// ---------------------------------------------------------------------------------------------

#[test]
fn region_and_type() {
    // US metadata has the same fixed-line and mobile patterns: "fixed line or mobile", counted as
    // mobile.
    assert!(phone("+1 650 253 0000").is_mobile());
    assert!(!phone("01 42 68 53 00").is_mobile());
    assert!(phone("07 81 23 45 67").is_mobile());
    // A non-geographic number (international freephone, +800) has no region, and is not mobile.
    let freephone = assert_phone_ok("+800 1234 5678", "+80012345678", None);
    assert!(!freephone.is_mobile());
}

#[test]
fn equality_and_hash_use_the_e164_form() {
    use std::collections::HashSet;
    // However it was written, a number is one value: equality, hash and order are on E.164.
    let forms = [
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "+33 (0)6 12 34 56 78",
    ];
    let set: HashSet<PhoneNumber> = forms.into_iter().map(phone).collect();
    assert_eq!(set.len(), 1);
    let mut sorted = [
        phone("+1 650 253 0000"),
        phone("06 12 34 56 78"),
        phone("0690 00 12 34"),
    ];
    sorted.sort();
    let sorted: Vec<&str> = sorted.iter().map(PhoneNumber::as_str).collect();
    assert_eq!(sorted, ["+16502530000", "+33612345678", "+590690001234"]);
}

// ---------------------------------------------------------------------------------------------
// Masking: country code and first national digit, then the last two.
// ---------------------------------------------------------------------------------------------

#[test]
fn debug_is_masked() {
    let p = phone("06 12 34 56 78");
    assert_eq!(p.masked(), "+336******78");
    assert_eq!(format!("{p:?}"), "PhoneNumber(+336******78)");
    assert_eq!(
        format!("{:?}", vec![p.clone()]),
        "[PhoneNumber(+336******78)]"
    );
    assert!(!format!("{p:#?}").contains("12345"));
    assert_eq!(p.to_string(), "+33612345678");

    for (input, masked) in [
        ("0690 00 12 34", "+5906******34"),
        ("+1 650 253 0000", "+16*******00"),
        ("+508 55 12 34", "+5085***34"),
        ("01 42 68 53 00", "+331******00"),
    ] {
        assert_eq!(phone(input).masked(), masked, "{input}");
    }
}

#[test]
fn short_numbers_are_masked_entirely() {
    // Niue's numbers have 4 digits (libphonenumber example `7012`): too short to show any part.
    let p = assert_phone_ok("+683 7012", "+6837012", Some("NU"));
    assert_eq!(p.masked(), "***");
    assert_eq!(format!("{p:?}"), "PhoneNumber(***)");
}

// ---------------------------------------------------------------------------------------------
// Messages.
// ---------------------------------------------------------------------------------------------

#[test]
fn messages_never_quote_the_number() {
    for input in [
        "06 98 76 54 3",
        "06 98 76 54 32 ext. 9",
        "06 98 76 54 3z",
        "+33 6 98 76 54 32 1",
        "0698765432 poste",
    ] {
        let error = phone_error(input);
        for secret in ["987", "98 76", "54 3", "765"] {
            assert_never_quotes(&error, secret);
        }
        assert_messages_complete(&error);
    }
}

#[test]
fn exact_messages() {
    let cases = [
        (
            phone_error(""),
            "Le numéro de téléphone doit être rempli",
            "The phone number must be filled in",
            json!({}),
            "phone.empty",
        ),
        (
            phone_error("06 12 34 56 7a"),
            "Le numéro de téléphone n'est pas valide : caractère non autorisé en position 14",
            "The phone number is not valid: character not allowed at position 14",
            json!({"index": 13}),
            INVALID,
        ),
        (
            phone_error("06 12 34 56"),
            "Le numéro de téléphone n'est pas valide. Exemple : 01 99 00 12 34 ou +33 1 99 00 12 34",
            "The phone number is not valid. Example: 01 99 00 12 34 or +33 1 99 00 12 34",
            json!({}),
            INVALID,
        ),
        (
            phone_error("06 12 34 56 78 ext. 12"),
            "Le numéro de téléphone ne doit pas comporter de poste (extension) : indiquez un \
             numéro direct",
            "The phone number must not include an extension: give a direct number",
            json!({}),
            EXTENSION,
        ),
    ];
    for (error, fr, en, params, code) in cases {
        assert_eq!(error.code(), code);
        assert_eq!(error.message_fr(), fr);
        assert_eq!(error.message_en(), en);
        assert_eq!(params_of(&error), params);
        assert_messages_complete(&error);
    }
}
