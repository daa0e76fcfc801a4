//! [`Origin`]: whose rule an issue is; [`Rules`]: which origins block.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// Whose rule an [`Issue`](crate::Issue) is: DataPass's, the Pro Santé Connect form's, the
    /// crate's own stricter check, or the document's structure.
    ///
    /// The table of every check with its origin is in `docs/rule-origins.md`, generated from
    /// [`Check::ALL`](crate::Check::ALL).
    pub enum Origin: "rule origin" {
        labels {
            /// Whose rule, in French (« règle de DataPass »).
            pub fn label_fr;
            /// Whose rule, in English ("DataPass's rule").
            pub fn label_en;
        }
        variants {
            /// DataPass refuses to submit without it: the validations of its model for this form
            /// (`etalab/data_pass:app/models/authorization_request/api_pro_sante_connect.rb` and
            /// its concerns), its SIRET validator, the applicant's email, the two checkboxes at
            /// submission; DataPass's own answers (error bodies) and what its data says
            /// (placeholders, defaults).
            DataPass = "datapass" {
                label_fr: "règle de DataPass",
                label_en: "DataPass's rule",
            },
            /// Asked by the Pro Santé Connect form this crate models, but no longer enforced by
            /// DataPass: the applicant's phone, names and job title, the personal-data block.
            PscForm = "psc_form" {
                label_fr: "règle du formulaire Pro Santé Connect",
                label_en: "the Pro Santé Connect form's rule",
            },
            /// The crate's own check on a value DataPass lets through: the SIREN key, La Poste's
            /// digit sum, phone numbers, URLs without `http(s)://`, emails without a top-level
            /// domain, unknown scopes, lengths, control characters.
            Strict = "strict" {
                label_fr: "contrôle strict de la crate",
                label_en: "the crate's strict check",
            },
            /// The document's own structure (`json.*`, a value a format cannot hold, a document
            /// the crate does not know).
            Format = "format" {
                label_fr: "structure du document",
                label_en: "the document's structure",
            },
        }
    }
}

vocabulary! {
    /// Which issues block: the rule set a request is validated with.
    ///
    /// ```
    /// use datapass_psc::{Origin, Rules};
    /// assert!(Rules::Strict.blocks(Origin::Strict));
    /// assert!(!Rules::DataPass.blocks(Origin::Strict));
    /// assert!(Rules::DataPass.blocks(Origin::DataPass));
    /// assert_eq!(Rules::default(), Rules::Strict);
    /// ```
    #[derive(Default)]
    pub enum Rules: "rule set" {
        labels {
            /// The rule set in French.
            pub fn label_fr;
        }
        variants {
            /// Every issue is an error (the default): what an editor checks before filing, and
            /// the only rule set that yields an
            /// [`AuthorizationRequest`](crate::AuthorizationRequest).
            #[default]
            Strict = "strict" { label_fr: "règles strictes" },
            /// Only `datapass` and `format` issues are errors; `psc_form` and `strict` ones are
            /// reported as warnings, with the same code, path and messages. Valid under these
            /// rules means DataPass would accept the request at submission, apart from what
            /// cannot be checked offline (whether an email address is deliverable, the attached
            /// PDFs themselves, the SIRET's existence in the Sirene register).
            DataPass = "datapass" { label_fr: "règles de DataPass" },
        }
    }
}

impl Rules {
    /// Whether an issue of `origin` is an error under these rules (a warning otherwise).
    #[must_use]
    pub const fn blocks(self, origin: Origin) -> bool {
        match self {
            Self::Strict => true,
            Self::DataPass => matches!(origin, Origin::DataPass | Origin::Format),
        }
    }
}
