//! The one JSON reader, across every format the crate reads: the same structural codes, at the
//! path of the problem, in document order.

use datapass_psc::eligibility::{EligibilityAnswers, EligibilityDecision};
use datapass_psc::lifecycle::{EventLog, RequestRecord};
use datapass_psc::{RequestDraft, ValidationReport};

/// The (code, path) of the one issue of a refused document.
fn refusal(result: Result<impl Sized, ValidationReport>) -> (String, String) {
    let report = result.err().expect("the document is refused");
    assert_eq!(report.errors().len(), 1, "{report}");
    let issue = &report.errors()[0];
    (issue.code.to_string(), issue.path.clone())
}

/// A reader of the crate: (name, one of the keys of its format with a valid value, the reader).
type Reader = (&'static str, &'static str, fn(&[u8]) -> (String, String));

/// Every document reader of the crate.
fn readers() -> Vec<Reader> {
    vec![
        ("request", r#""scopes": []"#, |b| {
            refusal(RequestDraft::from_json_slice(b))
        }),
        ("record", r#""state": "draft""#, |b| {
            refusal(RequestRecord::from_json_slice(b))
        }),
        ("event log", r#""events": []"#, |b| {
            refusal(EventLog::from_json_slice(b))
        }),
        ("answers", r#""requester": "company""#, |b| {
            refusal(EligibilityAnswers::from_json_slice(b))
        }),
        ("decision", r#""requester": "company""#, |b| {
            refusal(EligibilityDecision::from_json_slice(b))
        }),
    ]
}

#[test]
fn a_positional_array_is_refused_at_the_root_by_every_reader() {
    // serde's derived structs accept the array of their field values; the schemas say object.
    let record = br#"[1,"D1","draft",false,null,null,null,{},[],[]]"#;
    assert_eq!(
        refusal(RequestRecord::from_json_slice(record)),
        ("json.invalid_type".to_owned(), String::new())
    );
    assert!(serde_json::from_slice::<RequestRecord>(record).is_err());
    assert!(serde_json::from_str::<EventLog>(r#"[1, "D1", null, []]"#).is_err());
    for (name, _, read) in readers() {
        for text in [&b"[]"[..], b"[1, 2]", b"\"text\"", b"12", b"null"] {
            assert_eq!(
                read(text),
                ("json.invalid_type".to_owned(), String::new()),
                "{name} {}",
                String::from_utf8_lossy(text)
            );
        }
    }
}

#[test]
fn structural_problems_get_the_same_codes_in_every_format() {
    for (name, entry, read) in readers() {
        let problem = |text: &str| read(text.as_bytes());
        let at = |code: &str, path: &str| (code.to_owned(), path.to_owned());
        assert_eq!(problem("{"), at("json.syntax", ""), "{name}");
        assert_eq!(problem("\u{feff}{"), at("json.syntax", ""), "{name}");
        assert_eq!(
            problem(r#"{"zorglub": 1}"#),
            at("json.unknown_field", "/zorglub"),
            "{name}"
        );
        // The second occurrence of a key is refused before its value is read.
        let key = entry.split('"').nth(1).unwrap();
        let duplicate = format!("{{{entry}, {key:?}: 1}}");
        assert_eq!(
            problem(&duplicate),
            at("json.duplicate_key", &format!("/{key}")),
            "{name}"
        );
        assert_eq!(problem("nul").0, "json.syntax", "{name}");
    }
}
