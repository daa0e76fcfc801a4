//! Email parsing: the strict `email_address` options, trimming and lowercasing, the 254-character
//! limit, masking in `Debug`, and messages that never quote the address.

use crate::support::parse::{
    assert_err, assert_messages_complete, assert_never_quotes, assert_ok, params_of,
};
use datapass_psc::{Diagnostic, Email, EmailError};
use serde_json::json;

const INVALID: &str = "email.invalid";

fn email(input: &str) -> Email {
    input.parse().expect("a valid email in the test table")
}

fn email_error(input: &str) -> EmailError {
    input.parse::<Email>().expect_err("an invalid email")
}

/// A domain of exactly `len` characters: three 63-character labels, then a filler label and `.fr`.
fn domain_of_len(len: usize) -> String {
    let filler = len - (3 * 63 + 3) - 3;
    assert!(
        (1..=63).contains(&filler),
        "filler label of {filler} characters"
    );
    format!(
        "{}.{}.{}.{}.fr",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(filler)
    )
}

// ---------------------------------------------------------------------------------------------
// Test vectors of the crate's email rule.
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_file_rejections() {
    assert_err::<Email>("Jean <jean@exemple.fr>", EmailError::DisplayText, INVALID);
    assert_err::<Email>("a@b", EmailError::MissingTopLevelDomain, INVALID);
    assert_err::<Email>("jean@[127.0.0.1]", EmailError::DomainLiteral, INVALID);
    // The last domain label must contain a letter.
    assert_err::<Email>("jean@1.2.3.4", EmailError::MissingTopLevelDomain, INVALID);
    assert_err::<Email>(
        "jean@exemple.123",
        EmailError::MissingTopLevelDomain,
        INVALID,
    );
    // `validator`'s HTML rule accepts these two; `email_address` does not.
    assert_err::<Email>("jean..dupont@exemple.fr", EmailError::Syntax, INVALID);
    assert_err::<Email>(".jean@exemple.fr", EmailError::Syntax, INVALID);
}

#[test]
fn rules_file_default_options_table() {
    // "What the default options wrongly accept": each is rejected with the strict options.
    assert_err::<Email>(
        "Simon <simon@example.com>",
        EmailError::DisplayText,
        INVALID,
    );
    for input in ["user@localhost", "abc@bar", "a@b"] {
        assert_err::<Email>(input, EmailError::MissingTopLevelDomain, INVALID);
    }
    assert_err::<Email>("email@[127.0.0.1]", EmailError::DomainLiteral, INVALID);
    assert_err::<Email>("email@[127.0.0.256]", EmailError::DomainLiteral, INVALID);
}

#[test]
fn rules_file_acceptances() {
    // Trimmed, then stored in lowercase.
    assert_ok::<Email>(" Jean.Dupont@Exemple.FR ", "jean.dupont@exemple.fr");
    // Strict options still accept a quoted local part and a UTF-8 local part (RFC 5322, 6531).
    assert_ok::<Email>(
        "\"quoted local\"@example.com",
        "\"quoted local\"@example.com",
    );
    assert_ok::<Email>("josé@exemple.fr", "josé@exemple.fr");
    // DataPass lowercases contact emails the same way: `"  Tech@gouv.fr"` is stored as
    // `tech@gouv.fr` (etalab/data_pass: spec/models/authorization_request_spec.rb).
    assert_ok::<Email>("  Tech@gouv.fr", "tech@gouv.fr");
}

#[test]
fn blank_is_empty() {
    for input in ["", " ", "\t\r\n", "\u{a0}\u{202f}"] {
        assert_err::<Email>(input, EmailError::Empty, "email.empty");
    }
}

// ---------------------------------------------------------------------------------------------
// The 254-character limit, counted in characters after trimming.
// ---------------------------------------------------------------------------------------------

#[test]
fn at_most_254_characters() {
    let at_limit = format!("jean@{}", domain_of_len(249));
    assert_eq!(at_limit.chars().count(), 254);
    assert_ok::<Email>(&at_limit, &at_limit);

    let over = format!("jean@{}", domain_of_len(250));
    assert_eq!(over.chars().count(), 255);
    assert_err::<Email>(&over, EmailError::TooLong { found: 255 }, INVALID);
    // Checked before parsing: even a value that is not an address at all.
    assert_err::<Email>(
        &"x".repeat(300),
        EmailError::TooLong { found: 300 },
        INVALID,
    );
}

#[test]
fn the_limit_counts_characters_not_bytes_and_ignores_surrounding_whitespace() {
    // 254 characters, 255 bytes (`é` is two bytes).
    let accented = format!("josé@{}", domain_of_len(249));
    assert_eq!(accented.chars().count(), 254);
    assert_eq!(accented.len(), 255);
    assert_ok::<Email>(&accented, &accented);
    // Surrounding whitespace does not count.
    let padded = format!("   {accented}\u{a0}\t");
    assert_ok::<Email>(&padded, &accented);
}

#[test]
fn the_limit_applies_to_the_stored_lowercase_form_too() {
    // `İ` (U+0130) lowercases to two characters (`i` + U+0307): 254 characters as typed, 255 once
    // lowercased. The stored form is what must fit.
    let input = format!("\u{130}@{}", domain_of_len(252));
    assert_eq!(input.chars().count(), 254);
    assert_err::<Email>(&input, EmailError::TooLong { found: 255 }, INVALID);
}

#[test]
fn local_part_and_domain_limits() {
    // Local part of 65 characters (email_address tests: "local part is longer than 64").
    let local = format!("{}@exemple.fr", "a".repeat(65));
    assert_err::<Email>(&local, EmailError::LocalPartTooLong, INVALID);
    let local = format!("{}@exemple.fr", "a".repeat(64));
    assert_ok::<Email>(&local, &local);
    // A 64-character domain label.
    let label = format!("jean@{}.fr", "a".repeat(64));
    assert_err::<Email>(&label, EmailError::DomainTooLong, INVALID);
}

// ---------------------------------------------------------------------------------------------
// Wikipedia's examples, as collected in the `email_address` crate's own tests
// (johnstonskj/rust-email_address: tests/core_tests.rs), with the crate's strict options.
// ---------------------------------------------------------------------------------------------

#[test]
fn email_address_good_examples() {
    for input in [
        "simple@example.com",
        "very.common@example.com",
        "disposable.style.email.with+symbol@example.com",
        "other.email-with-hyphen@example.com",
        "fully-qualified-domain@example.com",
        "user.name+tag+sorting@example.com",
        "x@example.com",
        "example-indeed@strange-example.com",
        "example@s.example",
        "\" \"@example.org",
        "\"john..doe\"@example.org",
        "mailhost!username@example.org",
        "user%example.com@example.org",
        "user+mailbox/department=shipping@example.com",
        "!#$%&'*+-/=?^_`.{|}~@example.com",
        "\"abc@def\"@example.com",
        "\"joe.\\\\blow\"@example.com",
        "用户@例子.广告",
        "अजय@डाटा.भारत",
        "квіточка@пошта.укр",
        "θσερ@εχαμπλε.ψομ",
        "коля@пример.рф",
    ] {
        assert_ok::<Email>(input, input);
    }
    // Stored in lowercase, non-ASCII letters included.
    assert_ok::<Email>("\"Abc@def\"@example.com", "\"abc@def\"@example.com");
    assert_ok::<Email>("Dörte@Sörensen.example.com", "dörte@sörensen.example.com");
}

#[test]
fn email_address_good_examples_that_the_strict_options_reject() {
    // "local domain name with no TLD": a top-level domain is required.
    assert_err::<Email>(
        "admin@mailserver1",
        EmailError::MissingTopLevelDomain,
        INVALID,
    );
    // Domain literals.
    assert_err::<Email>("jsmith@[192.168.2.1]", EmailError::DomainLiteral, INVALID);
    assert_err::<Email>(
        "jsmith@[IPv6:2001:db8::1]",
        EmailError::DomainLiteral,
        INVALID,
    );
}

#[test]
fn email_address_bad_examples() {
    assert_err::<Email>("Abc.example.com", EmailError::MissingAt, INVALID);
    for input in [
        "A@b@c@example.com",
        "just\"not\"right@example.com",
        "this is\"not\\allowed@example.com",
        "this\\ still\"not\\allowed@example.com",
        "@example.com",
        "\"\"@example.com",
        "simon@",
        "example@invalid-.com",
        "example@-invalid.com",
        "example@invalid.com-",
        "example@inv-.alid-.com",
        "example@-.com",
        "example@.com",
    ] {
        assert_err::<Email>(input, EmailError::Syntax, INVALID);
    }
    assert_err::<Email>(
        "1234567890123456789012345678901234567890123456789012345678901234+x@example.com",
        EmailError::LocalPartTooLong,
        INVALID,
    );
    assert_err::<Email>(
        "foo@example.v1234567890123456789012345678901234567890123456789012345678901234v.com",
        EmailError::DomainTooLong,
        INVALID,
    );
}

#[test]
fn inner_whitespace_is_not_trimmed() {
    for input in [
        "jean dupont@exemple.fr",
        "jean@exem ple.fr",
        "jean@exemple.fr x",
    ] {
        let error = email_error(input);
        assert_eq!(error.code(), INVALID, "{input:?}: {error:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Stored form, accessors, equality.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_stored_form_parses_back_to_itself() {
    for input in [
        " Jean.Dupont@Exemple.FR ",
        "\"Quoted Local\"@Example.com",
        "JOSÉ@EXEMPLE.FR",
        "Dörte@Sörensen.example.com",
    ] {
        let parsed = email(input);
        let again = email(parsed.as_str());
        assert_eq!(again, parsed);
        assert_eq!(again.as_str(), parsed.as_str());
    }
}

#[test]
fn case_and_whitespace_variants_are_equal() {
    use std::collections::HashSet;
    let set: HashSet<Email> = [
        "jean.dupont@exemple.fr",
        "Jean.Dupont@Exemple.FR",
        " JEAN.DUPONT@EXEMPLE.FR\n",
    ]
    .into_iter()
    .map(email)
    .collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn accessors() {
    let e = email(" Jean.Dupont@Exemple.FR ");
    assert_eq!(e.as_str(), "jean.dupont@exemple.fr");
    assert_eq!(e.to_string(), "jean.dupont@exemple.fr");
    assert_eq!(e.domain(), "exemple.fr");
    // The domain is what follows the last `@`, outside the quotes.
    assert_eq!(email("\"a@b\"@example.com").domain(), "example.com");
}

// ---------------------------------------------------------------------------------------------
// Masking.
// ---------------------------------------------------------------------------------------------

#[test]
fn debug_is_masked() {
    let e = email("Jean.Dupont@Exemple.FR");
    assert_eq!(e.masked(), "j***@exemple.fr");
    assert_eq!(format!("{e:?}"), "Email(j***@exemple.fr)");
    assert!(!format!("{e:?}").contains("dupont"));
    assert!(!format!("{e:#?}").contains("dupont"));
    // Inside a derived `Debug` too.
    let in_vec = format!("{:?}", vec![e.clone()]);
    assert_eq!(in_vec, "[Email(j***@exemple.fr)]");
    // `Display` and `as_str` give the whole address.
    assert_eq!(e.to_string(), "jean.dupont@exemple.fr");
}

#[test]
fn masking_keeps_one_character_whatever_its_width() {
    // A short local part would be given away, so it is masked entirely.
    assert_eq!(email("x@example.com").masked(), "***");
    assert_eq!(email("用户@例子.广告").masked(), "***");
    assert_eq!(email("josé@exemple.fr").masked(), "j***@exemple.fr");
    assert_eq!(email("用户名@例子.广告").masked(), "用***@例子.广告");
    assert_eq!(
        email("\"quoted local\"@example.com").masked(),
        "\"q***\"@example.com"
    );
}

// ---------------------------------------------------------------------------------------------
// Messages.
// ---------------------------------------------------------------------------------------------

#[test]
fn messages_never_quote_the_address() {
    let too_long = format!("secret.agent@{}", domain_of_len(250));
    for input in [
        "Secret Agent <secret.agent@prive-domaine.fr>",
        "secret.agent@prive-domaine",
        "secret.agent@[10.0.0.1]",
        "secret..agent@prive-domaine.fr",
        ".secret@prive-domaine.fr",
        "secret.agent.prive-domaine.fr",
        "secret.agent@prive-domaine.123",
        too_long.as_str(),
    ] {
        let error = email_error(input);
        assert_eq!(error.code(), INVALID, "{input:?}");
        assert_never_quotes(&error, "secret");
        assert_never_quotes(&error, "prive");
        assert_messages_complete(&error);
    }
}

#[test]
fn exact_messages() {
    let cases = [
        (
            email_error("  "),
            "L'adresse e-mail doit être remplie",
            "The email address must be filled in",
            json!({}),
        ),
        (
            email_error("Jean <jean@exemple.fr>"),
            "L'adresse e-mail n'est pas valide : indiquez l'adresse seule, sans nom ni chevrons",
            "The email address is not valid: give the address alone, without a name or angle \
             brackets",
            json!({}),
        ),
        (
            email_error(&format!("jean@{}", domain_of_len(250))),
            "L'adresse e-mail n'est pas valide : elle dépasse 254 caractères (255 caractères)",
            "The email address is not valid: it exceeds 254 characters (255 characters)",
            json!({"max": 254, "found": 255}),
        ),
        (
            email_error("jean@1.2.3.4"),
            "L'adresse e-mail n'est pas valide : le domaine doit se terminer par une extension \
             (.fr, .com…)",
            "The email address is not valid: the domain must end with a top-level domain (.fr, \
             .com…)",
            json!({}),
        ),
    ];
    for (error, fr, en, params) in cases {
        assert_eq!(error.message_fr(), fr);
        assert_eq!(error.message_en(), en);
        assert_eq!(params_of(&error), params);
    }
}

#[test]
fn every_variant_has_a_distinct_french_detail() {
    use std::collections::HashSet;
    let errors = [
        email_error(""),
        email_error(&"x".repeat(255)),
        email_error("jean.exemple.fr"),
        email_error("Jean <jean@exemple.fr>"),
        email_error("jean@[127.0.0.1]"),
        email_error("jean@exemple"),
        email_error(&format!("{}@exemple.fr", "a".repeat(65))),
        email_error(&format!("jean@{}.fr", "a".repeat(64))),
        email_error("jean..dupont@exemple.fr"),
    ];
    let variants: HashSet<String> = errors.iter().map(|e| format!("{e:?}")).collect();
    assert_eq!(
        variants.len(),
        errors.len(),
        "one input per variant: {errors:?}"
    );
    let messages: HashSet<String> = errors.iter().map(Diagnostic::message_fr).collect();
    assert_eq!(messages.len(), errors.len());
}

#[test]
fn invisible_characters_outside_quotes_are_rejected() {
    for input in [
        "jean@exemple.fr\u{a0}x",
        "je\u{a0}an@exemple.fr",
        "jean\u{85}@exemple.fr",
        "jean@exe\u{202e}mple.fr",
        "je\u{200b}an@exemple.fr",
    ] {
        assert_eq!(
            input.parse::<datapass_psc::Email>(),
            Err(datapass_psc::EmailError::Syntax),
            "{input:?}"
        );
    }
    // A quoted local part may hold a space.
    assert!(
        "\"jean dupont\"@exemple.fr"
            .parse::<datapass_psc::Email>()
            .is_ok()
    );
}
