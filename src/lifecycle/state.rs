//! The states of a request and the actors who move it.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The state of an authorization request (DataPass `AuthorizationRequest#state`).
    ///
    /// A request being reopened stays in these states ([`Draft`](Self::Draft),
    /// [`ChangesRequested`](Self::ChangesRequested), [`Submitted`](Self::Submitted)) with the
    /// record's `reopening` flag set (DataPass's « Mise à jour » badge).
    pub enum RequestState: "request state" {
        labels {
            /// DataPass's French label (« En cours d'instruction »).
            pub fn label_fr;
            /// English words for messages ("sent back for changes").
            pub(crate) fn words_en;
        }
        variants {
            /// « Brouillon »: being filled in (initial state).
            Draft = "draft" { label_fr: "Brouillon", words_en: "a draft" },
            /// « En cours d'instruction »: waiting for an instructor's decision.
            Submitted = "submitted" { label_fr: "En cours d'instruction", words_en: "submitted" },
            /// « A modifier »: sent back to the applicant with a reason.
            ChangesRequested = "changes_requested" {
                label_fr: "A modifier",
                words_en: "sent back for changes",
            },
            /// « Validée »: approved, with an active habilitation.
            Validated = "validated" { label_fr: "Validée", words_en: "validated" },
            /// « Refusée »: refused with a reason.
            Refused = "refused" { label_fr: "Refusée", words_en: "refused" },
            /// « Supprimée »: archived by the applicant, an instructor or the system.
            Archived = "archived" { label_fr: "Supprimée", words_en: "archived" },
            /// « Révoquée »: access withdrawn.
            Revoked = "revoked" { label_fr: "Révoquée", words_en: "revoked" },
        }
    }
}

impl RequestState {
    /// Whether the applicant may edit the request's data in this state (`draft` and
    /// `changes_requested`, reopening or not).
    #[must_use]
    pub const fn applicant_may_edit(self) -> bool {
        matches!(self, Self::Draft | Self::ChangesRequested)
    }
}

vocabulary! {
    /// Who triggers an event.
    pub enum Actor: "actor" {
        labels {
            /// The role in French, as the subject of a sentence (« Le demandeur »): history
            /// summaries use it where DataPass writes the user's name.
            pub fn label_fr;
            /// The role in English, as the subject of a sentence ("The applicant").
            pub fn label_en;
            /// « au demandeur », « à l'instructeur », « au système ».
            pub(crate) fn dative_fr;
        }
        variants {
            /// The signed-in user who owns the request (« le demandeur »).
            Applicant = "applicant" {
                label_fr: "Le demandeur",
                label_en: "The applicant",
                dative_fr: "au demandeur",
            },
            /// ANS staff with the instructor role for API Pro Santé Connect (« l'instructeur »).
            Instructor = "instructor" {
                label_fr: "L'instructeur",
                label_en: "The instructor",
                dative_fr: "à l'instructeur",
            },
            /// Automatic effects and jobs (« le système »).
            System = "system" {
                label_fr: "Le système",
                label_en: "The system",
                dative_fr: "au système",
            },
        }
    }
}
