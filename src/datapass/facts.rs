//! [`Facts`]: what DataPass says of an imported document.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::lifecycle::{HabilitationNumber, HabilitationState, RequestNumber, RequestState};

/// What DataPass says of an imported document. Each member is there when the document says it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Facts {
    /// The request number (`D60501`), the number to give Pro Santé Connect onboarding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_number: Option<RequestNumber>,
    /// The request's state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<RequestState>,
    /// Whether a validated request is being changed: DataPass's `reopening`, or in a webhook,
    /// inferred (validated once, and draft, submitted or changes requested again).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reopening: Option<bool>,
    /// The habilitations, as DataPass lists them (one for `GET /habilitations/{id}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub habilitations: Option<Vec<FactHabilitation>>,
    /// The event of a webhook call (`approve`), as DataPass names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// When DataPass fired a webhook call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fired_at: Option<DateTime<Utc>>,
    /// The webhook call is DataPass's test ping: answer `200` without processing it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ping: bool,
    /// When the ping was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<DateTime<Utc>>,
    /// The wizard step a `POST` or `PATCH` body asks DataPass to validate up to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_build_step: Option<String>,
    /// A history, in DataPass's order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<FactEvent>>,
}

impl Facts {
    /// The facts of a `POST` or `PATCH` body: the step DataPass validates it up to.
    pub(crate) fn build_step(step: Option<&str>) -> Self {
        Self {
            current_build_step: step.map(str::to_owned),
            ..Self::default()
        }
    }
}

/// A habilitation as DataPass lists it, without its snapshot. Its state is authoritative
/// (DataPass's `revoked` flag stays `false` on a revocation done in DataPass v2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FactHabilitation {
    /// Its number (`H118386`).
    pub number: HabilitationNumber,
    /// Active, obsolete or revoked.
    pub state: HabilitationState,
    /// The approval date.
    pub created_at: Option<DateTime<Utc>>,
}

/// An event of a history, as DataPass names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FactEvent {
    /// DataPass's name (`submit`, `create_by_api`…).
    pub name: String,
    /// When it happened.
    pub created_at: Option<DateTime<Utc>>,
}
