//! The `datapass-psc` binary, run as a user would: exit codes, French text by default, JSON
//! output, stdin, and the schema files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_datapass-psc"))
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/requests")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Runs the binary with `input` on its standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn validate_the_valid_sample_in_french() {
    let output = run(&["validate", &sample("hospiconnect.json")]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("✔ Demande valide"), "{text}");
    assert!(text.contains("130 025 265 00013"));
}

#[test]
fn validate_an_invalid_sample_lists_every_error_with_its_field() {
    let output = run(&["validate", &sample("invalid-siret-and-contacts.json")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sample("invalid-siret-and-contacts.report.json")).unwrap(),
    )
    .unwrap();
    let errors = expected["errors"].as_array().unwrap();
    assert!(
        text.starts_with(&format!("✘ Demande invalide : {} erreurs", errors.len())),
        "{text}"
    );
    for error in errors {
        assert!(text.contains(error["path"].as_str().unwrap()));
        assert!(text.contains(error["message_fr"].as_str().unwrap()));
    }
}

#[test]
fn validate_json_output_equals_the_committed_report() {
    let output = run(&[
        "validate",
        "--format",
        "json",
        &sample("invalid-retention-and-legal-basis.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let actual: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sample("invalid-retention-and-legal-basis.report.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(actual, expected);
}

#[test]
fn validate_reads_stdin_and_speaks_english() {
    let output = run_with_stdin(
        &["validate", "-", "--lang", "en"],
        b"{\"scopes\": \"idnat\"}",
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("Invalid request: 1 error"), "{text}");
    assert!(text.contains("/scopes [json.invalid_type]"));
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        run(&["validate", "/nonexistent/request.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["eligibility", "--requester", "association"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn eligibility_exits_0_whatever_the_outcome() {
    let output = run(&["eligibility", "--requester", "individual"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("Désolé, vous n’êtes pas éligible"));
    let output = run(&[
        "eligibility",
        "--requester",
        "software-editor",
        "--french",
        "true",
        "--web-solution",
        "true",
        "--health-professionals",
        "true",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let decision: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decision["outcome"], "eligible");
    assert_eq!(decision["needed"].as_array().unwrap().len(), 5);
    let output = run(&[
        "eligibility",
        "--requester",
        "company",
        "--web-solution",
        "false",
        "--format",
        "json",
    ]);
    let decision: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decision["outcome"], "not_eligible");
    assert_eq!(
        decision["unmet_conditions"][0]["code"],
        "offers_web_solution"
    );
}

#[test]
fn schema_out_equals_the_committed_schemas_byte_for_byte() {
    let dir = std::env::temp_dir().join(format!("datapass-psc-schemas-{}", std::process::id()));
    let output = run(&["schema", "--out", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut names: Vec<_> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    let mut written: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    written.sort();
    assert_eq!(names, written);
    for name in names {
        let same = std::fs::read(dir.join(&name)).unwrap()
            == std::fs::read(committed.join(&name)).unwrap();
        assert!(
            same,
            "{name:?} differs from schemas/: cargo run --features cli -- schema --out schemas"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // Without --out: the request schema.
    let output = run(&["schema"]);
    assert_eq!(
        stdout(&output),
        std::fs::read_to_string(committed.join("request.schema.json")).unwrap()
    );
}

fn lifecycle_log(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/lifecycle")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn lifecycle_replays_the_d60501_timeline() {
    let output = run(&[
        "lifecycle",
        "--format",
        "json",
        &lifecycle_log("d60501.json"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["request_number"], "D60501");
    assert_eq!(summary["psc_connection_reference"], "D60501");
    assert_eq!(summary["state"], "validated");
    assert_eq!(summary["reopening"], false);
    let habilitations: Vec<(&str, &str)> = summary["habilitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["number"].as_str().unwrap(), h["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        habilitations,
        [("H60501", "obsolete"), ("H118386", "active")]
    );
    assert_eq!(summary["history"].as_array().unwrap().len(), 6);
    assert_eq!(
        summary["habilitations"][1]["created_at"],
        "2024-06-19T09:00:00Z"
    );
    // No personal data in the summary.
    assert!(!String::from_utf8_lossy(&output.stdout).contains("Moreau"));

    let text = stdout(&run(&["lifecycle", &lifecycle_log("d60501.json")]));
    assert!(
        text.starts_with(
            "Demande D60501 : Validée\nNuméro à communiquer à Pro Santé Connect : D60501"
        ),
        "{text}"
    );
    assert!(text.contains("H118386 — Active — 19/06/2024 09:00 UTC"));

    let text = stdout(&run(&[
        "lifecycle",
        "--lang",
        "en",
        &lifecycle_log("d60501.json"),
    ]));
    assert!(
        text.contains("15/04/2024 07:30 UTC — The applicant submitted the request.\n"),
        "{text}"
    );
}

#[test]
fn a_refused_event_exits_1_with_its_index() {
    let output = run(&[
        "lifecycle",
        "--format",
        "json",
        &lifecycle_log("archive-with-active-habilitation.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let error = &error["error"];
    assert_eq!(error["code"], "transition.not_allowed");
    assert_eq!(error["index"], 2);
    assert_eq!(error["state"], "validated");
    assert_eq!(error["event"], "archive");
    assert!(
        error["message_fr"]
            .as_str()
            .unwrap()
            .contains("Supprimer la demande")
    );
    assert!(error["message_en"].is_string());
}

#[test]
fn an_unreadable_event_log_exits_1_with_its_path() {
    let output = run_with_stdin(&["lifecycle", "-", "--format", "json"], br#"{"request_number": "D1", "events": [{"at": "2024-01-01T00:00:00Z", "actor": "applicant", "event": "teleport"}]}"#);
    assert_eq!(output.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(error["error"]["code"], "event_log.invalid");
    assert!(
        error["error"]["path"]
            .as_str()
            .unwrap()
            .starts_with("/events/0")
    );
    assert_eq!(
        run(&["lifecycle", "/nonexistent.json"]).status.code(),
        Some(2)
    );
}

fn datapass_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/datapass")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_recognises_every_datapass_document() {
    for (name, source) in [
        ("get-demande-60501-scopes-string.json", "v2_demande"),
        ("get-demande-60501-scopes-array.json", "v2_demande"),
        ("webhook-approve-60501.json", "v2_webhook"),
        ("v1-enrollment.json", "v1_enrollment"),
        ("v1-webhook.json", "v1_webhook"),
    ] {
        let output = run(&["import", "--format", "json", &datapass_fixture(name)]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["source"], source, "{name}");
        assert_eq!(json["datapass"]["request_number"], "D60501", "{name}");
        assert!(
            json["request"].is_object()
                && json["report"]["valid"] == true
                && json["to_complete"].is_array(),
            "{name}"
        );
    }
    // Forced, and in French text by default.
    let output = run(&[
        "import",
        "--from",
        "v2-demande",
        &datapass_fixture("get-demande-60501-scopes-string.json"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("Import DataPass : demande DataPass v2\n"),
        "{text}"
    );
    assert!(text.contains("Numéro à communiquer à Pro Santé Connect : D60501"));
    assert!(text.contains("À compléter (absent de ce que DataPass transmet) :"));
    assert!(
        text.contains(
            "/personal_data/recipients [required] (règle du formulaire Pro Santé Connect)"
        )
    );
}

/// Every document DataPass emits, as its manifest lists it, with the exit code it gives.
fn emitted() -> Vec<(String, String, i32)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datapass/emitted");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    manifest
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                dir.join(entry["file"].as_str().unwrap())
                    .to_string_lossy()
                    .into_owned(),
                entry["source"].as_str().unwrap().to_owned(),
                i32::try_from(entry["exit"].as_i64().unwrap()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn import_exits_0_on_everything_datapass_emits_and_1_on_its_refusals() {
    let all = emitted();
    assert!(all.iter().filter(|(_, _, exit)| *exit == 0).count() >= 25);
    for (file, source, exit) in &all {
        let output = run(&["import", "--format", "json", file]);
        assert_eq!(output.status.code(), Some(*exit), "{file}");
        let text = stdout(&output);
        // The members in this order: source first.
        assert!(
            text.starts_with("{\n  \"source\": ")
                || text.starts_with("[\n  {\n    \"source\": ")
                || text == "[]\n",
            "{file}: {text}"
        );
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let items = match json.as_array() {
            Some(list) => {
                assert_eq!(source, "v2_demandes", "{file}");
                list.clone()
            }
            None => vec![json],
        };
        for item in items {
            let keys: Vec<&str> = item
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                ["datapass", "report", "request", "source", "to_complete"],
                "{file}"
            );
            assert_eq!(item["report"]["valid"], *exit == 0, "{file}");
            if *exit == 0 {
                assert_eq!(item["report"]["errors"], serde_json::json!([]), "{file}");
            }
        }
        // The text output says the same, in French.
        let output = run(&["import", file]);
        assert_eq!(output.status.code(), Some(*exit), "{file}");
        let text = stdout(&output);
        assert!(text.starts_with("Import DataPass : "), "{file}: {text}");
        assert_eq!(text.contains("✘"), *exit == 1, "{file}: {text}");
    }
}

#[test]
fn import_check_validates_the_imported_request_for_pipelines() {
    let webhook = datapass_fixture("webhook-approve-60501.json");
    let output = run(&["import", &webhook]);
    assert_eq!(output.status.code(), Some(0));
    for rules in ["strict", "datapass"] {
        let output = run(&["import", "--check", rules, "--format", "json", &webhook]);
        assert_eq!(output.status.code(), Some(1), "{rules}");
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let codes: Vec<&str> = json["report"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap())
            .collect();
        // The boxes are DataPass's rules; the personal data is the PSC form's.
        assert!(codes.contains(&"terms.not_accepted"), "{rules}: {codes:?}");
        assert_eq!(
            codes.contains(&"required"),
            rules == "strict",
            "{rules}: {codes:?}"
        );
    }
    // A document without a request is left as it is.
    let ping = datapass_fixture("webhook-ping.json");
    assert_eq!(
        run(&["import", "--check", "strict", &ping]).status.code(),
        Some(0)
    );
}

#[test]
fn import_exits_1_on_unknown_documents_and_2_on_usage_errors() {
    let output = run_with_stdin(&["import", "-"], br#"{"hello": "world"}"#);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("datapass.unknown_document"));
    let output = run(&[
        "import",
        "--from",
        "v9",
        &datapass_fixture("v1-enrollment.json"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&[
        "import",
        "--check",
        "lenient",
        &datapass_fixture("v1-enrollment.json"),
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn validate_with_datapass_rules_passes_what_only_the_crate_refuses() {
    let mut request: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("hospiconnect.json")).unwrap())
            .unwrap();
    // As DataPass stores them: a phone with an extension, a URL without scheme.
    request["contacts"]["data_protection_officer"]["phone"] = "04 72 61 77 77 poste 4521".into();
    request["legal_basis"]["url"] = "legifrance.gouv.fr/jorf/id/JORFTEXT000043290292".into();
    let bytes = request.to_string();
    let strict = run_with_stdin(&["validate", "--format", "json", "-"], bytes.as_bytes());
    assert_eq!(strict.status.code(), Some(1));
    let output = run_with_stdin(
        &["validate", "--rules", "datapass", "--format", "json", "-"],
        bytes.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["valid"], true);
    let warnings: Vec<(&str, &str)> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["code"].as_str().unwrap(), w["origin"].as_str().unwrap()))
        .collect();
    assert_eq!(
        warnings,
        [
            ("legal_basis.url_invalid", "strict"),
            ("phone.extension", "strict")
        ]
    );
    let text = run_with_stdin(&["validate", "--rules", "datapass", "-"], bytes.as_bytes());
    let text = stdout(&text);
    assert!(text.starts_with("✔ Demande valide pour DataPass"), "{text}");
    assert!(
        text.contains("[phone.extension] (contrôle strict de la crate)"),
        "{text}"
    );
}

#[test]
fn export_prints_the_post_body_of_a_valid_request() {
    let output = run(&["export", &sample("hospiconnect.json")]);
    assert_eq!(output.status.code(), Some(0));
    let body: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(body["demande"]["form_uid"], "api-pro-sante-connect");
    assert_eq!(
        body["demande"]["data"]["contact_technique_phone_number"],
        "+33612345678"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("/personal_data/recipients"), "{stderr}");
    // The body imports back, as a POST body.
    let output = run_with_stdin(
        &["import", "--format", "json", "-"],
        stdout(&run(&["export", &sample("hospiconnect.json")])).as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let patch = run(&["export", "--patch", &sample("hospiconnect.json")]);
    let patch: serde_json::Value = serde_json::from_str(&stdout(&patch)).unwrap();
    assert_eq!(patch["demande"]["data"], body["demande"]["data"]);
    // An invalid request is not exported.
    let output = run(&["export", &sample("invalid-siret-and-contacts.json")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("✘ Demande invalide"));
}

#[test]
fn webhook_verify_checks_the_signature_then_reads_the_body() {
    use hmac::{Hmac, KeyInit, Mac};
    let body_path = datapass_fixture("webhook-approve-60501.json");
    let body = std::fs::read(&body_path).unwrap();
    let dir = std::env::temp_dir().join(format!("datapass-psc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let secret_path = dir.join("secret");
    // A final line break is not part of the secret.
    std::fs::write(&secret_path, "whsec_test\n").unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"whsec_test").unwrap();
    mac.update(&body);
    let hex = mac
        .finalize()
        .into_bytes()
        .iter()
        .fold(String::new(), |hex, b| hex + &format!("{b:02x}"));
    let secret = secret_path.to_string_lossy().into_owned();
    let verify = |signature: &str| {
        run(&[
            "webhook",
            "verify",
            "--secret-file",
            &secret,
            "--signature",
            signature,
            &body_path,
        ])
    };
    let output = verify(&format!("sha256={hex}"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "✔ Signature valide\nÉvénement : approve — demande D60501 : Validée\n"
    );
    let output = verify(&format!("sha256={}", hex.to_uppercase()));
    assert_eq!(output.status.code(), Some(0));
    let output = verify(&format!("sha256={}", &hex[..60]));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("[webhook.signature_length]"));
    let output = verify(&format!("sha256={}", "0".repeat(64)));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("[webhook.signature_mismatch]"));
    let output = run(&[
        "webhook",
        "verify",
        "--secret-file",
        "/nonexistent/secret",
        "--signature",
        "x",
        &body_path,
    ]);
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_refused_at_once_with_exit_2() {
    let output = run(&["validate", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/dev/zero is larger than 1048576 bytes"),
        "{stderr}"
    );
    // The event log's default limit is 16 MiB.
    let output = run(&["lifecycle", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("larger than 16777216 bytes"));
}

/// Runs the binary with `input` on its standard input, which it may stop reading early.
fn run_with_large_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary closes its end after the limit: a broken pipe here is expected.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

#[test]
fn max_bytes_lowers_and_raises_the_size_limit() {
    let sample_bytes = std::fs::read(sample("hospiconnect.json")).unwrap();
    let size = sample_bytes.len().to_string();
    let below = (sample_bytes.len() - 1).to_string();
    let at_limit = run(&[
        "validate",
        "--max-bytes",
        &size,
        &sample("hospiconnect.json"),
    ]);
    assert_eq!(at_limit.status.code(), Some(0));
    let over = run(&[
        "validate",
        "--max-bytes",
        &below,
        &sample("hospiconnect.json"),
    ]);
    assert_eq!(over.status.code(), Some(2));
    // Two mebibytes of blanks after a valid request: over the default, within a raised limit,
    // which the library's reader then applies too.
    let mut padded = sample_bytes.clone();
    padded.resize(2 * 1024 * 1024, b' ');
    let refused = run_with_large_stdin(&["validate", "-"], &padded);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("standard input is larger than 1048576")
    );
    let accepted = run_with_large_stdin(&["validate", "--max-bytes", "3000000", "-"], &padded);
    assert_eq!(accepted.status.code(), Some(0), "{accepted:?}");
}

/// Runs the binary with its standard output the write end of a pipe nobody reads.
#[cfg(unix)]
fn run_into_a_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    bin()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_ends_quietly_with_141() {
    let log = lifecycle_log("d60501.json");
    let fixture = datapass_fixture("webhook-approve-60501.json");
    let sample = sample("hospiconnect.json");
    for args in [
        &["validate", sample.as_str()][..],
        &["validate", "--format", "json", sample.as_str()],
        &["lifecycle", log.as_str()],
        &["import", fixture.as_str()],
        &["schema"],
        &["eligibility", "--requester", "individual"],
    ] {
        let output = run_into_a_closed_pipe(args);
        assert_eq!(output.status.code(), Some(141), "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    }
}

#[test]
fn control_characters_of_a_document_never_reach_the_terminal() {
    // The library refuses control characters in the texts it reads; keys, reasons and
    // DataPass's own texts can still hold them, and the text output escapes them.
    let mut request: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sample("hospiconnect.json")).unwrap()).unwrap();
    request["\u{1b}]0;title\u{7}"] = 1.into();
    let invalid = run_with_stdin(&["validate", "-"], request.to_string().as_bytes());
    assert_eq!(invalid.status.code(), Some(1));

    let mut log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(lifecycle_log("d60501.json")).unwrap()).unwrap();
    log["events"] = serde_json::json!([
        {"at": "2024-04-15T07:30:00Z", "actor": "applicant", "event": "submit"},
        {"at": "2024-04-16T07:30:00Z", "actor": "instructor", "event": "refuse",
         "reason": "SIRET \u{1b}[31minconnu\u{85}\u{2066}"}
    ]);
    let refused = run_with_stdin(&["lifecycle", "-"], log.to_string().as_bytes());
    assert_eq!(refused.status.code(), Some(0));

    let mut demande: serde_json::Value = serde_json::from_slice(
        &std::fs::read(datapass_fixture("get-demande-60501-scopes-array.json")).unwrap(),
    )
    .unwrap();
    demande["data"]["cl\u{e9}_\u{202e}\u{1b}[2J"] = "x".into();
    let imported = run_with_stdin(&["import", "-"], demande.to_string().as_bytes());
    assert_eq!(imported.status.code(), Some(0));

    for (output, escaped) in [
        (&invalid, "/\\u{1b}]0;title\\u{7} [json.unknown_field]"),
        (&refused, "SIRET \\u{1b}[31minconnu\\u{85}\\u{2066}"),
        (
            &imported,
            "/data/clé_\\u{202e}\\u{1b}[2J [json.unknown_field]",
        ),
    ] {
        let text = stdout(output);
        assert!(text.contains(escaped), "{text}");
        let unsafe_char = |c: char| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        };
        assert!(!text.chars().any(unsafe_char), "{text}");
    }
}
