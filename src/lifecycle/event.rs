//! Request events: their names, their data, and the event itself (when, who, what).

use chrono::{DateTime, Utc};

use super::numbers::HabilitationNumber;
use super::state::Actor;
use crate::request::draft::RequestDraft;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The name of a request event, without its data: what errors and the history name.
    ///
    /// The names are DataPass v2's (`etalab/data_pass:app/models/authorization_request_event.rb`),
    /// except [`RevokeHabilitation`](Self::RevokeHabilitation), the crate's name for revoking one
    /// habilitation.
    pub enum EventName: "event" {
        labels {
            /// The action as DataPass's buttons name it, with its article: « l'action « Valider
            /// la demande » ».
            pub fn action_fr;
            /// The action in English, with its article ("the \"approve\" action").
            pub fn action_en;
        }
        variants {
            /// `submit`.
            Submit = "submit" {
                action_fr: "l'action « Soumettre la demande »",
                action_en: "the \"submit\" action",
            },
            /// `update`.
            Update = "update" {
                action_fr: "l'action « Enregistrer les modifications »",
                action_en: "the \"update\" action",
            },
            /// `request_changes`.
            RequestChanges = "request_changes" {
                action_fr: "l'action « Demander des modifications »",
                action_en: "the \"request changes\" action",
            },
            /// `approve`.
            Approve = "approve" {
                action_fr: "l'action « Valider la demande »",
                action_en: "the \"approve\" action",
            },
            /// `refuse`.
            Refuse = "refuse" {
                action_fr: "l'action « Refuser la demande »",
                action_en: "the \"refuse\" action",
            },
            /// `archive`.
            Archive = "archive" {
                action_fr: "l'action « Supprimer la demande »",
                action_en: "the \"archive\" action",
            },
            /// `reopen`.
            Reopen = "reopen" {
                action_fr: "l'action « Mettre à jour »",
                action_en: "the \"reopen\" action",
            },
            /// `cancel_reopening`.
            CancelReopening = "cancel_reopening" {
                action_fr: "l'action « Annuler la mise à jour »",
                action_en: "the \"cancel reopening\" action",
            },
            /// `revoke` (the request).
            Revoke = "revoke" {
                action_fr: "l'action « Révoquer la demande »",
                action_en: "the \"revoke\" action",
            },
            /// `revoke_habilitation` (one habilitation).
            RevokeHabilitation = "revoke_habilitation" {
                action_fr: "l'action « Révoquer l'habilitation »",
                action_en: "the \"revoke habilitation\" action",
            },
        }
    }
}

/// What happens to a request, with the data each event needs.
///
/// Reasons are optional in the type so that a missing reason is refused by the transition with
/// `transition.reason_required` (an error with a code and messages) rather than by the JSON
/// parser. A **required** reason must be non-blank after trimming; reasons and messages are
/// stored trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// The applicant submits the request: draft or changes_requested → submitted.
    Submit,
    /// The applicant replaces the request's data (draft, changes_requested).
    Update {
        /// The new content.
        request: Box<RequestDraft>,
    },
    /// An instructor sends the request back: submitted → changes_requested. Reason required.
    RequestChanges {
        /// Why (« motif »), shown to the applicant.
        reason: Option<String>,
    },
    /// An instructor approves: submitted or changes_requested → validated, with a new
    /// habilitation.
    Approve {
        /// The number DataPass gave the new habilitation.
        habilitation_number: HabilitationNumber,
        /// « Message complémentaire (optionnel) ».
        message: Option<String>,
    },
    /// An instructor refuses: → refused, or back to validated during a reopening. Reason
    /// required.
    Refuse {
        /// Why.
        reason: Option<String>,
    },
    /// Anyone archives (deletes) the request: draft, refused or revoked → archived.
    Archive,
    /// The applicant reopens a validated request to change it (« Mettre à jour »).
    Reopen,
    /// The applicant or an instructor cancels a reopening: back to validated. Reason required
    /// from an instructor.
    CancelReopening {
        /// Why (required from an instructor).
        reason: Option<String>,
    },
    /// An instructor revokes the request and all its habilitations: validated → revoked.
    /// Reason required.
    Revoke {
        /// Why.
        reason: Option<String>,
    },
    /// An instructor revokes one habilitation; revoking the active one revokes the request.
    /// Reason required.
    RevokeHabilitation {
        /// The habilitation to revoke.
        habilitation_number: HabilitationNumber,
        /// Why.
        reason: Option<String>,
    },
}

impl EventKind {
    /// The event's name.
    #[must_use]
    pub const fn name(&self) -> EventName {
        match self {
            Self::Submit => EventName::Submit,
            Self::Update { .. } => EventName::Update,
            Self::RequestChanges { .. } => EventName::RequestChanges,
            Self::Approve { .. } => EventName::Approve,
            Self::Refuse { .. } => EventName::Refuse,
            Self::Archive => EventName::Archive,
            Self::Reopen => EventName::Reopen,
            Self::CancelReopening { .. } => EventName::CancelReopening,
            Self::Revoke { .. } => EventName::Revoke,
            Self::RevokeHabilitation { .. } => EventName::RevokeHabilitation,
        }
    }

    /// The reason given, if the event has one.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::RequestChanges { reason }
            | Self::Refuse { reason }
            | Self::CancelReopening { reason }
            | Self::Revoke { reason }
            | Self::RevokeHabilitation { reason, .. } => reason.as_deref(),
            Self::Submit
            | Self::Update { .. }
            | Self::Approve { .. }
            | Self::Archive
            | Self::Reopen => None,
        }
    }
}

/// One event of a request: when, who, and what.
///
/// JSON, internally tagged by `"event"`, unknown keys rejected:
///
/// ```json
/// {"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
///  "habilitation_number": "H60501"}
/// ```
///
/// The other events: `{"event": "submit"}`, `{"event": "update", "request": {…draft…}}`,
/// `{"event": "request_changes", "reason": "…"}`, `{"event": "approve",
/// "habilitation_number": "H60501", "message": "…"}` (`message` optional),
/// `{"event": "refuse", "reason": "…"}`, `{"event": "archive"}`, `{"event": "reopen"}`,
/// `{"event": "cancel_reopening", "reason": "…"}` (`reason` optional),
/// `{"event": "revoke", "reason": "…"}`, `{"event": "revoke_habilitation",
/// "habilitation_number": "H60501", "reason": "…"}`, each with `at` and `actor`.
///
/// ```
/// use datapass_psc::lifecycle::{Actor, Event, EventKind};
/// let event: Event = serde_json::from_str(
///     r#"{"at": "2024-04-30T13:00:00Z", "actor": "instructor", "event": "approve",
///         "habilitation_number": "H60501"}"#,
/// )?;
/// assert_eq!(event.actor, Actor::Instructor);
/// assert!(matches!(event.kind, EventKind::Approve { message: None, .. }));
/// assert!(serde_json::from_str::<Event>(
///     r#"{"at": "2024-04-30T13:00:00Z", "actor": "applicant", "event": "submit", "x": 1}"#
/// ).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// Who triggered it.
    pub actor: Actor,
    /// What happened, with its data.
    pub kind: EventKind,
}

impl Event {
    /// An event.
    #[must_use]
    pub fn new(at: DateTime<Utc>, actor: Actor, kind: EventKind) -> Self {
        Self { at, actor, kind }
    }

    /// The event's name.
    #[must_use]
    pub const fn name(&self) -> EventName {
        self.kind.name()
    }
}
