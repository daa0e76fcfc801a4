//! [`Finding`]: what reading a DataPass document notes about it, with its code and its French
//! and English sentences: warnings on what DataPass sent, and a document of another form or of
//! no kind the crate reads. DataPass's own sentences (its error bodies, its answer to a key it
//! refuses) are quoted, not written here.

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::request::ContactRole;

/// A finding of the reading of a DataPass document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Finding<'a> {
    /// DataPass marks a contact as an organisation (`<role>_type`), which the crate does not
    /// model.
    #[error("a contact marked as an organisation")]
    NotPerson { role: ContactRole, kind: &'a str },
    /// A document of another form than API Pro Santé Connect.
    #[error("a document of another form")]
    OtherForm {
        found: &'a str,
        expected: &'static str,
    },
    /// A placeholder DataPass's v1 migration wrote for a missing value, read as absent.
    #[error("a migration placeholder, read as absent")]
    Placeholder { placeholder: &'static str },
    /// A field a `POST` body leaves out, which DataPass fills with the form's default.
    #[error("a field DataPass fills with the form's default")]
    FormDefault { value: &'static str },
    /// A key DataPass's API permits for this form, which has no such field.
    #[error("a key the form has no field for")]
    UnreadKey { key: &'a str },
    /// An event name the crate does not know.
    #[error("an unknown event")]
    UnknownEvent { event: &'a str },
    /// A v1 team member of a role the crate does not read.
    #[error("a team member of an unknown role")]
    UnknownTeamRole { kind: &'a str },
    /// A JSON document of none of the DataPass shapes the crate reads.
    #[error("not a DataPass document the crate reads")]
    UnknownDocument,
}

impl Diagnostic for Finding<'_> {
    fn describe(&self) -> Description {
        const NONE: (&str, &str) = ("", "");
        match *self {
            Self::NotPerson { role, kind } => Description::new(
                Code::DataPassNotPerson,
                NONE,
                format!(
                    "DataPass indique que {} est une organisation : la crate ne modélise que des \
                     personnes",
                    role.label_fr()
                ),
                format!(
                    "DataPass marks {} as an organisation: the crate models persons only",
                    role.label_en()
                ),
            )
            .with("type", kind),
            Self::OtherForm { found, expected } => Description::new(
                Code::DataPassOtherForm,
                ("ce document DataPass", "this DataPass document"),
                "concerne un autre formulaire qu'API Pro Santé Connect",
                "is about another form than API Pro Santé Connect",
            )
            .with("found", found)
            .with("expected", expected),
            Self::Placeholder { placeholder } => Description::new(
                Code::DataPassPlaceholder,
                ("DataPass", "DataPass"),
                "a écrit « Non renseigné » à la place d'une valeur manquante (lors de la \
                 migration depuis DataPass v1) : la valeur est lue comme absente",
                "wrote « Non renseigné » in place of a missing value (when it migrated the \
                 request from DataPass v1): the value is read as absent",
            )
            .with("placeholder", placeholder),
            Self::FormDefault { value } => Description::new(
                Code::DataPassDefault,
                ("le corps", "the body"),
                "ne donne pas ce champ : DataPass le remplit avec la valeur par défaut du \
                 formulaire API Pro Santé Connect",
                "does not give this field: DataPass fills it with the API Pro Santé Connect \
                 form's default",
            )
            .with("value", value),
            Self::UnreadKey { key } => Description::new(
                Code::JsonUnknownField,
                ("DataPass", "DataPass"),
                "accepte cette clé, mais le formulaire API Pro Santé Connect n'a pas ce champ : \
                 la crate ne la lit pas",
                "accepts this key, but the API Pro Santé Connect form has no such field: the \
                 crate does not read it",
            )
            .with("key", key),
            Self::UnknownEvent { event } => Description::new(
                Code::DataPassUnknownEvent,
                ("la crate", "the crate"),
                "ne connaît pas cet événement DataPass : il est conservé tel quel",
                "does not know this DataPass event: it is kept as it is",
            )
            .with("event", event),
            Self::UnknownTeamRole { kind } => Description::new(
                Code::JsonUnknownField,
                ("la crate", "the crate"),
                "ne lit pas les membres de l'équipe de ce rôle",
                "does not read team members of this role",
            )
            .with("type", kind),
            Self::UnknownDocument => Description::new(
                Code::DataPassUnknownDocument,
                ("ce document JSON", "this JSON document"),
                "n'est aucun des documents DataPass que la crate lit (demande, liste de \
                 demandes, historique, habilitation, corps de POST ou de PATCH, webhook, réponse \
                 d'erreur de l'API v2 ; demande ou webhook v1)",
                "is none of the DataPass documents the crate reads (v2 demande, list of \
                 demandes, history, habilitation, POST or PATCH body, webhook, API error body; \
                 v1 enrollment or webhook)",
            ),
        }
    }
}
