//! Whose rule each check is: the table `docs/rule-origins.md` is generated from `Check::ALL`, and
//! every row of a request field is the origin of a real issue (the single-field mutations).
//! Run with `UPDATE_EXPECT=1` to rewrite the file.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use datapass_psc::{Check, Origin};

use crate::support::mutations::mutations;
use crate::support::request::mutated;

fn table() -> String {
    let mut out = format!(
        "# Whose rule each check is\n\nEvery issue carries an `origin`: `datapass` (DataPass refuses to submit without it), \
         `psc_form` (the Pro Santé Connect form asks it, DataPass no longer enforces it), `strict` (the \
         crate's own check on a value DataPass lets through) or `format` (the document's structure). \
         `Rules::Strict` makes every issue an error; `Rules::DataPass` keeps errors for `datapass` and \
         `format` issues only.\n\nThe table is generated from `Check::ALL`: the first row whose code and \
         path match gives the origin (`*` is one segment, `**` any path). A row marked *when DataPass \
         refuses it too* applies to a value DataPass's own check refuses: where a value fails both \
         DataPass's check and a stricter one, the one issue reported for it is DataPass's. DataPass's \
         files are those of `etalab/data_pass` at commit `{}`.\n\n| Code | Path | Origin | Rule | DataPass's file |\n|---|---|---|---|---|\n",
        Check::DATAPASS_COMMIT
    );
    for check in Check::ALL {
        let when = if check.datapass_refuses {
            " (when DataPass refuses it too)"
        } else {
            ""
        };
        let source = if check.source.is_empty() {
            String::new()
        } else {
            format!("`etalab/data_pass:{}`", check.source)
        };
        writeln!(
            out,
            "| `{}` | `{}` | `{}` | {}{when} | {source} |",
            check.code,
            check.path,
            check.origin,
            check.rule.replace('|', "\\|")
        )
        .unwrap();
    }
    out
}

#[test]
fn the_committed_table_is_generated_from_check_all() {
    let expected = table();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rule-origins.md");
    let committed = std::fs::read_to_string(path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    if committed != expected {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &expected).unwrap();
        } else {
            panic!(
                "docs/rule-origins.md is out of date.\n--- committed\n{committed}\n+++ generated\n{expected}\n\
                 Run: UPDATE_EXPECT=1 cargo test --all-features --test it rule_origins"
            );
        }
    }
}

#[test]
fn every_datapass_row_names_its_file_and_no_other_row_does() {
    for check in Check::ALL {
        assert_eq!(
            check.origin == Origin::DataPass,
            !check.source.is_empty(),
            "{check:?}"
        );
        if check.datapass_refuses {
            assert_eq!(check.origin, Origin::DataPass, "{check:?}");
        }
    }
}

#[test]
fn every_code_has_a_row() {
    for &code in datapass_psc::Code::ALL {
        assert!(
            Check::ALL.iter().any(|c| c.code == code),
            "{code} has no row"
        );
    }
}

#[test]
fn every_row_of_a_request_field_gives_the_origin_of_a_real_issue() {
    let mut hit = BTreeSet::new();
    for mutation in mutations() {
        let report = mutated(|doc| mutation.apply(doc));
        for issue in report.errors().iter().chain(report.warnings()) {
            let row = Check::find(issue.code, &issue.path, issue.origin == Origin::DataPass)
                .unwrap_or_else(|| panic!("no row for {issue:?}"));
            hit.insert((row.code, row.path, row.origin, row.datapass_refuses));
        }
    }
    let missed: Vec<&Check> = Check::ALL
        .iter()
        .filter(|c| c.path != "**")
        .filter(|c| !hit.contains(&(c.code, c.path, c.origin, c.datapass_refuses)))
        .collect();
    assert!(missed.is_empty(), "rows no input reaches: {missed:#?}");
}
