//! The JSON form of an [`EligibilityDecision`]: written with its codes and texts, read back from
//! its codes, which must be what the crate decides.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

use super::answers::EligibilityAnswers;
use super::condition::Condition;
use super::decision::{EligibilityDecision, NeededItem, Outcome};
use super::requester::RequesterKind;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;

impl Serialize for EligibilityDecision {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DecisionWire::from(self).serialize(serializer)
    }
}

impl From<&EligibilityDecision> for DecisionWire {
    fn from(decision: &EligibilityDecision) -> Self {
        Self {
            requester: decision.requester(),
            outcome: decision.outcome(),
            unmet_conditions: decision
                .unmet_conditions()
                .iter()
                .map(|&c| Entry::new(c, c.text_fr(), c.text_en()))
                .collect(),
            heading_fr: decision.heading_fr().to_owned(),
            heading_en: decision.heading_en().to_owned(),
            message_fr: decision.message_fr().to_owned(),
            message_en: decision.message_en().to_owned(),
            needed_intro_fr: decision.needed_intro_fr().map(str::to_owned),
            needed_intro_en: decision.needed_intro_en().map(str::to_owned),
            needed: decision
                .needed()
                .iter()
                .map(|&n| Entry::new(n, n.text_fr(), n.text_en()))
                .collect(),
        }
    }
}

/// A decision is read from its codes: the requester, the outcome and the unmet conditions must
/// be what [`EligibilityAnswers::decide`] gives for them, and the needed items what the outcome
/// lists. The texts are the crate's own wording, written for people: they must be strings, and
/// are not compared, so that a decision written by another version of the crate still reads.
impl Readable for EligibilityDecision {
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
        let decision = answers.decide();
        let needed: Vec<NeededItem> = wire.needed.iter().map(|e| e.code).collect();
        let mismatch = if decision.outcome() != wire.outcome {
            Some("outcome")
        } else if decision.unmet_conditions() != unmet {
            Some("unmet_conditions")
        } else if decision.needed() != needed {
            Some("needed")
        } else {
            None
        };
        match mismatch {
            None => Ok(decision),
            Some(key) => Err(Issue::from_error(format!("/{key}"), &NotDecided { key })),
        }
    }
}

impl EligibilityDecision {
    crate::json::readers! {
        /// Reads a decision from JSON. Its codes are read and checked: the requester, the outcome
        /// and the unmet conditions must be what [`EligibilityAnswers::decide`] gives for them,
        /// and the needed items what the outcome lists. The texts, the crate's wording for
        /// people, must be strings and are not compared, so that a decision written by another
        /// version of the crate still reads.
        ///
        /// # Errors
        /// A report with one issue: `json.*` for a structural problem (an unknown or missing
        /// key, a wrong type), `eligibility.invalid_decision` at the first key whose codes
        /// disagree with what the crate decides (`/outcome`, `/unmet_conditions`, `/needed`) or
        /// holds an unknown code.
    }
}

/// A decision whose codes are not what the crate decides for its requester, at `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("`{key}` is not what the crate decides for this requester")]
struct NotDecided {
    key: &'static str,
}

impl Diagnostic for NotDecided {
    fn describe(&self) -> Description {
        Description::new(
            Code::EligibilityInvalidDecision,
            ("cette valeur", "this value"),
            "n'est pas ce que la crate décide pour ce demandeur",
            "is not what the crate decides for this requester",
        )
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
