//! Habilitations: the snapshot a request gets at each approval, and their three states.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::numbers::HabilitationNumber;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::request::authorization::AuthorizationRequest;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The state of a habilitation (DataPass `Authorization#state`).
    ///
    /// A habilitation starts [`Active`](Self::Active) when an instructor approves its request.
    /// The next approval of the same request makes it [`Obsolete`](Self::Obsolete); revoking it
    /// makes it [`Revoked`](Self::Revoked). `rollback_revoke` (revoked → active), which DataPass
    /// uses only to undo a revocation that fails part-way, is not modelled.
    pub enum HabilitationState: "habilitation state" {
        labels {
            /// DataPass's French label (« Obsolète »).
            pub fn label_fr;
        }
        variants {
            /// « Active »: the current access of the request.
            Active = "active" { label_fr: "Active" },
            /// « Obsolète »: replaced by a newer habilitation of the same request.
            Obsolete = "obsolete" { label_fr: "Obsolète" },
            /// « Révoquée »: withdrawn by an instructor.
            Revoked = "revoked" { label_fr: "Révoquée" },
        }
    }
}

vocabulary! {
    /// An event of the habilitation state machine.
    pub enum HabilitationEvent: "habilitation event" {
        labels {
            /// What the event does, as a French past participle (« révoquée »).
            fn done_fr;
            /// The same in English ("revoked").
            fn done_en;
        }
        variants {
            /// A newer habilitation of the request was created (system, on every approval).
            Deprecate = "deprecate" { done_fr: "rendue obsolète", done_en: "deprecated" },
            /// An instructor withdraws the access (one habilitation, or the whole request).
            Revoke = "revoke" { done_fr: "révoquée", done_en: "revoked" },
        }
    }
}

/// Why a [`HabilitationEvent`] does not apply to a [`HabilitationState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum HabilitationTransitionError {
    /// The pair is not in the habilitation transition table.
    #[error("habilitation event {event} not allowed in state {state}")]
    NotAllowed {
        /// The habilitation's state.
        state: HabilitationState,
        /// The refused event.
        event: HabilitationEvent,
    },
}

impl HabilitationState {
    /// The habilitation transition table (`etalab/data_pass:app/models/authorization.rb`):
    ///
    /// | State | `deprecate` | `revoke` |
    /// |---|---|---|
    /// | active | obsolete | revoked |
    /// | obsolete | obsolete | obsolete |
    /// | revoked | refused | refused |
    ///
    /// ```
    /// use datapass_psc::lifecycle::{HabilitationEvent, HabilitationState};
    /// let state = HabilitationState::Active.apply(HabilitationEvent::Deprecate)?;
    /// assert_eq!(state, HabilitationState::Obsolete);
    /// assert_eq!(state.apply(HabilitationEvent::Revoke)?, HabilitationState::Obsolete);
    /// assert!(HabilitationState::Revoked.apply(HabilitationEvent::Revoke).is_err());
    /// # Ok::<(), datapass_psc::lifecycle::HabilitationTransitionError>(())
    /// ```
    ///
    /// # Errors
    /// [`HabilitationTransitionError::NotAllowed`] for any event on a revoked habilitation.
    pub const fn apply(
        self,
        event: HabilitationEvent,
    ) -> Result<Self, HabilitationTransitionError> {
        use HabilitationEvent as E;
        match (self, event) {
            (Self::Active | Self::Obsolete, E::Deprecate) | (Self::Obsolete, E::Revoke) => {
                Ok(Self::Obsolete)
            }
            (Self::Active, E::Revoke) => Ok(Self::Revoked),
            (Self::Revoked, E::Deprecate | E::Revoke) => {
                Err(HabilitationTransitionError::NotAllowed { state: self, event })
            }
        }
    }
}

impl Diagnostic for HabilitationTransitionError {
    fn describe(&self) -> Description {
        match *self {
            Self::NotAllowed { state, event } => Description::new(
                Code::HabilitationTransitionNotAllowed,
                ("l'habilitation", "the habilitation"),
                format!(
                    "ne peut pas être {} dans l'état « {} »",
                    event.done_fr(),
                    state.label_fr()
                ),
                format!("cannot be {} in state {state}", event.done_en()),
            )
            .with("state", state.as_str())
            .with("event", event.as_str()),
        }
    }
}

/// A habilitation: the snapshot of a request taken when an instructor approved it.
///
/// It holds its number (`H118386`), its state, its date (`created_at`, the approval's time:
/// DataPass shows « habilitation H118386 du 19/06/2024 »), the instructor's optional approval
/// message (« Message complémentaire ») and the validated [`AuthorizationRequest`] it approved.
/// Habilitations are created and changed only by
/// [`RequestRecord::apply`](super::RequestRecord::apply).
///
/// JSON: `{"number": "H118386", "state": "active", "created_at": "2024-06-19T10:00:00Z",
/// "message": "…", "request": {…}}` (`message` is left out when there is none).
/// Deserializing the snapshot validates it like any [`AuthorizationRequest`], except that its
/// stored E.164 phone numbers are trusted ([`AuthorizationRequest::from_stored`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A habilitation: its number (written H118386), state, approval time (created_at), optional approval message, and the approved request (a complete request, validated when loaded)."
)]
pub struct Habilitation {
    /// The habilitation number (`H118386`).
    pub(super) number: HabilitationNumber,
    /// Active, obsolete or revoked.
    pub(super) state: HabilitationState,
    /// When the request was approved.
    #[schemars(schema_with = "super::time_schema")]
    pub(super) created_at: DateTime<Utc>,
    /// The instructor's approval message (« Message complémentaire »), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<String>,
    /// The approved request, loaded with [`AuthorizationRequest::from_stored`].
    pub(super) request: AuthorizationRequest,
}

impl Habilitation {
    /// A new active habilitation.
    pub(crate) fn new(
        number: HabilitationNumber,
        created_at: DateTime<Utc>,
        message: Option<String>,
        request: AuthorizationRequest,
    ) -> Self {
        Self {
            number,
            state: HabilitationState::Active,
            created_at,
            message,
            request,
        }
    }

    /// Sets the state; the caller has checked the transition.
    pub(crate) fn set_state(&mut self, state: HabilitationState) {
        self.state = state;
    }

    /// The habilitation number (`H118386`).
    #[must_use]
    pub fn number(&self) -> HabilitationNumber {
        self.number
    }

    /// The state.
    #[must_use]
    pub fn state(&self) -> HabilitationState {
        self.state
    }

    /// Whether the state is [`HabilitationState::Active`].
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.state == HabilitationState::Active
    }

    /// When the request was approved.
    #[must_use]
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// The instructor's approval message, trimmed, if any.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The approved request.
    #[must_use]
    pub fn request(&self) -> &AuthorizationRequest {
        &self.request
    }

    /// The card title DataPass shows: « Habilitation H118386 du 19/06/2024 » (date in UTC).
    #[must_use]
    pub fn title_fr(&self) -> String {
        format!(
            "Habilitation {} du {}",
            self.number,
            self.created_at.format("%d/%m/%Y")
        )
    }
}
