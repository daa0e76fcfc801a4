//! One-line assertions shared by the integration tests (`mod util;` in each test file).
//!
//! Each helper is `#[track_caller]`, so a failure points at the table row that failed, not here.

// Each test binary uses a different subset of the helpers.
#![allow(dead_code)]

use std::fmt::Debug;
use std::str::FromStr;

use datapass_psc::{
    Diagnostic, Email, EmailError, PhoneNumber, PhoneNumberError, Siren, SirenError, Siret,
    SiretError,
};

/// Parses `input` as a SIRET and checks the canonical 14 digits it is stored as.
#[track_caller]
pub fn assert_siret_ok(input: &str, canonical: &str) -> Siret {
    let siret = Siret::from_str(input).unwrap_or_else(|e| {
        panic!(
            "{input:?} should be a valid SIRET, got {e:?} ({})",
            e.code()
        )
    });
    assert_eq!(siret.as_str(), canonical, "canonical form of {input:?}");
    siret
}

/// Parses `input` as a SIRET and checks the exact error variant and its code.
#[track_caller]
pub fn assert_siret_err(input: &str, expected: SiretError, code: &str) {
    match Siret::from_str(input) {
        Ok(siret) => panic!("{input:?} should be rejected with {code}, got {siret:?}"),
        Err(e) => {
            assert_eq!(e, expected, "error variant for {input:?}");
            assert_eq!(e.code(), code, "error code for {input:?}");
            assert_messages_complete(&e);
        }
    }
}

/// Parses `input` as a SIREN and checks the canonical 9 digits it is stored as.
#[track_caller]
pub fn assert_siren_ok(input: &str, canonical: &str) -> Siren {
    let siren = Siren::from_str(input).unwrap_or_else(|e| {
        panic!(
            "{input:?} should be a valid SIREN, got {e:?} ({})",
            e.code()
        )
    });
    assert_eq!(siren.as_str(), canonical, "canonical form of {input:?}");
    siren
}

/// Parses `input` as a SIREN and checks the exact error variant and its code.
#[track_caller]
pub fn assert_siren_err(input: &str, expected: SirenError, code: &str) {
    match Siren::from_str(input) {
        Ok(siren) => panic!("{input:?} should be rejected with {code}, got {siren:?}"),
        Err(e) => {
            assert_eq!(e, expected, "error variant for {input:?}");
            assert_eq!(e.code(), code, "error code for {input:?}");
            assert_messages_complete(&e);
        }
    }
}

/// Parses `input` as an email and checks the stored (trimmed, lowercase) address.
#[track_caller]
pub fn assert_email_ok(input: &str, stored: &str) -> Email {
    let email = Email::from_str(input).unwrap_or_else(|e| {
        panic!(
            "{input:?} should be a valid email, got {e:?} ({})",
            e.code()
        )
    });
    assert_eq!(email.as_str(), stored, "stored form of {input:?}");
    email
}

/// Parses `input` as an email and checks the exact error variant and its code.
#[track_caller]
pub fn assert_email_err(input: &str, expected: EmailError, code: &str) {
    match Email::from_str(input) {
        Ok(email) => panic!(
            "{input:?} should be rejected with {code}, got {}",
            email.as_str()
        ),
        Err(e) => {
            assert_eq!(e, expected, "error variant for {input:?}");
            assert_eq!(e.code(), code, "error code for {input:?}");
            assert_messages_complete(&e);
        }
    }
}

/// Parses `input` as a phone number and checks the E.164 form and the region.
#[track_caller]
pub fn assert_phone_ok(input: &str, e164: &str, region: Option<&str>) -> PhoneNumber {
    let phone = PhoneNumber::from_str(input).unwrap_or_else(|e| {
        panic!(
            "{input:?} should be a valid phone, got {e:?} ({})",
            e.code()
        )
    });
    assert_eq!(phone.as_str(), e164, "E.164 form of {input:?}");
    assert_eq!(phone.region(), region, "region of {input:?}");
    phone
}

/// Parses `input` as a phone number and checks the exact error variant and its code.
#[track_caller]
pub fn assert_phone_err(input: &str, expected: PhoneNumberError, code: &str) {
    match PhoneNumber::from_str(input) {
        Ok(phone) => panic!(
            "{input:?} should be rejected with {code}, got {}",
            phone.as_str()
        ),
        Err(e) => {
            assert_eq!(e, expected, "error variant for {input:?}");
            assert_eq!(e.code(), code, "error code for {input:?}");
            assert_messages_complete(&e);
        }
    }
}

/// Every message of a diagnostic is a non-empty sentence that starts with a capital letter, and
/// `Display` (the developer text) starts in lowercase without a trailing period (style rule 7).
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
        serde_json::Value::Object(e.params()).to_string(),
    ];
    for text in texts {
        assert!(!text.contains(secret), "{text:?} quotes {secret:?}");
    }
}
