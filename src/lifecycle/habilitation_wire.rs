//! How a [`Habilitation`] is read: serde's derived code over its structure, inside the crate's
//! reader, its snapshot validated as a stored request.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use super::habilitation::{Habilitation, HabilitationState};
use super::numbers::HabilitationNumber;
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;
use crate::request::authorization::AuthorizationRequest;

/// The structure of a [`Habilitation`], read by serde's derived code inside the crate's reader
/// (`remote`: the compiler checks that it has the habilitation's fields).
#[derive(Deserialize)]
#[serde(remote = "Habilitation", deny_unknown_fields)]
struct HabilitationWire {
    number: HabilitationNumber,
    state: HabilitationState,
    created_at: DateTime<Utc>,
    #[serde(default)]
    message: Option<String>,
    #[serde(deserialize_with = "AuthorizationRequest::deserialize_stored")]
    request: AuthorizationRequest,
}

/// A habilitation is read as a part of a stored record.
impl Readable for Habilitation {
    type Wire = Self;

    const FORMAT: &'static Format = &Format::RECORD;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        HabilitationWire::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}

impl<'de> Deserialize<'de> for Habilitation {
    /// Reads through the crate's reader: a structural problem is refused with its code and
    /// path, without quoting the document; the snapshot is validated.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}
