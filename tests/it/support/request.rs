//! The shipped sample request, and helpers to edit it and read its report.

use datapass_psc::{RequestDraft, ValidationReport};
use serde_json::Value;

/// The shipped valid sample, as text: the one place the tests read it from.
pub fn sample_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/requests/hospiconnect.json"
    ))
    .expect("sample request")
}

/// The shipped valid sample, as JSON.
pub fn sample() -> Value {
    serde_json::from_str(&sample_text()).expect("sample is JSON")
}

/// The shipped valid sample, as a draft.
pub fn sample_draft() -> RequestDraft {
    RequestDraft::from_json_slice(sample_text().as_bytes()).expect("sample parses")
}

/// Sets the value at a JSON Pointer, creating nothing: the parent must exist.
#[track_caller]
pub fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    let parent = doc.pointer_mut(parent).expect("parent exists");
    match parent {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("index")] = value,
        _ => panic!("parent of {pointer} is not a container"),
    }
}

/// Removes the value at a JSON Pointer.
#[track_caller]
pub fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    doc.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("parent object")
        .remove(key);
}

/// Validates a JSON document and returns its report.
pub fn report_of(doc: &Value) -> ValidationReport {
    datapass_psc::validate_json(&doc.to_string())
}

/// The (code, path) pairs of the errors.
pub fn errors(report: &ValidationReport) -> Vec<(String, String)> {
    report
        .errors()
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect()
}

/// Asserts the report holds exactly one error, with this code at this path.
#[track_caller]
pub fn assert_single_error(report: &ValidationReport, code: &str, path: &str) {
    assert_eq!(
        errors(report),
        vec![(code.to_owned(), path.to_owned())],
        "report: {report}"
    );
}

/// The sample, with `mutate` applied, validated.
#[track_caller]
pub fn mutated(mutate: impl FnOnce(&mut Value)) -> ValidationReport {
    let mut doc = sample();
    mutate(&mut doc);
    report_of(&doc)
}
