//! How a [`HistoryEntry`] is read: serde's derived code over its structure, inside the crate's
//! reader.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use super::event::EventName;
use super::history::HistoryEntry;
use super::numbers::HabilitationNumber;
use super::state::Actor;
use crate::json::format::Format;
use crate::json::{self, Readable};
use crate::options::Options;
use crate::report::Issue;

/// The structure of a [`HistoryEntry`], read by serde's derived code inside the crate's reader
/// (`remote`: the compiler checks that it has the entry's fields).
#[derive(Deserialize)]
#[serde(remote = "HistoryEntry", deny_unknown_fields)]
struct HistoryEntryWire {
    event: EventName,
    actor: Actor,
    at: DateTime<Utc>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    habilitation_number: Option<HabilitationNumber>,
}

/// An entry is read as a part of a stored record.
impl Readable for HistoryEntry {
    type Wire = Self;

    const FORMAT: &'static Format = &Format::RECORD;

    fn read_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        HistoryEntryWire::deserialize(deserializer)
    }

    fn finish(wire: Self, _: &Options) -> Result<Self, Issue> {
        Ok(wire)
    }
}

impl<'de> Deserialize<'de> for HistoryEntry {
    /// Reads through the crate's reader: a structural problem is refused with its code and
    /// path, without quoting the document.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}
