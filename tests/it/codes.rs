//! The code table: every `Code` is produced by a sample input run through the crate (a request,
//! a stored record, an event log, an eligibility document, a parse, a lifecycle event), and the
//! table in `docs/error-codes.md` (included in the crate docs) is generated from `Code::ALL` with
//! the French message of that run. Run with `UPDATE_EXPECT=1` to rewrite the file.

use std::fmt::Write as _;
use std::str::FromStr;

use datapass_psc::datapass;
use datapass_psc::eligibility::{EligibilityAnswers, EligibilityDecision, RequesterKind};
use datapass_psc::lifecycle::{
    Actor, EventKind, EventLog, HabilitationEvent, HabilitationNumber, HabilitationState,
    RequestNumber, RequestRecord,
};
use datapass_psc::text::ProjectName;
use datapass_psc::{
    Code, Diagnostic, Email, Error, Issue, Options, PhoneNumber, RequestDraft, Siren, Siret,
    ValidationReport, validate_json,
};
use serde_json::{Value, json};

use crate::support::lifecycle::{
    Situation, approve, d, ev, json as record_json, reopen, submit, t,
};
use crate::support::mutations::mutations;
use crate::support::request::sample;

/// The first error or warning of a report.
fn first(report: &ValidationReport) -> Issue {
    report
        .errors()
        .iter()
        .chain(report.warnings())
        .next()
        .cloned()
        .expect("an issue")
}

/// The issue of an error used alone.
fn alone(error: &dyn Diagnostic) -> Issue {
    Issue::from_error("", error)
}

/// The issue of a value that `T` refuses.
fn parse<T: FromStr>(input: &str) -> Issue
where
    T::Err: Diagnostic,
{
    match input.parse::<T>() {
        Ok(_) => panic!("{input:?} should be refused"),
        Err(e) => alone(&e),
    }
}

/// A request produced by the single-field mutation table, validated: the issue with `code`.
fn mutation(code: Code) -> Option<Issue> {
    let all = mutations();
    let m = all.iter().find(|m| m.code == code.as_str())?;
    let mut doc = sample();
    m.apply(&mut doc);
    let report = validate_json(&doc.to_string());
    report
        .errors()
        .iter()
        .chain(report.warnings())
        .find(|i| i.code == code)
        .cloned()
}

/// The stored record of D60501 once validated, edited as JSON, then read back.
fn edited_record(edit: impl FnOnce(&mut Value)) -> Issue {
    let mut value: Value =
        serde_json::from_str(&record_json(&Situation::Validated.record())).unwrap();
    edit(&mut value);
    first(&RequestRecord::from_json_slice(value.to_string().as_bytes()).unwrap_err())
}

/// The refusal of `event` by D60501 in `situation`.
fn refused(situation: Situation, event: datapass_psc::lifecycle::Event) -> Issue {
    alone(&situation.record().apply(event).unwrap_err())
}

/// A sample input that produces `code`, as the issue it gives.
fn produce(code: Code) -> Option<Issue> {
    use Code as C;
    let habilitation = |state: &str, number: &str| {
        json!({"number": number, "state": state, "created_at": "2024-01-01T02:00:00Z",
               "request": serde_json::to_value(sample_request()).unwrap()})
    };
    Some(match code {
        C::JsonSyntax => first(&validate_json("{\"project\": ")),
        C::JsonEncoding => {
            first(&RequestDraft::from_json_slice(b"\xFF\xFE{\x00}\x00").unwrap_err())
        }
        C::JsonTooLarge => {
            let options = Options::default().with_max_bytes(10);
            first(&RequestDraft::from_json_slice_with(b"{\"scopes\": []}", &options).unwrap_err())
        }
        C::JsonTooDeep => {
            let options = Options::default().with_max_depth(2);
            let text = br#"{"contacts": {"applicant": {}}}"#;
            first(&RequestDraft::from_json_slice_with(text, &options).unwrap_err())
        }
        C::JsonInvalidType => first(&validate_json(
            r#"{"personal_data": {"retention_months": "12"}}"#,
        )),
        C::JsonUnknownField => first(&validate_json(
            r#"{"contacts": {"applicant": {"fax": "01"}}}"#,
        )),
        C::JsonDuplicateKey => first(&validate_json(r#"{"scopes": [], "scopes": []}"#)),
        C::JsonMissingField => {
            first(&EventLog::from_json_slice(br#"{"request_number": "D1"}"#).unwrap_err())
        }
        C::SiretEmpty => parse::<Siret>(" "),
        C::SirenEmpty => parse::<Siren>(""),
        C::SirenInvalidCharacter => parse::<Siren>("73282932A"),
        C::SirenLength => parse::<Siren>("7328293"),
        C::SirenChecksum => parse::<Siren>("732829321"),
        C::EmailEmpty => parse::<Email>(""),
        C::PhoneEmpty => parse::<PhoneNumber>(" "),
        C::TextEmpty => parse::<ProjectName>(" "),
        C::RetentionAboveUsual => {
            let mut doc = sample();
            doc["personal_data"]["retention_months"] = json!(48);
            doc["personal_data"]["retention_justification"] = json!("Suivi des litiges");
            first(&validate_json(&doc.to_string()))
        }
        C::RequestInvalid => alone(&Error::from(validate_json("{}"))),
        C::EligibilityUnknownRequester => first(
            &EligibilityAnswers::from_json_slice(br#"{"requester": "association"}"#).unwrap_err(),
        ),
        C::EligibilityInvalidDecision => {
            let decision = EligibilityAnswers::new(RequesterKind::Individual).decide();
            let mut value = serde_json::to_value(decision).unwrap();
            value["outcome"] = json!("eligible");
            first(&EligibilityDecision::from_json_slice(value.to_string().as_bytes()).unwrap_err())
        }
        C::RequestNumberEmpty => parse::<RequestNumber>(" "),
        C::RequestNumberInvalid => parse::<RequestNumber>("D-123"),
        C::HabilitationNumberEmpty => parse::<HabilitationNumber>(""),
        C::HabilitationNumberInvalid => parse::<HabilitationNumber>("D118386"),
        C::TransitionTimeWentBackwards => refused(Situation::Submitted, approve(0, "H1")),
        C::TransitionNotAllowed => refused(Situation::Draft, approve(10, "H1")),
        C::TransitionForbiddenActor => refused(
            Situation::Draft,
            ev(t(10), Actor::Instructor, EventKind::Submit),
        ),
        C::TransitionReasonRequired => refused(
            Situation::Submitted,
            ev(t(10), Actor::Instructor, EventKind::Refuse { reason: None }),
        ),
        C::TransitionInvalidRequest => alone(
            &RequestRecord::new(d("D1"), None)
                .apply(submit(10))
                .unwrap_err(),
        ),
        C::TransitionUnchangedReopening => {
            let mut record = Situation::Validated.record();
            record.apply(reopen(10)).unwrap();
            alone(&record.apply(submit(11)).unwrap_err())
        }
        C::TransitionDuplicateHabilitationNumber => {
            refused(Situation::SubmittedReopening, approve(10, "H60501"))
        }
        C::HabilitationTransitionNotAllowed => alone(
            &HabilitationState::Revoked
                .apply(HabilitationEvent::Revoke)
                .unwrap_err(),
        ),
        C::RecordDuplicateHabilitationNumber => edited_record(|r| {
            r["habilitations"] = json!([
                habilitation("obsolete", "H60501"),
                habilitation("active", "H60501")
            ]);
        }),
        C::RecordSeveralActiveHabilitations => edited_record(|r| {
            r["habilitations"] = json!([
                habilitation("active", "H1"),
                habilitation("active", "H60501")
            ]);
        }),
        C::RecordActiveNotLatest => edited_record(|r| {
            r["habilitations"] = json!([
                habilitation("active", "H60501"),
                habilitation("obsolete", "H2")
            ]);
        }),
        C::RecordMissingActiveHabilitation => {
            edited_record(|r| r["habilitations"][0]["state"] = json!("obsolete"))
        }
        C::RecordUnexpectedHabilitation => edited_record(|r| r["state"] = json!("refused")),
        C::RecordReopeningState => edited_record(|r| r["reopening"] = json!(true)),
        C::RecordMissingTimestamp => edited_record(|r| r["last_validated_at"] = json!(null)),
        C::RecordHistoryOutOfOrder => {
            edited_record(|r| r["history"][1]["at"] = json!("2023-12-31T00:00:00Z"))
        }
        C::RecordUnreadable => edited_record(|r| r["state"] = json!("zorglub")),
        C::EventLogInvalid => first(
            &EventLog::from_json_slice(br#"{"request_number": "H1", "events": []}"#).unwrap_err(),
        ),
        C::EventLogTooLong => {
            let log = format!(
                r#"{{"request_number": "D1", "events": [{0}, {0}]}}"#,
                r#"{"at": "2024-01-01T00:00:00Z", "actor": "applicant", "event": "archive"}"#
            );
            let options = Options::default().with_max_events(1);
            first(&EventLog::from_json_slice_with(log.as_bytes(), &options).unwrap_err())
        }
        C::ReportInvalid => {
            let mut report = serde_json::to_value(RequestDraft::default().report()).unwrap();
            report["valid"] = json!(true);
            first(&ValidationReport::from_json_slice(report.to_string().as_bytes()).unwrap_err())
        }
        C::DataPassInvalid => datapass_demande(|d| d["id"] = json!("zorglub")),
        C::DataPassOtherForm => datapass_demande(|d| d["definition_id"] = json!("api_entreprise")),
        C::DataPassUnknownDocument => first(&datapass::import(b"{}", None).unwrap_err()),
        C::DataPassNotPerson => {
            let mut value = datapass_fixture("get-demande-60501-scopes-array.json");
            value["data"]["responsable_traitement_type"] = json!("organization");
            let demande = datapass::Demande::from_json_slice(value.to_string().as_bytes()).unwrap();
            demande.warnings()[0].clone()
        }
        C::DataPassUnknownEvent => {
            let mut value = datapass_fixture("webhook-approve-60501.json");
            value["event"] = json!("zorglub");
            match datapass::Webhook::from_json_slice(value.to_string().as_bytes()).unwrap() {
                datapass::Webhook::Event(event) => event.warnings()[0].clone(),
                other => panic!("not an event: {other:?}"),
            }
        }
        C::DataPassRefused => api_error("emitted/error-422-etat-non-modifiable.json"),
        C::DataPassBadRequest => api_error("emitted/error-400-parametre-manquant.json"),
        C::DataPassUnauthorized => api_error("emitted/error-401-jeton-expire.json"),
        C::DataPassForbidden => api_error("emitted/error-403-non-autorise.json"),
        C::DataPassNotFound => api_error("emitted/error-404-non-trouve.json"),
        C::DataPassPlaceholder => imported_warning(
            "emitted/get-demande-48213-migrated-placeholders.json",
            C::DataPassPlaceholder,
        ),
        C::DataPassDefault => imported_warning(
            "emitted/post-demande-accepted-no-legal-basis.json",
            C::DataPassDefault,
        ),
        C::WebhookSignatureMissing => signature(""),
        C::WebhookSignatureAlgorithm => signature("sha1=00"),
        C::WebhookSignatureHex => signature("sha256=zz"),
        C::WebhookSignatureLength => signature("sha256=00"),
        C::WebhookSignatureMismatch => signature(&format!("sha256={}", "0".repeat(64))),
        other => return mutation(other),
    })
}

fn datapass_fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/datapass/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The first issue of a DataPass error body.
fn api_error(name: &str) -> Issue {
    let body = serde_json::to_vec(&datapass_fixture(name)).unwrap();
    datapass::ApiErrors::from_json_slice(&body)
        .unwrap()
        .issues()[0]
        .clone()
}

/// The first warning with `code` of an imported DataPass document.
fn imported_warning(name: &str, code: Code) -> Issue {
    let body = serde_json::to_vec(&datapass_fixture(name)).unwrap();
    let import = datapass::import(&body, None).unwrap();
    import.items()[0]
        .report()
        .warnings()
        .iter()
        .find(|w| w.code == code)
        .cloned()
        .unwrap()
}

/// The refusal of a DataPass demande edited as JSON.
fn datapass_demande(edit: impl FnOnce(&mut Value)) -> Issue {
    let mut value = datapass_fixture("get-demande-60501-scopes-string.json");
    edit(&mut value);
    first(&datapass::Demande::from_json_slice(value.to_string().as_bytes()).unwrap_err())
}

/// The refusal of a webhook signature header for a sample body.
fn signature(header: &str) -> Issue {
    alone(&datapass::verify_signature(b"secret", b"{}", header).unwrap_err())
}

fn sample_request() -> datapass_psc::AuthorizationRequest {
    crate::support::request::sample_draft().validate().unwrap()
}

fn table() -> String {
    let mut out = String::from("| Code | Meaning | Example message (French) |\n|---|---|---|\n");
    for &code in Code::ALL {
        let issue = produce(code).unwrap_or_else(|| panic!("no sample input produces {code}"));
        let message = issue.message_fr.replace('|', "\\|");
        writeln!(out, "| `{code}` | {} | {message} |", code.meaning()).unwrap();
    }
    out
}

#[test]
fn every_code_is_produced_by_a_sample_input() {
    for &code in Code::ALL {
        let issue = produce(code).unwrap_or_else(|| panic!("no sample input produces {code}"));
        assert_eq!(
            issue.code, code,
            "the sample for {code} gives {}",
            issue.code
        );
        assert!(!issue.message_fr.is_empty() && !issue.message_en.is_empty());
    }
}

#[test]
fn the_committed_table_is_generated_from_code_all() {
    let expected = format!(
        "# Error and warning codes\n\nEvery issue carries one of these codes, a JSON Pointer `path`, \
         `message_fr`, `message_en` and `params`. The table is generated from `Code::ALL`; each \
         example message is produced by running the crate on a sample input.\n\n{}",
        table()
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/error-codes.md");
    let mut committed = std::fs::read_to_string(path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    if committed != expected {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &expected).unwrap();
            committed = expected;
        } else {
            panic!(
                "docs/error-codes.md is out of date.\n--- committed\n{committed}\n+++ generated\n{expected}\n\
                 Run: UPDATE_EXPECT=1 cargo test --all-features --test it codes"
            );
        }
    }
    // Both directions: every row of the committed table is a code, in `Code::ALL` order.
    let rows: Vec<&str> = committed
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .collect();
    let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(rows, all);
}

#[test]
fn codes_are_unique_and_parse_back() {
    let mut strings: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let n = strings.len();
    strings.sort_unstable();
    strings.dedup();
    assert_eq!(strings.len(), n);
    for &code in Code::ALL {
        assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        assert_eq!(serde_json::to_value(code).unwrap(), json!(code.as_str()));
        assert_eq!(
            serde_json::from_value::<Code>(json!(code.as_str())).unwrap(),
            code
        );
        assert_eq!(code.to_string(), code.as_str());
    }
    assert!("siret.nope".parse::<Code>().is_err());
    let error = serde_json::from_str::<Code>("\"zorglub.marker@exemple.fr\"").unwrap_err();
    assert!(!error.to_string().contains("zorglub"), "{error}");
}
