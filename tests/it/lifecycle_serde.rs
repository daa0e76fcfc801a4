//! JSON of events, event logs and records: exact shapes, strict reading, format version,
//! invariants checked on load, JSON Schemas, masking in `Debug`, and the trait contract.

use crate::support::lifecycle::*;
use datapass_psc::Diagnostic;
use datapass_psc::lifecycle::{Actor, Event, EventKind, RecordError};
use datapass_psc::lifecycle::{EventLog, RequestRecord};
use schemars::JsonSchema;
use serde_json::{Value, json};

#[test]
fn event_json_shape() {
    let event = approve(0, "H60501");
    let value = serde_json::to_value(&event).unwrap();
    assert_eq!(
        value,
        json!({"at": "2024-01-01T00:00:00Z", "actor": "instructor", "event": "approve",
               "habilitation_number": "H60501"})
    );
    let read: Event = serde_json::from_str(
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
            "habilitation_number": "60501"}"#,
    )
    .unwrap();
    assert_eq!(
        read.kind,
        EventKind::Approve {
            habilitation_number: h("H60501"),
            message: None
        }
    );
    assert_eq!(read.at.to_rfc3339(), "2024-04-30T13:00:00+00:00");
}

#[test]
fn every_event_round_trips() {
    let mut events = every_event();
    events.push(ev(
        t(8),
        Actor::Applicant,
        EventKind::CancelReopening { reason: None },
    ));
    for event in events {
        let json = serde_json::to_string(&event).unwrap();
        let read: Event = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(read, event, "{json}");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["event"], event.name().as_str());
    }
}

/// Every event, with every key it may have given.
fn every_event() -> Vec<Event> {
    vec![
        submit(1),
        update(2, sample()),
        request_changes(3),
        ev(
            t(4),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h("H1"),
                message: Some("Bienvenue".into()),
            },
        ),
        refuse(5),
        archive(6),
        reopen(7),
        cancel_reopening(8),
        revoke(9),
        revoke_habilitation(10, "H1"),
    ]
}

/// The code a read of `value` as an event gives: `None` when it reads.
fn event_refusal(value: &Value) -> Option<String> {
    let error = serde_json::from_value::<Event>(value.clone()).err()?;
    Some(
        error
            .to_string()
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[test]
fn the_writer_the_reader_and_the_schema_agree_on_every_event_key() {
    let schema = datapass_psc::schema::schema_of::<EventLog>();
    let branches = schema["$defs"]["Event"]["oneOf"].as_array().unwrap();
    let every_key: std::collections::BTreeSet<&str> = branches
        .iter()
        .flat_map(|b| b["properties"].as_object().unwrap().keys())
        .map(String::as_str)
        .collect();
    let events = every_event();
    assert_eq!(events.len(), branches.len());
    for event in events {
        let text = serde_json::to_string(&event).unwrap();
        // Written in one order: the name first, then when, who, and the event's own keys.
        let order = [
            "event",
            "at",
            "actor",
            "request",
            "habilitation_number",
            "reason",
            "message",
        ];
        let positions: Vec<usize> = order
            .iter()
            .filter_map(|key| text.find(&format!("\"{key}\":")))
            .collect();
        assert_eq!(positions[0], 1, "{text}");
        assert!(positions.is_sorted(), "{text}");
        let written: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        let branch = branches
            .iter()
            .find(|b| b["properties"]["event"]["const"] == event.name().as_str())
            .unwrap();
        let properties = branch["properties"].as_object().unwrap();
        let required = branch["required"].as_array().unwrap();
        // The event writes every key its schema lists (the optional ones are given here).
        let keys: Vec<&String> = written.keys().collect();
        assert_eq!(keys, properties.keys().collect::<Vec<_>>(), "{text}");
        for key in written.keys() {
            let mut without = written.clone();
            without.remove(key);
            let refusal = event_refusal(&Value::Object(without));
            if required.contains(&json!(key)) {
                assert_eq!(
                    refusal.as_deref(),
                    Some("json.missing_field"),
                    "{text} - {key}"
                );
            } else {
                assert_eq!(refusal, None, "{text} - {key}");
            }
        }
        for &key in every_key.iter().filter(|k| !properties.contains_key(**k)) {
            let mut with = written.clone();
            with.insert(key.to_owned(), written["at"].clone());
            let refusal = event_refusal(&Value::Object(with));
            assert_eq!(
                refusal.as_deref(),
                Some("json.unknown_field"),
                "{text} + {key}"
            );
        }
    }
}

#[test]
fn event_reading_is_strict() {
    let bad = [
        // Unknown key.
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant", "event": "submit", "reason": "x"}"#,
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
            "habilitation_number": "H1", "numero": 1}"#,
        // Unknown event or actor.
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant", "event": "transfer"}"#,
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "admin", "event": "submit"}"#,
        // Missing time, actor, event, or a required field.
        r#"{"actor": "applicant", "event": "submit"}"#,
        r#"{"at": "2024-04-30T13:00:00Z", "event": "submit"}"#,
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant"}"#,
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve"}"#,
        // A request number where a habilitation number is expected.
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
            "habilitation_number": "D60501"}"#,
        // A time that is not RFC 3339.
        r#"{"at": "30/04/2024", "actor": "applicant", "event": "submit"}"#,
        // A draft with an unknown key.
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant", "event": "update",
            "request": {"nom": "x"}}"#,
    ];
    for json in bad {
        assert!(
            serde_json::from_str::<Event>(json).is_err(),
            "accepted {json}"
        );
    }
    // A missing reason parses: the transition refuses it with its own code.
    let event: Event = serde_json::from_str(
        r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "refuse"}"#,
    )
    .unwrap();
    let mut record = Situation::Submitted.record();
    let code = record.apply(event).unwrap_err().code();
    assert_eq!(code, "transition.reason_required");
}

#[test]
fn event_log_shape() {
    let log: EventLog = serde_json::from_str(
        r#"{"format_version": 1, "request_number": "D60501",
            "events": [{"at": "2024-04-15T09:00:00Z", "actor": "applicant", "event": "archive"}]}"#,
    )
    .unwrap();
    assert_eq!(log.request_number, d("D60501"));
    assert!(log.request.is_none());
    assert_eq!(
        serde_json::to_value(&log).unwrap(),
        json!({"format_version": 1, "request_number": "D60501",
               "events": [{"at": "2024-04-15T09:00:00Z", "actor": "applicant", "event": "archive"}]})
    );
    // format_version may be left out, but not wrong; unknown keys are refused.
    assert!(serde_json::from_str::<EventLog>(r#"{"request_number": "1", "events": []}"#).is_ok());
    for (bad, code, path) in [
        (
            r#"{"format_version": 2, "request_number": "1", "events": []}"#,
            "event_log.invalid",
            "/format_version",
        ),
        (
            r#"{"format_version": "1", "request_number": "1", "events": []}"#,
            "json.invalid_type",
            "/format_version",
        ),
        (
            r#"{"request_number": "1", "events": [], "extra": true}"#,
            "json.unknown_field",
            "/extra",
        ),
        (
            r#"{"request_number": "H1", "events": []}"#,
            "event_log.invalid",
            "/request_number",
        ),
        (
            r#"{"request_number": "1"}"#,
            "json.missing_field",
            "/events",
        ),
        (r#"["1", []]"#, "json.invalid_type", ""),
    ] {
        let report = EventLog::from_json_slice(bad.as_bytes()).unwrap_err();
        let issue = &report.errors()[0];
        assert_eq!(
            (issue.code.as_str(), issue.path.as_str()),
            (code, path),
            "{bad}"
        );
        let error = serde_json::from_str::<EventLog>(bad).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(&format!("{code} at {path:?}")),
            "{error}"
        );
    }
}

#[test]
fn record_json_shape() {
    let record = Situation::Validated.record();
    let value = serde_json::to_value(&record).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "format_version",
        "request_number",
        "state",
        "reopening",
        "last_submitted_at",
        "last_validated_at",
        "reopened_at",
        "request",
        "habilitations",
        "history",
    ];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["request_number"], "D60501");
    assert_eq!(value["state"], "validated");
    assert_eq!(value["reopening"], false);
    assert_eq!(value["reopened_at"], Value::Null);
    assert_eq!(value["last_validated_at"], "2024-01-01T02:00:00Z");
    let habilitation = &value["habilitations"][0];
    assert_eq!(habilitation["number"], "H60501");
    assert_eq!(habilitation["state"], "active");
    assert_eq!(habilitation["created_at"], "2024-01-01T02:00:00Z");
    assert!(habilitation.get("message").is_none());
    assert_eq!(
        habilitation["request"],
        serde_json::to_value(sample().validate().unwrap()).unwrap()
    );
    assert_eq!(
        value["history"],
        json!([
            {"event": "submit", "actor": "applicant", "at": "2024-01-01T01:00:00Z"},
            {"event": "approve", "actor": "instructor", "at": "2024-01-01T02:00:00Z",
             "habilitation_number": "H60501"}
        ])
    );
}

#[test]
fn records_round_trip_in_every_situation() {
    for situation in Situation::ALL {
        let record = situation.record();
        let json = serde_json::to_string(&record).unwrap();
        let read: RequestRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(read, record, "{}", situation.name());
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
    }
}

/// Reads a record after editing its JSON.
/// A record in `situation`, edited as JSON and read back: the record, or the (code, path) of
/// the first problem. `serde_json` gives the same verdict through the same reader.
fn load_edited(
    situation: Situation,
    edit: impl FnOnce(&mut Value),
) -> Result<RequestRecord, (String, String)> {
    let mut value = serde_json::to_value(situation.record()).unwrap();
    edit(&mut value);
    let read = RequestRecord::from_json_slice(value.to_string().as_bytes());
    let direct = serde_json::from_value::<RequestRecord>(value);
    assert_eq!(read.is_ok(), direct.is_ok());
    read.map_err(|report| {
        let issue = &report.errors()[0];
        let text = direct.unwrap_err().to_string();
        assert!(
            text.starts_with(&format!("{} at {:?}", issue.code, issue.path)),
            "{text}"
        );
        (issue.code.to_string(), issue.path.clone())
    })
}

fn problem(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

#[test]
fn loading_checks_the_format_version() {
    let missing = load_edited(Situation::Draft, |v| {
        v.as_object_mut().unwrap().remove("format_version");
    });
    assert_eq!(
        missing.unwrap_err(),
        problem("json.missing_field", "/format_version")
    );
    let wrong = load_edited(Situation::Draft, |v| v["format_version"] = json!(2));
    assert_eq!(
        wrong.unwrap_err(),
        problem("record.unreadable", "/format_version")
    );
    let unknown = load_edited(Situation::Draft, |v| v["comment"] = json!("x"));
    assert_eq!(
        unknown.unwrap_err(),
        problem("json.unknown_field", "/comment")
    );
}

/// An edit of a record's JSON.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn loading_checks_the_invariants() {
    let cases: Vec<(Situation, Edit, &str)> = vec![
        (
            Situation::SubmittedReopening,
            Box::new(|v: &mut Value| {
                // Two active habilitations.
                let copy = v["habilitations"][0].clone();
                let mut copy = copy;
                copy["number"] = json!("H2");
                v["habilitations"].as_array_mut().unwrap().push(copy);
            }),
            "record.several_active_habilitations",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| {
                let copy = v["habilitations"][0].clone();
                v["habilitations"].as_array_mut().unwrap().push(copy);
            }),
            "record.duplicate_habilitation_number",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["habilitations"][0]["state"] = json!("obsolete")),
            "record.missing_active_habilitation",
        ),
        (
            Situation::DraftReopening,
            Box::new(|v: &mut Value| v["habilitations"][0]["state"] = json!("obsolete")),
            "record.missing_active_habilitation",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["reopening"] = json!(true)),
            "record.reopening_state",
        ),
        (
            Situation::Revoked,
            Box::new(|v: &mut Value| v["habilitations"][0]["state"] = json!("active")),
            "record.unexpected_habilitation",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["state"] = json!("draft")),
            "record.unexpected_habilitation",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["state"] = json!("refused")),
            "record.unexpected_habilitation",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["last_validated_at"] = Value::Null),
            "record.missing_timestamp",
        ),
        (
            Situation::Submitted,
            Box::new(|v: &mut Value| v["last_submitted_at"] = Value::Null),
            "record.missing_timestamp",
        ),
        (
            Situation::DraftReopening,
            Box::new(|v: &mut Value| v["reopened_at"] = Value::Null),
            "record.missing_timestamp",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| v["history"][1]["at"] = json!("2023-01-01T00:00:00Z")),
            "record.history_out_of_order",
        ),
        (
            Situation::Validated,
            Box::new(|v: &mut Value| {
                // An invalid snapshot: AuthorizationRequest deserialization validates it.
                v["habilitations"][0]["request"]["organization"]["siret"] = json!("12345678901234");
            }),
            "record.unreadable",
        ),
    ];
    for (situation, edit, expected) in cases {
        let (code, path) = load_edited(situation, edit).unwrap_err();
        assert_eq!(code, expected, "{}", situation.name());
        // Invariants are about the record as a whole; an unreadable snapshot is located.
        let expected_path = if code == "record.unreadable" {
            "/habilitations/0/request"
        } else {
            ""
        };
        assert_eq!(path, expected_path, "{}", situation.name());
    }
}

#[test]
fn loading_accepts_an_invalid_current_draft() {
    let record = load_edited(Situation::ChangesRequested, |v| {
        v["request"] = json!({"organization": {"siret": "1234"}});
    })
    .unwrap();
    assert!(record.content().validate().is_err());
}

#[test]
fn record_error_diagnostics() {
    let error = RecordError::SeveralActiveHabilitations { count: 2 };
    assert_eq!(error.code(), "record.several_active_habilitations");
    assert_eq!(
        error.message_fr(),
        "L'enregistrement de la demande contient 2 habilitations actives (une au plus)"
    );
}

fn validator<T: JsonSchema>() -> jsonschema::Validator {
    let schema = schemars::schema_for!(T).to_value();
    jsonschema::validator_for(&schema).expect("valid schema")
}

#[test]
fn schemas_accept_what_the_crate_writes() {
    let records = validator::<RequestRecord>();
    for situation in Situation::ALL {
        let value = serde_json::to_value(situation.record()).unwrap();
        let errors: Vec<String> = records.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", situation.name());
    }
    let logs = validator::<EventLog>();
    let log = EventLog::new(
        d("60501"),
        Some(sample()),
        vec![
            submit(1),
            approve(2, "H1"),
            reopen(3),
            update(4, renamed("x")),
            cancel_reopening(5),
            revoke_habilitation(6, "H1"),
            archive(7),
        ],
    );
    let value = serde_json::to_value(&log).unwrap();
    let errors: Vec<String> = logs.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Human-typed numbers and a missing format_version are accepted input too.
    assert!(
        logs.is_valid(&json!({"request_number": " d60501 ", "events": [
        {"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
         "habilitation_number": "h1"}]}))
    );
    // Structurally broken input is rejected by both.
    for bad in [
        json!({"request_number": "D1", "events": [{"at": "2024-04-30T13:00:00Z",
               "actor": "applicant", "event": "submit", "x": 1}]}),
        json!({"request_number": "D1", "events": [{"at": "2024-04-30T13:00:00Z",
               "actor": "applicant", "event": "transfer"}]}),
        json!({"format_version": 2, "request_number": "D1", "events": []}),
        json!({"request_number": "H1", "events": []}),
    ] {
        assert!(!logs.is_valid(&bad), "schema accepts {bad}");
        assert!(serde_json::from_value::<EventLog>(bad).is_err());
    }
    // Times: chrono accepts more than `format: date-time` (a space instead of `T`), so the
    // schemas carry no `format` that would reject them.
    let spaced = json!({"request_number": "D1", "events": [
        {"at": "2024-04-30 13:00:00+02:00", "actor": "applicant", "event": "submit"}]});
    assert!(serde_json::from_value::<EventLog>(spaced.clone()).is_ok());
    assert!(logs.is_valid(&spaced));
    for schema in [
        schemars::schema_for!(RequestRecord).to_value(),
        schemars::schema_for!(EventLog).to_value(),
    ] {
        assert!(!schema.to_string().contains("date-time"), "{schema}");
    }
    let schema = schemars::schema_for!(RequestRecord).to_value();
    assert_eq!(schema["title"], "RequestRecord");
    let schema = schemars::schema_for!(Event).to_value();
    assert_eq!(schema["title"], "Event");
}

#[test]
fn debug_masks_personal_data() {
    let mut record = Situation::SubmittedReopening.record();
    record.apply(approve(10, "H118386")).unwrap();
    let debug = format!("{record:?} {:?}", update(1, sample()));
    for personal in [
        "Moreau",
        "moreau",
        "Lefèvre",
        "Roux",
        "ines.moreau@",
        "dpo@hospiconnect",
        "0199001234",
        "+33199001234",
        "+33612345678",
        "01 99 00 12 34",
    ] {
        assert!(!debug.contains(personal), "Debug shows {personal}: {debug}");
    }
    assert!(debug.contains("D60501"));
}

#[test]
fn the_crate_error_wraps_lifecycle_errors() {
    fn approve_draft(
        number: &str,
        habilitation: &str,
    ) -> Result<RequestRecord, datapass_psc::Error> {
        let mut record = RequestRecord::new(number.parse()?, None);
        record.apply(ev(
            t(1),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: habilitation.parse()?,
                message: None,
            },
        ))?;
        Ok(record)
    }
    let code = |r: Result<RequestRecord, datapass_psc::Error>| r.unwrap_err().code();
    assert_eq!(code(approve_draft("H1", "H1")), "request_number.invalid");
    assert_eq!(
        code(approve_draft("D1", "D1")),
        "habilitation_number.invalid"
    );
    assert_eq!(code(approve_draft("D1", "H1")), "transition.not_allowed");
    let replay = EventLog::new(d("D1"), None, vec![submit(1)])
        .replay()
        .unwrap_err();
    let error = datapass_psc::Error::from(replay);
    assert_eq!(error.code(), "transition.invalid_request");
    assert_eq!(error.params()["index"], 0);
}

/// A stored record keeps loading when today's phone metadata would refuse one
/// of its snapshot's numbers; a new request with the same number is still refused.
#[test]
fn stored_snapshots_trust_their_e164_phones() {
    let mut record = RequestRecord::new(d("D60501"), Some(sample()));
    apply_all(&mut record, [submit(1), approve(2, "H60501")]);
    let mut stored: serde_json::Value = serde_json::from_str(&json(&record)).unwrap();
    // `+33 7 00 …` is not assigned today.
    stored["habilitations"][0]["request"]["contacts"]["applicant"]["phone"] = "+33700123456".into();
    let loaded: RequestRecord =
        serde_json::from_value(stored.clone()).expect("a stored record loads");
    let snapshot = loaded.active_habilitation().unwrap().request();
    assert_eq!(snapshot.contacts().applicant.phone.as_str(), "+33700123456");
    assert_eq!(snapshot.contacts().applicant.phone.region(), None);
    // A fresh request with that number is refused.
    let fresh = serde_json::to_string(&stored["habilitations"][0]["request"]).unwrap();
    let report = datapass_psc::validate_json(&fresh);
    assert_eq!(report.error_codes(), ["phone.invalid"]);
    // A stored phone that is not E.164 gets no such trust.
    stored["habilitations"][0]["request"]["contacts"]["applicant"]["phone"] =
        "07 00 12 34 56".into();
    assert!(serde_json::from_value::<RequestRecord>(stored).is_err());
}

/// Reading logs and records reports structural problems like requests do: at their path, with
/// the same codes inside a request, and never quoting the document.
#[test]
fn event_logs_and_records_read_from_json_report_paths_without_quoting() {
    use datapass_psc::lifecycle::EventLog;
    let errors = |report: datapass_psc::ValidationReport| -> Vec<(String, String)> {
        report
            .errors()
            .iter()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect()
    };
    let log = br#"{"request_number": "D1", "events": [{"at": "2024-01-01T00:00:00Z", "actor": "applicant",
        "event": "update", "request": {"contacts": {"applicant": "Jean Dupont jean@exemple.fr"}}}]}"#;
    let report = EventLog::from_json_slice(log).unwrap_err();
    assert!(!serde_json::to_string(&report).unwrap().contains("Dupont"));
    assert_eq!(
        errors(report),
        [(
            "json.invalid_type".to_owned(),
            "/events/0/request/contacts/applicant".to_owned()
        )]
    );
    let report = EventLog::from_json_slice(
        br#"{"request_number": "D1", "request_number": "D2", "events": []}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors(report),
        [(
            "json.duplicate_key".to_owned(),
            "/request_number".to_owned()
        )]
    );
    let report = EventLog::from_json_slice(
        br#"{"request_number": "D1", "events": [{"at": "2024-01-01T00:00:00Z", "actor": "jean.dupont", "event": "submit"}]}"#,
    )
    .unwrap_err();
    assert!(!serde_json::to_string(&report).unwrap().contains("dupont"));
    assert_eq!(errors(report)[0].0, "event_log.invalid");

    // A stored record: same guarantees, and invariant violations keep their own code.
    let mut record = RequestRecord::new(d("D60501"), Some(sample()));
    apply_all(&mut record, [submit(1), approve(2, "H60501")]);
    let stored = json(&record);
    assert_eq!(
        RequestRecord::from_json_slice(stored.as_bytes()).unwrap(),
        record
    );
    let mut value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    value["habilitations"][0]["request"]["contacts"]["applicant"]["fax"] = "01 99 00 12 39".into();
    let report = RequestRecord::from_json_slice(value.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        errors(report),
        [(
            "json.unknown_field".to_owned(),
            "/habilitations/0/request/contacts/applicant/fax".to_owned()
        )]
    );
    let mut value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    value["state"] = "draft".into();
    let report = RequestRecord::from_json_slice(value.to_string().as_bytes()).unwrap_err();
    assert!(errors(report)[0].0.starts_with("record."));
}

#[test]
fn revalidate_reports_what_todays_rules_say_of_a_stored_record() {
    let mut record = RequestRecord::new(d("D60501"), Some(sample()));
    apply_all(&mut record, [submit(1), approve(2, "H60501")]);
    assert!(record.revalidate().is_valid());
    let mut stored: serde_json::Value = serde_json::from_str(&json(&record)).unwrap();
    stored["habilitations"][0]["request"]["contacts"]["applicant"]["phone"] = "+33700123456".into();
    stored["request"]["project"]["name"] = serde_json::Value::Null;
    let loaded: RequestRecord = serde_json::from_value(stored).unwrap();
    let report = loaded.revalidate();
    let got: Vec<(&str, &str)> = report
        .errors()
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("required", "/request/project/name"),
            (
                "phone.invalid",
                "/habilitations/0/request/contacts/applicant/phone"
            ),
        ]
    );
}
