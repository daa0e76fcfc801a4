//! Property tests of the request model: generated valid drafts validate, round-trip byte for
//! byte, and every single-field mutation into an invalid value gives exactly one error there.
use datapass_psc::strategies;
use datapass_psc::{Code, PhoneNumber, RequestDraft};
use proptest::prelude::*;

use crate::support::mutations::mutations;

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
        let reparsed = RequestDraft::from_json_slice(canonical.as_bytes()).unwrap().validate().unwrap();
        prop_assert_eq!(serde_json::to_string(&reparsed).unwrap(), canonical);
        prop_assert_eq!(&reparsed, &request);
        prop_assert_eq!(request.to_draft().validate().unwrap(), request);
    }
}

proptest! {
    #[test]
    fn prop_one_invalid_field_gives_exactly_one_error_there(
        draft in strategies::request_draft(),
        which in any::<prop::sample::Index>(),
    ) {
        let all = mutations();
        let mutation = which.get(&all);
        let mut doc = serde_json::to_value(&draft).unwrap();
        mutation.apply(&mut doc);
        let report = datapass_psc::validate_json(&doc.to_string());
        let got: Vec<(&str, &str, &str)> = report
            .errors()
            .iter()
            .map(|i| (i.code.as_str(), i.path.as_str(), i.origin.as_str()))
            .collect();
        prop_assert_eq!(got, vec![(mutation.code, mutation.path, mutation.origin)]);
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
        for issue in report.errors() {
            prop_assert!(Code::ALL.contains(&issue.code), "undocumented code {}", issue.code);
            // The problem is at the replaced leaf, under it, or at an ancestor that a cross-field
            // rule names (the legal basis as a whole, the scopes list, a justification).
            let related = issue.path.starts_with(&path)
                || path.starts_with(&issue.path)
                || issue.path == "/personal_data/retention_justification";
            prop_assert!(related, "{} at {} after replacing {}", issue.code, issue.path, path);
        }
    }
}
