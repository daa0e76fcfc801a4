//! The fast path (French numbers, the overseas departments and Saint-Pierre-et-Miquelon, decided
//! from a table of numbering ranges) against libphonenumber (the `rlibphonenumber` crate called
//! directly): the differential test over every prefix block, a property test over numbers of
//! every shape, the check that such numbers never load the engine, and the generator of the
//! table.

use datapass_psc::__private::{phone_engine_loaded, phone_fast_path};
use datapass_psc::{PhoneNumber, PhoneNumberError};
use proptest::prelude::*;
use proptest::sample::select;
use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberType};

use crate::support::phone_engine::{Verdict, expected};

/// (country code, its regions, national number length) of each table of the fast path.
const PLANS: [(&str, &str, usize); 7] = [
    ("33", "FR", 9),
    ("590", "GP, BL, MF", 9),
    ("596", "MQ", 9),
    ("594", "GF", 9),
    ("262", "RE, YT", 9),
    ("508", "PM", 6),
    ("508", "PM", 9),
];

/// The fast path decides `input`, and as the engine does: same verdict, E.164 form, region and
/// mobile flag. `block` names the prefix block in the failure message.
#[track_caller]
fn assert_fast_and_right(block: &str, input: &str) {
    let Some(fast) = phone_fast_path(input) else {
        panic!("block {block}: {input:?} is not decided by the fast path");
    };
    let engine = expected(input);
    match (&fast, &engine) {
        (Ok(phone), Some(verdict)) if Verdict::of(phone) == *verdict => {}
        (Err(PhoneNumberError::Invalid), None) => {}
        _ => panic!(
            "block {block}: the range table disagrees with libphonenumber's metadata for \
             {input:?}: table {:?}, metadata {engine:?}",
            fast.map(|p| Verdict::of(&p))
        ),
    }
}

/// The suffixes (of `len` digits) tried in a block of 3 national digits (2 for 6-digit numbers):
/// one for each value of their first two digits, so that every 5-digit national prefix (4 for
/// 6-digit numbers), the table's resolution, is tried; the other digits pseudo-random. Each comes
/// with whether it is also tried in every spelling: 20 of them, each first digit twice.
fn suffixes(len: usize, salt: u64) -> Vec<(String, bool)> {
    let mut state = 0x9e37_79b9_7f4a_7c15 ^ salt;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..100u64)
        .map(|head| {
            let mut digits = format!("{head:02}");
            while digits.len() < len {
                digits.push(char::from(b'0' + u8::try_from(next() % 10).unwrap()));
            }
            let (first, second) = (head / 10, head % 10);
            (
                digits,
                second == first * 3 % 10 || second == (first * 3 + 5) % 10,
            )
        })
        .collect()
}

/// `national` written as people write it after a country code or a trunk `0`: whole, in pairs
/// after a first digit (`6 12 34 56 78`), the same with dots, and one group of 3 first.
fn spellings(national: &str) -> [String; 4] {
    let pairs = |separator: &str| {
        let (head, rest) = national.split_at(2 - national.len() % 2);
        let mut out = head.to_owned();
        for pair in rest.as_bytes().chunks(2) {
            out.push_str(separator);
            out.push_str(std::str::from_utf8(pair).unwrap());
        }
        out
    };
    [
        national.to_owned(),
        pairs(" "),
        pairs("."),
        format!("{} {}", &national[..3], &national[3..]),
    ]
}

// ---------------------------------------------------------------------------------------------
// The differential test: every block of the numbering plan, against the metadata.
// ---------------------------------------------------------------------------------------------

#[test]
fn domestic_numbers_of_every_prefix_block_match_the_metadata() {
    // `0100` to `0999`: France and, by their prefixes, the overseas departments. Each block with
    // 100 suffixes written `0XXXXXXXXX`, and 20 of them also `0X XX XX XX XX`, `0X.XX.XX.XX.XX`,
    // `0X-XX-XX-XX-XX`, `+33 X XX XX XX XX`, `0033XXXXXXXXX` and `+33 (0)X XX XX XX XX`.
    for block in 100..1000u32 {
        let name = format!("0{block}");
        for (suffix, every_spelling) in suffixes(6, u64::from(block)) {
            let national = format!("{block}{suffix}");
            assert_fast_and_right(&name, &format!("0{national}"));
            if !every_spelling {
                continue;
            }
            let [plain, pairs, dots, _] = spellings(&national);
            for input in [
                format!("0{pairs}"),
                format!("0{dots}"),
                format!("0{}", pairs.replace(' ', "-")),
                format!("+33 {pairs}"),
                format!("0033{plain}"),
                format!("+33 (0){pairs}"),
            ] {
                assert_fast_and_right(&name, &input);
            }
        }
    }
}

#[test]
fn overseas_numbers_of_every_prefix_block_match_the_metadata() {
    // Each overseas country code, each 3-digit block of its 9-digit numbers (and the 2-digit
    // blocks of Saint-Pierre-et-Miquelon's 6-digit ones), with 100 suffixes written `+590…`, and
    // 20 of them also `+590 X XX XX XX XX`, `00590 X.XX.XX.XX.XX` and `+590 (0)XXX XXXXXX`.
    for (code, regions, len) in PLANS.into_iter().skip(1) {
        let block_len = if len == 9 { 3 } else { 2 };
        let first = 10u32.pow(block_len - 1);
        for block in first..first * 10 {
            let name = format!("+{code} {block} ({regions})");
            for (suffix, every_spelling) in suffixes(len - block_len as usize, u64::from(block)) {
                let national = format!("{block}{suffix}");
                assert_fast_and_right(&name, &format!("+{code}{national}"));
                if !every_spelling {
                    continue;
                }
                let [_, pairs, dots, grouped] = spellings(&national);
                for input in [
                    format!("+{code} {pairs}"),
                    format!("00{code} {dots}"),
                    format!("+{code} (0){grouped}"),
                ] {
                    assert_fast_and_right(&name, &input);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Property test: numbers of every shape, and near misses.
// ---------------------------------------------------------------------------------------------

/// A number close to the fast path's shapes: a country code of the fast path or a near one,
/// domestic or international, with or without a trunk `0`, of the right length or one off.
fn near_fast_path() -> impl Strategy<Value = String> {
    let code = select(vec![
        "33", "590", "596", "594", "262", "508", "3", "34", "59", "591", "26", "263", "269", "50",
        "509", "1", "39",
    ]);
    let prefix = select(vec!["+", "00", "", "0", "+0", "000"]);
    let trunk = select(vec!["", "", "0", "00", "(0)"]);
    let separator = select(vec!["", " ", ".", "-", "\u{a0}", "\u{202f}"]);
    (prefix, code, trunk, "[0-9]{4,11}", separator).prop_map(
        |(prefix, code, trunk, digits, separator)| {
            let spaced: Vec<String> = digits
                .as_bytes()
                .chunks(2)
                .map(|pair| std::str::from_utf8(pair).unwrap().to_owned())
                .collect();
            let body = spaced.join(separator);
            if prefix.is_empty() || prefix == "0" {
                // Domestic: the code is not written.
                format!("{prefix}{body}")
            } else {
                format!("{prefix}{code} {trunk}{body}")
            }
        },
    )
}

/// A number of the fast path's shapes: a domestic number of any prefix, or a number of one of
/// its country codes, of the right length.
fn fast_path_shaped() -> impl Strategy<Value = String> {
    let domestic = "0[1-9][0-9]{8}".prop_map(|d| d);
    let international = (
        select(PLANS.to_vec()),
        select(vec!["+", "00", "+ ", "00 "]),
        any::<bool>(),
        "[1-9][0-9]{8}",
    )
        .prop_map(|((code, _, len), prefix, trunk, digits)| {
            let trunk = if trunk { "(0)" } else { "" };
            format!("{prefix}{code} {trunk}{}", &digits[..len])
        });
    prop_oneof![domestic, international]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn prop_fast_path_agrees_with_the_engine(
        input in prop_oneof![fast_path_shaped(), near_fast_path()]
    ) {
        let got = input.parse::<PhoneNumber>();
        let want = expected(&input);
        match (&got, &want) {
            (Ok(phone), Some(verdict)) => prop_assert_eq!(&Verdict::of(phone), verdict, "{:?}", input),
            (Err(_), None) => {}
            _ => prop_assert!(false, "{:?}: crate {:?}, engine {:?}", input, got, want),
        }
        // Whatever decided, the fast path's answer is the parser's.
        if let Some(fast) = phone_fast_path(&input) {
            prop_assert_eq!(fast, got, "{:?}", input);
        }
    }

    #[test]
    fn prop_fast_path_shapes_are_decided_by_the_fast_path(input in fast_path_shaped()) {
        prop_assert!(phone_fast_path(&input).is_some(), "{:?}", input);
    }
}

// ---------------------------------------------------------------------------------------------
// French and overseas numbers never load the engine.
// ---------------------------------------------------------------------------------------------

/// Run in a child process of this test binary (see below): parses the numbers of the sample
/// request, overseas numbers, invalid French numbers and stored numbers, then checks that the
/// engine was never loaded.
#[test]
#[ignore = "run by french_numbers_never_load_the_engine, in a fresh process"]
fn child_parses_french_numbers_without_the_engine() {
    assert!(!phone_engine_loaded(), "loaded before any parse");
    for input in [
        "01 99 00 12 34",
        "+33 1 99 00 12 35",
        "01.99.00.12.36",
        "06 12 34 56 78",
        "0033 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "0692 12 34 56",
        "0690 00 12 34",
        "+590 690 00 12 34",
        "+596 696 20 12 34",
        "+594 694 20 12 34",
        "+262 639 01 23 45",
        "+508 55 12 34",
    ] {
        assert!(input.parse::<PhoneNumber>().is_ok(), "{input:?}");
    }
    for input in ["07 00 12 34 56", "+33 6 90 62 90 42", "0691 99 12 34"] {
        assert!(input.parse::<PhoneNumber>().is_err(), "{input:?}");
    }
    let text = std::fs::read_to_string("examples/requests/hospiconnect.json").unwrap();
    assert!(datapass_psc::validate_json(&text).is_valid());
    // A stored number that today's metadata refuses is still read without the engine.
    assert!(PhoneNumber::from_stored("+33700123456").is_some());
    assert!(!phone_engine_loaded(), "the engine was loaded");
    // A foreign number does load it.
    assert!("+39 06 1234 5678".parse::<PhoneNumber>().is_ok());
    assert!(phone_engine_loaded());
}

#[test]
fn french_numbers_never_load_the_engine() {
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "phone_fast_path::child_parses_french_numbers_without_the_engine",
            "--test-threads=1",
        ])
        .env("RUST_BACKTRACE", "0")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "the child test failed: see its output above"
    );
}

// ---------------------------------------------------------------------------------------------
// The generator of the range table (src/identifiers/phone/ranges.rs).
// ---------------------------------------------------------------------------------------------

/// The engine's (region, mobile) for a national number of the plan `code`.
fn metadata_verdict(code: &str, national: &str) -> Option<(String, bool)> {
    let util = &*PHONE_NUMBER_UTIL;
    let number = util.parse(format!("+{code}{national}"), None).ok()?;
    let number_type = util.get_number_type(&number);
    if number_type == PhoneNumberType::Unknown {
        return None;
    }
    let region = util.get_region_for_number(&number)?.to_string();
    let mobile = matches!(
        number_type,
        PhoneNumberType::Mobile | PhoneNumberType::FixedLineOrMobile
    );
    Some((region, mobile))
}

/// Prints the range table from libphonenumber's metadata, in the syntax of
/// `src/identifiers/phone/ranges.rs`: for each plan, every national prefix of 5 digits (4 for
/// 6-digit numbers) is classified with 10 suffixes, which must agree (the metadata's patterns of
/// these regions end in `\d{4}` or more); runs of prefixes with the same region and mobile flag
/// are merged, and each run is written as one row, its ends with as few digits as they allow.
///
/// `cargo test --all-features --test it -- --ignored --nocapture print_the_range_table`
#[test]
#[ignore = "a generator: run it after a metadata update, and paste its output"]
fn print_the_range_table() {
    for (code, regions, len) in PLANS {
        let depth = (len - 4).min(5);
        let tail = len - depth;
        let suffixes: Vec<String> = [
            "0000", "9999", "5555", "1111", "7777", "3333", "2468", "1357", "8642", "9753",
        ]
        .iter()
        .map(|s| s[..tail.min(4)].repeat(tail.div_ceil(4))[..tail].to_owned())
        .collect();
        let scale = 10u32.pow(u32::try_from(depth).unwrap());
        let mut runs: Vec<(u32, u32, (String, bool))> = Vec::new();
        for prefix in scale / 10..scale {
            let verdicts: Vec<_> = suffixes
                .iter()
                .map(|suffix| metadata_verdict(code, &format!("{prefix}{suffix}")))
                .collect();
            assert!(
                verdicts.iter().all(|v| *v == verdicts[0]),
                "+{code} {prefix}: ranges end past digit {depth}: {verdicts:?}"
            );
            let Some(verdict) = verdicts[0].clone() else {
                continue;
            };
            match runs.last_mut() {
                Some((_, last, v)) if *v == verdict && *last + 1 == prefix => *last = prefix,
                _ => runs.push((prefix, prefix, verdict)),
            }
        }
        println!("// +{code}, {regions}: national numbers of {len} digits.");
        for (first, last, (region, mobile)) in runs {
            // One row per run, its ends written with as few digits as they allow.
            let mut step = 1;
            while step < scale / 10 && first % (step * 10) == 0 && (last + 1) % (step * 10) == 0 {
                step *= 10;
            }
            let width = depth - step.ilog10() as usize;
            let kind = if mobile { "MOBILE" } else { "OTHER" };
            println!(
                "    (\"{:0width$}\", \"{:0width$}\", {region}, {kind}),",
                first / step,
                last / step
            );
        }
    }
}
