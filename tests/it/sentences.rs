//! Every sentence comes from a `describe()`: no issue of the crate is built from loose strings,
//! except DataPass's own sentences, which are quoted as DataPass wrote them.

use std::path::Path;

/// Every Rust file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_issue_comes_from_a_description_or_quotes_datapass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 50);
    let mut quoting = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // The one place an issue is made of its parts is the report itself.
        if name != "src/report.rs" {
            assert!(
                !text.contains("Issue::from_parts"),
                "{name} builds an issue from parts"
            );
            // A struct literal names the issue's fields.
            let literal = text.match_indices("Issue {").any(|(at, _)| {
                let after = text[at + "Issue {".len()..].trim_start();
                [
                    "code",
                    "path",
                    "message_fr",
                    "message_en",
                    "params",
                    "origin",
                    "..",
                ]
                .iter()
                .any(|field| after.starts_with(field))
            });
            assert!(!literal, "{name} builds an issue literally");
        }
        if text.contains("Issue::quoting_datapass(") {
            quoting.push(name);
        }
    }
    quoting.sort();
    // DataPass's error bodies, and its answers to a body it would refuse.
    assert_eq!(
        quoting,
        ["src/datapass/api_error.rs", "src/datapass/new_demande.rs"]
    );
}
