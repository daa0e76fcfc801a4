//! SIREN and SIRET parsing: published test vectors with their exact error variants and codes,
//! separators, lengths, accessors and messages.

use crate::support::parse::{assert_err, assert_messages_complete, assert_ok, params_of};
use datapass_psc::{Diagnostic, DigitsError, Siren, SirenError, Siret, SiretError};
use serde_json::json;

const CHECKSUM: &str = "siret.checksum";
const SIREN_CHECKSUM: SiretError = SiretError::SirenChecksum;

fn siren(digits: &str) -> Siren {
    digits.parse().expect("a valid SIREN in the test table")
}

fn siret_from(input: &str) -> Siret {
    input.parse().expect("a valid SIRET in the test table")
}

/// The SIRET checksum error, carrying the (valid) SIREN of `siret`.
fn siret_checksum(siret: &str) -> SiretError {
    SiretError::SiretChecksum {
        siren: siren(&siret[..9]),
    }
}

fn invalid_character(character: char, index: usize) -> SiretError {
    SiretError::Digits(DigitsError::InvalidCharacter { character, index })
}

fn length(found: usize) -> SiretError {
    SiretError::Digits(DigitsError::InvalidLength {
        expected: 14,
        found,
    })
}

// ---------------------------------------------------------------------------------------------
// Test vectors of the crate's SIRET rule, from INSEE's published rule.
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_file_valid_vectors() {
    for (input, canonical) in [
        ("13002526500013", "13002526500013"),
        ("73282932000074", "73282932000074"),
        ("732 829 320 00074", "73282932000074"),
        // La Poste head office: passes Luhn.
        ("35600000000048", "35600000000048"),
        // La Poste: fails Luhn, digit sum 35.
        ("35600000009075", "35600000009075"),
    ] {
        assert_ok::<Siret>(input, canonical);
    }
}

#[test]
fn rules_file_invalid_vectors() {
    // `123456789` fails Luhn (the 14 digits fail too): the SIREN key is reported.
    assert_err::<Siret>("12345678901234", SIREN_CHECKSUM, CHECKSUM);
    assert_err::<Siret>(
        "1234567891234A",
        invalid_character('A', 13),
        "siret.invalid_character",
    );
    // The 14 digits pass Luhn, the SIREN `111222333` does not.
    assert_err::<Siret>("11122233344455", SIREN_CHECKSUM, CHECKSUM);
    // La Poste, fails Luhn, digit sum 46.
    assert_err::<Siret>("35600000049838", siret_checksum("35600000049838"), CHECKSUM);
}

#[test]
fn luhn_worked_examples_of_the_rules_file() {
    // SIREN `732829320` passes (total 40), SIRET `73282932000074` passes (total 50).
    assert_ok::<Siren>("732829320", "732829320");
    assert_ok::<Siret>("73282932000074", "73282932000074");
    // `35600000009075` fails Luhn (total 33) and is accepted only by the La Poste rule. The rule
    // is for SIREN `356000000` only: `73282932009005` fails Luhn too and its digit sum is 50, a
    // multiple of 5, but its SIREN is `732829320`.
    assert_err::<Siret>("73282932009005", siret_checksum("73282932009005"), CHECKSUM);
}

// ---------------------------------------------------------------------------------------------
// python-stdnum (arthurdejong/python-stdnum).
// ---------------------------------------------------------------------------------------------

/// SIRETs "found online", all valid: python-stdnum `tests/test_fr_siret.doctest`. They are kept
/// as written there, with their odd spacing and dots, which exercises the separator rules.
const STDNUM_ONLINE_SIRETS: [&str; 50] = [
    "0 5 7 8 1 3 1 3 1 0 0 0 2 6",
    "1 800 700 39 00 110",
    "2 00 03 00 13 000 11",
    "2 101 005 33 000 12",
    "2 777 000 43 000 15",
    "3 1 0 1 8 8 4 2 0 00 0 8 0",
    "3 12 494 529 000 34",
    "3 24 34 54 20 000 40",
    "30206838200050",
    "314 901 323 00043",
    "31719324100013",
    "32228438100017",
    "32650798500058",
    "32738082000032",
    "329.338.88300153",
    "32929695800039",
    "33770320100034",
    "34530016400018",
    "380 321 430 00023",
    "38446899700034",
    "38536958200023",
    "389 011 529 00036",
    "38981890700203",
    "39039475700020",
    "39102766100050",
    "4 0 0 9 0 8 5 0 5 0 0 0 11",
    "4 0 3 3 1 4 6 6 9 0 0 0 4 1",
    "4 0 9 0 8 5 2 1 4 0 0 0 2 4",
    "4 2 0 3 0 9 6 2 7 0 0 0 3 2",
    "4 4 3 4 8 9 2 7 3 0 0 0 1 3",
    "4 4 3 5 4 9 8 7 8 0 0 0 4 1",
    "4 8 2 7 8 1 9 11 0 0 0 11",
    "40300300700032",
    "44126652500019",
    "44142526100019",
    "44796433900017",
    "479 461 675 00049",
    "5 12 326 653 000 15",
    "5 17 758 173 000 10",
    "50397442000021",
    "513 133 637 000 35",
    "52524288900042",
    "542 097 324 0006 6",
    "652 059 213 00023",
    "7 7821 0526 00019",
    "775.563.232.00104",
    "778 239 798 000 11",
    "79068156300017",
    "8 1 0 2 4 7 3 8 7 0 0 0 1 4",
    "8 21 114 55000014",
];

#[test]
fn python_stdnum_online_sirets_are_valid() {
    for input in STDNUM_ONLINE_SIRETS {
        let canonical: String = input.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(canonical.len(), 14, "table row {input:?}");
        assert_ok::<Siret>(input, &canonical);
    }
    // Same file, last row: a single digit, then 13 without separators.
    assert_ok::<Siret>("8 1002665800015", "81002665800015");
}

#[test]
fn python_stdnum_la_poste_vectors() {
    // python-stdnum `tests/test_fr_siret.doctest`, "La Poste SIRET does not use the Luhn
    // checksum but the sum of digits must be a multiple of 5".
    assert_ok::<Siret>("356 000 000 09075", "35600000009075");
    assert_ok::<Siret>("35600000000048", "35600000000048");
    // Digit sum 45; also in IsoCodes ("La Poste - Viry Chatillon") and npm stdnum.
    assert_ok::<Siret>("35600000049837", "35600000049837");
    assert_err::<Siret>("35600000049838", siret_checksum("35600000049838"), CHECKSUM);
}

#[test]
fn python_stdnum_module_doctests() {
    // python-stdnum `stdnum/fr/siret.py` docstring.
    assert_ok::<Siret>("73282932000074", "73282932000074");
    assert_err::<Siret>("73282932000079", siret_checksum("73282932000079"), CHECKSUM);
    let siret = assert_ok::<Siret>("732 829 320 00074", "73282932000074");
    assert_eq!(siret.siren().as_str(), "732829320"); // `to_siren`
    assert_eq!(siret.grouped(), "732 829 320 00074"); // `format`

    // python-stdnum `stdnum/fr/siren.py` docstring.
    assert_ok::<Siren>("552 008 443", "552008443");
    assert_ok::<Siren>("404833048", "404833048");
    assert_err::<Siren>("404833047", SirenError::Checksum, "siren.checksum");
    assert_ok::<Siren>("443 121 975", "443121975");
}

#[test]
fn python_stdnum_online_sirens_are_valid() {
    // python-stdnum `tests/test_fr_siren.doctest`, "found online and should all be valid".
    for (input, canonical) in [
        ("217601 145", "217601145"),
        ("3 1 0 1 8 8 4 2 0", "310188420"),
        ("350792008", "350792008"),
        ("480318245", "480318245"),
        ("500 674 056", "500674056"),
        ("529290488", "529290488"),
        ("738 205 269", "738205269"),
        ("752136200", "752136200"),
        ("752490334", "752490334"),
        ("775 699 309", "775699309"),
        ("775672272", "775672272"),
        ("776 944 944", "776944944"),
        ("820043784", "820043784"),
    ] {
        assert_ok::<Siren>(input, canonical);
    }
}

#[test]
fn la_poste_sirets_passing_luhn_are_valid_whatever_their_digit_sum() {
    // python-stdnum (since 1.18) and npm stdnum apply only the digit-sum rule to La Poste SIRETs
    // other than the head office (python-stdnum `stdnum/fr/siret.py`), so they reject these:
    // Luhn passes, digit sums 19, 18 and 17. INSEE's rule, and the crate, accept them
    //.
    for input in ["35600000000014", "35600000000022", "35600000000030"] {
        assert_ok::<Siret>(input, input);
    }
}

// ---------------------------------------------------------------------------------------------
// IsoCodes (ronanguilloux/IsoCodes), tests/IsoCodes/Tests/SiretTest.php and SirenTest.php.
// ---------------------------------------------------------------------------------------------

#[test]
fn isocodes_siret_vectors() {
    for input in [
        "44079707400026",
        "48853781200015",
        "43216756700028",
        "41762563900030",
        "33493272000017",
        "44028837100014",
        "51743954300011",
        "35600000000048", // La Poste - Paris XV
        "35600000049837", // La Poste - Viry Chatillon
        // IsoCodes files it under La Poste ("Rennes, SIREN 356 000 539"). The crate's La Poste
        // rule is for SIREN 356000000 only; this SIRET needs no exception: both keys pass Luhn.
        "35600053914285",
    ] {
        assert_ok::<Siret>(input, input);
    }

    // IsoCodes' invalid values: each one's valid counterpart above with the last digit + 1, so the
    // SIREN stays valid and the SIRET key fails.
    for input in [
        "44079707400027",
        "48853781200016",
        "43216756700029",
        "41762563900031",
        "33493272000018",
        "44028837100015",
        "51743954300012",
        "35600000049838", // La Poste - Viry Chatillon with a wrong sum
    ] {
        assert_err::<Siret>(input, siret_checksum(input), CHECKSUM);
    }
    assert_err::<Siret>("440797074000", length(12), "siret.length");
    assert_err::<Siret>("440797074000278", length(15), "siret.length");
    assert_err::<Siret>(
        "azertyuiopqsdf",
        invalid_character('a', 0),
        "siret.invalid_character",
    );
}

#[test]
fn isocodes_siren_vectors() {
    for input in [
        "432167567",
        "417625639",
        "334932720",
        "440288371",
        "517439543",
        "356000000", // La Poste
    ] {
        assert_ok::<Siren>(input, input);
    }
    for input in [
        "440797075",
        "488537813",
        "432167568",
        "417625630",
        "334932721",
        "440288372",
        "517439544",
    ] {
        assert_err::<Siren>(input, SirenError::Checksum, "siren.checksum");
    }
    assert_err::<Siren>(
        "44079707",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 8,
        }),
        "siren.length",
    );
    assert_err::<Siren>(
        "4407970745",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 10,
        }),
        "siren.length",
    );
    assert_err::<Siren>(
        "azertyuio",
        SirenError::Digits(DigitsError::InvalidCharacter {
            character: 'a',
            index: 0,
        }),
        "siren.invalid_character",
    );
}

// ---------------------------------------------------------------------------------------------
// INSEE validinsee (InseeFrLab/validinsee): tests/testthat/test-validation_sirene.R and the
// examples of R/validation_sirene.R. The crate's La Poste rule is this package's rule.
// ---------------------------------------------------------------------------------------------

#[test]
fn validinsee_siret_vectors() {
    assert_ok::<Siret>("77984790400033", "77984790400033");
    assert_err::<Siret>("77984790400034", siret_checksum("77984790400034"), CHECKSUM);
    assert_err::<Siret>("42", length(2), "siret.length");
    // La Poste: "règle générale" (Luhn), "règle spécifique La Poste" (digit sum 25), and
    // "aucune des deux règles".
    assert_ok::<Siret>("35600000000048", "35600000000048");
    assert_ok::<Siret>("35600000027250", "35600000027250");
    assert_err::<Siret>("35600000000049", siret_checksum("35600000000049"), CHECKSUM);
    // Examples of `validation_sirene`.
    assert_ok::<Siret>("20003452800014", "20003452800014");
    assert_err::<Siret>("20003452800041", siret_checksum("20003452800041"), CHECKSUM);
    assert_err::<Siret>("a", invalid_character('a', 0), "siret.invalid_character");
}

#[test]
fn validinsee_siren_vectors() {
    assert_ok::<Siren>("100000009", "100000009");
    assert_ok::<Siren>("000000083", "000000083");
    assert_ok::<Siren>("200034528", "200034528");
    for input in ["100000000", "000000080", "200034582"] {
        assert_err::<Siren>(input, SirenError::Checksum, "siren.checksum");
    }
    assert_err::<Siren>(
        "43",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 2,
        }),
        "siren.length",
    );
    assert_err::<Siren>(
        "1",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 1,
        }),
        "siren.length",
    );
}

// ---------------------------------------------------------------------------------------------
// npm stdnum (koblas/stdnum-js): src/fr/siret.spec.ts and src/fr/siren.spec.ts.
// ---------------------------------------------------------------------------------------------

#[test]
fn npm_stdnum_vectors() {
    for (input, canonical) in [
        ("73282932000074", "73282932000074"),
        ("356 000 000 09075", "35600000009075"),
        ("35600000000048", "35600000000048"),
        ("35600000049837", "35600000049837"),
    ] {
        assert_ok::<Siret>(input, canonical);
    }
    assert_err::<Siret>("12345678", length(8), "siret.length");
    for input in ["35600000049838", "73282932000075"] {
        assert_err::<Siret>(input, siret_checksum(input), CHECKSUM);
    }
    assert_eq!(siret_from("73282932000074").grouped(), "732 829 320 00074");

    assert_ok::<Siren>("552 008 443", "552008443");
    assert_eq!(siren("552008443").grouped(), "552 008 443");
    assert_err::<Siren>(
        "12345678",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 8,
        }),
        "siren.length",
    );
    assert_err::<Siren>("552 008 442", SirenError::Checksum, "siren.checksum");
}

// ---------------------------------------------------------------------------------------------
// DataPass v2 (etalab/data_pass): spec/validators/siret_validator_spec.rb and
// app/validators/siret_validator.rb. DataPass requires exactly `\A\d{14}\z`, checks only the
// 14-digit Luhn sum, and accepts every `356000000xxxxx`. Where the crate differs, it follows
// Where DataPass differs; the comment says why.
// ---------------------------------------------------------------------------------------------

#[test]
fn datapass_spec_vectors() {
    // Valid in both.
    assert_ok::<Siret>("13002526500013", "13002526500013");
    assert_ok::<Siret>("35600000000048", "35600000000048");
    // Invalid in both, with the crate's exact reason.
    assert_err::<Siret>("12345678901234", SIREN_CHECKSUM, CHECKSUM);
    assert_err::<Siret>("1234567891234567", length(16), "siret.length");
    assert_err::<Siret>(
        "1234567891234A",
        invalid_character('A', 13),
        "siret.invalid_character",
    );
    // "no good checksum but match la poste siren": `356000000` is not at the start, so this is
    // not La Poste, and its SIREN `123453560` already fails Luhn.
    assert_err::<Siret>("12345356000000", SIREN_CHECKSUM, CHECKSUM);
}

#[test]
fn datapass_rejects_surrounding_whitespace_the_crate_trims_it() {
    // DataPass: "rejects siret with whitespaces" ("\t\r\n" + a valid SIRET). The crate trims
    // surrounding whitespace and stores the same 14 digits: looser on input only.
    assert_ok::<Siret>("\t\r\n13002526500013", "13002526500013");
}

#[test]
fn datapass_accepts_these_the_crate_does_not() {
    // DataPass checks no SIREN key: `11122233344455` passes its 14-digit Luhn sum, but its SIREN
    // `111222333` fails; a known fake. Stricter.
    assert_err::<Siret>("11122233344455", SIREN_CHECKSUM, CHECKSUM);
    // DataPass accepts every `356000000xxxxx` unchecked. The crate applies INSEE's digit-sum rule,
    // so a typo in a La Poste NIC is caught. Digit sums 46, 23 and 16.
    for input in ["35600000049838", "35600000000049", "35600000000002"] {
        assert_err::<Siret>(input, siret_checksum(input), CHECKSUM);
    }
}

// ---------------------------------------------------------------------------------------------
// Normalisation: separators and whitespace.
// ---------------------------------------------------------------------------------------------

#[test]
fn spaces_and_no_break_spaces_between_digits_are_removed() {
    for input in [
        "732 829 320 00074",
        "732  829   320 00074",
        "7 3 2 8 2 9 3 2 0 0 0 0 7 4",
        "732\u{a0}829\u{a0}320\u{a0}00074",
        "732\u{202f}829\u{202f}320\u{202f}00074",
        "732 \u{a0}\u{202f} 829\u{202f}320 00074",
    ] {
        assert_ok::<Siret>(input, "73282932000074");
    }
}

#[test]
fn dots_between_digits_are_removed() {
    for input in [
        "732.829.320.00074",
        "732829320.00074",
        "7.3.2.8.2.9.3.2.0.0.0.0.7.4",
        "732.829.320 00074",
    ] {
        assert_ok::<Siret>(input, "73282932000074");
    }
}

#[test]
fn a_dot_without_a_digit_on_each_side_is_an_invalid_character() {
    let code = "siret.invalid_character";
    for (input, index) in [
        (".73282932000074", 0),
        ("73282932000074.", 14),
        ("732..829.320.00074", 3),
        ("732. 829 320 00074", 3),
        ("732 .829 320 00074", 4),
        ("732 829 320 00074 .", 18),
    ] {
        assert_err::<Siret>(input, invalid_character('.', index), code);
    }
}

#[test]
fn the_index_counts_characters_of_the_input_as_given_before_trimming() {
    let code = "siret.invalid_character";
    // Two leading spaces shift the index of `A` from 13 to 15.
    assert_err::<Siret>("  1234567891234A", invalid_character('A', 15), code);
    // A leading dot after leading whitespace: index 1, not 0.
    assert_err::<Siret>(" .73282932000074", invalid_character('.', 1), code);
    // Characters, not bytes: U+00A0 and U+202F are 2 and 3 bytes long, each counts as one.
    assert_err::<Siret>(
        "\u{a0}\u{202f}732\u{a0}829\u{202f}320-00074",
        invalid_character('-', 13),
        code,
    );
    assert_err::<Siret>("\t\n732829320 0007x4", invalid_character('x', 16), code);
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    for input in [
        " 73282932000074",
        "73282932000074 ",
        "\t73282932000074\n",
        "\r\n 73282932000074 \r\n",
        "\u{a0}73282932000074\u{202f}",
        // Rust's `trim` removes every Unicode White_Space character, not only the separators.
        "\u{3000}73282932000074\u{2003}",
        "\u{85}73282932000074\u{2028}",
    ] {
        assert_ok::<Siret>(input, "73282932000074");
    }
}

#[test]
fn other_characters_are_invalid() {
    let code = "siret.invalid_character";
    for (input, character, index) in [
        ("732-829-320-00074", '-', 3),
        ("732/829/320/00074", '/', 3),
        ("732,829,320,00074", ',', 3),
        ("732_829_320_00074", '_', 3),
        // Inside the value, a tab or a line break is not a separator.
        ("732\t829\t320\t00074", '\t', 3),
        ("732829320\n00074", '\n', 9),
        // Only U+0020, U+00A0 and U+202F separate digit groups: not THIN SPACE nor IDEOGRAPHIC
        // SPACE, although `trim` removes them at the ends.
        ("732\u{2009}829\u{2009}320\u{2009}00074", '\u{2009}', 3),
        ("732\u{3000}82932000074", '\u{3000}', 3),
        ("7328293200007\u{200b}4", '\u{200b}', 13),
        // Non-ASCII digits are not digits here.
        ("７３２８２９３２０００７４", '７', 0),
        ("73282932000٠74", '٠', 11),
        ("SIRET 73282932000074", 'S', 0),
        ("+73282932000074", '+', 0),
        ("-73282932000074", '-', 0),
        ("73282932000074e0", 'e', 14),
    ] {
        assert_err::<Siret>(input, invalid_character(character, index), code);
    }
}

#[test]
fn the_first_invalid_character_wins_over_the_length() {
    // Each value yields one error, from the first failing check: characters before length.
    assert_err::<Siret>(
        "12345678901234567A",
        invalid_character('A', 17),
        "siret.invalid_character",
    );
    assert_err::<Siret>("1A", invalid_character('A', 1), "siret.invalid_character");
    // And the length before the checksums: 13 digits of a SIRET that would fail both keys.
    assert_err::<Siret>("1234567890123", length(13), "siret.length");
}

// ---------------------------------------------------------------------------------------------
// Empty and length errors.
// ---------------------------------------------------------------------------------------------

#[test]
fn blank_input_is_empty() {
    for input in ["", " ", "   ", "\t\r\n", "\u{a0}", "\u{202f}\u{3000}"] {
        assert_err::<Siret>(input, SiretError::Digits(DigitsError::Empty), "siret.empty");
        assert_err::<Siren>(input, SirenError::Digits(DigitsError::Empty), "siren.empty");
    }
}

#[test]
fn wrong_number_of_digits_is_a_length_error() {
    let code = "siret.length";
    for (input, found) in [
        ("7", 1),
        ("7328293200007", 13),
        ("732 829 320 0007", 13),
        ("732829320000745", 15),
        ("732.829.320.000.745", 15),
        // A SIREN where a SIRET is expected.
        ("732829320", 9),
    ] {
        assert_err::<Siret>(input, length(found), code);
    }
    let long = "1".repeat(1000);
    assert_err::<Siret>(&long, length(1000), code);
}

// ---------------------------------------------------------------------------------------------
// SIREN parsing and its `siren.*` codes.
// ---------------------------------------------------------------------------------------------

#[test]
fn siren_accepts_the_same_separators() {
    for input in [
        "732829320",
        "732 829 320",
        "732.829.320",
        "732\u{a0}829\u{202f}320",
        " \t732 829 320\n",
    ] {
        assert_ok::<Siren>(input, "732829320");
    }
}

#[test]
fn siren_errors_have_siren_codes() {
    assert_err::<Siren>("", SirenError::Digits(DigitsError::Empty), "siren.empty");
    assert_err::<Siren>(
        " 73282932A",
        SirenError::Digits(DigitsError::InvalidCharacter {
            character: 'A',
            index: 9,
        }),
        "siren.invalid_character",
    );
    assert_err::<Siren>(
        "732.829.320.",
        SirenError::Digits(DigitsError::InvalidCharacter {
            character: '.',
            index: 11,
        }),
        "siren.invalid_character",
    );
    assert_err::<Siren>(
        "73282932",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 8,
        }),
        "siren.length",
    );
    // A SIRET where a SIREN is expected.
    assert_err::<Siren>(
        "73282932000074",
        SirenError::Digits(DigitsError::InvalidLength {
            expected: 9,
            found: 14,
        }),
        "siren.length",
    );
    assert_err::<Siren>("732829321", SirenError::Checksum, "siren.checksum");
    // The SIRENs of the rules file's SIREN-checksum vectors.
    assert_err::<Siren>("123456789", SirenError::Checksum, "siren.checksum");
    assert_err::<Siren>("111222333", SirenError::Checksum, "siren.checksum");
}

#[test]
fn siren_is_la_poste() {
    assert!(siren("356000000").is_la_poste());
    assert!(siren("356 000 000").is_la_poste());
    assert!(!siren("732829320").is_la_poste());
    // IsoCodes' "356 000 539" is another legal unit.
    assert!(!siren("356000539").is_la_poste());
}

// ---------------------------------------------------------------------------------------------
// Accessors.
// ---------------------------------------------------------------------------------------------

#[test]
fn siret_accessors() {
    let siret = siret_from(" 732.829.320 00074 ");
    assert_eq!(siret.as_str(), "73282932000074");
    assert_eq!(siret.to_string(), "73282932000074");
    assert_eq!(siret.nic(), "00074");
    assert_eq!(siret.siren(), siren("732829320"));
    assert_eq!(siret.siren().as_str(), "732829320");
    assert_eq!(siret.grouped(), "732 829 320 00074");

    let la_poste = siret_from("35600000009075");
    assert_eq!(la_poste.nic(), "09075");
    assert!(la_poste.siren().is_la_poste());
    assert_eq!(la_poste.grouped(), "356 000 000 09075");

    // Leading zeros are kept everywhere.
    let zeros = siret_from("0 5 7 8 1 3 1 3 1 0 0 0 2 6");
    assert_eq!(zeros.as_str(), "05781313100026");
    assert_eq!(zeros.siren().as_str(), "057813131");
    assert_eq!(zeros.nic(), "00026");
    assert_eq!(zeros.grouped(), "057 813 131 00026");
}

#[test]
fn grouped_forms_parse_back_to_the_same_value() {
    for input in STDNUM_ONLINE_SIRETS {
        let siret = siret_from(input);
        let grouped = siret.grouped();
        assert_eq!(grouped.len(), 17, "3-3-3-5 with three spaces: {grouped:?}");
        assert_eq!(siret_from(&grouped), siret);
        assert_eq!(siren(&siret.siren().grouped()), siret.siren());
    }
}

#[test]
fn equal_whatever_the_separators() {
    use std::collections::HashSet;
    let forms = [
        "73282932000074",
        "732 829 320 00074",
        "732.829.320.00074",
        "\u{a0}732\u{202f}829 320.00074\n",
    ];
    let set: HashSet<Siret> = forms.iter().map(|f| siret_from(f)).collect();
    assert_eq!(set.len(), 1);
    // Ordering is the numeric order of the 14 digits (same length, so lexicographic).
    let mut sorted = [
        siret_from("73282932000074"),
        siret_from("13002526500013"),
        siret_from("35600000000048"),
    ];
    sorted.sort();
    let sorted: Vec<&str> = sorted.iter().map(Siret::as_str).collect();
    assert_eq!(
        sorted,
        ["13002526500013", "35600000000048", "73282932000074"]
    );
}

#[test]
fn debug_shows_the_digits() {
    // A SIRET identifies an organisation, not a person: it is not masked.
    assert_eq!(
        format!("{:?}", siret_from("732 829 320 00074")),
        "Siret(73282932000074)"
    );
    assert_eq!(format!("{:?}", siren("732 829 320")), "Siren(732829320)");
}

// ---------------------------------------------------------------------------------------------
// Messages, params and Display of every error.
// ---------------------------------------------------------------------------------------------

fn siret_error(input: &str) -> SiretError {
    input.parse::<Siret>().expect_err("an invalid SIRET")
}

#[test]
fn siret_error_messages_and_params() {
    let cases = [
        (
            siret_error(" "),
            "Le numéro SIRET doit être rempli",
            "The SIRET number must be filled in",
            json!({}),
            "invalid SIRET: empty number",
        ),
        (
            siret_error("1234567891234A"),
            "Le numéro SIRET contient un caractère non autorisé (« A », position 14)",
            "The SIRET number contains a character that is not allowed ('A', position 14)",
            json!({"index": 13, "character": "A"}),
            "invalid SIRET: unexpected character 'A' at index 13",
        ),
        (
            siret_error("7328293200007"),
            "Le numéro SIRET ne possède pas 14 chiffres (13 trouvés)",
            "The SIRET number does not have 14 digits (13 found)",
            json!({"expected": 14, "found": 13}),
            "invalid SIRET: invalid length: expected 14 digits, found 13",
        ),
        (
            siret_error("7"),
            "Le numéro SIRET ne possède pas 14 chiffres (1 trouvé)",
            "The SIRET number does not have 14 digits (1 found)",
            json!({"expected": 14, "found": 1}),
            "invalid SIRET: invalid length: expected 14 digits, found 1",
        ),
        (
            siret_error("11122233344455"),
            "Le numéro SIRET n'est pas valide : la clé du SIREN (les 9 premiers chiffres) ne \
             respecte pas la formule de Luhn",
            "The SIRET number is not valid: the SIREN check digit (first 9 digits) fails the \
             Luhn formula",
            json!({"key": "siren"}),
            "invalid SIREN checksum",
        ),
        (
            siret_error("35600000049838"),
            "Le numéro SIRET n'est pas valide : la clé du SIRET ne respecte pas la formule de \
             Luhn ou n'est pas un SIRET de La Poste",
            "The SIRET number is not valid: the SIRET check digit fails the Luhn formula and it \
             is not a La Poste SIRET",
            json!({"key": "siret"}),
            "invalid SIRET checksum",
        ),
    ];
    for (error, fr, en, params, display) in cases {
        assert_eq!(error.message_fr(), fr);
        assert_eq!(error.message_en(), en);
        assert_eq!(params_of(&error), params, "{error:?}");
        assert_eq!(error.to_string(), display);
        assert_messages_complete(&error);
    }
}

#[test]
fn siren_error_messages_and_params() {
    let error = |input: &str| input.parse::<Siren>().expect_err("an invalid SIREN");
    let cases = [
        (
            error(""),
            "Le numéro SIREN doit être rempli",
            json!({}),
            "invalid SIREN: empty number",
        ),
        (
            error("73282932/"),
            "Le numéro SIREN contient un caractère non autorisé (« / », position 9)",
            json!({"index": 8, "character": "/"}),
            "invalid SIREN: unexpected character '/' at index 8",
        ),
        (
            error("73282932"),
            "Le numéro SIREN ne possède pas 9 chiffres (8 trouvés)",
            json!({"expected": 9, "found": 8}),
            "invalid SIREN: invalid length: expected 9 digits, found 8",
        ),
        (
            error("732829321"),
            "Le numéro SIREN n'est pas valide : sa clé ne respecte pas la formule de Luhn",
            json!({}),
            "invalid SIREN checksum",
        ),
    ];
    for (error, fr, params, display) in cases {
        assert_eq!(error.message_fr(), fr);
        assert!(
            error.message_en().starts_with("The SIREN number "),
            "{error:?}"
        );
        assert_eq!(params_of(&error), params, "{error:?}");
        assert_eq!(error.to_string(), display);
        assert_messages_complete(&error);
    }
}

#[test]
fn both_checksum_failures_share_one_code_but_not_one_message() {
    let head_key = siret_error("11122233344455");
    let full_key = siret_error("35600000049838");
    assert_eq!(head_key.code(), full_key.code());
    assert!(head_key.message_fr().contains("la clé du SIREN"));
    assert!(full_key.message_fr().contains("la clé du SIRET"));
    assert_ne!(head_key.message_en(), full_key.message_en());
}
