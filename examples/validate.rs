//! Validate a request file with the library, as a back-end would.
//!
//! `cargo run --example validate [FILE]` (default: the shipped sample). Prints the canonical
//! request when it is valid, or every problem with its field; exits 1 when it is invalid.

use std::process::ExitCode;

use datapass_psc::RequestDraft;

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/requests/hospiconnect.json".to_owned());
    let text = std::fs::read_to_string(&path)?;
    let draft = match RequestDraft::from_json_slice(text.as_bytes()) {
        Ok(draft) => draft,
        Err(report) => {
            for issue in report.errors() {
                println!("{} {}: {}", issue.path, issue.code, issue.message_fr);
            }
            return Ok(ExitCode::from(1));
        }
    };
    match draft.validate() {
        Ok(request) => {
            for warning in request.warnings() {
                println!(
                    "warning {} {}: {}",
                    warning.path, warning.code, warning.message_fr
                );
            }
            println!("{}", serde_json::to_string_pretty(&request)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            for issue in report.errors() {
                println!("{} {}: {}", issue.path, issue.code, issue.message_fr);
            }
            Ok(ExitCode::from(1))
        }
    }
}
