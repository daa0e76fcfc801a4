//! The code table in `docs/error-codes.md` (included in the crate docs) is generated from the
//! code: every code of `datapass_psc::codes::ALL` is produced by a sample input here, and its
//! French message is taken from that run. Run with `UPDATE_EXPECT=1` to rewrite the file.

use std::fmt::Write as _;

use datapass_psc::diagnostic::Diagnostic;
use datapass_psc::text::TextError;
use datapass_psc::{Email, Issue, PhoneNumber, Siren, Siret, validate_json};
use serde_json::json;

/// A sample request document that produces `code` (as an error or a warning).
fn request_sample(code: &str) -> Option<serde_json::Value> {
    let mut doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/requests/hospiconnect.json"
        ))
        .unwrap(),
    )
    .unwrap();
    match code {
        "required" => doc["project"]["name"] = json!(null),
        "siret.invalid_character" => doc["organization"]["siret"] = json!("1234567891234A"),
        "siret.length" => doc["organization"]["siret"] = json!("1300252650001"),
        "siret.checksum" => doc["organization"]["siret"] = json!("12345678901234"),
        "email.invalid" => doc["contacts"]["technical_contact"]["email"] = json!("jean@localhost"),
        "phone.invalid" => doc["contacts"]["technical_contact"]["phone"] = json!("06 12 34 56"),
        "phone.extension" => {
            doc["contacts"]["technical_contact"]["phone"] = json!("01 42 68 53 00 poste 12");
        }
        "retention.out_of_range" => doc["personal_data"]["retention_months"] = json!(1300),
        "text.too_long" => doc["project"]["name"] = json!("n".repeat(201)),
        "text.control_character" => doc["project"]["name"] = json!("a\u{7}"),
        "legal_basis.reference_missing" => {
            doc["legal_basis"]["url"] = json!(null);
            doc["legal_basis"]["documents"] = json!([]);
        }
        "legal_basis.url_invalid" => doc["legal_basis"]["url"] = json!("www.legifrance.gouv.fr"),
        "document.file_name" => doc["legal_basis"]["documents"][0]["file_name"] = json!("a/b.pdf"),
        "document.media_type" => {
            doc["legal_basis"]["documents"][0]["media_type"] = json!("image/png");
        }
        "document.empty" => doc["legal_basis"]["documents"][0]["size_bytes"] = json!(0),
        "document.too_large" => {
            doc["legal_basis"]["documents"][0]["size_bytes"] = json!(10_485_760);
        }
        "document.too_many" => {
            let d = doc["legal_basis"]["documents"][0].clone();
            doc["legal_basis"]["documents"] = json!([d, d, d, d, d, d, d]);
        }
        "scopes.empty" => doc["scopes"] = json!([]),
        "scopes.unknown" => doc["scopes"] = json!(["rpps"]),
        "recipients.too_many" => doc["personal_data"]["recipients"] = json!(vec!["Agents"; 21]),
        "retention.justification_required" | "retention.above_usual" => {
            doc["personal_data"]["retention_months"] = json!(48);
        }
        "terms.not_accepted" => doc["terms_accepted"] = json!(false),
        "dpo.not_informed" => doc["dpo_informed"] = json!(false),
        _ => return None,
    }
    Some(doc)
}

/// A sample raw text that produces a structural `json.*` code.
fn json_sample(code: &str) -> Option<&'static str> {
    Some(match code {
        "json.syntax" => "{\"project\": ",
        "json.invalid_type" => r#"{"personal_data": {"retention_months": "12"}}"#,
        "json.unknown_field" => r#"{"contacts": {"applicant": {"fax": "01"}}}"#,
        "json.duplicate_key" => r#"{"scopes": [], "scopes": []}"#,
        _ => return None,
    })
}

/// An error of a type used alone that produces `code`.
fn standalone(code: &str) -> Option<Box<dyn Diagnostic>> {
    fn err<T: std::str::FromStr>(input: &str) -> Box<dyn Diagnostic>
    where
        T::Err: Diagnostic + 'static,
    {
        Box::new(input.parse::<T>().err().expect("an error"))
    }
    Some(match code {
        "siret.empty" => err::<Siret>(" "),
        "siren.empty" => err::<Siren>(""),
        "siren.invalid_character" => err::<Siren>("73282932A"),
        "siren.length" => err::<Siren>("7328293"),
        "siren.checksum" => err::<Siren>("732829321"),
        "email.empty" => err::<Email>(""),
        "phone.empty" => err::<PhoneNumber>(" "),
        "text.empty" => Box::new(TextError::Empty),
        "request.invalid" => Box::new(datapass_psc::Error::from(validate_json("{}"))),
        "eligibility.unknown_requester" => err::<datapass_psc::RequesterKind>("association"),
        "request_number.empty" => err::<datapass_psc::RequestNumber>(" "),
        "request_number.invalid" => err::<datapass_psc::RequestNumber>("D-123"),
        "habilitation_number.empty" => err::<datapass_psc::HabilitationNumber>(""),
        "habilitation_number.invalid" => err::<datapass_psc::HabilitationNumber>("D118386"),
        _ => return lifecycle(code),
    })
}

/// A lifecycle error that produces `code`: an event refused by a record of D60501, or a
/// broken record invariant.
fn lifecycle(code: &str) -> Option<Box<dyn Diagnostic>> {
    use chrono::{TimeZone, Utc};
    use datapass_psc::lifecycle::HabilitationEvent;
    use datapass_psc::{
        Actor, Event, EventKind, HabilitationNumber, HabilitationState, RecordError, RequestDraft,
        RequestRecord, RequestState,
    };
    let at = |day| Utc.with_ymd_and_hms(2024, 4, day, 10, 0, 0).unwrap();
    let h60501: HabilitationNumber = "H60501".parse().unwrap();
    let sample = RequestDraft::from_json(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/requests/hospiconnect.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let approve = |day| {
        Event::new(
            at(day),
            Actor::Instructor,
            EventKind::Approve {
                habilitation_number: h60501,
                message: None,
            },
        )
    };
    let submit = |day| Event::new(at(day), Actor::Applicant, EventKind::Submit);
    let mut record = RequestRecord::new("D60501".parse().unwrap(), Some(sample));
    let refused = |record: &mut RequestRecord, event| -> Box<dyn Diagnostic> {
        Box::new(record.apply(event).expect_err("a refused event"))
    };
    Some(match code {
        "transition.time_went_backwards" => {
            record.apply(submit(15)).unwrap();
            refused(&mut record, approve(14))
        }
        "transition.not_allowed" => refused(&mut record, approve(30)),
        "transition.forbidden_actor" => refused(
            &mut record,
            Event::new(at(15), Actor::Instructor, EventKind::Submit),
        ),
        "transition.reason_required" => {
            record.apply(submit(15)).unwrap();
            let refuse = EventKind::Refuse { reason: None };
            refused(&mut record, Event::new(at(30), Actor::Instructor, refuse))
        }
        "transition.invalid_request" => {
            let mut empty = RequestRecord::new("D1".parse().unwrap(), None);
            refused(&mut empty, submit(15))
        }
        "transition.unchanged_reopening" => {
            record.apply(submit(15)).unwrap();
            record.apply(approve(30)).unwrap();
            let reopen = Event::new(at(30), Actor::Applicant, EventKind::Reopen);
            record.apply(reopen).unwrap();
            refused(&mut record, submit(30))
        }
        "transition.duplicate_habilitation_number" => {
            record.apply(submit(15)).unwrap();
            record.apply(approve(30)).unwrap();
            let reopen = Event::new(at(30), Actor::Applicant, EventKind::Reopen);
            record.apply(reopen).unwrap();
            let mut changed = record.content().clone();
            changed.project.as_mut().unwrap().name = Some("HospiConnect 2".into());
            let update = EventKind::Update {
                request: Box::new(changed),
            };
            record
                .apply(Event::new(at(30), Actor::Applicant, update))
                .unwrap();
            record.apply(submit(30)).unwrap();
            refused(&mut record, approve(30))
        }
        "habilitation_transition.not_allowed" => Box::new(
            HabilitationState::Revoked
                .apply(HabilitationEvent::Revoke)
                .unwrap_err(),
        ),
        "record.duplicate_habilitation_number" => {
            Box::new(RecordError::DuplicateHabilitationNumber {
                habilitation_number: h60501,
            })
        }
        "record.several_active_habilitations" => {
            Box::new(RecordError::SeveralActiveHabilitations { count: 2 })
        }
        "record.active_not_latest" => Box::new(RecordError::ActiveNotLatest {
            habilitation_number: h60501,
        }),
        "record.missing_active_habilitation" => Box::new(RecordError::MissingActiveHabilitation {
            state: RequestState::Validated,
            reopening: false,
        }),
        "record.unexpected_habilitation" => Box::new(RecordError::UnexpectedHabilitation {
            state: RequestState::Refused,
            reopening: false,
            habilitation_number: h60501,
        }),
        "record.reopening_state" => Box::new(RecordError::ReopeningState {
            state: RequestState::Validated,
        }),
        "record.missing_timestamp" => Box::new(RecordError::MissingTimestamp {
            state: RequestState::Validated,
            field: "last_validated_at",
        }),
        "record.history_out_of_order" => Box::new(RecordError::HistoryOutOfOrder { index: 3 }),
        _ => return None,
    })
}

/// The French message of the first issue with `code`.
fn message_for(code: &str) -> String {
    if code == "record.unreadable" {
        let report = datapass_psc::RequestRecord::from_json_slice(
            br#"{"format_version": 1, "request_number": "D1", "state": "draft", "reopening": "no"}"#,
        )
        .unwrap_err();
        let issue = report.errors()[0].clone();
        assert_eq!(
            (issue.code.as_str(), issue.path.as_str()),
            (code, "/reopening")
        );
        return issue.message_fr;
    }
    if code == "event_log.invalid" {
        let report = datapass_psc::lifecycle::EventLog::from_json_slice(
            br#"{"request_number": "H1", "events": []}"#,
        )
        .unwrap_err();
        let issue = report.errors()[0].clone();
        assert_eq!(
            (issue.code.as_str(), issue.path.as_str()),
            (code, "/request_number")
        );
        return issue.message_fr;
    }
    if let Some(diagnostic) = standalone(code) {
        assert_eq!(diagnostic.code(), code);
        return diagnostic.message_fr();
    }
    let report = if let Some(text) = json_sample(code) {
        validate_json(text)
    } else {
        let doc = request_sample(code).unwrap_or_else(|| panic!("no sample input produces {code}"));
        validate_json(&doc.to_string())
    };
    let issue: &Issue = report
        .errors()
        .iter()
        .chain(report.warnings())
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("the sample for {code} does not produce it: {report}"));
    issue.message_fr.clone()
}

fn table() -> String {
    let mut out = String::from("| Code | Meaning | Example message (French) |\n|---|---|---|\n");
    for (code, meaning) in datapass_psc::codes::ALL {
        let message = message_for(code).replace('|', "\\|");
        writeln!(out, "| `{code}` | {meaning} | {message} |").unwrap();
    }
    out
}

#[test]
fn every_code_is_produced_and_the_table_is_in_sync() {
    let expected = format!(
        "# Error and warning codes\n\nEvery issue carries one of these codes, a JSON Pointer `path`, \
         `message_fr`, `message_en` and `params`.\n\n{}",
        table()
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/error-codes.md");
    let committed = std::fs::read_to_string(path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    if committed != expected {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &expected).unwrap();
        } else {
            panic!(
                "docs/error-codes.md is out of date.\n--- committed\n{committed}\n+++ generated\n{expected}\n\
                 Run: UPDATE_EXPECT=1 cargo test --all-features --test codes_table"
            );
        }
    }
}

#[test]
fn codes_are_unique() {
    let mut codes: Vec<&str> = datapass_psc::codes::ALL.iter().map(|(c, _)| *c).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n);
}
