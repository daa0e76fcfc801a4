//! The structural problems a reader reports, with their codes and messages.

use std::borrow::Cow;

use super::kind::Kind;
use crate::codes::Code;
use crate::diagnostic::Description;
use crate::options::DocumentKind;

/// A structural problem: the document cannot be read as its format says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Not well-formed JSON.
    Syntax { line: usize, column: usize },
    /// Not UTF-8.
    Encoding { encoding: &'static str },
    /// Larger than allowed; `found` when the size is known.
    TooLarge { max: usize, found: Option<u64> },
    /// Nested deeper than allowed.
    TooDeep { max: usize },
    /// A value of the wrong JSON type; `None` until the reader knows what it expected.
    InvalidType { expected: Option<Kind> },
    /// A key the format does not have: `field`, under the current path (or the current path
    /// itself when `None`).
    UnknownField { field: Option<String> },
    /// The same key twice in one object.
    DuplicateKey { field: Option<String> },
    /// A key the format requires, missing from the object at the current path.
    MissingField { field: &'static str },
    /// A value of the right JSON type that the format does not accept (a bad number, state,
    /// time, version).
    InvalidValue,
}

impl Problem {
    /// The key this problem names under the path where it was found.
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            Self::UnknownField { field } | Self::DuplicateKey { field } => field.as_deref(),
            Self::MissingField { field } => Some(field),
            Self::Syntax { .. }
            | Self::Encoding { .. }
            | Self::TooLarge { .. }
            | Self::TooDeep { .. }
            | Self::InvalidType { .. }
            | Self::InvalidValue => None,
        }
    }

    /// The code, messages and parameters of this problem in `format`.
    pub(crate) fn describe(&self, format: DocumentKind) -> Description {
        const DOCUMENT: (&str, &str) = ("le document", "the document");
        const VALUE: (&str, &str) = ("cette valeur", "this value");
        const FIELD: (&str, &str) = ("ce champ", "this field");
        let (of_fr, of_en) = format.of();
        match *self {
            Self::Syntax { line, column } => Description::new(
                Code::JsonSyntax,
                DOCUMENT,
                format!("n'est pas du JSON valide (ligne {line}, colonne {column})"),
                format!("is not valid JSON (line {line}, column {column})"),
            )
            .with("line", line)
            .with("column", column),
            Self::Encoding { encoding } => Description::new(
                Code::JsonEncoding,
                DOCUMENT,
                format!("n'est pas encodé en UTF-8 : il est en {encoding}"),
                format!("is not encoded in UTF-8: it is in {encoding}"),
            )
            .with("encoding", encoding),
            Self::TooLarge { max, found } => {
                let d = match found {
                    Some(found) => Description::new(
                        Code::JsonTooLarge,
                        DOCUMENT,
                        format!("dépasse la taille autorisée ({found} octets, {max} au plus)"),
                        format!("exceeds the allowed size ({found} bytes, at most {max})"),
                    ),
                    None => Description::new(
                        Code::JsonTooLarge,
                        DOCUMENT,
                        format!("dépasse la taille autorisée (plus de {max} octets)"),
                        format!("exceeds the allowed size (more than {max} bytes)"),
                    ),
                };
                let d = d.with("max", max);
                match found {
                    Some(found) => d.with("found", found),
                    None => d,
                }
            }
            Self::TooDeep { max } => Description::new(
                Code::JsonTooDeep,
                DOCUMENT,
                format!("imbrique des listes et des objets sur plus de {max} niveaux"),
                format!("nests arrays and objects more than {max} levels deep"),
            )
            .with("max", max),
            Self::InvalidType { expected } => match expected {
                Some(expected) => {
                    let (name, fr, en) = expected.words();
                    Description::new(
                        Code::JsonInvalidType,
                        VALUE,
                        format!("n'a pas le bon type (attendu : {fr})"),
                        format!("has the wrong type (expected: {en})"),
                    )
                    .with("expected", name)
                }
                None => Description::new(
                    Code::JsonInvalidType,
                    VALUE,
                    "n'a pas le bon type",
                    "has the wrong type",
                ),
            },
            Self::UnknownField { .. } => Description::new(
                Code::JsonUnknownField,
                FIELD,
                format!("n'existe pas dans le format {of_fr}"),
                format!("does not exist in {of_en} format"),
            ),
            Self::DuplicateKey { .. } => Description::new(
                Code::JsonDuplicateKey,
                ("cette clé", "this key"),
                "apparaît plusieurs fois dans le même objet JSON",
                "appears more than once in the same JSON object",
            ),
            Self::MissingField { .. } => Description::new(
                Code::JsonMissingField,
                FIELD,
                format!("est obligatoire dans le format {of_fr}"),
                format!("is required in {of_en} format"),
            ),
            Self::InvalidValue => Description::new(
                format.invalid_value(),
                VALUE,
                Cow::Owned(format!("ne respecte pas le format {of_fr}")),
                Cow::Owned(format!("does not fit {of_en} format")),
            ),
        }
    }
}
