//! The legal basis (« Le cadre juridique »): the nature of the text, and a URL or documents.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;
use serde_json::{Value, json};

use super::check::{Checker, DataPassCheck, Subject};
use super::datapass_checks::blank;
use super::document::{Document, DocumentDraft, DocumentError, MAX_DOCUMENTS, check_document};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::newtype::string_newtype;
use crate::report::Path;
use crate::text::{LegalNature, TRIM, is_bidi_control};

/// The legal basis: its nature, and a URL or documents.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalBasisDraft {
    /// « Précisez la nature et les références du texte vous autorisant à traiter les données ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    /// « Lien vers le texte relatif au cadre juridique ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The attached documents (PDF, under 10 MiB each, 6 at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<DocumentDraft>>,
}

/// The nature of the usual legal basis of Pro Santé Connect.
pub const PSC_LEGAL_NATURE: &str = "Arrêté du 24 mars 2021";
/// The Légifrance URL of the usual legal basis of Pro Santé Connect.
pub const PSC_LEGAL_URL: &str = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000043290292";
/// The longest URL accepted, in characters.
pub const MAX_URL_CHARS: usize = 2000;

/// The legal basis: a nature and at least one of a URL and documents.
///
/// ```
/// use datapass_psc::request::LegalBasis;
/// let basis = LegalBasis::pro_sante_connect();
/// assert_eq!(basis.nature().as_str(), "Arrêté du 24 mars 2021");
/// assert!(basis.url().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The legal basis (cadre juridique): the nature of the text, and a URL or at least one document."
)]
#[schemars(transform = url_or_documents)]
pub struct LegalBasis {
    /// The nature and references of the text.
    nature: LegalNature,
    /// The link to the text, as given (trimmed).
    #[serde(default)]
    url: Option<LegalBasisUrl>,
    /// The attached documents.
    #[serde(default)]
    #[schemars(length(max = MAX_DOCUMENTS))]
    documents: Vec<Document>,
}

impl LegalBasis {
    /// The usual legal basis of PSC: « Arrêté du 24 mars 2021 » and its Légifrance URL, as
    /// DataPass pre-fills it.
    #[must_use]
    pub fn pro_sante_connect() -> Self {
        Self {
            nature: LegalNature::from_trusted(PSC_LEGAL_NATURE),
            url: Some(LegalBasisUrl(PSC_LEGAL_URL.to_owned())),
            documents: Vec::new(),
        }
    }

    /// The same, as a draft section.
    #[must_use]
    pub fn pro_sante_connect_draft() -> LegalBasisDraft {
        LegalBasisDraft {
            nature: Some(PSC_LEGAL_NATURE.to_owned()),
            url: Some(PSC_LEGAL_URL.to_owned()),
            documents: None,
        }
    }

    /// The nature of the text.
    #[must_use]
    pub fn nature(&self) -> &LegalNature {
        &self.nature
    }

    /// The URL of the text, if given.
    #[must_use]
    pub fn url(&self) -> Option<&LegalBasisUrl> {
        self.url.as_ref()
    }

    /// The attached documents.
    #[must_use]
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }
}

/// The schema's « a URL or at least one document » as two complete shapes, one with the URL, one
/// with documents: every key is typed in each, so strict validators (Ajv) compile it and
/// TypeScript generators give a union of two interfaces, with no index signature.
fn url_or_documents(schema: &mut Schema) {
    let Some(Value::Object(properties)) = schema.remove("properties") else {
        return;
    };
    schema.remove("required");
    schema.remove("additionalProperties");
    let shape = |title: &str, key: &str, property: Value| {
        let mut properties = properties.clone();
        properties.insert(key.to_owned(), property);
        json!({
            "title": title,
            "type": "object",
            "properties": properties,
            "required": ["nature", key],
            "additionalProperties": false,
        })
    };
    // The URL without its `null` branch; the documents with at least one.
    let given = &properties["url"];
    let mut url = given["anyOf"]
        .as_array()
        .and_then(|branches| branches.iter().find(|b| b["type"] != "null"))
        .cloned()
        .unwrap_or_else(|| given.clone());
    url["description"] = given["description"].clone();
    let mut documents = properties["documents"].clone();
    documents["minItems"] = json!(1);
    if let Some(object) = documents.as_object_mut() {
        object.remove("default");
    }
    schema.insert(
        "anyOf".to_owned(),
        json!([
            shape("LegalBasisWithUrl", "url", url),
            shape("LegalBasisWithDocuments", "documents", documents),
        ]),
    );
}

/// The URL of a legal text: absolute `http` or `https` with a host, at most 2,000 characters,
/// kept as given (trimmed), never rewritten.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LegalBasisUrl(String);

/// Why a string is not a valid [`LegalBasisUrl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LegalBasisUrlError {
    /// More than 2,000 characters.
    #[error("url too long: at most {MAX_URL_CHARS} characters, found {found}")]
    TooLong {
        /// Characters found after trimming.
        found: usize,
    },
    /// Not an absolute `http(s)` URL with a host.
    #[error("not an absolute http or https url")]
    Invalid,
}

impl LegalBasisUrl {
    /// The URL as given, trimmed.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for LegalBasisUrl {
    type Err = LegalBasisUrlError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        let found = trimmed.chars().count();
        if found > MAX_URL_CHARS {
            return Err(LegalBasisUrlError::TooLong { found });
        }
        // `url` follows the lenient WHATWG rules (`https:host`, `\\` as `/`, tabs dropped): check
        // the written form first, so that what is stored is what was validated.
        let lower_prefix = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
        let has_scheme =
            lower_prefix.starts_with("http://") || lower_prefix.starts_with("https://");
        let has_bad_char = trimmed
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control() || is_bidi_control(c));
        if !has_scheme || has_bad_char {
            return Err(LegalBasisUrlError::Invalid);
        }
        let url = url::Url::parse(trimmed).map_err(|_| LegalBasisUrlError::Invalid)?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
            return Err(LegalBasisUrlError::Invalid);
        }
        Ok(Self(trimmed.to_owned()))
    }
}

string_newtype!(as_str LegalBasisUrl, LegalBasisUrlError, "an http(s) URL");

impl fmt::Debug for LegalBasisUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LegalBasisUrl({:?})", self.0)
    }
}

impl JsonSchema for LegalBasisUrl {
    fn schema_name() -> Cow<'static, str> {
        "LegalBasisUrl".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^{TRIM}[hH][tT][tT][pP][sS]?://[^\\s\\\\]+{TRIM}$"),
            "description": format!(
                "Absolute http(s) URL of the legal text, at most {MAX_URL_CHARS} characters; \
                 written back trimmed, otherwise as given."
            ),
        })
    }
}

impl Diagnostic for LegalBasisUrlError {
    fn describe(&self) -> Description {
        const SUBJECT: (&str, &str) = (
            "le lien vers le texte relatif au cadre juridique",
            "the link to the legal text",
        );
        match *self {
            Self::TooLong { found } => Description::new(
                Code::LegalBasisUrlInvalid,
                SUBJECT,
                format!(
                    "n'est pas un lien valide : il dépasse {MAX_URL_CHARS} caractères ({found} \
                     caractères)"
                ),
                format!(
                    "is not a valid link: it exceeds {MAX_URL_CHARS} characters ({found} characters)"
                ),
            )
            .with("max", MAX_URL_CHARS)
            .with("found", found),
            Self::Invalid => Description::new(
                Code::LegalBasisUrlInvalid,
                SUBJECT,
                "n'est pas un lien valide : indiquez une adresse complète commençant par https://",
                "is not a valid link: give a full address starting with https://",
            ),
        }
    }
}

/// A legal basis with neither a URL nor a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("neither a url nor a document of the legal text")]
struct ReferenceMissing;

impl Diagnostic for ReferenceMissing {
    fn describe(&self) -> Description {
        Description::new(
            Code::LegalBasisReferenceMissing,
            ("vous", ""),
            "devez joindre l’URL ou le document du texte relatif au traitement",
            "Give the URL of the legal text or attach the document",
        )
    }
}

pub(crate) fn check_legal_basis(
    draft: Option<&LegalBasisDraft>,
    c: &mut Checker,
) -> Option<LegalBasis> {
    let base = Path::ROOT.key("legal_basis");
    let nature = c.parse::<LegalNature>(
        draft.and_then(|d| d.nature.as_deref()),
        &base.key("nature"),
        Subject::new(
            "la nature du cadre juridique",
            "the nature of the legal basis",
        ),
        DataPassCheck::Text,
    );
    let url_raw = draft.and_then(|d| d.url.as_deref());
    // An invalid URL still counts as given; one DataPass sees as blank (HTML only) does not.
    let url_given = url_raw.is_some_and(|u| !blank(u));
    let url = c
        .parse_optional::<LegalBasisUrl>(
            url_raw,
            &base.key("url"),
            Subject::new(
                "le lien vers le texte relatif au cadre juridique",
                "the link to the legal text",
            ),
            DataPassCheck::Url,
        )
        .ok();
    let raw_documents = draft
        .and_then(|d| d.documents.as_deref())
        .unwrap_or_default();
    let before = c.error_count();
    if raw_documents.len() > MAX_DOCUMENTS {
        c.error_at(
            &base.key("documents"),
            &DocumentError::TooMany {
                found: raw_documents.len(),
            },
        );
    }
    let mut documents = Vec::with_capacity(raw_documents.len());
    for (i, doc) in raw_documents.iter().enumerate() {
        if let Some(doc) = check_document(doc, &base.key("documents").index(i), c) {
            documents.push(doc);
        }
    }
    if !url_given && raw_documents.is_empty() {
        c.error_at(&base, &ReferenceMissing);
        return None;
    }
    if !c.is_clean_since(before) {
        return None;
    }
    Some(LegalBasis {
        nature: nature?,
        url: url?,
        documents,
    })
}
