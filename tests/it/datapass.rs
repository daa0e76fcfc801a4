//! DataPass's JSON: demandes read in both spellings, webhooks and their signatures, API error
//! bodies, v1 enrollments, and the `POST` body the crate writes.

use datapass_psc::datapass::{
    ApiErrors, Demande, Enrollment, Import, Imported, NewDemande, SignatureError, Source, Webhook,
    import, not_sent, verify_signature,
};
use datapass_psc::lifecycle::{HabilitationState, RequestState};
use datapass_psc::{Origin, ValidationReport};
use serde_json::{Value, json};

use crate::support::properties::sign;
use crate::support::request::sample_draft;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/datapass/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_slice(&fixture(name)).unwrap()
}

/// (code, path) of the errors of a report.
fn errors(report: &ValidationReport) -> Vec<(String, String)> {
    report
        .errors()
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect()
}

fn refusal(result: Result<impl Sized, ValidationReport>) -> (String, String) {
    let report = result.err().expect("refused");
    errors(&report).remove(0)
}

fn at(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

// ---------------------------------------------------------------------------------------------
// GET /demandes/{id}
// ---------------------------------------------------------------------------------------------

#[test]
fn both_scopes_spellings_import_to_byte_identical_requests() {
    let string =
        Demande::from_json_slice(&fixture("get-demande-60501-scopes-string.json")).unwrap();
    let array = Demande::from_json_slice(&fixture("get-demande-60501-scopes-array.json")).unwrap();
    let (a, b) = (string.to_draft(), array.to_draft());
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(
        a.scopes,
        Some(vec!["donnees_sectorielles".into(), "idnat".into()])
    );
    assert_eq!(string, array);
    assert_eq!(
        string.habilitations()[0].content.scopes,
        Some(vec!["idnat".to_owned()])
    );
}

#[test]
fn a_get_demande_gives_the_facts_and_the_draft() {
    let demande =
        Demande::from_json_slice(&fixture("get-demande-60501-scopes-string.json")).unwrap();
    assert_eq!(demande.number().to_string(), "D60501");
    assert_eq!(demande.psc_connection_reference(), demande.number());
    assert_eq!(demande.state(), RequestState::Submitted);
    assert!(demande.is_reopening());
    assert_eq!(
        demande.reopened_at().unwrap().to_rfc3339(),
        "2024-06-05T08:41:27+00:00"
    );
    let [habilitation] = demande.habilitations() else {
        panic!("one habilitation")
    };
    assert_eq!(habilitation.number.to_string(), "H60501");
    assert_eq!(habilitation.state, HabilitationState::Active);
    let names: Vec<&str> = demande.events().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["submit", "update", "reopen", "approve", "submit", "create"]
    );
    assert_eq!(demande.events()[5].event_name(), None);
    assert!(demande.warnings().is_empty());

    let draft = demande.to_draft();
    assert_eq!(draft.organization.unwrap().siret.unwrap(), "13002526500013");
    let contacts = draft.contacts.unwrap();
    let applicant = contacts.applicant.unwrap();
    assert_eq!(
        applicant.email.unwrap(),
        "ines.moreau@demarches-sante.example"
    );
    assert_eq!(applicant.phone.unwrap(), "0199001234");
    assert_eq!(
        applicant.job_title, None,
        "GET responses carry no job title"
    );
    let technical = contacts.technical_contact.unwrap();
    assert_eq!(technical.job_title.unwrap(), "Responsable d'exploitation");
    assert_eq!(
        contacts.data_protection_officer.unwrap().phone.unwrap(),
        "+33 1 99 00 12 36"
    );
    let legal = draft.legal_basis.unwrap();
    assert_eq!(legal.nature.unwrap(), "Arrêté du 24 mars 2021");
    assert_eq!(legal.documents, None);
    assert_eq!(draft.personal_data, None);
    assert_eq!((draft.terms_accepted, draft.dpo_informed), (None, None));
}

/// The one document an import gives.
fn imported(bytes: &[u8]) -> Imported {
    match import(bytes, None).unwrap() {
        Import::One(one) => one,
        Import::List(list) => panic!("a list of {}", list.len()),
    }
}

#[test]
fn an_imported_demande_lists_what_it_lacks_apart_and_has_no_error() {
    let imported = imported(&fixture("get-demande-60501-scopes-string.json"));
    assert_eq!(imported.source(), Source::V2Demande);
    assert!(imported.report().is_valid());
    assert_eq!(
        imported
            .to_complete()
            .iter()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect::<Vec<_>>(),
        [
            at("required", "/personal_data/recipients"),
            at("required", "/personal_data/retention_months"),
            at("required", "/contacts/applicant/job_title"),
            at("terms.not_accepted", "/terms_accepted"),
            at("dpo.not_informed", "/dpo_informed"),
        ]
    );
    let facts = imported.facts();
    assert_eq!(facts.request_number.unwrap().to_string(), "D60501");
    assert_eq!(facts.habilitations.as_ref().unwrap().len(), 1);
}

#[test]
fn findings_on_carried_values_are_warnings_with_their_origin() {
    let mut value = fixture_json("get-demande-60501-scopes-array.json");
    value["data"]["contact_technique_email"] = json!("ines@localhost");
    value["organisation"]["siret"] = json!("12345678901234");
    let imported = imported(value.to_string().as_bytes());
    assert!(imported.report().is_valid());
    let findings: Vec<_> = imported
        .report()
        .warnings()
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone(), i.origin))
        .collect();
    assert_eq!(
        findings,
        [
            // The 14-digit Luhn key fails too: DataPass's validator refuses it.
            (
                "siret.checksum".to_owned(),
                "/organization/siret".to_owned(),
                Origin::DataPass
            ),
            // DataPass's pattern needs no top-level domain; the crate does.
            (
                "email.invalid".to_owned(),
                "/contacts/technical_contact/email".to_owned(),
                Origin::Strict
            ),
        ]
    );
}

#[test]
fn unknown_data_keys_and_organisations_are_warnings_with_their_path() {
    let mut value = fixture_json("get-demande-60501-scopes-array.json");
    value["data"]["nouvelle_cle"] = json!("valeur");
    value["data"]["contact_technique_type"] = json!("organization");
    value["habilitations"][0]["data"]["autre"] = json!(null);
    value["nouveau_champ_hors_data"] = json!({"a": [1, 2]});
    let demande = Demande::from_json_slice(value.to_string().as_bytes()).unwrap();
    let warnings: Vec<_> = demande
        .warnings()
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect();
    assert_eq!(
        warnings,
        [
            at("json.unknown_field", "/data/nouvelle_cle"),
            at("json.unknown_field", "/habilitations/0/data/autre"),
            at("datapass.not_person", "/data/contact_technique_type"),
        ]
    );
    // What the crate maps is still read.
    assert_eq!(
        demande
            .to_draft()
            .contacts
            .unwrap()
            .technical_contact
            .unwrap()
            .given_name
            .unwrap(),
        "Inès"
    );
}

#[test]
fn malformed_demandes_give_typed_errors_with_paths_and_never_quote_values() {
    let read = |edit: &dyn Fn(&mut Value)| {
        let mut value = fixture_json("get-demande-60501-scopes-string.json");
        edit(&mut value);
        let text = value.to_string();
        let report = Demande::from_json_slice(text.as_bytes()).unwrap_err();
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("demarches-sante"), "{json}");
        errors(&report).remove(0)
    };
    assert_eq!(
        read(&|v| v["id"] = json!("zorglub")),
        at("datapass.invalid", "/id")
    );
    assert_eq!(read(&|v| v["id"] = json!(0)), at("datapass.invalid", "/id"));
    assert_eq!(
        read(&|v| v["state"] = json!("en_attente")),
        at("datapass.invalid", "/state")
    );
    assert_eq!(
        read(&|v| v["data"]["contact_technique_email"] = json!(12)),
        at("json.invalid_type", "/data/contact_technique_email")
    );
    assert_eq!(
        read(&|v| v["data"]["scopes"] = json!("idnat, donnees_sectorielles")),
        at("datapass.invalid", "/data/scopes")
    );
    assert_eq!(
        read(&|v| v["data"]["scopes"] = json!([1])),
        at("json.invalid_type", "/data/scopes/0")
    );
    assert_eq!(
        read(&|v| v["created_at"] = json!("hier")),
        at("datapass.invalid", "/created_at")
    );
    assert_eq!(
        read(&|v| v["id"] = json!(1_000_000_000_000_u64)),
        at("datapass.invalid", "/id")
    );
    assert_eq!(
        read(&|v| {
            v.as_object_mut().unwrap().remove("state");
        }),
        at("json.missing_field", "/state")
    );
    assert_eq!(
        read(&|v| v["definition_id"] = json!("api_entreprise")),
        at("datapass.other_form", "/definition_id")
    );
    assert_eq!(read(&|v| *v = json!([1, 2])), at("json.invalid_type", ""));
    // A duplicate key, ignored or not, is refused.
    let text = String::from_utf8(fixture("get-demande-60501-scopes-string.json")).unwrap();
    let doubled = text.replacen("\"public_id\"", "\"public_id\": 1, \"public_id\"", 1);
    assert_eq!(
        refusal(Demande::from_json_slice(doubled.as_bytes())),
        at("json.duplicate_key", "/public_id")
    );
    // A huge document is refused before it is read.
    let huge = format!(
        r#"{{"id": 1, "state": "draft", "x": "{}"}}"#,
        "a".repeat(2 << 20)
    );
    assert_eq!(
        refusal(Demande::from_json_slice(huge.as_bytes())).0,
        "json.too_large"
    );
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

#[test]
fn rfc_4231_hmac_sha256_vectors() {
    // RFC 4231, section 4: test cases 1, 2, 3, 4, 6 and 7 (5 truncates the output).
    let long_key = [0xaa_u8; 131];
    let key_4: Vec<u8> = (1..=25).collect();
    let cases: [(&[u8], &[u8], &str); 6] = [
        (&[0x0b; 20], b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (&[0xaa; 20], &[0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (&key_4, &[0xcd; 50], "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (&long_key, b"Test Using Larger Than Block-Size Key - Hash Key First", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (&long_key, b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.", "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ];
    for (key, data, hex) in cases {
        assert_eq!(
            verify_signature(key, data, &format!("sha256={hex}")),
            Ok(()),
            "{hex}"
        );
        // Uppercase hexadecimal digits are accepted.
        let upper = format!("sha256={}", hex.to_uppercase());
        assert_eq!(verify_signature(key, data, &upper), Ok(()));
    }
}

#[test]
fn every_tampering_is_refused_with_its_own_error() {
    let secret = b"whsec_datapass_psc";
    let body = fixture("webhook-approve-60501.json");
    let header = sign(secret, &body);
    assert_eq!(verify_signature(secret, &body, &header), Ok(()));
    assert_eq!(
        verify_signature(secret, &body, &format!("  {header}\r\n")),
        Ok(())
    );

    let mut changed = body.clone();
    let i = changed.iter().position(|b| *b == b'6').unwrap();
    changed[i] = b'7';
    assert_eq!(
        verify_signature(secret, &changed, &header),
        Err(SignatureError::Mismatch)
    );
    let mut newline = body.clone();
    newline.push(b'\n');
    assert_eq!(
        verify_signature(secret, &newline, &header),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify_signature(b"another secret", &body, &header),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify_signature(b"", &body, &header),
        Err(SignatureError::Mismatch)
    );

    assert_eq!(
        verify_signature(secret, &body, ""),
        Err(SignatureError::Missing)
    );
    assert_eq!(
        verify_signature(secret, &body, "   "),
        Err(SignatureError::Missing)
    );
    let digest = header.strip_prefix("sha256=").unwrap();
    assert_eq!(
        verify_signature(secret, &body, &format!("sha1={digest}")),
        Err(SignatureError::UnsupportedAlgorithm)
    );
    assert_eq!(
        verify_signature(secret, &body, digest),
        Err(SignatureError::UnsupportedAlgorithm)
    );
    assert_eq!(
        verify_signature(secret, &body, &header[..header.len() - 2]),
        Err(SignatureError::WrongLength { found: 62 })
    );
    assert_eq!(
        verify_signature(secret, &body, &format!("{header}00")),
        Err(SignatureError::WrongLength { found: 66 })
    );
    let mut bad_hex = header.clone();
    bad_hex.replace_range(10..11, "g");
    assert_eq!(
        verify_signature(secret, &body, &bad_hex),
        Err(SignatureError::InvalidHex { index: 3 })
    );
    // Each failure has its own code.
    let codes: Vec<String> = [
        SignatureError::Missing,
        SignatureError::UnsupportedAlgorithm,
        SignatureError::InvalidHex { index: 3 },
        SignatureError::WrongLength { found: 62 },
        SignatureError::Mismatch,
    ]
    .iter()
    .map(|e| datapass_psc::Diagnostic::code(e).to_string())
    .collect();
    assert_eq!(
        codes,
        [
            "webhook.signature_missing",
            "webhook.signature_algorithm",
            "webhook.signature_hex",
            "webhook.signature_length",
            "webhook.signature_mismatch"
        ]
    );
}

#[test]
fn a_webhook_approve_with_two_habilitations() {
    let Webhook::Event(event) =
        Webhook::from_json_slice(&fixture("webhook-approve-60501.json")).unwrap()
    else {
        panic!("an event")
    };
    assert_eq!(event.event(), "approve");
    assert_eq!(
        event.event_name(),
        Some(datapass_psc::lifecycle::EventName::Approve)
    );
    assert_eq!(event.fired_at().to_rfc3339(), "2024-06-19T09:00:00+00:00");
    assert_eq!(event.model_id().unwrap().to_string(), "D60501");
    let demande = event.demande();
    assert_eq!(demande.state(), RequestState::Validated);
    let numbers: Vec<(String, HabilitationState)> = demande
        .habilitations()
        .iter()
        .map(|h| (h.number.to_string(), h.state))
        .collect();
    assert_eq!(
        numbers,
        [
            ("H118386".to_owned(), HabilitationState::Active),
            ("H60501".to_owned(), HabilitationState::Obsolete)
        ]
    );
    // The webhook's applicant carries a job title: only what DataPass never carries is missing.
    let imported = imported(&fixture("webhook-approve-60501.json"));
    assert_eq!(imported.source(), Source::V2Webhook);
    assert!(imported.report().is_valid());
    assert_eq!(
        imported
            .to_complete()
            .iter()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect::<Vec<_>>(),
        [
            at("required", "/personal_data/recipients"),
            at("required", "/personal_data/retention_months"),
            at("terms.not_accepted", "/terms_accepted"),
            at("dpo.not_informed", "/dpo_informed"),
        ]
    );
    assert_eq!(imported.facts().event.as_deref(), Some("approve"));
    // A webhook does not say whether the request is reopening: validated, it is not.
    assert_eq!(imported.facts().reopening, Some(false));
}

#[test]
fn the_test_ping_and_unknown_events() {
    let ping = Webhook::from_json_slice(&fixture("webhook-ping.json")).unwrap();
    let Webhook::Ping { timestamp } = ping else {
        panic!("a ping")
    };
    assert_eq!(timestamp.unwrap().to_rfc3339(), "2024-06-19T09:00:00+00:00");
    // Imported, the ping is a webhook that holds no request.
    let ping = imported(&fixture("webhook-ping.json"));
    assert_eq!(ping.source(), Source::V2Webhook);
    assert!(ping.facts().ping && ping.request().is_none() && ping.report().is_valid());

    let mut value = fixture_json("webhook-approve-60501.json");
    value["event"] = json!("start_next_stage_v2");
    let Webhook::Event(event) = Webhook::from_json_slice(value.to_string().as_bytes()).unwrap()
    else {
        panic!("an event")
    };
    assert_eq!(event.event(), "start_next_stage_v2");
    assert_eq!(event.warnings()[0].code, "datapass.unknown_event");
    assert_eq!(event.warnings()[0].path, "/event");
    // Transfer and the API events are known, though the crate has no equivalent.
    value["event"] = json!("transfer");
    let Webhook::Event(event) = Webhook::from_json_slice(value.to_string().as_bytes()).unwrap()
    else {
        panic!("an event")
    };
    assert!(event.warnings().is_empty());
    assert_eq!(event.event_name(), None);

    let missing = |key: &str| {
        let mut value = fixture_json("webhook-approve-60501.json");
        value.as_object_mut().unwrap().remove(key);
        refusal(Webhook::from_json_slice(value.to_string().as_bytes()))
    };
    assert_eq!(missing("event"), at("json.missing_field", "/event"));
    assert_eq!(missing("fired_at"), at("json.missing_field", "/fired_at"));
    assert_eq!(missing("data"), at("json.missing_field", "/data"));
    let mut value = fixture_json("webhook-approve-60501.json");
    value["data"]["data"]["contact_technique_phone_number"] = json!(["0199001234"]);
    assert_eq!(
        refusal(Webhook::from_json_slice(value.to_string().as_bytes())),
        at(
            "json.invalid_type",
            "/data/data/contact_technique_phone_number"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// API errors
// ---------------------------------------------------------------------------------------------

#[test]
fn api_error_bodies_become_issues_at_the_crates_paths() {
    // « Demande invalide »: DataPass's full messages, without pointer, land on their fields.
    let refused = ApiErrors::from_json_slice(&fixture("api-error-422.json")).unwrap();
    let got: Vec<(&str, &str, &str)> = refused
        .issues()
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str(), i.message_fr.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "required",
                "/project/description",
                "Description du projet doit être rempli(e)"
            ),
            (
                "required",
                "/contacts/data_protection_officer/job_title",
                "Fonction du délégué à la protection des données doit être rempli(e)"
            ),
            (
                "scopes.empty",
                "/scopes",
                "Les données ne sont pas cochées : il faut au moins qu'une des données soit \
                 sélectionnée."
            ),
            (
                "email.invalid",
                "/contacts/technical_contact/email",
                "Email du contact technique n'est pas valide"
            ),
        ]
    );
    assert!(
        refused
            .issues()
            .iter()
            .all(|i| i.origin == Origin::DataPass)
    );
    assert_eq!(refused.issues()[0].params["status"], "422");
    assert_eq!(
        refused.issues()[0].params["attribute"],
        "Description du projet"
    );
    let pointed = r#"{"errors": [
        {"status": 422, "title": "Clé invalide", "source": {"pointer": "/data/contact_technique_email"}},
        {"status": "400", "title": "Paramètre manquant", "source": {"pointer": "/applicant"}},
        {"status": "422", "title": "x", "detail": "y", "source": {"pointer": "/organization/siret"}}]}"#;
    let report = ApiErrors::from_json_slice(pointed.as_bytes())
        .unwrap()
        .into_report();
    assert_eq!(
        errors(&report),
        [
            // « Clé invalide » names a key, not a field: the root, with the key.
            at("datapass.refused", ""),
            at("datapass.bad_request", "/contacts/applicant"),
            at("datapass.refused", "/organization/siret"),
        ]
    );
    assert_eq!(report.errors()[0].params["key"], "contact_technique_email");
    assert_eq!(report.errors()[0].message_fr, "Clé invalide");
    assert_eq!(
        refusal(ApiErrors::from_json_slice(br#"{"error": "boom"}"#)),
        at("json.unknown_field", "/error")
    );
}

// ---------------------------------------------------------------------------------------------
// v1
// ---------------------------------------------------------------------------------------------

#[test]
fn a_v1_enrollment_imports_into_a_valid_request() {
    let enrollment = Enrollment::from_json_slice(&fixture("v1-enrollment.json")).unwrap();
    assert_eq!(enrollment.number().to_string(), "D60501");
    assert_eq!(enrollment.state(), RequestState::Validated);
    let draft = enrollment.to_draft();
    let personal = draft.personal_data.clone().unwrap();
    assert_eq!(
        personal.recipients.unwrap(),
        [
            "Professionnels de santé utilisateurs du portail",
            "Équipe support (niveaux 1 et 2)"
        ]
    );
    assert_eq!(draft.scopes, Some(vec!["idnat".to_owned()]));
    let request = draft.validate().unwrap();
    assert_eq!(
        request.contacts().technical_contact.phone.as_str(),
        "+33199001234"
    );
    let enrollment = imported(&fixture("v1-enrollment.json"));
    assert_eq!(enrollment.source(), Source::V1Enrollment);
    assert!(enrollment.report().is_valid());

    let webhook = imported(&fixture("v1-webhook.json"));
    assert_eq!(webhook.source(), Source::V1Webhook);
    assert_eq!(
        webhook.facts().request_number.unwrap().to_string(),
        "D60501"
    );
    assert_eq!(
        webhook
            .request()
            .unwrap()
            .contacts
            .as_ref()
            .unwrap()
            .applicant
            .as_ref()
            .unwrap()
            .job_title
            .as_deref(),
        Some("Responsable d'exploitation")
    );

    let mut value = fixture_json("v1-enrollment.json");
    value["target_api"] = json!("api_particulier");
    assert_eq!(
        refusal(Enrollment::from_json_slice(value.to_string().as_bytes())),
        at("datapass.other_form", "/target_api")
    );
    value["target_api"] = json!("api_pro_sante_connect");
    value["team_members"][1]["type"] = json!("contact_metier");
    let enrollment = Enrollment::from_json_slice(value.to_string().as_bytes()).unwrap();
    assert_eq!(enrollment.warnings()[0].path, "/team_members/1/type");
}

#[test]
fn v1_recipients_are_cut_at_line_breaks_and_semicolons_only() {
    let mut value = fixture_json("v1-enrollment.json");
    value["data_recipients"] =
        json!(" Agents instructeurs ; usagers (médecins, infirmiers)\r\n\n;  ");
    let draft = Enrollment::from_json_slice(value.to_string().as_bytes())
        .unwrap()
        .to_draft();
    assert_eq!(
        draft.personal_data.unwrap().recipients.unwrap(),
        ["Agents instructeurs", "usagers (médecins, infirmiers)"]
    );
}

// ---------------------------------------------------------------------------------------------
// POST /demandes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_post_body_of_the_sample() {
    let request = sample_draft().validate().unwrap();
    let body = serde_json::to_value(NewDemande::from_request(&request)).unwrap();
    let demande = &body["demande"];
    assert_eq!(demande["form_uid"], "api-pro-sante-connect");
    assert_eq!(demande["organization"], json!({"siret": "13002526500013"}));
    assert_eq!(
        demande["applicant"],
        json!({"email": "ines.moreau@hospiconnect.example", "given_name": "Inès",
               "family_name": "Moreau", "job_title": "Cheffe de projet",
               "phone_number": "+33199001234"})
    );
    let data = demande["data"].as_object().unwrap();
    assert_eq!(data["scopes"], json!(["donnees_sectorielles", "idnat"]));
    assert_eq!(data["contact_technique_phone_number"], "+33612345678");
    assert_eq!(
        data.len(),
        20,
        "every data key of the form but the contacts' types"
    );
    for key in data.keys() {
        assert!(
            !key.contains("modalities") && !key.contains("duree") && !key.contains("destinataire"),
            "{key}"
        );
    }
    assert_eq!(
        not_sent(&request),
        [
            "/personal_data/recipients",
            "/personal_data/retention_months",
            "/legal_basis/documents",
            "/terms_accepted",
            "/dpo_informed"
        ]
    );
    let patch = serde_json::to_value(NewDemande::from_request(&request).patch()).unwrap();
    assert_eq!(patch, json!({"demande": {"data": demande["data"].clone()}}));
    // The body reads back, through import too.
    let text = serde_json::to_string(&NewDemande::from_request(&request)).unwrap();
    let back = imported(text.as_bytes());
    assert_eq!(back.source(), Source::V2Post);
    assert!(back.report().is_valid(), "{:?}", back.report());
    assert!(back.report().warnings().is_empty(), "{:?}", back.report());
    // So does the `PATCH` body.
    let text = serde_json::to_string(&NewDemande::from_request(&request).patch()).unwrap();
    let back = imported(text.as_bytes());
    assert_eq!(back.source(), Source::V2Patch);
    assert!(back.report().is_valid() && back.to_complete().is_empty());
}

/// The `data` keys DataPass's API permits for API Pro Santé Connect, as
/// `etalab/data_pass:app/interactors/concerns/authorization_request_permitted_keys.rb` builds
/// them at commit c3a17f12: the form's attributes (`extra_attributes`: `intitule`,
/// `description`, `cadre_juridique_url`, `cadre_juridique_nature`), its documents, its scopes,
/// the build step of a multi-step form, its contacts' five attributes, and `modalities`.
#[cfg(feature = "proptest")]
const PERMITTED: [&str; 22] = [
    "intitule",
    "description",
    "cadre_juridique_url",
    "cadre_juridique_nature",
    "cadre_juridique_document",
    "scopes",
    "current_build_step",
    "responsable_traitement_family_name",
    "responsable_traitement_given_name",
    "responsable_traitement_email",
    "responsable_traitement_phone_number",
    "responsable_traitement_job_title",
    "delegue_protection_donnees_family_name",
    "delegue_protection_donnees_given_name",
    "delegue_protection_donnees_email",
    "delegue_protection_donnees_phone_number",
    "delegue_protection_donnees_job_title",
    "contact_technique_family_name",
    "contact_technique_given_name",
    "contact_technique_email",
    "contact_technique_phone_number",
    "contact_technique_job_title",
];

#[test]
fn the_bodies_datapass_would_refuse_and_those_it_takes() {
    // Each key DataPass's API permits is read without a refusal.
    for key in [
        "intitule",
        "cadre_juridique_document",
        "current_build_step",
        "modalities",
        "contact_technique_job_title",
    ] {
        let body = json!({"demande": {"data": {key: null}}});
        let patch = datapass_psc::datapass::DataPatch::from_json_slice(body.to_string().as_bytes())
            .unwrap();
        assert!(patch.refusals().is_empty(), "{key}");
    }
    // The contacts' types and any other key are refused, as DataPass answers: at the root.
    for key in [
        "contact_technique_type",
        "contact_technique_fax",
        "terms_of_service_accepted",
    ] {
        let body = json!({"demande": {"data": {key: "x"}}});
        let patch = datapass_psc::datapass::DataPatch::from_json_slice(body.to_string().as_bytes())
            .unwrap();
        let [refusal] = patch.refusals() else {
            panic!("{key}: {:?}", patch.refusals())
        };
        assert_eq!(
            (refusal.code.as_str(), refusal.path.as_str()),
            ("datapass.refused", "")
        );
        assert_eq!(refusal.params["key"], key);
    }
}

#[test]
fn null_webhook_members_are_wrong_types_where_they_are() {
    for key in ["event", "fired_at", "data"] {
        let mut value = fixture_json("webhook-approve-60501.json");
        value[key] = json!(null);
        assert_eq!(
            refusal(Webhook::from_json_slice(value.to_string().as_bytes())),
            at("json.invalid_type", &format!("/{key}")),
            "{key}"
        );
    }
}

/// What DataPass carries of a draft.
#[cfg(feature = "proptest")]
fn carried(mut draft: datapass_psc::RequestDraft) -> datapass_psc::RequestDraft {
    draft.personal_data = None;
    if let Some(legal) = &mut draft.legal_basis {
        legal.documents = None;
    }
    draft.terms_accepted = None;
    draft.dpo_informed = None;
    draft
}

#[cfg(feature = "proptest")]
mod properties {
    use datapass_psc::datapass::NewDemande;
    use datapass_psc::strategies;
    use proptest::prelude::*;

    proptest! {
        /// request → POST body → read → draft: equal to the request on every field DataPass
        /// carries.
        /// Every key of every body the crate writes is one DataPass's API permits for this form,
        /// and a field of the form: never a `<role>_type`, `modalities`, the build step or an
        /// attachment.
        #[test]
        fn prop_the_bodies_hold_only_keys_datapass_permits(draft in strategies::request_draft()) {
            let request = draft.validate().unwrap();
            let post = serde_json::to_value(NewDemande::from_request(&request)).unwrap();
            let patch = serde_json::to_value(NewDemande::from_request(&request).patch()).unwrap();
            for body in [&post, &patch] {
                for key in body["demande"]["data"].as_object().unwrap().keys() {
                    prop_assert!(super::PERMITTED.contains(&key.as_str()), "{key}");
                    prop_assert!(
                        !["modalities", "current_build_step", "cadre_juridique_document"]
                            .contains(&key.as_str()),
                        "{key}"
                    );
                }
            }
            let outer: Vec<&String> = post["demande"].as_object().unwrap().keys().collect();
            prop_assert_eq!(outer, ["applicant", "data", "form_uid", "organization"]);
            let applicant: Vec<&String> =
                post["demande"]["applicant"].as_object().unwrap().keys().collect();
            // `params.expect(applicant: %i[email given_name family_name job_title phone_number])`.
            for key in applicant {
                prop_assert!(
                    ["email", "given_name", "family_name", "job_title", "phone_number"]
                        .contains(&key.as_str()),
                    "{key}"
                );
            }
        }

        #[test]
        fn prop_the_post_body_round_trips(draft in strategies::request_draft()) {
            let request = draft.validate().unwrap();
            let text = serde_json::to_string(&NewDemande::from_request(&request)).unwrap();
            let read = NewDemande::from_json_slice(text.as_bytes()).unwrap();
            prop_assert!(read.warnings().is_empty());
            prop_assert_eq!(read.to_draft(), super::carried(request.to_draft()));
        }
    }
}

#[test]
fn debug_of_every_datapass_value_masks_personal_data() {
    let demande =
        Demande::from_json_slice(&fixture("get-demande-60501-scopes-array.json")).unwrap();
    let Webhook::Event(event) =
        Webhook::from_json_slice(&fixture("webhook-approve-60501.json")).unwrap()
    else {
        panic!("not an event")
    };
    let enrollment = Enrollment::from_json_slice(&fixture("v1-enrollment.json")).unwrap();
    let imported = import(&fixture("v1-webhook.json"), None).unwrap();
    let post = NewDemande::from_request(&sample_draft().validate().unwrap());
    let debug = format!("{demande:?} {event:?} {enrollment:?} {imported:?} {post:?}");
    for personal in [
        "Inès",
        "Moreau",
        "Lefèvre",
        "Roux",
        "ines.moreau@",
        "paul.lefevre@",
        "dpo@",
        "0199001234",
        "01 99 00 12 35",
        "+33199001236",
        "Responsable d'exploitation",
        "Directeur général",
    ] {
        assert!(!debug.contains(personal), "Debug shows {personal}: {debug}");
    }
    assert!(debug.contains("D60501") && debug.contains("i***@demarches-sante.example"));
}
