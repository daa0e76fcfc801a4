//! The answers to the questionnaire: who asks and, for a company or a software editor, whether
//! each of the three conditions holds.

use schemars::JsonSchema;
use serde::Serialize;

use super::condition::Condition;
use super::decision::{EligibilityDecision, Outcome};
use super::requester::RequesterKind;

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

    /// The decision for these answers, following the table in the [module docs](super).
    ///
    /// ```
    /// use datapass_psc::eligibility::{EligibilityAnswers, Outcome, RequesterKind};
    ///
    /// let decision = EligibilityAnswers::new(RequesterKind::PublicAdministration).decide();
    /// assert_eq!(decision.outcome(), Outcome::Eligible);
    /// assert_eq!(
    ///     decision.message_fr(),
    ///     "Vous pouvez réaliser une demande d'habilitation à l'API."
    /// );
    /// ```
    #[must_use]
    pub fn decide(&self) -> EligibilityDecision {
        let requester = self.requester;
        let (outcome, unmet_conditions) = match requester {
            RequesterKind::Individual => (Outcome::NotEligible, Vec::new()),
            RequesterKind::PublicAdministration => (Outcome::Eligible, Vec::new()),
            RequesterKind::Company | RequesterKind::SoftwareEditor => {
                let with_answer = |wanted: Option<bool>| -> Vec<Condition> {
                    Condition::ALL
                        .into_iter()
                        .filter(|&c| self.answer(c) == wanted)
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
        EligibilityDecision::new(requester, outcome, unmet_conditions)
    }
}

impl From<RequesterKind> for EligibilityAnswers {
    /// Same as [`EligibilityAnswers::new`]: every condition unanswered.
    fn from(requester: RequesterKind) -> Self {
        Self::new(requester)
    }
}
