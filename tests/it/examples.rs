//! The shipped sample requests: the valid one validates; each invalid one gives exactly the
//! report committed next to it (`*.report.json`). Run with `UPDATE_EXPECT=1` to rewrite the
//! reports after an intended change.

use std::path::{Path, PathBuf};

use datapass_psc::{RequestDraft, validate_json};

fn requests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/requests")
}

fn samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(requests_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let is_json = p.extension().is_some_and(|e| e == "json");
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            is_json && Path::new(&stem).extension().is_none_or(|e| e != "report")
        })
        .collect();
    paths.sort();
    paths
}

#[test]
fn the_valid_sample_validates() {
    let text = crate::support::request::sample_text();
    let report = validate_json(&text);
    assert!(report.is_valid(), "{report}");
    assert!(
        RequestDraft::from_json_slice(text.as_bytes())
            .unwrap()
            .validate()
            .is_ok()
    );
}

#[test]
fn each_invalid_sample_matches_its_committed_report() {
    let invalid: Vec<PathBuf> = samples()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("invalid-")
        })
        .collect();
    assert!(invalid.len() >= 3, "at least three invalid samples");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut drift = Vec::new();
    for path in invalid {
        let report = validate_json(&std::fs::read_to_string(&path).unwrap());
        assert!(!report.is_valid(), "{} should be invalid", path.display());
        let actual = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let expected_path = path.with_extension("report.json");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected.replace("\r\n", "\n") != actual {
            if update {
                std::fs::write(&expected_path, &actual).unwrap();
            } else {
                drift.push(format!(
                    "{}: the report differs from the committed one.\n--- committed\n{expected}\n+++ actual\n{actual}",
                    expected_path.display()
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "{}\nIf the change is intended, run: UPDATE_EXPECT=1 cargo test --all-features --test examples",
        drift.join("\n")
    );
}
