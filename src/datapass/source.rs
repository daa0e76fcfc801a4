//! [`Source`]: the kinds of DataPass documents the crate reads.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The DataPass documents [`import`](super::import) reads.
    pub enum Source: "DataPass document" {
        labels {
            /// The document in French (« demande DataPass v2 »).
            pub fn label_fr;
        }
        variants {
            /// A v2 demande, as `GET /demandes/{id}` answers it.
            V2Demande = "v2_demande" { label_fr: "demande DataPass v2" },
            /// The answer of `GET /demandes`: a list of demandes.
            V2Demandes = "v2_demandes" { label_fr: "liste de demandes DataPass v2" },
            /// The answer of `GET /demandes/{id}/events`: a demande's history.
            V2Events = "v2_events" { label_fr: "historique d'une demande DataPass v2" },
            /// A habilitation, as `GET /habilitations/{id}` answers it.
            V2Habilitation = "v2_habilitation" { label_fr: "habilitation DataPass v2" },
            /// The body of a v2 `POST /demandes`.
            V2Post = "v2_post" { label_fr: "corps de POST /demandes DataPass v2" },
            /// The body of a v2 `PATCH /demandes/{id}`.
            V2Patch = "v2_patch" { label_fr: "corps de PATCH /demandes DataPass v2" },
            /// The body of a v2 webhook call, or its test ping.
            V2Webhook = "v2_webhook" { label_fr: "webhook DataPass v2" },
            /// An error body of DataPass's v2 API.
            V2Errors = "v2_errors" { label_fr: "réponse d'erreur de l'API DataPass v2" },
            /// A v1 enrollment.
            V1Enrollment = "v1_enrollment" { label_fr: "demande DataPass v1" },
            /// The body of a v1 webhook call.
            V1Webhook = "v1_webhook" { label_fr: "webhook DataPass v1" },
        }
    }
}
