//! The three conditions a company or a software editor must meet.

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
