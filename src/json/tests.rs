//! The reader on a format of its own: an envelope whose unknown keys are ignored, around business
//! data whose unknown keys are warnings, as a third party's format is read.

use serde::{Deserialize, Deserializer};

use super::format::Segment;
use super::format::{Format, UnknownKeys};
use super::{Options, Readable, read};
use crate::report::Issue;

#[derive(Debug, Deserialize, PartialEq)]
struct Envelope {
    id: u64,
    #[serde(default)]
    data: Data,
}

#[derive(Debug, Default, Deserialize, PartialEq)]
struct Data {
    #[serde(default)]
    known: Option<String>,
}

/// Unknown keys directly under `/data` are warnings; elsewhere, ignored.
fn policy(path: &[Segment<'_>]) -> UnknownKeys {
    match path {
        [Segment::Key(data), _] if data == "data" => UnknownKeys::Warn,
        _ => UnknownKeys::Ignore,
    }
}

static FORMAT: Format = Format::datapass(policy);

impl Readable for Envelope {
    type Wire = Self;

    const FORMAT: &'static Format = &FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}

fn problem(text: &str) -> (String, String) {
    let issue = read::<Envelope>(text.as_bytes(), &Options::default()).unwrap_err();
    (issue.code.to_string(), issue.path)
}

fn at(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

#[test]
fn unknown_keys_follow_the_policy_of_their_place() {
    let read = read::<Envelope>(
        br#"{"id": 1, "public_id": {"a": [1, 2]}, "data": {"known": "x", "new_key": [true]}}"#,
        &Options::default(),
    )
    .unwrap();
    assert_eq!(read.value.data.known.as_deref(), Some("x"));
    let warnings: Vec<(&str, &str)> = read
        .warnings
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(warnings, [("json.unknown_field", "/data/new_key")]);
    assert_eq!(policy(&[Segment::Key("data".into())]), UnknownKeys::Ignore);
}

#[test]
fn skipped_values_are_read_through_the_reader() {
    // Depth counts inside a skipped value, before serde_json's own limit of 128.
    let deep = format!(
        r#"{{"id": 1, "ignored": {}{}}}"#,
        "[".repeat(70),
        "]".repeat(70)
    );
    assert_eq!(problem(&deep).0, "json.too_deep");
    // Duplicate keys inside a skipped value, and duplicates of an ignored key.
    assert_eq!(
        problem(r#"{"id": 1, "x": {"a": 1, "a": 2}}"#),
        at("json.duplicate_key", "/x/a")
    );
    assert_eq!(
        problem(r#"{"id": 1, "x": 1, "x": 2}"#),
        at("json.duplicate_key", "/x")
    );
}

#[test]
fn valid_json_deeper_than_serde_json_allows_is_too_deep_not_invalid() {
    let deep = format!(
        r#"{{"id": 1, "x": {}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let (code, path) = problem(&deep);
    assert_eq!(code, "json.too_deep");
    assert_eq!(path, format!("/x{}", "/0".repeat(63)));
}

#[test]
fn structure_is_checked_in_document_order() {
    assert_eq!(problem("[1, {}]"), at("json.invalid_type", ""));
    assert_eq!(problem(r#"{"id": "1"}"#), at("json.invalid_type", "/id"));
    assert_eq!(problem(r#"{"data": {}}"#), at("json.missing_field", "/id"));
    assert_eq!(
        problem(r#"{"id": 1, "data": {"known": 1}, "#),
        at("json.invalid_type", "/data/known")
    );
    assert_eq!(
        problem(r#"{"id": 1, "data": {"a/b~c": 1, "a/b~c": 2}}"#),
        at("json.duplicate_key", "/data/a~1b~0c")
    );
    assert_eq!(problem(r#"{"id": 1} 2"#).0, "json.syntax");
}
