//! [`ApiErrors`]: an error body of DataPass's API, read into the crate's issues, on the crate's
//! fields where DataPass names them.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

use super::keys::{Part, Target, target};
use crate::codes::Code;
use crate::diagnostic::Params;
use crate::json::Readable;
use crate::json::format::{Format, refuse_unknown};
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::request::ContactRole;

/// DataPass's refusals, as issues of the crate: an error body
/// (`{"errors": [{"status", "title", "detail", "source": {"pointer"}}]}`, JSON:API style, as
/// `etalab/data_pass:app/facades/api_errors_facade.rb` and
/// `app/controllers/api/v1_controller.rb` write it) read so that a back-end shows them beside the
/// crate's own. Every issue has origin `datapass` and keeps DataPass's French text as its
/// French message.
///
/// - « Demande invalide », « Demandeur invalide » and « Organisation invalide » carry one
///   `errors.full_messages` sentence each in `detail`, without a pointer. Each sentence starts
///   with the French name of an attribute (`config/locales/activerecord.fr.yml`: « Description
///   du projet », « Email du contact technique »…); the issue lands on the crate's field it
///   names, with the crate's code for what it says (`required` for « doit être rempli(e) »,
///   `email.invalid` for an email that « n'est pas valide », `legal_basis.url_invalid` for « n'est
///   pas un lien valide », `siret.length` and `siret.checksum` for the SIRET validator's two
///   sentences…; `datapass.refused` for anything else), and the attribute in `params`. A
///   sentence the crate cannot place stays at the root.
/// - « Clé invalide » names a `data` key the form does not have (`/data/<key>`): a root issue
///   with the key in `params`.
/// - The code follows the HTTP status: `datapass.refused` for 422 (and any other status without
///   a code of its own), `datapass.bad_request` (400, a missing parameter: `/applicant` lands on
///   `/contacts/applicant`), `datapass.unauthorized` (401; its `headers/Authorization` is no
///   JSON Pointer: a root issue), `datapass.forbidden` (403), `datapass.not_found` (404).
///
/// ```
/// use datapass_psc::datapass::ApiErrors;
/// let body = r#"{"errors": [
///   {"status": "422", "title": "Demande invalide",
///    "detail": "Email du contact technique n'est pas valide"},
///   {"status": "422", "title": "Clé invalide",
///    "detail": "La clé « contact_technique_fax » n’existe pas pour ce type de demande.",
///    "source": {"pointer": "/data/contact_technique_fax"}}]}"#;
/// let errors = ApiErrors::from_json_slice(body.as_bytes())?;
/// let [email, key] = errors.issues() else { unreachable!() };
/// assert_eq!((email.code.as_str(), email.path.as_str()), ("email.invalid", "/contacts/technical_contact/email"));
/// assert_eq!(email.message_fr, "Email du contact technique n'est pas valide");
/// assert_eq!((key.code.as_str(), key.path.as_str()), ("datapass.refused", ""));
/// assert_eq!(key.params["key"], "contact_technique_fax");
/// # Ok::<(), datapass_psc::ValidationReport>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErrors {
    issues: Vec<Issue>,
}

impl ApiErrors {
    crate::json::readers! {
        /// Reads an error body of DataPass's API.
        ///
        /// # Errors
        /// A report with one issue, `json.*`, when the body is not an error body (not JSON, no
        /// `errors` array, a key the JSON:API error object does not have).
    }

    /// The refusals, one issue each, in DataPass's order.
    #[must_use]
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The refusals as a report (each an error), to merge with the crate's own.
    #[must_use]
    pub fn into_report(self) -> ValidationReport {
        let mut report = ValidationReport::new();
        for issue in self.issues {
            report.push_error(issue);
        }
        report
    }
}

/// The JSON:API error body.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "DataPassApiErrors",
    description = "An error body of DataPass's API (JSON:API): every error with its HTTP status, title, detail and, for some, a pointer."
)]
pub(crate) struct ErrorsWire {
    errors: Vec<ErrorWire>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DataPassApiError")]
struct ErrorWire {
    /// The HTTP status, as a string (`"422"`) or a number.
    #[serde(default)]
    status: Option<Status>,
    /// « Clé invalide », « Demande invalide »…
    #[serde(default)]
    title: Option<String>,
    /// DataPass's French text.
    #[serde(default)]
    detail: Option<String>,
    #[serde(default)]
    source: Option<SourceWire>,
    #[serde(default)]
    code: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DataPassApiErrorSource")]
struct SourceWire {
    #[serde(default)]
    pointer: Option<String>,
    #[serde(default)]
    parameter: Option<String>,
}

/// An HTTP status, written as JSON:API writes it (a string) or as a number.
#[derive(JsonSchema)]
#[schemars(with = "serde_json::Value")]
struct Status(String);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl Visitor<'_> for StatusVisitor {
            type Value = Status;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an HTTP status")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Status, E> {
                Ok(Status(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Status, E> {
                Ok(Status(v.to_owned()))
            }
        }
        deserializer.deserialize_any(StatusVisitor)
    }
}

/// The code of an error of `status`.
fn status_code(status: Option<&str>) -> Code {
    match status.map(str::trim) {
        Some("400") => Code::DataPassBadRequest,
        Some("401") => Code::DataPassUnauthorized,
        Some("403") => Code::DataPassForbidden,
        Some("404") => Code::DataPassNotFound,
        _ => Code::DataPassRefused,
    }
}

/// The crate's path for a pointer of DataPass's API, or `None` for the root: `/data/<key>` of a
/// form field, `/applicant` and its fields, `/organization` and its SIRET, each possibly under
/// `/demande`. A pointer that names no field of the crate (`headers/Authorization`, an unknown
/// `data` key, `/applicant/x`) gives the root.
fn crate_path(pointer: &str) -> Option<String> {
    let mut rest = pointer;
    // A loop, not recursion: a hostile pointer may repeat `/demande` thousands of times.
    while let Some(inner) = rest.strip_prefix("/demande").filter(|r| r.starts_with('/')) {
        rest = inner;
    }
    if let Some(key) = rest.strip_prefix("/data/") {
        return target(key).and_then(Target::path);
    }
    match rest {
        "/applicant" => Some("/contacts/applicant".to_owned()),
        "/organization" | "/organisation" => Some("/organization".to_owned()),
        "/organization/siret" | "/organisation/siret" => Some("/organization/siret".to_owned()),
        _ => {
            let part = match rest.strip_prefix("/applicant/")? {
                "email" => Part::Email,
                "given_name" => Part::GivenName,
                "family_name" => Part::FamilyName,
                "job_title" => Part::JobTitle,
                "phone_number" => Part::Phone,
                _ => return None,
            };
            Target::Contact(ContactRole::Applicant, part).path()
        }
    }
}

/// DataPass's French names of a contact's fields and of the contacts
/// (`etalab/data_pass:config/locales/activerecord.fr.yml`).
const PART_NAMES: [(Part, &str); 5] = [
    (Part::GivenName, "Prénom"),
    (Part::FamilyName, "Nom de famille"),
    (Part::Email, "Email"),
    (Part::Phone, "Téléphone"),
    (Part::JobTitle, "Fonction"),
];
const ROLE_NAMES: [(ContactRole, &str); 3] = [
    (ContactRole::TechnicalContact, "du contact technique"),
    (ContactRole::DataController, "du responsable de traitement"),
    (
        ContactRole::DataProtectionOfficer,
        "du délégué à la protection des données",
    ),
];

/// The French names of the other attributes a full message may start with, per error title,
/// and the crate's path of each.
const REQUEST_ATTRIBUTES: [(&str, &str); 6] = [
    ("Nom du projet", "/project/name"),
    ("Description du projet", "/project/description"),
    ("Nature du cadre juridique", "/legal_basis/nature"),
    (
        "Lien vers le texte relatif au cadre juridique",
        "/legal_basis/url",
    ),
    (
        "Document associé au cadre juridique",
        "/legal_basis/documents",
    ),
    ("Les données", "/scopes"),
];
/// The applicant is DataPass's `User` (`app/models/user.rb`).
const USER_ATTRIBUTES: [(&str, &str); 3] = [
    ("Email", "/contacts/applicant/email"),
    ("Poste occupé", "/contacts/applicant/job_title"),
    ("Numéro de téléphone", "/contacts/applicant/phone"),
];
/// The organisation's SIRET is its `legal_entity_id` (`app/models/organization.rb`), which has
/// no French name: Rails writes « Legal entity ».
const ORGANIZATION_ATTRIBUTES: [(&str, &str); 2] = [
    ("Legal entity", "/organization/siret"),
    ("Numéro de SIRET", "/organization/siret"),
];

/// The attribute a full message starts with, as (its French name, the crate's path, what follows).
fn attribute<'m>(title: &str, message: &'m str) -> Option<(String, String, &'m str)> {
    let after = |name: &str| {
        message
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
    };
    let fixed = |table: &[(&str, &str)]| {
        table.iter().find_map(|(name, path)| {
            after(name).map(|rest| ((*name).to_owned(), (*path).to_owned(), rest))
        })
    };
    match title {
        "Demandeur invalide" => fixed(&USER_ATTRIBUTES),
        "Organisation invalide" => fixed(&ORGANIZATION_ATTRIBUTES),
        _ => fixed(&REQUEST_ATTRIBUTES).or_else(|| {
            ROLE_NAMES.iter().find_map(|(role, of)| {
                PART_NAMES.iter().find_map(|(part, name)| {
                    let full = format!("{name} {of}");
                    let rest = after(&full)?;
                    let path = Target::Contact(*role, *part).path()?;
                    Some((full, path, rest))
                })
            })
        }),
    }
}

/// The crate's code for what a full message says of the attribute at `path`.
fn predicate_code(path: &str, predicate: &str) -> Code {
    let predicate = predicate.trim_end_matches('.');
    if predicate.starts_with("doit être rempli") {
        return if path == "/legal_basis/url" || path == "/legal_basis/documents" {
            // DataPass writes « doit être rempli(e) » on both when neither is given.
            Code::LegalBasisReferenceMissing
        } else {
            Code::Required
        };
    }
    if path == "/scopes" && predicate.starts_with("ne sont pas cochées") {
        return Code::ScopesEmpty;
    }
    if path == "/organization/siret" {
        if predicate.starts_with("ne possède pas 14 chiffres") {
            return Code::SiretLength;
        }
        if predicate.starts_with("ne respecte pas la formule de Luhn") {
            return Code::SiretChecksum;
        }
    }
    if path == "/legal_basis/url" && predicate.starts_with("n'est pas un lien valide") {
        return Code::LegalBasisUrlInvalid;
    }
    if path.ends_with("/email") && predicate == "n'est pas valide" {
        return Code::EmailInvalid;
    }
    if path == "/legal_basis/documents" {
        if predicate.contains("trop de fichiers") {
            return Code::DocumentTooMany;
        }
        if predicate.contains("type de contenu") || predicate.contains("format") {
            return Code::DocumentMediaType;
        }
        if predicate.contains("taille") {
            return Code::DocumentTooLarge;
        }
    }
    Code::DataPassRefused
}

/// Where a code the crate checks on the legal basis as a whole lands.
fn landing(code: Code, path: String) -> String {
    match code {
        Code::LegalBasisReferenceMissing => "/legal_basis".to_owned(),
        _ => path,
    }
}

/// The title of DataPass's answer to a `data` key the form does not have.
const INVALID_KEY: &str = "Clé invalide";

/// The base error of DataPass's model about the terms of service (`all_terms_not_accepted`).
const TERMS_NOT_ACCEPTED: &str = "Vous devez acceptez les conditions générales avant de continuer";

/// An error body: the crate's format for reading it is strict (JSON:API fixes its keys).
static API_ERRORS_FORMAT: Format = Format::datapass(refuse_unknown);

impl ErrorWire {
    fn into_issue(self) -> Issue {
        let pointer = self.source.and_then(|s| s.pointer.or(s.parameter));
        let status = self.status.map(|s| s.0);
        let title = self.title.unwrap_or_default();
        let text = self
            .detail
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| title.clone());
        let mut code = status_code(status.as_deref());
        let mut path = String::new();
        let mut params = Params::new();
        if let Some(status) = &status {
            params.insert("status", status.clone());
        }
        params.insert("title", title.clone());
        if let Some(pointer) = &pointer {
            params.insert("pointer", pointer.clone());
            match pointer.strip_prefix("/data/") {
                // « Clé invalide » names a key the form does not have, not a field.
                Some(key) if title == INVALID_KEY || target(key).is_none() => {
                    params.insert("key", key.to_owned());
                }
                _ => path = crate_path(pointer).unwrap_or_default(),
            }
        } else if code == Code::DataPassRefused {
            let message = text.trim();
            if message.trim_end_matches('.') == TERMS_NOT_ACCEPTED {
                code = Code::TermsNotAccepted;
                "/terms_accepted".clone_into(&mut path);
            } else if let Some((name, field, predicate)) = attribute(&title, message) {
                code = predicate_code(&field, predicate);
                path = landing(code, field);
                params.insert("attribute", name);
            }
        }
        if let Some(datapass_code) = self.code {
            params.insert("datapass_code", datapass_code);
        }
        let status = status.map(|s| format!(" (HTTP {s})")).unwrap_or_default();
        let (fr, en) = if text.trim().is_empty() {
            // An error without title nor detail: say at least that DataPass refused.
            (
                format!("DataPass a refusé la requête{status}"),
                format!("DataPass refused the request{status}"),
            )
        } else {
            (
                text.clone(),
                format!("DataPass refused this{status}: {text}"),
            )
        };
        // DataPass's answer is DataPass's, whatever the crate's rule for the field.
        Issue::quoting_datapass(code, path, fr, en, params)
    }
}

impl Readable for ApiErrors {
    type Wire = ErrorsWire;

    const FORMAT: &'static Format = &API_ERRORS_FORMAT;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ErrorsWire, D::Error> {
        ErrorsWire::deserialize(deserializer)
    }

    fn finish(wire: ErrorsWire, _: &Options) -> Result<Self, Issue> {
        Ok(Self {
            issues: wire.errors.into_iter().map(ErrorWire::into_issue).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::crate_path;

    #[test]
    fn pointers_name_a_field_or_the_root() {
        assert_eq!(
            crate_path("/applicant").as_deref(),
            Some("/contacts/applicant")
        );
        assert_eq!(
            crate_path("/demande/applicant/phone_number").as_deref(),
            Some("/contacts/applicant/phone")
        );
        assert_eq!(crate_path("/applicant/~"), None);
        assert_eq!(crate_path("/applicant/x"), None);
        assert_eq!(crate_path("headers/Authorization"), None);
        assert_eq!(
            crate_path("/data/contact_technique_email").as_deref(),
            Some("/contacts/technical_contact/email")
        );
        assert_eq!(crate_path("/data/contact_technique_type"), None);
    }

    #[test]
    fn a_pointer_repeating_demande_is_read_without_recursion() {
        let pointer = format!("{}/organization/siret", "/demande".repeat(20_000));
        let path = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || crate_path(&pointer))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(path.as_deref(), Some("/organization/siret"));
    }
}
