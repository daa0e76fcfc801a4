//! Property tests of the request model: generated valid drafts validate, round-trip byte for
//! byte, and every single-field mutation into an invalid value gives exactly one error there.
#![cfg(feature = "proptest")]

use datapass_psc::strategies;
use datapass_psc::{PhoneNumber, RequestDraft};
use proptest::prelude::*;

proptest! {
    #[test]
    fn prop_phone_inputs_parse(input in strategies::phone_input()) {
        let phone: PhoneNumber = input.parse().map_err(|e| TestCaseError::fail(format!("{input:?}: {e}")))?;
        prop_assert!(phone.as_str().starts_with("+33"));
        prop_assert_eq!(phone.as_str().len(), 12);
    }

    #[test]
    fn prop_generated_drafts_validate_and_round_trip(draft in strategies::request_draft()) {
        let request = match draft.validate() {
            Ok(r) => r,
            Err(report) => return Err(TestCaseError::fail(format!("{report}"))),
        };
        let canonical = serde_json::to_string(&request).unwrap();
        let reparsed = RequestDraft::from_json(&canonical).unwrap().validate().unwrap();
        prop_assert_eq!(serde_json::to_string(&reparsed).unwrap(), canonical);
        prop_assert_eq!(&reparsed, &request);
        prop_assert_eq!(request.to_draft().validate().unwrap(), request);
    }
}

/// One field of a valid request turned invalid: (path of the expected error, code, mutation).
type Mutation = (&'static str, &'static str, fn(&mut serde_json::Value));

fn mutations() -> Vec<Mutation> {
    use serde_json::json;
    vec![
        ("/organization/siret", "siret.checksum", |d| {
            d["organization"]["siret"] = json!("12345678901234");
        }),
        ("/organization/siret", "required", |d| {
            d["organization"]["siret"] = json!(" ");
        }),
        ("/project/name", "text.too_long", |d| {
            d["project"]["name"] = json!("n".repeat(201));
        }),
        ("/project/description", "text.control_character", |d| {
            d["project"]["description"] = json!("a\u{1}b");
        }),
        ("/legal_basis/nature", "required", |d| {
            d["legal_basis"]["nature"] = json!(null);
        }),
        ("/legal_basis/url", "legal_basis.url_invalid", |d| {
            d["legal_basis"]["url"] = json!("mailto:x@y.fr");
        }),
        (
            "/legal_basis/documents/0/media_type",
            "document.media_type",
            |d| {
                d["legal_basis"]["documents"] =
                    json!([{"file_name": "a.pdf", "media_type": "image/png", "size_bytes": 1}]);
            },
        ),
        (
            "/legal_basis/documents/0/size_bytes",
            "document.too_large",
            |d| {
                d["legal_basis"]["documents"] = json!([{"file_name": "a.pdf", "media_type": "application/pdf", "size_bytes": 10_485_760}]);
            },
        ),
        ("/scopes", "scopes.empty", |d| d["scopes"] = json!([])),
        ("/scopes/0", "scopes.unknown", |d| {
            d["scopes"] = json!(["rpps"]);
        }),
        ("/personal_data/recipients", "required", |d| {
            d["personal_data"]["recipients"] = json!([]);
        }),
        (
            "/personal_data/retention_months",
            "retention.out_of_range",
            |d| d["personal_data"]["retention_months"] = json!(1201),
        ),
        (
            "/personal_data/retention_justification",
            "retention.justification_required",
            |d| {
                d["personal_data"]["retention_months"] = json!(37);
                d["personal_data"]["retention_justification"] = json!(null);
            },
        ),
        ("/contacts/applicant/email", "email.invalid", |d| {
            d["contacts"]["applicant"]["email"] = json!("jean@localhost");
        }),
        ("/contacts/data_controller/phone", "phone.invalid", |d| {
            d["contacts"]["data_controller"]["phone"] = json!("07 00 12 34 56");
        }),
        (
            "/contacts/data_protection_officer/phone",
            "phone.extension",
            |d| {
                d["contacts"]["data_protection_officer"]["phone"] =
                    json!("01 42 68 53 00 poste 12");
            },
        ),
        ("/contacts/technical_contact/given_name", "required", |d| {
            d["contacts"]["technical_contact"]["given_name"] = json!(null);
        }),
        (
            "/contacts/technical_contact/job_title",
            "text.too_long",
            |d| d["contacts"]["technical_contact"]["job_title"] = json!("j".repeat(101)),
        ),
        ("/terms_accepted", "terms.not_accepted", |d| {
            d["terms_accepted"] = json!(false);
        }),
        ("/dpo_informed", "dpo.not_informed", |d| {
            d["dpo_informed"] = json!(null);
        }),
    ]
}

proptest! {
    #[test]
    fn prop_one_invalid_field_gives_exactly_one_error_there(
        draft in strategies::request_draft(),
        which in 0..20usize,
    ) {
        let all = mutations();
        let (path, code, mutate) = all[which % all.len()];
        let mut doc = serde_json::to_value(&draft).unwrap();
        mutate(&mut doc);
        let report = datapass_psc::validate_json(&doc.to_string());
        let got: Vec<(&str, &str)> = report.errors().iter().map(|i| (i.code.as_str(), i.path.as_str())).collect();
        prop_assert_eq!(got, vec![(code, path)]);
    }
}

/// Every leaf of a JSON value, as (pointer, value).
fn leaves(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

fn any_leaf() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::String),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]
}

proptest! {
    /// A valid request with one leaf replaced by any JSON value: never a panic, every problem
    /// reported at that leaf (or, for a structural one, at or under it), with a documented code.
    #[test]
    fn prop_one_leaf_replaced_by_anything(
        draft in strategies::request_draft(),
        pick in any::<prop::sample::Index>(),
        replacement in any_leaf(),
    ) {
        let mut doc = serde_json::to_value(&draft).unwrap();
        let mut paths = Vec::new();
        leaves(&doc, String::new(), &mut paths);
        let path = pick.get(&paths).clone();
        *doc.pointer_mut(&path).unwrap() = replacement;
        let report = datapass_psc::validate_json(&doc.to_string());
        let known: Vec<&str> = datapass_psc::codes::ALL.iter().map(|(c, _)| *c).collect();
        for issue in report.errors() {
            prop_assert!(known.contains(&issue.code.as_str()), "undocumented code {}", issue.code);
            // The problem is at the replaced leaf, under it, or at an ancestor that a cross-field
            // rule names (the legal basis as a whole, the scopes list, a justification).
            let related = issue.path.starts_with(&path)
                || path.starts_with(&issue.path)
                || issue.path == "/personal_data/retention_justification";
            prop_assert!(related, "{} at {} after replacing {}", issue.code, issue.path, path);
        }
    }
}
