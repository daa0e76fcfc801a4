//! `datapass-psc`: check a DataPass authorization request to API Pro Santé Connect from the
//! command line. This binary only parses arguments and formats what the library decides.
//!
//! Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error or an input over its size limit,
//! 141 (as a process killed by `SIGPIPE`) when standard output is closed before everything
//! was written, without a message.

mod text;

use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use datapass_psc::datapass::{self, NewDemande, Source, Webhook, WebhookSummary};
use datapass_psc::eligibility::{EligibilityAnswers, RequesterKind, RequesterKindError};
use datapass_psc::lifecycle::EventLog;
use datapass_psc::{DocumentKind, Issue, Options, RequestDraft, Rules, ValidationReport};
use serde::Serialize;

/// Check DataPass authorization requests to API Pro Santé Connect.
#[derive(Debug, Parser)]
#[command(name = "datapass-psc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The largest input read, in bytes (by default 1 MiB, or 16 MiB for an event log); a
    /// larger input is refused with exit code 2 before it is read whole.
    #[arg(long, global = true, value_name = "BYTES")]
    max_bytes: Option<usize>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a request file (or `-` for stdin) and print every problem at once.
    Validate {
        /// The request, as JSON; `-` reads standard input.
        file: PathBuf,
        /// The rule set: `strict` (every rule of the crate, DataPass's included) or `datapass`
        /// (only DataPass's rules are errors; the others are printed as warnings).
        #[arg(long, value_parser = parse_rules, default_value = "strict")]
        rules: Rules,
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
    /// Import a DataPass document: a demande, a list of demandes, a history, a habilitation, a
    /// `POST` or `PATCH` body, a webhook body or its ping, an API error body (v2), an enrollment
    /// or a webhook body (v1); recognised, or given by --from. Exits 0 for everything DataPass
    /// emits, 1 for an error body or a body DataPass would refuse.
    Import {
        /// The DataPass JSON; `-` reads standard input.
        file: PathBuf,
        /// The kind of document, instead of recognising it.
        #[arg(long, value_parser = parse_source)]
        from: Option<Source>,
        /// Also validate the imported request with these rules, missing values included, and
        /// exit 1 when it fails (for pipelines that need a complete request).
        #[arg(long, value_parser = parse_rules)]
        check: Option<Rules>,
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

/// Why a command stops before its verdict.
enum Stop {
    /// Not the input's fault (usage, I/O, size limit): the message, exit code 2.
    Usage(String),
    /// Standard output was closed (`… | head -1`): exit 141, quietly.
    Closed,
}

/// Reads a file, or standard input for `-`, but never more than `max` bytes: one more byte
/// tells that the input is too large, so `/dev/zero` is refused at once.
fn read_input(path: &Path, max: usize) -> Result<Vec<u8>, Stop> {
    let (name, result) = if path == Path::new("-") {
        (
            "standard input".to_owned(),
            read_at_most(std::io::stdin().lock(), max),
        )
    } else {
        let name = path.display().to_string();
        let result = std::fs::File::open(path).and_then(|file| read_at_most(file, max));
        (name, result)
    };
    let bytes = result.map_err(|e| Stop::Usage(format!("cannot read {name}: {e}")))?;
    if bytes.len() > max {
        return Err(Stop::Usage(format!(
            "{name} is larger than {max} bytes, the limit for this document (--max-bytes changes it)"
        )));
    }
    Ok(bytes)
}

fn read_at_most(reader: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The largest webhook secret file read: a secret is a few dozen bytes.
const MAX_SECRET_BYTES: usize = 64 * 1024;

/// Writes to standard output; a closed pipe is [`Stop::Closed`], never a panic.
fn emit(text: &str) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == ErrorKind::BrokenPipe {
                Stop::Closed
            } else {
                Stop::Usage(format!("cannot write standard output: {e}"))
            }
        })
}

/// Writes to standard error; nothing more can be said if that fails.
fn emit_err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Stop> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Stop::Usage(format!("cannot serialize the output: {e}")))?;
    text.push('\n');
    emit(&text)
}

fn validate(
    file: &Path,
    rules: Rules,
    output: &Output,
    options: Options,
) -> Result<ExitCode, Stop> {
    let bytes = read_input(file, options.max_bytes_for(DocumentKind::Request))?;
    let options = options.with_rules(rules);
    let (report, request) = match RequestDraft::from_json_slice_with(&bytes, &options) {
        Ok(draft) => {
            let report = draft.report_with(&options);
            // The typed request, for its summary, when the strict rules hold too.
            let request = report.is_valid().then(|| draft.validate().ok()).flatten();
            (report, request)
        }
        Err(report) => (report, None),
    };
    match output.format {
        Format::Json => print_json(&report)?,
        Format::Text => emit(&text::report(&report, request.as_ref(), rules, output.lang))?,
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

fn schema(out: Option<&Path>) -> Result<ExitCode, Stop> {
    let schemas = datapass_psc::schema::all();
    match out {
        None => {
            if let Some((_, request)) = schemas.first() {
                emit(&datapass_psc::schema::to_file_contents(request))?;
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Stop::Usage(format!("cannot create {}: {e}", dir.display())))?;
            for (name, schema) in &schemas {
                let path = dir.join(name);
                std::fs::write(&path, datapass_psc::schema::to_file_contents(schema))
                    .map_err(|e| Stop::Usage(format!("cannot write {}: {e}", path.display())))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lifecycle(file: &Path, output: &Output, options: &Options) -> Result<ExitCode, Stop> {
    let bytes = read_input(file, options.max_bytes_for(DocumentKind::EventLog))?;
    let replayed = EventLog::from_json_slice_with(&bytes, options).map(|log| log.replay());
    let json = output.format == Format::Json;
    Ok(match replayed {
        Ok(Ok(record)) => {
            let summary = record.summary();
            if json {
                print_json(&summary)?;
            } else {
                emit(&text::summary(&summary, output.lang))?;
            }
            ExitCode::SUCCESS
        }
        Ok(Err(refused)) => {
            if json {
                print_json(&Failure { error: &refused })?;
            } else {
                emit(&text::refusal(&refused, output.lang))?;
            }
            ExitCode::from(1)
        }
        Err(unreadable) => {
            // Reading stops at the first structural problem: the report holds one issue.
            for issue in unreadable.errors() {
                if json {
                    print_json(&Failure { error: issue })?;
                } else {
                    emit(&text::unreadable_log(issue, output.lang))?;
                }
            }
            ExitCode::from(1)
        }
    })
}

/// `{"error": …}`: a refusal, as JSON.
#[derive(Serialize)]
struct Failure<T: Serialize> {
    error: T,
}

/// The JSON output of `webhook verify`: whether the signature is valid, then the refusal, or
/// what the webhook says, or why its body cannot be read.
#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Issue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    webhook: Option<WebhookSummary<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ValidationReport>,
}

/// A rule set as the command line writes it: `strict` or `datapass`.
fn parse_rules(value: &str) -> Result<Rules, String> {
    value
        .parse()
        .map_err(|e: datapass_psc::UnknownWord| e.to_string())
}

/// A DataPass document kind as the command line writes it: `v2-demande` or `v2_demande`.
fn parse_source(value: &str) -> Result<Source, String> {
    value
        .replace('-', "_")
        .parse()
        .map_err(|e: datapass_psc::UnknownWord| e.to_string())
}

fn import(
    file: &Path,
    from: Option<Source>,
    check: Option<Rules>,
    output: &Output,
    options: &Options,
) -> Result<ExitCode, Stop> {
    let bytes = read_input(file, options.max_bytes_for(DocumentKind::DataPass))?;
    match datapass::import_with(&bytes, from, options) {
        Ok(import) => {
            let import = match check {
                Some(rules) => import.check(rules),
                None => import,
            };
            match output.format {
                Format::Json => print_json(&import)?,
                Format::Text => {
                    for imported in import.items() {
                        emit(&text::imported(imported, check, output.lang))?;
                    }
                    if import.items().is_empty() {
                        emit(&text::empty_list(output.lang))?;
                    }
                }
            }
            Ok(if import.is_valid() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Err(report) => {
            match output.format {
                Format::Json => print_json(&report)?,
                Format::Text => emit(&text::report(&report, None, Rules::Strict, output.lang))?,
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn export(file: &Path, patch: bool, lang: Lang, options: &Options) -> Result<ExitCode, Stop> {
    let bytes = read_input(file, options.max_bytes_for(DocumentKind::Request))?;
    let request = match RequestDraft::from_json_slice_with(&bytes, options) {
        Ok(draft) => draft.validate(),
        Err(report) => Err(report),
    };
    let request = match request {
        Ok(request) => request,
        Err(report) => {
            emit(&text::report(&report, None, Rules::Strict, lang))?;
            return Ok(ExitCode::from(1));
        }
    };
    let body = NewDemande::from_request(&request);
    if patch {
        print_json(&body.patch())?;
    } else {
        print_json(&body)?;
    }
    emit_err(&text::not_sent(&datapass::not_sent(&request), lang));
    Ok(ExitCode::SUCCESS)
}

fn verify_webhook(
    secret_file: &Path,
    signature: &str,
    body_file: &Path,
    output: &Output,
    options: &Options,
) -> Result<ExitCode, Stop> {
    let mut secret = read_input(secret_file, MAX_SECRET_BYTES)?;
    if secret.ends_with(b"\n") {
        secret.pop();
        if secret.ends_with(b"\r") {
            secret.pop();
        }
    }
    let body = read_input(body_file, options.max_bytes_for(DocumentKind::DataPass))?;
    let json = output.format == Format::Json;
    if let Err(refused) = datapass::verify_signature(&secret, &body, signature) {
        if json {
            print_json(&Verified {
                valid: false,
                error: Some(Issue::from_error("", &refused)),
                webhook: None,
                report: None,
            })?;
        } else {
            emit(&text::signature_refused(&refused, output.lang))?;
        }
        return Ok(ExitCode::from(1));
    }
    match Webhook::from_json_slice_with(&body, options) {
        Ok(webhook) => {
            if json {
                print_json(&Verified {
                    valid: true,
                    error: None,
                    webhook: Some(webhook.summary()),
                    report: None,
                })?;
            } else {
                emit(&text::webhook(&webhook, output.lang))?;
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
                })?,
                Format::Text => emit(&text::report(&report, None, Rules::Strict, output.lang))?,
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

fn eligibility(answers: EligibilityAnswers, output: &Output) -> Result<ExitCode, Stop> {
    let decision = answers.decide();
    match output.format {
        Format::Json => print_json(&decision)?,
        Format::Text => emit(&text::decision(&decision, output.lang))?,
    }
    // Whatever the outcome, the question was answered: exit 0.
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = match cli.max_bytes {
        Some(max) => Options::default().with_max_bytes(max),
        None => Options::default(),
    };
    let result = match &cli.command {
        Command::Validate {
            file,
            rules,
            output,
        } => validate(file, *rules, output, options),
        Command::Eligibility {
            requester,
            french,
            web_solution,
            health_professionals,
            output,
        } => eligibility(
            EligibilityAnswers {
                requester: *requester,
                french: *french,
                web_solution: *web_solution,
                health_professionals: *health_professionals,
            },
            output,
        ),
        Command::Lifecycle { file, output } => lifecycle(file, output, &options),
        Command::Import {
            file,
            from,
            check,
            output,
        } => import(file, *from, *check, output, &options),
        Command::Export { file, patch, lang } => export(file, *patch, *lang, &options),
        Command::Webhook {
            command:
                WebhookCommand::Verify {
                    secret_file,
                    signature,
                    body_file,
                    output,
                },
        } => verify_webhook(secret_file, signature, body_file, output, &options),
        Command::Schema { out } => schema(out.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(Stop::Usage(message)) => {
            emit_err(&format!("datapass-psc: {message}\n"));
            ExitCode::from(2)
        }
        Err(Stop::Closed) => ExitCode::from(141),
    }
}
