//! Reading drafts from JSON: structural errors with their path, lenient values, round trips,
//! and no panic on arbitrary input.

use crate::support::request::{assert_single_error, sample, sample_draft};
use datapass_psc::request::{ContactRole, ContactsDraft, WizardStep};
use datapass_psc::{RequestDraft, validate_json};
use serde_json::{Value, json};

#[track_caller]
fn structural(text: &str, code: &str, path: &str) {
    let report = RequestDraft::from_json_slice(text.as_bytes()).expect_err(text);
    assert_single_error(&report, code, path);
    // The same problem through the one-call API.
    assert_eq!(validate_json(text), report);
}

#[test]
fn syntax_errors() {
    for text in [
        "",
        "{",
        "{\"project\" 1}",
        "{} {}",
        "nul",
        "\u{0}",
        "{\"scopes\": [\"idnat\",]}",
    ] {
        let report = RequestDraft::from_json_slice(text.as_bytes()).expect_err(text);
        assert_eq!(report.error_codes(), ["json.syntax"], "{text:?}");
        assert!(report.errors()[0].params.contains_key("line"));
    }
    let report = RequestDraft::from_json_slice(b"{\"project\": {\"name\": \"\xff\"}}").unwrap_err();
    assert_eq!(report.error_codes(), ["json.syntax"]);
}

#[test]
fn duplicate_keys() {
    structural(
        r#"{"terms_accepted": true, "terms_accepted": false}"#,
        "json.duplicate_key",
        "/terms_accepted",
    );
    structural(
        r#"{"contacts": {"applicant": {"email": "a@b.fr", "email": "c@d.fr"}}}"#,
        "json.duplicate_key",
        "/contacts/applicant/email",
    );
}

#[test]
fn unknown_fields_at_their_path() {
    structural(r#"{"foo": 1}"#, "json.unknown_field", "/foo");
    structural(
        r#"{"contacts": {"applicant": {"fax": "01"}}}"#,
        "json.unknown_field",
        "/contacts/applicant/fax",
    );
    structural(
        r#"{"legal_basis": {"documents": [{"sha256": "x"}]}}"#,
        "json.unknown_field",
        "/legal_basis/documents/0/sha256",
    );
    structural(r#"{"a/b": 1}"#, "json.unknown_field", "/a~1b");
}

#[test]
fn wrong_types_at_their_path() {
    for (text, path) in [
        ("[]", ""),
        ("\"request\"", ""),
        (r#"{"organization": "13002526500013"}"#, "/organization"),
        (
            r#"{"organization": {"siret": 13002526500013}}"#,
            "/organization/siret",
        ),
        (
            r#"{"personal_data": {"retention_months": 12.5}}"#,
            "/personal_data/retention_months",
        ),
        (
            r#"{"personal_data": {"retention_months": 12.0}}"#,
            "/personal_data/retention_months",
        ),
        (
            r#"{"personal_data": {"retention_months": "12"}}"#,
            "/personal_data/retention_months",
        ),
        (
            r#"{"personal_data": {"retention_months": 9223372036854775808}}"#,
            "/personal_data/retention_months",
        ),
        (
            r#"{"personal_data": {"recipients": "Agents"}}"#,
            "/personal_data/recipients",
        ),
        (
            r#"{"personal_data": {"recipients": ["Agents", 3]}}"#,
            "/personal_data/recipients/1",
        ),
        (r#"{"scopes": "idnat"}"#, "/scopes"),
        (r#"{"terms_accepted": "true"}"#, "/terms_accepted"),
        (r#"{"contacts": []}"#, "/contacts"),
        (
            r#"{"legal_basis": {"documents": [{"size_bytes": -1}]}}"#,
            "/legal_basis/documents/0/size_bytes",
        ),
    ] {
        structural(text, "json.invalid_type", path);
    }
}

#[test]
fn type_errors_never_quote_the_value() {
    let report = RequestDraft::from_json_slice(
        r#"{"contacts": {"applicant": {"email": ["jean.secret@exemple.fr"]}}}"#.as_bytes(),
    )
    .unwrap_err();
    assert!(!serde_json::to_string(&report).unwrap().contains("secret"));
}

#[test]
fn any_i64_loads_into_the_draft() {
    for months in [i64::MIN, -1, 1300, i64::MAX] {
        let draft = RequestDraft::from_json_slice(
            json!({"personal_data": {"retention_months": months}})
                .to_string()
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(draft.personal_data.unwrap().retention_months, Some(months));
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", sample());
    assert_eq!(
        RequestDraft::from_json_slice(text.as_bytes()).unwrap(),
        sample_draft()
    );
}

#[test]
fn wrong_values_still_load_and_round_trip() {
    let text = r#"{"organization":{"siret":"abc"},"scopes":["foo"],"personal_data":{"retention_months":-5},"contacts":{"applicant":{"email":"pas une adresse","phone":"12"}}}"#;
    let draft = RequestDraft::from_json_slice(text.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&draft).unwrap(), text);
}

#[test]
fn null_and_absent_are_the_same_in_a_draft() {
    let a =
        RequestDraft::from_json_slice(r#"{"project": {"name": null}, "scopes": null}"#.as_bytes())
            .unwrap();
    let b = RequestDraft::from_json_slice(r#"{"project": {}}"#.as_bytes()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn canonical_output_has_every_key() {
    let request = sample_draft().validate().unwrap();
    let mut doc = sample();
    doc["legal_basis"]["documents"] = json!(null);
    let without_documents = RequestDraft::from_json_slice(doc.to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    let out: Value = serde_json::to_value(&without_documents).unwrap();
    assert_eq!(out["legal_basis"]["documents"], json!([]));
    assert_eq!(out["personal_data"]["retention_justification"], Value::Null);
    let out: Value = serde_json::to_value(&request).unwrap();
    assert_eq!(
        out["contacts"]["applicant"]["email"],
        "ines.moreau@hospiconnect.example"
    );
    assert_eq!(out["contacts"]["applicant"]["phone"], "+33199001234");
    assert_eq!(
        out["contacts"]["data_protection_officer"]["phone"],
        "+33199001236"
    );
    assert_eq!(out["scopes"], json!(["donnees_sectorielles", "idnat"]));
    // Only the canonical forms changed: every other value is exactly as given.
    let mut expected = sample();
    expected["contacts"]["applicant"]["email"] = json!("ines.moreau@hospiconnect.example");
    for (role, phone) in [
        ("applicant", "+33199001234"),
        ("data_controller", "+33199001235"),
        ("data_protection_officer", "+33199001236"),
        ("technical_contact", "+33612345678"),
    ] {
        expected["contacts"][role]["phone"] = json!(phone);
    }
    expected["scopes"] = json!(["donnees_sectorielles", "idnat"]);
    assert_eq!(out, expected);
}

#[test]
fn the_typed_request_deserializes_through_validation() {
    let request: datapass_psc::AuthorizationRequest = serde_json::from_value(sample()).unwrap();
    assert_eq!(request, sample_draft().validate().unwrap());
    let error =
        serde_json::from_value::<datapass_psc::AuthorizationRequest>(json!({})).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("request.invalid at \"\": The request is not valid"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("the first: required at \"/organization/siret\"")
    );
}

#[test]
fn wizard_steps_only_check_their_own_fields() {
    let draft = RequestDraft {
        project: sample_draft().project,
        ..RequestDraft::default()
    };
    assert!(draft.validate_step(WizardStep::BasicInfos).is_valid());
    assert!(!draft.validate_step(WizardStep::Legal).is_valid());
    assert!(!draft.validate_step(WizardStep::Finish).is_valid());
    let contacts = RequestDraft::default().validate_step(WizardStep::Contacts);
    // 3 roles × 5 fields: the applicant comes from the sign-in, checked at the summary.
    assert_eq!(contacts.errors().len(), 15);
    assert!(
        contacts
            .errors()
            .iter()
            .all(|i| !i.path.starts_with("/contacts/applicant"))
    );
    let scopes = RequestDraft::default().validate_step(WizardStep::Scopes);
    assert_eq!(scopes.error_codes(), ["scopes.empty"]);
    let personal = RequestDraft::default().validate_step(WizardStep::PersonalData);
    assert_eq!(personal.error_codes(), ["required", "required"]);
    assert!(sample_draft().validate_step(WizardStep::Finish).is_valid());
    for step in WizardStep::ALL {
        assert!(sample_draft().validate_step(step).is_valid(), "{step}");
    }
}

#[test]
fn c_est_moi_fills_a_role_from_the_applicant() {
    let mut draft = sample_draft();
    let contacts: &mut ContactsDraft = draft.contacts.as_mut().unwrap();
    contacts.data_controller = None;
    contacts.fill_from_applicant(ContactRole::DataController);
    contacts.fill_from_applicant(ContactRole::Applicant);
    assert_eq!(contacts.data_controller, contacts.applicant);
    let request = draft.validate().unwrap();
    assert_eq!(
        request.contacts().data_controller,
        request.contacts().applicant
    );
}

#[test]
fn the_psc_default_legal_basis() {
    let draft = RequestDraft::pro_sante_connect();
    let legal = draft.legal_basis.as_ref().unwrap();
    assert_eq!(legal.nature.as_deref(), Some("Arrêté du 24 mars 2021"));
    assert_eq!(
        legal.url.as_deref(),
        Some("https://www.legifrance.gouv.fr/loda/id/JORFTEXT000043290292")
    );
    assert!(draft.validate_step(WizardStep::Legal).is_valid());
}

#[test]
fn debug_masks_personal_data() {
    let draft = sample_draft();
    let request = draft.validate().unwrap();
    for text in [
        format!("{draft:?}"),
        format!("{request:?}"),
        format!("{:?}", request.contacts()),
    ] {
        for secret in [
            "Inès",
            "Moreau",
            "ines.moreau@",
            "Lefèvre",
            "+33612345678",
            "06 12 34 56 78",
            "0199001234",
            "01 99 00 12 34",
            // Free text a person typed: job titles, the project, the legal basis's nature,
            // recipients, document names.
            "Cheffe de projet",
            "Directeur",
            "HospiConnect",
            "télé-expertise",
            "Arrêté",
            "Professionnels de santé",
            "arrete-24-mars",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert!(text.contains("i***@hospiconnect.example"));
        assert!(text.contains("M***"));
    }
    let debug = format!("{draft:?}");
    assert!(debug.contains("job_title: Some(<16 chars>)"), "{debug}");
    // What is valid and not personal is shown: the SIRET, the URL, the scopes, the media type.
    for shown in [
        "\"13002526500013\"",
        "\"https://www.legifrance.gouv.fr/loda/id/JORFTEXT000043290292\"",
        "\"idnat\"",
        "\"application/pdf\"",
    ] {
        assert!(debug.contains(shown), "{shown} not in {debug}");
    }
    assert!(format!("{request:?}").contains("+336******78"));
    assert!(format!("{request:?}").contains("job_title: JobTitle(<16 chars>)"));
    // The same values typed in the wrong field are anything: their length only.
    let mut misplaced = draft.clone();
    misplaced.organization.as_mut().unwrap().siret = Some("Inès Moreau".into());
    misplaced.scopes = Some(vec!["ines.moreau@hospiconnect.example".into()]);
    let debug = format!("{misplaced:?}");
    assert!(
        !debug.contains("Inès") && !debug.contains("ines.moreau"),
        "{debug}"
    );
    assert!(debug.contains("siret: Some(<11 chars>)"), "{debug}");
}

#[test]
fn the_first_structural_problem_in_document_order_is_reported() {
    structural(
        r#"{"zzz": 1, "organization": "x"}"#,
        "json.unknown_field",
        "/zzz",
    );
    structural(
        r#"{"organization": "x", "zzz": 1}"#,
        "json.invalid_type",
        "/organization",
    );
    structural(
        r#"{"contacts": {"technical_contact": {"phone": 6}, "applicant": {"fax": "01"}}}"#,
        "json.invalid_type",
        "/contacts/technical_contact/phone",
    );
}

#[test]
fn short_personal_values_are_masked_entirely() {
    let email: datapass_psc::Email = "ab@exemple.fr".parse().unwrap();
    assert_eq!(format!("{email:?}"), "Email(***)");
    let name: datapass_psc::text::PersonName = "J".parse().unwrap();
    assert_eq!(format!("{name:?}"), "PersonName(***)");
    let name: datapass_psc::text::PersonName = "Jo".parse().unwrap();
    assert_eq!(format!("{name:?}"), "PersonName(J***)");
}
