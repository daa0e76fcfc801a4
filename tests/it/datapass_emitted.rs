//! What DataPass emits, imported: every document of `tests/fixtures/datapass/emitted/`, written
//! field by field from DataPass's serializers, imports as its manifest says — the kind of
//! document, DataPass's facts, no error for what DataPass emits, DataPass's refusals for what
//! it refuses, placeholders read as absent, the form's defaults filled.

use datapass_psc::datapass::{Facts, Import, Imported, import};
use datapass_psc::{Code, Origin, Rules};
use serde_json::{Value, json};

use crate::support::properties::check_imported;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/datapass/emitted"
);

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(format!("{DIR}/manifest.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The import of a fixture.
fn import_file(file: &str) -> Import {
    let bytes = std::fs::read(format!("{DIR}/{file}")).unwrap();
    import(&bytes, None).unwrap_or_else(|report| panic!("{file} is not imported: {report}"))
}

/// The facts of one document, in the manifest's terms.
fn facts_json(facts: &Facts) -> Value {
    let mut out = serde_json::Map::new();
    if let Some(number) = facts.request_number {
        out.insert("request_number".into(), json!(number.to_string()));
    }
    if let Some(state) = facts.state {
        out.insert("state".into(), json!(state.as_str()));
    }
    if let Some(reopening) = facts.reopening {
        out.insert("reopening".into(), json!(reopening));
    }
    if let Some(habilitations) = &facts.habilitations {
        let list: Vec<Value> = habilitations
            .iter()
            .map(|h| json!({"number": h.number.to_string(), "state": h.state.as_str()}))
            .collect();
        out.insert("habilitations".into(), Value::Array(list));
    }
    if let Some(event) = &facts.event {
        out.insert("event".into(), json!(event));
    }
    if facts.ping {
        out.insert("ping".into(), json!(true));
    }
    if let Some(step) = &facts.current_build_step {
        out.insert("current_build_step".into(), json!(step));
    }
    if let Some(events) = &facts.events {
        let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
        out.insert("events".into(), json!(names));
    }
    Value::Object(out)
}

/// `expected` holds every member of `found` it names, with the same value.
#[track_caller]
fn assert_subset(expected: &Value, found: &Value, what: &str) {
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(found.get(key), Some(value), "{what}: {key}");
    }
}

#[test]
fn every_document_datapass_emits_imports_as_its_manifest_says() {
    let entries = manifest();
    assert!(entries.len() >= 40, "{} fixtures", entries.len());
    for entry in &entries {
        let file = entry["file"].as_str().unwrap();
        let import = import_file(file);
        let source = match &import {
            Import::One(one) => one.source().as_str(),
            Import::List(_) => "v2_demandes",
        };
        assert_eq!(source, entry["source"], "{file}");
        let exit = u8::from(!import.is_valid());
        assert_eq!(json!(exit), entry["exit"], "{file}: {import:?}");
        for item in import.items() {
            check_imported(item);
        }
        // Facts.
        let facts = &entry["facts"];
        match &import {
            Import::List(items) => {
                let expected = facts["demandes"].as_array().unwrap();
                assert_eq!(items.len(), expected.len(), "{file}");
                for (item, expected) in items.iter().zip(expected) {
                    assert_eq!(&facts_json(item.facts()), expected, "{file}");
                }
            }
            Import::One(one) => assert_eq!(&facts_json(one.facts()), facts, "{file}"),
        }
        let Import::One(one) = &import else { continue };
        check_expectations(file, one, &entry["expect"]);
    }
}

fn check_expectations(file: &str, imported: &Imported, expect: &Value) {
    let report = imported.report();
    match expect.get("datapass_errors").and_then(Value::as_array) {
        Some(expected) => {
            let found: Vec<(&str, &str)> = report
                .errors()
                .iter()
                .map(|i| (i.code.as_str(), i.path.as_str()))
                .collect();
            let wanted: Vec<(&str, &str)> = expected
                .iter()
                .map(|e| (e["code"].as_str().unwrap(), e["path"].as_str().unwrap()))
                .collect();
            assert_eq!(found, wanted, "{file}");
            for (issue, e) in report.errors().iter().zip(expected) {
                assert_eq!(issue.origin, Origin::DataPass, "{file}: {issue:?}");
                if let Some(params) = e.get("params") {
                    let found = serde_json::to_value(&issue.params).unwrap();
                    assert_subset(params, &found, file);
                }
            }
        }
        None => assert!(report.is_valid(), "{file}: {report}"),
    }
    for path in expect["placeholders"].as_array().into_iter().flatten() {
        let path = path.as_str().unwrap();
        assert!(
            report
                .warnings()
                .iter()
                .any(|w| w.code == Code::DataPassPlaceholder && w.path == path),
            "{file}: no placeholder warning at {path}"
        );
        assert!(
            imported
                .to_complete()
                .iter()
                .any(|i| i.code == Code::Required && i.path == path),
            "{file}: {path} is not to complete"
        );
    }
    for path in expect["defaults_filled"].as_array().into_iter().flatten() {
        let path = path.as_str().unwrap();
        assert!(
            report
                .warnings()
                .iter()
                .any(|w| w.code == Code::DataPassDefault && w.path == path),
            "{file}: no default at {path}"
        );
    }
}

#[test]
fn a_placeholder_never_reaches_the_imported_request() {
    for entry in manifest() {
        let file = entry["file"].as_str().unwrap();
        for item in import_file(file).items() {
            let text = serde_json::to_string(&item.request())
                .unwrap()
                .to_lowercase();
            assert!(!text.contains("non renseigné"), "{file}: {text}");
        }
    }
}

#[test]
fn a_reopen_webhook_and_the_resubmission_after_it_read_reopening() {
    for file in [
        "webhook-reopen-60501.json",
        "webhook-submit-60501-after-reopen.json",
    ] {
        let Import::One(imported) = import_file(file) else {
            panic!("{file}")
        };
        assert_eq!(imported.facts().reopening, Some(true), "{file}");
    }
}

#[test]
fn a_proconnect_applicant_without_phone_nor_job_title_imports_without_error() {
    let Import::One(imported) = import_file("webhook-approve-89560-proconnect.json") else {
        panic!("one")
    };
    assert!(imported.report().is_valid());
    let absent: Vec<(&str, Origin)> = imported
        .to_complete()
        .iter()
        .filter(|i| i.path.starts_with("/contacts/applicant/"))
        .map(|i| (i.path.as_str(), i.origin))
        .collect();
    assert_eq!(
        absent,
        [
            ("/contacts/applicant/job_title", Origin::PscForm),
            ("/contacts/applicant/phone", Origin::PscForm),
        ]
    );
    // A pipeline that needs a complete request checks it: under DataPass's rules, only what
    // DataPass's form does not carry (the checkboxes) blocks; under the strict rules, the rest.
    let datapass = imported.clone().check(Rules::DataPass);
    let blocking: Vec<&str> = datapass
        .report()
        .errors()
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(blocking, ["terms.not_accepted", "dpo.not_informed"]);
    let strict = imported.check(Rules::Strict);
    assert!(
        strict
            .report()
            .errors()
            .iter()
            .any(|i| i.path == "/contacts/applicant/phone")
    );
}

#[test]
fn findings_on_what_datapass_stored_are_warnings_with_their_origin() {
    let Import::One(validated) = import_file("get-demande-89560-validated.json") else {
        panic!("one")
    };
    let extension = validated
        .report()
        .warnings()
        .iter()
        .find(|w| w.path == "/contacts/data_protection_officer/phone")
        .expect("the DPO's phone with an extension");
    assert_eq!(
        (extension.code, extension.origin),
        (Code::PhoneExtension, Origin::Strict)
    );
    let Import::One(changes) = import_file("get-demande-90342-changes-requested.json") else {
        panic!("one")
    };
    let url = changes
        .report()
        .warnings()
        .iter()
        .find(|w| w.path == "/legal_basis/url")
        .expect("the URL without scheme");
    assert_eq!(
        (url.code, url.origin),
        (Code::LegalBasisUrlInvalid, Origin::Strict)
    );
}
