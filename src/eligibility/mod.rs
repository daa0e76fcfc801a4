//! Eligibility: the « Qui êtes-vous ? » questionnaire shown before a request is filled in.
//!
//! Before the form, the requester says who they are ([`RequesterKind`]). The answer gives one of
//! three [`Outcome`]s: eligible, maybe eligible, not eligible. A company or a software editor is
//! eligible only if three [`Condition`]s hold (a **French** software editor, offering a **web**
//! solution, **addressed to health professionals**); this crate lets the requester answer them
//! ([`EligibilityAnswers`]) and [decides](EligibilityAnswers::decide):
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
//! use datapass_psc::eligibility::{Condition, EligibilityAnswers, Outcome, RequesterKind};
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

mod answers;
mod answers_wire;
mod condition;
mod decision;
mod decision_wire;
mod requester;

pub use answers::EligibilityAnswers;
pub use condition::Condition;
pub use decision::{EligibilityDecision, NeededItem, Outcome};
pub use requester::{QUESTION_EN, QUESTION_FR, RequesterKind, RequesterKindError};
