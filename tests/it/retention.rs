//! RetentionPeriod: bounds, the 36-month threshold, calendar arithmetic of `deletion_date`,
//! serde as an integer, codes and messages.

use crate::support::parse::{assert_messages_complete, params_of};
use chrono::{Datelike, NaiveDate};
use datapass_psc::{Diagnostic, RetentionPeriod, RetentionPeriodError};
use serde_json::json;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn months(n: u16) -> RetentionPeriod {
    RetentionPeriod::new(n).expect("a period within 0-1200")
}

// ---------------------------------------------------------------------------------------------
// Bounds: 0 to 1200 months.
// ---------------------------------------------------------------------------------------------

#[test]
fn bounds() {
    for n in [0, 1, 36, 37, 1199, 1200] {
        assert_eq!(months(n).months(), n);
        assert_eq!(RetentionPeriod::try_from(n), Ok(months(n)));
        assert_eq!(RetentionPeriod::try_from(i64::from(n)), Ok(months(n)));
        assert_eq!(u16::from(months(n)), n);
    }
    for n in [1201, 1300, u16::MAX] {
        let expected = RetentionPeriodError::OutOfRange {
            found: i64::from(n),
        };
        assert_eq!(RetentionPeriod::new(n), Err(expected));
        assert_eq!(RetentionPeriod::try_from(n), Err(expected));
        assert_eq!(RetentionPeriod::try_from(i64::from(n)), Err(expected));
    }
}

#[test]
fn negative_and_huge_i64_keep_the_value_found() {
    // The draft takes any JSON integer; the range rule reports what was given.
    for found in [-1, -36, i64::MIN, 65_536, i64::MAX] {
        assert_eq!(
            RetentionPeriod::try_from(found),
            Err(RetentionPeriodError::OutOfRange { found })
        );
    }
}

/// `new` is a `const fn`: usable in a constant.
const TWO_YEARS: RetentionPeriod = match RetentionPeriod::new(24) {
    Ok(period) => period,
    Err(_) => panic!("24 months is within range"),
};

#[test]
fn constants() {
    assert_eq!(RetentionPeriod::MAX.months(), 1200);
    assert_eq!(RetentionPeriod::USUAL_MAX.months(), 36);
    assert_eq!(RetentionPeriod::MAX, months(1200));
    assert_eq!(TWO_YEARS.months(), 24);
}

#[test]
fn ordering_follows_the_number_of_months() {
    assert!(months(0) < months(36));
    assert!(months(36) < RetentionPeriod::MAX);
    let mut sorted = [months(37), months(0), months(1200), months(36)];
    sorted.sort();
    assert_eq!(sorted.map(RetentionPeriod::months), [0, 36, 37, 1200]);
}

// ---------------------------------------------------------------------------------------------
// Justification above 36 months.
// ---------------------------------------------------------------------------------------------

#[test]
fn requires_justification_above_36_months() {
    for n in [0, 1, 35, 36] {
        assert!(!months(n).requires_justification(), "{n}");
    }
    for n in [37, 48, 1200] {
        assert!(months(n).requires_justification(), "{n}");
    }
    assert!(!RetentionPeriod::USUAL_MAX.requires_justification());
    assert!(RetentionPeriod::MAX.requires_justification());
}

// ---------------------------------------------------------------------------------------------
// deletion_date: calendar months, clamped to the end of the month, saturating.
// ---------------------------------------------------------------------------------------------

#[test]
fn deletion_date_adds_calendar_months() {
    assert_eq!(
        months(0).deletion_date(date(2024, 1, 31)),
        date(2024, 1, 31)
    );
    assert_eq!(
        months(1).deletion_date(date(2024, 3, 15)),
        date(2024, 4, 15)
    );
    assert_eq!(
        months(12).deletion_date(date(2024, 2, 29)),
        date(2025, 2, 28)
    );
    assert_eq!(months(36).deletion_date(date(2024, 5, 1)), date(2027, 5, 1));
    assert_eq!(
        months(1200).deletion_date(date(2024, 5, 1)),
        date(2124, 5, 1)
    );
    // Across a year end.
    assert_eq!(
        months(3).deletion_date(date(2024, 11, 30)),
        date(2025, 2, 28)
    );
}

#[test]
fn deletion_date_clamps_to_the_end_of_the_month() {
    #[rustfmt::skip]
    let cases = [
        // 31 January + 1 month: 29 February in a leap year, 28 otherwise.
        (1,  date(2024, 1, 31), date(2024, 2, 29)),
        (1,  date(2023, 1, 31), date(2023, 2, 28)),
        (1,  date(2100, 1, 31), date(2100, 2, 28)),
        (1,  date(2000, 1, 31), date(2000, 2, 29)),
        // 31 March + 1 month: 30 April.
        (1,  date(2024, 3, 31), date(2024, 4, 30)),
        // Clamping does not carry over: 31 January + 2 months is 31 March.
        (2,  date(2024, 1, 31), date(2024, 3, 31)),
        // The example of the type's documentation: 31 January 2024 + 13 months.
        (13, date(2024, 1, 31), date(2025, 2, 28)),
    ];
    for (n, from, expected) in cases {
        assert_eq!(
            months(n).deletion_date(from),
            expected,
            "{n} months after {from}"
        );
    }
}

#[test]
fn deletion_date_saturates_at_the_last_date() {
    assert_eq!(months(1).deletion_date(NaiveDate::MAX), NaiveDate::MAX);
    assert_eq!(
        RetentionPeriod::MAX.deletion_date(NaiveDate::MAX),
        NaiveDate::MAX
    );
    // Less than 1200 months before the last date: saturates too.
    let near_the_end = NaiveDate::MAX
        .with_day(1)
        .and_then(|d| d.checked_sub_months(chrono::Months::new(10)))
        .expect("a date before the last one");
    assert_eq!(
        RetentionPeriod::MAX.deletion_date(near_the_end),
        NaiveDate::MAX
    );
    // Zero months from the last date is the last date, not an overflow.
    assert_eq!(months(0).deletion_date(NaiveDate::MAX), NaiveDate::MAX);
    // From the first date, no saturation.
    assert!(months(1200).deletion_date(NaiveDate::MIN) > NaiveDate::MIN);
}

// ---------------------------------------------------------------------------------------------
// serde: an integer on the wire (not a string).
// ---------------------------------------------------------------------------------------------

#[test]
fn serializes_as_an_integer() {
    assert_eq!(serde_json::to_string(&months(36)).unwrap(), "36");
    assert_eq!(
        serde_json::to_value(RetentionPeriod::MAX).unwrap(),
        json!(1200)
    );
}

#[test]
fn deserializes_integers_in_range_only() {
    for n in [0u16, 36, 37, 1200] {
        let parsed: RetentionPeriod = serde_json::from_value(json!(n)).unwrap();
        assert_eq!(parsed, months(n));
    }
    // The message gives the code, never the number read.
    for (value, found) in [
        (json!(1201), "1201"),
        (json!(1300), "1300"),
        (json!(-1), "-1"),
    ] {
        let error = serde_json::from_value::<RetentionPeriod>(value).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: expected 0 to 1200 months (retention.out_of_range)"
        );
        assert!(!error.to_string().contains(found));
    }
}

#[test]
fn other_json_types_are_rejected() {
    // JSON integers only: not `"12"`, not `12.5`, not `12.0`.
    for value in ["\"12\"", "12.5", "12.0", "null", "true", "[12]", "{}"] {
        assert!(
            serde_json::from_str::<RetentionPeriod>(value).is_err(),
            "{value} should be rejected"
        );
    }
    // Beyond i64 is a type error, not a panic.
    assert!(serde_json::from_str::<RetentionPeriod>("18446744073709551616").is_err());
    assert!(serde_json::from_str::<RetentionPeriod>("9223372036854775808").is_err());
}

#[test]
fn round_trip() {
    for n in [0u16, 36, 37, 1200] {
        let json = serde_json::to_string(&months(n)).unwrap();
        let back: RetentionPeriod = serde_json::from_str(&json).unwrap();
        assert_eq!(back, months(n));
    }
}

// ---------------------------------------------------------------------------------------------
// Display, Debug, code and messages.
// ---------------------------------------------------------------------------------------------

#[test]
fn display_and_debug() {
    assert_eq!(months(36).to_string(), "36 months");
    assert_eq!(format!("{:?}", months(36)), "RetentionPeriod(36 months)");
}

#[test]
fn code_messages_and_params() {
    let error = RetentionPeriod::try_from(1300_i64).unwrap_err();
    assert_eq!(error.code(), "retention.out_of_range");
    assert_eq!(
        error.message_fr(),
        "La durée de conservation des données doit être comprise entre 0 et 1200 mois (1300 \
         indiqué)"
    );
    assert_eq!(
        error.message_en(),
        "The data retention period must be between 0 and 1200 months (1300 given)"
    );
    assert_eq!(
        params_of(&error),
        json!({"min": 0, "max": 1200, "found": 1300})
    );
    assert_eq!(
        error.to_string(),
        "retention period out of range: expected 0 to 1200 months, found 1300"
    );
    assert_messages_complete(&error);

    let negative = RetentionPeriod::try_from(-1_i64).unwrap_err();
    assert_eq!(negative.code(), "retention.out_of_range");
    assert_eq!(
        params_of(&negative),
        json!({"min": 0, "max": 1200, "found": -1})
    );
}
