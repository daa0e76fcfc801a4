//! [`Seen`]: the keys of one object read so far, to refuse a duplicate in linear time.

use std::borrow::Cow;
use std::collections::HashSet;

/// Above this many keys, an object's keys are kept in a hash set rather than a list, so that a
/// hostile object with many keys costs linear time.
const FEW_KEYS: usize = 16;

/// The keys of one object seen so far.
pub(crate) enum Seen<'de> {
    Few(Vec<Cow<'de, str>>),
    Many(HashSet<Cow<'de, str>>),
}

impl<'de> Seen<'de> {
    /// Adds `key`; false when it was already there.
    pub(crate) fn insert(&mut self, key: &str, owned: impl FnOnce() -> Cow<'de, str>) -> bool {
        match self {
            Self::Few(keys) => {
                if keys.iter().any(|k| k == key) {
                    return false;
                }
                if keys.len() < FEW_KEYS {
                    keys.push(owned());
                } else {
                    let mut set: HashSet<_> = keys.drain(..).collect();
                    set.insert(owned());
                    *self = Self::Many(set);
                }
                true
            }
            Self::Many(keys) => !keys.contains(key) && keys.insert(owned()),
        }
    }
}
