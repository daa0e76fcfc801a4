//! The only module of the binding that names the `datapass-psc` crate.
//!
//! Everything else works with what this module gives: JSON text (the crate's own serialization,
//! as the command line prints it with `--format json`), strings in their wire form, and opaque
//! wrappers ([`Report`], [`Issue`], [`Imported`], the identifiers) whose methods are the few the
//! binding reads. When the crate renames a type or a function, this module is the one to
//! follow. It holds no rule: each function is one call into the crate, and every call runs
//! under [`guard`], so that no panic can reach Python.

mod identifiers;
mod report;

use std::panic::{AssertUnwindSafe, catch_unwind};

use datapass_psc::datapass::{self, NewDemande, Source};
use datapass_psc::eligibility::{EligibilityAnswers, RequesterKind};
use datapass_psc::lifecycle::EventLog;
use datapass_psc::request::WizardStep;
use datapass_psc::{Diagnostic, Options, RequestDraft, Rules};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

pub use identifiers::{Email, PhoneNumber, RetentionPeriod, Siren, Siret};
pub use report::{Imported, Issue, Report};

/// Why a call into the crate did not give its value.
#[derive(Debug)]
pub enum Failure {
    /// An argument outside its vocabulary (a rule set, a step, a requester kind, a document
    /// kind): the crate's message, which lists the accepted words.
    Argument(String),
    /// An identifier the crate refuses.
    Invalid(Problem),
    /// A document that does not give what was asked (unreadable, or not a valid request): its
    /// report.
    Report(Report),
    /// An event of a log refused by the lifecycle: the crate's JSON of the refusal
    /// (`{"code", "index", "state", "event", "message_fr", "message_en", "params"}`).
    Refused(String),
    /// A webhook signature the crate refuses.
    Signature(Problem),
    /// A bug of the crate or of the binding (a panic caught, a value that does not serialize),
    /// with its message.
    Bug(String),
}

/// A refusal of the crate: its code, messages and parameters (`Diagnostic`).
#[derive(Debug, Clone)]
pub struct Problem {
    /// The code (`siret.checksum`).
    pub code: &'static str,
    /// The French message.
    pub message_fr: String,
    /// The English message.
    pub message_en: String,
    /// The parameters, as the crate writes them in JSON.
    pub params: String,
}

impl Problem {
    fn of(error: &dyn Diagnostic) -> Result<Self, Failure> {
        let description = error.describe();
        Ok(Self {
            code: description.code.as_str(),
            message_fr: description.message_fr(),
            message_en: description.message_en(),
            params: to_json(&description.params)?,
        })
    }
}

/// Runs `f`, turning a panic into [`Failure::Bug`].
pub fn guard<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Failure::Bug(message))
    })
}

/// The crate's serialization of `value`, compact (what the command line prints with
/// `--format json`, without the indentation).
fn to_json(value: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| Failure::Bug(format!("serialization: {e}")))
}

fn options(rules: &str) -> Result<Options, Failure> {
    let rules: Rules = rules
        .parse()
        .map_err(|e: datapass_psc::UnknownWord| Failure::Argument(e.to_string()))?;
    Ok(Options::default().with_rules(rules))
}

fn draft(bytes: &[u8], options: &Options) -> Result<RequestDraft, Failure> {
    RequestDraft::from_json_slice_with(bytes, options).map_err(|r| Failure::Report(Report(r)))
}

/// The report of a request under a rule set (`strict` or `datapass`), as `validate --rules`.
pub fn validate(bytes: &[u8], rules: &str) -> Result<Report, Failure> {
    guard(|| {
        let options = options(rules)?;
        Ok(Report(
            match RequestDraft::from_json_slice_with(bytes, &options) {
                Ok(draft) => draft.report_with(&options),
                Err(unreadable) => unreadable,
            },
        ))
    })
}

/// The report of one wizard step (`basic_infos` … `finish`) under a rule set.
pub fn validate_step(bytes: &[u8], step: &str, rules: &str) -> Result<Report, Failure> {
    guard(|| {
        let options = options(rules)?;
        let step: WizardStep = step
            .parse()
            .map_err(|e: datapass_psc::UnknownWord| Failure::Argument(e.to_string()))?;
        Ok(Report(
            match RequestDraft::from_json_slice_with(bytes, &options) {
                Ok(draft) => draft.validate_step_with(step, &options),
                Err(unreadable) => unreadable,
            },
        ))
    })
}

/// The valid request in canonical form, or the report of why not.
pub fn parse_request(bytes: &[u8]) -> Result<String, Failure> {
    guard(|| {
        let request = draft(bytes, &Options::default())?
            .validate()
            .map_err(|r| Failure::Report(Report(r)))?;
        to_json(&request)
    })
}

/// DataPass's `POST /demandes` body (or `PATCH /demandes/{id}`) of a valid request.
pub fn export_datapass(bytes: &[u8], patch: bool) -> Result<String, Failure> {
    guard(|| {
        let request = draft(bytes, &Options::default())?
            .validate()
            .map_err(|r| Failure::Report(Report(r)))?;
        let body = NewDemande::from_request(&request);
        if patch {
            to_json(&body.patch())
        } else {
            to_json(&body)
        }
    })
}

/// An event log replayed: the record's summary, as `lifecycle --format json` prints it.
pub fn replay(bytes: &[u8]) -> Result<String, Failure> {
    guard(|| {
        let log = EventLog::from_json_slice_with(bytes, &Options::default())
            .map_err(|r| Failure::Report(Report(r)))?;
        match log.replay() {
            Ok(record) => to_json(&record.summary()),
            Err(refused) => Err(Failure::Refused(to_json(&refused)?)),
        }
    })
}

/// What an import gives: one document, or each demande of a list.
// As the crate's own `Import`: nearly every import is one document, returned once.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Import {
    /// One document.
    One(Imported),
    /// The demandes of `GET /demandes`.
    List(Vec<Imported>),
}

/// A DataPass document imported, recognised or of the kind `source`, checked with the rule set
/// `check` when given.
pub fn import_datapass(
    bytes: &[u8],
    source: Option<&str>,
    check: Option<&str>,
) -> Result<Import, Failure> {
    guard(|| {
        let source = source
            .map(|s| {
                s.parse::<Source>()
                    .map_err(|e: datapass_psc::UnknownWord| Failure::Argument(e.to_string()))
            })
            .transpose()?;
        let check = check
            .map(|rules| options(rules).map(|o| o.rules()))
            .transpose()?;
        let import = datapass::import_with(bytes, source, &Options::default())
            .map_err(|r| Failure::Report(Report(r)))?;
        let import = match check {
            Some(rules) => import.check(rules),
            None => import,
        };
        Ok(match import {
            datapass::Import::One(one) => Import::One(Imported(one)),
            datapass::Import::List(list) => Import::List(list.into_iter().map(Imported).collect()),
        })
    })
}

/// Checks a webhook call's `X-Hub-Signature-256` header against its raw body.
pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> Result<(), Failure> {
    guard(|| match datapass::verify_signature(secret, body, header) {
        Ok(()) => Ok(()),
        Err(e) => Err(Failure::Signature(Problem::of(&e)?)),
    })
}

/// Verifies a DataPass v2 webhook call's signature, then imports its body as a webhook.
pub fn webhook(secret: &[u8], body: &[u8], header: &str) -> Result<Imported, Failure> {
    verify_signature(secret, body, header)?;
    guard(
        || match datapass::import_with(body, Some(Source::V2Webhook), &Options::default()) {
            Ok(datapass::Import::One(one)) => Ok(Imported(one)),
            Ok(datapass::Import::List(_)) => Err(Failure::Bug("a webhook read as a list".into())),
            Err(report) => Err(Failure::Report(Report(report))),
        },
    )
}

/// The eligibility decision, as `eligibility --format json` prints it.
pub fn eligibility(
    requester: &str,
    french: Option<bool>,
    web_solution: Option<bool>,
    health_professionals: Option<bool>,
) -> Result<String, Failure> {
    guard(|| {
        let requester: RequesterKind =
            requester
                .parse()
                .map_err(|e: datapass_psc::eligibility::RequesterKindError| {
                    Failure::Argument(e.to_string())
                })?;
        let mut answers = EligibilityAnswers::new(requester);
        answers.french = french;
        answers.web_solution = web_solution;
        answers.health_professionals = health_professionals;
        to_json(&answers.decide())
    })
}

/// Every JSON Schema, with its file name, in the crate's order.
pub fn schemas() -> Result<Vec<(&'static str, String)>, Failure> {
    guard(|| {
        datapass_psc::schema::all()
            .iter()
            .map(|(name, schema)| Ok((*name, to_json(schema)?)))
            .collect()
    })
}

/// A valid request draft, as a person types it, drawn by the crate's proptest strategy from
/// `seed`: the same seed gives the same draft.
pub fn generate_request(seed: u64) -> Result<String, Failure> {
    guard(|| {
        let mut bytes = [0u8; 32];
        for chunk in bytes.chunks_mut(8) {
            chunk.copy_from_slice(&seed.to_le_bytes());
        }
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        let draft = datapass_psc::strategies::request_draft()
            .new_tree(&mut runner)
            .map_err(|reason| Failure::Bug(reason.to_string()))?
            .current();
        to_json(&draft)
    })
}
