//! The decision: an [`Outcome`], the conditions left to look at, and what the form will ask for.

use super::condition::Condition;
use super::requester::RequesterKind;
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

/// The decision for a set of [`EligibilityAnswers`](super::EligibilityAnswers), with everything
/// needed to show it.
///
/// Built by [`EligibilityAnswers::decide`](super::EligibilityAnswers::decide); the fields are
/// private because they must agree with one another (the outcome with the requester and the
/// unmet conditions, the texts with both).
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
/// needed items disagree with what
/// [`EligibilityAnswers::decide`](super::EligibilityAnswers::decide) gives is refused with
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

impl EligibilityDecision {
    /// The decision of [`EligibilityAnswers::decide`](super::EligibilityAnswers::decide), which
    /// makes the parts agree.
    pub(super) const fn new(
        requester: RequesterKind,
        outcome: Outcome,
        unmet_conditions: Vec<Condition>,
    ) -> Self {
        Self {
            requester,
            outcome,
            unmet_conditions,
        }
    }

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
}
