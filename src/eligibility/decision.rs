//! The decision: an [`Outcome`], the conditions left to look at, and what the form will ask for.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

use super::answers::{Condition, EligibilityAnswers};
use super::requester::RequesterKind;
use crate::json::format::Format;
use crate::json::{self, Document};
use crate::options::Options;
use crate::report::{Issue, ValidationReport};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The result of the questionnaire.
    ///
    /// The JSON codes are those of DataPass v2 with words: `eligible` (DataPass `yes`,
    /// api.gouv.fr `is_eligible: 1`), `maybe_eligible` (`maybe`, `0`), `not_eligible` (`no`,
    /// `-1`).
    pub enum Outcome: "outcome" {
        labels {
            /// The api.gouv.fr heading (« Vous êtes peut-être éligible 🧐 »), with a typographic
            /// apostrophe, as published.
            pub fn heading_fr;
            /// The heading in English ("You may be eligible 🧐").
            pub fn heading_en;
        }
        variants {
            /// The requester can apply (« Vous êtes éligible 👌 »).
            Eligible = "eligible" {
                heading_fr: "Vous êtes éligible 👌",
                heading_en: "You are eligible 👌",
            },
            /// The requester can apply if the conditions hold; the instructors will check them
            /// (« Vous êtes peut-être éligible 🧐 »).
            MaybeEligible = "maybe_eligible" {
                heading_fr: "Vous êtes peut-être éligible 🧐",
                heading_en: "You may be eligible 🧐",
            },
            /// The requester cannot apply (« Désolé, vous n’êtes pas éligible 🚫 »).
            NotEligible = "not_eligible" {
                heading_fr: "Désolé, vous n’êtes pas éligible 🚫",
                heading_en: "Sorry, you are not eligible 🚫",
            },
        }
    }
}

impl Outcome {
    /// Whether the requester may go on to the form: true for eligible and maybe eligible (both
    /// show the « Remplir une demande » button), false for not eligible.
    #[must_use]
    pub const fn can_apply(self) -> bool {
        !matches!(self, Self::NotEligible)
    }
}

vocabulary! {
    /// Something the form will ask for, listed after an eligible or maybe-eligible outcome.
    ///
    /// The items are api.gouv.fr's `NextSteps` list, each the end of the sentence « Pour remplir
    /// votre demande, vous aurez besoin : » ([`NeededItem::INTRO_FR`]).
    pub enum NeededItem: "needed item" {
        labels {
            /// The item in French, quoted as published (« de votre numéro SIRET »).
            pub fn text_fr;
            /// The item in English ("your SIRET number").
            pub fn text_en;
        }
        variants {
            /// The organisation's SIRET number (« de votre numéro SIRET »).
            Siret = "siret" {
                text_fr: "de votre numéro SIRET",
                text_en: "your SIRET number",
            },
            /// The description of the service: the request's project name and description (« de la
            /// description du service justifiant une simplification pour les usagers »).
            ServiceDescription = "service_description" {
                text_fr: "de la description du service justifiant une simplification pour les usagers",
                text_en: "the description of the service, showing how it makes things simpler for users",
            },
            /// The legal framework: the request's legal basis (« du cadre juridique »).
            LegalFramework = "legal_framework" {
                text_fr: "du cadre juridique",
                text_en: "the legal framework",
            },
            /// The team's contact details: the technical contact and the applicant (« des
            /// coordonnées de l'équipe »).
            TeamContacts = "team_contacts" {
                text_fr: "des coordonnées de l'équipe",
                text_en: "the team's contact details",
            },
            /// The data protection officer's and the data controller's contact details (« des
            /// coordonnées de votre délégué à la protection des données et responsable de
            /// traitement »).
            DpoAndDataControllerContacts = "dpo_and_data_controller_contacts" {
                text_fr: "des coordonnées de votre délégué à la protection des données et \
                          responsable de traitement",
                text_en: "the contact details of your data protection officer and of the data \
                          controller",
            },
        }
    }
}

impl NeededItem {
    /// The sentence the items complete, in French, as published.
    pub const INTRO_FR: &'static str = "Pour remplir votre demande, vous aurez besoin :";

    /// The sentence the items complete, in English.
    pub const INTRO_EN: &'static str = "To fill in your request, you will need:";
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
/// Deserializing reads the codes and checks them: a document whose outcome, unmet conditions or
/// needed items disagree with what [`decide`] gives is refused with
/// `eligibility.invalid_decision` at that key. The texts must be strings; they are the crate's
/// wording, not compared, so that a decision written by another version still reads.
///
/// ```
/// use datapass_psc::eligibility::{
///     Condition, EligibilityAnswers, EligibilityDecision, Outcome, RequesterKind,
/// };
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

/// Decides eligibility from the answers, following the table in the [module docs](super).
///
/// ```
/// use datapass_psc::eligibility::{EligibilityAnswers, Outcome, RequesterKind, decide};
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

    fn to_wire(&self) -> DecisionWire {
        DecisionWire {
            requester: self.requester,
            outcome: self.outcome,
            unmet_conditions: self
                .unmet_conditions
                .iter()
                .map(|&c| Entry::new(c, c.text_fr(), c.text_en()))
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
                .map(|&n| Entry::new(n, n.text_fr(), n.text_en()))
                .collect(),
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

/// A decision is read from its codes: the requester, the outcome and the unmet conditions must
/// be what [`decide`] gives for them, and the needed items what the outcome lists. The texts
/// are the crate's own wording, written for people: they must be strings, and are not compared,
/// so that a decision written by another version of the crate still reads.
/// A stored decision that is not what the crate decides for its requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not what the crate decides for this requester")]
struct NotDecided;

impl crate::diagnostic::Diagnostic for NotDecided {
    fn describe(&self) -> crate::diagnostic::Description {
        crate::diagnostic::Description::new(
            crate::codes::Code::EligibilityInvalidDecision,
            ("cette valeur", "this value"),
            "n'est pas ce que la crate décide pour ce demandeur",
            "is not what the crate decides for this requester",
        )
    }
}

impl Document for EligibilityDecision {
    type Wire = DecisionWire;

    const FORMAT: &'static Format = &Format::ELIGIBILITY_DECISION;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DecisionWire, D::Error> {
        DecisionWire::deserialize(deserializer)
    }

    fn finish(wire: DecisionWire, _: &Options) -> Result<Self, Issue> {
        let unmet: Vec<Condition> = wire.unmet_conditions.iter().map(|e| e.code).collect();
        // The answers that give this decision with the fewest answers: the unmet conditions
        // answered false (not eligible) or left unanswered (maybe eligible), the others true.
        let mut answers = EligibilityAnswers::new(wire.requester);
        for condition in Condition::ALL {
            *answers.answer_mut(condition) = if !unmet.contains(&condition) {
                Some(true)
            } else if wire.outcome == Outcome::NotEligible {
                Some(false)
            } else {
                None
            };
        }
        let decision = decide(&answers);
        let needed: Vec<NeededItem> = wire.needed.iter().map(|e| e.code).collect();
        let mismatch = if decision.outcome != wire.outcome {
            Some("outcome")
        } else if decision.unmet_conditions != unmet {
            Some("unmet_conditions")
        } else if decision.needed() != needed {
            Some("needed")
        } else {
            None
        };
        match mismatch {
            None => Ok(decision),
            Some(key) => Err(Issue::from_error(format!("/{key}"), &NotDecided)),
        }
    }
}

impl EligibilityDecision {
    /// Reads a decision from JSON. Its codes are read and checked: the requester, the outcome
    /// and the unmet conditions must be what [`decide`] gives for them, and the needed items
    /// what the outcome lists. The texts, the crate's wording for people, must be strings and
    /// are not compared, so that a decision written by another version of the crate still reads.
    ///
    /// # Errors
    /// A report with one issue: `json.*` for a structural problem (an unknown or missing key, a
    /// wrong type), `eligibility.invalid_decision` at the first key whose codes disagree with
    /// what the crate decides (`/outcome`, `/unmet_conditions`, `/needed`) or holds an unknown
    /// code.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, ValidationReport> {
        json::read(bytes, &Options::default())
            .map(|read| read.value)
            .map_err(ValidationReport::single)
    }
}

impl<'de> Deserialize<'de> for EligibilityDecision {
    /// Reads a decision through the crate's reader; see
    /// [`EligibilityDecision::from_json_slice`] for what is checked.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

impl JsonSchema for EligibilityDecision {
    fn schema_name() -> Cow<'static, str> {
        "EligibilityDecision".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::eligibility::EligibilityDecision".into()
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

impl<C> Entry<C> {
    fn new(code: C, text_fr: &str, text_en: &str) -> Self {
        Self {
            code,
            text_fr: text_fr.to_owned(),
            text_en: text_en.to_owned(),
        }
    }
}

/// The outcome of the API Pro Santé Connect eligibility questionnaire (« Qui êtes-vous ? »),
/// with its French and English texts. Every key is present. The schema describes the shape; the
/// crate also checks that the outcome, the conditions, the needed items and the texts agree with
/// the requester kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "EligibilityDecision")]
pub(crate) struct DecisionWire {
    /// Who asked.
    requester: RequesterKind,
    /// The outcome.
    outcome: Outcome,
    /// The conditions answered false (`not_eligible`) or left unanswered (`maybe_eligible`), in
    /// the order french_organisation, offers_web_solution, addressed_to_health_professionals;
    /// empty otherwise.
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
