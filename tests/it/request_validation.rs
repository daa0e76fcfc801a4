//! Every code of the request model, asserted with its path, one mutation of the valid sample
//! at a time; then every error at once, and the empty document.

use crate::support::mutations::mutations;
use crate::support::request::{
    assert_single_error, errors, mutated, remove, report_of, sample, set,
};
use datapass_psc::RequestDraft;
use serde_json::{Value, json};

#[test]
fn the_sample_is_valid_without_warnings() {
    let report = report_of(&sample());
    assert!(report.is_valid(), "{report}");
    assert!(report.warnings().is_empty());
}

#[test]
fn each_single_field_mutation_gives_one_error_at_its_path() {
    for mutation in mutations() {
        let report = mutated(|doc| mutation.apply(doc));
        assert_single_error(&report, mutation.code, mutation.path);
        let issue = &report.errors()[0];
        assert_eq!(
            issue.origin.as_str(),
            mutation.origin,
            "{} at {}",
            mutation.code,
            mutation.path
        );
        assert!(!issue.message_fr.is_empty() && !issue.message_en.is_empty());
        assert!(
            issue
                .message_fr
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
            "{}: {}",
            mutation.code,
            issue.message_fr
        );
    }
}

#[test]
fn duplicate_scopes_collapse_and_are_written_sorted() {
    let mut doc = sample();
    set(
        &mut doc,
        "/scopes",
        json!(["idnat", "idnat", "donnees_sectorielles"]),
    );
    let request = RequestDraft::from_json_slice(doc.to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    let out = serde_json::to_value(&request).unwrap();
    assert_eq!(out["scopes"], json!(["donnees_sectorielles", "idnat"]));
}

#[test]
fn legal_basis_needs_a_url_or_a_document() {
    let report = mutated(|doc| {
        set(doc, "/legal_basis/url", json!(null));
        set(doc, "/legal_basis/documents", json!([]));
    });
    assert_single_error(&report, "legal_basis.reference_missing", "/legal_basis");
    // A document alone is enough, and so is a URL alone.
    assert!(mutated(|doc| set(doc, "/legal_basis/url", json!(null))).is_valid());
    assert!(mutated(|doc| remove(doc, "/legal_basis/documents")).is_valid());
    // An invalid URL still counts as given.
    let report = mutated(|doc| {
        set(doc, "/legal_basis/url", json!("pas un lien"));
        set(doc, "/legal_basis/documents", json!([]));
    });
    assert_single_error(&report, "legal_basis.url_invalid", "/legal_basis/url");
}

#[test]
fn urls_are_kept_exactly_as_given() {
    for url in [
        "https://www.Legifrance.gouv.fr/loda/id/JORFTEXT000043290292?x=1#a",
        "http://exemple.fr/texte%20officiel",
    ] {
        let mut doc = sample();
        set(&mut doc, "/legal_basis/url", json!(format!("  {url} ")));
        let request = RequestDraft::from_json_slice(doc.to_string().as_bytes())
            .unwrap()
            .validate()
            .unwrap();
        assert_eq!(request.legal_basis().url().unwrap().as_str(), url);
    }
}

#[test]
fn urls_datapass_refuses_are_datapass_errors_under_both_rule_sets() {
    use datapass_psc::{Options, Origin, Rules};
    let datapass = Options::default().with_rules(Rules::DataPass);
    for (url, origin) in [
        // The crate accepts these; DataPass's pattern does not.
        ("HTTPS://www.legifrance.gouv.fr/loda", Origin::DataPass),
        ("http://localhost:8080/texte", Origin::DataPass),
        ("https://127.0.0.1/texte", Origin::DataPass),
        ("https://www.legifrance.gouv.fr?id=1", Origin::DataPass),
        // DataPass accepts a URL without scheme; the crate does not.
        (
            "legifrance.gouv.fr/jorf/id/JORFTEXT000043290292",
            Origin::Strict,
        ),
        // Both refuse it: the one issue is DataPass's.
        ("ftp://legifrance.gouv.fr/texte", Origin::DataPass),
    ] {
        let draft = RequestDraft::from_json_slice(
            {
                let mut doc = sample();
                set(&mut doc, "/legal_basis/url", json!(url));
                doc
            }
            .to_string()
            .as_bytes(),
        )
        .unwrap();
        let strict = draft.report();
        assert_single_error(&strict, "legal_basis.url_invalid", "/legal_basis/url");
        assert_eq!(strict.errors()[0].origin, origin, "{url}");
        let relaxed = draft.report_with(&datapass);
        assert_eq!(relaxed.is_valid(), origin == Origin::Strict, "{url}");
    }
}

#[test]
fn six_documents_are_accepted() {
    let doc = json!({"file_name": "a.pdf", "media_type": "application/pdf", "size_bytes": 10});
    let report = mutated(|d| {
        set(
            d,
            "/legal_basis/documents",
            Value::Array(vec![doc.clone(); 7]),
        );
    });
    assert_eq!(report.errors()[0].params.get("found"), Some(&json!(7)));
    let six = mutated(|d| {
        set(
            d,
            "/legal_basis/documents",
            Value::Array(vec![doc.clone(); 6]),
        );
    });
    assert!(six.is_valid());
}

#[test]
fn media_type_is_compared_by_essence() {
    let mut doc = sample();
    set(
        &mut doc,
        "/legal_basis/documents/0/media_type",
        json!("Application/PDF; name=a.pdf"),
    );
    let request = RequestDraft::from_json_slice(doc.to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    assert_eq!(
        request.legal_basis().documents()[0].media_type(),
        "application/pdf"
    );
}

#[test]
fn retention_rules_follow_the_decision_table() {
    // 40 without justification: one error, and the warning.
    let report = mutated(|d| set(d, "/personal_data/retention_months", json!(40)));
    assert_single_error(
        &report,
        "retention.justification_required",
        "/personal_data/retention_justification",
    );
    let warnings: Vec<_> = report
        .warnings()
        .iter()
        .map(|w| (w.code.as_str(), w.path.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [("retention.above_usual", "/personal_data/retention_months")]
    );
    // 40 justified: valid, with the warning, reachable from the typed request too.
    let mut doc = sample();
    set(&mut doc, "/personal_data/retention_months", json!(40));
    set(
        &mut doc,
        "/personal_data/retention_justification",
        json!("Archivage légal des dossiers"),
    );
    let report = report_of(&doc);
    assert!(report.is_valid());
    assert_eq!(report.warnings().len(), 1);
    let request = RequestDraft::from_json_slice(doc.to_string().as_bytes())
        .unwrap()
        .validate()
        .unwrap();
    assert_eq!(request.warnings(), report.warnings());
    // 36 needs no justification; 1300 gives only the range error.
    assert!(
        mutated(|d| set(d, "/personal_data/retention_months", json!(36)))
            .warnings()
            .is_empty()
    );
    let report = mutated(|d| set(d, "/personal_data/retention_months", json!(1300)));
    assert_single_error(
        &report,
        "retention.out_of_range",
        "/personal_data/retention_months",
    );
    assert!(report.warnings().is_empty());
}

#[test]
fn every_field_wrong_gives_every_error_at_once() {
    let doc = json!({
        "organization": {"siret": "12345678901234"},
        "project": {"name": "a\u{7}", "description": " "},
        "legal_basis": {"nature": "x".repeat(501), "url": "ftp://x", "documents": [
            {"file_name": "a/b", "media_type": "text/plain", "size_bytes": 0}
        ]},
        "scopes": ["idnat", "rpps"],
        "personal_data": {"recipients": [""], "retention_months": 40, "retention_justification": null},
        "contacts": {
            "applicant": {"given_name": "", "family_name": "x".repeat(101), "job_title": "a\u{1b}b",
                          "email": "a@b", "phone": "06 12 34 56"},
            "data_controller": {"email": "jean@[127.0.0.1]", "phone": "06 12 34 56 78 x 2"},
            "data_protection_officer": null
        },
        "terms_accepted": false
    });
    let report = report_of(&doc);
    let expected: Vec<(&str, &str)> = vec![
        ("siret.checksum", "/organization/siret"),
        ("text.control_character", "/project/name"),
        ("required", "/project/description"),
        ("text.too_long", "/legal_basis/nature"),
        ("legal_basis.url_invalid", "/legal_basis/url"),
        ("document.file_name", "/legal_basis/documents/0/file_name"),
        ("document.media_type", "/legal_basis/documents/0/media_type"),
        ("document.empty", "/legal_basis/documents/0/size_bytes"),
        ("scopes.unknown", "/scopes/1"),
        ("required", "/personal_data/recipients/0"),
        (
            "retention.justification_required",
            "/personal_data/retention_justification",
        ),
        ("required", "/contacts/applicant/given_name"),
        ("text.too_long", "/contacts/applicant/family_name"),
        ("text.control_character", "/contacts/applicant/job_title"),
        ("email.invalid", "/contacts/applicant/email"),
        ("phone.invalid", "/contacts/applicant/phone"),
        ("required", "/contacts/data_controller/given_name"),
        ("required", "/contacts/data_controller/family_name"),
        ("required", "/contacts/data_controller/job_title"),
        ("email.invalid", "/contacts/data_controller/email"),
        ("phone.extension", "/contacts/data_controller/phone"),
        ("required", "/contacts/data_protection_officer/given_name"),
        ("required", "/contacts/data_protection_officer/family_name"),
        ("required", "/contacts/data_protection_officer/job_title"),
        ("required", "/contacts/data_protection_officer/email"),
        ("required", "/contacts/data_protection_officer/phone"),
        ("required", "/contacts/technical_contact/given_name"),
        ("required", "/contacts/technical_contact/family_name"),
        ("required", "/contacts/technical_contact/job_title"),
        ("required", "/contacts/technical_contact/email"),
        ("required", "/contacts/technical_contact/phone"),
        ("terms.not_accepted", "/terms_accepted"),
        ("dpo.not_informed", "/dpo_informed"),
    ];
    let got = errors(&report);
    let got: Vec<(&str, &str)> = got.iter().map(|(c, p)| (c.as_str(), p.as_str())).collect();
    assert_eq!(got, expected);
    assert_eq!(report.warnings().len(), 1);
}

#[test]
fn the_empty_document_lists_every_required_leaf_in_one_pass() {
    let report = datapass_psc::validate_json("{}");
    let got = errors(&report);
    let required: Vec<&str> = got
        .iter()
        .filter(|(c, _)| c == "required")
        .map(|(_, p)| p.as_str())
        .collect();
    let mut expected = vec![
        "/organization/siret",
        "/project/name",
        "/project/description",
        "/legal_basis/nature",
        "/personal_data/recipients",
        "/personal_data/retention_months",
    ];
    let contact_paths: Vec<String> = [
        "applicant",
        "data_controller",
        "data_protection_officer",
        "technical_contact",
    ]
    .iter()
    .flat_map(|role| {
        ["given_name", "family_name", "job_title", "email", "phone"]
            .iter()
            .map(move |field| format!("/contacts/{role}/{field}"))
    })
    .collect();
    expected.extend(contact_paths.iter().map(String::as_str));
    assert_eq!(required, expected);
    assert_eq!(contact_paths.len(), 20);
    let others: Vec<(&str, &str)> = got
        .iter()
        .filter(|(c, _)| c != "required")
        .map(|(c, p)| (c.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        others,
        [
            ("legal_basis.reference_missing", "/legal_basis"),
            ("scopes.empty", "/scopes"),
            ("terms.not_accepted", "/terms_accepted"),
            ("dpo.not_informed", "/dpo_informed"),
        ]
    );
}

#[test]
fn messages_never_quote_personal_values() {
    let report = mutated(|doc| {
        set(
            doc,
            "/contacts/applicant/email",
            json!("jean.secret@@exemple.fr"),
        );
        set(doc, "/contacts/applicant/phone", json!("06 12 34 56 7"));
        set(
            doc,
            "/contacts/applicant/given_name",
            Value::String(format!("Secretname{}", "x".repeat(100))),
        );
    });
    assert_eq!(report.errors().len(), 3);
    let text = serde_json::to_string(&report).unwrap();
    for secret in ["jean.secret", "06 12 34 56 7", "Secretname"] {
        assert!(!text.contains(secret), "{secret} leaked in {text}");
    }
}
