//! [`import`]: any DataPass document the crate reads, recognised by its shape, as what DataPass
//! says: the request it holds (a draft of the crate), what is absent from it, what the crate's
//! rules find in what it carries, and DataPass's facts about it.

use serde::{Serialize, Serializer};

use super::api_error::ApiErrors;
use super::demande::Demande;
use super::detect::detect;
use super::facts::{FactEvent, FactHabilitation, Facts};
use super::lists::{DemandeList, DetailedHabilitation, EventList};
use super::new_demande::{DataPatch, NewDemande};
use super::source::Source;
use super::v1::Enrollment;
use super::webhook::Webhook;
use crate::codes::Code;
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::request::draft::RequestDraft;
use crate::rules::{Origin, Rules};

/// What [`import`] read: one document, or the list `GET /demandes` answers.
///
/// Serialized as an [`Imported`] object, or an array of them for a list.
// Nearly every import is one document, returned once: boxing it would cost an allocation for
// nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Import {
    /// One document.
    One(Imported),
    /// The demandes of `GET /demandes`, in DataPass's order (newest first), each imported as
    /// `GET /demandes/{id}` would be.
    List(Vec<Imported>),
}

impl Import {
    /// The documents imported: one, or each demande of a list.
    #[must_use]
    pub fn items(&self) -> &[Imported] {
        match self {
            Self::One(one) => std::slice::from_ref(one),
            Self::List(list) => list,
        }
    }

    /// Whether no report has an error: everything DataPass emits imports without error; an
    /// error body, a body DataPass would refuse, or a failed [`Import::check`] does not.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.items().iter().all(|item| item.report().is_valid())
    }

    /// Validates the request of each document with `rules`, missing values included (see
    /// [`Imported::check`]).
    #[must_use]
    pub fn check(self, rules: Rules) -> Self {
        match self {
            Self::One(one) => Self::One(one.check(rules)),
            Self::List(list) => Self::List(list.into_iter().map(|i| i.check(rules)).collect()),
        }
    }
}

impl Serialize for Import {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::One(one) => one.serialize(serializer),
            Self::List(list) => list.serialize(serializer),
        }
    }
}

/// A DataPass document imported: what DataPass says, never called broken.
///
/// - [`request`](Imported::request): the request the document holds, as a draft of the crate
///   (`None` for an error body, the test ping, a history);
/// - [`to_complete`](Imported::to_complete): what is absent from it — not carried by DataPass
///   for this form (the personal data, attachments, the two checkboxes; the applicant's phone and
///   job title, which DataPass does not ask), left empty in a draft, absent from a v1 or migrated
///   request, or a placeholder read as absent — each as the `required` (or `scopes.empty`,
///   `legal_basis.reference_missing`…) issue a validation would give, never as an error;
/// - [`report`](Imported::report): the reading's warnings (unknown `data` keys, placeholders,
///   defaults DataPass fills) and what the crate's rules find in the values DataPass carries,
///   as warnings with their origin (a phone with an extension: `phone.extension`, `strict`).
///   It has errors only for what DataPass itself refuses: an error body's issues, and in a
///   `POST` or `PATCH` body a key DataPass's API does not permit, a SIRET or applicant email its
///   validators refuse, or a value of a step the body's `current_build_step` validates;
/// - [`facts`](Imported::facts): DataPass's facts (number, state, reopening, habilitations,
///   event…).
///
/// Serialized as the command line's `import --format json` prints it:
/// `{"source", "request", "report": {"valid", "errors", "warnings"}, "to_complete", "datapass"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    source: Source,
    request: Option<RequestDraft>,
    /// What reading the document found: DataPass's refusals (errors) and the reading's warnings.
    reading: ValidationReport,
    report: ValidationReport,
    to_complete: Vec<Issue>,
    facts: Facts,
}

impl Imported {
    /// Which document it was.
    #[must_use]
    pub fn source(&self) -> Source {
        self.source
    }

    /// The request the document holds, as a draft of the crate: what DataPass carries, nothing
    /// invented (but the form's defaults DataPass fills in a `POST`), placeholders read as absent.
    #[must_use]
    pub fn request(&self) -> Option<&RequestDraft> {
        self.request.as_ref()
    }

    /// The report: errors only for what DataPass itself refuses, and the warnings (see
    /// [`Imported`]); after [`Imported::check`], the request's validation under its rules.
    #[must_use]
    pub fn report(&self) -> &ValidationReport {
        &self.report
    }

    /// What is absent from the request, as the issues a validation gives for it.
    #[must_use]
    pub fn to_complete(&self) -> &[Issue] {
        &self.to_complete
    }

    /// DataPass's facts.
    #[must_use]
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// Validates the request with `rules`, missing values included, for a pipeline that needs a
    /// complete request: the report becomes the reading's issues and that validation's, so it
    /// has errors when the request is incomplete or fails the rules. A document that holds no
    /// request is left as it is.
    ///
    /// ```
    /// use datapass_psc::Rules;
    /// use datapass_psc::datapass::{Import, import};
    /// let body = std::fs::read("tests/fixtures/datapass/webhook-approve-60501.json")?;
    /// let Import::One(imported) = import(&body, None)? else { unreachable!() };
    /// assert!(imported.report().is_valid()); // what DataPass sent
    /// assert!(!imported.check(Rules::DataPass).report().is_valid()); // no personal data, no boxes
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn check(mut self, rules: Rules) -> Self {
        if let Some(request) = &self.request {
            let mut report = self.reading.clone();
            report.merge(request.report_with(&Options::default().with_rules(rules)));
            self.report = report;
        }
        self
    }
}

impl Serialize for Imported {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            source: Source,
            request: Option<&'a RequestDraft>,
            report: &'a ValidationReport,
            to_complete: &'a [Issue],
            datapass: &'a Facts,
        }
        Out {
            source: self.source,
            request: self.request.as_ref(),
            report: &self.report,
            to_complete: &self.to_complete,
            datapass: &self.facts,
        }
        .serialize(serializer)
    }
}

/// How DataPass treats the request of a document.
#[derive(Clone, Copy)]
enum Carried<'a> {
    /// DataPass emitted it: its truth, never an error.
    Emitted,
    /// A `POST` body: DataPass creates a draft from it, refusing the SIRET or the applicant's
    /// email its validators refuse, and the values of the steps up to `current_build_step`.
    Post(Option<&'a str>),
    /// A `PATCH` body: only what it carries (the paths it gives), refused as in a `POST` for the
    /// steps it validates.
    Patch(Option<&'a str>, &'a [String]),
}

/// Whether an issue says that a value is absent, rather than what is wrong with one.
fn is_missing(issue: &Issue) -> bool {
    matches!(
        issue.code,
        Code::Required
            | Code::ScopesEmpty
            | Code::LegalBasisReferenceMissing
            | Code::TermsNotAccepted
            | Code::DpoNotInformed
    )
}

/// The steps of DataPass's wizard for this form, in order, with the crate's paths each
/// validates (`steps` in `etalab/data_pass:config/authorization_request_forms/others.yml`).
const STEPS: [(&str, &[&str]); 4] = [
    ("basic_infos", &["/project"]),
    ("legal", &["/legal_basis"]),
    ("scopes", &["/scopes"]),
    (
        "contacts",
        &[
            "/contacts/data_controller",
            "/contacts/data_protection_officer",
            "/contacts/technical_contact",
        ],
    ),
];

/// Whether `path` is at or under `prefix`.
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether DataPass refuses a body whose value at `path` has an issue of its own rules.
fn refused_by_datapass(issue: &Issue, carried: Carried<'_>) -> bool {
    let step = match carried {
        Carried::Emitted => return false,
        Carried::Post(step) => {
            // Creating the demande creates its organisation and applicant first.
            if issue.path == "/organization/siret" || issue.path == "/contacts/applicant/email" {
                return issue.origin == Origin::DataPass;
            }
            step
        }
        Carried::Patch(step, given) => {
            // A `PATCH` merges into the demande: what it leaves out may be there, what it blanks
            // is gone.
            if is_missing(issue) && !given.contains(&issue.path) {
                return false;
            }
            step
        }
    };
    let Some(last) = step.and_then(|step| STEPS.iter().position(|(name, _)| *name == step)) else {
        return false;
    };
    issue.origin == Origin::DataPass
        && STEPS[..=last]
            .iter()
            .any(|(_, paths)| paths.iter().any(|p| under(&issue.path, p)))
}

/// The import of a document that holds a request.
fn with_request(
    source: Source,
    request: RequestDraft,
    reading: ValidationReport,
    facts: Facts,
    carried: Carried<'_>,
) -> Imported {
    let validation = request.report();
    let mut report = reading.clone();
    let mut to_complete = Vec::new();
    for issue in validation.errors() {
        if refused_by_datapass(issue, carried) {
            report.push_error(issue.clone());
        } else if is_missing(issue) {
            // A `PATCH` carries only what changes: what it leaves out is not missing, what it
            // blanks is.
            let absent = match carried {
                Carried::Patch(_, given) => given.contains(&issue.path),
                Carried::Emitted | Carried::Post(_) => true,
            };
            if absent {
                to_complete.push(issue.clone());
            }
        } else {
            report.push_warning(issue.clone());
        }
    }
    for warning in validation.warnings() {
        report.push_warning(warning.clone());
    }
    Imported {
        source,
        request: Some(request),
        reading,
        report,
        to_complete,
        facts,
    }
}

/// The import of a document that holds no request.
fn without_request(source: Source, report: ValidationReport, facts: Facts) -> Imported {
    Imported {
        source,
        request: None,
        reading: report.clone(),
        report,
        to_complete: Vec::new(),
        facts,
    }
}

/// A report of warnings.
fn warnings(issues: &[Issue]) -> ValidationReport {
    let mut report = ValidationReport::new();
    for issue in issues {
        report.push_warning(issue.clone());
    }
    report
}

/// Reads a DataPass document: `source`, or the one its shape says — an array is the list of
/// `GET /demandes` (its elements have `id` and `state`; `[]` too) or the history of
/// `GET /demandes/{id}/events` (`name`, no `state`); `{"errors": …}` an error body;
/// `{"demande": …}` a `POST` body (with `form_uid`, `type`, `organization` or `applicant`) or
/// a `PATCH` body; `{"event"…}` or `{"test"…}` a v2 webhook; `{"data": {"pass": …}}` a v1
/// webhook; `target_api` or `team_members` a v1 enrollment; `request_id` with a habilitation
/// state a habilitation; `id` and `state` a v2 demande.
///
/// Nothing DataPass emits gives an error: see [`Imported`].
///
/// ```
/// use datapass_psc::datapass::{Import, Source, import};
/// let body = std::fs::read("tests/fixtures/datapass/get-demande-60501-scopes-array.json")?;
/// let Import::One(imported) = import(&body, None)? else { unreachable!() };
/// assert_eq!(imported.source(), Source::V2Demande);
/// assert!(imported.report().is_valid());
/// assert_eq!(imported.facts().request_number.unwrap().to_string(), "D60501");
/// assert!(imported.to_complete().iter().any(|i| i.path == "/personal_data/recipients"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A report with one issue: `datapass.unknown_document` when the shape is none of these, or
/// what the document's reader refuses (`json.*`, `datapass.invalid`, `datapass.other_form`).
pub fn import(bytes: &[u8], source: Option<Source>) -> Result<Import, ValidationReport> {
    import_with(bytes, source, &Options::default())
}

/// Reads a DataPass document with the given limits; see [`import`].
///
/// # Errors
/// As [`import`].
pub fn import_with(
    bytes: &[u8],
    source: Option<Source>,
    options: &Options,
) -> Result<Import, ValidationReport> {
    let source = match source {
        Some(source) => source,
        None => detect(bytes, options)?,
    };
    Ok(Import::One(match source {
        Source::V2Demande => {
            let demande = Demande::from_json_slice_with(bytes, options)?;
            from_demande(source, &demande, demande.warnings(), None)
        }
        Source::V2Demandes => {
            return Ok(Import::List(
                DemandeList::from_json_slice_with(bytes, options)?
                    .demandes()
                    .iter()
                    .map(|demande| {
                        from_demande(Source::V2Demande, demande, demande.warnings(), None)
                    })
                    .collect(),
            ));
        }
        Source::V2Events => {
            let list = EventList::from_json_slice_with(bytes, options)?;
            let facts = Facts {
                events: Some(
                    list.events()
                        .iter()
                        .map(|e| FactEvent {
                            name: e.name.clone(),
                            created_at: e.created_at,
                        })
                        .collect(),
                ),
                ..Facts::default()
            };
            without_request(source, ValidationReport::new(), facts)
        }
        Source::V2Habilitation => {
            let habilitation = DetailedHabilitation::from_json_slice_with(bytes, options)?;
            let facts = Facts {
                request_number: Some(habilitation.request_number()),
                habilitations: Some(vec![FactHabilitation {
                    number: habilitation.number(),
                    state: habilitation.state(),
                    created_at: habilitation.created_at(),
                }]),
                ..Facts::default()
            };
            with_request(
                source,
                habilitation.to_draft(),
                warnings(habilitation.warnings()),
                facts,
                Carried::Emitted,
            )
        }
        Source::V2Webhook => match Webhook::from_json_slice_with(bytes, options)? {
            Webhook::Event(event) => {
                let mut imported = from_demande(
                    source,
                    event.demande(),
                    event.warnings(),
                    Some(event.event()),
                );
                imported.facts.fired_at = Some(event.fired_at());
                imported
            }
            Webhook::Ping { timestamp } => without_request(
                source,
                ValidationReport::new(),
                Facts {
                    ping: true,
                    timestamp,
                    ..Facts::default()
                },
            ),
        },
        Source::V2Post => {
            let body = NewDemande::from_json_slice_with(bytes, options)?;
            let step = body.build_step();
            let facts = Facts::build_step(step);
            with_request(
                source,
                body.to_draft(),
                body.reading(),
                facts,
                Carried::Post(step),
            )
        }
        Source::V2Patch => {
            let body = DataPatch::from_json_slice_with(bytes, options)?;
            let step = body.build_step();
            let facts = Facts::build_step(step);
            with_request(
                source,
                body.to_draft(),
                body.reading(),
                facts,
                Carried::Patch(step, body.given()),
            )
        }
        Source::V2Errors => without_request(
            source,
            ApiErrors::from_json_slice_with(bytes, options)?.into_report(),
            Facts::default(),
        ),
        Source::V1Enrollment | Source::V1Webhook => {
            let enrollment = if source == Source::V1Enrollment {
                Enrollment::from_json_slice_with(bytes, options)?
            } else {
                Enrollment::from_webhook_json_slice_with(bytes, options)?
            };
            let facts = Facts {
                request_number: Some(enrollment.number()),
                state: Some(enrollment.state()),
                reopening: Some(enrollment.is_reopening()),
                ..Facts::default()
            };
            with_request(
                source,
                enrollment.to_draft(),
                warnings(enrollment.warnings()),
                facts,
                Carried::Emitted,
            )
        }
    }))
}

fn from_demande(
    source: Source,
    demande: &Demande,
    reading: &[Issue],
    event: Option<&str>,
) -> Imported {
    let facts = Facts {
        request_number: Some(demande.number()),
        state: Some(demande.state()),
        reopening: Some(demande.is_reopening()),
        habilitations: Some(
            demande
                .habilitations()
                .iter()
                .map(|h| FactHabilitation {
                    number: h.number,
                    state: h.state,
                    created_at: h.created_at,
                })
                .collect(),
        ),
        event: event.map(str::to_owned),
        ..Facts::default()
    };
    with_request(
        source,
        demande.to_draft(),
        warnings(reading),
        facts,
        Carried::Emitted,
    )
}
