//! `datapass-psc`: check a DataPass authorization request to API Pro Santé Connect from the
//! command line. This binary only parses arguments and formats what the library decides.
//!
//! Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error.

mod text;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use datapass_psc::datapass::{self, NewDemande, Source, Webhook};
use datapass_psc::eligibility::{EligibilityAnswers, RequesterKind, RequesterKindError};
use datapass_psc::lifecycle::EventLog;
use datapass_psc::{Issue, RequestDraft, ValidationReport};
use serde::Serialize;

/// Check DataPass authorization requests to API Pro Santé Connect.
#[derive(Debug, Parser)]
#[command(name = "datapass-psc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a request file (or `-` for stdin) and print every problem at once.
    Validate {
        /// The request, as JSON; `-` reads standard input.
        file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Tell whether a requester may ask for API Pro Santé Connect (« Qui êtes-vous ? »).
    Eligibility {
        /// Who is asking.
        #[arg(long, value_parser = parse_requester)]
        requester: RequesterKind,
        /// The organisation is a French software editor.
        #[arg(long)]
        french: Option<bool>,
        /// It offers a web solution.
        #[arg(long)]
        web_solution: Option<bool>,
        /// The solution is addressed to health professionals.
        #[arg(long)]
        health_professionals: Option<bool>,
        #[command(flatten)]
        output: Output,
    },
    /// Replay an event log (or `-` for stdin) and print where the request stands.
    Lifecycle {
        /// The event log, as JSON: `{"request_number", "request"?, "events": [...]}`.
        file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Import a DataPass document: a v2 demande (`GET /demandes/{id}`), a v2 `POST` body, a v2
    /// webhook body, a v1 enrollment or a v1 webhook body (recognised, or given by --from).
    Import {
        /// The DataPass JSON; `-` reads standard input.
        file: PathBuf,
        /// The kind of document, instead of recognising it.
        #[arg(long, value_parser = parse_source)]
        from: Option<Source>,
        #[command(flatten)]
        output: Output,
    },
    /// Print the body of DataPass's `POST /demandes` for a valid request (or with --patch, the
    /// body of `PATCH /demandes/{id}`); what DataPass does not carry is listed on stderr.
    Export {
        /// The request, as JSON; `-` reads standard input.
        file: PathBuf,
        /// Print the `PATCH /demandes/{id}` body instead.
        #[arg(long)]
        patch: bool,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = Lang::Fr)]
        lang: Lang,
    },
    /// DataPass webhooks.
    Webhook {
        #[command(subcommand)]
        command: WebhookCommand,
    },
    /// Write the JSON Schemas (draft 2020-12); without --out, print the request schema.
    Schema {
        /// Directory to write every schema file into.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum WebhookCommand {
    /// Check a webhook call's signature (`X-Hub-Signature-256`) against the raw body, then read
    /// the body.
    Verify {
        /// A file holding the webhook's secret (never a command-line argument, which other users
        /// of the machine can see); a final line break is not part of the secret.
        #[arg(long)]
        secret_file: PathBuf,
        /// The value of the `X-Hub-Signature-256` header (`sha256=…`).
        #[arg(long)]
        signature: String,
        /// The raw body received; `-` reads standard input.
        body_file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
}

/// How to print the result.
#[derive(Debug, clap::Args)]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = Lang::Fr)]
    lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

/// Language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Lang {
    Fr,
    En,
}

/// A failure that is not the input's fault: exit code 2.
struct UsageError(String);

fn read_input(path: &Path) -> Result<Vec<u8>, UsageError> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))
    }
}

fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("datapass-psc: cannot serialize the output: {e}"),
    }
}

fn validate(file: &Path, output: &Output) -> Result<ExitCode, UsageError> {
    let bytes = read_input(file)?;
    let (report, request) = match RequestDraft::from_json_slice(&bytes) {
        Ok(draft) => {
            let (request, report) = draft.validate_and_report();
            (report, request)
        }
        Err(report) => (report, None),
    };
    match output.format {
        Format::Json => print_json(&report),
        Format::Text => print!("{}", text::report(&report, request.as_ref(), output.lang)),
    }
    Ok(exit_for(&report))
}

fn exit_for(report: &ValidationReport) -> ExitCode {
    if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn schema(out: Option<&Path>) -> Result<ExitCode, UsageError> {
    let schemas = datapass_psc::schema::all();
    match out {
        None => {
            if let Some((_, request)) = schemas.first() {
                print!("{}", datapass_psc::schema::to_file_contents(request));
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| UsageError(format!("cannot create {}: {e}", dir.display())))?;
            for (name, schema) in &schemas {
                let path = dir.join(name);
                std::fs::write(&path, datapass_psc::schema::to_file_contents(schema))
                    .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lifecycle(file: &Path, output: &Output) -> Result<ExitCode, UsageError> {
    let bytes = read_input(file)?;
    let replayed = EventLog::from_json_slice(&bytes).map(|log| log.replay());
    let json = output.format == Format::Json;
    Ok(match replayed {
        Ok(Ok(record)) => {
            let summary = record.summary();
            if json {
                print_json(&summary);
            } else {
                print!("{}", text::summary(&summary, output.lang));
            }
            ExitCode::SUCCESS
        }
        Ok(Err(refused)) => {
            if json {
                print_json(&Failure { error: &refused });
            } else {
                print!("{}", text::refusal(&refused, output.lang));
            }
            ExitCode::from(1)
        }
        Err(unreadable) => {
            // Reading stops at the first structural problem: the report holds one issue.
            for issue in unreadable.errors() {
                if json {
                    print_json(&Failure { error: issue });
                } else {
                    print!("{}", text::unreadable_log(issue, output.lang));
                }
            }
            ExitCode::from(1)
        }
    })
}

/// A requester kind as the command line writes it: `public-administration` or
/// `public_administration`.
/// `{"error": …}`: a refusal, as JSON.
#[derive(Serialize)]
struct Failure<T: Serialize> {
    error: T,
}

/// The JSON output of `import`, in this order.
#[derive(Serialize)]
struct ImportOutput<'a> {
    source: Source,
    request: &'a RequestDraft,
    report: &'a ValidationReport,
    datapass: Option<&'a datapass::Facts>,
}

/// The JSON output of `webhook verify`: whether the signature is valid, then the refusal, or
/// what the webhook says, or why its body cannot be read.
#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Issue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    webhook: Option<text::WebhookJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ValidationReport>,
}

/// A DataPass document kind as the command line writes it: `v2-demande` or `v2_demande`.
fn parse_source(value: &str) -> Result<Source, String> {
    value
        .replace('-', "_")
        .parse()
        .map_err(|e: datapass_psc::UnknownWord| e.to_string())
}

fn import(file: &Path, from: Option<Source>, output: &Output) -> Result<ExitCode, UsageError> {
    let bytes = read_input(file)?;
    match datapass::import(&bytes, from) {
        Ok(imported) => {
            let report = imported.report();
            match output.format {
                Format::Json => print_json(&ImportOutput {
                    source: imported.source(),
                    request: imported.draft(),
                    report: &report,
                    datapass: imported.facts(),
                }),
                Format::Text => print!("{}", text::imported(&imported, &report, output.lang)),
            }
            Ok(if imported.carried_fields_are_valid() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Err(report) => {
            match output.format {
                Format::Json => print_json(&report),
                Format::Text => print!("{}", text::report(&report, None, output.lang)),
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn export(file: &Path, patch: bool, lang: Lang) -> Result<ExitCode, UsageError> {
    let bytes = read_input(file)?;
    let (request, report) = match RequestDraft::from_json_slice(&bytes) {
        Ok(draft) => draft.validate_and_report(),
        Err(report) => (None, report),
    };
    let Some(request) = request else {
        print!("{}", text::report(&report, None, lang));
        return Ok(ExitCode::from(1));
    };
    let body = NewDemande::from_request(&request);
    if patch {
        print_json(&body.patch());
    } else {
        print_json(&body);
    }
    eprint!("{}", text::not_sent(&datapass::not_sent(&request), lang));
    Ok(ExitCode::SUCCESS)
}

fn verify_webhook(
    secret_file: &Path,
    signature: &str,
    body_file: &Path,
    output: &Output,
) -> Result<ExitCode, UsageError> {
    let mut secret = std::fs::read(secret_file)
        .map_err(|e| UsageError(format!("cannot read {}: {e}", secret_file.display())))?;
    if secret.ends_with(b"\n") {
        secret.pop();
        if secret.ends_with(b"\r") {
            secret.pop();
        }
    }
    let body = read_input(body_file)?;
    let json = output.format == Format::Json;
    if let Err(refused) = datapass::verify_signature(&secret, &body, signature) {
        if json {
            print_json(&Verified {
                valid: false,
                error: Some(Issue::from_error("", &refused)),
                webhook: None,
                report: None,
            });
        } else {
            print!("{}", text::signature_refused(&refused, output.lang));
        }
        return Ok(ExitCode::from(1));
    }
    match Webhook::from_json_slice(&body) {
        Ok(webhook) => {
            if json {
                print_json(&Verified {
                    valid: true,
                    error: None,
                    webhook: text::WebhookJson::new(&webhook),
                    report: None,
                });
            } else {
                print!("{}", text::webhook(&webhook, output.lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            match output.format {
                Format::Json => print_json(&Verified {
                    valid: true,
                    error: None,
                    webhook: None,
                    report: Some(report),
                }),
                Format::Text => print!("{}", text::report(&report, None, output.lang)),
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn parse_requester(value: &str) -> Result<RequesterKind, String> {
    value
        .replace('-', "_")
        .parse()
        .map_err(|e: RequesterKindError| e.to_string())
}

fn eligibility(answers: EligibilityAnswers, output: &Output) -> ExitCode {
    let decision = answers.decide();
    match output.format {
        Format::Json => print_json(&decision),
        Format::Text => print!("{}", text::decision(&decision, output.lang)),
    }
    // Whatever the outcome, the question was answered: exit 0.
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Validate { file, output } => validate(file, output),
        Command::Eligibility {
            requester,
            french,
            web_solution,
            health_professionals,
            output,
        } => Ok(eligibility(
            EligibilityAnswers {
                requester: *requester,
                french: *french,
                web_solution: *web_solution,
                health_professionals: *health_professionals,
            },
            output,
        )),
        Command::Lifecycle { file, output } => lifecycle(file, output),
        Command::Import { file, from, output } => import(file, *from, output),
        Command::Export { file, patch, lang } => export(file, *patch, *lang),
        Command::Webhook {
            command:
                WebhookCommand::Verify {
                    secret_file,
                    signature,
                    body_file,
                    output,
                },
        } => verify_webhook(secret_file, signature, body_file, output),
        Command::Schema { out } => schema(out.as_deref()),
    };
    result.unwrap_or_else(|UsageError(message)| {
        eprintln!("datapass-psc: {message}");
        ExitCode::from(2)
    })
}
