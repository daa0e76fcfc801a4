//! The answers to the questionnaire: who asks and, for a company or a software editor, whether
//! each of the three conditions holds.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::decision::{EligibilityDecision, decide};
use super::requester::RequesterKind;
use crate::json::format::Format;
use crate::json::{self, Document};
use crate::options::Options;
use crate::report::Issue;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// One of the three conditions a company or a software editor must meet.
    ///
    /// From the api.gouv.fr wording « Seuls les éditeurs de logiciels **français** proposant une
    /// solution **web** adressée **aux professionnels de santé** … ». Only the instructors can
    /// confirm them. Decisions name unmet conditions in the order of [`Condition::ALL`].
    pub enum Condition: "condition" {
        labels {
            /// The condition in French, as what the requester must do (« proposer une solution
            /// web »).
            pub fn text_fr;
            /// The condition in English ("offer a web solution").
            pub fn text_en;
        }
        variants {
            /// Being a French software editor (« éditeurs de logiciels français », « Tout éditeur
            /// français »).
            FrenchOrganisation = "french_organisation" {
                text_fr: "être un éditeur de logiciels français",
                text_en: "be a French software editor",
            },
            /// Offering a web solution (« proposant une solution web »).
            OffersWebSolution = "offers_web_solution" {
                text_fr: "proposer une solution web",
                text_en: "offer a web solution",
            },
            /// The solution is addressed to health professionals (« adressée aux professionnels de
            /// santé »).
            AddressedToHealthProfessionals = "addressed_to_health_professionals" {
                text_fr: "proposer une solution adressée aux professionnels de santé",
                text_en: "offer a solution addressed to health professionals",
            },
        }
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
/// use datapass_psc::eligibility::{EligibilityAnswers, RequesterKind};
///
/// let answers = EligibilityAnswers::from_json_slice(
///     br#"{"requester": "software_editor", "web_solution": false}"#,
/// )?;
/// assert_eq!(answers.requester, RequesterKind::SoftwareEditor);
/// assert_eq!(answers.web_solution, Some(false));
/// assert_eq!(answers.french, None);
/// assert_eq!(answers.decide().outcome(), Outcome::NotEligible);
/// # Ok::<(), datapass_psc::ValidationReport>(())
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

impl Document for EligibilityAnswers {
    type Wire = AnswersWire;

    const FORMAT: &'static Format = &Format::ELIGIBILITY_ANSWERS;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<AnswersWire, D::Error> {
        AnswersWire::deserialize(deserializer)
    }

    fn finish(wire: AnswersWire, _: &Options) -> Result<Self, Issue> {
        let AnswersWire {
            requester,
            french,
            web_solution,
            health_professionals,
        } = wire;
        Ok(Self {
            requester,
            french,
            web_solution,
            health_professionals,
        })
    }
}

impl<'de> Deserialize<'de> for EligibilityAnswers {
    /// Reads the answers through the crate's reader (see [`EligibilityAnswers::from_json_slice`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

impl EligibilityAnswers {
    crate::json::readers! {
        /// Reads answers from JSON: `{"requester": "company", "french": true}`.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (an unknown key, a string
        /// where a boolean is expected, an array instead of an object), or
        /// `eligibility.unknown_requester` at `/requester`.
    }
}

/// The structure of [`EligibilityAnswers`], read inside the crate's reader.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnswersWire {
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
