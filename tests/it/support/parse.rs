//! One-line assertions for any type parsed with `FromStr` whose error is a `Diagnostic`.
//!
//! Each helper is `#[track_caller]`, so a failure points at the table row that failed.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use datapass_psc::Diagnostic;

/// Parses `input` and checks the canonical form it is stored as (its `Display`).
#[track_caller]
pub fn assert_ok<T>(input: &str, canonical: &str) -> T
where
    T: FromStr + Display,
    T::Err: Diagnostic + Debug,
{
    let value = T::from_str(input)
        .unwrap_or_else(|e| panic!("{input:?} should parse, got {e:?} ({})", e.code()));
    assert_eq!(value.to_string(), canonical, "canonical form of {input:?}");
    value
}

/// Parses `input` and checks the exact error, its code, and that its messages are complete.
#[track_caller]
#[allow(clippy::needless_pass_by_value)] // Tables read better with the error written inline.
pub fn assert_err<T>(input: &str, expected: T::Err, code: &str)
where
    T: FromStr + Display,
    T::Err: Diagnostic + Debug + PartialEq,
{
    match T::from_str(input) {
        Ok(value) => panic!("{input:?} should be rejected with {code}, got {value}"),
        Err(e) => {
            assert_eq!(e, expected, "error of {input:?}");
            assert_eq!(e.code(), code, "code of {input:?}");
            assert_messages_complete(&e);
        }
    }
}

/// The error of an input that must be refused.
#[track_caller]
pub fn err_of<T>(input: &str) -> T::Err
where
    T: FromStr + Display,
{
    match T::from_str(input) {
        Ok(value) => panic!("{input:?} should be rejected, got {value}"),
        Err(e) => e,
    }
}

/// Every message of a diagnostic is a non-empty sentence that starts with a capital letter, and
/// `Display` (the developer text) starts in lowercase without a trailing period.
#[track_caller]
pub fn assert_messages_complete<E: Diagnostic + Debug>(e: &E) {
    for (lang, message) in [("fr", e.message_fr()), ("en", e.message_en())] {
        let first = message.chars().next();
        assert!(
            first.is_some_and(char::is_uppercase),
            "{lang} message of {e:?} should start with a capital letter: {message:?}"
        );
    }
    let display = e.to_string();
    assert!(
        display.chars().next().is_some_and(char::is_lowercase),
        "Display of {e:?} should start in lowercase: {display:?}"
    );
    assert!(
        !display.ends_with('.'),
        "Display of {e:?} ends with a period: {display:?}"
    );
}

/// No text a diagnostic produces (messages, `Display`, `Debug`, params) contains `secret`.
#[track_caller]
pub fn assert_never_quotes<E: Diagnostic + Debug>(e: &E, secret: &str) {
    let texts = [
        e.message_fr(),
        e.message_en(),
        e.to_string(),
        format!("{e:?}"),
        serde_json::to_string(&e.params()).unwrap(),
    ];
    for text in texts {
        assert!(!text.contains(secret), "{text:?} quotes {secret:?}");
    }
}

/// The params of a diagnostic as JSON, to compare with `json!({…})`.
pub fn params_of(e: &dyn Diagnostic) -> serde_json::Value {
    serde_json::to_value(e.params()).unwrap()
}
