//! The fuzz targets' properties (`support::properties`, shared with `fuzz/`), run through
//! proptest at a small case count so that CI checks them on stable without a fuzzer: arbitrary
//! bytes and text, arbitrary JSON, structure-aware mutations of every sample, identifiers of
//! every shape, webhook signatures.

use datapass_psc::strategies;
use proptest::prelude::*;
use serde_json::Value;

use crate::support::properties::{
    DATAPASS_FIXTURES, datapass_bytes, identifiers, lifecycle_bytes, mutate, pointer_fits,
    request_bytes, sign, webhook_signature,
};
use crate::support::request::sample;

fn file(path: &str) -> Value {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The samples a structure-aware mutation starts from.
fn event_log() -> Value {
    file("examples/lifecycle/d60501.json")
}

fn datapass_samples() -> Vec<Value> {
    DATAPASS_FIXTURES
        .iter()
        .map(|name| file(&format!("tests/fixtures/datapass/{name}")))
        .collect()
}

/// Arbitrary JSON over the keys the crate's formats use, so that objects often look like
/// requests, records or DataPass bodies.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
        prop::sample::select(vec![
            "idnat",
            "donnees_sectorielles",
            "13002526500013",
            "06 12 34 56 78",
            "a@b.fr",
            "D60501",
            "H60501",
            "2024-04-15T07:30:00Z",
            "submit",
            "approve",
            "instructor",
            "validated",
            "api-pro-sante-connect",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    let keys = prop::sample::select(vec![
        "organization",
        "siret",
        "project",
        "name",
        "description",
        "legal_basis",
        "url",
        "documents",
        "scopes",
        "personal_data",
        "recipients",
        "retention_months",
        "contacts",
        "applicant",
        "technical_contact",
        "email",
        "phone",
        "terms_accepted",
        "request_number",
        "events",
        "at",
        "actor",
        "event",
        "state",
        "data",
        "id",
        "demande",
        "form_uid",
        "test",
        "fired_at",
        "target_api",
        "team_members",
        "errors",
        "a/b~c",
        "other",
    ]);
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

#[test]
fn pointer_fits_accepts_resolving_and_missing_member_paths_only() {
    let doc = serde_json::json!({"a": {"b": [1, {"c/d": null}]}, "e": 1});
    for fits in [
        "",
        "/a",
        "/a/b/1",
        "/a/b/1/c~1d",
        "/a/b/1/c~1d/x",
        "/a/x/y",
        "/z",
    ] {
        assert!(pointer_fits(&doc, fits), "{fits}");
    }
    for wrong in ["a", "/a/b/2", "/a/b/x", "/e/f", "/a/b/0/x"] {
        assert!(!pointer_fits(&doc, wrong), "{wrong}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn prop_request_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        request_bytes(&bytes);
    }

    #[test]
    fn prop_request_text(text in ".{0,200}") {
        request_bytes(text.as_bytes());
    }

    #[test]
    fn prop_arbitrary_json_in_every_reader(value in arbitrary_json()) {
        let text = value.to_string();
        request_bytes(text.as_bytes());
        lifecycle_bytes(text.as_bytes());
        datapass_bytes(text.as_bytes());
        // Only an object can be a request.
        if !value.is_object() {
            let report = datapass_psc::validate_json(&text);
            prop_assert_eq!(report.error_codes(), ["json.invalid_type"]);
        }
    }

    #[test]
    fn prop_mutated_sample_request(choice in any::<usize>(), replacement in arbitrary_json()) {
        request_bytes(mutate(&sample(), choice, replacement).to_string().as_bytes());
    }

    #[test]
    fn prop_mutated_event_log(choice in any::<usize>(), replacement in arbitrary_json()) {
        lifecycle_bytes(mutate(&event_log(), choice, replacement).to_string().as_bytes());
    }

    #[test]
    fn prop_mutated_datapass_documents(
        which in any::<prop::sample::Index>(),
        choice in any::<usize>(),
        replacement in arbitrary_json(),
    ) {
        let samples = datapass_samples();
        let doc = which.get(&samples);
        datapass_bytes(mutate(doc, choice, replacement).to_string().as_bytes());
    }

    #[test]
    fn prop_identifiers_of_every_shape(
        text in prop_oneof![
            ".{0,40}",
            "[0-9 .+()-]{0,20}",
            "[a-zA-Z0-9.\"@ ]{1,30}",
            strategies::siret_input(),
            strategies::email_input(),
            strategies::phone_input(),
            "[DdHh][0-9]{0,12}",
            "https?://[a-z.]{0,12}(/[a-z]{0,5})?",
        ]
    ) {
        identifiers(&text);
    }

    #[test]
    fn prop_webhook_signatures(
        secret in prop::collection::vec(any::<u8>(), 0..40),
        body in prop::collection::vec(any::<u8>(), 0..64),
        header in prop_oneof![".{0,80}", "sha256=[0-9a-fA-F]{0,70}"],
    ) {
        webhook_signature(&secret, &body, &header);
        // The right header for this secret and body verifies.
        let right = sign(&secret, &body);
        prop_assert_eq!(datapass_psc::datapass::verify_signature(&secret, &body, &right), Ok(()));
        webhook_signature(&secret, &body, &right);
    }
}
