//! serde and JSON Schema: every type serializes in its canonical form and deserializes through
//! its parser; each schema accepts what the crate accepts, including human-typed input, and
//! rejects what is structurally wrong.

use std::fmt::Debug;
use std::str::FromStr;

use datapass_psc::{Email, PhoneNumber, RetentionPeriod, Siren, Siret};
use schemars::{JsonSchema, schema_for};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn schema_of<T: JsonSchema>() -> Value {
    schema_for!(T).as_value().clone()
}

fn validator_of<T: JsonSchema>() -> jsonschema::Validator {
    jsonschema::validator_for(&schema_of::<T>()).expect("the generated schema compiles")
}

/// `input` is valid for the crate (its parser and its deserializer) and for the schema.
#[track_caller]
fn assert_accepted_by_both<T>(validator: &jsonschema::Validator, input: &str)
where
    T: FromStr + DeserializeOwned + Debug,
    T::Err: Debug,
{
    if let Err(e) = input.parse::<T>() {
        panic!("{input:?} should be valid for the crate: {e:?}");
    }
    let json = Value::String(input.to_owned());
    assert!(
        serde_json::from_value::<T>(json.clone()).is_ok(),
        "{input:?} should deserialize"
    );
    assert!(
        validator.is_valid(&json),
        "the schema rejects {input:?}, which the crate accepts"
    );
}

/// `input` is rejected by the crate and by the schema.
#[track_caller]
fn assert_rejected_by_both<T>(validator: &jsonschema::Validator, input: &str)
where
    T: FromStr + DeserializeOwned + Debug,
{
    assert!(input.parse::<T>().is_err(), "the crate accepts {input:?}");
    let json = Value::String(input.to_owned());
    assert!(serde_json::from_value::<T>(json.clone()).is_err());
    assert!(
        !validator.is_valid(&json),
        "the schema accepts {input:?}, which is structurally wrong"
    );
}

/// `input` passes the schema but not the crate: a check the schema cannot express.
#[track_caller]
fn assert_only_the_crate_rejects<T>(validator: &jsonschema::Validator, input: &str)
where
    T: FromStr + DeserializeOwned + Debug,
{
    assert!(input.parse::<T>().is_err(), "the crate accepts {input:?}");
    assert!(
        validator.is_valid(&json!(input)),
        "the schema rejects {input:?}"
    );
}

/// Serializes to the canonical JSON string, and deserializing the human-typed form gives the
/// same value.
#[track_caller]
fn assert_round_trip<T>(typed: &str, canonical: &str)
where
    T: FromStr + Serialize + DeserializeOwned + PartialEq + Debug,
    T::Err: Debug,
{
    let value: T = typed.parse().expect("valid input");
    assert_eq!(serde_json::to_value(&value).unwrap(), json!(canonical));
    let from_typed: T = serde_json::from_value(json!(typed)).unwrap();
    assert_eq!(from_typed, value);
    let from_canonical: T = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(from_canonical, value);
}

#[track_caller]
fn assert_string_schema(schema: &Value, title: &str) {
    assert_eq!(schema["type"], "string", "{schema:#}");
    assert_eq!(schema["title"], title, "{schema:#}");
    let pattern = schema["pattern"].as_str().expect("a pattern");
    assert!(
        pattern.starts_with('^') && pattern.ends_with('$'),
        "anchored: {pattern}"
    );
    assert!(
        schema["description"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
}

// ---------------------------------------------------------------------------------------------
// serde round trips.
// ---------------------------------------------------------------------------------------------

#[test]
fn serde_round_trips_in_canonical_form() {
    assert_round_trip::<Siret>("732 829 320 00074", "73282932000074");
    assert_round_trip::<Siret>("\u{a0}356.000.000.09075 ", "35600000009075");
    assert_round_trip::<Siren>("732 829 320", "732829320");
    assert_round_trip::<Email>(" Jean.Dupont@Exemple.FR ", "jean.dupont@exemple.fr");
    assert_round_trip::<Email>(
        "\"quoted local\"@example.com",
        "\"quoted local\"@example.com",
    );
    assert_round_trip::<PhoneNumber>("06 12 34 56 78", "+33612345678");
    assert_round_trip::<PhoneNumber>("0690 00 12 34", "+590690001234");
    assert_round_trip::<PhoneNumber>("+1 650 253 0000", "+16502530000");
}

#[test]
fn deserialization_goes_through_the_parser() {
    // Each invalid string fails as the parser does: the message names the parser's code, and
    // never quotes the input.
    fn fails_like_the_parser<T>(input: &str)
    where
        T: FromStr + DeserializeOwned + Debug,
        T::Err: datapass_psc::Diagnostic,
    {
        let code = datapass_psc::Diagnostic::code(&input.parse::<T>().expect_err("invalid input"));
        let serde_error = serde_json::from_value::<T>(json!(input))
            .unwrap_err()
            .to_string();
        assert!(
            serde_error.ends_with(&format!("({code})")),
            "{input:?}: {serde_error}"
        );
        if !input.is_empty() {
            assert!(
                !serde_error.contains(input),
                "{serde_error} quotes {input:?}"
            );
        }
    }
    fails_like_the_parser::<Siret>("12345678901234");
    fails_like_the_parser::<Siret>("1234567891234A");
    fails_like_the_parser::<Siret>("");
    fails_like_the_parser::<Siren>("732829321");
    fails_like_the_parser::<Email>("Jean <jean@exemple.fr>");
    fails_like_the_parser::<Email>("a@b");
    fails_like_the_parser::<PhoneNumber>("07 00 12 34 56");
    fails_like_the_parser::<PhoneNumber>("06 12 34 56 78 ext. 12");
}

#[test]
fn non_string_json_is_rejected() {
    for value in [
        json!(73_282_932_000_074_u64),
        json!(null),
        json!(["73282932000074"]),
        json!({}),
    ] {
        assert!(
            serde_json::from_value::<Siret>(value.clone()).is_err(),
            "{value}"
        );
        assert!(
            serde_json::from_value::<Siren>(value.clone()).is_err(),
            "{value}"
        );
        assert!(
            serde_json::from_value::<Email>(value.clone()).is_err(),
            "{value}"
        );
        assert!(serde_json::from_value::<PhoneNumber>(value).is_err());
    }
    assert!(serde_json::from_value::<PhoneNumber>(json!(612_345_678)).is_err());
}

#[test]
fn round_trip_inside_a_struct() {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Contact {
        siret: Siret,
        email: Email,
        phone: PhoneNumber,
        retention_months: RetentionPeriod,
    }
    let typed = json!({
        "siret": "732 829 320 00074",
        "email": " Jean.Dupont@Exemple.FR ",
        "phone": "06 12 34 56 78",
        "retention_months": 37,
    });
    let contact: Contact = serde_json::from_value(typed).unwrap();
    let canonical = json!({
        "siret": "73282932000074",
        "email": "jean.dupont@exemple.fr",
        "phone": "+33612345678",
        "retention_months": 37,
    });
    assert_eq!(serde_json::to_value(&contact).unwrap(), canonical);
    let again: Contact = serde_json::from_value(canonical).unwrap();
    assert_eq!(again, contact);
}

// ---------------------------------------------------------------------------------------------
// SIRET and SIREN schemas.
// ---------------------------------------------------------------------------------------------

#[test]
fn siret_schema() {
    let schema = schema_of::<Siret>();
    assert_string_schema(&schema, "Siret");
    let description = schema["description"].as_str().unwrap();
    assert!(description.contains("14 digits"), "{description}");

    let v = validator_of::<Siret>();
    // Human-typed forms the crate accepts.
    for input in [
        "73282932000074",
        "732 829 320 00074",
        "732  829   320 00074",
        "732.829.320.00074",
        "732\u{a0}829\u{a0}320\u{a0}00074",
        "732\u{202f}829\u{202f}320\u{202f}00074",
        "732 \u{a0}\u{202f} 829 320 00074",
        " 73282932000074 ",
        "\t\r\n13002526500013",
        "\u{3000}73282932000074\u{2003}",
        // Rust's `trim` removes NEXT LINE (U+0085), which is not in ECMA-262's `\s`.
        "\u{85}73282932000074\u{85}",
        "4 8 2 7 8 1 9 11 0 0 0 11",
        "329.338.88300153",
        "356 000 000 09075",
    ] {
        assert_accepted_by_both::<Siret>(&v, input);
    }
    // Structurally wrong: both reject.
    for input in [
        "",
        "   ",
        "7328293200007",
        "732829320000745",
        "1234567891234A",
        "732-829-320-00074",
        ".73282932000074",
        "73282932000074.",
        "732..829.320.00074",
        "732. 829 320 00074",
        "732\t829\t320\t00074",
        "７３２８２９３２０００７４",
    ] {
        assert_rejected_by_both::<Siret>(&v, input);
    }
    // The schema cannot check the Luhn keys nor La Poste's digit sum (its description says so).
    for input in ["12345678901234", "11122233344455", "35600000049838"] {
        assert_only_the_crate_rejects::<Siret>(&v, input);
    }
}

#[test]
fn siren_schema() {
    let schema = schema_of::<Siren>();
    assert_string_schema(&schema, "Siren");
    let v = validator_of::<Siren>();
    for input in [
        "732829320",
        "732 829 320",
        "732.829.320",
        "\u{a0}732\u{202f}829 320\n",
        "\u{85}732829320\u{85}",
    ] {
        assert_accepted_by_both::<Siren>(&v, input);
    }
    for input in ["", "73282932", "73282932000074", "732-829-320", "73282932A"] {
        assert_rejected_by_both::<Siren>(&v, input);
    }
    assert_only_the_crate_rejects::<Siren>(&v, "732829321");
}

// ---------------------------------------------------------------------------------------------
// Email schema.
// ---------------------------------------------------------------------------------------------

#[test]
fn email_schema() {
    let schema = schema_of::<Email>();
    assert_string_schema(&schema, "Email");
    let description = schema["description"].as_str().unwrap();
    assert!(description.contains("lowercase"), "{description}");

    let v = validator_of::<Email>();
    for input in [
        "jean.dupont@exemple.fr",
        " Jean.Dupont@Exemple.FR ",
        "josé@exemple.fr",
        "Dörte@Sörensen.example.com",
        "用户@例子.广告",
        "user+mailbox/department=shipping@example.com",
        "!#$%&'*+-/=?^_`.{|}~@example.com",
        // Quoted local parts (RFC 5322): the crate accepts spaces and `@` inside the quotes.
        "\"quoted local\"@example.com",
        "\" \"@example.org",
        "\"Abc@def\"@example.com",
        "\"Joe.\\\\Blow\"@example.com",
        "\u{85}jean@exemple.fr\u{85}",
    ] {
        assert_accepted_by_both::<Email>(&v, input);
    }
    for input in [
        "",
        "jean",
        "jean.dupont.exemple.fr",
        "a@b",
        "jean@localhost",
        "Jean <jean@exemple.fr>",
        "jean@[127.0.0.1]",
        "jean@exemple.fr x",
    ] {
        assert_rejected_by_both::<Email>(&v, input);
    }
    // Syntax the pattern does not check.
    for input in [
        "jean..dupont@exemple.fr",
        ".jean@exemple.fr",
        "jean@1.2.3.4",
    ] {
        assert_only_the_crate_rejects::<Email>(&v, input);
    }
}

// ---------------------------------------------------------------------------------------------
// Phone schema.
// ---------------------------------------------------------------------------------------------

#[test]
fn phone_schema() {
    let schema = schema_of::<PhoneNumber>();
    assert_string_schema(&schema, "PhoneNumber");
    let description = schema["description"].as_str().unwrap();
    assert!(description.contains("E.164"), "{description}");

    let v = validator_of::<PhoneNumber>();
    for input in [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 6 12 34 56 78",
        "0033 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "(06) 12 34 56 78",
        "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
        "06\u{202f}12\u{202f}34\u{202f}56\u{202f}78",
        " 01 42 68 53 00\n",
        "0690 00 12 34",
        "+1 650 253 0000",
        "+33612345678",
        "\u{85}06 12 34 56 78\u{85}",
    ] {
        assert_accepted_by_both::<PhoneNumber>(&v, input);
    }
    for input in [
        "",
        "abc",
        "tel:+33612345678",
        "06/12/34/56/78",
        "06 12 34 56 78 ext. 12",
    ] {
        assert_rejected_by_both::<PhoneNumber>(&v, input);
    }
    for input in ["07 00 12 34 56", "06 12 34 56", "+33 6 90 62 90 42"] {
        assert_only_the_crate_rejects::<PhoneNumber>(&v, input);
    }
}

// ---------------------------------------------------------------------------------------------
// RetentionPeriod schema: an integer from 0 to 1200.
// ---------------------------------------------------------------------------------------------

#[test]
fn retention_schema() {
    let schema = schema_of::<RetentionPeriod>();
    assert_eq!(schema["type"], "integer");
    assert_eq!(schema["minimum"], 0);
    assert_eq!(schema["maximum"], 1200);
    assert_eq!(schema["title"], "RetentionPeriod");

    let v = validator_of::<RetentionPeriod>();
    for n in [0, 36, 37, 1200] {
        let value = json!(n);
        assert!(serde_json::from_value::<RetentionPeriod>(value.clone()).is_ok());
        assert!(v.is_valid(&value), "{value}");
    }
    for value in [
        json!(-1),
        json!(1201),
        json!(1300),
        json!("12"),
        json!(12.5),
        json!(null),
    ] {
        assert!(serde_json::from_value::<RetentionPeriod>(value.clone()).is_err());
        assert!(!v.is_valid(&value), "{value}");
    }
    // JSON Schema's data model cannot tell `12.0` from `12`: the schema accepts it, the crate
    // rejects it as a wrong type. Pinned so a change is noticed.
    assert!(v.is_valid(&json!(12.0)));
    assert!(serde_json::from_value::<RetentionPeriod>(json!(12.0)).is_err());
}

#[test]
fn schemas_are_stable_references_when_nested() {
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Nested {
        siret: Siret,
        other: Siret,
        email: Email,
        phone: PhoneNumber,
        retention: RetentionPeriod,
    }
    let schema = schema_of::<Nested>();
    for (field, name) in [
        ("siret", "Siret"),
        ("other", "Siret"),
        ("email", "Email"),
        ("phone", "PhoneNumber"),
        ("retention", "RetentionPeriod"),
    ] {
        assert_eq!(
            schema["properties"][field]["$ref"],
            format!("#/$defs/{name}"),
            "{schema:#}"
        );
        assert!(schema["$defs"][name].is_object(), "{name}");
    }
}
