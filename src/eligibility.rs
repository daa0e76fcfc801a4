//! Eligibility: the « Qui êtes-vous ? » questionnaire shown before a request is filled in.
//!
//! Before the form, the requester says who they are ([`RequesterKind`]). The answer gives one of
//! three [`Outcome`]s: eligible, maybe eligible, not eligible. A company or a software editor is
//! eligible only if three [`Condition`]s hold (a **French** software editor, offering a **web**
//! solution, **addressed to health professionals**); this crate lets the requester answer them
//! ([`EligibilityAnswers`]) and [`decide`]s:
//!
//! | Requester kind | Answers | Outcome | Unmet conditions named |
//! |---|---|---|---|
//! | `individual` | ignored | `not_eligible` | none |
//! | `public_administration` | ignored | `eligible` | none |
//! | `company`, `software_editor` | all three true | `eligible` | none |
//! | `company`, `software_editor` | at least one false | `not_eligible` | those answered false |
//! | `company`, `software_editor` | none false, at least one unanswered | `maybe_eligible` | those left unanswered |
//!
//! With no answer at all, a company or an editor is `maybe_eligible` with the three conditions,
//! as on api.gouv.fr. Eligible and maybe-eligible decisions list what the form will ask for
//! ([`NeededItem`], « Pour remplir votre demande, vous aurez besoin : »).
//!
//! # Which questionnaire
//!
//! Two versions exist. This module follows the **four-option** one published on api.gouv.fr
//! (`betagouv/api.gouv.fr:_data/api/api-pro-sante-connect.md`): « Un particulier », « Une
//! entreprise », « Une collectivité ou une administration », « Un éditeur de logiciels ». DataPass
//! v2 (`etalab/data_pass:db/data/eligibility_rules.yml`) offers three options and folds editors
//! into « Une entreprise ou une association ». The French headings and messages are quoted
//! exactly as api.gouv.fr publishes them (including « habilitées »); the English texts are this
//! crate's translations.
//!
//! # What the decision is worth
//!
//! DataPass uses the questionnaire as a UI gate only: it never stores the answer and never checks
//! it later, and no server-side rule restricts API Pro Santé Connect by legal category or by
//! "editor" status. The ANS instructors check the conditions by hand when they instruct the
//! request. An `eligible` company or editor is eligible on its own answers: the decision is
//! guidance for the requester, not a part of the request.
//!
//! ```
//! use datapass_psc::eligibility::{Condition, Outcome};
//! use datapass_psc::{EligibilityAnswers, RequesterKind};
//!
//! let answers = EligibilityAnswers::new(RequesterKind::Company)
//!     .with_answer(Condition::FrenchOrganisation, true)
//!     .with_answer(Condition::OffersWebSolution, true);
//! let decision = answers.decide();
//! assert_eq!(decision.outcome(), Outcome::MaybeEligible);
//! assert_eq!(
//!     decision.unmet_conditions(),
//!     [Condition::AddressedToHealthProfessionals]
//! );
//! assert_eq!(decision.heading_fr(), "Vous êtes peut-être éligible 🧐");
//! assert_eq!(decision.needed().len(), 5);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, params};

/// The question asked before the choices, in French, as on api.gouv.fr (without its bold markup).
pub const QUESTION_FR: &str = "Vérifions si vous êtes éligible. Qui êtes-vous :";

/// The question asked before the choices, in English.
pub const QUESTION_EN: &str = "Let's check whether you are eligible. Who are you:";

/// Who is asking for access: the answer to « Qui êtes-vous ? ».
///
/// In JSON, the snake_case code (`"public_administration"`); [`FromStr`] also accepts the
/// kebab-case form used on the command line (`"public-administration"`).
///
/// ```
/// use datapass_psc::RequesterKind;
/// let kind: RequesterKind = "software-editor".parse()?;
/// assert_eq!(kind, RequesterKind::SoftwareEditor);
/// assert_eq!(kind.as_str(), "software_editor");
/// assert_eq!(kind.label_fr(), "Un éditeur de logiciels");
/// # Ok::<(), datapass_psc::RequesterKindError>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    description = "Who is asking for access: the answer to « Qui êtes-vous ? » (api.gouv.fr's \
                   four options)."
)]
pub enum RequesterKind {
    /// A private person (« Un particulier »): never eligible.
    Individual,
    /// A company (« Une entreprise »): maybe eligible, if it is a French software editor
    /// offering a web solution addressed to health professionals.
    Company,
    /// A local authority or an administration (« Une collectivité ou une administration »):
    /// eligible.
    PublicAdministration,
    /// A software editor (« Un éditeur de logiciels »): maybe eligible, on the same conditions
    /// as a company.
    SoftwareEditor,
}

impl RequesterKind {
    /// Every kind, in the order api.gouv.fr lists them.
    pub const ALL: [Self; 4] = [
        Self::Individual,
        Self::Company,
        Self::PublicAdministration,
        Self::SoftwareEditor,
    ];

    /// The JSON code: `individual`, `company`, `public_administration`, `software_editor`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Individual => "individual",
            Self::Company => "company",
            Self::PublicAdministration => "public_administration",
            Self::SoftwareEditor => "software_editor",
        }
    }

    /// The option's label on api.gouv.fr: « Un particulier », « Une entreprise », « Une
    /// collectivité ou une administration », « Un éditeur de logiciels ».
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::Individual => "Un particulier",
            Self::Company => "Une entreprise",
            Self::PublicAdministration => "Une collectivité ou une administration",
            Self::SoftwareEditor => "Un éditeur de logiciels",
        }
    }

    /// The option's label in English: "A private individual", "A company", "A local authority
    /// or an administration", "A software editor".
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            Self::Individual => "A private individual",
            Self::Company => "A company",
            Self::PublicAdministration => "A local authority or an administration",
            Self::SoftwareEditor => "A software editor",
        }
    }

    /// Whether the outcome depends on the answers to the [`Condition`]s: true for a company and
    /// a software editor, false for an individual (never eligible) and a public administration
    /// (always eligible).
    #[must_use]
    pub const fn has_conditions(self) -> bool {
        matches!(self, Self::Company | Self::SoftwareEditor)
    }

    /// The text api.gouv.fr shows for this kind, in French, quoted as published.
    #[must_use]
    pub const fn message_fr(self) -> &'static str {
        match self {
            Self::Individual => {
                "Seules les administrations et les éditeurs de logiciels sont habilitées à \
                 utiliser l'API Pro Santé Connect ou intégrer le bouton Pro Santé Connect."
            }
            Self::Company => {
                "Seuls les éditeurs de logiciels français proposant une solution web adressée \
                 aux professionnels de santé peuvent demander à se raccorder à Pro Santé Connect."
            }
            Self::PublicAdministration => {
                "Vous pouvez réaliser une demande d'habilitation à l'API."
            }
            Self::SoftwareEditor => {
                "Tout éditeur français proposant une solution web adressée aux professionnels de \
                 santé et qui souhaite pouvoir authentifier des professionnels de santé peut \
                 demander à se raccorder à Pro Santé Connect."
            }
        }
    }

    /// The text shown for this kind, in English (this crate's translation of
    /// [`message_fr`](Self::message_fr)).
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        match self {
            Self::Individual => {
                "Only administrations and software editors are authorised to use the API Pro \
                 Santé Connect or to integrate the Pro Santé Connect button."
            }
            Self::Company => {
                "Only French software editors offering a web solution addressed to health \
                 professionals can apply to connect to Pro Santé Connect."
            }
            Self::PublicAdministration => {
                "You can submit an authorization request (demande d'habilitation) for the API."
            }
            Self::SoftwareEditor => {
                "Any French editor offering a web solution addressed to health professionals and \
                 wishing to authenticate health professionals can apply to connect to Pro Santé \
                 Connect."
            }
        }
    }
}

impl fmt::Display for RequesterKind {
    /// Writes the JSON code (`public_administration`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RequesterKind {
    type Err = RequesterKindError;

    /// Parses the JSON code (`public_administration`) or its kebab-case form
    /// (`public-administration`). Case and surrounding spaces matter: `"Company"` and
    /// `" company"` are rejected.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let snake_case = input.replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == snake_case)
            .ok_or_else(|| RequesterKindError::Unknown {
                found: input.to_owned(),
            })
    }
}

impl TryFrom<&str> for RequesterKind {
    type Error = RequesterKindError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        value.parse()
    }
}

/// Why a string is not a [`RequesterKind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequesterKindError {
    /// Not one of the four codes, in snake_case or kebab-case.
    #[error(
        "unknown requester kind {found:?}: expected individual, company, \
         public_administration or software_editor"
    )]
    Unknown {
        /// The input as given (a code, never personal data).
        found: String,
    },
}

impl Diagnostic for RequesterKindError {
    fn code(&self) -> &'static str {
        match self {
            Self::Unknown { .. } => "eligibility.unknown_requester",
        }
    }

    fn subject_fr(&self) -> &'static str {
        "le type de demandeur"
    }

    fn subject_en(&self) -> &'static str {
        "the requester kind"
    }

    fn predicate_fr(&self) -> String {
        match self {
            Self::Unknown { .. } => "n'est pas reconnu (valeurs possibles : individual, company, \
                                     public_administration, software_editor)"
                .to_owned(),
        }
    }

    fn predicate_en(&self) -> String {
        match self {
            Self::Unknown { .. } => "is not recognised (possible values: individual, company, \
                                     public_administration, software_editor)"
                .to_owned(),
        }
    }

    fn params(&self) -> serde_json::Map<String, Value> {
        let expected: Vec<&str> = RequesterKind::ALL.iter().map(|k| k.as_str()).collect();
        params([("expected", json!(expected))])
    }
}

/// One of the three conditions a company or a software editor must meet.
///
/// From the api.gouv.fr wording « Seuls les éditeurs de logiciels **français** proposant une
/// solution **web** adressée **aux professionnels de santé** … ». Only the instructors can
/// confirm them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Being a French software editor (« éditeurs de logiciels français », « Tout éditeur
    /// français »).
    FrenchOrganisation,
    /// Offering a web solution (« proposant une solution web »).
    OffersWebSolution,
    /// The solution is addressed to health professionals (« adressée aux professionnels de
    /// santé »).
    AddressedToHealthProfessionals,
}

impl Condition {
    /// Every condition, in the order of the api.gouv.fr sentence; decisions name unmet
    /// conditions in this order.
    pub const ALL: [Self; 3] = [
        Self::FrenchOrganisation,
        Self::OffersWebSolution,
        Self::AddressedToHealthProfessionals,
    ];

    /// The JSON code: `french_organisation`, `offers_web_solution`,
    /// `addressed_to_health_professionals`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::FrenchOrganisation => "french_organisation",
            Self::OffersWebSolution => "offers_web_solution",
            Self::AddressedToHealthProfessionals => "addressed_to_health_professionals",
        }
    }

    /// The condition in French, as what the requester must do: « être un éditeur de logiciels
    /// français », « proposer une solution web », « proposer une solution adressée aux
    /// professionnels de santé ».
    #[must_use]
    pub const fn text_fr(self) -> &'static str {
        match self {
            Self::FrenchOrganisation => "être un éditeur de logiciels français",
            Self::OffersWebSolution => "proposer une solution web",
            Self::AddressedToHealthProfessionals => {
                "proposer une solution adressée aux professionnels de santé"
            }
        }
    }

    /// The condition in English: "be a French software editor", "offer a web solution", "offer
    /// a solution addressed to health professionals".
    #[must_use]
    pub const fn text_en(self) -> &'static str {
        match self {
            Self::FrenchOrganisation => "be a French software editor",
            Self::OffersWebSolution => "offer a web solution",
            Self::AddressedToHealthProfessionals => {
                "offer a solution addressed to health professionals"
            }
        }
    }
}

impl fmt::Display for Condition {
    /// Writes the JSON code (`offers_web_solution`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answers to the questionnaire: who is asking and, optionally, whether each [`Condition`]
/// holds (`None`: not answered).
///
/// Every combination is valid, so the fields are public. The answers to the conditions matter
/// only for a company and a software editor ([`RequesterKind::has_conditions`]).
///
/// In JSON: `{"requester": "company", "french": true, "web_solution": null}`. A missing or
/// `null` answer is unanswered; unknown keys are rejected. Serialized, every key is present.
///
/// ```
/// use datapass_psc::eligibility::Outcome;
/// use datapass_psc::{EligibilityAnswers, RequesterKind};
///
/// let answers: EligibilityAnswers =
///     serde_json::from_str(r#"{"requester": "software_editor", "web_solution": false}"#)?;
/// assert_eq!(answers.requester, RequesterKind::SoftwareEditor);
/// assert_eq!(answers.web_solution, Some(false));
/// assert_eq!(answers.french, None);
/// assert_eq!(answers.decide().outcome(), Outcome::NotEligible);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The answers to the API Pro Santé Connect eligibility questionnaire: who is \
                   asking and, for a company or a software editor, whether each condition holds \
                   (true, false, or null or absent when not answered)."
)]
pub struct EligibilityAnswers {
    /// Who is asking.
    pub requester: RequesterKind,
    /// Whether the requester is a French software editor ([`Condition::FrenchOrganisation`]);
    /// `null` or absent: not answered.
    #[serde(default)]
    #[schemars(
        description = "Whether the requester is a French software editor (condition \
                       french_organisation); null or absent: not answered."
    )]
    pub french: Option<bool>,
    /// Whether the requester offers a web solution ([`Condition::OffersWebSolution`]); `null`
    /// or absent: not answered.
    #[serde(default)]
    #[schemars(
        description = "Whether the requester offers a web solution (condition \
                       offers_web_solution); null or absent: not answered."
    )]
    pub web_solution: Option<bool>,
    /// Whether the solution is addressed to health professionals
    /// ([`Condition::AddressedToHealthProfessionals`]); `null` or absent: not answered.
    #[serde(default)]
    #[schemars(
        description = "Whether the solution is addressed to health professionals (condition \
                       addressed_to_health_professionals); null or absent: not answered."
    )]
    pub health_professionals: Option<bool>,
}

impl EligibilityAnswers {
    /// Answers for `requester`, with every condition unanswered.
    #[must_use]
    pub const fn new(requester: RequesterKind) -> Self {
        Self {
            requester,
            french: None,
            web_solution: None,
            health_professionals: None,
        }
    }

    /// These answers, with `condition` answered `holds`.
    #[must_use]
    pub const fn with_answer(mut self, condition: Condition, holds: bool) -> Self {
        *self.answer_mut(condition) = Some(holds);
        self
    }

    /// The answer given for `condition` (`None`: not answered).
    #[must_use]
    pub const fn answer(&self, condition: Condition) -> Option<bool> {
        match condition {
            Condition::FrenchOrganisation => self.french,
            Condition::OffersWebSolution => self.web_solution,
            Condition::AddressedToHealthProfessionals => self.health_professionals,
        }
    }

    /// The answer for `condition`, to change it.
    pub const fn answer_mut(&mut self, condition: Condition) -> &mut Option<bool> {
        match condition {
            Condition::FrenchOrganisation => &mut self.french,
            Condition::OffersWebSolution => &mut self.web_solution,
            Condition::AddressedToHealthProfessionals => &mut self.health_professionals,
        }
    }

    /// The decision for these answers; same as [`decide`].
    #[must_use]
    pub fn decide(&self) -> EligibilityDecision {
        decide(self)
    }
}

impl<'de> Deserialize<'de> for EligibilityAnswers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let AnswersWire {
            requester,
            french,
            web_solution,
            health_professionals,
        } = from_object(deserializer)?;
        Ok(Self {
            requester,
            french,
            web_solution,
            health_professionals,
        })
    }
}

/// The derived deserializer of [`EligibilityAnswers`], used through [`from_object`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersWire {
    requester: RequesterKind,
    #[serde(default)]
    french: Option<bool>,
    #[serde(default)]
    web_solution: Option<bool>,
    #[serde(default)]
    health_professionals: Option<bool>,
}

impl From<RequesterKind> for EligibilityAnswers {
    /// Same as [`EligibilityAnswers::new`]: every condition unanswered.
    fn from(requester: RequesterKind) -> Self {
        Self::new(requester)
    }
}

/// The result of the questionnaire.
///
/// The JSON codes are those of DataPass v2 with words: `eligible` (DataPass `yes`, api.gouv.fr
/// `is_eligible: 1`), `maybe_eligible` (`maybe`, `0`), `not_eligible` (`no`, `-1`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The requester can apply (« Vous êtes éligible 👌 »).
    Eligible,
    /// The requester can apply if the conditions hold; the instructors will check them (« Vous
    /// êtes peut-être éligible 🧐 »).
    MaybeEligible,
    /// The requester cannot apply (« Désolé, vous n’êtes pas éligible 🚫 »).
    NotEligible,
}

impl Outcome {
    /// Every outcome, from the best to the worst.
    pub const ALL: [Self; 3] = [Self::Eligible, Self::MaybeEligible, Self::NotEligible];

    /// The JSON code: `eligible`, `maybe_eligible`, `not_eligible`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Eligible => "eligible",
            Self::MaybeEligible => "maybe_eligible",
            Self::NotEligible => "not_eligible",
        }
    }

    /// Whether the requester may go on to the form: true for eligible and maybe eligible (both
    /// show the « Remplir une demande » button), false for not eligible.
    #[must_use]
    pub const fn can_apply(self) -> bool {
        !matches!(self, Self::NotEligible)
    }

    /// The api.gouv.fr heading: « Vous êtes éligible 👌 », « Vous êtes peut-être éligible 🧐 »,
    /// « Désolé, vous n’êtes pas éligible 🚫 » (with a typographic apostrophe, as published).
    #[must_use]
    pub const fn heading_fr(self) -> &'static str {
        match self {
            Self::Eligible => "Vous êtes éligible 👌",
            Self::MaybeEligible => "Vous êtes peut-être éligible 🧐",
            Self::NotEligible => "Désolé, vous n’êtes pas éligible 🚫",
        }
    }

    /// The heading in English: "You are eligible 👌", "You may be eligible 🧐", "Sorry, you
    /// are not eligible 🚫".
    #[must_use]
    pub const fn heading_en(self) -> &'static str {
        match self {
            Self::Eligible => "You are eligible 👌",
            Self::MaybeEligible => "You may be eligible 🧐",
            Self::NotEligible => "Sorry, you are not eligible 🚫",
        }
    }
}

impl fmt::Display for Outcome {
    /// Writes the JSON code (`maybe_eligible`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the form will ask for, listed after an eligible or maybe-eligible outcome.
///
/// The items are api.gouv.fr's `NextSteps` list, each the end of the sentence « Pour remplir
/// votre demande, vous aurez besoin : » ([`NeededItem::INTRO_FR`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    description = "Something the form will ask for, completing « Pour remplir votre demande, \
                   vous aurez besoin : »."
)]
pub enum NeededItem {
    /// The organisation's SIRET number (« de votre numéro SIRET »).
    Siret,
    /// The description of the service: the request's project name and description (« de la
    /// description du service justifiant une simplification pour les usagers »).
    ServiceDescription,
    /// The legal framework: the request's legal basis (« du cadre juridique »).
    LegalFramework,
    /// The team's contact details: the technical contact and the applicant (« des coordonnées
    /// de l'équipe »).
    TeamContacts,
    /// The data protection officer's and the data controller's contact details (« des
    /// coordonnées de votre délégué à la protection des données et responsable de
    /// traitement »).
    DpoAndDataControllerContacts,
}

impl NeededItem {
    /// Every item, in the api.gouv.fr order.
    pub const ALL: [Self; 5] = [
        Self::Siret,
        Self::ServiceDescription,
        Self::LegalFramework,
        Self::TeamContacts,
        Self::DpoAndDataControllerContacts,
    ];

    /// The sentence the items complete, in French, as published.
    pub const INTRO_FR: &'static str = "Pour remplir votre demande, vous aurez besoin :";

    /// The sentence the items complete, in English.
    pub const INTRO_EN: &'static str = "To fill in your request, you will need:";

    /// The JSON code: `siret`, `service_description`, `legal_framework`, `team_contacts`,
    /// `dpo_and_data_controller_contacts`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Siret => "siret",
            Self::ServiceDescription => "service_description",
            Self::LegalFramework => "legal_framework",
            Self::TeamContacts => "team_contacts",
            Self::DpoAndDataControllerContacts => "dpo_and_data_controller_contacts",
        }
    }

    /// The item in French, quoted as published (« de votre numéro SIRET »).
    #[must_use]
    pub const fn text_fr(self) -> &'static str {
        match self {
            Self::Siret => "de votre numéro SIRET",
            Self::ServiceDescription => {
                "de la description du service justifiant une simplification pour les usagers"
            }
            Self::LegalFramework => "du cadre juridique",
            Self::TeamContacts => "des coordonnées de l'équipe",
            Self::DpoAndDataControllerContacts => {
                "des coordonnées de votre délégué à la protection des données et responsable de \
                 traitement"
            }
        }
    }

    /// The item in English ("your SIRET number").
    #[must_use]
    pub const fn text_en(self) -> &'static str {
        match self {
            Self::Siret => "your SIRET number",
            Self::ServiceDescription => {
                "the description of the service, showing how it makes things simpler for users"
            }
            Self::LegalFramework => "the legal framework",
            Self::TeamContacts => "the team's contact details",
            Self::DpoAndDataControllerContacts => {
                "the contact details of your data protection officer and of the data controller"
            }
        }
    }
}

impl fmt::Display for NeededItem {
    /// Writes the JSON code (`legal_framework`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The decision for a set of [`EligibilityAnswers`], with everything needed to show it.
///
/// Built by [`decide`]; the fields are private because they must agree with one another (the
/// outcome with the requester and the unmet conditions, the texts with both).
///
/// # JSON
///
/// Every key is always present, in this order:
///
/// | Key | Value |
/// |---|---|
/// | `requester` | the [`RequesterKind`] code |
/// | `outcome` | the [`Outcome`] code |
/// | `unmet_conditions` | `[{code, text_fr, text_en}]`: the conditions answered false (`not_eligible`) or left unanswered (`maybe_eligible`), in [`Condition::ALL`] order; `[]` otherwise |
/// | `heading_fr`, `heading_en` | the outcome's heading |
/// | `message_fr`, `message_en` | the requester kind's api.gouv.fr text |
/// | `needed_intro_fr`, `needed_intro_en` | « Pour remplir votre demande, vous aurez besoin : », or `null` when `needed` is empty |
/// | `needed` | `[{code, text_fr, text_en}]`: every [`NeededItem`] for `eligible` and `maybe_eligible`; `[]` for `not_eligible` |
///
/// ```json
/// {
///   "requester": "company",
///   "outcome": "not_eligible",
///   "unmet_conditions": [
///     {
///       "code": "offers_web_solution",
///       "text_fr": "proposer une solution web",
///       "text_en": "offer a web solution"
///     }
///   ],
///   "heading_fr": "Désolé, vous n’êtes pas éligible 🚫",
///   "heading_en": "Sorry, you are not eligible 🚫",
///   "message_fr": "Seuls les éditeurs de logiciels français proposant une solution web adressée aux professionnels de santé peuvent demander à se raccorder à Pro Santé Connect.",
///   "message_en": "Only French software editors offering a web solution addressed to health professionals can apply to connect to Pro Santé Connect.",
///   "needed_intro_fr": null,
///   "needed_intro_en": null,
///   "needed": []
/// }
/// ```
///
/// Deserializing accepts exactly what serializing produces: a document whose outcome, conditions,
/// needed items or texts disagree with what [`decide`] gives is rejected (the JSON Schema
/// describes the shape only).
///
/// ```
/// use datapass_psc::eligibility::{Condition, Outcome};
/// use datapass_psc::{EligibilityAnswers, EligibilityDecision, RequesterKind};
///
/// let decision = EligibilityAnswers::new(RequesterKind::Company)
///     .with_answer(Condition::OffersWebSolution, false)
///     .decide();
/// assert_eq!(decision.outcome(), Outcome::NotEligible);
/// assert_eq!(decision.unmet_conditions(), [Condition::OffersWebSolution]);
/// assert!(decision.needed().is_empty());
///
/// let json = serde_json::to_string(&decision)?;
/// let back: EligibilityDecision = serde_json::from_str(&json)?;
/// assert_eq!(back, decision);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EligibilityDecision {
    requester: RequesterKind,
    outcome: Outcome,
    unmet_conditions: Vec<Condition>,
}

/// Decides eligibility from the answers, following the table in the [module docs](self).
///
/// ```
/// use datapass_psc::eligibility::{Outcome, decide};
/// use datapass_psc::{EligibilityAnswers, RequesterKind};
///
/// let decision = decide(&EligibilityAnswers::new(RequesterKind::PublicAdministration));
/// assert_eq!(decision.outcome(), Outcome::Eligible);
/// assert_eq!(
///     decision.message_fr(),
///     "Vous pouvez réaliser une demande d'habilitation à l'API."
/// );
/// ```
#[must_use]
pub fn decide(answers: &EligibilityAnswers) -> EligibilityDecision {
    let requester = answers.requester;
    let (outcome, unmet_conditions) = match requester {
        RequesterKind::Individual => (Outcome::NotEligible, Vec::new()),
        RequesterKind::PublicAdministration => (Outcome::Eligible, Vec::new()),
        RequesterKind::Company | RequesterKind::SoftwareEditor => {
            let with_answer = |wanted: Option<bool>| -> Vec<Condition> {
                Condition::ALL
                    .into_iter()
                    .filter(|&c| answers.answer(c) == wanted)
                    .collect()
            };
            let unmet_false = with_answer(Some(false));
            if unmet_false.is_empty() {
                let unanswered = with_answer(None);
                if unanswered.is_empty() {
                    (Outcome::Eligible, unanswered)
                } else {
                    (Outcome::MaybeEligible, unanswered)
                }
            } else {
                (Outcome::NotEligible, unmet_false)
            }
        }
    };
    EligibilityDecision {
        requester,
        outcome,
        unmet_conditions,
    }
}

impl EligibilityDecision {
    /// Who asked.
    #[must_use]
    pub const fn requester(&self) -> RequesterKind {
        self.requester
    }

    /// The outcome.
    #[must_use]
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The conditions the requester should look at, in [`Condition::ALL`] order: those answered
    /// false for `not_eligible`, those left unanswered for `maybe_eligible`, none for
    /// `eligible`. Always empty for an individual and a public administration.
    #[must_use]
    pub fn unmet_conditions(&self) -> &[Condition] {
        &self.unmet_conditions
    }

    /// The outcome's heading in French ([`Outcome::heading_fr`]).
    #[must_use]
    pub const fn heading_fr(&self) -> &'static str {
        self.outcome.heading_fr()
    }

    /// The outcome's heading in English ([`Outcome::heading_en`]).
    #[must_use]
    pub const fn heading_en(&self) -> &'static str {
        self.outcome.heading_en()
    }

    /// The requester kind's api.gouv.fr text in French ([`RequesterKind::message_fr`]).
    #[must_use]
    pub const fn message_fr(&self) -> &'static str {
        self.requester.message_fr()
    }

    /// The requester kind's text in English ([`RequesterKind::message_en`]).
    #[must_use]
    pub const fn message_en(&self) -> &'static str {
        self.requester.message_en()
    }

    /// What the form will ask for: every [`NeededItem`] when the requester can apply
    /// ([`Outcome::can_apply`]), none otherwise.
    #[must_use]
    pub const fn needed(&self) -> &'static [NeededItem] {
        if self.outcome.can_apply() {
            &NeededItem::ALL
        } else {
            &[]
        }
    }

    /// [`NeededItem::INTRO_FR`] when [`needed`](Self::needed) is not empty.
    #[must_use]
    pub const fn needed_intro_fr(&self) -> Option<&'static str> {
        if self.outcome.can_apply() {
            Some(NeededItem::INTRO_FR)
        } else {
            None
        }
    }

    /// [`NeededItem::INTRO_EN`] when [`needed`](Self::needed) is not empty.
    #[must_use]
    pub const fn needed_intro_en(&self) -> Option<&'static str> {
        if self.outcome.can_apply() {
            Some(NeededItem::INTRO_EN)
        } else {
            None
        }
    }

    /// The answers that give this decision with the fewest answers given: the unmet conditions
    /// answered false (`not_eligible`) or left unanswered (`maybe_eligible`), the others true.
    fn canonical_answers(
        requester: RequesterKind,
        outcome: Outcome,
        unmet: &[Condition],
    ) -> EligibilityAnswers {
        let mut answers = EligibilityAnswers::new(requester);
        for condition in Condition::ALL {
            *answers.answer_mut(condition) = if !unmet.contains(&condition) {
                Some(true)
            } else if outcome == Outcome::NotEligible {
                Some(false)
            } else {
                None
            };
        }
        answers
    }

    fn to_wire(&self) -> DecisionWire {
        DecisionWire {
            requester: self.requester,
            outcome: self.outcome,
            unmet_conditions: self
                .unmet_conditions
                .iter()
                .map(|&c| Entry {
                    code: c,
                    text_fr: c.text_fr().to_owned(),
                    text_en: c.text_en().to_owned(),
                })
                .collect(),
            heading_fr: self.heading_fr().to_owned(),
            heading_en: self.heading_en().to_owned(),
            message_fr: self.message_fr().to_owned(),
            message_en: self.message_en().to_owned(),
            needed_intro_fr: self.needed_intro_fr().map(str::to_owned),
            needed_intro_en: self.needed_intro_en().map(str::to_owned),
            needed: self
                .needed()
                .iter()
                .map(|&n| Entry {
                    code: n,
                    text_fr: n.text_fr().to_owned(),
                    text_en: n.text_en().to_owned(),
                })
                .collect(),
        }
    }

    /// The decision `wire` describes, or the name of its first key that disagrees with what
    /// [`decide`] gives.
    fn from_wire(wire: &DecisionWire) -> Result<Self, &'static str> {
        let unmet: Vec<Condition> = wire.unmet_conditions.iter().map(|e| e.code).collect();
        let decision = decide(&Self::canonical_answers(
            wire.requester,
            wire.outcome,
            &unmet,
        ));
        let expected = decision.to_wire();
        let mismatch = if expected.outcome != wire.outcome {
            Some("outcome")
        } else if expected.unmet_conditions != wire.unmet_conditions {
            Some("unmet_conditions")
        } else if expected.heading_fr != wire.heading_fr {
            Some("heading_fr")
        } else if expected.heading_en != wire.heading_en {
            Some("heading_en")
        } else if expected.message_fr != wire.message_fr {
            Some("message_fr")
        } else if expected.message_en != wire.message_en {
            Some("message_en")
        } else if expected.needed_intro_fr != wire.needed_intro_fr {
            Some("needed_intro_fr")
        } else if expected.needed_intro_en != wire.needed_intro_en {
            Some("needed_intro_en")
        } else if expected.needed != wire.needed {
            Some("needed")
        } else {
            None
        };
        match mismatch {
            None => Ok(decision),
            Some(key) => Err(key),
        }
    }
}

impl From<&EligibilityAnswers> for EligibilityDecision {
    /// Same as [`decide`].
    fn from(answers: &EligibilityAnswers) -> Self {
        decide(answers)
    }
}

impl From<EligibilityAnswers> for EligibilityDecision {
    /// Same as [`decide`].
    fn from(answers: EligibilityAnswers) -> Self {
        decide(&answers)
    }
}

impl Serialize for EligibilityDecision {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_wire().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for EligibilityDecision {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire: DecisionWire = from_object(deserializer)?;
        Self::from_wire(&wire).map_err(|key| {
            serde::de::Error::custom(format_args!(
                "inconsistent eligibility decision: `{key}` is not what the crate decides for \
                 requester `{}`, outcome `{}` and these unmet conditions",
                wire.requester, wire.outcome
            ))
        })
    }
}

impl JsonSchema for EligibilityDecision {
    fn schema_name() -> Cow<'static, str> {
        "EligibilityDecision".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::EligibilityDecision".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        DecisionWire::json_schema(generator)
    }
}

/// A code with its French and English texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "{C}Entry")]
struct Entry<C> {
    /// The stable code.
    code: C,
    /// The text in French.
    text_fr: String,
    /// The text in English.
    text_en: String,
}

/// The outcome of the API Pro Santé Connect eligibility questionnaire (« Qui êtes-vous ? »),
/// with its French and English texts. Every key is present. The schema describes the shape; the
/// crate also checks that the outcome, the conditions, the needed items and the texts agree with
/// the requester kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "EligibilityDecision")]
struct DecisionWire {
    /// Who asked.
    requester: RequesterKind,
    /// The outcome.
    outcome: Outcome,
    /// The conditions answered false (`not_eligible`) or left unanswered (`maybe_eligible`), in
    /// the order french_organisation, offers_web_solution, addressed_to_health_professionals;
    /// empty otherwise.
    #[serde(deserialize_with = "vec_of_objects")]
    unmet_conditions: Vec<Entry<Condition>>,
    /// The outcome's heading in French.
    heading_fr: String,
    /// The outcome's heading in English.
    heading_en: String,
    /// The api.gouv.fr text for the requester kind, in French.
    message_fr: String,
    /// The text for the requester kind, in English.
    message_en: String,
    /// « Pour remplir votre demande, vous aurez besoin : », or null when `needed` is empty.
    #[serde(deserialize_with = "Option::deserialize")]
    #[schemars(with = "NullableString")]
    needed_intro_fr: Option<String>,
    /// "To fill in your request, you will need:", or null when `needed` is empty.
    #[serde(deserialize_with = "Option::deserialize")]
    #[schemars(with = "NullableString")]
    needed_intro_en: Option<String>,
    /// What the form will ask for: every item for `eligible` and `maybe_eligible`, none for
    /// `not_eligible`.
    #[serde(deserialize_with = "vec_of_objects")]
    needed: Vec<Entry<NeededItem>>,
}

/// A string or null; its own schema type so that the key stays required (schemars treats an
/// `Option` field as optional).
struct NullableString;

impl JsonSchema for NullableString {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "NullableString".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({ "type": ["string", "null"] })
    }
}

/// Deserializes `T` from a map only.
///
/// serde's derived structs also accept a sequence of the field values (`["company"]`), which the
/// JSON Schema (`"type": "object"`) rejects; going through `deserialize_map` makes the crate
/// reject it too.
fn from_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct ObjectVisitor<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map))
        }
    }

    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// Deserializes a sequence of `T`, each from a map only (see [`from_object`]).
fn vec_of_objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct Object<T>(T);

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            from_object(deserializer).map(Object)
        }
    }

    let objects = Vec::<Object<T>>::deserialize(deserializer)?;
    Ok(objects.into_iter().map(|Object(value)| value).collect())
}
