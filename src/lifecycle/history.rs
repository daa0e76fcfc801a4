//! The history of a request: its accepted events, with DataPass's French summaries and their
//! English counterparts.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::event::EventName;
use super::numbers::HabilitationNumber;
use super::state::Actor;

/// One line of a request's history: an accepted event.
///
/// `event` uses DataPass's event names (`submit`, `approve`…; `revoke_habilitation` is the
/// crate's). Refused events are not recorded. JSON: `{"event": "approve", "actor":
/// "instructor", "at": "2024-04-30T13:00:00Z", "habilitation_number": "H60501"}`, with `reason`,
/// `message` and `habilitation_number` left out when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "An accepted event of the request's history, named as in DataPass (revoke_habilitation is the crate's name), with its actor, time, and the reason, approval message or habilitation number it concerns."
)]
#[non_exhaustive]
pub struct HistoryEntry {
    /// The event.
    pub event: EventName,
    /// Who triggered it.
    pub actor: Actor,
    /// When.
    #[schemars(schema_with = "super::time_schema")]
    pub at: DateTime<Utc>,
    /// The reason given (request changes, refusal, revocation, cancelled reopening), trimmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The approval message, trimmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The habilitation concerned: created (`approve`), reopened (`reopen`) or revoked
    /// (`revoke_habilitation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub habilitation_number: Option<HabilitationNumber>,
}

impl HistoryEntry {
    /// The French summary DataPass shows for this event
    /// (`etalab/data_pass:config/locales/instruction.fr.yml`), with the actor's role where
    /// DataPass writes the user's name: « Le demandeur a soumis la demande. ».
    ///
    /// The crate keeps no per-field diff, so a later submission reads like the first one.
    #[must_use]
    pub fn summary_fr(&self) -> String {
        let user = self.actor.label_fr();
        let reason = self.reason.as_deref().unwrap_or_default();
        match self.event {
            EventName::Submit => format!("{user} a soumis la demande."),
            EventName::Update => format!("{user} a mis à jour la demande."),
            EventName::RequestChanges => {
                format!("{user} a demandé des modifications sur la demande : {reason}")
            }
            EventName::Approve => match self.habilitation_number {
                Some(number) => format!(
                    "{user} a approuvé la demande. Consulter l'habilitation API Pro Santé \
                     Connect {number}."
                ),
                None => format!("{user} a approuvé la demande."),
            },
            EventName::Refuse => format!("{user} a refusé la demande : {reason}"),
            EventName::Revoke => format!("{user} a révoqué la demande : {reason}"),
            EventName::RevokeHabilitation => match self.habilitation_number {
                Some(number) => format!("{user} a révoqué l'habilitation {number} : {reason}"),
                None => format!("{user} a révoqué l'habilitation : {reason}"),
            },
            EventName::Reopen => format!("{user} a réouvert l'habilitation."),
            EventName::CancelReopening => match self.actor {
                Actor::Instructor => format!(
                    "{user} a annulé la réouverture de l'habilitation pour la raison suivante : \
                     {reason}"
                ),
                Actor::Applicant | Actor::System => {
                    format!("{user} a annulé la réouverture de l'habilitation.")
                }
            },
            EventName::Archive => match self.actor {
                Actor::System => "La demande d'habilitation a été archivée par le système.".into(),
                Actor::Applicant | Actor::Instructor => format!("{user} a supprimé la demande."),
            },
        }
    }

    /// The summary in English: the sentence of [`summary_fr`](Self::summary_fr), translated,
    /// with the same facts (the actor's role, the reason, the habilitation number): "The
    /// applicant submitted the request.".
    #[must_use]
    pub fn summary_en(&self) -> String {
        let user = self.actor.label_en();
        let reason = self.reason.as_deref().unwrap_or_default();
        match self.event {
            EventName::Submit => format!("{user} submitted the request."),
            EventName::Update => format!("{user} updated the request."),
            EventName::RequestChanges => {
                format!("{user} requested changes to the request: {reason}")
            }
            EventName::Approve => match self.habilitation_number {
                Some(number) => format!(
                    "{user} approved the request. See the API Pro Santé Connect habilitation \
                     {number}."
                ),
                None => format!("{user} approved the request."),
            },
            EventName::Refuse => format!("{user} refused the request: {reason}"),
            EventName::Revoke => format!("{user} revoked the request: {reason}"),
            EventName::RevokeHabilitation => match self.habilitation_number {
                Some(number) => format!("{user} revoked habilitation {number}: {reason}"),
                None => format!("{user} revoked the habilitation: {reason}"),
            },
            EventName::Reopen => format!("{user} reopened the habilitation."),
            EventName::CancelReopening => match self.actor {
                Actor::Instructor => format!(
                    "{user} cancelled the reopening of the habilitation for the following \
                     reason: {reason}"
                ),
                Actor::Applicant | Actor::System => {
                    format!("{user} cancelled the reopening of the habilitation.")
                }
            },
            EventName::Archive => match self.actor {
                Actor::System => "The authorization request was archived by the system.".into(),
                Actor::Applicant | Actor::Instructor => format!("{user} deleted the request."),
            },
        }
    }
}
