//! Hostile inputs, one regression test per finding of the fuzzing campaign on the first
//! version: unbounded inputs, misplaced structural errors, false `json.syntax`, unnamed
//! encodings, unescaped pointers; and the property that a duplicate of any key, at any depth of
//! any document the crate reads, is reported at exactly its path.

use datapass_psc::datapass::{self, Demande, Enrollment, NewDemande, Webhook};
use datapass_psc::eligibility::{EligibilityAnswers, EligibilityDecision, RequesterKind};
use datapass_psc::lifecycle::{EventLog, RequestRecord};
use datapass_psc::{Options, RequestDraft, ValidationReport};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::lifecycle::{Situation, json as record_json};
use crate::support::request::{sample, sample_draft, sample_text};

type Reader = fn(&[u8]) -> Result<(), ValidationReport>;

fn ok<T>(result: Result<T, ValidationReport>) -> Result<(), ValidationReport> {
    result.map(|_| ())
}

/// The first error of a refused document, as (code, path).
fn refusal(result: Result<(), ValidationReport>) -> (String, String) {
    let report = result.expect_err("the document is refused");
    let issue = &report.errors()[0];
    (issue.code.to_string(), issue.path.clone())
}

fn at(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/datapass/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn lifecycle_example(name: &str) -> Value {
    let path = format!("{}/examples/lifecycle/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Every document kind the crate reads, with a valid sample and its reader.
fn documents() -> Vec<(&'static str, Value, Reader)> {
    let record: Value =
        serde_json::from_str(&record_json(&Situation::SubmittedReopening.record())).unwrap();
    let decision = serde_json::to_value(
        EligibilityAnswers {
            requester: RequesterKind::SoftwareEditor,
            french: Some(true),
            web_solution: None,
            health_professionals: Some(true),
        }
        .decide(),
    )
    .unwrap();
    let post = serde_json::to_value(NewDemande::from_request(
        &sample_draft().validate().unwrap(),
    ))
    .unwrap();
    vec![
        ("request", sample(), |b| {
            ok(RequestDraft::from_json_slice(b))
        }),
        ("record", record, |b| ok(RequestRecord::from_json_slice(b))),
        ("event log", lifecycle_example("d60501.json"), |b| {
            ok(EventLog::from_json_slice(b))
        }),
        (
            "answers",
            json!({"requester": "software_editor", "french": true}),
            |b| ok(EligibilityAnswers::from_json_slice(b)),
        ),
        ("decision", decision, |b| {
            ok(EligibilityDecision::from_json_slice(b))
        }),
        (
            "report",
            serde_json::to_value(RequestDraft::default().report()).unwrap(),
            |b| ok(ValidationReport::from_json_slice(b)),
        ),
        (
            "GET demande",
            fixture("get-demande-60501-scopes-string.json"),
            |b| ok(Demande::from_json_slice(b)),
        ),
        ("webhook", fixture("webhook-approve-60501.json"), |b| {
            ok(Webhook::from_json_slice(b))
        }),
        ("POST body", post, |b| ok(NewDemande::from_json_slice(b))),
        ("v1 enrollment", fixture("v1-enrollment.json"), |b| {
            ok(Enrollment::from_json_slice(b))
        }),
        ("v1 webhook", fixture("v1-webhook.json"), |b| {
            ok(Enrollment::from_webhook_json_slice(b))
        }),
        (
            "import",
            fixture("get-demande-60501-scopes-array.json"),
            |b| ok(datapass::import(b, None)),
        ),
    ]
}

/// A key of a JSON Pointer, escaped as RFC 6901 requires.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every key of every object of `value`: (the object's pointer, the key).
fn keys(value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                out.push((pointer.to_owned(), key.clone()));
                keys(child, &format!("{pointer}/{}", escape(key)), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                keys(child, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `value` as JSON text, with `key` of the object at `target` written a second time, last.
fn with_duplicate(value: &Value, pointer: &str, target: &str, key: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push('{');
            for (i, (k, child)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                with_duplicate(child, &format!("{pointer}/{}", escape(k)), target, key, out);
            }
            if pointer == target {
                out.push(',');
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                out.push_str(&map[key].to_string());
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, child) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                with_duplicate(child, &format!("{pointer}/{i}"), target, key, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn duplicated(value: &Value, target: &str, key: &str) -> String {
    let mut out = String::new();
    with_duplicate(value, "", target, key, &mut out);
    out
}

#[test]
fn every_key_of_every_document_duplicated_is_reported_at_its_path() {
    let mut checked = 0;
    for (name, value, read) in documents() {
        read(value.to_string().as_bytes()).unwrap_or_else(|r| panic!("{name} sample: {r}"));
        let mut all = Vec::new();
        keys(&value, "", &mut all);
        assert!(!all.is_empty(), "{name}");
        for (object, key) in all {
            let text = duplicated(&value, &object, &key);
            let path = format!("{object}/{}", escape(&key));
            assert_eq!(
                refusal(read(text.as_bytes())),
                at("json.duplicate_key", &path),
                "{name}"
            );
            checked += 1;
        }
    }
    // Ignored keys of DataPass's bodies are among them (`public_id`, `insee_payload`…).
    assert!(checked > 400, "{checked} keys");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A duplicate of any key of any valid request, at any depth, is reported there.
    #[cfg(feature = "proptest")]
    #[test]
    fn prop_a_duplicate_key_in_a_valid_request_is_reported_at_its_path(
        request in datapass_psc::strategies::authorization_request(),
        pick in any::<prop::sample::Index>(),
    ) {
        let value = serde_json::to_value(&request).unwrap();
        let mut all = Vec::new();
        keys(&value, "", &mut all);
        let (object, key) = pick.get(&all).clone();
        let text = duplicated(&value, &object, &key);
        prop_assert_eq!(
            refusal(ok(RequestDraft::from_json_slice(text.as_bytes()))),
            at("json.duplicate_key", &format!("{object}/{}", escape(&key)))
        );
    }
}

#[test]
fn an_unknown_key_that_looks_like_a_serde_message_is_reported_at_its_full_path() {
    // The first version cut serde's message at " at line " and reported `/organization/x`.
    let text = r#"{"organization":{"siret":"13002526500013","x at line 9":1,"x at line 9":2}}"#;
    assert_eq!(
        refusal(ok(RequestDraft::from_json_slice(text.as_bytes()))),
        at("json.unknown_field", "/organization/x at line 9")
    );
    // Known key duplicated after an unknown one: the unknown key comes first in the document.
    let text = r#"{"project":{"name":"a","y at line 2 column 3":1}}"#;
    assert_eq!(
        refusal(ok(RequestDraft::from_json_slice(text.as_bytes()))),
        at("json.unknown_field", "/project/y at line 2 column 3")
    );
}

#[test]
fn keys_in_paths_are_escaped_as_json_pointer_requires() {
    let text = r#"{"contacts": {"a/b~c": {}}}"#;
    assert_eq!(
        refusal(ok(RequestDraft::from_json_slice(text.as_bytes()))),
        at("json.unknown_field", "/contacts/a~1b~0c")
    );
    let mut demande = fixture("get-demande-60501-scopes-string.json");
    demande["data"]["x/~y"] = json!("1");
    let read = Demande::from_json_slice(demande.to_string().as_bytes()).unwrap();
    assert_eq!(read.warnings()[0].path, "/data/x~1~0y");
}

/// `depth` nested arrays around `inner`.
fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn valid_json_nested_deeper_than_serde_json_allows_is_too_deep_never_invalid_json() {
    // The first version called this `json.syntax`, « n'est pas du JSON valide »: false.
    for depth in [65, 129, 1000, 100_000] {
        // Where DataPass's format ignores a key, the value is skipped through the reader, which
        // counts its depth.
        let mut demande = fixture("get-demande-60501-scopes-string.json");
        demande["insee_payload"] = json!(null);
        let text = demande.to_string().replacen(
            "\"insee_payload\":null",
            &format!("\"insee_payload\":{}", nested(depth, "1")),
            1,
        );
        let report = Demande::from_json_slice(text.as_bytes()).unwrap_err();
        let issue = &report.errors()[0];
        assert_eq!(issue.code, "json.too_deep", "depth {depth}");
        // The first value past the 64th level (the root object is the first, the payload the
        // second).
        let path = format!("/insee_payload{}", "/0".repeat(63));
        assert_eq!(issue.path, path, "depth {depth}");
        assert_eq!(issue.params["max"], 64, "depth {depth}");
        // In the crate's own formats, a wrong type at a shallower level comes first.
        let text = format!(r#"{{"scopes": {}}}"#, nested(depth, "\"idnat\""));
        assert_eq!(
            refusal(ok(RequestDraft::from_json_slice(text.as_bytes()))),
            at("json.invalid_type", "/scopes/0"),
            "depth {depth}"
        );
    }
}

#[test]
fn utf16_and_utf32_documents_name_their_encoding() {
    // The first version answered `json.syntax` at 1:1.
    let text = sample_text();
    let utf16_little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16_big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32_little: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let utf32_big: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_be_bytes())
        .collect();
    let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
    for (bytes, encoding) in [
        (utf16_little.clone(), "UTF-16LE"),
        (utf16_big.clone(), "UTF-16BE"),
        (with_bom(&[0xFF, 0xFE], &utf16_little), "UTF-16LE"),
        (with_bom(&[0xFE, 0xFF], &utf16_big), "UTF-16BE"),
        (utf32_little.clone(), "UTF-32LE"),
        (utf32_big.clone(), "UTF-32BE"),
        (with_bom(&[0xFF, 0xFE, 0, 0], &utf32_little), "UTF-32LE"),
        (with_bom(&[0, 0, 0xFE, 0xFF], &utf32_big), "UTF-32BE"),
    ] {
        for (name, _, read) in documents() {
            let report = read(&bytes).unwrap_err();
            let issue = &report.errors()[0];
            assert_eq!(
                (issue.code.as_str(), issue.path.as_str()),
                ("json.encoding", ""),
                "{name}"
            );
            assert_eq!(issue.params["encoding"], encoding, "{name}");
        }
    }
    // A UTF-8 byte-order mark is accepted.
    let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    assert!(RequestDraft::from_json_slice(&bom).is_ok());
}

#[test]
fn every_reader_refuses_a_document_over_its_size_limit() {
    for (name, value, _) in documents() {
        let text = value.to_string();
        let limit = text.len() - 1;
        let options = Options::default().with_max_bytes(limit);
        let refused = match name {
            "request" => ok(RequestDraft::from_json_slice_with(
                text.as_bytes(),
                &options,
            )),
            "record" => ok(RequestRecord::from_json_slice_with(
                text.as_bytes(),
                &options,
            )),
            "event log" => ok(EventLog::from_json_slice_with(text.as_bytes(), &options)),
            "answers" => ok(EligibilityAnswers::from_json_slice_with(
                text.as_bytes(),
                &options,
            )),
            "decision" => ok(EligibilityDecision::from_json_slice_with(
                text.as_bytes(),
                &options,
            )),
            "GET demande" => ok(Demande::from_json_slice_with(text.as_bytes(), &options)),
            "webhook" => ok(Webhook::from_json_slice_with(text.as_bytes(), &options)),
            "POST body" => ok(NewDemande::from_json_slice_with(text.as_bytes(), &options)),
            "v1 enrollment" => ok(Enrollment::from_json_slice_with(text.as_bytes(), &options)),
            "v1 webhook" => ok(Enrollment::from_webhook_json_slice_with(
                text.as_bytes(),
                &options,
            )),
            "import" => ok(datapass::import_with(text.as_bytes(), None, &options)),
            _ => continue,
        };
        let report = refused.unwrap_err();
        let issue = &report.errors()[0];
        assert_eq!(issue.code, "json.too_large", "{name}");
        assert_eq!(issue.params["max"], limit, "{name}");
        assert_eq!(issue.params["found"], text.len(), "{name}");
    }
    // The defaults: 1 MiB for a request, 16 MiB for an event log, whatever the content.
    let padded = format!(
        "{}{}",
        sample_text(),
        " ".repeat(Options::DEFAULT_MAX_BYTES)
    );
    assert_eq!(
        refusal(ok(RequestDraft::from_json_slice(padded.as_bytes()))).0,
        "json.too_large"
    );
    let log = lifecycle_example("d60501.json").to_string();
    let padded = format!("{log}{}", " ".repeat(Options::DEFAULT_MAX_BYTES));
    assert!(EventLog::from_json_slice(padded.as_bytes()).is_ok());
    let padded = format!("{log}{}", " ".repeat(Options::DEFAULT_MAX_BYTES_STORED));
    assert_eq!(
        refusal(ok(EventLog::from_json_slice(padded.as_bytes()))).0,
        "json.too_large"
    );
}

#[test]
fn an_event_log_longer_than_its_limit_is_refused_with_the_count() {
    let event = json!({"at": "2024-01-01T00:00:00Z", "actor": "system", "event": "archive"});
    let log = json!({"request_number": "D1", "events": vec![event; 11]});
    let options = Options::default().with_max_events(10);
    let report = EventLog::from_json_slice_with(log.to_string().as_bytes(), &options).unwrap_err();
    let issue = &report.errors()[0];
    assert_eq!(
        (issue.code.as_str(), issue.path.as_str()),
        ("event_log.too_long", "/events")
    );
    assert_eq!(
        (issue.params["max"].clone(), issue.params["found"].clone()),
        (json!(10), json!(11))
    );
}
