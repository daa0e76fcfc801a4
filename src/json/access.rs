//! Objects and arrays read through the reader: keys are captured for the path and checked for
//! duplicates, and every value is read through [`WrapDe`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::context::{Cx, Segment};
use super::problem::Problem;
use super::wrap::{Error, WrapDe};

/// Above this many keys, an object's keys are kept in a hash set rather than a list, so that a
/// hostile object with many keys costs linear time.
const FEW_KEYS: usize = 16;

/// The keys of one object seen so far.
enum Seen<'de> {
    Few(Vec<Cow<'de, str>>),
    Many(HashSet<Cow<'de, str>>),
}

impl<'de> Seen<'de> {
    /// Adds `key`; false when it was already there.
    fn insert(&mut self, key: &str, owned: impl FnOnce() -> Cow<'de, str>) -> bool {
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

/// An object read through the reader.
pub(crate) struct WrapMap<'a, 'de, A> {
    map: A,
    cx: &'a mut Cx<'de>,
    seen: Seen<'de>,
}

impl<'a, 'de, A> WrapMap<'a, 'de, A> {
    pub(crate) fn new(map: A, cx: &'a mut Cx<'de>) -> Self {
        Self {
            map,
            cx,
            seen: Seen::Few(Vec::new()),
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WrapMap<'_, 'de, A> {
    type Error = Error<A::Error>;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let key = KeySeed {
            seed,
            cx: &mut *self.cx,
            seen: &mut self.seen,
        };
        match self.map.next_key_seed(key) {
            Ok(Some((value, key))) => {
                self.cx.push(Segment::Key(key));
                Ok(Some(value))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(self.cx.lift(e)),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        match self.map.next_value_seed(WrapSeed {
            seed,
            cx: &mut *self.cx,
        }) {
            Ok(value) => {
                self.cx.pop();
                Ok(value)
            }
            Err(e) => Err(self.cx.lift(e)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// An array read through the reader.
pub(crate) struct WrapSeq<'a, 'de, A> {
    seq: A,
    cx: &'a mut Cx<'de>,
    index: usize,
}

impl<'a, 'de, A> WrapSeq<'a, 'de, A> {
    pub(crate) fn new(seq: A, cx: &'a mut Cx<'de>) -> Self {
        Self { seq, cx, index: 0 }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WrapSeq<'_, 'de, A> {
    type Error = Error<A::Error>;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.cx.push(Segment::Index(self.index));
        match self.seq.next_element_seed(WrapSeed {
            seed,
            cx: &mut *self.cx,
        }) {
            Ok(value) => {
                self.cx.pop();
                self.index += 1;
                Ok(value)
            }
            Err(e) => Err(self.cx.lift(e)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

/// A value (of a key or of an array element) read through the reader.
pub(crate) struct WrapSeed<'a, 'de, S> {
    pub seed: S,
    pub cx: &'a mut Cx<'de>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let cx = self.cx;
        let result = self.seed.deserialize(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, None))
    }
}

/// Reads a key: captures it for the path, refuses a duplicate, then hands it to `seed` (a
/// field identifier, which refuses keys the format does not have).
struct KeySeed<'a, 'b, 'de, K> {
    seed: K,
    cx: &'a mut Cx<'de>,
    seen: &'b mut Seen<'de>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, 'de, K> {
    type Value = (K::Value, Cow<'de, str>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> KeySeed<'_, '_, 'de, K> {
    fn key<E: de::Error>(
        self,
        key: Cow<'de, str>,
        run: impl FnOnce(K, &str) -> Result<K::Value, Error<E>>,
    ) -> Result<(K::Value, Cow<'de, str>), E> {
        if !self.seen.insert(&key, || key.clone()) {
            self.cx.record(Problem::DuplicateKey {
                field: Some(key.into_owned()),
            });
            return Err(E::custom(""));
        }
        let cx = self.cx;
        match run(self.seed, &key) {
            Ok(value) => Ok((value, key)),
            Err(e) => Err(cx.absorb(e, None)),
        }
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeySeed<'_, '_, 'de, K> {
    type Value = (K::Value, Cow<'de, str>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.key(Cow::Borrowed(v), |seed, _| {
            seed.deserialize(BorrowedStrDeserializer::new(v))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.key(Cow::Owned(v.to_owned()), |seed, key| {
            seed.deserialize(StrDeserializer::new(key))
        })
    }
}
