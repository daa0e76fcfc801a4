//! Who asks: the answer to « Qui êtes-vous ? ».

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::vocabulary::{UnknownWord, vocabulary};

/// The question asked before the choices, in French, as on api.gouv.fr (without its bold markup).
pub const QUESTION_FR: &str = "Vérifions si vous êtes éligible. Qui êtes-vous :";

/// The question asked before the choices, in English.
pub const QUESTION_EN: &str = "Let's check whether you are eligible. Who are you:";

vocabulary! {
    /// Who is asking for access: the answer to « Qui êtes-vous ? » (api.gouv.fr's four options).
    ///
    /// In JSON and in [`FromStr`](std::str::FromStr), the snake_case code
    /// (`"public_administration"`).
    ///
    /// ```
    /// use datapass_psc::eligibility::RequesterKind;
    /// let kind: RequesterKind = "software_editor".parse()?;
    /// assert_eq!(kind, RequesterKind::SoftwareEditor);
    /// assert_eq!(kind.label_fr(), "Un éditeur de logiciels");
    /// # Ok::<(), datapass_psc::eligibility::RequesterKindError>(())
    /// ```
    pub enum RequesterKind: "requester kind", error: RequesterKindError {
        labels {
            /// The option's label on api.gouv.fr (« Un éditeur de logiciels »).
            pub fn label_fr;
            /// The option's label in English ("A software editor").
            pub fn label_en;
            /// The text api.gouv.fr shows for this kind, in French, quoted as published.
            pub fn message_fr;
            /// The text shown for this kind, in English (this crate's translation).
            pub fn message_en;
        }
        variants {
            /// A private person (« Un particulier »): never eligible.
            Individual = "individual" {
                label_fr: "Un particulier",
                label_en: "A private individual",
                message_fr: "Seules les administrations et les éditeurs de logiciels sont habilitées à \
                             utiliser l'API Pro Santé Connect ou intégrer le bouton Pro Santé Connect.",
                message_en: "Only administrations and software editors are authorised to use the API \
                             Pro Santé Connect or to integrate the Pro Santé Connect button.",
            },
            /// A company (« Une entreprise »): maybe eligible, if it is a French software editor
            /// offering a web solution addressed to health professionals.
            Company = "company" {
                label_fr: "Une entreprise",
                label_en: "A company",
                message_fr: "Seuls les éditeurs de logiciels français proposant une solution web \
                             adressée aux professionnels de santé peuvent demander à se raccorder à Pro \
                             Santé Connect.",
                message_en: "Only French software editors offering a web solution addressed to health \
                             professionals can apply to connect to Pro Santé Connect.",
            },
            /// A local authority or an administration (« Une collectivité ou une administration »):
            /// eligible.
            PublicAdministration = "public_administration" {
                label_fr: "Une collectivité ou une administration",
                label_en: "A local authority or an administration",
                message_fr: "Vous pouvez réaliser une demande d'habilitation à l'API.",
                message_en: "You can submit an authorization request (demande d'habilitation) for \
                             the API.",
            },
            /// A software editor (« Un éditeur de logiciels »): maybe eligible, on the same
            /// conditions as a company.
            SoftwareEditor = "software_editor" {
                label_fr: "Un éditeur de logiciels",
                label_en: "A software editor",
                message_fr: "Tout éditeur français proposant une solution web adressée aux \
                             professionnels de santé et qui souhaite pouvoir authentifier des \
                             professionnels de santé peut demander à se raccorder à Pro Santé Connect.",
                message_en: "Any French editor offering a web solution addressed to health \
                             professionals and wishing to authenticate health professionals can apply \
                             to connect to Pro Santé Connect.",
            },
        }
    }
}

impl RequesterKind {
    /// Whether the outcome depends on the answers to the
    /// [`Condition`](super::Condition)s: true for a company and a software editor, false for an
    /// individual (never eligible) and a public administration (always eligible).
    #[must_use]
    pub const fn has_conditions(self) -> bool {
        matches!(self, Self::Company | Self::SoftwareEditor)
    }
}

/// Why a string is not a [`RequesterKind`]. The message never quotes the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequesterKindError {
    /// Not one of the four codes.
    #[error(
        "unknown requester kind: expected individual, company, public_administration or \
         software_editor"
    )]
    Unknown,
}

impl From<UnknownWord> for RequesterKindError {
    fn from(_: UnknownWord) -> Self {
        Self::Unknown
    }
}

impl Diagnostic for RequesterKindError {
    fn describe(&self) -> Description {
        match self {
            Self::Unknown => Description::new(
                Code::EligibilityUnknownRequester,
                ("le type de demandeur", "the requester kind"),
                "n'est pas reconnu (valeurs possibles : individual, company, \
                 public_administration, software_editor)",
                "is not recognised (possible values: individual, company, public_administration, \
                 software_editor)",
            )
            .with("expected", RequesterKind::WIRE.to_vec()),
        }
    }
}
