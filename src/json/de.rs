//! The reader's deserializer: [`WrapDe`] wraps `serde_json`'s and checks structure as the bytes
//! go by, with the visitor ([`TypedVisitor`]) and the object and array accesses ([`WrapMap`],
//! [`WrapSeq`]) it hands to serde's derived code. They call one another, as a deserializer's
//! parts do (serde_json keeps its own in `de.rs`), so they live in this one file.
//!
//! Every typed request of a `Deserialize` impl (`deserialize_str`, `deserialize_struct`…) is
//! turned into `deserialize_any` with a [`TypedVisitor`] that knows what JSON type is expected,
//! so the wrapped deserializer never judges types itself: every data problem is found here, with
//! its path, and the wrapped deserializer only ever reports malformed input.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::context::Cx;
use super::error::ReadError;
use super::format::Segment;
use super::kind::Kind;
use super::problem::Problem;
use super::seen::Seen;

impl Cx<'_> {
    /// Turns an error of this reader into an error of the wrapped deserializer, recording the
    /// problem it carries at the current path; `expected` completes a wrong-type problem.
    pub(crate) fn absorb<E: de::Error>(
        &mut self,
        error: ReadError<E>,
        expected: Option<Kind>,
    ) -> E {
        match error {
            ReadError::Inner(e) => e,
            ReadError::Recorded => E::custom(""),
            ReadError::Found(problem) => {
                self.record(match problem {
                    Problem::InvalidType { expected: None } => Problem::InvalidType { expected },
                    other => other,
                });
                E::custom("")
            }
        }
    }

    /// An error of the wrapped deserializer, as this reader returns it: a problem already
    /// recorded, or malformed input.
    pub(crate) fn lift<E>(&self, error: E) -> ReadError<E> {
        if self.has_failed() {
            ReadError::Recorded
        } else {
            ReadError::Inner(error)
        }
    }
}

/// A deserializer that checks the structure of what `de` reads, recording problems in `cx`.
pub(crate) struct WrapDe<'a, 'de, D> {
    pub de: D,
    pub cx: &'a mut Cx<'de>,
}

impl<'de, D: Deserializer<'de>> WrapDe<'_, 'de, D> {
    /// Reads any value, checking that it has the JSON type `kind`.
    fn typed<V: Visitor<'de>>(
        self,
        visitor: V,
        kind: Kind,
    ) -> Result<V::Value, ReadError<D::Error>> {
        let cx = self.cx;
        let result = self.de.deserialize_any(TypedVisitor {
            visitor,
            cx: &mut *cx,
            kind,
        });
        result.map_err(|e| cx.lift(e))
    }
}

macro_rules! typed {
    ($($method:ident => $kind:ident,)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.typed(visitor, Kind::$kind)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for WrapDe<'_, 'de, D> {
    type Error = ReadError<D::Error>;

    typed! {
        deserialize_any => Any,
        deserialize_bool => Boolean,
        deserialize_i8 => Integer,
        deserialize_i16 => Integer,
        deserialize_i32 => Integer,
        deserialize_i64 => Integer,
        deserialize_i128 => Integer,
        deserialize_u8 => Integer,
        deserialize_u16 => Integer,
        deserialize_u32 => Integer,
        deserialize_u64 => Integer,
        deserialize_u128 => Integer,
        deserialize_f32 => Number,
        deserialize_f64 => Number,
        deserialize_char => String,
        deserialize_str => String,
        deserialize_string => String,
        deserialize_bytes => Any,
        deserialize_byte_buf => Any,
        deserialize_unit => Null,
        deserialize_seq => Array,
        deserialize_map => Object,
        deserialize_identifier => String,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let cx = self.cx;
        let result = self.de.deserialize_option(OptionVisitor {
            visitor,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.lift(e))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Null)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Array)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Array)
    }

    /// A struct is read from an object only: serde also accepts the array of its field values,
    /// which no format of the crate allows.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Object)
    }

    /// The crate's formats have no externally tagged enums: an enum value is a value that does
    /// not fit.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Enum)
    }

    /// The value of a key the format does not know: refused, reported or skipped as the
    /// format's policy says; a skipped value is still read through this reader, so its depth
    /// and its duplicate keys are checked.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.cx.start_skipping().is_err() {
            return Err(ReadError::Recorded);
        }
        let cx = self.cx;
        let result = self.de.deserialize_any(TypedVisitor {
            visitor,
            cx: &mut *cx,
            kind: Kind::Any,
        });
        cx.stop_skipping();
        result.map_err(|e| cx.lift(e))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// Checks the JSON type of a value against `kind`, then hands it to `visitor`.
pub(crate) struct TypedVisitor<'a, 'de, V> {
    pub visitor: V,
    pub cx: &'a mut Cx<'de>,
    pub kind: Kind,
}

impl<'de, V: Visitor<'de>> TypedVisitor<'_, 'de, V> {
    /// Checks that a value of JSON type `found` is acceptable, recording a wrong-type problem
    /// otherwise.
    fn check<E: de::Error>(&mut self, found: Kind) -> Result<(), E> {
        if self.kind.accepts(found) {
            Ok(())
        } else {
            self.cx.record(match self.kind {
                Kind::Enum => Problem::InvalidValue,
                kind => Problem::InvalidType {
                    expected: kind.expected(),
                },
            });
            Err(E::custom(""))
        }
    }

    /// Calls the wrapped visitor, recording the problem it reports.
    fn call<E: de::Error>(
        self,
        found: Kind,
        f: impl FnOnce(V) -> Result<V::Value, ReadError<E>>,
    ) -> Result<V::Value, E> {
        let mut this = self;
        this.check::<E>(found)?;
        let expected = this.kind.expected();
        let cx = this.cx;
        f(this.visitor).map_err(|e| cx.absorb(e, expected))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TypedVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.call(Kind::Boolean, |visitor| visitor.visit_bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_i64(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_i128(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_u64(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_u128(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.call(Kind::Number, |visitor| visitor.visit_f64(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_char(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_str(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_borrowed_str(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_string(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        self.call(Kind::Any, |visitor| visitor.visit_bytes(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.call(Kind::Null, V::visit_none)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.call(Kind::Null, V::visit_unit)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let expected = self.kind.expected();
        let cx = self.cx;
        let result = self.visitor.visit_some(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, expected))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        let expected = self.kind.expected();
        let cx = self.cx;
        let result = self.visitor.visit_newtype_struct(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, expected))
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<V::Value, A::Error> {
        self.check::<A::Error>(Kind::Array)?;
        if self.cx.enter().is_err() {
            return Err(de::Error::custom(""));
        }
        let expected = self.kind.expected();
        let cx = self.cx;
        let mark = cx.mark();
        let result = self.visitor.visit_seq(WrapSeq::new(seq, &mut *cx));
        cx.leave();
        result.map_err(|e| {
            cx.back_to(mark);
            cx.absorb(e, expected)
        })
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<V::Value, A::Error> {
        self.check::<A::Error>(Kind::Object)?;
        if self.cx.enter().is_err() {
            return Err(de::Error::custom(""));
        }
        let expected = self.kind.expected();
        let cx = self.cx;
        let mark = cx.mark();
        let result = self.visitor.visit_map(WrapMap::new(map, &mut *cx));
        cx.leave();
        result.map_err(|e| {
            cx.back_to(mark);
            cx.absorb(e, expected)
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        // JSON has no enum values of its own: the crate's formats never ask for one.
        self.cx.record(Problem::InvalidValue);
        Err(de::Error::custom(""))
    }
}

/// Reads an optional value: `null` is `None`, anything else is read through the reader.
pub(crate) struct OptionVisitor<'a, 'de, V> {
    pub visitor: V,
    pub cx: &'a mut Cx<'de>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for OptionVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        let cx = self.cx;
        self.visitor.visit_none().map_err(|e| cx.absorb(e, None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let cx = self.cx;
        let result = self.visitor.visit_some(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, None))
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
    type Error = ReadError<A::Error>;

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
    type Error = ReadError<A::Error>;

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
        run: impl FnOnce(K, &str) -> Result<K::Value, ReadError<E>>,
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
