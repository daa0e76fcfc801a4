//! How [`EligibilityAnswers`] are read: serde's derived code over their structure, inside the
//! crate's reader.

use serde::{Deserialize, Deserializer};

use super::answers::EligibilityAnswers;
use super::requester::RequesterKind;
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;

impl Readable for EligibilityAnswers {
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
