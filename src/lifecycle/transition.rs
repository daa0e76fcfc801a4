//! The request transition function: one exhaustive `match (state, event)`.

use chrono::{DateTime, Utc};

use super::event::{Event, EventKind, EventName};
use super::habilitation::{Habilitation, HabilitationEvent, HabilitationState};
use super::state::{Actor, RequestState};
use super::transition_error::{NotAllowedCause, TransitionError};
use crate::request::authorization::AuthorizationRequest;
use crate::request::draft::RequestDraft;

/// What the record knows when it decides on an event.
pub(crate) struct Standing<'a> {
    /// The current state.
    pub state: RequestState,
    /// Whether the request is being reopened.
    pub reopening: bool,
    /// The current content.
    pub content: &'a RequestDraft,
    /// The habilitations, oldest first (the active one, if any, is the last).
    pub habilitations: &'a [Habilitation],
    /// The time of the previous recorded event.
    pub previous_at: Option<DateTime<Utc>>,
}

/// What an accepted event does besides setting the state.
#[derive(Debug)]
pub(crate) enum Effect {
    /// Nothing else.
    None,
    /// `submit`: sets `last_submitted_at`.
    Submitted,
    /// `update`: the content becomes the event's draft.
    ReplaceContent,
    /// `approve`: every older habilitation takes its new state and a new active one holds this
    /// snapshot.
    Approve {
        snapshot: Box<AuthorizationRequest>,
        older: Vec<HabilitationState>,
    },
    /// `refuse` or `cancel_reopening` during a reopening: the content is restored from the
    /// active habilitation (at this index) and the reopening ends.
    Restore { active: usize },
    /// `reopen`: starts a reopening, sets `reopened_at`.
    Reopen,
    /// `revoke`: every habilitation takes its new state.
    RevokeAll { states: Vec<HabilitationState> },
    /// `revoke_habilitation`: one habilitation takes its new state; when it was active the
    /// request is revoked and any reopening ends.
    RevokeOne {
        index: usize,
        state: HabilitationState,
    },
}

/// An accepted event: the new state and what else changes.
#[derive(Debug)]
pub(crate) struct Transition {
    pub to: RequestState,
    pub effect: Effect,
}

/// Builds the errors of one (state, event) pair.
struct Refusal {
    state: RequestState,
    event: EventName,
}

impl Refusal {
    fn not_allowed(&self, cause: NotAllowedCause) -> TransitionError {
        TransitionError::NotAllowed {
            state: self.state,
            event: self.event,
            cause,
        }
    }

    fn not_in_table(&self) -> Result<Transition, TransitionError> {
        Err(self.not_allowed(NotAllowedCause::NotInTable))
    }

    /// `forbidden_actor` unless `actor` is one of `allowed`.
    fn actor(&self, actor: Actor, allowed: &[Actor]) -> Result<(), TransitionError> {
        if allowed.contains(&actor) {
            Ok(())
        } else {
            Err(TransitionError::ForbiddenActor {
                state: self.state,
                event: self.event,
                actor,
            })
        }
    }

    /// `reason_required` unless `reason` is non-blank after trimming.
    fn reason(&self, reason: Option<&String>) -> Result<(), TransitionError> {
        if reason.is_some_and(|r| !r.trim().is_empty()) {
            Ok(())
        } else {
            Err(TransitionError::ReasonRequired {
                state: self.state,
                event: self.event,
            })
        }
    }

    /// `invalid_request` unless the content validates.
    fn valid(&self, content: &RequestDraft) -> Result<AuthorizationRequest, TransitionError> {
        content
            .validate()
            .map_err(|report| TransitionError::InvalidRequest {
                state: self.state,
                event: self.event,
                report,
            })
    }
}

/// The index of the active habilitation, which the invariant places last.
fn active_index(habilitations: &[Habilitation]) -> Option<usize> {
    habilitations
        .iter()
        .rposition(Habilitation::is_active)
        .filter(|&i| i + 1 == habilitations.len())
}

/// Applies a habilitation event to every habilitation, or names the first that refuses it.
fn all_habilitations(
    habilitations: &[Habilitation],
    event: HabilitationEvent,
) -> Result<Vec<HabilitationState>, NotAllowedCause> {
    habilitations
        .iter()
        .map(|h| {
            h.state()
                .apply(event)
                .map_err(|_| NotAllowedCause::HabilitationState {
                    habilitation_number: h.number(),
                    state: h.state(),
                })
        })
        .collect()
}

/// The request transition function: one exhaustive `match` over (state, event), listing every
/// state on each side, with no catch-all arm.
///
/// Checks run in the order of the refusal codes: time, then (in the arm) table and state
/// guards, actor, reason, content validity, unchanged reopening, duplicate habilitation number.
// Each event's refused states are listed next to its allowed arm, so the table reads event by
// event; merging the identical `not_in_table` arms would scatter it.
#[allow(clippy::match_same_arms)]
pub(crate) fn transition(
    facts: &Standing<'_>,
    event: &Event,
) -> Result<Transition, TransitionError> {
    use Actor::{Applicant, Instructor, System};
    use EventKind as E;
    use RequestState as S;

    let state = facts.state;
    let no = Refusal {
        state,
        event: event.name(),
    };
    if let Some(previous) = facts.previous_at
        && event.at < previous
    {
        return Err(TransitionError::TimeWentBackwards {
            state,
            event: event.name(),
            at: event.at,
            previous,
        });
    }
    let actor = event.actor;
    let active = active_index(facts.habilitations);
    let to = |to: RequestState, effect: Effect| Ok(Transition { to, effect });

    match (state, &event.kind) {
        // submit: draft, changes_requested → submitted (applicant).
        (S::Draft | S::ChangesRequested, E::Submit) => {
            // During a reopening, the data must differ from the active (latest) snapshot.
            let latest = if facts.reopening {
                let Some(i) = active else {
                    return Err(no.not_allowed(NotAllowedCause::NotReopenable));
                };
                Some(&facts.habilitations[i])
            } else {
                None
            };
            no.actor(actor, &[Applicant])?;
            let request = no.valid(facts.content)?;
            if let Some(latest) = latest
                && latest.request() == &request
            {
                return Err(TransitionError::UnchangedReopening {
                    state,
                    event: event.name(),
                    habilitation_number: latest.number(),
                });
            }
            to(S::Submitted, Effect::Submitted)
        }
        (S::Submitted | S::Validated | S::Refused | S::Archived | S::Revoked, E::Submit) => {
            no.not_in_table()
        }

        // update: draft, changes_requested → unchanged (applicant).
        (S::Draft | S::ChangesRequested, E::Update { .. }) => {
            no.actor(actor, &[Applicant])?;
            to(state, Effect::ReplaceContent)
        }
        (S::Submitted | S::Validated | S::Refused | S::Archived | S::Revoked, E::Update { .. }) => {
            no.not_in_table()
        }

        // request_changes: submitted → changes_requested (instructor, reason).
        (S::Submitted, E::RequestChanges { reason }) => {
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            to(S::ChangesRequested, Effect::None)
        }
        (
            S::Draft | S::ChangesRequested | S::Validated | S::Refused | S::Archived | S::Revoked,
            E::RequestChanges { .. },
        ) => no.not_in_table(),

        // approve: submitted, changes_requested → validated (instructor), new habilitation.
        (
            S::Submitted | S::ChangesRequested,
            E::Approve {
                habilitation_number,
                ..
            },
        ) => {
            let older = all_habilitations(facts.habilitations, HabilitationEvent::Deprecate)
                .map_err(|cause| no.not_allowed(cause))?;
            no.actor(actor, &[Instructor])?;
            let snapshot = no.valid(facts.content)?;
            if facts
                .habilitations
                .iter()
                .any(|h| h.number() == *habilitation_number)
            {
                return Err(TransitionError::DuplicateHabilitationNumber {
                    state,
                    event: event.name(),
                    habilitation_number: *habilitation_number,
                });
            }
            to(
                S::Validated,
                Effect::Approve {
                    snapshot: Box::new(snapshot),
                    older,
                },
            )
        }
        (S::Draft | S::Validated | S::Refused | S::Archived | S::Revoked, E::Approve { .. }) => {
            no.not_in_table()
        }

        // refuse: submitted, changes_requested → refused, or → validated during a reopening
        // (instructor, reason).
        (S::Submitted | S::ChangesRequested, E::Refuse { reason }) => {
            let restore = if facts.reopening {
                Some(active.ok_or_else(|| no.not_allowed(NotAllowedCause::NotReopenable))?)
            } else {
                None
            };
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            match restore {
                Some(active) => to(S::Validated, Effect::Restore { active }),
                None => to(S::Refused, Effect::None),
            }
        }
        (S::Draft | S::Validated | S::Refused | S::Archived | S::Revoked, E::Refuse { .. }) => {
            no.not_in_table()
        }

        // archive: draft, refused, revoked → archived (anyone), without an active habilitation.
        (S::Draft | S::Refused | S::Revoked, E::Archive) => {
            if active.is_some() || facts.reopening {
                return Err(no.not_allowed(NotAllowedCause::ActiveHabilitation));
            }
            no.actor(actor, &[Applicant, Instructor, System])?;
            to(S::Archived, Effect::None)
        }
        (S::Submitted | S::ChangesRequested | S::Validated | S::Archived, E::Archive) => {
            no.not_in_table()
        }

        // reopen: validated → draft (applicant), the latest habilitation active.
        (S::Validated, E::Reopen) => {
            if facts.reopening || active.is_none() {
                return Err(no.not_allowed(NotAllowedCause::NotReopenable));
            }
            no.actor(actor, &[Applicant])?;
            to(S::Draft, Effect::Reopen)
        }
        (
            S::Draft | S::Submitted | S::ChangesRequested | S::Refused | S::Archived | S::Revoked,
            E::Reopen,
        ) => no.not_in_table(),

        // cancel_reopening: draft, changes_requested, submitted → validated during a reopening
        // (applicant except while submitted; instructor with a reason).
        (S::Draft | S::ChangesRequested | S::Submitted, E::CancelReopening { reason }) => {
            let Some(active) = active.filter(|_| facts.reopening) else {
                return Err(no.not_allowed(NotAllowedCause::NotReopening));
            };
            let allowed: &[Actor] = match state {
                S::Submitted => &[Instructor],
                S::Draft
                | S::ChangesRequested
                | S::Validated
                | S::Refused
                | S::Archived
                | S::Revoked => &[Applicant, Instructor],
            };
            no.actor(actor, allowed)?;
            if actor == Instructor {
                no.reason(reason.as_ref())?;
            }
            to(S::Validated, Effect::Restore { active })
        }
        (S::Validated | S::Refused | S::Archived | S::Revoked, E::CancelReopening { .. }) => {
            no.not_in_table()
        }

        // revoke: validated → revoked (instructor, reason), every habilitation revoked.
        (S::Validated, E::Revoke { reason }) => {
            let states = all_habilitations(facts.habilitations, HabilitationEvent::Revoke)
                .map_err(|cause| no.not_allowed(cause))?;
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            to(S::Revoked, Effect::RevokeAll { states })
        }
        (
            S::Draft | S::Submitted | S::ChangesRequested | S::Refused | S::Archived | S::Revoked,
            E::Revoke { .. },
        ) => no.not_in_table(),

        // revoke_habilitation: validated or reopening; revoking the active habilitation revokes
        // the request (instructor, reason).
        (
            S::Validated | S::Draft | S::ChangesRequested | S::Submitted,
            E::RevokeHabilitation {
                habilitation_number,
                reason,
            },
        ) => {
            let Some(index) = facts
                .habilitations
                .iter()
                .position(|h| h.number() == *habilitation_number)
            else {
                return Err(no.not_allowed(NotAllowedCause::UnknownHabilitation {
                    habilitation_number: *habilitation_number,
                }));
            };
            let target = &facts.habilitations[index];
            let new_state = target
                .state()
                .apply(HabilitationEvent::Revoke)
                .map_err(|_| {
                    no.not_allowed(NotAllowedCause::HabilitationState {
                        habilitation_number: target.number(),
                        state: target.state(),
                    })
                })?;
            no.actor(actor, &[Instructor])?;
            no.reason(reason.as_ref())?;
            let request_to = if target.is_active() {
                S::Revoked
            } else {
                state
            };
            to(
                request_to,
                Effect::RevokeOne {
                    index,
                    state: new_state,
                },
            )
        }
        (S::Refused | S::Archived | S::Revoked, E::RevokeHabilitation { .. }) => no.not_in_table(),
    }
}
