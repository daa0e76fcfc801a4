//! Request and habilitation numbers: the accepted forms, the rejected ones with their errors,
//! messages, serde, the JSON Schema, the trait contract, and property tests.

use datapass_psc::Diagnostic;
use datapass_psc::lifecycle::{
    HabilitationNumber, HabilitationNumberError, RequestNumber, RequestNumberError,
};
use proptest::prelude::*;
use schemars::JsonSchema;
use serde_json::json;

use crate::support::parse::params_of;

#[track_caller]
fn d(input: &str) -> Result<RequestNumber, RequestNumberError> {
    input.parse()
}

#[track_caller]
fn h(input: &str) -> Result<HabilitationNumber, HabilitationNumberError> {
    input.parse()
}

#[test]
fn request_numbers_accept_the_three_forms() {
    for input in ["D60501", "d60501", "60501", "  D60501\n", "\u{a0}60501\t"] {
        let number = d(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(number.to_string(), "D60501");
        assert_eq!(number.get(), 60501);
        assert_eq!(u64::from(number), 60501);
        assert_eq!(String::from(number), "D60501");
    }
    assert_eq!(d("1").unwrap().to_string(), "D1");
    assert_eq!(d("D999999999999").unwrap().get(), 999_999_999_999);
}

#[test]
fn habilitation_numbers_accept_the_three_forms() {
    for input in ["H118386", "h118386", "118386", " H118386 "] {
        let number = h(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(number.to_string(), "H118386");
        assert_eq!(number.get(), 118_386);
    }
}

#[test]
fn request_number_rejections() {
    use RequestNumberError as E;
    let cases = [
        ("", E::Empty),
        ("   ", E::Empty),
        ("D0", E::Zero),
        ("0", E::Zero),
        ("D000", E::Zero),
        ("D060501", E::LeadingZero),
        (
            "D-123",
            E::InvalidCharacter {
                character: '-',
                index: 1,
            },
        ),
        ("H60501", E::WrongPrefix { found: 'H' }),
        ("h60501", E::WrongPrefix { found: 'h' }),
        ("D", E::NoDigits),
        (
            "DD1",
            E::InvalidCharacter {
                character: 'D',
                index: 1,
            },
        ),
        (
            "D 60501",
            E::InvalidCharacter {
                character: ' ',
                index: 1,
            },
        ),
        (
            "  D60 501",
            E::InvalidCharacter {
                character: ' ',
                index: 5,
            },
        ),
        (
            "D+1",
            E::InvalidCharacter {
                character: '+',
                index: 1,
            },
        ),
        (
            "X60501",
            E::InvalidCharacter {
                character: 'X',
                index: 0,
            },
        ),
        (
            "D６0501",
            E::InvalidCharacter {
                character: '６',
                index: 1,
            },
        ),
        ("D1234567890123", E::TooLong { found: 13 }),
        ("D18446744073709551616", E::TooLong { found: 20 }),
        (
            "D60501.0",
            E::InvalidCharacter {
                character: '.',
                index: 6,
            },
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(d(input), Err(expected), "{input:?}");
    }
}

#[test]
fn habilitation_number_rejections() {
    use HabilitationNumberError as E;
    assert_eq!(h("D118386"), Err(E::WrongPrefix { found: 'D' }));
    assert_eq!(h("d1"), Err(E::WrongPrefix { found: 'd' }));
    assert_eq!(h("H0"), Err(E::Zero));
    assert_eq!(h("H0118386"), Err(E::LeadingZero));
    assert_eq!(
        h("H-1"),
        Err(E::InvalidCharacter {
            character: '-',
            index: 1
        })
    );
    assert_eq!(h("1234567890123"), Err(E::TooLong { found: 13 }));
    assert_eq!(h(""), Err(E::Empty));
    assert_eq!(h("h"), Err(E::NoDigits));
}

#[test]
fn new_checks_the_range() {
    assert_eq!(RequestNumber::new(0), Err(RequestNumberError::Zero));
    assert_eq!(
        RequestNumber::new(1_000_000_000_000),
        Err(RequestNumberError::TooLong { found: 13 })
    );
    assert_eq!(
        HabilitationNumber::new(u64::MAX),
        Err(HabilitationNumberError::TooLong { found: 20 })
    );
    assert_eq!(
        RequestNumber::try_from(60501).unwrap(),
        d("D60501").unwrap()
    );
    assert_eq!(HabilitationNumber::try_from("H1").unwrap().get(), 1);
    assert_eq!(
        HabilitationNumber::try_from(String::from("2"))
            .unwrap()
            .get(),
        2
    );
}

#[test]
fn codes_and_messages() {
    let error = d("D-123").unwrap_err();
    assert_eq!(error.code(), "request_number.invalid");
    assert_eq!(error.to_string(), "unexpected character '-' at index 1");
    assert_eq!(
        error.message_fr(),
        "Le numéro de demande contient un caractère non autorisé (« - », position 2)"
    );
    assert_eq!(
        error.message_en(),
        "The request number contains a character that is not allowed ('-', position 2)"
    );
    assert_eq!(params_of(&error), json!({"index": 1, "character": "-"}));

    let error = d("H60501").unwrap_err();
    assert_eq!(error.code(), "request_number.invalid");
    assert_eq!(
        error.to_string(),
        "habilitation number prefix 'H' in a request number"
    );
    assert_eq!(
        error.message_fr(),
        "Le numéro de demande commence par « H », le préfixe des numéros d'habilitation \
         (attendu : un numéro comme D60501)"
    );
    assert_eq!(
        error.message_en(),
        "The request number starts with 'H', the prefix of habilitation numbers (expected a \
         number such as D60501)"
    );

    let error = h("D1").unwrap_err();
    assert_eq!(error.code(), "habilitation_number.invalid");
    assert_eq!(
        error.to_string(),
        "request number prefix 'D' in a habilitation number"
    );

    assert_eq!(d("").unwrap_err().code(), "request_number.empty");
    assert_eq!(d("").unwrap_err().to_string(), "empty request number");
    assert_eq!(h(" ").unwrap_err().code(), "habilitation_number.empty");
    assert_eq!(
        h(" ").unwrap_err().message_fr(),
        "Le numéro d'habilitation doit être rempli"
    );
    assert_eq!(
        d("D0").unwrap_err().to_string(),
        "request number zero is not allowed"
    );
    assert_eq!(
        d("D0").unwrap_err().message_fr(),
        "Le numéro de demande doit être un nombre strictement positif"
    );
    assert_eq!(d("D01").unwrap_err().to_string(), "leading zero");
    assert_eq!(
        d("D01").unwrap_err().message_en(),
        "The request number must not start with a zero"
    );
    let long = d("1234567890123").unwrap_err();
    assert_eq!(
        long.to_string(),
        "too many digits: expected at most 12, found 13"
    );
    assert_eq!(
        long.message_fr(),
        "Le numéro de demande comporte trop de chiffres (12 au plus, 13 trouvés)"
    );
    assert_eq!(params_of(&long), json!({"max": 12, "found": 13}));
    assert_eq!(
        d("D").unwrap_err().to_string(),
        "missing digits after the prefix 'D'"
    );
    assert_eq!(
        h("H").unwrap_err().message_fr(),
        "Le numéro d'habilitation doit comporter des chiffres après le préfixe « H »"
    );
}

#[test]
fn debug_and_ordering() {
    assert_eq!(
        format!("{:?}", d("60501").unwrap()),
        "RequestNumber(D60501)"
    );
    assert_eq!(
        format!("{:?}", h("118386").unwrap()),
        "HabilitationNumber(H118386)"
    );
    assert!(h("H60501").unwrap() < h("H118386").unwrap());
}

#[test]
fn serde_uses_the_display_form_and_the_parser() {
    assert_eq!(
        serde_json::to_string(&d("d60501").unwrap()).unwrap(),
        "\"D60501\""
    );
    assert_eq!(
        serde_json::to_string(&h("118386").unwrap()).unwrap(),
        "\"H118386\""
    );
    let number: RequestNumber = serde_json::from_str("\" 60501 \"").unwrap();
    assert_eq!(number.to_string(), "D60501");
    let error = serde_json::from_str::<RequestNumber>("\"H60501\"").unwrap_err();
    // The message names the code, never the input.
    assert!(
        error.to_string().contains("(request_number.invalid)"),
        "{error}"
    );
    assert!(!error.to_string().contains("H60501"), "{error}");
    // Not a JSON number: the display form is a string.
    let error = serde_json::from_str::<RequestNumber>("60501").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("a request number such as D60501"),
        "{error}"
    );
    assert!(serde_json::from_str::<HabilitationNumber>("\"D1\"").is_err());
}

fn validator<T: JsonSchema>() -> jsonschema::Validator {
    let schema = schemars::schema_for!(T).to_value();
    jsonschema::validator_for(&schema).expect("valid schema")
}

#[test]
fn schemas_accept_every_parsable_form() {
    let schema = schemars::schema_for!(RequestNumber).to_value();
    assert_eq!(schema["type"], "string");
    assert!(
        schema["description"].as_str().unwrap().contains("`D60501`"),
        "{schema}"
    );
    let requests = validator::<RequestNumber>();
    let habilitations = validator::<HabilitationNumber>();
    for input in [
        "D60501",
        "d60501",
        "60501",
        " D60501 ",
        "\u{85}D1\u{85}",
        "\u{a0}1\u{3000}",
        "D999999999999",
    ] {
        assert!(d(input).is_ok(), "{input:?}");
        assert!(requests.is_valid(&json!(input)), "schema rejects {input:?}");
    }
    for input in [
        "",
        "D0",
        "D060501",
        "D-123",
        "H60501",
        "D",
        "D1234567890123",
        "D 1",
    ] {
        assert!(d(input).is_err(), "{input:?}");
        assert!(
            !requests.is_valid(&json!(input)),
            "schema accepts {input:?}"
        );
    }
    for input in ["H118386", "h118386", "118386", "\tH1\n"] {
        assert!(h(input).is_ok());
        assert!(
            habilitations.is_valid(&json!(input)),
            "schema rejects {input:?}"
        );
    }
    for input in ["D118386", "H0", "H0118386"] {
        assert!(
            !habilitations.is_valid(&json!(input)),
            "schema accepts {input:?}"
        );
    }
    assert!(!requests.is_valid(&json!(60501)));
}

proptest! {
    #[test]
    fn prop_request_number_round_trips(id in 1u64..=999_999_999_999) {
        let number = RequestNumber::new(id).unwrap();
        let shown = number.to_string();
        prop_assert_eq!(&shown, &format!("D{id}"));
        prop_assert_eq!(d(&shown).unwrap(), number);
        prop_assert_eq!(d(&shown.to_lowercase()).unwrap(), number);
        prop_assert_eq!(d(&id.to_string()).unwrap(), number);
        let json = serde_json::to_string(&number).unwrap();
        prop_assert_eq!(serde_json::from_str::<RequestNumber>(&json).unwrap(), number);
    }

    #[test]
    fn prop_habilitation_number_round_trips(id in 1u64..=999_999_999_999) {
        let number = HabilitationNumber::new(id).unwrap();
        prop_assert_eq!(h(&number.to_string()).unwrap(), number);
        prop_assert_eq!(h(&format!(" h{id} ")).unwrap(), number);
        prop_assert!(d(&number.to_string()).is_err());
    }

    #[test]
    fn prop_parsers_never_panic_and_agree_with_the_schema(input in "\\PC{0,16}|[ dDhH0-9-]{0,16}") {
        let requests = validator::<RequestNumber>();
        let parsed = d(&input);
        if let Ok(number) = parsed {
            prop_assert!(requests.is_valid(&json!(input)), "schema rejects {:?}", input);
            prop_assert_eq!(d(&number.to_string()).unwrap(), number);
        }
        let _ = h(&input);
    }
}
