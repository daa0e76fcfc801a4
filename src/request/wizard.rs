//! The steps of DataPass's form wizard, each validated on its own.

use super::check::Checker;
use super::contacts::{ContactRole, check_contacts};
use super::draft::RequestDraft;
use super::legal_basis::check_legal_basis;
use super::personal_data::check_personal_data;
use super::project::check_project;
use super::scopes::check_scopes;
use crate::options::Options;
use crate::report::ValidationReport;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A step of DataPass's form wizard, validated on its own; the wire string is DataPass's key
    /// for the step (`basic_infos`).
    pub enum WizardStep: "wizard step" {
        labels {
            /// DataPass's French title (« Mon projet »).
            pub fn title_fr;
        }
        variants {
            /// « Mon projet »: project name and description.
            BasicInfos = "basic_infos" { title_fr: "Mon projet" },
            /// « Le cadre juridique »: the legal basis.
            Legal = "legal" { title_fr: "Le cadre juridique" },
            /// « Les données »: the scopes.
            Scopes = "scopes" { title_fr: "Les données" },
            /// « Le traitement des données personnelles »: recipients and retention.
            PersonalData = "personal_data" { title_fr: "Le traitement des données personnelles" },
            /// « Les personnes impliquées »: data controller, DPO and technical contact (the
            /// applicant comes from the sign-in and is checked at submission).
            Contacts = "contacts" { title_fr: "Les personnes impliquées" },
            /// « La synthèse »: everything, including the SIRET, the applicant and both checkboxes.
            Finish = "finish" { title_fr: "La synthèse" },
        }
    }
}

impl RequestDraft {
    /// Validates one wizard step on its own, without complaining about the other steps.
    ///
    /// ```
    /// use datapass_psc::{RequestDraft, request::WizardStep};
    /// let draft = RequestDraft::pro_sante_connect();
    /// assert!(draft.validate_step(WizardStep::Legal).is_valid());
    /// assert!(!draft.validate_step(WizardStep::BasicInfos).is_valid());
    /// ```
    #[must_use]
    pub fn validate_step(&self, step: WizardStep) -> ValidationReport {
        self.validate_step_with(step, &Options::default())
    }

    /// Validates one wizard step under the rule set of `options` (see
    /// [`RequestDraft::report_with`]).
    #[must_use]
    pub fn validate_step_with(&self, step: WizardStep, options: &Options) -> ValidationReport {
        let mut c = Checker::new(options.rules());
        match step {
            WizardStep::BasicInfos => {
                check_project(self.project.as_ref(), &mut c);
            }
            WizardStep::Legal => {
                check_legal_basis(self.legal_basis.as_ref(), &mut c);
            }
            WizardStep::Scopes => {
                check_scopes(self.scopes.as_deref(), &mut c);
            }
            WizardStep::PersonalData => {
                check_personal_data(self.personal_data.as_ref(), &mut c);
            }
            WizardStep::Contacts => {
                check_contacts(
                    self.contacts.as_ref(),
                    &[
                        ContactRole::DataController,
                        ContactRole::DataProtectionOfficer,
                        ContactRole::TechnicalContact,
                    ],
                    &mut c,
                );
            }
            WizardStep::Finish => return self.report_with(options),
        }
        c.report
    }
}
